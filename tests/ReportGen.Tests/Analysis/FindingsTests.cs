using ReportGen.Analysis;

namespace ReportGen.Tests.Analysis;

/// <summary>The rules findings follow, on hand-made values.</summary>
public class FindingsTests
{
    [Theory]
    [InlineData(0.406, 0.412, Change.Unchanged)] // both print as 41 per cent
    [InlineData(0.404, 0.406, Change.Rose)]      // 40 → 41 per cent
    [InlineData(0.415, 0.4149, Change.Fell)]     // 42 (half away from zero) → 41
    [InlineData(0.1136, 0.4074, Change.Rose)]
    public void Shares_compare_as_printed_in_whole_per_cent(double from, double to, Change expected) =>
        Assert.Equal(expected, FindingsCalculator.ChangeOf(from, to, share: true));

    [Fact]
    public void Counts_compare_exactly() => Assert.Equal(Change.Rose, FindingsCalculator.ChangeOf(54, 55, share: false));

    [Fact]
    public void A_trend_gives_consecutive_steps_the_latest_and_the_whole_period()
    {
        var t = FindingsCalculator.TrendOf([new(2022, 0.30), new(2020, 0.11), new(2021, 0.41)], share: true);
        Assert.Equal([(2020, 2021, Change.Rose), (2021, 2022, Change.Fell)], t.Steps.Select(s => (s.FromYear, s.ToYear, s.Direction)));
        Assert.Equal((2021, 2022, Change.Fell), (t.Latest!.FromYear, t.Latest.ToYear, t.Latest.Direction));
        Assert.Equal((2020, 2022, Change.Rose), (t.Overall!.FromYear, t.Overall.ToYear, t.Overall.Direction));
        Assert.Equal(TrendPattern.Mixed, t.Pattern);
    }

    [Fact]
    public void Two_years_have_no_separate_whole_period_and_one_year_nothing_to_compare()
    {
        var two = FindingsCalculator.TrendOf([new(2020, 3), new(2021, 3)], share: false);
        Assert.Null(two.Overall);
        Assert.Equal(TrendPattern.Unchanged, two.Pattern);
        var one = FindingsCalculator.TrendOf([new(2020, 3)], share: false);
        Assert.Null(one.Latest);
        Assert.Empty(one.Steps);
        Assert.Equal(TrendPattern.Single, one.Pattern);
    }

    [Theory]
    [InlineData(2020, PlanPosition.First, 1)]
    [InlineData(2022, PlanPosition.Middle, 3)]
    [InlineData(2023, PlanPosition.Final, 4)]
    [InlineData(2024, PlanPosition.Outside, 5)]
    public void The_reporting_year_in_the_plan(int year, PlanPosition position, int ordinal)
    {
        var plan = FindingsCalculator.PlanYearOf(2020, 2023, year);
        Assert.Equal((position, ordinal, 4, year + 1), (plan.Position, plan.Ordinal, plan.Length, plan.NextYear));
    }

    [Theory]
    // FP1 and FP2 tie for the largest portfolio; only FP2 has the fewest tools: "FP1 and FP2 have each
    // the largest portfolio but the fewest tools" would be false of FP1 (seen in a generated cycle).
    [InlineData(3, 1, false)]
    [InlineData(1, 1, true)]  // both have the fewest tools
    [InlineData(1, 3, false)]
    public void A_tie_for_the_largest_portfolio_has_the_fewest_tools_only_when_each_of_them_does(int fp1Tools, int fp2Tools, bool expected)
    {
        var cycle = Support.WorkbookBuilder.Minimal()
            .Sheet("Flagships", ["code", "name_en", "name_zh", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd"],
                ["FP1", "Regeneration", "复兴", fp1Tools, 5000, 7, 1000, 250], ["FP2", "Smart cities", "智慧城市", fp2Tools, 5000, 2, 1000, 100],
                ["FP3", "Resilience", "韧性", 2, 100, 1, 1000, 100]);
        using var dir = new Support.TempDir();
        string path = dir.File("w.xlsx");
        cycle.Save(path);
        var leaders = FigureCalculator.Compute(ReportGen.Workbook.CycleReader.ReadValid(path, ["en", "zh"])).Findings!.Flagships!;
        Assert.Equal(["FP1", "FP2"], leaders.LargestPortfolio);
        Assert.Equal(expected, leaders.LargestPortfolioHasFewestTools);
    }

    [Fact]
    public void Rankings_keep_ties_and_leading_lists_extend_over_a_tie_at_the_cut()
    {
        var cycle = Support.WorkbookBuilder.Minimal()
            .Sheet("Projects", ["project_id", "prc_year", "title", "region", "country", "primary_outcome", "secondary_outcomes", "covid_response", "budget_usd", "flagship"],
                ["P1", 2020, "a", "AFR", "Kenya", 1.1, "2.1; 3.1", "no", 100, null],
                ["P2", 2020, "b", "ASP", "Fiji", 1.1, "3.1; 4.1; 1.2", "no", 100, null],
                ["P3", 2020, "c", "AFR", "Kenya", 1.1, "2.1; 4.1", "no", 100, null],
                ["P4", 2020, "d", "ASP", "Fiji", 2.1, "", "no", 100, null]);
        using var dir = new Support.TempDir();
        string path = dir.File("w.xlsx");
        cycle.Save(path);
        var figures = FigureCalculator.Compute(ReportGen.Workbook.CycleReader.ReadValid(path, ["en", "zh"]));
        var p = figures.Findings!.LinkProfiles.Single(x => x.Outcome == "1.1" && x.Year == 2020);
        // 2.1, 3.1 and 4.1 twice each, 1.2 once.
        Assert.Equal(["2.1", "3.1", "4.1"], p.MostLinked);
        Assert.True(p.MostLinkedTied);
        Assert.True(p.MostLinkedBeyond); // 1.2 is reached less often: "…equally often, more than any other"
        Assert.Equal(["2.1", "3.1", "4.1"], p.LeadingLinks);
        Assert.Equal((Reach.Several, LinkStrength.Thin), (p.Reach, p.Strength));
        // Domains 2, 3 and 4 are each reached twice: most-linked domains tie, and there is no least-linked one.
        Assert.Equal([2, 3, 4], p.MostLinkedOtherDomains);
        Assert.Empty(p.LeastLinkedOtherDomains);
        // Every other domain ties: "equally often in domains 2, 3 and 4", with no "more than in any other".
        Assert.Equal((true, false), (p.MostLinkedOtherDomainsTied, p.MostLinkedOtherDomainsBeyond));
        // Regions: AFR and ASP have two projects each.
        var leader = figures.Findings.RegionLeaders.Single();
        Assert.Equal(["AFR", "ASP"], leader.Regions);
        Assert.Equal((true, 2), (leader.Tied, leader.Projects));
        var none = figures.Findings.LinkProfiles.Single(x => x.Outcome == "2.1" && x.Year == 2020);
        Assert.Equal((false, Reach.None, LinkStrength.None), (none.HasLinks, none.Reach, none.Strength));
        Assert.Empty(none.MostLinked);
    }

    private static LinkProfile Profile11(params object?[][] projects)
    {
        var rows = projects.Select((p, i) => new object?[] { $"P{i + 1}", 2020, $"title {i + 1}", "AFR", "Kenya", p[0], p[1], "no", 100, null }).ToArray();
        var cycle = Support.WorkbookBuilder.Minimal()
            .Sheet("Projects", ["project_id", "prc_year", "title", "region", "country", "primary_outcome", "secondary_outcomes", "covid_response", "budget_usd", "flagship"], rows);
        using var dir = new Support.TempDir();
        string path = dir.File("w.xlsx");
        cycle.Save(path);
        try
        {
            var figures = FigureCalculator.Compute(ReportGen.Workbook.CycleReader.ReadValid(path, ["en", "zh"]));
            return figures.Findings!.LinkProfiles.Single(x => x.Outcome == "1.1" && x.Year == 0);
        }
        catch (ReportGen.Core.InputException e)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n", e.Problems.Select(x => x.ToString())));
        }
    }

    /// <summary>
    /// Issue 23 (three-year cycle, para. 9 (a)): "link most often to outcomes 1.3, 1.2, 2.2 and 4.3" when only 1.3 has two
    /// links. The most-linked outcome leads alone; the rest of the leading links come after it in tiers of equal count.
    /// A domain with no link is not reached, never the "least" reached. (The minimal workbook's outcomes: 1.1 and 1.2 in
    /// domain 1, 2.1, 3.1 and 4.1 in domains 2 to 4.)
    /// </summary>
    [Fact]
    public void One_leader_stands_alone_and_the_tied_rest_comes_after_it()
    {
        // 1.2 twice; 2.1 and 4.1 once each. Other domains: 2 once, 3 never, 4 once.
        var p = Profile11([1.1, "1.2; 2.1"], [1.1, "1.2; 4.1"], [2.1, ""]);
        Assert.Equal(["1.2"], p.MostLinked);
        Assert.False(p.MostLinkedTied);
        Assert.Equal(["1.2", "2.1", "4.1"], p.LeadingLinks);
        Assert.Equal(["2.1 4.1|1|True"], Tiers(p));
        Assert.Equal([2, 4], p.MostLinkedOtherDomains);
        Assert.Empty(p.LeastLinkedOtherDomains); // domain 3 has no link: "not reached", not "least"
        Assert.Equal([3], p.UnlinkedOtherDomains);
    }

    [Fact]
    public void Tiers_below_the_leader_keep_their_order_and_the_least_reached_domain_is_one_reached()
    {
        // 1.2 three times, 4.1 twice, 2.1 once: one outcome per tier, most first. Domains: 2 once, 3 never, 4 twice.
        var p = Profile11([1.1, "1.2; 4.1; 2.1"], [1.1, "1.2; 4.1"], [1.1, "1.2"], [2.1, ""]);
        Assert.Equal(["1.2"], p.MostLinked);
        Assert.Equal(["4.1|2|False", "2.1|1|False"], Tiers(p));
        Assert.Equal([4], p.MostLinkedOtherDomains);
        Assert.Equal([2], p.LeastLinkedOtherDomains);
        Assert.Equal([3], p.UnlinkedOtherDomains);
        // Every link tied: nothing after the most-linked ones, and no other outcome to be "more than".
        var r = Profile11([1.1, "2.1"], [1.1, "4.1"], [2.1, ""]);
        Assert.Equal(["2.1", "4.1"], r.MostLinked);
        Assert.Equal((true, false), (r.MostLinkedTied, r.MostLinkedBeyond));
        Assert.Empty(r.NextLinked);
        Assert.Equal([2, 4], r.MostLinkedOtherDomains);
        Assert.True(r.MostLinkedOtherDomainsTied);
        Assert.Empty(r.LeastLinkedOtherDomains);
        Assert.Equal([3], r.UnlinkedOtherDomains);
        // No link leaves domain 1: no domain reached most, every other one unreached.
        var own = Profile11([1.1, "1.2"], [2.1, ""]);
        Assert.Empty(own.MostLinkedOtherDomains);
        Assert.Empty(own.LeastLinkedOtherDomains);
        Assert.Equal([2, 3, 4], own.UnlinkedOtherDomains);
    }

    private static List<string> Tiers(LinkProfile p) => p.NextLinked.Select(t => $"{string.Join(' ', t.Outcomes)}|{t.Projects}|{t.Tied}").ToList();

    [Fact]
    public void A_grouping_that_is_not_a_region_is_never_ranked_and_is_counted_apart()
    {
        var cycle = Support.WorkbookBuilder.Minimal()
            .Sheet("Regions", ["code", "name_en", "name_zh", "regional"],
                ["AFR", "Africa", "非洲", "yes"], ["ASP", "Asia and the Pacific", "亚洲及太平洋", null], ["GLO", "Global and interregional", "全球和区域间", "no"])
            .Sheet("Projects", ["project_id", "prc_year", "title", "region", "country", "primary_outcome", "secondary_outcomes", "covid_response", "budget_usd", "flagship"],
                ["P1", 2019, "a", "GLO", "", 1.1, "", "no", 100, null],
                ["P2", 2020, "b", "GLO", "", 1.1, "", "no", 100, null],
                ["P3", 2020, "c", "GLO", "", 1.1, "", "no", 100, null],
                ["P4", 2020, "d", "GLO", "", 1.1, "", "no", 100, null],
                ["P5", 2020, "e", "AFR", "Kenya", 1.1, "", "no", 100, null],
                ["P6", 2020, "f", "AFR", "Kenya", 2.1, "", "no", 100, null],
                ["P7", 2020, "g", "ASP", "Fiji", 2.1, "", "no", 100, null])
            .Sheet("Settings", ["key", "value"], ["reporting_year", 2020], ["on_track_threshold", 0.75], ["underfunded_threshold", 0.5], ["plan_start", 2019], ["plan_end", 2022]);
        using var dir = new Support.TempDir();
        string path = dir.File("w.xlsx");
        cycle.Save(path);
        var read = ReportGen.Workbook.CycleReader.ReadValid(path, ["en", "zh"]);
        Assert.Equal([true, true, false], read.Regions.Select(r => r.Regional)); // blank reads yes
        var f = FigureCalculator.Compute(read).Findings!;
        // 2020: GLO has three projects, AFR two: AFR leads with 2 of the year's 6 projects; 2019 (GLO alone) has no leader.
        var leader = Assert.Single(f.RegionLeaders);
        Assert.Equal((2020, "AFR", 2, 2 / 6.0), (leader.Year, Assert.Single(leader.Regions), leader.Projects, leader.Share));
        Assert.False(f.Regions.SameEveryYear);
        Assert.True(f.OutsideRegions.Any);
        Assert.Equal(["GLO"], f.OutsideRegions.Groupings);
        Assert.Equal([(2019, 1, 1.0), (2020, 3, 0.5)], f.OutsideRegions.Years.Select(y => (y.Year, y.Projects, y.Share)));
    }
}
