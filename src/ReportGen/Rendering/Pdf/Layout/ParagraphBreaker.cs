namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// Breaks a justified paragraph as a whole, in the manner of Knuth and Plass's total fit (as
/// Typst and TeX do): of all the ways to break it at its break opportunities, the one whose lines
/// are least stretched overall. Each line's badness grows with the cube of its stretch against
/// the limit; clreq's preferences are costs: compressing full-width punctuation inside a line
/// (half-width, before any space is stretched) is cheap, a hyphen costs as much as a line at the
/// limit, a compressed last line or two hyphens in a row are not allowed, a last line of
/// a single Han character is all but forbidden. The hard rules (line-start and line-end
/// prohibitions, numbers with their measure words, 图 with its numeral) are break opportunities
/// that do not exist.
/// </summary>
public static class ParagraphBreaker
{
    // The limits of a justified line and its stretch points are defined once, in LineStretch; the
    // breaking keeps every line within them where any breaking can; a line no breaking keeps within
    // them is set loose (LineBreaker.Place).

    private const double OneCharacterLastLine = 1e7, OverLimit = 1e5;

    /// <summary>
    /// The stretch, against the limit, that a line of one word left short counts as: word spaces at
    /// <see cref="LineStretch.LoosestWordSpace"/>. A word alone on a line ("(iii) over", the rest below) reads worse
    /// than any loose line within that; it is taken only where every other breaking is looser still.
    /// </summary>
    private const double OneWordRatio = (LineStretch.LoosestWordSpace - 1) / (LineStretch.WordSpaceMax - 1);

    /// <summary>A hyphen costs as much as a line stretched to the limit: a line is set loose rather than hyphenated.</summary>
    private const double HyphenDemerits = 110 * 110;

    /// <summary>
    /// The break positions (atom indices that start a new line; the last is atoms.Count), or null
    /// when the paragraph cannot be set without overfull lines (a word longer than the line): the
    /// caller then fills lines greedily.
    /// </summary>
    public static List<int>? Breaks(List<Atom> atoms, double firstWidth, double width)
    {
        int n = atoms.Count;
        var measure = LineStretch.Of(atoms);
        // Prefix sums: widths, stretch points (pair k-1,k counted at k), shrinkable half-widths.
        var w = new double[n + 1];
        var points = new int[n + 1];
        var shrink = new double[n + 1];
        var opening = new double[n + 1];
        var spaceShrink = new double[n + 1];
        var han = new int[n + 1];
        for (int k = 0; k < n; k++)
        {
            w[k + 1] = w[k] + atoms[k].Width;
            points[k + 1] = points[k] + (k > 0 && LineStretch.IsStretchPoint(atoms[k - 1], atoms[k]) ? 1 : 0);
            shrink[k + 1] = shrink[k] + LineStretch.PunctuationShrink(atoms[k]);
            opening[k + 1] = opening[k] + LineStretch.OpeningShrink(atoms[k]);
            spaceShrink[k + 1] = spaceShrink[k] + LineStretch.SpaceShrink(atoms[k]);
            han[k + 1] = han[k] + (LineStretch.IsHanCharacter(atoms[k]) ? 1 : 0);
        }
        // The syllables of the paragraph's last word are never broken.
        int lastWord = n;
        while (lastWord > 0 && atoms[lastWord - 1].Kind == AtomKind.Word && (lastWord == n || atoms[lastWord].Syllable)) lastWord--;
        // A state is a break position and whether the line before it ended with a hyphen (2k + 1):
        // no two lines in a row end with one.
        var best = new double[2 * (n + 1)];
        var from = new int[2 * (n + 1)];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        from[0] = -1;
        for (int state = 0; state < 2 * n; state++)
        {
            int a = state / 2;
            bool hyphenBefore = state % 2 == 1;
            if (double.IsPositiveInfinity(best[state]) || (a > 0 && !atoms[a].BreakBefore)) continue;
            int s = a;
            while (s < n && atoms[s].Kind is AtomKind.Space or AtomKind.Gap) s++;
            if (s >= n) { Relax(2 * n, state, best[state]); continue; }
            double available = a == 0 ? firstWidth : width;
            for (int b = s + 1; b <= n; b++)
            {
                if (b < n && !atoms[b].BreakBefore) continue;
                int e = b - 1;
                while (e > s && atoms[e].Kind is AtomKind.Space or AtomKind.Gap) e--;
                bool hyphen = b < n && atoms[b].Syllable && atoms[b].Hyphen is not null;
                if (hyphen && (hyphenBefore || b > lastWord)) continue;
                bool last = b == n;
                double natural = w[e + 1] - w[s] + (hyphen ? atoms[b].Hyphen!.Width : -atoms[e].EndCompression);
                double canShrink = shrink[e] - shrink[s] + opening[e + 1] - opening[s + 1]; // closing marks before the last atom, opening marks after the first
                double canShrinkSpaces = spaceShrink[e] - spaceShrink[s];
                if (natural - canShrink - canShrinkSpaces > available + 0.01) break; // longer lines only get longer
                double need = natural - available;
                if (last && need > 0.01) break; // the last line is never compressed: the break is rebalanced
                double badness;
                if (need > 0.01 && need <= canShrink + 0.01) badness = 5 * need / canShrink; // punctuation first: cheaper than any stretch over a third of the limit
                else if (need > 0.01) { double r = (need - canShrink) / canShrinkSpaces; badness = 5 + 100 * r * r * r; } // then word spaces, down to their minimum
                else if (last) badness = 0;
                else
                {
                    // A line without a stretch point (one word left short) is weighed as a line
                    // loose by as much, up to the loosest a line is set (word spaces at 250 %):
                    // it costs more than any line within that, less than any line beyond.
                    int count = points[e + 1] - points[s + 1];
                    double ratio = measure.Ratio((available - natural) / Math.Max(1, count), han[e + 1] > han[s]);
                    if (count == 0) ratio = Math.Min(ratio, OneWordRatio);
                    badness = 100 * ratio * ratio * ratio + (ratio > 1 ? OverLimit * (ratio - 1) : 0);
                }
                double demerits = (10 + badness) * (10 + badness);
                if (hyphen) demerits += HyphenDemerits;
                if (last && IsOneCharacter(atoms, s, e)) demerits += OneCharacterLastLine;
                Relax(2 * b + (hyphen ? 1 : 0), state, best[state] + demerits);
            }
        }
        int end = best[2 * n + 1] < best[2 * n] ? 2 * n + 1 : 2 * n;
        if (double.IsPositiveInfinity(best[end])) return null;
        var breaks = new List<int>();
        for (int at = end; at > 0; at = from[at]) breaks.Add(at / 2);
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
