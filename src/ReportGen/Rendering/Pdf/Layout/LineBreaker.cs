using System.Text;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Typesetting;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>How a run of text is set.</summary>
public sealed record TextStyle(FontRole Role, double Size, bool Bold = false, bool Italic = false, bool Superscript = false)
{
    public TextStyle With(bool? bold = null, bool? italic = null, bool? superscript = null) =>
        this with { Bold = bold ?? Bold, Italic = italic ?? Italic, Superscript = superscript ?? Superscript };
}

/// <summary>A piece of text in one face: what is drawn.</summary>
public sealed record Glyphs(string Text, TrueTypeFace Face, TextStyle Style, double Width);

public enum AtomKind { Word, Han, Space, Gap, Footnote }

/// <summary>
/// Where the text of a reference leads (a chart reference, <see cref="ChartRef"/>): the named
/// destination it links to (<see cref="Document.Anchors.Encode"/>) and what the link is said to be
/// (the annotation's /Contents, PDF/UA-1 7.18.5). One object per reference: its atoms share it.
/// </summary>
public sealed record LinkTarget(string Destination, string Description);

/// <summary>
/// The unit of line breaking: a Latin word (never split unless longer than a line), one East
/// Asian character, a space, or the automatic ¼-em gap between Han and Latin text.
/// </summary>
public sealed class Atom
{
    public required AtomKind Kind { get; init; }
    public required List<Glyphs> Pieces { get; init; }
    public double Width { get; set; }
    /// <summary>May the line break before this atom?</summary>
    public bool BreakBefore { get; set; }
    /// <summary>Width saved when this atom ends a line (half of a full-width mark, GB/T 15834 line-end compression).</summary>
    public double EndCompression { get; set; }

    /// <summary>How much an opening mark ("（", "「") may give up inside a line when it must be compressed: its blank left half.</summary>
    public double StartCompression { get; set; }
    public Footnote? Footnote { get; init; }
    /// <summary>The link this atom is part of (the words of a chart reference); null for plain text.</summary>
    public LinkTarget? Link { get; set; }
    /// <summary>A syllable of a hyphenated English word after the first: breaking before it sets a hyphen.</summary>
    public bool Syllable { get; set; }
    /// <summary>The hyphen drawn at the end of a line that breaks before this syllable.</summary>
    public Glyphs? Hyphen { get; set; }
    // Asked for at every break opportunity the paragraph breaker weighs: made once (the pieces never change).
    private string? _text;
    public string Text => _text ??= Pieces.Count == 1 ? Pieces[0].Text : string.Concat(Pieces.Select(p => p.Text));
    public char First => Text.Length > 0 ? Text[0] : ' ';
    public char Last => Text.Length > 0 ? Text[^1] : ' ';
}

/// <summary>A laid-out line: atoms with their x offsets, its metrics, and how it was set.</summary>
public sealed record Line(IReadOnlyList<(Atom Atom, double X)> Atoms, double Width, double Ascent, double Descent, IReadOnlyList<Footnote> Footnotes,
    LineSetting? Setting = null)
{
    public string Text => string.Concat(Atoms.Select(a => a.Atom.Kind == AtomKind.Space ? " " : a.Atom.Text));

    /// <summary>
    /// The direction of the line's paragraph where it is not the document's (UAX #9 rule HL1): 0 for a
    /// left-to-right paragraph (a masthead line kept in English in a right-to-left edition), 1 for a
    /// right-to-left one; null, as almost every line: its document's (<see cref="PageText.RightToLeft"/>).
    /// </summary>
    public int? ParagraphLevel { get; init; }
}

/// <summary>
/// How a line was set, against the limits of <see cref="LineStretch"/>: its word spaces as a share
/// of their natural width (1 in a line without), the space added between Han characters in ems,
/// whether it was justified, ends with a hyphen, was set tighter than its natural width; its stretch
/// against its limit (<see cref="LineStretch.Ratio"/>), by the measure of its paragraph, and whether
/// it has a Han character (which gives it the Han limit).
/// </summary>
public sealed record LineSetting(double WordSpace, double HanEm, bool Justified, bool Hyphenated, bool Compressed, double Stretch, LineStretch Measure, bool Han)
{
    /// <summary>Looser than its limit: no breaking of its paragraph kept it within.</summary>
    public bool Loose => Stretch > 1 + 1e-6;
}

/// <summary>Raised when a character is covered by no configured font: named, with its place, never drawn as a box.</summary>
public sealed class UncoveredCharacterException(string message) : Exception(message);

/// <summary>
/// Breaks text into lines. Latin text breaks between words; Chinese between characters under
/// the W3C clreq "basic" rules: no line starts with a closing or pause mark (，。、；：？！）」』》】…),
/// none ends with an opening one (（「『《【“‘); —— and …… stay whole. Justified lines stretch
/// between Han characters, at Han–Latin boundaries and at spaces, never inside a Latin word.
/// </summary>
/// <param name="hyphenator">the patterns of the document's Latin words (<see cref="Hyphenator.ForLatinIn"/>); none: never hyphenated</param>
public sealed class LineBreaker(FontSet fonts, Hyphenator? hyphenator)
{
    public LineBreaker(FontSet fonts) : this(fonts, Hyphenator.English) { }

    /// <summary>Where a chart reference links to (the resolved document's anchor of its first chart); null, or none given: its words are plain text.</summary>
    public Func<ChartRef, LinkTarget?>? Links { get; set; }

    // The line-start and line-end prohibitions and the compressible marks: one table (Typesetting.Kinsoku),
    // which the Word documents' settings also hold.
    internal static bool IsFullWidthMark(Atom atom) =>
        atom.Kind == AtomKind.Han && (Kinsoku.CompressibleClosing.Contains(atom.First) || Kinsoku.CompressibleOpening.Contains(atom.First));

    // What a number or a numeral is kept with: one table for the PDF and the Word documents (Typesetting.MixedSpacing).
    private const string MeasureWords = MixedSpacing.MeasureWords;
    private static readonly string[] NumberedHan = MixedSpacing.NumberedHan;
    private const string HanNumerals = MixedSpacing.HanNumerals;
    private static readonly HashSet<string> NumberedLatin = new(StringComparer.OrdinalIgnoreCase)
        {
            "figure", "chart", "charts", "annex", "table", "paragraph", "paragraphs", "outcome", "outcomes", "item", "chapter", "section",
            // French: "graphique II", "figures I à III", "annexe I", "tableau 2", "réalisation 1.1", "chapitre III".
            "figures", "graphique", "graphiques", "annexe", "annexes", "tableau", "tableaux", "paragraphe", "paragraphes", "réalisation", "réalisations",
            "résultat", "résultats", "chapitre", "alinéa",
            // Russian parts of a document: "приложение II", "диаграмма IV", "пункт 6", "части 1" (long words that number an outcome
            // or a domain, "результат 2.2", "области 3", are left free to hyphenate: Russian lines need the breaks)
            "приложение", "приложении", "приложения", "диаграмма", "диаграммы", "пункт", "пункта", "часть", "части", "таблица", "глава", "раздел",
        };

    /// <summary>Turns inlines into atoms, choosing each character's face by coverage.</summary>
    public List<Atom> Atoms(IEnumerable<Inline> inlines, TextStyle style, string where)
    {
        var atoms = new List<Atom>();
        new AtomWalk(this, atoms, style, where).Add(inlines);
        SetBreaks(atoms, style);
        return atoms;
    }

    /// <summary>One method per kind of inline: its atoms in the current style (bold and italic nest).</summary>
    private sealed class AtomWalk(LineBreaker breaker, List<Atom> atoms, TextStyle style, string where) : IInlineVisitor<Done>
    {
        public void Add(IEnumerable<Inline> content)
        {
            foreach (var inline in content) inline.Accept(this);
        }

        private void Nested(IEnumerable<Inline> content, TextStyle nested)
        {
            var outer = style;
            style = nested;
            Add(content);
            style = outer;
        }

        public Done Visit(Text text) { breaker.AddText(atoms, text.Value, style, where); return default; }
        public Done Visit(FigureRef figure) { breaker.AddText(atoms, figure.Text, style, where); return default; }
        public Done Visit(ChartRef chartRef)
        {
            int from = atoms.Count;
            breaker.AddText(atoms, chartRef.Text, style, where);
            if (breaker.Links?.Invoke(chartRef) is { } link)
                for (int i = from; i < atoms.Count; i++) atoms[i].Link = link;
            return default;
        }
        public Done Visit(Strong strong) { Nested(strong.Content, style.With(bold: true)); return default; }
        public Done Visit(Emphasis emphasis) { Nested(emphasis.Content, style.With(italic: true)); return default; }
        public Done Visit(LineBreak lineBreak) { breaker.AddText(atoms, " ", style, where); return default; }

        public Done Visit(FootnoteRef f)
        {
            var mark = new List<Atom>();
            breaker.AddText(mark, f.Footnote.CustomMark ?? "0", style.With(superscript: true), where);
            atoms.Add(new Atom
            {
                Kind = AtomKind.Footnote, Pieces = mark.SelectMany(a => a.Pieces).ToList(), Width = mark.Sum(a => a.Width),
                Footnote = f.Footnote,
            });
            return default;
        }
    }

    // The word being gathered: one builder for the breaker (a document is laid out on one thread).
    private readonly StringBuilder _word = new();

    private void AddText(List<Atom> atoms, string text, TextStyle style, string where)
    {
        var word = _word;
        word.Clear();
        void FlushWord()
        {
            if (word.Length == 0) return;
            string whole = word.ToString();
            word.Clear();
            // A compound of lower-case words ("штаб-квартиры") may break after its hyphen where the language's profile says so.
            int at = 0;
            if (hyphenator is { BreaksAfterHyphen: true } && style.Role == FontRole.Serif && !style.Superscript && IsCompound(whole))
                for (int dash; (dash = whole.IndexOf('-', at)) >= 0 && dash < whole.Length - 1; at = dash + 1)
                    AddWord(at == 0 && dash == whole.Length - 1 ? whole : whole[at..(dash + 1)], afterHyphen: at > 0);
            AddWord(at == 0 ? whole : whole[at..], afterHyphen: at > 0);
        }
        void AddWord(string w, bool afterHyphen)
        {
            // Words are split at their hyphenation points into syllables (lower-case words of the
            // patterns' letters only: names, abbreviations, numbers, hyphenated names such as
            // UN-Habitat and the words that number something, "outcome 2.2", "annexe II", are never
            // hyphenated). After an apostrophe (French l’, d’, qu’) only the word that follows is.
            int lead = 0, trail = w.Length;
            while (lead < w.Length && !IsLetter(w[lead])) lead++;
            while (trail > lead && !IsLetter(w[trail - 1])) trail--;
            int apostrophe = w.AsSpan(lead, trail - lead).LastIndexOfAny('\u2019', '\'');
            if (apostrophe >= 0) lead += apostrophe + 1;
            var points = hyphenator is not null && style.Role == FontRole.Serif && !style.Superscript && OfAlphabet(w.AsSpan(lead, trail - lead))
                         && !NumberedLatin.Contains(w[lead..trail]) && (lead == 0 || !char.IsLetterOrDigit(w[lead - 1])) && (trail == w.Length || w[trail] is not '-')
                ? HyphenationPoints(lead == 0 && trail == w.Length ? w : w[lead..trail]) : [];
            int from = 0;
            for (int k = 0; k <= points.Count; k++)
            {
                int point = k < points.Count ? points[k] + lead : w.Length;
                var pieces = Pieces(from == 0 && point == w.Length ? w : w[from..point], style, where);
                // After a compound's hyphen the line may break without adding one (a syllable with no hyphen of its own).
                var atom = new Atom { Kind = AtomKind.Word, Pieces = pieces, Width = pieces.Sum(p => p.Width), Syllable = from > 0 || afterHyphen };
                if (from > 0) atom.Hyphen = Pieces(new Rune('-'), style, where)[0];
                atoms.Add(atom);
                from = point;
            }
        }
        foreach (var rune in text.EnumerateRunes())
        {
            int c = rune.Value;
            // A no-break space (French "texte : suite") is part of the word beside it: no line breaks there.
            if (c is ' ' or '\t' or '\n')
            {
                FlushWord();
                var space = Pieces(new Rune(' '), style, where);
                atoms.Add(new Atom { Kind = AtomKind.Space, Pieces = space, Width = Width(space) });
            }
            else if (Script.IsEastAsian(c) && !(style.Role == FontRole.Serif && Script.IsAmbiguous(c))) // an apostrophe in English stays in its word
            {
                FlushWord();
                var pieces = Pieces(rune, style, where);
                var atom = new Atom { Kind = AtomKind.Han, Pieces = pieces, Width = Width(pieces) };
                if (rune.IsBmp && Kinsoku.CompressibleClosing.Contains((char)rune.Value)) atom.EndCompression = atom.Width / 2;
                if (rune.IsBmp && Kinsoku.CompressibleOpening.Contains((char)rune.Value)) atom.StartCompression = atom.Width / 2;
                atoms.Add(atom);
            }
            else AppendRune(word, rune);
        }
        FlushWord();
    }

    /// <summary>A letter of Latin or Cyrillic words: where a word's hyphenable part starts and ends.</summary>
    // A letter of a word (Latin, Cyrillic, or one of the patterns' own, as French é): what is trimmed around it is punctuation.
    private bool IsLetter(char c) => char.IsAsciiLetter(c) || (c is >= '\u0400' and < '\u0530' && char.IsLetter(c)) || hyphenator?.HasLetter(c) == true;

    /// <summary>Lower-case words of the patterns' letters joined by single hyphens, with at most punctuation around them ("штаб-квартиры,").</summary>
    private bool IsCompound(string w)
    {
        int lead = 0, trail = w.Length;
        while (lead < w.Length && !IsLetter(w[lead])) lead++;
        while (trail > lead && !IsLetter(w[trail - 1])) trail--;
        if (lead > 0 && w[lead - 1] == '-' || trail < w.Length && w[trail] == '-') return false;
        var core = w.AsSpan(lead, trail - lead);
        if (core.IndexOf('-') <= 0 || core.Contains("--", StringComparison.Ordinal)) return false;
        foreach (char c in core)
            if (c != '-' && !hyphenator!.HasLetter(c)) return false;
        return lead == 0 || !char.IsLetterOrDigit(w[lead - 1]);
    }

    /// <summary>Every letter of the word is a lower-case letter the patterns hyphenate (a to z for English, а to я for Russian).</summary>
    private bool OfAlphabet(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            if (!hyphenator!.HasLetter(c)) return false;
        return true;
    }

    // Words recur through a document: each is hyphenated once.
    private readonly Dictionary<string, IReadOnlyList<int>> _hyphenation = new(StringComparer.Ordinal);

    private IReadOnlyList<int> HyphenationPoints(string word)
    {
        if (!_hyphenation.TryGetValue(word, out var points))
            _hyphenation[word] = points = hyphenator!.Points(word.ToLowerInvariant());
        return points;
    }

    private static void AppendRune(StringBuilder builder, Rune rune)
    {
        if (rune.IsBmp) builder.Append((char)rune.Value);
        else builder.Append(rune.ToString());
    }

    private static double Width(List<Glyphs> pieces)
    {
        double width = 0;
        for (int i = 0; i < pieces.Count; i++) width += pieces[i].Width;
        return width;
    }

    // One character (a Han character, a space) is shaped once per style: a long Chinese document is
    // made of a few thousand distinct characters repeated. The pieces are never changed once made.
    private readonly Dictionary<(int Rune, TextStyle Style), List<Glyphs>> _single = [];

    private List<Glyphs> Pieces(Rune rune, TextStyle style, string where)
    {
        if (!_single.TryGetValue((rune.Value, style), out var pieces))
            _single[(rune.Value, style)] = pieces = Pieces(rune.ToString(), style, where);
        return pieces;
    }

    /// <summary>Splits text into pieces of one face each; a character no face covers is an error naming it.</summary>
    private List<Glyphs> Pieces(string text, TextStyle style, string where)
    {
        var pieces = new List<Glyphs>(1);
        double size = style.Superscript ? style.Size * 0.6 : style.Size;
        TrueTypeFace? runFace = null;
        int runStart = 0, at = 0;
        double runWidth = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var face = fonts.FaceFor(rune.Value, style.Role, style.Bold, style.Italic)
                       ?? throw new UncoveredCharacterException(
                           $"{where}: no configured font has the character '{rune}' (U+{rune.Value:X4}); choose a font that covers it (see --font-latin, --font-song, --font-hei)");
            if (runFace is not null && face != runFace)
            {
                pieces.Add(Piece(text[runStart..at], runFace, style, size, runWidth));
                runStart = at;
                runWidth = 0;
            }
            runFace = face;
            runWidth += face.Advance(rune.Value) * size;
            at += rune.Utf16SequenceLength;
        }
        // Most often one face for the whole text: the text itself, not a copy.
        if (runFace is not null) pieces.Add(Piece(runStart == 0 ? text : text[runStart..], runFace, style, size, runWidth));
        return pieces;
    }

    /// <summary>A piece of one face: as wide as its characters' advances, or for a shaped face (Arabic) as its shaped glyphs (joining forms and ligatures change widths).</summary>
    private Glyphs Piece(string text, TrueTypeFace face, TextStyle style, double size, double width) =>
        new(text, face, style, fonts.IsShaped(face) ? Shaper.Shape(face, text, rightToLeft: true).Width * size : width);


    /// <summary>Marks break opportunities and inserts the ¼-em gaps between Han and Latin text (clreq).</summary>
    private static void SetBreaks(List<Atom> atoms, TextStyle style)
    {
        // Punctuation adjustment (clreq): of two full-width marks in a row ("）。", "。」", "，（"), the first,
        // whose right half is blank, is set half-width, so the pair does not open a gap.
        for (int i = 0; i + 1 < atoms.Count; i++)
        {
            var (left, right) = (atoms[i], atoms[i + 1]);
            if (IsFullWidthMark(left) && IsFullWidthMark(right) && Kinsoku.CompressibleClosing.Contains(left.First))
            {
                left.Width /= 2;
                left.EndCompression = 0;
            }
        }
        for (int i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (i == 0) { atom.BreakBefore = false; continue; }
            var previous = atoms[i - 1];
            bool breakable = atom.Kind switch
            {
                AtomKind.Space => true,
                AtomKind.Footnote => false,
                _ when previous.Kind is AtomKind.Space or AtomKind.Gap => true,
                _ when previous.Kind == AtomKind.Word && atom.Kind == AtomKind.Word => false,
                _ => previous.Kind is AtomKind.Han or AtomKind.Word or AtomKind.Footnote,
            };
            if (atom.Kind is AtomKind.Han or AtomKind.Word && Kinsoku.ProhibitedAtLineStart(atom.First)) breakable = false;
            if (Kinsoku.ProhibitedAtLineEnd(previous.Last)) breakable = false;
            if ((previous.Last, atom.First) is ('—', '—') or ('…', '…')) breakable = false; // —— and …… are one unit
            atom.BreakBefore = breakable;
        }
        // A space between Han and Latin text becomes the ¼-em gap; where there is none, add one.
        for (int i = 1; i < atoms.Count; i++)
        {
            var (left, right) = (atoms[i - 1], atoms[i]);
            bool hanLatin = (left.Kind == AtomKind.Han && right.Kind == AtomKind.Word && !IsPunctuation(left.Last) && char.IsLetterOrDigit(right.First))
                            || (left.Kind == AtomKind.Word && right.Kind == AtomKind.Han && !IsPunctuation(right.First) && char.IsLetterOrDigit(left.Last));
            if (hanLatin)
            {
                atoms.Insert(i, new Atom { Kind = AtomKind.Gap, Pieces = [], Width = style.Size * 0.25, BreakBefore = right.BreakBefore, Link = SharedLink(left, right) });
                right.BreakBefore = false;
                i++;
            }
            else if (right.Kind == AtomKind.Space && i + 1 < atoms.Count && left.Kind != AtomKind.Space)
            {
                var next = atoms[i + 1];
                bool mixed = (left.Kind == AtomKind.Han && next.Kind == AtomKind.Word) || (left.Kind == AtomKind.Word && next.Kind == AtomKind.Han);
                if (mixed)
                    atoms[i] = new Atom { Kind = AtomKind.Gap, Pieces = [], Width = style.Size * 0.25, BreakBefore = true, Link = SharedLink(left, next) };
            }
        }
        Glue(atoms);
        KeepWordsBeforeGlosses(atoms);
    }

    /// <summary>
    /// A word followed by an opening bracket or a code is not hyphenated: the gloss or code belongs to
    /// it ("coronavirus disease (COVID-19)", "domain of change 1 (Reduced…"), and a hyphen there
    /// leaves a fragment beside it ("dis- / ease (COVID-19)"), which UN English documents do not set.
    /// </summary>
    private static void KeepWordsBeforeGlosses(List<Atom> atoms)
    {
        for (int i = 0; i < atoms.Count; i++)
        {
            if (!(atoms[i].Syllable && atoms[i].Hyphen is not null)) continue;
            int end = i;
            while (end + 1 < atoms.Count && atoms[end + 1].Kind == AtomKind.Word && atoms[end + 1].Syllable) end++;
            int next = end + 1;
            while (next < atoms.Count && atoms[next].Kind is AtomKind.Space or AtomKind.Gap) next++;
            if (next < atoms.Count && next > end + 1 && (atoms[next].First is '(' or '[' || IsCode(atoms[next].Text)))
                for (int k = i; k <= end; k++)
                    if (atoms[k].Hyphen is not null)
                    {
                        atoms[k].Syllable = false;
                        atoms[k].Hyphen = null;
                        atoms[k].BreakBefore = false;
                    }
            i = end;
        }
    }

    /// <summary>A code: a word with a digit ("COVID-19", "2.2", "A/78/8"), of capitals only ("SDG", "UNDP") or a Roman numeral ("X)").</summary>
    private static bool IsCode(string word)
    {
        if (IsRoman(word.TrimEnd(',', '.', ';', ':', ')', ']'))) return true;
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsAsciiDigit(c)) return true;
            if (char.IsLetter(c)) { if (!char.IsUpper(c)) return false; letters++; }
        }
        return letters >= 2;
    }

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    /// <summary>The link of both atoms, when they are in one: a gap put between them is in it too.</summary>
    private static LinkTarget? SharedLink(Atom left, Atom right) => ReferenceEquals(left.Link, right.Link) ? left.Link : null;

    /// <summary>
    /// The atoms of a table cell: narrow and ragged, so where it may break is stricter than in a
    /// paragraph (where a justified line would rather break inside （人居署） than be letter-spaced):
    /// a bracketed unit stays whole, and the last Han character does not stand alone.
    /// </summary>
    public List<Atom> CellAtoms(IEnumerable<Inline> inlines, TextStyle style)
    {
        var atoms = Atoms(inlines, style, "a table");
        KeepUnits(atoms);
        KeepLastCharacter(atoms);
        return atoms;
    }

    /// <summary>A short bracketed unit (<see cref="Kinsoku.UnitOpening"/>: （美元）, (US$)) is one piece: no break inside it.</summary>
    private static void KeepUnits(List<Atom> atoms)
    {
        for (int i = 0; i < atoms.Count; i++)
        {
            int opening = Kinsoku.UnitOpening.IndexOf(atoms[i].Last);
            if (opening < 0) continue;
            int length = 0;
            for (int j = i + 1; j < atoms.Count && atoms[j].Kind != AtomKind.Space; j++)
            {
                var text = atoms[j].Text;
                int close = text.IndexOf(Kinsoku.UnitClosing[opening]);
                length += close < 0 ? text.Length : close;
                if (length > Kinsoku.UnitLength) break;
                if (close < 0) continue;
                for (int k = i + 1; k <= j; k++) atoms[k].BreakBefore = false;
                break;
            }
        }
    }

    /// <summary>
    /// The last Han character of a text (before its closing marks) never starts a line alone: it
    /// keeps the character before it, so a two-character word ends the text whole (城市, not 城|市).
    /// </summary>
    private static void KeepLastCharacter(List<Atom> atoms)
    {
        int last = atoms.Count - 1;
        while (last > 0 && atoms[last].Kind == AtomKind.Han && Kinsoku.ProhibitedAtLineStart(atoms[last].First)) last--;
        if (last > 0 && LineStretch.IsHanCharacter(atoms[last]) && LineStretch.IsHanCharacter(atoms[last - 1]))
            atoms[last].BreakBefore = false;
    }

    /// <summary>
    /// The widest piece of a text that no line break may divide (a word, a bracketed unit, a number
    /// with its unit, the last two Han characters): a column narrower than this breaks it regardless.
    /// </summary>
    public static double WidestPiece(List<Atom> atoms)
    {
        double widest = 0, piece = 0;
        foreach (var atom in atoms)
        {
            if (atom.BreakBefore && !atom.Syllable || atom.Kind is AtomKind.Space or AtomKind.Gap) piece = 0;
            if (atom.Kind is AtomKind.Space or AtomKind.Gap) continue;
            piece += atom.Width;
            widest = Math.Max(widest, piece - atom.EndCompression);
        }
        return widest;
    }

    /// <summary>
    /// Glue (clreq and UN style): a number stays with its measure word or unit ("2021 年", "12 个",
    /// "980 万美元"); 图, 附件, 表 with their numerals ("图 2", "附件二"); "per cent" with its number
    /// ("49 per cent"); "figure", "annex", "chart"… with theirs ("annex II"). Syllables of a
    /// hyphenated word may break, at a cost (see <see cref="Break"/>).
    /// </summary>
    private static void Glue(List<Atom> atoms)
    {
        int Next(int i) { i++; while (i < atoms.Count && atoms[i].Kind is AtomKind.Space or AtomKind.Gap) i++; return i; }
        void Bind(int from, int to) { for (int k = from + 1; k <= to && k < atoms.Count; k++) atoms[k].BreakBefore = false; }
        bool IsNumber(Atom a) => a.Kind == AtomKind.Word && a.Text.AsSpan().ContainsAnyInRange('0', '9') && a.Text.AsSpan().TrimEnd("%)）") is [.., var last] && char.IsAsciiDigit(last);
        for (int i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            int j = Next(i);
            if (j >= atoms.Count) break;
            var next = atoms[j];
            // number + measure word or unit
            if (IsNumber(atom) && next.Kind == AtomKind.Han && MeasureWords.Contains(next.First)) Bind(i, j);
            // 6 400 万: three digits after a number and its space are the number's next group (a Chinese sum's no-break separator)
            if (IsNumber(atom) && next.Kind == AtomKind.Word && j == i + 2 && next.Text.Length >= 3 && char.IsAsciiDigit(next.Text[0])
                && char.IsAsciiDigit(next.Text[1]) && char.IsAsciiDigit(next.Text[2]) && (next.Text.Length == 3 || !char.IsAsciiDigit(next.Text[3]))) Bind(i, j);
            // 图 2, 附件二, 图十一
            if (atom.Kind == AtomKind.Han && EndsWithNumberedHan(atoms, i))
            {
                if (next.Kind == AtomKind.Word && char.IsAsciiDigit(next.First)) Bind(i, j);
                else if (next.Kind == AtomKind.Han && HanNumerals.Contains(next.First)) Bind(i, j);
            }
            // 图十一: a numeral bound to 图 keeps the numerals after it
            if (atom.Kind == AtomKind.Han && HanNumerals.Contains(atom.First) && !atom.BreakBefore && j == i + 1 && next.Kind == AtomKind.Han
                && HanNumerals.Contains(next.First) && i > 0 && atoms[i - 1].Kind == AtomKind.Han) Bind(i, j);
            // 49 per cent; annex II, chart 3
            if (atom.Kind == AtomKind.Word && next.Kind == AtomKind.Word && j > i + 1)
            {
                string word = next.Text.TrimEnd(',', '.', ';', ':', ')');
                if (IsNumber(atom) && word == "per" && Next(j) < atoms.Count && atoms[Next(j)].Text.StartsWith("cent", StringComparison.Ordinal)) Bind(i, Next(j));
                if (NumberedLatin.Contains(atom.Text) && (char.IsAsciiDigit(word.FirstOrDefault()) || IsRoman(word))) Bind(i, j);
            }
        }
        foreach (var atom in atoms)
            if (atom.Syllable) atom.BreakBefore = true;
    }

    private static bool EndsWithNumberedHan(List<Atom> atoms, int i)
    {
        foreach (string word in NumberedHan)
            if (EndsWithHan(atoms, i, word)) return true;
        return false;
    }

    private static bool EndsWithHan(List<Atom> atoms, int i, string word)
    {
        for (int k = 0; k < word.Length; k++)
        {
            int index = i - (word.Length - 1 - k);
            if (index < 0 || atoms[index].Kind != AtomKind.Han || atoms[index].First != word[k]) return false;
        }
        return true;
    }

    private static bool IsRoman(string word) => word.Length is > 0 and <= 5 && word.All(c => c is 'I' or 'V' or 'X' or 'L');

    /// <summary>
    /// Breaks a paragraph into lines. Justified text is broken as a whole (<see cref="ParagraphBreaker"/>,
    /// total fit in the manner of Knuth and Plass); ragged text (table cells, labels) and paragraphs
    /// that cannot be set within the limits fall back to filling lines greedily.
    /// <paramref name="firstWidth"/> is the first line's width (after a paragraph number), later lines get <paramref name="width"/>.
    /// </summary>
    public List<Line> Break(List<Atom> atoms, double firstWidth, double width, bool justify)
    {
        // Every line of the paragraph is judged by the paragraph's measure, as the breaking judged it.
        var measure = LineStretch.Of(atoms);
        if (justify && atoms.Count > 1 && ParagraphBreaker.Breaks(atoms, firstWidth, width) is { } breaks)
        {
            var lines = new List<Line>();
            int start = 0;
            foreach (int end in breaks)
            {
                while (start < end && atoms[start].Kind is AtomKind.Space or AtomKind.Gap) start++;
                if (start >= end) continue;
                var lineAtoms = atoms.GetRange(start, end - start);
                bool hyphenated = end < atoms.Count && atoms[end].Syllable && atoms[end].Hyphen is not null;
                if (hyphenated)
                    lineAtoms.Add(new Atom { Kind = AtomKind.Word, Pieces = [atoms[end].Hyphen!], Width = atoms[end].Hyphen!.Width, Link = atoms[end].Link });
                lines.Add(Place(lineAtoms, lines.Count == 0 ? firstWidth : width, end < atoms.Count, measure, hyphenated));
                start = end;
            }
            return lines;
        }
        return Greedy(atoms, firstWidth, width, justify, measure);
    }

    /// <summary>
    /// Breaks a ragged heading into balanced lines (as TeX's and Typst's balanced titles, CSS's
    /// <c>text-wrap: balance</c>): as many lines as filling them would make, each as narrow as that
    /// count allows, so the lines come out as even as they can and no fragment of a word or two is
    /// left alone on the last ("…portfolio (annex II, / figure X)" becomes "…and operational / portfolio
    /// (annex II, figure X)"). Never hyphenated.
    /// </summary>
    public List<Line> Balanced(List<Atom> atoms, double firstWidth, double width)
    {
        var measure = LineStretch.Of(atoms);
        var lines = Greedy(atoms, firstWidth, width, justify: false, measure);
        if (lines.Count < 2) return lines;
        // The narrowest measure that keeps the count: line counts only grow as the measure narrows.
        // (Tried on copies: a measure narrower than a word splits it in the list.)
        double fits = 0, fails = Math.Min(firstWidth, width);
        while (fails - fits > 0.5)
        {
            double less = (fits + fails) / 2;
            if (Greedy([.. atoms], firstWidth - less, width - less, justify: false, measure).Count == lines.Count) fits = less;
            else fails = less;
        }
        return fits > 0 ? Greedy(atoms, firstWidth - fits, width - fits, justify: false, measure) : lines;
    }

    /// <summary>Fills lines greedily: each line takes atoms up to the last break opportunity that fits (never at a syllable).</summary>
    private List<Line> Greedy(List<Atom> atoms, double firstWidth, double width, bool justify, LineStretch measure)
    {
        var lines = new List<Line>();
        int start = 0;
        while (start < atoms.Count)
        {
            while (start < atoms.Count && atoms[start].Kind is AtomKind.Space or AtomKind.Gap) start++;
            if (start >= atoms.Count) break;
            double available = lines.Count == 0 ? firstWidth : width;
            double x = 0;
            int lastBreak = -1, i = start;
            for (; i < atoms.Count; i++)
            {
                var atom = atoms[i];
                if (i > start && atom.BreakBefore && !atom.Syllable) lastBreak = i;
                if (x + atom.Width - atom.EndCompression <= available + 0.01) { x += atom.Width; continue; }
                if (i == start)
                {
                    // Even alone it does not fit: a word longer than the line is broken by characters.
                    i = atom.Kind == AtomKind.Word ? SplitWord(atoms, start, available) : start + 1;
                }
                else if (lastBreak > start) i = lastBreak;
                // else: no break opportunity since the line began; break here rather than overflow.
                break;
            }
            int end_ = Math.Max(i, start + 1);
            bool last = end_ >= atoms.Count;
            lines.Add(Place(atoms.GetRange(start, end_ - start), available, justify && !last, measure));
            start = end_;
        }
        return lines;
    }

    /// <summary>Splits the word at <paramref name="index"/> where it fills the line; returns the index after the first part.</summary>
    private static int SplitWord(List<Atom> atoms, int index, double available)
    {
        var word = atoms[index];
        var head = new List<Glyphs>();
        var tail = new List<Glyphs>();
        double x = 0;
        foreach (var piece in word.Pieces)
        {
            if (tail.Count > 0) { tail.Add(piece); continue; }
            double perChar = piece.Width / Math.Max(1, piece.Text.Length);
            int fit = Math.Clamp((int)((available - x) / Math.Max(perChar, 0.01)), 0, piece.Text.Length);
            if (fit >= piece.Text.Length) { head.Add(piece); x += piece.Width; continue; }
            if (head.Count == 0 && fit == 0) fit = 1;
            if (fit > 0) head.Add(piece with { Text = piece.Text[..fit], Width = perChar * fit });
            tail.Add(piece with { Text = piece.Text[fit..], Width = piece.Width - perChar * fit });
        }
        if (tail.Count == 0) return index + 1;
        atoms[index] = new Atom { Kind = AtomKind.Word, Pieces = head, Width = head.Sum(p => p.Width), BreakBefore = word.BreakBefore, Link = word.Link };
        atoms.Insert(index + 1, new Atom { Kind = AtomKind.Word, Pieces = tail, Width = tail.Sum(p => p.Width), BreakBefore = true, Link = word.Link });
        return index + 1;
    }

    internal static Line Place(List<Atom> atoms, double available, bool justify, LineStretch measure, bool hyphenated = false)
    {
        while (atoms.Count > 1 && atoms[^1].Kind is AtomKind.Space or AtomKind.Gap) atoms.RemoveAt(atoms.Count - 1);
        double natural = -atoms[^1].EndCompression;
        foreach (var atom in atoms) natural += atom.Width;
        // Stretch points: spaces and gaps, and the joins next to Han characters; never inside a Latin word.
        var stretch = new List<int>();
        for (int i = 1; i < atoms.Count; i++)
            if (LineStretch.IsStretchPoint(atoms[i - 1], atoms[i])) stretch.Add(i);
        double extra = justify && stretch.Count > 0 ? Math.Max(0, available - natural) / stretch.Count : 0;
        if (extra > 12) extra = 0; // an almost empty line (before a long word): do not spread it
        // A justified line is always flush: where no breaking keeps it within the limit (a name or a
        // number that may not be hyphenated, a second hyphen in a row), it is set loose.
        bool han = atoms.Exists(LineStretch.IsHanCharacter);
        // Over the measure (the paragraph breaker chose to): full-width marks inside the line are set
        // half-width, by an equal share, before anything else would be done (clreq punctuation compression).
        double punctuation = 0, spaces = 0;
        for (int i = 0; i + 1 < atoms.Count; i++)
        {
            punctuation += LineStretch.PunctuationShrink(atoms[i]) + LineStretch.OpeningShrink(atoms[i + 1]);
            spaces += LineStretch.SpaceShrink(atoms[i]);
        }
        double over = natural - available;
        double punctuationShare = over > 0.01 && punctuation > 0 ? Math.Min(1, over / punctuation) : 0;
        double spaceShare = over > 0.01 && over > punctuation && spaces > 0 ? Math.Min(1, (over - punctuation) / spaces) : 0;
        var placed = new List<(Atom, double)>(atoms.Count);
        double x = 0;
        int s = 0;
        for (int i = 0; i < atoms.Count; i++)
        {
            if (s < stretch.Count && stretch[s] == i) { x += extra; s++; }
            if (i > 0) x -= LineStretch.OpeningShrink(atoms[i]) * punctuationShare; // the blank before an opening mark
            placed.Add((atoms[i], x));
            x += atoms[i].Width;
            if (i + 1 < atoms.Count) x -= LineStretch.PunctuationShrink(atoms[i]) * punctuationShare + LineStretch.SpaceShrink(atoms[i]) * spaceShare;
        }
        double ascent = 0, descent = 0;
        List<Footnote>? footnotes = null;
        foreach (var atom in atoms)
        {
            foreach (var piece in atom.Pieces)
            {
                ascent = Math.Max(ascent, piece.Face.Ascent * piece.Style.Size);
                descent = Math.Max(descent, piece.Face.Descent * piece.Style.Size);
            }
            if (atom.Footnote is not null) (footnotes ??= []).Add(atom.Footnote);
        }
        var setting = new LineSetting(
            WordSpace: atoms.Exists(a => a.Kind == AtomKind.Space) ? measure.WordSpace(extra) - (1 - LineStretch.WordSpaceMin) * spaceShare : 1,
            HanEm: han ? extra / measure.Em : 0, Justified: justify, Hyphenated: hyphenated, Compressed: punctuationShare > 0 || spaceShare > 0,
            Stretch: measure.Ratio(extra, han), Measure: measure, Han: han);
        return new Line(placed, Math.Min(x, available), ascent, descent, footnotes ?? (IReadOnlyList<Footnote>)[], setting);
    }
}
