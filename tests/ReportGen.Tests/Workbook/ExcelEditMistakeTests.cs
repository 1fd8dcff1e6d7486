using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>
/// The ordinary mistakes of someone editing the workbook in Excel (issue 24): each is reported at
/// its cell, range or sheet with a fix that needs no programmer.
/// </summary>
public class ExcelEditMistakeTests
{
    private static List<string> Problems(WorkbookBuilder builder)
    {
        using var dir = new TempDir();
        return CycleReader.Read(builder.Save(dir.File("cycle.xlsx"))).Problems.Select(p => p.ToString()).ToList();
    }

    private static List<string> ProblemsMerged(WorkbookBuilder builder, string sheet, params string[] ranges)
    {
        using var dir = new TempDir();
        return CycleReader.Read(builder.SaveWithMergedCells(dir.File("cycle.xlsx"), sheet, ranges)).Problems.Select(p => p.ToString()).ToList();
    }

    [Theory]
    [InlineData("budget usd")]
    [InlineData("budgt_usd")]
    [InlineData("budget-usd")]
    [InlineData("Budget - USD")]
    public void A_misspelt_header_is_named_at_its_cell_with_the_column_it_stands_for(string header) =>
        Assert.Equal([$"Funding!C1: '{header}' is not a column of Funding; did you mean budget_usd?"],
            Problems(WorkbookBuilder.Minimal().RenameColumn("Funding", "budget_usd", header)));

    [Fact]
    public void A_misspelt_language_column_is_a_problem_of_that_language()
    {
        using var dir = new TempDir();
        var result = CycleReader.Read(WorkbookBuilder.Minimal().RenameColumn("Regions", "name_zh", "Name ZH").Save(dir.File("cycle.xlsx")));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Regions!C1: 'Name ZH' is not a column of Regions; did you mean name_zh?", "zh"), (problem.ToString(), problem.Language));
    }

    [Fact]
    public void A_missing_column_with_no_close_header_says_where_to_add_it_and_unknown_headers_stay_ignored() =>
        Assert.Equal(["Funding: missing column 'budget_usd'; add a column headed budget_usd in row 1"],
            Problems(WorkbookBuilder.Minimal().RenameColumn("Funding", "budget_usd", "Notes")));

    [Fact]
    public void Merged_header_cells_are_named_as_merged() =>
        // Excel keeps only C1's text when C1:D1 are merged: D1 (funded_usd) becomes blank.
        Assert.Equal(
        [
            "Funding: missing column 'funded_usd'; add a column headed funded_usd in row 1",
            "Funding!C1:D1: the cells are merged; unmerge them so each column has its own header",
        ], ProblemsMerged(WorkbookBuilder.Minimal().RenameColumn("Funding", "funded_usd", ""), "Funding", "C1:D1"));

    [Fact]
    public void Merged_data_cells_are_reported_at_the_range_not_as_blank_cells() =>
        // Three projects reviewed the same year, the year typed once in a merged B3:B5.
        Assert.Equal(["Projects!B3:B5: the cells are merged, so only B3 holds a value and the others read as blank; unmerge them and fill in each cell"],
            ProblemsMerged(WorkbookBuilder.Minimal().Set("Projects", 4, "prc_year", null).Set("Projects", 5, "prc_year", null), "Projects", "B3:B5"));

    [Fact]
    public void Merged_cells_in_columns_the_reader_does_not_use_do_not_matter() =>
        Assert.Empty(ProblemsMerged(WorkbookBuilder.Minimal().Sheet("Regions", ["code", "name_en", "name_zh", "notes"],
            ["AFR", "Africa", "非洲", "two regions"], ["ASP", "Asia and the Pacific", "亚洲及太平洋", null]), "Regions", "D2:D3"));

    [Theory]
    [InlineData("Services (old)")]
    [InlineData("Service")]
    [InlineData("Services (2)")]
    [InlineData("services_2")]
    public void A_renamed_sheet_gets_its_name_back(string renamed)
    {
        var builder = WorkbookBuilder.Minimal();
        builder.Sheet(renamed, ["service_id", "outcome", "name_en", "name_zh"], ["S1", 1.1, "Mobility planning", "出行规划"]);
        Assert.Equal([$"Services: sheet 'Services' is missing from the workbook; there is a sheet '{renamed}' — rename it to Services"],
            Problems(builder.RemoveSheet("Services")));
    }

    [Fact]
    public void A_sheet_in_another_case_is_the_sheet() =>
        Assert.Empty(Problems(WorkbookBuilder.Minimal().Sheet("services", ["service_id", "outcome", "name_en", "name_zh"], ["S1", 1.1, "Mobility planning", "出行规划"])
            .RemoveSheet("Services")));

    [Fact]
    public void A_missing_sheet_with_none_close_lists_the_sheets_there_are() =>
        Assert.Equal(["Services: sheet 'Services' is missing from the workbook (its sheets are 'Settings', 'Documents', 'Domains', 'Outcomes', " +
                "'Indicators', 'IndicatorValues', 'Funding', 'Regions', 'Projects', 'Flagships', 'Notes'); add a sheet named Services"],
            Problems(WorkbookBuilder.Minimal().RemoveSheet("Services").Sheet("Notes", ["text"], ["to do"])));

    [Fact]
    public void An_optional_sheet_under_a_near_name_is_reported_rather_than_silently_unread() =>
        Assert.Equal(["LinkageTargets: sheet 'LinkageTargets' is missing from the workbook; there is a sheet 'Linkage targets' — rename it to LinkageTargets"],
            Problems(WorkbookBuilder.Minimal().Sheet("Linkage targets", ["primary_outcome", "secondary_outcome", "year", "target_projects"], [1.1, 2.1, 2020, 1])));

    [Fact]
    public void Messages_say_what_to_type_in_words_staff_use() =>
        Assert.Equal(
        [
            "Settings: reporting_year is required; add a row with the key reporting_year and the year, such as 2021, as its value",
            "Settings!A3: unknown setting 'reportng_year' (known: reporting_year, on_track_threshold, underfunded_threshold, plan_start, plan_end); did you mean reporting_year?",
            "Documents!D2: date must be a date such as 2021-03-15 (a date cell, or text written year-month-day), not '4 Oct'",
            "Outcomes!A3: 'one.two' is not an outcome code; give one such as 3.1 (the domain, a point, the outcome)",
            "Flagships!D2: normative_tools must be 0 or more, not -3",
            "Flagships!F2: partners must be a whole number such as 12, not 7.5",
        ], Problems(WorkbookBuilder.Minimal()
            .Sheet("Settings", ["key", "value"], ["on_track_threshold", 0.75], ["reportng_year", 2020])
            .Set("Documents", 2, "date", "4 Oct")
            .Set("Outcomes", 3, "code", "one.two")
            .Set("Flagships", 2, "normative_tools", -3)
            .Set("Flagships", 2, "partners", 7.5)));
}
