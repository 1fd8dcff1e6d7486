namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// The one definition of how far a justified line may stretch and shrink, which the paragraph
/// breaker weighs (<see cref="ParagraphBreaker"/>), the setting of a line applies and reports
/// (<see cref="LineBreaker.Place"/>, <see cref="LineSetting"/>) and the tests check. A value holds a
/// paragraph's measure (its text size and word space): every line of the paragraph is judged by it.
/// </summary>
/// <remarks>
/// Justification adds an equal share of a line's slack at each of its stretch points
/// (<see cref="IsStretchPoint"/>). The most each point may take is <see cref="PointLimit"/>: in a line
/// with a Han character <see cref="HanLimitEm"/> of the text size; in any other line, Latin text
/// with or without full-width marks ("（UN-Habitat）"), half of what lifts a word space to
/// <see cref="WordSpaceMax"/> (a space has a stretch point on each side), the paragraph's word space
/// even where the line has none.
/// </remarks>
public readonly record struct LineStretch(double Em, double Space)
{
    /// <summary>A word space is set at no less than 85 % of its width…</summary>
    public const double WordSpaceMin = 0.85;

    /// <summary>…and at no more than 150 %.</summary>
    public const double WordSpaceMax = 1.5;

    /// <summary>The most a stretch point between Han characters (or Han and Latin text) may grow, in ems of the text.</summary>
    public const double HanLimitEm = 0.08;

    /// <summary>
    /// The loosest a justified line is set where no breaking keeps it within <see cref="WordSpaceMax"/>
    /// (long names and codes that are never hyphenated, a narrow first line after a sub-item's label).
    /// </summary>
    public const double LoosestWordSpace = 4;

    /// <summary>The ¼-em gap between Han and Latin text closes to no less than half of it in a line that must be compressed.</summary>
    public const double GapMin = 0.5;

    /// <summary>The measure of a paragraph (or of a line set by itself): its text size and its word space.</summary>
    public static LineStretch Of(IReadOnlyList<Atom> atoms)
    {
        double em = TextSize(atoms);
        return new LineStretch(em, SpaceWidth(atoms, em));
    }

    /// <summary>The most each stretch point of a line may take, in points: the line's limit.</summary>
    public double PointLimit(bool han) => han ? HanLimitEm * Em : (WordSpaceMax - 1) * Space / 2;

    /// <summary>A line's stretch against its limit: 1 at the limit, over 1 loose.</summary>
    public double Ratio(double extraPerPoint, bool han) => extraPerPoint / PointLimit(han);

    /// <summary>A word space's width, as a share of its natural width, when each stretch point takes <paramref name="extraPerPoint"/>.</summary>
    public double WordSpace(double extraPerPoint) => 1 + 2 * extraPerPoint / Space;

    /// <summary>A Han character (not a full-width mark): what gives a line the limit of <see cref="HanLimitEm"/>.</summary>
    public static bool IsHanCharacter(Atom atom) => atom.Kind == AtomKind.Han && Typesetting.Script.IsHan(atom.First);

    /// <summary>
    /// Stretch points of a line: before each atom index listed, justification adds space. At spaces
    /// and between Han characters (and Han next to Latin text), never inside a Latin word, never at
    /// the fixed ¼-em gap between Han and Latin text, never between two full-width marks.
    /// </summary>
    public static bool IsStretchPoint(Atom l, Atom r)
    {
        if (l.Kind == AtomKind.Gap || r.Kind == AtomKind.Gap) return false;
        if (r.Kind == AtomKind.Space || l.Kind == AtomKind.Space) return true;
        return (r.Kind == AtomKind.Han || l.Kind == AtomKind.Han) && r.Kind != AtomKind.Footnote && !(LineBreaker.IsFullWidthMark(l) && LineBreaker.IsFullWidthMark(r));
    }

    /// <summary>How much a full-width mark inside a line may give up: half its width (clreq punctuation compression).</summary>
    public static double PunctuationShrink(Atom atom) => atom.Kind == AtomKind.Han ? atom.EndCompression : 0;

    /// <summary>How much an opening mark inside a line (not at its start) may give up: its blank left half.</summary>
    public static double OpeningShrink(Atom atom) => atom.Kind == AtomKind.Han ? atom.StartCompression : 0;

    /// <summary>How much a word space may give up: down to <see cref="WordSpaceMin"/> of it; a Han–Latin gap down to <see cref="GapMin"/>.</summary>
    public static double SpaceShrink(Atom atom) => atom.Kind switch
    {
        AtomKind.Space => atom.Width * (1 - WordSpaceMin),
        AtomKind.Gap => atom.Width * (1 - GapMin),
        _ => 0,
    };

    /// <summary>The text size of a line or paragraph (its first drawn piece), for the limits in ems.</summary>
    private static double TextSize(IReadOnlyList<Atom> atoms)
    {
        foreach (var atom in atoms)
            foreach (var piece in atom.Pieces)
                if (!piece.Style.Superscript) return piece.Style.Size;
        return 10;
    }

    /// <summary>The natural width of a word space among the atoms (a quarter em when there is none).</summary>
    private static double SpaceWidth(IReadOnlyList<Atom> atoms, double em)
    {
        foreach (var atom in atoms)
            if (atom.Kind == AtomKind.Space && atom.Width > 0) return atom.Width;
        return em / 4;
    }
}
