
namespace ReportGen.Templating;

/// <summary>
/// Checks that the languages of a document say the same thing in the same places: the same
/// structure (headings, numbered paragraphs, sub-items, tables, charts, footnotes, in order) and,
/// part by part, the same figures and findings. A translator may change the words, never what is
/// said or where. Every difference is a problem naming the document and the part, placed in the
/// template that must change.
/// </summary>
/// <remarks>
/// The parts are lined up by structure first (<see cref="Align"/>), not index by index: a part one
/// language lacks is reported as missing, and everything after it is still compared with its
/// counterpart (paragraphs are numbered as they come, so the counterpart of the English
/// paragraph 6 is then the Chinese paragraph 5).
/// </remarks>
public static class LanguageParity
{
    /// <summary>
    /// Compares each language's outline with the first one's (the languages in their fixed order,
    /// so English is the reference when it is built). <paramref name="template"/> gives the file
    /// to name for a language when a part's line is not known. <paramref name="at"/>, when given,
    /// is told the key of the row (<see cref="Align"/>) each problem is about, for a writer that
    /// marks problems where they are (the review page).
    /// </summary>
    public static List<Problem> Compare(string docId, IReadOnlyList<LanguageOutline> languages, Func<string, string> template,
        Action<string, Problem>? at = null)
    {
        var problems = new List<Problem>();
        if (languages.Count < 2) return problems;
        var rows = Align(languages);
        var (refLanguage, reference) = languages[0];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            int before = problems.Count;
            for (int other = 1; other < languages.Count; other++)
            {
                var (language, outline) = languages[other];
                string Say(string message) => $"document '{docId}' differs from the {LanguageName(refLanguage)}: {message}";
                string Place(int unit) => Placed(outline, unit)?.ToString() ?? template(language);
                int a = row.Units[0], b = row.Units[other];
                if (a < 0 && b < 0) continue;
                if (b < 0)
                {
                    // Where the part goes in this language: before its next part, after its previous one.
                    int previous = Neighbour(rows, r, other, -1), next = Neighbour(rows, r, other, +1);
                    var goes = next >= 0 ? Placed(outline, next) : previous >= 0 ? Placed(outline, previous) : null;
                    var written = Placed(reference, a);
                    problems.Add(new Problem(goes?.ToString() ?? template(language), Say($"the {LanguageName(language)} has no {Bare(PartName(reference, a))}; " +
                        (written is null ? "" : $"the {LanguageName(refLanguage)} writes it at {written.File}:{written.Line} — ") +
                        $"add it {Between(outline, previous, next, goes)}")));
                }
                else if (a < 0)
                {
                    int previous = Neighbour(rows, r, 0, -1), next = Neighbour(rows, r, 0, +1);
                    problems.Add(new Problem(Place(b), Say($"the {LanguageName(refLanguage)} has no {Bare(PartName(outline, b))}, which the {LanguageName(language)} writes here: " +
                        $"remove it, or add it to the {LanguageName(refLanguage)} {Between(reference, previous, next, null)}")));
                }
                else
                {
                    var (x, y) = (reference.Units[a], outline.Units[b]);
                    string name = PartName(reference, a), otherName = PartName(outline, b);
                    if (x.Shape != y.Shape)
                        problems.Add(new Problem(Place(b), Say($"at {name} the {LanguageName(refLanguage)} has a {x.Shape}, the {LanguageName(language)} a {y.Shape}" +
                            (otherName == name ? "" : $" ({otherName})") + (Kind(x.Shape) == Kind(y.Shape) ? "" : "; the parts must be of the same kinds, in the same order"))));
                    Differences(x.Figures, y.Figures, "figure", name, refLanguage, language, problems, Place(b), Say);
                    Differences(x.Findings, y.Findings, "finding", name, refLanguage, language, problems, Place(b), Say);
                }
            }
            for (int k = before; k < problems.Count; k++) at?.Invoke(row.Key, problems[k]);
        }
        return problems;
    }

    /// <summary>
    /// A row of parts lined up across the languages: <see cref="Units"/> holds, for each language
    /// (in the order given), the index of its part in its outline, or -1 where it has no such part.
    /// <see cref="Key"/> is the first language's key for the part, or, for a part only a later
    /// language has, that language's key after its code ("zh: paragraph 5").
    /// </summary>
    public sealed class Row(string key, int[] units)
    {
        public string Key { get; } = key;
        public IReadOnlyList<int> Units { get; } = units;
    }

    /// <summary>
    /// The languages' parts lined up by structure: each later language against the first, as a
    /// diff lines up two texts (<see cref="Pair"/>); a part only a later language has gets a row of
    /// its own where it stands. The one alignment both the check and the review page use.
    /// </summary>
    public static List<Row> Align(IReadOnlyList<LanguageOutline> languages)
    {
        var rows = new List<Row>();
        if (languages.Count == 0) return rows;
        var reference = languages[0].Outline.Units;
        var pairs = new int[languages.Count][];
        var next = new int[languages.Count];
        for (int k = 1; k < languages.Count; k++) pairs[k] = Pair(languages[0].Outline, languages[k].Outline);
        for (int i = 0; i <= reference.Count; i++)
        {
            // First the parts of later languages that stand before this part of the first one.
            for (int k = 1; k < languages.Count; k++)
            {
                var units = languages[k].Outline.Units;
                int until = i < reference.Count ? pairs[k][i] : units.Count;
                for (; until >= 0 && next[k] < until; next[k]++)
                {
                    var only = Unmatched(languages.Count);
                    only[k] = next[k];
                    rows.Add(new Row($"{languages[k].Language}: {units[next[k]].Key}", only));
                }
            }
            if (i == reference.Count) break;
            var row = Unmatched(languages.Count);
            row[0] = i;
            for (int k = 1; k < languages.Count; k++)
                if (pairs[k][i] >= 0) next[k] = (row[k] = pairs[k][i]) + 1;
            rows.Add(new Row(reference[i].Key, row));
        }
        return rows;
    }

    /// <summary>
    /// Which part of <paramref name="b"/> stands for each part of <paramref name="a"/> (-1: none),
    /// in order: the pairing with the highest total likeness (a longest-common-subsequence
    /// alignment, weighted), so one missing part shifts nothing else. Parts are alike when they
    /// are of the same kind (a numbered paragraph, a sub-item of a level, a table, a chart of a
    /// name…), more so of the same shape, and more so the more figures and findings they share.
    /// Only between pairings equal in all that do the lengths of the texts count (in the same
    /// proportion as the whole documents'), and last, the parts' keys.
    /// </summary>
    internal static int[] Pair(DocumentOutline first, DocumentOutline second)
    {
        var (a, b) = (first.Units, second.Units);
        int n = a.Count, m = b.Count;
        var kindsA = new string[n];
        var kindsB = new string[m];
        for (int i = 0; i < n; i++) kindsA[i] = Kind(a[i].Shape);
        for (int j = 0; j < m; j++) kindsB[j] = Kind(b[j].Shape);
        long totalA = 0, totalB = 0;
        foreach (int length in first.Lengths) totalA += length;
        foreach (int length in second.Lengths) totalB += length;
        long Likeness(int i, int j) => Alike(a[i], b[j], kindsA[i] == kindsB[j]) * 4096L
            + 2 * Proportion(Length(first, i) * totalB, Length(second, j) * totalA) + (a[i].Key == b[j].Key ? 1 : 0);
        // best[i, j]: the highest total likeness of a[i..] and b[j..], filled from the end, so
        // that the pairing reads off from the start.
        var best = new long[(n + 1) * (m + 1)];
        int W(int i, int j) => i * (m + 1) + j;
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                best[W(i, j)] = Math.Max(best[W(i + 1, j + 1)] + Likeness(i, j), Math.Max(best[W(i + 1, j)], best[W(i, j + 1)]));
        var pairs = new int[n];
        Array.Fill(pairs, -1);
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (best[W(i, j)] == best[W(i + 1, j + 1)] + Likeness(i, j)) pairs[i++] = j++;
            else if (best[W(i, j)] == best[W(i + 1, j)]) i++;
            else j++;
        }
        return pairs;
    }

    /// <summary>How alike two parts are in structure and content (0 to 350): see <see cref="Pair"/>.</summary>
    private static int Alike(OutlineUnit x, OutlineUnit y, bool sameKind)
    {
        int shared = Shared(x.Figures, y.Figures) + Shared(x.Findings, y.Findings);
        int total = x.Figures.Count + y.Figures.Count + x.Findings.Count + y.Findings.Count;
        return (sameKind ? 100 : 20) + (x.Shape == y.Shape ? 50 : 0) + (total == 0 ? 0 : 200 * shared / total);
    }

    /// <summary>0 to 1000: how near two lengths, each scaled by the other document's total, are (1000 when both are 0). Integers, so the same on every machine.</summary>
    private static long Proportion(long x, long y) => x == 0 && y == 0 ? 1000 : 1000 * Math.Min(x, y) / Math.Max(x, y);

    private static long Length(DocumentOutline outline, int unit) => unit < outline.Lengths.Count ? outline.Lengths[unit] : 0;

    private static int Shared(IReadOnlySet<string> x, IReadOnlySet<string> y)
    {
        int shared = 0;
        foreach (string item in x) if (y.Contains(item)) shared++;
        return shared;
    }

    /// <summary>The kind of a part, from its shape: "table", "chart 'linkage'", "sub-item at level 2"… (rows, series and footnotes aside).</summary>
    private static string Kind(string shape)
    {
        int notes = shape.IndexOf(" with ", StringComparison.Ordinal);
        if (notes >= 0) shape = shape[..notes];
        if (shape.StartsWith("table ", StringComparison.Ordinal)) return "table";
        int of = shape.IndexOf(" of ", StringComparison.Ordinal);
        return shape.StartsWith("chart ", StringComparison.Ordinal) && of >= 0 ? shape[..of] : shape;
    }

    private static int[] Unmatched(int count)
    {
        var row = new int[count];
        Array.Fill(row, -1);
        return row;
    }

    /// <summary>The nearest row before (step -1) or after (+1) row <paramref name="r"/> where language <paramref name="language"/> has a part: that part, or -1.</summary>
    private static int Neighbour(List<Row> rows, int r, int language, int step)
    {
        for (int k = r + step; k >= 0 && k < rows.Count; k += step)
            if (rows[k].Units[language] >= 0) return rows[k].Units[language];
        return -1;
    }

    /// <summary>Where a part goes among an outline's parts: "after paragraph 4 (line 22)", "before …" when only the masthead is before it.</summary>
    private static string Between(DocumentOutline outline, int previous, int next, TemplatePlace? from)
    {
        if (previous > 0) return $"after {PartName(outline, previous)} ({LineOf(Placed(outline, previous), from)})";
        if (next >= 0) return $"before {PartName(outline, next)} ({LineOf(Placed(outline, next), from)})";
        return "after the masthead";
    }

    /// <summary>"line 22" in the file of <paramref name="from"/>, else "file:22".</summary>
    private static string LineOf(TemplatePlace? place, TemplatePlace? from) =>
        place is null ? "line unknown" : from is not null && from.File == place.File ? $"line {place.Line}" : $"{place.File}:{place.Line}";

    private static TemplatePlace? Placed(DocumentOutline outline, int unit) => unit >= 0 && unit < outline.Places.Count ? outline.Places[unit] : null;

    /// <summary>
    /// A part as a reader names it: "paragraph 5", "paragraph 8 (c)", "the heading of chapter IV",
    /// "the heading of section III.B", "Annex II, chart III", "Annex, table 1", "the masthead".
    /// </summary>
    private static string PartName(DocumentOutline outline, int unit)
    {
        var part = outline.Units[unit];
        string kind = Kind(part.Shape);
        if (kind.StartsWith("sub-item", StringComparison.Ordinal)) return "paragraph " + part.Display;
        if (kind == "chapter heading") return "the heading of chapter " + part.Display.TrimEnd('.', '、'); // the chapter's number without its end mark (I. / 四、)
        if (kind == "section heading")
        {
            // Sections are lettered within their chapter: named with the chapter's number ("III.B").
            string chapterKey = part.Key[..part.Key.LastIndexOf(" section ", StringComparison.Ordinal)];
            var chapter = outline.Units.Take(unit).LastOrDefault(u => u.Key == chapterKey);
            return "the heading of section " + (chapter is null ? "" : chapter.Display.TrimEnd('.', '、') + ".") + part.Display.TrimEnd('.');
        }
        return part.Display;
    }

    /// <summary>A name after "has no": "heading of chapter IV", "paragraph 5".</summary>
    private static string Bare(string name) => name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name;

    private static void Differences(IReadOnlySet<string> reference, IReadOnlySet<string> other, string what, string where,
        string refLanguage, string language, List<Problem> problems, string place, Func<string, string> say)
    {
        var missing = reference.Where(x => !other.Contains(x)).ToList();
        var extra = other.Where(x => !reference.Contains(x)).ToList();
        if (missing.Count > 0)
            problems.Add(new Problem(place, say($"{where}: the {LanguageName(language)} does not use the {what}{(missing.Count == 1 ? "" : "s")} " +
                $"{string.Join(", ", missing.Take(4))}{(missing.Count > 4 ? $" and {missing.Count - 4} more" : "")} that the {LanguageName(refLanguage)} uses")));
        if (extra.Count > 0)
            problems.Add(new Problem(place, say($"{where}: the {LanguageName(language)} uses the {what}{(extra.Count == 1 ? "" : "s")} " +
                $"{string.Join(", ", extra.Take(4))}{(extra.Count > 4 ? $" and {extra.Count - 4} more" : "")}, which the {LanguageName(refLanguage)} does not")));
    }

    /// <summary>A language as the problems name it ("the Chinese"): its profile's name.</summary>
    internal static string LanguageName(string language) => Typesetting.LanguageProfiles.Find(language)?.Name ?? language;
}

/// <summary>A language's outline of a document. A class, not a tuple: generic code over tuples is JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</summary>
public sealed record LanguageOutline(string Language, DocumentOutline Outline);
