namespace ReportGen.Model;

/// <summary>Where a record came from in the workbook (1-based row), for error messages and audit trails.</summary>
public readonly record struct SourceRow(string Sheet, int Row)
{
    public override string ToString() => $"{Sheet}!{Row}";
}

/// <summary>The languages ReportGen builds, in a fixed order: the codes of the registered profiles (<see cref="Typesetting.LanguageProfiles"/>).</summary>
public static class Languages
{
    public static IReadOnlyList<string> All => [.. Typesetting.LanguageProfiles.All.Select(p => p.Code)];

    /// <summary>The languages a build makes when neither --lang nor the Settings sheet names them.</summary>
    public static IReadOnlyList<string> Default => [.. Typesetting.LanguageProfiles.All.Where(p => p.ByDefault).Select(p => p.Code)];
}

/// <summary>A text given in the languages of the workbook, by language code. Any language may be missing.</summary>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    // In the registry's order, so that iterating the texts never depends on how they were given.
    private readonly KeyValuePair<string, string?>[] _texts;

    public LocalizedText(IEnumerable<KeyValuePair<string, string?>> texts) =>
        _texts = [.. texts.OrderBy(t => Order(t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal)];

    /// <summary>English and Chinese, as tests and built-in texts give them.</summary>
    public LocalizedText(string? en, string? zh) : this([new("en", en), new("zh", zh)]) { }

    private static int Order(string language)
    {
        var all = Typesetting.LanguageProfiles.All;
        for (int i = 0; i < all.Count; i++) if (all[i].Code == language) return i;
        return all.Count;
    }

    /// <summary>The text in a language; null when it was not given.</summary>
    public string? this[string language]
    {
        get
        {
            foreach (var (code, text) in _texts) if (code == language) return text;
            return null;
        }
    }

    /// <summary>
    /// The text in a language, else the English: for the tool's own words (the glossary, the names
    /// listing) in a language not translated yet. Never for the workbook's texts, whose missing
    /// language is a problem at its cell.
    /// </summary>
    public string? OrEnglish(string language) => this[language] ?? this["en"];

    /// <summary>Every language's text, in the registry's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Texts => _texts;

    public bool Equals(LocalizedText? other) =>
        other is not null && _texts.Length == other._texts.Length && _texts.Zip(other._texts).All(p => p.First.Key == p.Second.Key && p.First.Value == p.Second.Value);

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (code, text) in _texts) { hash.Add(code); hash.Add(text); }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(" / ", _texts.Select(t => $"{t.Key}: {t.Value}"));
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
    string DocId, string Template, string Symbol, DateOnly Date, AgendaItem AgendaItem, string AgendaSymbol,
    DateOnly SessionStart, DateOnly SessionEnd, string OriginalLanguage, SourceRow Source);

public sealed record Domain(int Code, LocalizedText Title, SourceRow Source);

public sealed record Outcome(OutcomeCode Code, int Domain, LocalizedText Title, LocalizedText Short, SourceRow Source);

public sealed record Indicator(
    string Id, OutcomeCode Outcome, LocalizedText Name, IndicatorUnit Unit, double Baseline, Direction Direction, SourceRow Source);

public sealed record IndicatorValue(string IndicatorId, int Year, double Target, double? Actual, SourceRow Source);

public sealed record FundingEntry(OutcomeCode Outcome, int Year, double BudgetUsd, double FundedUsd, SourceRow Source);

/// <summary>A row of the Regions sheet. <c>Regional</c> is false for a grouping that is not a region ("Global and interregional"): it is counted apart, never ranked among the regions (docs/findings.md).</summary>
/// <param name="Of">the name as running text writes it after "the region" in each language, with its article and preposition
/// (Spanish "de los Estados Árabes", French "des États arabes"): the optional <c>name_of_&lt;code&gt;</c> columns; a language
/// without one writes the profile's <c>RegionOf</c> pattern around <paramref name="Name"/></param>
public sealed record Region(string Code, LocalizedText Name, SourceRow Source, bool Regional = true, LocalizedText? Of = null);

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
