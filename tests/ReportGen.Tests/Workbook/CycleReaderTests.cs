using ReportGen.Model;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>Each rule of the workbook contract, and each validation with the exact cell it names.</summary>
public class CycleReaderTests
{
    private static ReadResult Read(WorkbookBuilder builder)
    {
        using var dir = new TempDir();
        return CycleReader.Read(builder.Save(dir.File("cycle.xlsx")));
    }

    private static List<string> Problems(WorkbookBuilder builder) => Read(builder).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void The_minimal_workbook_reads_without_problems()
    {
        var result = Read(WorkbookBuilder.Minimal());
        Assert.Empty(result.Problems);
        var cycle = result.Cycle!;
        Assert.Equal(2020, cycle.Settings.ReportingYear);
        Assert.Equal(5, cycle.Projects.Count);
        var p1 = cycle.Projects[0];
        Assert.Equal([new OutcomeCode(2, 1), new OutcomeCode(3, 1), new OutcomeCode(4, 1)], p1.SecondaryOutcomes);
        Assert.True(p1.CovidResponse);
        Assert.Equal("FP1", p1.Flagship);
        Assert.Equal(new SourceRow("Projects", 2), p1.Source);
        Assert.Equal(new DateOnly(2021, 11, 15), cycle.Documents[0].SessionStart);
        Assert.Null(cycle.IndicatorValues[1].Actual);
    }

    [Fact]
    public void Codes_stored_as_numbers_and_a_single_number_as_secondary_list()
    {
        var cycle = Read(WorkbookBuilder.Minimal()).Cycle!;
        Assert.Equal("1.1", cycle.Outcomes[0].Code.ToString());
        Assert.Equal([new OutcomeCode(1, 2)], cycle.Projects[1].SecondaryOutcomes); // a numeric cell 1.2
    }

    [Fact]
    public void Numbers_as_text_with_spaces_and_separators()
    {
        var cycle = Read(WorkbookBuilder.Minimal()
            .Set("Projects", 2, "budget_usd", " 1,250,000.50 ")
            .Set("Projects", 2, "prc_year", "2020")
            .Set("Settings", 3, "value", "80%")
            .Set("Outcomes", 2, "code", " 1.1 ")).Cycle!;
        Assert.Equal(1_250_000.50, cycle.Projects[0].BudgetUsd);
        Assert.Equal(0.8, cycle.Settings.OnTrackThreshold, 10);
        Assert.Equal("1.1", cycle.Outcomes[0].Code.ToString());
    }

    [Theory]
    [InlineData("yes", true)] [InlineData("No", false)] [InlineData("TRUE", true)] [InlineData("false", false)]
    [InlineData("1", true)] [InlineData("0", false)] [InlineData("是", true)] [InlineData("否", false)]
    [InlineData("Y", true)] [InlineData("n", false)]
    public void Booleans_in_every_accepted_spelling(string text, bool expected)
    {
        var cycle = Read(WorkbookBuilder.Minimal().Set("Projects", 2, "covid_response", text)).Cycle!;
        Assert.Equal(expected, cycle.Projects[0].CovidResponse);
    }

    [Fact]
    public void Dates_as_iso_text()
    {
        var cycle = Read(WorkbookBuilder.Minimal().Set("Documents", 2, "date", "2021-09-30")).Cycle!;
        Assert.Equal(new DateOnly(2021, 9, 30), cycle.Documents[0].Date);
    }

    [Fact]
    public void Headers_in_any_case_and_order_with_extra_columns()
    {
        var builder = WorkbookBuilder.Minimal()
            .RenameColumn("Projects", "project_id", "  Project_ID ")
            .RenameColumn("Projects", "budget_usd", "BUDGET_USD");
        // Reverse the column order of Regions and add a column nobody knows.
        builder.Sheet("Regions", ["name_zh", "Notes", "name_en", "code"], ["非洲", "n/a", "Africa", "AFR"], ["亚洲及太平洋", "", "Asia and the Pacific", "ASP"]);
        var result = Read(builder);
        Assert.Empty(result.Problems);
        Assert.Equal("Africa", result.Cycle!.Regions[0].Name["en"]);
        Assert.Equal(100, result.Cycle.Projects[0].BudgetUsd);
    }

    [Fact]
    public void Blank_rows_between_data_are_skipped()
    {
        var builder = WorkbookBuilder.Minimal();
        builder.Sheet("Regions", ["code", "name_en", "name_zh"], ["AFR", "Africa", "非洲"], [null, null, null], ["", " ", null], ["ASP", "Asia", "亚洲"]);
        var result = Read(builder);
        Assert.Empty(result.Problems);
        Assert.Equal(new SourceRow("Regions", 5), result.Cycle!.Regions[1].Source);
    }

    [Fact]
    public void Missing_sheet_and_missing_column()
    {
        var problems = Problems(WorkbookBuilder.Minimal().RemoveSheet("Services").RemoveColumn("Projects", "country"));
        Assert.Contains("Services: sheet 'Services' is missing from the workbook (its sheets are 'Settings', 'Documents', 'Domains', 'Outcomes', " +
            "'Indicators', 'IndicatorValues', 'Funding', 'Regions', 'Projects', 'Flagships'); add a sheet named Services", problems);
        Assert.Contains("Projects: missing column 'country'; add a column headed country in row 1", problems);
    }

    [Fact]
    public void Optional_sheet_may_be_absent() =>
        Assert.Empty(Problems(WorkbookBuilder.Minimal().RemoveSheet("LinkageTargets")));

    [Fact]
    public void Every_problem_is_collected_with_its_cell()
    {
        var problems = Problems(WorkbookBuilder.Minimal()
            .Set("Projects", 3, "budget_usd", "lots")       // I3
            .Set("Projects", 4, "primary_outcome", "5")      // F4
            .Set("Projects", 5, "covid_response", "maybe")   // H5
            .Set("Funding", 2, "funded_usd", -5)             // D2
            .Set("Indicators", 2, "direction", "up"));      // G2
        Assert.Equal(
        [
            "Indicators!G2: direction must be one of increase, decrease, not 'up'",
            "Funding!D2: funded_usd must not be negative (-5)",
            "Projects!I3: budget_usd must be a number, not 'lots'",
            "Projects!F4: '5' is not an outcome code; give one such as 3.1 (the domain, a point, the outcome)",
            "Projects!H5: covid_response must be yes or no (also true/false, 1/0, y/n, 是/否), not 'maybe'",
        ], problems); // and nothing more: no knock-on "indicator I1 is not on the Indicators sheet"
    }

    [Fact]
    public void A_regions_regional_cell_is_yes_or_no_at_its_place()
    {
        var problems = Problems(WorkbookBuilder.Minimal()
            .Sheet("Regions", ["code", "name_en", "name_zh", "regional"], ["AFR", "Africa", "非洲", "yes"], ["ASP", "Asia and the Pacific", "亚洲及太平洋", "global"]));
        Assert.Equal(["Regions!D3: regional must be yes or no (also true/false, 1/0, y/n, 是/否), not 'global'"], problems);
    }

    [Fact]
    public void Required_cell_left_blank()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Projects", 6, "title", null));
        Assert.Equal(["Projects!C6: title is required"], problems);
    }

    [Fact]
    public void Secondary_equal_to_primary_is_a_problem_at_the_secondary_cell()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Projects", 3, "secondary_outcomes", "1.2; 1.1"));
        Assert.Equal(["Projects!G3: secondary outcomes repeat the primary outcome 1.1"], problems);
    }

    [Fact]
    public void Bad_items_in_a_list()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Projects", 2, "secondary_outcomes", "2.1; climate; 3"));
        Assert.Equal(["Projects!G2: not outcome codes: 'climate', '3' (expected a list such as 3.1; 4.2)"], problems);
    }

    [Fact]
    public void Duplicate_keys_name_the_second_row_and_the_first()
    {
        var problems = Problems(WorkbookBuilder.Minimal()
            .Set("Projects", 4, "project_id", "P1")
            .AddRow("Funding", 1.1, 2020, 5, 5)
            .AddRow("IndicatorValues", "I1", 2020, 20, 18) // a target above the baseline 10, as I1 is to increase
            .AddRow("Services", "S1", 1.1, "Again", "再次"));
        Assert.Contains("Projects!A4: project_id 'P1' is given twice (first in row 2)", problems);
        Assert.Contains("Funding!B8: funding of outcome 1.1 for 2020 is given twice (first in row 2)", problems);
        Assert.Contains("IndicatorValues!B9: a value of indicator 'I1' for 2020 is given twice (first in row 2)", problems);
        Assert.Contains("Services!A6: service_id 'S1' is given twice (first in row 2)", problems);
        // Both rows of each pair: either may be the one to change.
        Assert.Contains("Projects!A2: project_id 'P1' is given twice (again in row 4)", problems);
        Assert.Contains("Services!A2: service_id 'S1' is given twice (again in row 6)", problems);
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void References_that_do_not_resolve()
    {
        var problems = Problems(WorkbookBuilder.Minimal()
            .Set("Projects", 2, "region", "MARS")
            .Set("Projects", 3, "flagship", "FP9")
            .Set("Projects", 4, "secondary_outcomes", "2.9")
            .Set("Indicators", 3, "outcome", 4.4)
            .Set("IndicatorValues", 2, "indicator_id", "I9")
            .Set("Services", 2, "outcome", 2.2)
            .AddRow("Outcomes", 5.1, 5, "Elsewhere", "别处", "elsewhere", "别处"));
        string[] expected =
        [
            "Projects!D2: region 'MARS' is not on the Regions sheet",
            "Projects!J3: flagship 'FP9' is not on the Flagships sheet",
            "Projects!G4: not on the Outcomes sheet: 2.9",
            "Indicators!B3: outcome 4.4 is not on the Outcomes sheet",
            "IndicatorValues!A2: indicator 'I9' is not on the Indicators sheet",
            "Services!B2: outcome 2.2 is not on the Outcomes sheet",
            "Outcomes!B7: domain 5 is not on the Domains sheet",
            "Funding: no row for the reporting year 2020 for outcome 5.1",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Outcome_code_and_domain_must_agree()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Outcomes", 4, "domain", 3));
        Assert.Equal(["Outcomes!B4: outcome 2.1 belongs to domain 2, not 3"], problems);
    }

    [Theory]
    [InlineData(1e-300, "1E-300")]
    [InlineData(double.Epsilon, "5E-324")] // the smallest denormal
    [InlineData(0.5, "0.5")]
    public void A_money_amount_a_share_is_computed_over_is_0_or_at_least_1_usd_at_its_cell(double tiny, string shown)
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Funding", 2, "budget_usd", tiny).Set("Flagships", 2, "funding_target_usd", tiny));
        Assert.Equal([
            $"Funding!C2: budget_usd is {shown} USD, less than 1 USD; the funded share is computed over it, so give the amount in US dollars (at least 1), or 0 when there is none",
            $"Flagships!G2: funding_target_usd is {shown} USD, less than 1 USD; the secured share is computed over it, so give the amount in US dollars (at least 1), or 0 when there is none",
        ], problems);
    }

    [Theory]
    [InlineData(1e-300, "1E-300")]
    [InlineData(double.Epsilon, "5E-324")]
    public void A_target_a_tiny_distance_from_its_baseline_is_a_problem_at_the_target(double tiny, string shown)
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Indicators", 2, "baseline", 0).Set("IndicatorValues", 2, "target", tiny));
        Assert.Equal([
            $"IndicatorValues!C2: target {shown} differs from the baseline 0 of indicator 'I1' by less than 0.000001; progress is measured over that difference, " +
            "so make the target equal to the baseline or at least 0.000001 away from it",
        ], problems);
    }

    [Fact]
    public void A_target_on_the_wrong_side_of_the_baseline_for_the_direction_is_a_problem_at_the_target()
    {
        // I1 is to increase from 10, I2 to decrease from 50.
        var problems = Problems(WorkbookBuilder.Minimal().Set("IndicatorValues", 2, "target", 5).Set("IndicatorValues", 5, "target", 60));
        Assert.Equal([
            "IndicatorValues!C2: target 5 is below the baseline 10 of indicator 'I1', which is to increase; give a target at or above the baseline, or correct the indicator's direction (Indicators!G2)",
            "IndicatorValues!C5: target 60 is above the baseline 50 of indicator 'I2', which is to decrease; give a target at or below the baseline, or correct the indicator's direction (Indicators!G3)",
        ], problems);
    }

    [Theory]
    [InlineData(-0.0)]
    [InlineData("-0")]
    public void Minus_zero_money_is_read_as_0(object minusZero)
    {
        var result = Read(WorkbookBuilder.Minimal().Set("Funding", 2, "budget_usd", minusZero).Set("Flagships", 2, "funding_target_usd", minusZero));
        Assert.Empty(result.Problems);
        Assert.False(double.IsNegative(result.Cycle!.Funding[0].BudgetUsd));
        Assert.Equal(0, result.Cycle.Funding[0].BudgetUsd);
        Assert.False(double.IsNegative(result.Cycle.Flagships[0].FundingTargetUsd));
    }

    [Fact]
    public void A_cycle_without_flagship_programmes_is_a_problem_of_the_flagships_sheet()
    {
        var problems = Problems(WorkbookBuilder.Minimal()
            .Sheet("Flagships", ["code", "name_en", "name_zh", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd"])
            .Set("Projects", 2, "flagship", null).Set("Projects", 6, "flagship", null));
        Assert.Equal(["Flagships: no flagship programmes; the documents report on the strategic plan's flagship programmes: add one row for each"], problems);
    }

    [Fact]
    public void The_reporting_year_needs_funding_for_every_outcome()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Funding", 3, "year", 2019).Set("Funding", 5, "year", 2019));
        Assert.Equal(["Funding: no row for the reporting year 2020 for outcomes 1.2, 3.1"], problems);
    }

    [Fact]
    public void Reporting_year_is_required_and_thresholds_are_shares()
    {
        var builder = WorkbookBuilder.Minimal();
        builder.Sheet("Settings", ["key", "value"], ["on_track_threshold", 75], ["colour", "blue"]);
        var problems = Problems(builder);
        Assert.Equal(
        [
            "Settings: reporting_year is required; add a row with the key reporting_year and the year, such as 2021, as its value",
            "Settings!B2: a threshold is a share from 0 to 1 (or a percentage such as 75%), not 75",
            "Settings!A3: unknown setting 'colour' (known: reporting_year, on_track_threshold, underfunded_threshold, plan_start, plan_end, languages)",
        ], problems);
    }

    [Fact]
    public void Thresholds_default_when_absent()
    {
        var builder = WorkbookBuilder.Minimal();
        builder.Sheet("Settings", ["key", "value"], ["reporting_year", 2020]);
        var settings = Read(builder).Cycle!.Settings;
        Assert.Equal((0.75, 0.5), (settings.OnTrackThreshold, settings.UnderfundedThreshold));
    }

    [Fact]
    public void Missing_translation_blocks_only_its_language()
    {
        var result = Read(WorkbookBuilder.Minimal().Set("Outcomes", 3, "title_zh", null));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Outcomes!D3: title_zh is required", "zh"), (problem.ToString(), problem.Language));
        Assert.NotNull(result.Cycle);
        Assert.Empty(result.ProblemsFor(["en"]));
        Assert.Single(result.ProblemsFor(["zh", "en"]));
    }

    [Fact]
    public void Missing_language_column_is_a_problem_of_that_language()
    {
        var result = Read(WorkbookBuilder.Minimal().RemoveColumn("Regions", "name_zh"));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Regions: missing column 'name_zh'; add a column headed name_zh in row 1", "zh"), (problem.ToString(), problem.Language));
    }

    [Theory]
    [InlineData("Item 6 (a)")]
    [InlineData("6 (a) (i)")]
    [InlineData("6.1")]
    [InlineData("six")]
    [InlineData("0")]
    public void A_malformed_agenda_item_is_a_problem_at_its_cell_with_the_fix(string typed)
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Documents", 2, "agenda_item", typed));
        Assert.Equal([$"Documents!E2: agenda_item '{typed}' is not an agenda item: type its number and, for a sub-item, its letter, as 6 or 6 (a) " +
            "(the templates write the words, \"Item\", \"Point\", \"Tema\", and each language's form of the letter)"], problems);
    }

    [Theory]
    [InlineData("6", 6, 0)]
    [InlineData("6 (a)", 6, 1)]
    [InlineData(" 6(b) ", 6, 2)]
    [InlineData("6 c)", 6, 3)]
    [InlineData("12A", 12, 1)]
    public void An_agenda_item_is_read_as_its_number_and_sub_item(string typed, int number, int sub)
    {
        var spec = Assert.Single(Read(WorkbookBuilder.Minimal().Set("Documents", 2, "agenda_item", typed)).Cycle!.Documents);
        Assert.Equal(new AgendaItem(number, sub), spec.AgendaItem);
    }

    [Fact]
    public void Doc_id_must_be_usable_as_a_file_name()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Documents", 2, "doc_id", "../evil"));
        Assert.Equal(["Documents!A2: doc_id '../evil' may hold only letters, digits, '-' and '_' (it names the output files)"], problems);
    }

    [Fact]
    public void Duplicate_header_names_the_second_cell()
    {
        var builder = WorkbookBuilder.Minimal();
        builder.Sheet("Regions", ["code", "name_en", "name_zh", "Code"], ["AFR", "Africa", "非洲", "X"], ["ASP", "Asia", "亚洲", "Y"]);
        Assert.Equal(["Regions!D1: duplicate column 'Code' (also in column A); delete or rename one of them"], Problems(builder));
    }

    [Fact]
    public void The_reporting_year_and_the_review_years_lie_in_the_plan_period()
    {
        var builder = WorkbookBuilder.Minimal();
        builder.Sheet("Settings", ["key", "value"], ["reporting_year", 2020], ["plan_start", 2021], ["plan_end", 2024]);
        Assert.Equal(["Settings!B2: the reporting year 2020 lies outside the plan period 2021–2024; set plan_start and plan_end (Settings) to the plan the year belongs to, or check the year"],
            Problems(builder));
        var early = WorkbookBuilder.Minimal().Set("Projects", 2, "prc_year", 2017);
        Assert.Equal(["Projects!B2: prc_year 2017 lies outside the plan period 2020–2023 (a project reviewed for this plan is reviewed in its years, or in the year before it starts); check the year, or plan_start and plan_end in Settings"],
            Problems(early));
        var before = WorkbookBuilder.Minimal();
        before.Sheet("Settings", ["key", "value"], ["reporting_year", 2020], ["plan_start", 2024], ["plan_end", 2021]);
        Assert.Equal(["Settings!B4: the plan period ends (2021) before it starts (2024)"], Problems(before));
    }
}
