using ReportGen.Workbook;

namespace ReportGen.Templating;

/// <summary>
/// Checks that the languages of a document say the same thing in the same places: the same
/// structure (headings, numbered paragraphs, sub-items, tables, charts, footnotes, in order) and,
/// part by part, the same figures and findings. A translator may change the words, never what is
/// said or where. Every difference is a problem naming the document and the part.
/// </summary>
public static class LanguageParity
{
    /// <summary>
    /// Compares each language's outline with the first one's (the languages in their fixed order,
    /// so English is the reference when it is built). <paramref name="template"/> gives the file
    /// to name for a language. <paramref name="at"/>, when given, is told the key of the part (in
    /// the first language's outline, or the other's where only it has the part) each problem is
    /// about, for a writer that marks problems where they are (the review page).
    /// </summary>
    public static List<Problem> Compare(string docId, IReadOnlyList<LanguageOutline> languages, Func<string, string> template,
        Action<string, Problem>? at = null)
    {
        var problems = new List<Problem>();
        void Mark(string key, int from) { for (int k = from; k < problems.Count; k++) at?.Invoke(key, problems[k]); }
        if (languages.Count < 2) return problems;
        var (refLanguage, reference) = languages[0];
        for (int other = 1; other < languages.Count; other++)
        {
            var (language, outline) = languages[other];
            string place = template(language);
            string Say(string message) => $"document '{docId}' differs from the {Name(refLanguage)}: {message}";
            var a = reference.Units;
            var b = outline.Units;
            int n = Math.Min(a.Count, b.Count);
            int structural = -1;
            for (int i = 0; i < n; i++)
                if (a[i].Key != b[i].Key || a[i].Shape != b[i].Shape) { structural = i; break; }
            if (structural >= 0)
            {
                problems.Add(new Problem(place, Say($"at {a[structural].Display} the {Name(refLanguage)} has a {a[structural].Shape} ({a[structural].Key}), " +
                    $"the {Name(language)} a {b[structural].Shape} ({b[structural].Key}); the parts must follow in the same order")));
                Mark(a[structural].Key, problems.Count - 1);
                continue;
            }
            if (a.Count != b.Count)
            {
                var (longer, extra) = a.Count > b.Count ? (refLanguage, a[n]) : (language, b[n]);
                problems.Add(new Problem(place, Say($"the {Name(longer)} has more parts, from {extra.Display} ({extra.Shape}) on")));
                Mark(extra.Key, problems.Count - 1);
                continue;
            }
            for (int i = 0; i < n; i++)
            {
                var (x, y) = (a[i], b[i]);
                int before = problems.Count;
                Differences(x.Figures, y.Figures, "figure", x.Display, refLanguage, language, problems, place, Say);
                Differences(x.Findings, y.Findings, "finding", x.Display, refLanguage, language, problems, place, Say);
                Mark(x.Key, before);
            }
        }
        return problems;
    }

    private static void Differences(IReadOnlySet<string> reference, IReadOnlySet<string> other, string what, string where,
        string refLanguage, string language, List<Problem> problems, string place, Func<string, string> say)
    {
        var missing = reference.Where(x => !other.Contains(x)).ToList();
        var extra = other.Where(x => !reference.Contains(x)).ToList();
        if (missing.Count > 0)
            problems.Add(new Problem(place, say($"{where}: the {Name(language)} does not use the {what}{(missing.Count == 1 ? "" : "s")} " +
                $"{string.Join(", ", missing.Take(4))}{(missing.Count > 4 ? $" and {missing.Count - 4} more" : "")} that the {Name(refLanguage)} uses")));
        if (extra.Count > 0)
            problems.Add(new Problem(place, say($"{where}: the {Name(language)} uses the {what}{(extra.Count == 1 ? "" : "s")} " +
                $"{string.Join(", ", extra.Take(4))}{(extra.Count > 4 ? $" and {extra.Count - 4} more" : "")}, which the {Name(refLanguage)} does not")));
    }

    private static string Name(string language) => language switch { "en" => "English", "zh" => "Chinese", _ => language };
}

/// <summary>A language's outline of a document. A class, not a tuple: generic code over tuples is JIT-compiled in every cold build.</summary>
public sealed record LanguageOutline(string Language, DocumentOutline Outline);
