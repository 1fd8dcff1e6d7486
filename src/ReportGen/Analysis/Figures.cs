using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportGen.Analysis;

// The figures of one reporting cycle (contract: spec/figures.md). Shares are unrounded fractions;
// rounding belongs to rendering. Property names become snake_case in JSON.

public sealed record Figures(
    int ReportingYear,
    PortfolioFigures Portfolio,
    IReadOnlyList<BalanceFigure> Balance,
    IReadOnlyList<FlagshipFigure> Flagships,
    ProgressFigures Progress,
    FundingFigures Funding,
    Thresholds? Thresholds = null,
    IReadOnlyList<LinkageTargetFigure>? LinkageTargets = null,
    PlanPeriod? PlanPeriod = null,
    Findings? Findings = null)
{
    /// <summary>Reads the figures back (enums from their snake_case names).</summary>
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        // Generated at compile time (no reflection in a cold build); anything else falls back to reflection.
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(FiguresJsonContext.Default,
            new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    /// <summary>Writes the figures (figures.json, the templates' data): enums as text, see <see cref="EnumsAsText"/>.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(ReadOptions)
    {
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(ReadOptions.TypeInfoResolver!, EnumsAsText.Modify),
    };

    /// <summary>The figures as JSON, with LF line ends and a final newline on every platform.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions).ReplaceLineEndings("\n") + "\n";

    public static Figures FromJson(string json) =>
        JsonSerializer.Deserialize<Figures>(json, ReadOptions) ?? throw new JsonException("empty figures");
}

/// <summary>
/// The figures' JSON written by code the compiler generates; it follows every type reachable from
/// <see cref="Figures"/>, so new figure records need nothing here. Names, escaping and enums come
/// from <see cref="Figures.JsonOptions"/>, so the bytes are reflection's (a test compares them).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Figures))]
internal sealed partial class FiguresJsonContext : JsonSerializerContext;

/// <summary>The strategic plan's period (settings plan_start and plan_end).</summary>
public sealed record PlanPeriod(int Start, int End);

/// <summary>The settings the statuses were judged by.</summary>
public sealed record Thresholds(double OnTrack, double Underfunded);

/// <summary>A target number of projects for a (primary, secondary) link in a future year (the dashed lines).</summary>
public sealed record LinkageTargetFigure(string Primary, string Secondary, int Year, int TargetProjects);

public sealed record PortfolioFigures(int TotalProjects, IReadOnlyList<ReviewYear> Years);

public sealed record ReviewYear(
    int Year,
    int Projects,
    int AllDomainsProjects,
    double AllDomainsShare,
    int CovidProjects,
    double CovidShare,
    int IntegratedProjects,
    double IntegratedShare,
    double BudgetUsd,
    IReadOnlyList<LinkageFigure> Linkage,
    IReadOnlyList<RegionFigure> Regions,
    IReadOnlyList<PrimaryFigure> Primary);

/// <summary>Projects of a year whose primary outcome is <c>Primary</c> and whose secondary outcomes include <c>Secondary</c>.</summary>
public sealed record LinkageFigure(string Primary, string Secondary, int Projects);

public sealed record RegionFigure(string Region, int Projects, double BudgetUsd);

/// <summary>Projects of a year by primary outcome (zero included), for the interrelation charts.</summary>
public sealed record PrimaryFigure(string Outcome, int Projects, int Integrated);

public sealed record BalanceFigure(string Outcome, int Services, double ServicesShare, double PortfolioUsd, double PortfolioShare, double Gap);

public sealed record FlagshipFigure(
    string Code, int Projects, int NormativeTools, double PortfolioUsd, int Partners,
    double FundingTargetUsd, double FundingSecuredUsd, double? FundingSecuredShare);

public sealed record ProgressFigures(IReadOnlyList<IndicatorProgress> Indicators, IReadOnlyList<OutcomeProgress> Outcomes);

public enum ProgressStatus { Achieved, OnTrack, OffTrack, NoData }

public sealed record IndicatorProgress(
    string Id, string Outcome, int Year, double Baseline, double Target, double? Actual, double? Achievement, ProgressStatus Status);

public sealed record OutcomeProgress(string Outcome, int Year, double? Achievement, ProgressStatus Status, int IndicatorsWithData);

public sealed record FundingFigures(IReadOnlyList<FundingFigure> Outcomes, IReadOnlyList<string> Underfunded);

public sealed record FundingFigure(string Outcome, int Year, double BudgetUsd, double FundedUsd, double? FundedShare, bool Underfunded);
