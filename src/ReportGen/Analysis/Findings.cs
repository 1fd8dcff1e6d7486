namespace ReportGen.Analysis;

/// <summary>
/// The rankings and comparisons the narrative states ("1.1 links most to 3.1", "six outcomes are
/// underfunded", "Africa has most projects"), derived from the other figures so that a template
/// never decides a fact and a new year's data gives a correct text.
/// </summary>
public sealed record Findings(
    IReadOnlyList<LinkProfile> LinkProfiles,
    IReadOnlyList<DomainIntegration> DomainIntegration,
    IReadOnlyList<DomainIntegration> MostIntegratedDomain,
    IReadOnlyList<RegionLeader> RegionLeaders,
    BalanceRanking Balance,
    IReadOnlyList<StatusCount> StatusCounts,
    FlagshipLeaders? Flagships,
    IReadOnlyList<string> OutcomesOnTrack,
    double? ReportingYearFundedShare);

/// <summary>
/// How projects with <c>Outcome</c> as primary outcome reached other outcomes in a review year
/// (<c>Year</c> 0: all review years together).
/// </summary>
public sealed record LinkProfile(
    int Year, string Outcome, int Projects, int LinkedOutcomes, IReadOnlyList<string> LinkedOutcomeCodes,
    IReadOnlyList<string> TopLinks, int TopLinkProjects, int? TopOtherDomain, int OtherDomainLinks, int MaxLinkProjects);

public sealed record DomainIntegration(int Year, int Domain, int Projects, int Integrated, double IntegratedShare);

public sealed record RegionLeader(int Year, string Region, int Projects, double Share);

/// <summary>Outcomes whose services share exceeds their portfolio share (largest gap first), and the reverse.</summary>
public sealed record BalanceRanking(IReadOnlyList<string> ServicesAhead, IReadOnlyList<string> PortfolioAhead);

public sealed record StatusCount(int Year, int Achieved, int OnTrack, int OffTrack, int NoData);

public sealed record FlagshipLeaders(string HighestSecuredShare, string MostPartners, string LargestPortfolio, string FewestTools);

public static class FindingsCalculator
{
    public static Findings Compute(Figures f, IReadOnlyDictionary<string, int> domainOfOutcome)
    {
        var profiles = new List<LinkProfile>();
        var outcomes = f.Balance.Select(b => b.Outcome).ToList();
        foreach (var year in f.Portfolio.Years)
            foreach (string o in outcomes)
                profiles.Add(Profile(year.Year, o, year.Primary.Single(p => p.Outcome == o).Projects, year.Linkage, domainOfOutcome));
        var allLinks = f.Portfolio.Years.SelectMany(y => y.Linkage)
            .GroupBy(l => (l.Primary, l.Secondary)).Select(g => new LinkageFigure(g.Key.Primary, g.Key.Secondary, g.Sum(l => l.Projects))).ToList();
        foreach (string o in outcomes)
            profiles.Add(Profile(0, o, f.Portfolio.Years.Sum(y => y.Primary.Single(p => p.Outcome == o).Projects), allLinks, domainOfOutcome));

        var domains = domainOfOutcome.Values.Distinct().Order().ToList();
        var integration = f.Portfolio.Years.SelectMany(y => domains.Select(d =>
        {
            var primaries = y.Primary.Where(p => domainOfOutcome[p.Outcome] == d).ToList();
            int projects = primaries.Sum(p => p.Projects), integrated = primaries.Sum(p => p.Integrated);
            return new DomainIntegration(y.Year, d, projects, integrated, projects == 0 ? 0 : (double)integrated / projects);
        })).ToList();

        var mostIntegrated = integration.Where(d => d.Projects > 0).GroupBy(d => d.Year)
            .Select(g => g.OrderByDescending(d => d.IntegratedShare).ThenBy(d => d.Domain).First()).ToList();

        var leaders = f.Portfolio.Years
            .Where(y => y.Projects > 0)
            .Select(y =>
            {
                var top = y.Regions.OrderByDescending(r => r.Projects).ThenBy(r => r.Region, StringComparer.Ordinal).First();
                return new RegionLeader(y.Year, top.Region, top.Projects, (double)top.Projects / y.Projects);
            }).ToList();

        var balance = new BalanceRanking(
            f.Balance.Where(b => b.Gap > 0).OrderByDescending(b => b.Gap).ThenBy(b => b.Outcome, OutcomeOrder).Select(b => b.Outcome).ToList(),
            f.Balance.Where(b => b.Gap < 0).OrderBy(b => b.Gap).ThenBy(b => b.Outcome, OutcomeOrder).Select(b => b.Outcome).ToList());

        var statusCounts = f.Progress.Outcomes.GroupBy(o => o.Year).OrderBy(g => g.Key).Select(g => new StatusCount(g.Key,
            g.Count(o => o.Status == ProgressStatus.Achieved), g.Count(o => o.Status == ProgressStatus.OnTrack),
            g.Count(o => o.Status == ProgressStatus.OffTrack), g.Count(o => o.Status == ProgressStatus.NoData))).ToList();

        FlagshipLeaders? flagships = f.Flagships.Count == 0 ? null : new FlagshipLeaders(
            f.Flagships.OrderByDescending(x => x.FundingSecuredShare ?? -1).ThenBy(x => x.Code, StringComparer.Ordinal).First().Code,
            f.Flagships.OrderByDescending(x => x.Partners).ThenBy(x => x.Code, StringComparer.Ordinal).First().Code,
            f.Flagships.OrderByDescending(x => x.PortfolioUsd).ThenBy(x => x.Code, StringComparer.Ordinal).First().Code,
            f.Flagships.OrderBy(x => x.NormativeTools).ThenBy(x => x.Code, StringComparer.Ordinal).First().Code);

        var onTrack = f.Progress.Outcomes
            .Where(o => o.Year == f.ReportingYear && o.Status is ProgressStatus.Achieved or ProgressStatus.OnTrack)
            .Select(o => o.Outcome).ToList();

        var reportingFunding = f.Funding.Outcomes.Where(r => r.Year == f.ReportingYear).ToList();
        double budget = reportingFunding.Sum(r => r.BudgetUsd);
        double? fundedShare = budget == 0 ? null : reportingFunding.Sum(r => r.FundedUsd) / budget;

        return new Findings(profiles, integration, mostIntegrated, leaders, balance, statusCounts, flagships, onTrack, fundedShare);
    }

    private static readonly IComparer<string> OutcomeOrder = Comparer<string>.Create((a, b) =>
        Model.OutcomeCode.Parse(a).CompareTo(Model.OutcomeCode.Parse(b)));

    private static LinkProfile Profile(int year, string outcome, int projects, IReadOnlyList<LinkageFigure> linkage,
        IReadOnlyDictionary<string, int> domainOf)
    {
        var links = linkage.Where(l => l.Primary == outcome).ToList();
        int max = links.Count == 0 ? 0 : links.Max(l => l.Projects);
        var linked = links.Select(l => l.Secondary).Order(OutcomeOrder).ToList();
        var top = links.OrderByDescending(l => l.Projects).ThenBy(l => l.Secondary, OutcomeOrder).Take(3).Select(l => l.Secondary).ToList();
        int own = domainOf[outcome];
        var otherDomains = links.Where(l => domainOf[l.Secondary] != own)
            .GroupBy(l => domainOf[l.Secondary]).Select(g => (Domain: g.Key, Projects: g.Sum(l => l.Projects)))
            .OrderByDescending(d => d.Projects).ThenBy(d => d.Domain).ToList();
        return new LinkProfile(year, outcome, projects, linked.Count, linked, top, max,
            otherDomains.Count == 0 ? null : otherDomains[0].Domain, otherDomains.Count == 0 ? 0 : otherDomains[0].Projects, max);
    }
}
