using System.Globalization;
using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Typesetting;

namespace ReportGen.Templating;

/// <summary>
/// The data a template sees. The figures keep the names and paths of figures.json
/// (<c>portfolio.years</c>, <c>funding.underfunded</c>, <c>findings.link_profiles</c>…), so the
/// path a template writes names the figure a number comes from. Beside them: <c>doc</c> (the
/// Documents row), <c>plan</c> (names in the document's language), <c>review.years</c> (every
/// review year), <c>review.first</c>, <c>review.previous</c> and <c>review.last</c>,
/// <c>reporting</c> (the reporting year's rows with their names), and <c>words</c> (the front
/// matter, rendered). Every key is present (null when absent), because strict mode treats a
/// missing key as an error. Every figure and finding a template reads goes into <paramref name="log"/>.
/// </summary>
public static class TemplateContext
{
    // The figures as plain data (FiguresData: figures.json's shape, without System.Text.Json), made
    // once per Figures and shared by every document and language composed from them (Wrap only reads it).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Figures, object?> PlainFigures = new();

    public static Dictionary<string, object?> Build(ReportingCycle cycle, Figures figures, DocumentSpec spec, string language, ReadLog? log = null)
    {
        log ??= new ReadLog();
        // Every number of the figures carries its figures.json path (see Fig); every object records what is read of it.
        var root = (TrackedMap)Wrap(PlainFigures.GetValue(figures, f => FiguresData.Of(f)), "", log)!;
        // Loops and dictionaries rather than LINQ over key-value pairs and tuples: generic code over
        // value types is JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).
        var context = new Dictionary<string, object?>(root);
        string T(LocalizedText text) => text[language] ?? "";

        context["lang"] = language;
        context["doc"] = new Dictionary<string, object?>
        {
            ["id"] = spec.DocId,
            ["symbol"] = spec.Symbol,
            ["date"] = new Day(spec.Date, "doc.date"),
            // As the language writes it: "6 (a)", "6 a)", "6(a)" (Document.Numbering.AgendaItem, by the profile).
            ["agenda_item"] = Document.Numbering.AgendaItem(spec.AgendaItem, language),
            ["agenda_symbol"] = spec.AgendaSymbol,
            ["session_start"] = new Day(spec.SessionStart, "doc.session_start"),
            ["session_end"] = new Day(spec.SessionEnd, "doc.session_end"),
            ["original_language"] = spec.OriginalLanguage,
        };
        context["plan"] = new Dictionary<string, object?>
        {
            ["domains"] = cycle.Domains.Order(DomainOrder).Select(d => Dict("code", (double)d.Code, "title", T(d.Title))).ToList<object?>(),
            ["outcomes"] = cycle.Outcomes.OrderBy(o => o.Code).Select(o => new Dictionary<string, object?>
            {
                ["code"] = o.Code.ToString(), ["domain"] = (double)o.Domain, ["title"] = T(o.Title), ["short"] = T(o.Short),
            }).ToList<object?>(),
            // "of": the name after "the region" (region_of): the workbook's name_of_<code>, else the profile's pattern around the name.
            ["regions"] = cycle.Regions.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new Dictionary<string, object?>
            {
                ["code"] = r.Code, ["name"] = T(r.Name),
                ["of"] = r.Of?[language] is { Length: > 0 } of ? of : string.Format(CultureInfo.InvariantCulture, LanguageProfiles.For(language).RegionOf, T(r.Name)),
            }).ToList<object?>(),
            ["flagships"] = cycle.Flagships.OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => Dict("code", f.Code, "name", T(f.Name))).ToList<object?>(),
            // Counts of the plan's rows, figures of figures.json like any other: what a template prints from them is traced
            // ("five flagship programmes") and a change of them is a changed figure in `diff`.
            ["domain_count"] = new Fig(figures.Plan!.DomainCount, "plan.domain_count"),
            ["outcome_count"] = new Fig(figures.Plan.OutcomeCount, "plan.outcome_count"),
            ["flagship_count"] = new Fig(figures.Plan.FlagshipCount, "plan.flagship_count"),
        };

        var years = (List<object?>)((TrackedMap)context["portfolio"]!).Peek("years")!;
        context["review"] = new Dictionary<string, object?>
        {
            ["years"] = years,
            ["first"] = years.FirstOrDefault(),
            ["previous"] = years.Count >= 2 ? years[^2] : null,
            ["last"] = years.LastOrDefault(),
        };

        int year = figures.ReportingYear;
        var outcomeTitles = cycle.Outcomes.ToDictionary(o => o.Code.ToString(), o => T(o.Title));
        var indicators = cycle.Indicators.ToDictionary(i => i.Id);
        context["reporting"] = new Dictionary<string, object?>
        {
            ["year"] = (double)year,
            ["funding"] = Rows(context, "funding", "outcomes").Where(r => Num(r.Peek("year")) == year)
                .Select(r => r.With(Dict("title", outcomeTitles[(string)r.Peek("outcome")!]))).ToList<object?>(),
            ["indicators"] = Rows(context, "progress", "indicators").Where(r => Num(r.Peek("year")) == year)
                .Select(r =>
                {
                    var indicator = indicators[(string)r.Peek("id")!];
                    return r.With(Dict("name", T(indicator.Name), "unit", indicator.Unit.ToString().ToLowerInvariant()));
                })
                .ToList<object?>(),
            ["outcomes"] = Rows(context, "progress", "outcomes").Where(r => Num(r.Peek("year")) == year)
                .Select(r => r.With(Dict("title", outcomeTitles[(string)r.Peek("outcome")!]))).ToList<object?>(),
        };
        foreach (string key in (string[])["doc", "plan", "review", "reporting"]) context[key] = Counted(context[key], log);
        return context;
    }

    /// <summary>The plain lists under a node made <see cref="CountedList"/>s (the figures' are <see cref="TrackedList"/>s already), so every loop is bounded.</summary>
    private static object? Counted(object? node, ReadLog log)
    {
        switch (node)
        {
            case Dictionary<string, object?> dict:
                foreach (string key in dict.Keys.ToArray()) dict[key] = Counted(dict[key], log);
                return dict;
            case List<object?> list when list.GetType() == typeof(List<object?>):
                return new CountedList(log, list.Select(item => Counted(item, log)));
            default:
                return node;
        }
    }

    private static IEnumerable<TrackedMap> Rows(Dictionary<string, object?> context, string section, string list) =>
        ((List<object?>)((TrackedMap)context[section]!).Peek(list)!).Cast<TrackedMap>();

    private static Dictionary<string, object?> Dict(string key, object? value) => new() { [key] = value };

    private static Dictionary<string, object?> Dict(string key1, object? value1, string key2, object? value2) => new() { [key1] = value1, [key2] = value2 };

    private static readonly IComparer<Domain> DomainOrder = Comparer<Domain>.Create((a, b) => a.Code.CompareTo(b.Code));

    internal static double Num(object? value) => value switch
    {
        Fig f => f.Value,
        double d => d,
        _ => double.NaN,
    };

    private static object? Wrap(object? node, string path, ReadLog log) => node switch
    {
        Dictionary<string, object?> dict => new TrackedMap(path, log, WrapEach(dict, path, log)),
        List<object?> list => new TrackedList(path, log, list.Select((item, i) => Wrap(item, $"{path}[{i}]", log))),
        double d => new Fig(d, path),
        _ => node,
    };

    private static Dictionary<string, object?> WrapEach(Dictionary<string, object?> dict, string path, ReadLog log)
    {
        var wrapped = new Dictionary<string, object?>(dict.Count);
        foreach (var (key, value) in dict) wrapped.Add(key, Wrap(value, path.Length == 0 ? key : path + "." + key, log));
        return wrapped;
    }
}
