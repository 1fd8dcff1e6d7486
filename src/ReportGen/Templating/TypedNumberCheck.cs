
namespace ReportGen.Templating;

/// <summary>
/// Numbers cannot drift at a translator's hand: every number a translation types in its
/// template (<see cref="NumberText"/>: "62%", 五, "five", 第二) must be typed the same in the
/// English of that part ("part 1" / "第 1 部分", "four parts" / "四个部分", "100 per cent" / "100%");
/// a number the English prints from a figure must be printed from it. Otherwise the typed number
/// is a problem at its file:line:col, naming what the English prints there and the mustache to
/// use. The same the other way round: a number the English types where the translation prints a
/// figure. Numbers are compared part by part, the parts lined up as <see cref="LanguageParity.Align"/>
/// lines them up (their structure is LanguageParity's to compare).
/// </summary>
public static class TypedNumberCheck
{
    /// <summary>What the check found, and the outlines to give <see cref="LanguageParity.Compare"/>.</summary>
    /// <param name="Outlines">
    /// the outlines with each figure a problem already names reconciled with the first language's
    /// part, so that the same figure is not reported again as "does not use the figure"
    /// </param>
    public sealed record Result(List<Problem> Problems, List<LanguageOutline> Outlines);

    /// <param name="at">told of the key of the part (in the first language's outline) each problem is about, for the review page</param>
    public static Result Compare(IReadOnlyList<LanguageOutline> languages, Action<string, Problem>? at = null)
    {
        var problems = new List<Problem>();
        var outlines = new List<LanguageOutline>(languages);
        if (languages.Count < 2) return new Result(problems, outlines);
        var reference = languages[0];
        // The parts lined up as LanguageParity lines them up, so a part missing in one language
        // (its own problem) leaves the numbers of every other part compared.
        var rows = LanguageParity.Align(languages);
        for (int other = 1; other < languages.Count; other++)
        {
            var units = new List<OutlineUnit>(languages[other].Outline.Units);
            foreach (var row in rows)
            {
                int u = row.Units[0], v = row.Units[other];
                if (u < 0 || v < 0) continue;
                var first = reference.Outline.Units[u];
                // A part of another shape is LanguageParity's to report; its numbers would only add noise.
                if (first.Shape != units[v].Shape) continue;
                int before = problems.Count;
                units[v] = Part(first, units[v], reference.Language, languages[other].Language, problems);
                for (int k = before; k < problems.Count; k++) at?.Invoke(row.Key, problems[k]);
            }
            outlines[other] = new LanguageOutline(languages[other].Language, languages[other].Outline.WithUnits(units));
        }
        return new Result(problems, outlines);
    }

    /// <summary>
    /// One part in both languages: typed numbers paired by value first; what is left of the
    /// translation's is told what the English prints there (a figure it lacks, else a number the
    /// English types, else nothing); what is left of the English's, what the translation prints
    /// there instead. Returns the translation's part with the figures named reconciled.
    /// </summary>
    private static OutlineUnit Part(OutlineUnit first, OutlineUnit second, string firstLanguage, string secondLanguage, List<Problem> problems)
    {
        var typedFirst = Typed(first);
        var typedSecond = Typed(second);
        if (typedFirst.Count == 0 && typedSecond.Count == 0) return second;
        // The same number typed in both: nothing to say.
        for (int j = typedSecond.Count - 1; j >= 0; j--)
            for (int i = 0; i < typedFirst.Count; i++)
                if (typedFirst[i].Typed!.Same == typedSecond[j].Typed!.Same)
                {
                    typedFirst.RemoveAt(i);
                    typedSecond.RemoveAt(j);
                    break;
                }
        if (typedFirst.Count == 0 && typedSecond.Count == 0) return second;
        var figures = new SortedSet<string>(second.Figures, StringComparer.Ordinal);
        // Where a typed number stands for a figure, the figure is the typed number's problem, not a second one.
        void Reconcile(string path)
        {
            if (first.Figures.Contains(path)) figures.Add(path);
            else figures.Remove(path);
        }
        var onlyFirst = PrintedOnly(first, second);
        foreach (var typed in typedSecond)
        {
            string text = typed.Typed!.Text;
            if (Take(onlyFirst, typed.Typed.Kind) is { } printed)
            {
                problems.Add(new Problem(typed.Place, $"'{text}' is typed; the {LanguageParity.LanguageName(firstLanguage)} prints {Argument(printed)} here — use {Mustache(printed)}"));
                Reconcile(printed.Path);
            }
            else if (typedFirst.Count > 0)
            {
                problems.Add(new Problem(typed.Place, $"'{text}' is typed; the {LanguageParity.LanguageName(firstLanguage)} types '{typedFirst[0].Typed!.Text}' here — type the same number"));
                typedFirst.RemoveAt(0);
            }
            else problems.Add(new Problem(typed.Place, $"'{text}' is typed; the {LanguageParity.LanguageName(firstLanguage)} has no number here — type only the numbers the {LanguageParity.LanguageName(firstLanguage)} types"));
        }
        // The English may type a number the translation leaves out ("over the same two years": 同期); not one where the translation prints a figure.
        var onlySecond = PrintedOnly(second, first);
        foreach (var typed in typedFirst)
            if (Take(onlySecond, typed.Typed!.Kind) is { } printed)
            {
                problems.Add(new Problem(typed.Place, $"'{typed.Typed.Text}' is typed; the {LanguageParity.LanguageName(secondLanguage)} prints {Argument(printed)} here — use {Mustache(printed)}"));
                Reconcile(printed.Path);
            }
        return figures.SetEquals(second.Figures) ? second : second with { Figures = figures };
    }

    private static List<PartNumber> Typed(OutlineUnit unit)
    {
        var typed = new List<PartNumber>();
        foreach (var number in unit.Numbers) if (number.Typed is not null) typed.Add(number);
        return typed;
    }

    /// <summary>The figures <paramref name="unit"/> prints that <paramref name="other"/> does not print, each once, in order.</summary>
    private static List<PartNumber> PrintedOnly(OutlineUnit unit, OutlineUnit other)
    {
        var printedThere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var number in other.Numbers) if (number.Typed is null) printedThere.Add(number.Path);
        var only = new List<PartNumber>();
        foreach (var number in unit.Numbers)
            if (number.Typed is null && printedThere.Add(number.Path)) only.Add(number);
        return only;
    }

    /// <summary>The first figure printed as <paramref name="kind"/> is (a percentage by pct, a rank by ordinal), else the first; taken from the list.</summary>
    private static PartNumber? Take(List<PartNumber> printed, NumberKind kind)
    {
        if (printed.Count == 0) return null;
        int at = 0;
        for (int i = 0; i < printed.Count; i++)
            if (KindOf(printed[i].Helper) == kind) { at = i; break; }
        var taken = printed[at];
        printed.RemoveAt(at);
        return taken;
    }

    private static NumberKind KindOf(string helper) => helper switch
    {
        "pct" or "pctsign" => NumberKind.Percent,
        "ordinal" => NumberKind.Ordinal,
        _ => NumberKind.Count,
    };

    /// <summary>The figure as the template names it ("findings.reporting_year_funded_share"), else by its path in figures.json.</summary>
    private static string Argument(PartNumber printed)
    {
        if (printed.Expression is not { } expression) return printed.Path;
        string inner = expression.Trim('{', '}', '~', ' ');
        int space = inner.IndexOf(' ');
        return space < 0 ? printed.Path : inner[(space + 1)..].Trim();
    }

    /// <summary>The mustache the template printed the figure with, else one made of its helper and path.</summary>
    private static string Mustache(PartNumber printed) =>
        printed.Expression ?? $"{{{{{(printed.Helper.Length > 0 ? printed.Helper : "num")} {printed.Path}}}}}";

}
