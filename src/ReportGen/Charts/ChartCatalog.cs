using ReportGen.Analysis;
using ReportGen.Document;

namespace ReportGen.Charts;

/// <summary>
/// The numbers of a chart's text alternative and data table, in the document's language (the
/// templating's formatter: grouping, "US$ 9.8 million" / "980 万美元").
/// </summary>
public interface INumberFormat
{
    string Figure(double value, int decimals = 0);
    string PercentSign(double share, int decimals = 0);
    /// <summary>A percentage in a chart's headline line (a sentence): "11%", Arabic "11 في المائة".</summary>
    string HeadlinePercent(double share, int decimals = 0);
    string Usd(double amount);
}

/// <summary>A chart cannot be built as asked (a year with no review, an outcome that does not exist, a missing argument): the template's to fix.</summary>
public sealed class ChartException(string message) : Exception(message);

/// <summary>
/// Builds each chart a template can place, from the figures alone, with its words in the
/// document's language (the template's <c>chart_*</c> front-matter words), and the chart's data as
/// a table with its column weights. One function per chart; a template names the chart and gives
/// its title, the templating numbers it.
/// </summary>
public sealed class ChartCatalog(Figures figures, INumberFormat format, Func<string, string> word, Func<string, string> flagshipName,
    Func<string, string>? outcomeShort = null)
{
    /// <summary>An outcome's short name in the document's language, for chart titles ({short}).</summary>
    public string OutcomeShort(string outcome) => outcomeShort?.Invoke(outcome) ?? outcome;

    public static readonly IReadOnlyList<string> Names = ["linkage", "interrelation", "balance", "flagships", "achievement", "funding"];

    public ChartData Build(string name, IReadOnlyDictionary<string, object?> args) => name switch
    {
        "linkage" => Linkage(Int(args, "year")),
        "interrelation" => Interrelation(Str(args, "outcome")),
        "balance" => Balance(),
        "flagships" => Flagships(),
        "achievement" => Achievement(),
        "funding" => Funding(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "the templating checks chart names against Names"),
    };

    private IReadOnlyList<string> Outcomes => figures.Balance.Select(b => b.Outcome).ToList();

    private string Year(string key, int year) => word(key).Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Charts I and II: projects by primary (rows) and secondary (columns) outcome, with the headline figures.</summary>
    private ChartData Linkage(int year)
    {
        var review = figures.Portfolio.Years.FirstOrDefault(y => y.Year == year)
                     ?? throw new ChartException($"no projects were reviewed in {year} (review years: {string.Join(", ", figures.Portfolio.Years.Select(y => y.Year))})");
        var outcomes = Outcomes;
        // Each value and headline names the figure it shows (portfolio.years[i]…), so the audit trail can explain it.
        string at = $"portfolio.years[{figures.Portfolio.Years.ToList().IndexOf(review)}]";
        string? LinkPath(string primary, string secondary) =>
            review.Linkage.ToList().FindIndex(l => l.Primary == primary && l.Secondary == secondary) is int k and >= 0 ? $"{at}.linkage[{k}].projects" : null;
        var series = outcomes.Select(secondary => new ChartSeries(secondary,
            Values(outcomes, primary => review.Linkage.FirstOrDefault(l => l.Primary == primary && l.Secondary == secondary)?.Projects ?? 0))
        {
            Paths = outcomes.Select(primary => LinkPath(primary, secondary)).ToList(),
        }).ToList();
        Headline Traced(string label, string value, string field, double number) =>
            new(label, value) { Figure = new FigureRef($"{at}.{field}", number, value) };
        var headlines = new[]
        {
            Traced(word("chart_projects_analysed"), format.Figure(review.Projects), "projects", review.Projects),
            Traced(word("chart_all_domains"), format.HeadlinePercent(review.AllDomainsShare), "all_domains_share", review.AllDomainsShare),
            Traced(word("chart_covid"), format.HeadlinePercent(review.CovidShare), "covid_share", review.CovidShare),
        };
        string alt = $"{word("chart_primary")} × {word("chart_secondary")}, {year}: " + string.Join("; ",
            review.Linkage.Select(l => $"{l.Primary}→{l.Secondary} {format.Figure(l.Projects)}")) + ". " +
            string.Join("; ", headlines.Select(h => $"{h.Label} {h.Value}"));
        return new ChartData(ChartKind.Matrix, outcomes, series, word("chart_primary"), word("chart_secondary"), headlines, [], alt)
        {
            CategoryPaths = OutcomePaths(outcomes),
        };
    }

    /// <summary>Charts III to VIII: an outcome's links to the others, review years side by side, targets dashed.</summary>
    private ChartData Interrelation(string outcome)
    {
        if (!Outcomes.Contains(outcome)) throw new ChartException($"no outcome '{outcome}'");
        var others = Outcomes.Where(o => o != outcome).ToList();
        var years = figures.Portfolio.Years.ToList();
        var series = years.Select((y, i) => new ChartSeries(Year("chart_review_year", y.Year),
            Values(others, o => y.Linkage.FirstOrDefault(l => l.Primary == outcome && l.Secondary == o)?.Projects ?? 0))
        {
            Paths = others.Select(o => y.Linkage.ToList().FindIndex(l => l.Primary == outcome && l.Secondary == o) is int k and >= 0
                ? $"portfolio.years[{i}].linkage[{k}].projects" : null).ToList(),
        }).ToList();
        var allTargets = (figures.LinkageTargets ?? []).ToList();
        var targets = allTargets.Where(t => t.Primary == outcome).ToList();
        foreach (int year in Numbers.DistinctSorted(targets, t => t.Year))
            series.Add(new ChartSeries(Year("chart_target_year", year),
                Values(others, o => targets.FirstOrDefault(t => t.Year == year && t.Secondary == o) is { } t ? t.TargetProjects : null), Dashed: true)
            {
                Paths = others.Select(o => allTargets.FindIndex(t => t.Primary == outcome && t.Year == year && t.Secondary == o) is int k and >= 0
                    ? $"linkage_targets[{k}].target_projects" : null).ToList(),
            });
        string alt = $"{outcome}: " + string.Join("; ", series.Select(s =>
            s.Name + " " + string.Join(", ", others.Select((o, k) => s.Values[k] is > 0 and double v ? $"{o} {format.Figure(v)}" : null).OfType<string>())));
        return new ChartData(ChartKind.BarsWithTargets, others, series, word("chart_secondary"), word("chart_projects"), [], [], alt)
        {
            CategoryPaths = OutcomePaths(others),
        };
    }

    /// <summary>Chart IX: share of normative services against share of the operational portfolio, by outcome.</summary>
    private ChartData Balance()
    {
        var series = new List<ChartSeries>
        {
            new(word("chart_services_share"), Values(figures.Balance, b => b.ServicesShare), Format: ValueFormat.Percent) { Paths = Each(figures.Balance.Count, "balance", "services_share") },
            new(word("chart_portfolio_share"), Values(figures.Balance, b => b.PortfolioShare), Format: ValueFormat.Percent) { Paths = Each(figures.Balance.Count, "balance", "portfolio_share") },
        };
        string alt = string.Join("; ", figures.Balance.Select(b => $"{b.Outcome} {format.PercentSign(b.ServicesShare)} / {format.PercentSign(b.PortfolioShare)}"));
        return new ChartData(ChartKind.ClusteredBars, Outcomes, series, word("chart_outcome"), word("chart_share"), [], [], $"{series[0].Name} / {series[1].Name}: {alt}")
        {
            CategoryPaths = OutcomePaths(Outcomes),
        };
    }

    /// <summary>Chart X: each flagship's normative tools, portfolio, partners and funding secured against target.</summary>
    private ChartData Flagships()
    {
        var f = figures.Flagships;
        var series = new List<ChartSeries>
        {
            new(word("chart_tools"), Values(f, x => x.NormativeTools)) { Paths = Each(f.Count, "flagships", "normative_tools") },
            new(word("chart_portfolio_musd"), Values(f, x => x.PortfolioUsd), Format: ValueFormat.UsdMillions) { Paths = Each(f.Count, "flagships", "portfolio_usd") },
            new(word("chart_partners"), Values(f, x => x.Partners)) { Paths = Each(f.Count, "flagships", "partners") },
            new(word("chart_secured"), Values(f, x => x.FundingSecuredShare), Format: ValueFormat.Percent) { Paths = Each(f.Count, "flagships", "funding_secured_share") },
        };
        var categories = f.Select(x => $"{x.Code} {flagshipName(x.Code)}").ToList();
        var codes = f.Select(x => x.Code).ToList();
        string alt = string.Join("; ", f.Select(x => $"{x.Code}: {x.NormativeTools}, {format.Usd(x.PortfolioUsd)}, {x.Partners}, " +
            (x.FundingSecuredShare is double s ? format.PercentSign(s) : "–")));
        return new ChartData(ChartKind.Dashboard, categories, series, word("chart_flagship"), null, [], [], alt) { CategoryCodes = codes };
    }

    /// <summary>Annual report: each outcome's achievement in the reporting year against the on-track threshold.</summary>
    private ChartData Achievement()
    {
        var all = figures.Progress.Outcomes.ToList();
        var rows = all.Where(o => o.Year == figures.ReportingYear).ToList();
        double threshold = figures.Thresholds?.OnTrack ?? 0.75;
        var series = new List<ChartSeries>
        {
            // An achievement above 1 is drawn (and traced) at 1: the chart's value is not the figure's, so it names no figure.
            new(word("chart_achievement"), Values(rows, o => o.Achievement is double a ? Math.Min(a, 1) : null), Format: ValueFormat.Percent)
            {
                Paths = rows.Select(o => o.Achievement is <= 1 ? $"progress.outcomes[{all.IndexOf(o)}].achievement" : null).ToList(),
            },
            new(word("chart_threshold"), Values(rows, _ => threshold), Dashed: true, Format: ValueFormat.Percent)
            {
                Paths = rows.Select(_ => figures.Thresholds is null ? null : "thresholds.on_track").ToList(),
            },
        };
        string alt = string.Join("; ", rows.Select(o => $"{o.Outcome} {(o.Achievement is double a ? format.PercentSign(Math.Min(a, 1)) : "–")}"));
        return new ChartData(ChartKind.BarsWithTargets, rows.Select(o => o.Outcome).ToList(), series, word("chart_outcome"), word("chart_achievement"),
            [], [], alt)
        {
            CategoryPaths = rows.Select(o => (string?)$"progress.outcomes[{all.IndexOf(o)}].outcome").ToList(),
        };
    }

    /// <summary>Annual report: budget against funded amount by outcome in the reporting year; underfunded outcomes highlighted.</summary>
    private ChartData Funding()
    {
        var all = figures.Funding.Outcomes.ToList();
        var rows = all.Where(r => r.Year == figures.ReportingYear).ToList();
        var series = new List<ChartSeries>
        {
            new(word("chart_budget"), Values(rows, r => r.BudgetUsd), Format: ValueFormat.UsdMillions)
            {
                Paths = rows.Select(r => (string?)$"funding.outcomes[{all.IndexOf(r)}].budget_usd").ToList(),
            },
            new(word("chart_funded"), Values(rows, r => r.FundedUsd), Format: ValueFormat.UsdMillions)
            {
                Paths = rows.Select(r => (string?)$"funding.outcomes[{all.IndexOf(r)}].funded_usd").ToList(),
            },
        };
        string alt = string.Join("; ", rows.Select(r => $"{r.Outcome}{(r.Underfunded ? " *" : "")} {format.Usd(r.FundedUsd)} / {format.Usd(r.BudgetUsd)}"));
        // Underfunded outcomes carry an asterisk in the chart itself, besides their colour (for grey print).
        var categories = rows.Select(r => r.Underfunded ? r.Outcome + " *" : r.Outcome).ToList();
        return new ChartData(ChartKind.ClusteredBars, categories, series, word("chart_outcome"), word("chart_usd_millions"),
            [], rows.Select(r => r.Underfunded).ToList(), alt)
        {
            CategoryCodes = rows.Select(r => r.Outcome).ToList(),
            CategoryPaths = rows.Select(r => (string?)$"funding.outcomes[{all.IndexOf(r)}].outcome").ToList(),
        };
    }

    /// <summary>The path of each outcome's code in the balance list (every outcome of the plan, in order).</summary>
    private List<string?> OutcomePaths(IReadOnlyList<string> outcomes) =>
        outcomes.Select(o => figures.Balance.ToList().FindIndex(b => b.Outcome == o) is int k and >= 0 ? (string?)$"balance[{k}].outcome" : null).ToList();

    /// <summary>A category's cell: its code traced to its figure, then the rest of its label ("1.3 *" is 1.3, then the mark).</summary>
    private static TableCell CategoryCell(ChartData chart, int i)
    {
        string label = chart.Categories[i], code = chart.CategoryCodes[i];
        if (chart.CategoryPaths?[i] is not { } path || !label.StartsWith(code, StringComparison.Ordinal) || !double.TryParse(code, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
            return new TableCell(Inlines.Of(label), Alignment.Left);
        return new TableCell(label.Length == code.Length ? [new FigureRef(path, value, code)] : [new FigureRef(path, value, code), new Text(label[code.Length..])], Alignment.Left);
    }

    /// <summary>Paths of the same field of each element of a list of figures: balance[0].gap, balance[1].gap…</summary>
    private static List<string?> Each(int count, string list, string field) => Enumerable.Range(0, count).Select(i => (string?)$"{list}[{i}].{field}").ToList();

    /// <summary>
    /// The chart's data as a table, for writers that show a chart as numbers, and for the audit
    /// trail: each value that is a figure's is a <see cref="FigureRef"/>, as the chart prints it.
    /// </summary>
    public Table AsTable(ChartData chart)
    {
        TableCell Cell(string text, Alignment alignment = Alignment.Right) => new(Inlines.Of(text), alignment);
        TableCell ValueCell(ChartSeries s, int i, string text, Alignment alignment = Alignment.Right) =>
            text.Length > 0 && s.Paths?[i] is { } path && s.Values[i] is double v ? new([new FigureRef(path, v, text)], alignment) : Cell(text, alignment);
        string Value(double? v, ValueFormat f) => v is not double d ? "–" : f switch
        {
            ValueFormat.Percent => format.PercentSign(d),
            ValueFormat.UsdMillions => format.Figure(ChartValues.Shown(d, f)!.Value, 1),
            _ => format.Figure(d),
        };
        if (chart.Kind == ChartKind.Matrix)
        {
            var header = new List<TableCell> { Cell($"{chart.CategoryAxisTitle} \\ {chart.ValueAxisTitle}", Alignment.Left) };
            header.AddRange(chart.Series.Select(s => Cell(s.Name, Alignment.Center)));
            var rows = chart.Categories.Select((category, i) =>
            {
                var row = new List<TableCell> { CategoryCell(chart, i) };
                row.AddRange(chart.Series.Select(s => ValueCell(s, i, s.Values[i] is > 0 ? format.Figure(s.Values[i]!.Value) : "", Alignment.Center)));
                return (IReadOnlyList<TableCell>)row;
            }).ToList();
            return new Table([header], rows, [6, .. chart.Series.Select(_ => 2.5)]);
        }
        var head = new List<TableCell> { Cell(chart.CategoryAxisTitle ?? "", Alignment.Left) };
        head.AddRange(chart.Series.Select(s => Cell(s.Name)));
        var body = chart.Categories.Select((_, i) =>
        {
            var row = new List<TableCell> { CategoryCell(chart, i) };
            row.AddRange(chart.Series.Select(s => ValueCell(s, i, Value(s.Values[i], s.Format))));
            return (IReadOnlyList<TableCell>)row;
        }).ToList();
        return new Table([head], body, [chart.Kind == ChartKind.Dashboard ? 14 : 6, .. chart.Series.Select(_ => 5.0)]);
    }

    private static int Int(IReadOnlyDictionary<string, object?> args, string key) =>
        args.TryGetValue(key, out var v) && v is not null ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)
            : throw new ChartException($"this chart needs {key}=…");

    private static string Str(IReadOnlyDictionary<string, object?> args, string key) =>
        args.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!
            : throw new ChartException($"this chart needs {key}=…");

    /// <summary>A series' values.</summary>
    private static List<double?> Values<T>(IEnumerable<T> items, Func<T, double?> value) => items.Select(value).ToList();
}
