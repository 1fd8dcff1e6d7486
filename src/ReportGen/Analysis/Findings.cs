namespace ReportGen.Analysis;

/// <summary>
/// Every judgement the documents make about the data ("integration rose", "1.1 links most to
/// 3.1 and 4.1", "six outcomes are underfunded", "the second year of the plan"), each a named
/// value from a closed set, derived here from the other figures. Templates choose their words
/// from findings and never compare figures themselves, so that both languages state the same
/// judgement and any cycle's data gives a true text. Definitions: docs/findings.md.
/// </summary>
public sealed record Findings(
    PlanYear Plan,
    ReviewPeriod Review,
    PortfolioTrends Trends,
    CovidFinding Covid,
    IReadOnlyList<LinkProfile> LinkProfiles,
    IReadOnlyList<OutcomeTrend> OutcomeTrends,
    IReadOnlyList<DomainIntegration> DomainIntegration,
    IReadOnlyList<DomainTrend> DomainTrends,
    IReadOnlyList<MostIntegrated> MostIntegratedDomain,
    IReadOnlyList<RegionLeader> RegionLeaders,
    RegionLeadership Regions,
    OutsideRegions OutsideRegions,
    BalanceRanking Balance,
    IReadOnlyList<StatusCount> StatusCounts,
    ReportingStatus Status,
    FlagshipLeaders? Flagships,
    IReadOnlyList<string> OutcomesOnTrack,
    double? ReportingYearFundedShare,
    Underfunding Underfunding,
    bool HasLinkageTargets,
    NoProjects NoProjects);

/// <summary>How a value moved from one review year to another.</summary>
public enum Change { Rose, Fell, Unchanged }

/// <summary>Where the reporting year stands in the plan period.</summary>
public enum PlanPosition { First, Middle, Final, Outside }

/// <summary>What a chain of review years shows: one year only, or the direction of every step.</summary>
public enum TrendPattern { Single, Rising, Falling, Unchanged, Mixed }

/// <summary>How many other outcomes an outcome's projects reach: no_projects when it is nobody's primary outcome that year.</summary>
public enum Reach { NoProjects, None, Single, Several }

/// <summary>How strong an outcome's links are: none, thin (no link rests on more than <see cref="FindingsCalculator.ThinLinkProjects"/> projects), established.</summary>
public enum LinkStrength { None, Thin, Established }

/// <summary>How many of the outcomes something applies to: none, some, all.</summary>
public enum Extent { None, Some, All }

/// <summary>Whether flagship programmes secured shares of their targets that differ (as printed, in whole per cent).</summary>
public enum FundingProgress { NoTargets, Single, Even, Uneven }

/// <summary>
/// The reporting year within the strategic plan: <c>ordinal</c> 1 for the first year; <c>position</c>
/// first, middle, final, or outside the plan period.
/// </summary>
public sealed record PlanYear(int Start, int End, int Length, int ReportingYear, int Ordinal, PlanPosition Position, int NextYear);

/// <summary>
/// The review years (every year with reviewed projects), oldest first. <c>previous</c> is the year
/// before the last (null with one year); <c>compared</c> is true from two years on, <c>series</c>
/// from three (then the whole period is compared as well as the last two years).
/// </summary>
public sealed record ReviewPeriod(IReadOnlyList<int> Years, int Count, int? First, int? Last, int? Previous, bool Compared, bool Series);

/// <summary>One step between two review years.</summary>
public sealed record TrendStep(int FromYear, int ToYear, double From, double To, Change Direction);

/// <summary>
/// A value across the review years: each consecutive step, the <c>latest</c> step (last year against
/// the year before; null with one year), the <c>overall</c> step (first year against last; only with
/// three years or more) and the <c>pattern</c> of all steps. Shares compare as printed, in whole per
/// cent, so that "rose" never stands beside two equal percentages; counts compare exactly.
/// </summary>
public sealed record Trend(IReadOnlyList<TrendStep> Steps, TrendStep? Latest, TrendStep? Overall, TrendPattern Pattern);

public sealed record PortfolioTrends(Trend Projects, Trend AllDomainsShare, Trend IntegratedShare, Trend CovidShare);

/// <summary>
/// Projects designed to respond to COVID-19: <c>any</c> in some review year; <c>every_year</c>; and in
/// the reporting year, if it is a review year. <c>years</c> lists the review years with such projects
/// and their share; <c>years_without</c> the review years with none, so a text says "no project
/// reviewed in 2021 was designed for it", never "0 per cent in 2021" (counted, not as printed).
/// </summary>
public sealed record CovidFinding(bool Any, bool EveryYear, bool ReportingYearReviewed, bool ReportingYearAny, int ReportingYearProjects, double? ReportingYearShare,
    IReadOnlyList<CovidYear> Years, IReadOnlyList<int> YearsWithout);

/// <summary>A review year with projects designed to respond to COVID-19, and their share of the year's projects (never zero).</summary>
public sealed record CovidYear(int Year, int Projects, double Share);

/// <summary>
/// How projects with <c>Outcome</c> as primary outcome reached other outcomes in a review year
/// (<c>Year</c> 0: all review years together). Rankings keep ties: <c>most_linked</c> holds every
/// secondary outcome with the highest count; <c>leading_links</c> the three highest counts and any
/// tied with the third. <c>…_beyond</c>: some other outcome (domain) is reached less often than the
/// most-linked ones, so "more than any other" has something to be more than; a tie of every
/// outcome (domain) reached reads "equally often" alone. <c>next_linked</c> splits the leading links
/// below the most-linked ones into tiers of equal count, so a text says "most often to 1.3, then
/// equally to 1.2, 2.2 and 4.3" instead of putting all four first. A domain not reached at all is
/// <c>unlinked</c>, never the "least" reached: <c>least_linked_other_domains</c> ranks only the
/// other domains reached at least once.
/// </summary>
public sealed record LinkProfile(
    int Year, string Outcome, int Projects, int LinkedOutcomes, IReadOnlyList<string> LinkedOutcomeCodes,
    bool HasLinks, Reach Reach, LinkStrength Strength,
    IReadOnlyList<string> MostLinked, int MostLinkedProjects, bool MostLinkedTied, bool MostLinkedBeyond, IReadOnlyList<string> LeadingLinks,
    IReadOnlyList<LinkTier> NextLinked,
    IReadOnlyList<int> MostLinkedOtherDomains, bool MostLinkedOtherDomainsTied, bool MostLinkedOtherDomainsBeyond,
    int OtherDomainLinks, IReadOnlyList<int> LeastLinkedOtherDomains, IReadOnlyList<int> UnlinkedOtherDomains,
    int MaxLinkProjects);

/// <summary>Leading links reached by the same number of projects (<c>tied</c>: more than one outcome), below the most-linked ones.</summary>
public sealed record LinkTier(IReadOnlyList<string> Outcomes, int Projects, bool Tied);

/// <summary>An outcome across the review years: projects with it as primary outcome, and other outcomes reached, year by year and as trends.</summary>
public sealed record OutcomeTrend(string Outcome, IReadOnlyList<OutcomeYear> Years, IReadOnlyList<OutcomeYear> YearsWithProjects,
    IReadOnlyList<int> YearsWithoutProjects, Trend PrimaryProjects, Trend LinkedOutcomes)
{
    /// <summary>The years with projects in which they reached at least one other outcome: the counts a text lists.</summary>
    public IReadOnlyList<OutcomeYear> YearsWithLinks => YearsWithProjects.Where(y => y.Reach != Reach.None).ToList();

    /// <summary>The years with projects in which they reached no other outcome: a text says "none" for them, never "zero".</summary>
    public IReadOnlyList<int> YearsWithoutLinks => YearsWithProjects.Where(y => y.Reach == Reach.None).Select(y => y.Year).ToList();
}

public sealed record OutcomeYear(int Year, int PrimaryProjects, int LinkedOutcomes, Reach Reach);

public sealed record DomainIntegration(int Year, int Domain, int Projects, int Integrated, double IntegratedShare);

/// <summary>A domain across the review years: projects with a primary outcome in it, and their share of the year's projects.</summary>
public sealed record DomainTrend(int Domain, IReadOnlyList<DomainYear> Years, Trend PrimaryProjects, Trend PrimaryShare);

public sealed record DomainYear(int Year, int PrimaryProjects, double PrimaryShare, bool HasProjects);

/// <summary>The domains (ties kept) whose projects most often also served another domain in a year; <c>any</c> is false when no project of the year did.</summary>
public sealed record MostIntegrated(int Year, IReadOnlyList<int> Domains, bool Tied, double IntegratedShare, bool Any);

/// <summary>The regions (ties kept) with most projects reviewed in a year.</summary>
public sealed record RegionLeader(int Year, IReadOnlyList<string> Regions, bool Tied, int Projects, double Share);

/// <summary>
/// Projects of the Regions sheet's groupings that are not regions (<c>regional</c> no: "Global and
/// interregional"): never ranked among the regions, named apart. <c>groupings</c>: those with a
/// project in some review year; <c>years</c>: the review years in which they have any, with their
/// projects together and their share of the year's projects.
/// </summary>
public sealed record OutsideRegions(bool Any, IReadOnlyList<string> Groupings, IReadOnlyList<OutsideRegionsYear> Years);

public sealed record OutsideRegionsYear(int Year, int Projects, double Share);

/// <summary>Whether the same region (or tied regions) led in every review year.</summary>
public sealed record RegionLeadership(bool SameEveryYear, IReadOnlyList<string> Regions, bool Tied);

/// <summary>
/// Outcomes whose services share exceeds their portfolio share (largest gap first), and the reverse;
/// <c>…_leading</c>: the three largest gaps and any tied with the third; <c>…_main_domain</c>: the
/// domain holding more than half of the leading outcomes, if one does.
/// </summary>
public sealed record BalanceRanking(
    IReadOnlyList<string> ServicesAhead, IReadOnlyList<string> PortfolioAhead,
    IReadOnlyList<string> ServicesAheadLeading, IReadOnlyList<string> PortfolioAheadLeading,
    int? ServicesAheadMainDomain, int? PortfolioAheadMainDomain);

public sealed record StatusCount(int Year, int Achieved, int OnTrack, int OffTrack, int NoData, int AchievedOrOnTrack);

/// <summary>The outcomes by status in the reporting year.</summary>
public sealed record ReportingStatus(
    int Outcomes, IReadOnlyList<string> AchievedOrOnTrack, IReadOnlyList<string> OffTrack, IReadOnlyList<string> NoData,
    int AchievedOrOnTrackCount, int OffTrackCount, int NoDataCount,
    Extent OnTrackExtent, Extent OffTrackExtent, Extent NoDataExtent);

/// <summary>
/// Flagship rankings (ties kept), whether a largest portfolio also has the fewest normative tools,
/// and whether funding progress differs between programmes. <c>single</c>: there is one programme
/// only (nothing to rank it against); <c>largest_portfolio_named</c>: where the funding sentence
/// just before already named the one programme with the largest portfolio, so the text refers
/// back to it ("It also has…", "The latter also has…") rather than repeating its full title.
/// </summary>
public sealed record FlagshipLeaders(
    IReadOnlyList<string> HighestSecuredShare, IReadOnlyList<string> LowestSecuredShare, IReadOnlyList<string> MostPartners,
    IReadOnlyList<string> LargestPortfolio, IReadOnlyList<string> FewestTools,
    double? HighestSecuredShareValue, double? LowestSecuredShareValue, int MostPartnersCount, double LargestPortfolioUsd, int FewestToolsCount,
    bool HighestSecuredHasMostPartners, bool LargestPortfolioHasFewestTools, FundingProgress FundingProgress,
    bool Single, NamedBefore LargestPortfolioNamed);

/// <summary>Where a sentence named a programme the next sentence speaks of: not (or not alone), as the only one, as the former or the latter of two.</summary>
public enum NamedBefore { No, Only, Former, Latter }

/// <summary>
/// Underfunded outcomes in the reporting year: how many, whether none, some or all of the outcomes,
/// which are also off track, and whether none, some or all of the underfunded ones are.
/// </summary>
public sealed record Underfunding(int Count, Extent Extent, IReadOnlyList<string> OffTrack, Extent OffTrackExtent);

/// <summary>
/// Shares that are exactly zero, so that a text says "none of the projects" rather than
/// "0 per cent of the projects": whether no project of the last, previous or first review year
/// covers all domains of change, and whether no project of the last year has a
/// secondary outcome outside its primary outcome's domain. False for a year that does not exist.
/// </summary>
public sealed record NoProjects(bool AllDomainsLast, bool AllDomainsPrevious, bool AllDomainsFirst, bool IntegratedLast, bool IntegratedPrevious);

public static class FindingsCalculator
{
    /// <summary>A link is thin when it rests on no more than this many projects.</summary>
    public const int ThinLinkProjects = 2;

    /// <summary>Rankings that name "the leading" items name this many, and every item tied with the last.</summary>
    public const int LeadingCount = 3;

    /// <param name="notRegions">codes of the Regions sheet's groupings that are not regions (counted apart, never ranked)</param>
    public static Findings Compute(Figures f, IReadOnlyDictionary<string, int> domainOfOutcome, int planStart, int planEnd,
        IReadOnlySet<string>? notRegions = null)
    {
        notRegions ??= new HashSet<string>(StringComparer.Ordinal);
        // Loops and Numbers rather than LINQ wherever the items are numbers or the keys tuples: see Numbers.
        var outcomes = f.Balance.Select(b => b.Outcome).ToList();
        var years = f.Portfolio.Years;
        var domains = Numbers.DistinctSorted(outcomes, o => domainOfOutcome[o]);
        PrimaryFigure PrimaryOf(ReviewYear year, string outcome) => year.Primary.Single(p => p.Outcome == outcome);

        var profiles = new List<LinkProfile>();
        foreach (var year in years)
            foreach (string o in outcomes)
                profiles.Add(Profile(year.Year, o, PrimaryOf(year, o).Projects, year.Linkage, domainOfOutcome, domains));
        var allLinks = LinksOfAllYears(years);
        foreach (string o in outcomes)
            profiles.Add(Profile(0, o, Numbers.Sum(years, y => PrimaryOf(y, o).Projects), allLinks, domainOfOutcome, domains));

        var outcomeTrends = new List<OutcomeTrend>();
        foreach (string o in outcomes)
        {
            var yearProfiles = years.Select(y => profiles.Single(p => p.Year == y.Year && p.Outcome == o)).ToList();
            var withoutProjects = new List<int>();
            foreach (var y in years)
                if (PrimaryOf(y, o).Projects == 0) withoutProjects.Add(y.Year);
            outcomeTrends.Add(new OutcomeTrend(o,
                yearProfiles.Select(p => new OutcomeYear(p.Year, p.Projects, p.LinkedOutcomes, p.Reach)).ToList(),
                yearProfiles.Where(p => p.Projects > 0).Select(p => new OutcomeYear(p.Year, p.Projects, p.LinkedOutcomes, p.Reach)).ToList(),
                withoutProjects,
                TrendOf(years.Select(y => new YearValue(y.Year, PrimaryOf(y, o).Projects)), share: false),
                // Links are compared between the years in which some project had this primary outcome: a year without one has no links to count.
                TrendOf(yearProfiles.Where(p => p.Projects > 0).Select(p => new YearValue(p.Year, p.LinkedOutcomes)), share: false)));
        }

        var integration = new List<DomainIntegration>();
        foreach (var y in years)
            foreach (int d in domains)
            {
                var primaries = y.Primary.Where(p => domainOfOutcome[p.Outcome] == d).ToList();
                int projects = Numbers.Sum(primaries, p => p.Projects), integrated = Numbers.Sum(primaries, p => p.Integrated);
                integration.Add(new DomainIntegration(y.Year, d, projects, integrated, projects == 0 ? 0 : (double)integrated / projects));
            }

        var domainTrends = new List<DomainTrend>();
        foreach (int d in domains)
        {
            var ofDomain = integration.Where(i => i.Domain == d).ToList(); // one per review year, in year order
            domainTrends.Add(new DomainTrend(d,
                years.Select((y, n) => new DomainYear(y.Year, ofDomain[n].Projects, y.Projects == 0 ? 0 : (double)ofDomain[n].Projects / y.Projects, ofDomain[n].Projects > 0)).ToList(),
                TrendOf(ofDomain.Select(i => new YearValue(i.Year, i.Projects)), share: false),
                TrendOf(years.Select((y, n) => new YearValue(y.Year, y.Projects == 0 ? 0 : (double)ofDomain[n].Projects / y.Projects)), share: true)));
        }

        var mostIntegrated = new List<MostIntegrated>();
        var withProjects = integration.Where(d => d.Projects > 0).ToList();
        foreach (int year in Numbers.DistinctSorted(withProjects, d => d.Year))
        {
            var ofYear = withProjects.Where(d => d.Year == year).ToList();
            double best = Numbers.Max(ofYear, d => d.IntegratedShare);
            var top = Numbers.DistinctSorted(ofYear.Where(d => d.IntegratedShare == best), d => d.Domain);
            mostIntegrated.Add(new MostIntegrated(year, best > 0 ? top : [], best > 0 && top.Count > 1, best, best > 0));
        }

        // Regions are ranked among themselves: a grouping that is not a region ("Global and interregional") is not one of them.
        // Shares stay shares of all the year's projects.
        var leaders = years.Where(y => y.Regions.Any(r => r.Projects > 0 && !notRegions.Contains(r.Region))).Select(y =>
        {
            var regional = y.Regions.Where(r => !notRegions.Contains(r.Region)).ToList();
            int most = Numbers.Max(regional, r => r.Projects);
            var top = regional.Where(r => r.Projects == most).Select(r => r.Region).Order(StringComparer.Ordinal).ToList();
            return new RegionLeader(y.Year, top, top.Count > 1, most, (double)most / y.Projects);
        }).ToList();
        var outsideYears = new List<OutsideRegionsYear>();
        var outsideGroupings = new List<string>();
        foreach (var y in years)
        {
            int outside = 0;
            foreach (var r in y.Regions)
                if (notRegions.Contains(r.Region) && r.Projects > 0)
                {
                    outside += r.Projects;
                    if (!outsideGroupings.Contains(r.Region)) outsideGroupings.Add(r.Region);
                }
            if (outside > 0) outsideYears.Add(new OutsideRegionsYear(y.Year, outside, (double)outside / y.Projects));
        }
        outsideGroupings.Sort(StringComparer.Ordinal);
        var outsideRegions = new OutsideRegions(outsideYears.Count > 0, outsideGroupings, outsideYears);
        // "In every review year" only when every year with projects has a leader and it is the same.
        bool sameLeader = leaders.Count > 0 && leaders.Count == years.Count(y => y.Projects > 0) && leaders.All(l => l.Regions.SequenceEqual(leaders[0].Regions));
        var leadership = new RegionLeadership(sameLeader, sameLeader ? leaders[0].Regions : [], sameLeader && leaders[0].Tied);

        var servicesAhead = f.Balance.Where(b => b.Gap > 0)
            .Order(Comparer<BalanceFigure>.Create((a, b) => b.Gap.CompareTo(a.Gap) is var byGap and not 0 ? byGap : OutcomeOrder.Compare(a.Outcome, b.Outcome))).ToList();
        var portfolioAhead = f.Balance.Where(b => b.Gap < 0)
            .Order(Comparer<BalanceFigure>.Create((a, b) => a.Gap.CompareTo(b.Gap) is var byGap and not 0 ? byGap : OutcomeOrder.Compare(a.Outcome, b.Outcome))).ToList();
        var servicesLeading = Leading(servicesAhead, b => b.Gap).Select(b => b.Outcome).ToList();
        var portfolioLeading = Leading(portfolioAhead, b => -b.Gap).Select(b => b.Outcome).ToList();
        var balance = new BalanceRanking(
            servicesAhead.Select(b => b.Outcome).ToList(), portfolioAhead.Select(b => b.Outcome).ToList(),
            servicesLeading, portfolioLeading, MainDomain(servicesLeading, domainOfOutcome), MainDomain(portfolioLeading, domainOfOutcome));

        var statusCounts = new List<StatusCount>();
        foreach (int year in Numbers.DistinctSorted(f.Progress.Outcomes, o => o.Year))
        {
            var g = f.Progress.Outcomes.Where(o => o.Year == year).ToList();
            int achieved = g.Count(o => o.Status == ProgressStatus.Achieved), onTrackCount = g.Count(o => o.Status == ProgressStatus.OnTrack);
            statusCounts.Add(new StatusCount(year, achieved, onTrackCount, g.Count(o => o.Status == ProgressStatus.OffTrack),
                g.Count(o => o.Status == ProgressStatus.NoData), achieved + onTrackCount));
        }

        var reportingProgress = f.Progress.Outcomes.Where(o => o.Year == f.ReportingYear).ToList();
        List<string> WithStatus(Func<ProgressStatus, bool> status) => reportingProgress.Where(o => status(o.Status)).Select(o => o.Outcome).ToList();
        // An outcome without any indicator value for the reporting year has no row: it counts as no data.
        var noData = WithStatus(s => s == ProgressStatus.NoData).Concat(outcomes.Where(o => reportingProgress.All(r => r.Outcome != o))).Order(OutcomeOrder).ToList();
        var onTrack = WithStatus(s => s is ProgressStatus.Achieved or ProgressStatus.OnTrack);
        var offTrack = WithStatus(s => s == ProgressStatus.OffTrack);
        var status = new ReportingStatus(outcomes.Count, onTrack, offTrack, noData, onTrack.Count, offTrack.Count, noData.Count,
            ExtentOf(onTrack.Count, outcomes.Count), ExtentOf(offTrack.Count, outcomes.Count), ExtentOf(noData.Count, outcomes.Count));

        FlagshipLeaders? flagships = f.Flagships.Count == 0 ? null : Flagships(f.Flagships);

        var reportingFunding = f.Funding.Outcomes.Where(r => r.Year == f.ReportingYear).ToList();
        double budget = Numbers.Sum(reportingFunding, r => r.BudgetUsd);
        double? fundedShare = budget == 0 ? null : Numbers.Sum(reportingFunding, r => r.FundedUsd) / budget;
        var underfunded = f.Funding.Underfunded;
        var underfundedOffTrack = underfunded.Where(offTrack.Contains).ToList();
        var underfunding = new Underfunding(underfunded.Count, ExtentOf(underfunded.Count, outcomes.Count),
            underfundedOffTrack, underfunded.Count == 0 ? Extent.None : ExtentOf(underfundedOffTrack.Count, underfunded.Count));

        var reviewYears = new List<int>(years.Count);
        foreach (var y in years) reviewYears.Add(y.Year);
        var review = new ReviewPeriod(reviewYears, reviewYears.Count, reviewYears.Count > 0 ? reviewYears[0] : null,
            reviewYears.Count > 0 ? reviewYears[^1] : null, reviewYears.Count > 1 ? reviewYears[^2] : null, reviewYears.Count >= 2, reviewYears.Count >= 3);

        var trends = new PortfolioTrends(
            TrendOf(years.Select(y => new YearValue(y.Year, y.Projects)), share: false),
            TrendOf(years.Select(y => new YearValue(y.Year, y.AllDomainsShare)), share: true),
            TrendOf(years.Select(y => new YearValue(y.Year, y.IntegratedShare)), share: true),
            TrendOf(years.Select(y => new YearValue(y.Year, y.CovidShare)), share: true));

        var reportingReview = years.FirstOrDefault(y => y.Year == f.ReportingYear);
        var covid = new CovidFinding(years.Any(y => y.CovidProjects > 0), years.Count > 0 && years.All(y => y.CovidProjects > 0),
            reportingReview is not null, reportingReview?.CovidProjects > 0, reportingReview?.CovidProjects ?? 0, reportingReview?.CovidShare,
            years.Where(y => y.CovidProjects > 0).Select(y => new CovidYear(y.Year, y.CovidProjects, y.CovidShare)).ToList(),
            years.Where(y => y.CovidProjects == 0).Select(y => y.Year).ToList());

        // Counted, not compared as printed: a share that rounds to 0 per cent but is not zero is still "some".
        ReviewYear? lastYear = years.Count > 0 ? years[^1] : null, previousYear = years.Count > 1 ? years[^2] : null, firstYear = years.Count > 0 ? years[0] : null;
        var none = new NoProjects(lastYear?.AllDomainsProjects == 0, previousYear?.AllDomainsProjects == 0, firstYear?.AllDomainsProjects == 0,
            lastYear?.IntegratedProjects == 0, previousYear?.IntegratedProjects == 0);

        return new Findings(PlanYearOf(planStart, planEnd, f.ReportingYear), review, trends, covid, profiles, outcomeTrends, integration,
            domainTrends, mostIntegrated, leaders, leadership, outsideRegions, balance, statusCounts, status, flagships, onTrack, fundedShare, underfunding,
            f.LinkageTargets is { Count: > 0 }, none);
    }

    /// <summary>The links of every review year added up, each (primary, secondary) pair where it first appears.</summary>
    private static List<LinkageFigure> LinksOfAllYears(IReadOnlyList<ReviewYear> years)
    {
        var order = new List<string>();
        var total = new Dictionary<string, LinkageFigure>(StringComparer.Ordinal);
        foreach (var year in years)
            foreach (var link in year.Linkage)
            {
                string key = link.Primary + "\u0000" + link.Secondary;
                if (total.TryGetValue(key, out var sum)) total[key] = sum with { Projects = sum.Projects + link.Projects };
                else
                {
                    order.Add(key);
                    total.Add(key, link);
                }
            }
        return order.Select(key => total[key]).ToList();
    }

    public static PlanYear PlanYearOf(int start, int end, int year)
    {
        var position = year < start || year > end ? PlanPosition.Outside
            : year == start ? PlanPosition.First : year == end ? PlanPosition.Final : PlanPosition.Middle;
        return new PlanYear(start, end, end - start + 1, year, year - start + 1, position, year + 1);
    }

    /// <summary>
    /// The direction of a change. Shares compare in whole per cent, rounded as the documents print
    /// them (half away from zero), so the words always agree with the numbers beside them.
    /// </summary>
    public static Change ChangeOf(double from, double to, bool share)
    {
        double a = share ? Math.Round(from * 100, MidpointRounding.AwayFromZero) : from;
        double b = share ? Math.Round(to * 100, MidpointRounding.AwayFromZero) : to;
        return b > a ? Change.Rose : b < a ? Change.Fell : Change.Unchanged;
    }

    public static Trend TrendOf(IEnumerable<YearValue> series, bool share)
    {
        var points = series.Order(YearValue.ByYear).ToList();
        var steps = new List<TrendStep>();
        for (int i = 1; i < points.Count; i++)
            steps.Add(new TrendStep(points[i - 1].Year, points[i].Year, points[i - 1].Value, points[i].Value, ChangeOf(points[i - 1].Value, points[i].Value, share)));
        TrendStep? overall = points.Count >= 3
            ? new TrendStep(points[0].Year, points[^1].Year, points[0].Value, points[^1].Value, ChangeOf(points[0].Value, points[^1].Value, share))
            : null;
        var pattern = steps.Count == 0 ? TrendPattern.Single
            : steps.All(s => s.Direction == Change.Unchanged) ? TrendPattern.Unchanged
            : steps.All(s => s.Direction == Change.Rose) ? TrendPattern.Rising
            : steps.All(s => s.Direction == Change.Fell) ? TrendPattern.Falling
            : TrendPattern.Mixed;
        return new Trend(steps, steps.Count > 0 ? steps[^1] : null, overall, pattern);
    }

    private static Extent ExtentOf(int count, int of) => count == 0 ? Extent.None : count >= of ? Extent.All : Extent.Some;

    /// <summary>The first <see cref="LeadingCount"/> items by a descending key, and every item tied with the last of them.</summary>
    private static List<T> Leading<T>(IReadOnlyList<T> ordered, Func<T, double> key)
    {
        if (ordered.Count <= LeadingCount) return [.. ordered];
        double cut = key(ordered[LeadingCount - 1]);
        return ordered.Where((item, i) => i < LeadingCount || key(item) == cut).ToList();
    }

    /// <summary>The domain of more than half of the outcomes, if one is.</summary>
    private static int? MainDomain(IReadOnlyList<string> outcomes, IReadOnlyDictionary<string, int> domainOf)
    {
        foreach (string outcome in outcomes)
        {
            int domain = domainOf[outcome];
            if (outcomes.Count(o => domainOf[o] == domain) * 2 > outcomes.Count) return domain;
        }
        return null;
    }

    private static List<string> Top<T>(IReadOnlyList<T> items, Func<T, double> key, Func<T, string> code, bool lowest = false)
    {
        double best = lowest ? Numbers.Min(items, key) : Numbers.Max(items, key);
        return items.Where(i => key(i) == best).Select(code).Order(StringComparer.Ordinal).ToList();
    }

    private static FlagshipLeaders Flagships(IReadOnlyList<FlagshipFigure> f)
    {
        var withTarget = f.Where(x => x.FundingSecuredShare is not null).ToList();
        var highest = withTarget.Count == 0 ? [] : Top(withTarget, x => x.FundingSecuredShare!.Value, x => x.Code);
        var lowest = withTarget.Count == 0 ? [] : Top(withTarget, x => x.FundingSecuredShare!.Value, x => x.Code, lowest: true);
        var partners = Top(f, x => x.Partners, x => x.Code);
        var largest = Top(f, x => x.PortfolioUsd, x => x.Code);
        var fewest = Top(f, x => x.NormativeTools, x => x.Code, lowest: true);
        // How many different shares are printed (whole per cent).
        var shares = new double[withTarget.Count];
        int printed = 0;
        foreach (var x in withTarget)
        {
            double share = Math.Round(x.FundingSecuredShare!.Value * 100, MidpointRounding.AwayFromZero);
            int seen = 0;
            while (seen < printed && !shares[seen].Equals(share)) seen++;
            if (seen == printed) shares[printed++] = share;
        }
        var progress = withTarget.Count switch
        {
            0 => FundingProgress.NoTargets,
            1 => FundingProgress.Single,
            _ => printed > 1 ? FundingProgress.Uneven : FundingProgress.Even,
        };
        return new FlagshipLeaders(highest, lowest, partners, largest, fewest,
            withTarget.Count == 0 ? null : Numbers.Max(withTarget, x => x.FundingSecuredShare!.Value),
            withTarget.Count == 0 ? null : Numbers.Min(withTarget, x => x.FundingSecuredShare!.Value),
            Numbers.Max(f, x => x.Partners), Numbers.Max(f, x => x.PortfolioUsd), Numbers.Min(f, x => x.NormativeTools),
            highest.Count > 0 && highest.All(partners.Contains), largest.All(fewest.Contains), progress, // every one the sentence names
            f.Count == 1, NamedIn(progress, highest, lowest, largest));
    }

    /// <summary>Where the funding sentence ("X has secured the largest share…, and Y the smallest") names the one programme with the largest portfolio.</summary>
    private static NamedBefore NamedIn(FundingProgress progress, List<string> highest, List<string> lowest, List<string> largest)
    {
        if (largest.Count != 1) return NamedBefore.No;
        if (progress == FundingProgress.Single && highest.Count == 1 && highest[0] == largest[0]) return NamedBefore.Only;
        if (progress != FundingProgress.Uneven || highest.Count != 1 || lowest.Count != 1) return NamedBefore.No;
        return highest[0] == largest[0] ? NamedBefore.Former : lowest[0] == largest[0] ? NamedBefore.Latter : NamedBefore.No;
    }

    private static readonly IComparer<string> OutcomeOrder = Comparer<string>.Create((a, b) =>
        Model.OutcomeCode.Parse(a).CompareTo(Model.OutcomeCode.Parse(b)));

    private static LinkProfile Profile(int year, string outcome, int projects, IReadOnlyList<LinkageFigure> linkage,
        IReadOnlyDictionary<string, int> domainOf, IReadOnlyList<int> domains)
    {
        var links = linkage.Where(l => l.Primary == outcome)
            .Order(Comparer<LinkageFigure>.Create((a, b) => b.Projects.CompareTo(a.Projects) is var byProjects and not 0 ? byProjects : OutcomeOrder.Compare(a.Secondary, b.Secondary)))
            .ToList();
        int max = links.Count == 0 ? 0 : links[0].Projects;
        var linked = links.Select(l => l.Secondary).Order(OutcomeOrder).ToList();
        var most = links.Where(l => l.Projects == max).Select(l => l.Secondary).ToList();
        var leading = Leading(links, l => l.Projects).Select(l => l.Secondary).ToList();
        int own = domainOf[outcome];
        // Links per other domain (zero included), to say where an outcome reaches most and least.
        var perDomain = new List<DomainLinks>();
        foreach (int d in domains)
            if (d != own) perDomain.Add(new DomainLinks(d, Numbers.Sum(links.Where(l => domainOf[l.Secondary] == d), l => l.Projects)));
        int bestDomain = perDomain.Count == 0 ? 0 : Numbers.Max(perDomain, d => d.Projects);
                List<int> DomainsWith(int projects)
        {
            var those = new List<int>();
            foreach (var d in perDomain)
                if (d.Projects == projects) those.Add(d.Domain);
            return those;
        }
        var mostDomains = bestDomain == 0 ? [] : DomainsWith(bestDomain);
        // A domain with no link is "not reached", never the "least" reached: the least-linked domains are
        // the fewest among those reached, named only where they differ from the most-linked ones.
        var unlinkedDomains = DomainsWith(0);
        var reachedDomains = perDomain.Where(d => d.Projects > 0).ToList();
        int worstReached = reachedDomains.Count == 0 ? 0 : Numbers.Min(reachedDomains, d => d.Projects);
        var leastDomains = reachedDomains.Count == 0 || worstReached == bestDomain ? [] : DomainsWith(worstReached);
        // The leading links below the most-linked ones, in tiers of equal count, most first.
        var next = new List<LinkTier>();
        foreach (var l in links.Where(l => l.Projects < max && leading.Contains(l.Secondary)))
        {
            if (next.Count > 0 && next[^1].Projects == l.Projects)
                next[^1] = next[^1] with { Outcomes = [.. next[^1].Outcomes, l.Secondary], Tied = true };
            else next.Add(new LinkTier([l.Secondary], l.Projects, false));
        }
        var reach = projects == 0 ? Reach.NoProjects : linked.Count switch { 0 => Reach.None, 1 => Reach.Single, _ => Reach.Several };
        var strength = max == 0 ? LinkStrength.None : max <= ThinLinkProjects ? LinkStrength.Thin : LinkStrength.Established;
        return new LinkProfile(year, outcome, projects, linked.Count, linked, linked.Count > 0, reach, strength,
            most, max, most.Count > 1, linked.Count > most.Count, leading, next,
            // Other domains count with no link too: "more than in any other" holds against a domain not reached.
            mostDomains, mostDomains.Count > 1, perDomain.Count > mostDomains.Count, bestDomain, leastDomains, unlinkedDomains, max);
    }

    private sealed record DomainLinks(int Domain, int Projects);
}

/// <summary>A value of one year, a point of a <see cref="Trend"/>.</summary>
public sealed record YearValue(int Year, double Value)
{
    public static readonly IComparer<YearValue> ByYear = Comparer<YearValue>.Create((a, b) => a.Year.CompareTo(b.Year));
}
