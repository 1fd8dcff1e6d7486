using ReportGen.Typesetting;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// Breaks a justified paragraph as a whole, in the manner of Knuth and Plass's total fit (as
/// Typst and TeX do): of all the ways to break it at its break opportunities, the one whose lines
/// are least stretched overall. Each line's badness grows with the cube of its stretch against
/// the limit; clreq's preferences are costs: compressing full-width punctuation inside a line
/// (half-width, before any space is stretched) is cheap, a hyphen costs as in TeX, a last line of
/// a single Han character is all but forbidden. The hard rules (line-start and line-end
/// prohibitions, numbers with their measure words, 图 with its numeral) are break opportunities
/// that do not exist.
/// </summary>
public static class ParagraphBreaker
{
    /// <summary>The most a stretch point of a line with Han characters may grow, in ems of the text: 0.15 em between two Han characters.</summary>
    public const double LimitEm = 0.15;

    /// <summary>The same for a line of Latin text: a word space has two points (one each side), so it grows by at most 0.4 em over its own 0.25 em.</summary>
    public const double LatinLimitEm = 0.2;

    /// <summary>The limit for a line: <see cref="LimitEm"/> when it holds Han characters, otherwise <see cref="LatinLimitEm"/>.</summary>
    public static double Limit(string lineText) => lineText.Any(c => Script.IsHan(c)) ? LimitEm : LatinLimitEm;

    /// <summary>The limit for a line of atoms (Han characters are only ever in Han atoms).</summary>
    public static double Limit(List<Atom> line)
    {
        foreach (var atom in line)
            if (atom.Kind == AtomKind.Han && atom.Text.Any(c => Script.IsHan(c))) return LimitEm;
        return LatinLimitEm;
    }

    private const double HyphenPenalty = 50, FinalHyphenDemerits = 5000, OneCharacterLastLine = 1e7, OverLimit = 1e5;

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

    /// <summary>How much a word space may give up: a third of it, as in TeX.</summary>
    public static double SpaceShrink(Atom atom) => atom.Kind == AtomKind.Space ? atom.Width / 3 : 0;

    /// <summary>The text size of a paragraph (its first drawn piece), for the limits in ems.</summary>
    private static double Em(List<Atom> atoms)
    {
        foreach (var atom in atoms)
            foreach (var piece in atom.Pieces)
                if (!piece.Style.Superscript) return piece.Style.Size;
        return 10;
    }

    /// <summary>
    /// The break positions (atom indices that start a new line; the last is atoms.Count), or null
    /// when the paragraph cannot be set without overfull lines (a word longer than the line): the
    /// caller then fills lines greedily.
    /// </summary>
    public static List<int>? Breaks(List<Atom> atoms, double firstWidth, double width)
    {
        int n = atoms.Count;
        double em = Em(atoms);
        // Prefix sums: widths, stretch points (pair k-1,k counted at k), shrinkable half-widths.
        var w = new double[n + 1];
        var points = new int[n + 1];
        var shrink = new double[n + 1];
        var spaceShrink = new double[n + 1];
        var han = new int[n + 1];
        for (int k = 0; k < n; k++)
        {
            w[k + 1] = w[k] + atoms[k].Width;
            points[k + 1] = points[k] + (k > 0 && IsStretchPoint(atoms[k - 1], atoms[k]) ? 1 : 0);
            shrink[k + 1] = shrink[k] + PunctuationShrink(atoms[k]);
            spaceShrink[k + 1] = spaceShrink[k] + SpaceShrink(atoms[k]);
            han[k + 1] = han[k] + (atoms[k].Kind == AtomKind.Han ? 1 : 0);
        }
        var best = new double[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        from[0] = -1;
        for (int a = 0; a < n; a++)
        {
            if (double.IsPositiveInfinity(best[a]) || (a > 0 && !atoms[a].BreakBefore)) continue;
            int s = a;
            while (s < n && atoms[s].Kind is AtomKind.Space or AtomKind.Gap) s++;
            if (s >= n) { Relax(n, a, best[a]); continue; }
            double available = a == 0 ? firstWidth : width;
            for (int b = s + 1; b <= n; b++)
            {
                if (b < n && !atoms[b].BreakBefore) continue;
                int e = b - 1;
                while (e > s && atoms[e].Kind is AtomKind.Space or AtomKind.Gap) e--;
                bool hyphen = b < n && atoms[b].Syllable && atoms[b].Hyphen is not null;
                double natural = w[e + 1] - w[s] + (hyphen ? atoms[b].Hyphen!.Width : -atoms[e].EndCompression);
                double canShrink = shrink[e] - shrink[s]; // marks before the last atom
                double canShrinkSpaces = spaceShrink[e] - spaceShrink[s];
                if (natural - canShrink - canShrinkSpaces > available + 0.01) break; // longer lines only get longer
                bool last = b == n;
                double badness;
                double need = natural - available;
                if (need > 0.01 && need <= canShrink + 0.01) badness = 5 * need / canShrink; // punctuation first: cheaper than any stretch over a third of the limit
                else if (need > 0.01) { double r = (need - canShrink) / canShrinkSpaces; badness = 5 + 100 * r * r * r; } // then word spaces, down to two thirds
                else if (last) badness = 0;
                else
                {
                    int count = points[e + 1] - points[s + 1];
                    double slack = available - natural;
                    if (count == 0) badness = slack > 1 ? OverLimit : 0;
                    else
                    {
                        double ratio = slack / count / em / (han[e + 1] > han[s] ? LimitEm : LatinLimitEm);
                        badness = 100 * ratio * ratio * ratio + (ratio > 1 ? OverLimit * (ratio - 1) : 0);
                    }
                }
                double demerits = (10 + badness) * (10 + badness);
                if (hyphen) demerits += HyphenPenalty * HyphenPenalty;
                if (last && s > 0 && atoms[s].Syllable) demerits += FinalHyphenDemerits;
                if (last && IsOneCharacter(atoms, s, e)) demerits += OneCharacterLastLine;
                Relax(b, a, best[a] + demerits);
            }
        }
        if (double.IsPositiveInfinity(best[n])) return null;
        var breaks = new List<int>();
        for (int at = n; at > 0; at = from[at]) breaks.Add(at);
        breaks.Reverse();
        return breaks;

        void Relax(int to, int at, double cost)
        {
            if (cost < best[to]) { best[to] = cost; from[to] = at; }
        }
    }

    /// <summary>A line of one Han character, with or without the marks after it ("功能；" ending "能；").</summary>
    private static bool IsOneCharacter(List<Atom> atoms, int s, int e)
    {
        int han = 0;
        for (int k = s; k <= e; k++)
        {
            var atom = atoms[k];
            if (atom.Kind == AtomKind.Word) return false;
            if (atom.Kind == AtomKind.Han && !char.IsPunctuation(atom.First) && !char.IsSymbol(atom.First)) han++;
        }
        return han == 1;
    }
}
