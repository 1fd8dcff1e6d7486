using ReportGen.Model;

namespace ReportGen.Analysis;

/// <summary>
/// Computes every figure of a reporting cycle. This is the only place figures are computed:
/// templates, charts and the audit trail all read the <see cref="Figures"/> it returns.
/// </summary>
public static class FigureCalculator
{
    public static Figures Compute(ReportingCycle cycle)
    {
        var domainOf = DomainOf(cycle);
        var allDomains = AllDomains(cycle, domainOf);
        var outcomes = cycle.Outcomes.Select(o => o.Code).Order().ToList();

        var figures = new Figures(
            cycle.Settings.ReportingYear,
            Portfolio(cycle, domainOf, allDomains, outcomes),
            Balance(cycle, outcomes),
            Flagships(cycle),
            Progress(cycle, outcomes),
            Funding(cycle),
            new Thresholds(cycle.Settings.OnTrackThreshold, cycle.Settings.UnderfundedThreshold),
            cycle.LinkageTargets.Order(Comparer<LinkageTarget>.Create((a, b) =>
                    a.Primary.CompareTo(b.Primary) is var byPrimary and not 0 ? byPrimary
                    : a.Secondary.CompareTo(b.Secondary) is var bySecondary and not 0 ? bySecondary : a.Year.CompareTo(b.Year)))
                .Select(t => new LinkageTargetFigure(t.Primary.ToString(), t.Secondary.ToString(), t.Year, t.TargetProjects)).ToList(),
            new PlanPeriod(cycle.Settings.PlanStart, cycle.Settings.PlanEnd),
            new PlanCounts(cycle.Domains.Count, cycle.Outcomes.Count, cycle.Flagships.Count));
        return figures with
        {
            Findings = FindingsCalculator.Compute(figures, DomainOfCode(cycle), cycle.Settings.PlanStart, cycle.Settings.PlanEnd,
                cycle.Regions.Where(r => !r.Regional).Select(r => r.Code).ToHashSet(StringComparer.Ordinal)),
        };
    }

    /// <summary>Each outcome's domain by its code as text ("2.1").</summary>
    internal static Dictionary<string, int> DomainOfCode(ReportingCycle cycle)
    {
        var domainOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var outcome in cycle.Outcomes) domainOf[outcome.Code.ToString()] = outcome.Domain;
        return domainOf;
    }

    /// <summary>Each outcome's domain, as the Outcomes sheet gives it.</summary>
    internal static Dictionary<OutcomeCode, int> DomainOf(ReportingCycle cycle)
    {
        var domainOf = new Dictionary<OutcomeCode, int>();
        foreach (var outcome in cycle.Outcomes) domainOf.Add(outcome.Code, outcome.Domain);
        return domainOf;
    }

    /// <summary>The domains of change of the plan (from the Domains sheet, else those the outcomes name), ascending.</summary>
    /// <remarks>Sorted lists, not sets: a HashSet of ints is generic code JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</remarks>
    internal static List<int> AllDomains(ReportingCycle cycle, IReadOnlyDictionary<OutcomeCode, int> domainOf)
    {
        var all = Numbers.DistinctSorted(cycle.Domains, d => d.Code);
        return all.Count > 0 ? all : Numbers.DistinctSorted(cycle.Outcomes, o => DomainOf(o.Code, domainOf));
    }

    /// <summary>A project covers all domains when its primary and secondary outcomes reach every domain of the plan.</summary>
    internal static bool CoversAllDomains(Project project, ReportingCycle cycle, IReadOnlyDictionary<OutcomeCode, int> domainOf) =>
        CoversAll(AllDomains(cycle, domainOf), project, domainOf);

    private static bool CoversAll(List<int> allDomains, Project project, IReadOnlyDictionary<OutcomeCode, int> domainOf)
    {
        var covered = DomainsCovered(project, domainOf);
        return allDomains.TrueForAll(covered.Contains);
    }

    /// <summary>The domains a project covers: those of its primary and secondary outcomes, ascending.</summary>
    internal static List<int> DomainsCovered(Project project, IReadOnlyDictionary<OutcomeCode, int> domainOf)
    {
        var covered = new List<int> { DomainOf(project.PrimaryOutcome, domainOf) };
        foreach (var s in project.SecondaryOutcomes) Numbers.Insert(covered, DomainOf(s, domainOf));
        return covered;
    }

    private static int DomainOf(OutcomeCode code, IReadOnlyDictionary<OutcomeCode, int> domainOf) =>
        domainOf.TryGetValue(code, out int domain) ? domain : code.Domain;

    /// <summary>A project is integrated when a secondary outcome lies outside its primary outcome's domain.</summary>
    internal static bool IsIntegrated(Project project, IReadOnlyDictionary<OutcomeCode, int> domainOf)
    {
        int primary = DomainOf(project.PrimaryOutcome, domainOf);
        return project.SecondaryOutcomes.Any(s => DomainOf(s, domainOf) != primary);
    }

    private static double Share(double part, double whole) => whole == 0 ? 0 : part / whole;

    private static PortfolioFigures Portfolio(ReportingCycle cycle, Dictionary<OutcomeCode, int> domainOf,
        List<int> allDomains, List<OutcomeCode> outcomes)
    {
        var regions = cycle.Regions.Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        var years = new List<ReviewYear>();
        // Loops rather than LINQ over years and counts: see Numbers.
        foreach (int year in Numbers.DistinctSorted(cycle.Projects, p => p.PrcYear))
        {
            var projects = cycle.Projects.Where(p => p.PrcYear == year).ToList();
            int n = projects.Count;
            int all = projects.Count(p => CoversAll(allDomains, p, domainOf));
            int covid = projects.Count(p => p.CovidResponse);
            int integrated = projects.Count(p => IsIntegrated(p, domainOf));

            // Each (primary, secondary) pair once per project, counted (keyed by primary, then secondary: no tuple keys, see Numbers).
            var links = new Dictionary<OutcomeCode, Dictionary<OutcomeCode, LinkCount>>();
            foreach (var p in projects)
                foreach (var secondary in p.SecondaryOutcomes.Distinct())
                {
                    if (!links.TryGetValue(p.PrimaryOutcome, out var ofPrimary)) links.Add(p.PrimaryOutcome, ofPrimary = []);
                    if (!ofPrimary.TryGetValue(secondary, out var count)) ofPrimary.Add(secondary, count = new LinkCount(p.PrimaryOutcome, secondary));
                    count.Projects++;
                }
            var linkage = links.Values.SelectMany(l => l.Values).OrderBy(l => l.Primary).ThenBy(l => l.Secondary)
                .Select(l => new LinkageFigure(l.Primary.ToString(), l.Secondary.ToString(), l.Projects))
                .ToList();

            var regionFigures = regions
                .Select(r =>
                {
                    var those = projects.Where(p => p.Region == r).ToList();
                    return new RegionFigure(r, those.Count, Numbers.Sum(those, p => p.BudgetUsd));
                })
                .ToList();

            var primary = outcomes
                .Select(o =>
                {
                    var those = projects.Where(p => p.PrimaryOutcome == o).ToList();
                    return new PrimaryFigure(o.ToString(), those.Count, those.Count(p => IsIntegrated(p, domainOf)));
                })
                .ToList();

            years.Add(new ReviewYear(year, n, all, Share(all, n), covid, Share(covid, n), integrated, Share(integrated, n),
                Numbers.Sum(projects, p => p.BudgetUsd), linkage, regionFigures, primary));
        }
        return new PortfolioFigures(cycle.Projects.Count, years);
    }

    private sealed class LinkCount(OutcomeCode primary, OutcomeCode secondary)
    {
        public OutcomeCode Primary { get; } = primary;
        public OutcomeCode Secondary { get; } = secondary;
        public int Projects { get; set; }
    }

    private static List<BalanceFigure> Balance(ReportingCycle cycle, List<OutcomeCode> outcomes)
    {
        int allServices = cycle.Services.Count;
        double allBudget = Numbers.Sum(cycle.Projects, p => p.BudgetUsd);
        return outcomes.Select(o =>
        {
            int services = cycle.Services.Count(s => s.Outcome == o);
            double budget = Numbers.Sum(cycle.Projects.Where(p => p.PrimaryOutcome == o), p => p.BudgetUsd);
            double servicesShare = Share(services, allServices), portfolioShare = Share(budget, allBudget);
            return new BalanceFigure(o.ToString(), services, servicesShare, budget, portfolioShare, servicesShare - portfolioShare);
        }).ToList();
    }

    private static List<FlagshipFigure> Flagships(ReportingCycle cycle) =>
        cycle.Flagships.OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => new FlagshipFigure(
            f.Code,
            cycle.Projects.Count(p => p.Flagship == f.Code),
            f.NormativeTools, f.PortfolioUsd, f.Partners, f.FundingTargetUsd, f.FundingSecuredUsd,
            f.FundingTargetUsd == 0 ? null : f.FundingSecuredUsd / f.FundingTargetUsd)).ToList();

    /// <summary>
    /// Achievement of an indicator for a year: progress from baseline towards target, in the
    /// indicator's direction. When target equals baseline there is no distance to cover:
    /// 1 if the actual meets the target, else 0.
    /// </summary>
    public static double IndicatorAchievement(Direction direction, double baseline, double target, double actual)
    {
        if (target == baseline)
            return direction == Direction.Increase ? (actual >= target ? 1 : 0) : (actual <= target ? 1 : 0);
        return direction == Direction.Increase
            ? (actual - baseline) / (target - baseline)
            : (baseline - actual) / (baseline - target);
    }

    public static ProgressStatus StatusOf(double? achievement, double onTrackThreshold) => achievement switch
    {
        null => ProgressStatus.NoData,
        >= 1 => ProgressStatus.Achieved,
        var a when a >= onTrackThreshold => ProgressStatus.OnTrack,
        _ => ProgressStatus.OffTrack,
    };

    private static ProgressFigures Progress(ReportingCycle cycle, List<OutcomeCode> outcomes)
    {
        double threshold = cycle.Settings.OnTrackThreshold;
        var indicators = cycle.Indicators.ToDictionary(i => i.Id);
        var progress = cycle.IndicatorValues
            .Where(v => indicators.ContainsKey(v.IndicatorId))
            .Order(Comparer<IndicatorValue>.Create((a, b) =>
                string.CompareOrdinal(a.IndicatorId, b.IndicatorId) is var byId and not 0 ? byId : a.Year.CompareTo(b.Year)))
            .Select(v =>
            {
                var i = indicators[v.IndicatorId];
                double? achievement = v.Actual is double actual ? IndicatorAchievement(i.Direction, i.Baseline, v.Target, actual) : null;
                return new IndicatorProgress(i.Id, i.Outcome.ToString(), v.Year, i.Baseline, v.Target, v.Actual, achievement, StatusOf(achievement, threshold));
            })
            .ToList();

        var years = Numbers.DistinctSorted(progress, p => p.Year);
        var outcomeProgress = new List<OutcomeProgress>();
        foreach (var o in outcomes)
        {
            string code = o.ToString();
            foreach (int year in years)
            {
                var withData = progress.Where(p => p.Outcome == code && p.Year == year && p.Achievement is not null).ToList();
                double? mean = withData.Count == 0 ? null : Numbers.Sum(withData, p => Math.Min(p.Achievement!.Value, 1)) / withData.Count;
                outcomeProgress.Add(new OutcomeProgress(code, year, mean, StatusOf(mean, threshold), withData.Count));
            }
        }
        return new ProgressFigures(progress, outcomeProgress);
    }

    private static FundingFigures Funding(ReportingCycle cycle)
    {
        double threshold = cycle.Settings.UnderfundedThreshold;
        var rows = cycle.Funding
            .Order(Comparer<FundingEntry>.Create((a, b) => a.Outcome.CompareTo(b.Outcome) is var byOutcome and not 0 ? byOutcome : a.Year.CompareTo(b.Year)))
            .Select(f =>
            {
                double? share = f.BudgetUsd == 0 ? null : f.FundedUsd / f.BudgetUsd;
                return new FundingFigure(f.Outcome.ToString(), f.Year, f.BudgetUsd, f.FundedUsd, share, share < threshold);
            })
            .ToList();
        var underfunded = rows.Where(r => r.Year == cycle.Settings.ReportingYear && r.Underfunded).Select(r => r.Outcome).ToList();
        return new FundingFigures(rows, underfunded);
    }
}
