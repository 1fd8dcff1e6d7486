using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Analysis;

/// <summary>
/// Every figure of the minimal workbook, worked out by hand (see WorkbookBuilder.Minimal):
/// 2020 has P1 (1.1 → 2.1, 3.1, 4.1; COVID; 100), P2 (1.1 → 1.2; 300), P3 (2.1 → 1.1; 600),
/// P4 (3.1; COVID; 200); 2021 has P5 (1.2 → 1.1, 3.1; 400). Total budget 1,600.
/// </summary>
public class FigureTests
{
    private static readonly Figures F = Compute(WorkbookBuilder.Minimal());

    private static Figures Compute(WorkbookBuilder builder)
    {
        using var dir = new TempDir();
        return FigureCalculator.Compute(CycleReader.ReadValid(builder.Save(dir.File("cycle.xlsx"))));
    }

    [Fact]
    public void Portfolio_shares_per_review_year()
    {
        Assert.Equal(5, F.Portfolio.TotalProjects);
        var y2020 = F.Portfolio.Years[0];
        Assert.Equal(2020, y2020.Year);
        Assert.Equal(4, y2020.Projects);
        Assert.Equal(0.25, y2020.AllDomainsShare);  // only P1 covers domains 1-4
        Assert.Equal(0.5, y2020.CovidShare);        // P1, P4
        Assert.Equal(0.5, y2020.IntegratedShare);   // P1, P3; P2's secondary 1.2 shares its domain
        var y2021 = F.Portfolio.Years[1];
        Assert.Equal((1, 0.0, 0.0, 1.0), (y2021.Projects, y2021.AllDomainsShare, y2021.CovidShare, y2021.IntegratedShare));
    }

    [Fact]
    public void Linkage_counts_primary_secondary_pairs_in_order()
    {
        Assert.Equal(
            [("1.1", "1.2", 1), ("1.1", "2.1", 1), ("1.1", "3.1", 1), ("1.1", "4.1", 1), ("2.1", "1.1", 1)],
            F.Portfolio.Years[0].Linkage.Select(l => (l.Primary, l.Secondary, l.Projects)));
        Assert.Equal([("1.2", "1.1", 1), ("1.2", "3.1", 1)], F.Portfolio.Years[1].Linkage.Select(l => (l.Primary, l.Secondary, l.Projects)));
    }

    [Fact]
    public void Linkage_adds_up_projects_sharing_a_pair()
    {
        var f = Compute(WorkbookBuilder.Minimal().Set("Projects", 3, "secondary_outcomes", "3.1; 1.2"));
        Assert.Equal(2, f.Portfolio.Years[0].Linkage.Single(l => l is { Primary: "1.1", Secondary: "3.1" }).Projects);
    }

    [Fact]
    public void Regions_per_year_include_regions_without_projects()
    {
        Assert.Equal([("AFR", 2, 400.0), ("ASP", 2, 800.0)], F.Portfolio.Years[0].Regions.Select(r => (r.Region, r.Projects, r.BudgetUsd)));
        Assert.Equal([("AFR", 1), ("ASP", 0)], F.Portfolio.Years[1].Regions.Select(r => (r.Region, r.Projects)));
    }

    [Fact]
    public void Balance_of_services_against_portfolio()
    {
        // services: 1.1 ×2, 3.1, 4.1 of 4; budgets by primary: 1.1 400, 1.2 400, 2.1 600, 3.1 200 of 1,600
        Assert.Equal(
            [("1.1", 2, 0.5, 0.25, 0.25), ("1.2", 0, 0.0, 0.25, -0.25), ("2.1", 0, 0.0, 0.375, -0.375),
             ("3.1", 1, 0.25, 0.125, 0.125), ("4.1", 1, 0.25, 0.0, 0.25)],
            F.Balance.Select(b => (b.Outcome, b.Services, b.ServicesShare, b.PortfolioShare, b.Gap)));
    }

    [Fact]
    public void Flagships_count_projects_and_secured_share()
    {
        Assert.Equal([("FP1", 2, (double?)0.25), ("FP2", 0, null)], F.Flagships.Select(f => (f.Code, f.Projects, f.FundingSecuredShare)));
    }

    [Fact]
    public void Indicator_achievement_increase_decrease_equal_target_and_missing_actual()
    {
        var byKey = F.Progress.Indicators.ToDictionary(i => (i.Id, i.Year));
        Assert.Equal((0.8, ProgressStatus.OnTrack), (byKey[("I1", 2020)].Achievement!.Value, byKey[("I1", 2020)].Status)); // (18-10)/(20-10)
        Assert.Equal((null, ProgressStatus.NoData), (byKey[("I1", 2021)].Achievement, byKey[("I1", 2021)].Status));
        Assert.Equal((0.5, ProgressStatus.OffTrack), (byKey[("I2", 2020)].Achievement!.Value, byKey[("I2", 2020)].Status)); // (50-45)/(50-40)
        Assert.Equal((1.25, ProgressStatus.Achieved), (byKey[("I2", 2021)].Achievement!.Value, byKey[("I2", 2021)].Status)); // (50-25)/(50-30)
        Assert.Equal((1.0, ProgressStatus.Achieved), (byKey[("I3", 2020)].Achievement!.Value, byKey[("I3", 2020)].Status)); // target = baseline, met
        Assert.Equal((0.0, ProgressStatus.OffTrack), (byKey[("I3", 2021)].Achievement!.Value, byKey[("I3", 2021)].Status)); // target = baseline, missed
        Assert.Equal(0.0, byKey[("I4", 2020)].Achievement); // decrease, target = baseline 8, actual 9: missed
    }

    [Fact]
    public void Outcome_achievement_is_the_mean_of_capped_indicator_achievements()
    {
        var byKey = F.Progress.Outcomes.ToDictionary(o => (o.Outcome, o.Year));
        Assert.Equal((0.65, ProgressStatus.OffTrack, 2), Tuple(byKey[("1.1", 2020)]));  // mean(0.8, 0.5)
        Assert.Equal((1.0, ProgressStatus.Achieved, 1), Tuple(byKey[("1.1", 2021)]));   // min(1.25, 1); I1 has no data
        Assert.Equal((1.0, ProgressStatus.Achieved, 1), Tuple(byKey[("2.1", 2020)]));
        Assert.Equal((null, ProgressStatus.NoData, 0), Tuple(byKey[("3.1", 2021)]));    // I4 has no 2021 row
        Assert.Equal((null, ProgressStatus.NoData, 0), Tuple(byKey[("1.2", 2020)]));    // no indicators at all
        Assert.Equal(10, F.Progress.Outcomes.Count); // 5 outcomes × 2 years

        static (double?, ProgressStatus, int) Tuple(OutcomeProgress o) =>
            (o.Achievement is double a ? Math.Round(a, 12) : null, o.Status, o.IndicatorsWithData);
    }

    [Fact]
    public void On_track_threshold_comes_from_settings()
    {
        var f = Compute(WorkbookBuilder.Minimal().Set("Settings", 3, "value", 0.6));
        Assert.Equal(ProgressStatus.OnTrack, f.Progress.Outcomes.Single(o => o is { Outcome: "1.1", Year: 2020 }).Status); // 0.65 ≥ 0.6
    }

    [Fact]
    public void Funding_shares_and_underfunded_outcomes_of_the_reporting_year()
    {
        var y2020 = F.Funding.Outcomes.Where(r => r.Year == 2020).ToList();
        Assert.Equal(
            [("1.1", (double?)0.6, false), ("1.2", 0.49, true), ("2.1", 0.5, false), ("3.1", null, false), ("4.1", 0.2, true)],
            y2020.Select(r => (r.Outcome, r.FundedShare, r.Underfunded)));
        Assert.True(F.Funding.Outcomes.Single(r => r is { Outcome: "1.1", Year: 2021 }).Underfunded); // 0.2, not the reporting year
        Assert.Equal(["1.2", "4.1"], F.Funding.Underfunded);
    }

    [Theory]
    [InlineData(Direction.Increase, 0, 10, 5, 0.5)]
    [InlineData(Direction.Increase, 10, 20, 5, -0.5)]
    [InlineData(Direction.Decrease, 30, 20, 25, 0.5)]
    [InlineData(Direction.Decrease, 30, 30, 29, 1)]
    [InlineData(Direction.Increase, 30, 30, 29, 0)]
    public void Achievement_formula(Direction direction, double baseline, double target, double actual, double expected) =>
        Assert.Equal(expected, FigureCalculator.IndicatorAchievement(direction, baseline, target, actual), 12);

    [Fact]
    public void Json_uses_the_contract_names_and_round_trips()
    {
        string json = F.ToJson();
        foreach (string key in new[] { "\"reporting_year\": 2020", "\"total_projects\": 5", "\"all_domains_share\": 0.25", "\"covid_share\": 0.5",
                     "\"integrated_share\"", "\"linkage\"", "\"services_share\"", "\"portfolio_share\"", "\"gap\"", "\"funding_secured_share\": 0.25",
                     "\"achievement\": null", "\"status\": \"on_track\"", "\"status\": \"no_data\"", "\"indicators_with_data\"", "\"funded_share\"",
                     "\"underfunded\": [" })
            Assert.Contains(key, json);
        Assert.Equal(json, Figures.FromJson(json).ToJson());
    }
}
