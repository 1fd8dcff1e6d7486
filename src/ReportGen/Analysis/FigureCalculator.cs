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
        var domainOf = cycle.Outcomes.ToDictionary(o => o.Code, o => o.Domain);
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
            cycle.LinkageTargets.OrderBy(t => t.Primary).ThenBy(t => t.Secondary).ThenBy(t => t.Year)
                .Select(t => new LinkageTargetFigure(t.Primary.ToString(), t.Secondary.ToString(), t.Year, t.TargetProjects)).ToList(),
            new PlanPeriod(cycle.Settings.PlanStart, cycle.Settings.PlanEnd));
        return figures with
        {
            Findings = FindingsCalculator.Compute(figures, domainOf.ToDictionary(p => p.Key.ToString(), p => p.Value),
                cycle.Settings.PlanStart, cycle.Settings.PlanEnd),
        };
    }

    /// <summary>The domains of change of the plan (from the Domains sheet, else those the outcomes name).</summary>
    internal static HashSet<int> AllDomains(ReportingCycle cycle, IReadOnlyDictionary<OutcomeCode, int> domainOf)
    {
        var all = cycle.Domains.Select(d => d.Code).ToHashSet();
        return all.Count > 0 ? all : [.. domainOf.Values];
    }

    /// <summary>A project covers all domains when its primary and secondary outcomes reach every domain of the plan.</summary>
    internal static bool CoversAllDomains(Project project, ReportingCycle cycle, IReadOnlyDictionary<OutcomeCode, int> domainOf) =>
        AllDomains(cycle, domainOf).IsSubsetOf(DomainsCovered(project, domainOf));

    /// <summary>The domains a project covers: those of its primary and secondary outcomes.</summary>
    internal static HashSet<int> DomainsCovered(Project project, IReadOnlyDictionary<OutcomeCode, int> domainOf)
    {
        var covered = new HashSet<int> { DomainOf(project.PrimaryOutcome, domainOf) };
        foreach (var s in project.SecondaryOutcomes) covered.Add(DomainOf(s, domainOf));
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
        HashSet<int> allDomains, List<OutcomeCode> outcomes)
    {
        var regions = cycle.Regions.Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        var years = new List<ReviewYear>();
        foreach (var group in cycle.Projects.GroupBy(p => p.PrcYear).OrderBy(g => g.Key))
        {
            var projects = group.ToList();
            int n = projects.Count;
            int all = projects.Count(p => allDomains.IsSubsetOf(DomainsCovered(p, domainOf)));
            int covid = projects.Count(p => p.CovidResponse);
            int integrated = projects.Count(p => IsIntegrated(p, domainOf));

            var linkage = projects
                .SelectMany(p => p.SecondaryOutcomes.Distinct().Select(s => (p.PrimaryOutcome, Secondary: s)))
                .GroupBy(pair => pair)
                .OrderBy(g => g.Key.PrimaryOutcome).ThenBy(g => g.Key.Secondary)
                .Select(g => new LinkageFigure(g.Key.PrimaryOutcome.ToString(), g.Key.Secondary.ToString(), g.Count()))
                .ToList();

            var byRegion = projects.GroupBy(p => p.Region).ToDictionary(g => g.Key, g => (Count: g.Count(), Budget: g.Sum(p => p.BudgetUsd)));
            var regionFigures = regions
                .Select(r => byRegion.TryGetValue(r, out var v) ? new RegionFigure(r, v.Count, v.Budget) : new RegionFigure(r, 0, 0))
                .ToList();

            var primary = outcomes
                .Select(o =>
                {
                    var those = projects.Where(p => p.PrimaryOutcome == o).ToList();
                    return new PrimaryFigure(o.ToString(), those.Count, those.Count(p => IsIntegrated(p, domainOf)));
                })
                .ToList();

            years.Add(new ReviewYear(group.Key, n, all, Share(all, n), covid, Share(covid, n), integrated, Share(integrated, n),
                projects.Sum(p => p.BudgetUsd), linkage, regionFigures, primary));
        }
        return new PortfolioFigures(cycle.Projects.Count, years);
    }

    private static List<BalanceFigure> Balance(ReportingCycle cycle, List<OutcomeCode> outcomes)
    {
        int allServices = cycle.Services.Count;
        double allBudget = cycle.Projects.Sum(p => p.BudgetUsd);
        return outcomes.Select(o =>
        {
            int services = cycle.Services.Count(s => s.Outcome == o);
            double budget = cycle.Projects.Where(p => p.PrimaryOutcome == o).Sum(p => p.BudgetUsd);
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
            .OrderBy(v => v.IndicatorId, StringComparer.Ordinal).ThenBy(v => v.Year)
            .Select(v =>
            {
                var i = indicators[v.IndicatorId];
                double? achievement = v.Actual is double actual ? IndicatorAchievement(i.Direction, i.Baseline, v.Target, actual) : null;
                return new IndicatorProgress(i.Id, i.Outcome.ToString(), v.Year, i.Baseline, v.Target, v.Actual, achievement, StatusOf(achievement, threshold));
            })
            .ToList();

        var years = progress.Select(p => p.Year).Distinct().Order().ToList();
        var outcomeProgress = new List<OutcomeProgress>();
        foreach (var o in outcomes)
        {
            string code = o.ToString();
            foreach (int year in years)
            {
                var withData = progress.Where(p => p.Outcome == code && p.Year == year && p.Achievement is not null).ToList();
                double? mean = withData.Count == 0 ? null : withData.Average(p => Math.Min(p.Achievement!.Value, 1));
                outcomeProgress.Add(new OutcomeProgress(code, year, mean, StatusOf(mean, threshold), withData.Count));
            }
        }
        return new ProgressFigures(progress, outcomeProgress);
    }

    private static FundingFigures Funding(ReportingCycle cycle)
    {
        double threshold = cycle.Settings.UnderfundedThreshold;
        var rows = cycle.Funding
            .OrderBy(f => f.Outcome).ThenBy(f => f.Year)
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
