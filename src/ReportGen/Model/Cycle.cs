namespace ReportGen.Model;

/// <summary>Where a record came from in the workbook (1-based row), for error messages and audit trails.</summary>
public readonly record struct SourceRow(string Sheet, int Row)
{
    public override string ToString() => $"{Sheet}!{Row}";
}

/// <summary>The languages ReportGen builds, in a fixed order.</summary>
public static class Languages
{
    public static readonly IReadOnlyList<string> All = ["en", "zh"];
}

/// <summary>A text given in both languages of the workbook. Either side may be missing.</summary>
public sealed record LocalizedText(string? En, string? Zh)
{
    public string? this[string language] => language switch
    {
        "en" => En,
        "zh" => Zh,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "languages are en and zh"),
    };
}

public enum IndicatorUnit { Number, Percent, Usd }

public enum Direction { Increase, Decrease }

/// <summary>The cycle's settings; the plan period defaults to the strategic plan 2020–2023.</summary>
public sealed record Settings(int ReportingYear, double OnTrackThreshold, double UnderfundedThreshold,
    int PlanStart = Settings.DefaultPlanStart, int PlanEnd = Settings.DefaultPlanEnd)
{
    public const double DefaultOnTrackThreshold = 0.75;
    public const double DefaultUnderfundedThreshold = 0.5;
    public const int DefaultPlanStart = 2020;
    public const int DefaultPlanEnd = 2023;
}

public sealed record DocumentSpec(
    string DocId, string Template, string Symbol, DateOnly Date, string AgendaItem, string AgendaSymbol,
    DateOnly SessionStart, DateOnly SessionEnd, string OriginalLanguage, SourceRow Source);

public sealed record Domain(int Code, LocalizedText Title, SourceRow Source);

public sealed record Outcome(OutcomeCode Code, int Domain, LocalizedText Title, LocalizedText Short, SourceRow Source);

public sealed record Indicator(
    string Id, OutcomeCode Outcome, LocalizedText Name, IndicatorUnit Unit, double Baseline, Direction Direction, SourceRow Source);

public sealed record IndicatorValue(string IndicatorId, int Year, double Target, double? Actual, SourceRow Source);

public sealed record FundingEntry(OutcomeCode Outcome, int Year, double BudgetUsd, double FundedUsd, SourceRow Source);

/// <summary>A row of the Regions sheet. <c>Regional</c> is false for a grouping that is not a region ("Global and interregional"): it is counted apart, never ranked among the regions (docs/findings.md).</summary>
public sealed record Region(string Code, LocalizedText Name, SourceRow Source, bool Regional = true);

public sealed record Project(
    string Id, int PrcYear, string Title, string Region, string Country, OutcomeCode PrimaryOutcome,
    IReadOnlyList<OutcomeCode> SecondaryOutcomes, bool CovidResponse, double BudgetUsd, string? Flagship, SourceRow Source);

public sealed record Service(string Id, OutcomeCode Outcome, LocalizedText Name, SourceRow Source);

public sealed record Flagship(
    string Code, LocalizedText Name, int NormativeTools, double PortfolioUsd, int Partners,
    double FundingTargetUsd, double FundingSecuredUsd, SourceRow Source);

public sealed record LinkageTarget(OutcomeCode Primary, OutcomeCode Secondary, int Year, int TargetProjects, SourceRow Source);

/// <summary>
/// All the validated data of one reporting cycle. Lists keep workbook order; analysis sorts
/// what it publishes.
/// </summary>
public sealed record ReportingCycle(
    Settings Settings,
    IReadOnlyList<DocumentSpec> Documents,
    IReadOnlyList<Domain> Domains,
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<IndicatorValue> IndicatorValues,
    IReadOnlyList<FundingEntry> Funding,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<Service> Services,
    IReadOnlyList<Flagship> Flagships,
    IReadOnlyList<LinkageTarget> LinkageTargets);
