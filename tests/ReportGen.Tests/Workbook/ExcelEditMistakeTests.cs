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
    public void Merged_data_cells_in_a_column_that_may_be_blank_are_reported_too() =>
        // P1 and P2 both in flagship FP1, typed once: P2 would silently have no flagship.
        Assert.Equal(["Projects!J2:J3: the cells are merged, so only J2 holds a value and the others read as blank; unmerge them and fill in each cell"],
            ProblemsMerged(WorkbookBuilder.Minimal(), "Projects", "J2:J3"));

    [Fact]
    public void A_sheet_with_more_merged_ranges_than_the_limit_is_refused() =>
        Assert.Equal(["Projects: it has more than 10,000 merged ranges (/xl/worksheets/sheet9.xml)"],
            ProblemsMerged(WorkbookBuilder.Minimal(), "Projects", [.. Enumerable.Range(0, XlsxFile.MaxMergedRanges + 1).Select(i => $"L{2 * i + 10}:L{2 * i + 11}")]));

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
            "Settings!A3: unknown setting 'reportng_year' (known: reporting_year, on_track_threshold, underfunded_threshold, plan_start, plan_end, languages); did you mean reporting_year?",
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

    [Fact]
    public void A_code_typed_with_a_comma_or_a_letter_for_a_digit_gets_the_code_it_stands_for() =>
        Assert.Equal(
        [
            "Projects!F2: '1,1' is not an outcome code; give one such as 3.1 (the domain, a point, the outcome); did you mean 1.1? codes take a point",
            "Services!B4: '3.l' is not an outcome code; give one such as 3.1 (the domain, a point, the outcome); the last character is the letter l, not the digit 1: did you mean 3.1?",
            "Services!B5: 'I.1' is not an outcome code; give one such as 3.1 (the domain, a point, the outcome); the first character is the letter I, not the digit 1: did you mean 1.1?",
        ], Problems(WorkbookBuilder.Minimal().Set("Projects", 2, "primary_outcome", "1,1").Set("Services", 4, "outcome", "3.l").Set("Services", 5, "outcome", "I.1")));

    [Theory]
    [InlineData("$5,000,000", "; remove the $ sign: amounts are in US dollars (did you mean 5000000?)")]
    [InlineData("US$ 5,000,000", "; remove the US$ sign: amounts are in US dollars (did you mean 5000000?)")]
    [InlineData("USD 5,000,000", "; remove 'USD': amounts are in US dollars (did you mean 5000000?)")]
    [InlineData("5,000,000 usd", "; remove 'USD': amounts are in US dollars (did you mean 5000000?)")]
    [InlineData("€300", "; amounts are in US dollars: convert the amount to US dollars and give the number alone, without the € sign")]
    [InlineData("1O0", "; character 2 is the letter O, not the digit 0: did you mean 100?")]
    public void A_money_amount_with_a_currency_or_a_letter_gets_its_number(string typed, string hint) =>
        Assert.Equal([$"Projects!I2: budget_usd must be a number, not '{typed}'{hint}"],
            Problems(WorkbookBuilder.Minimal().Set("Projects", 2, "budget_usd", typed)));

    [Fact]
    public void Thousands_grouped_with_spaces_are_read()
    {
        using var dir = new TempDir();
        var result = CycleReader.Read(WorkbookBuilder.Minimal().Set("Projects", 2, "budget_usd", "5 000 000").Set("Projects", 3, "budget_usd", "1\u202F250")
            .Save(dir.File("cycle.xlsx")));
        Assert.Empty(result.Problems);
        Assert.Equal([5_000_000, 1_250], result.Cycle!.Projects.Take(2).Select(p => p.BudgetUsd));
    }

    [Fact]
    public void A_formula_saved_with_an_empty_value_is_named_as_never_calculated_not_as_a_blank_cell()
    {
        // openpyxl and other libraries write a formula with an empty <v/> when they cannot calculate it.
        using var dir = new TempDir();
        var problems = CycleReader.Read(WorkbookBuilder.Minimal()
            .SaveWithRawCell(dir.File("cycle.xlsx"), "Funding", "D2", "<c r=\"D2\"><f>C2*0.6</f><v></v></c>")).Problems.Select(p => p.ToString());
        Assert.Equal(["Funding!D2: the cell holds a formula that was never calculated; open and save the workbook in Excel or LibreOffice"], problems);
    }

    [Fact]
    public void A_formula_whose_result_is_empty_text_is_a_blank_cell()
    {
        using var dir = new TempDir();
        var problems = CycleReader.Read(WorkbookBuilder.Minimal()
            .SaveWithRawCell(dir.File("cycle.xlsx"), "IndicatorValues", "D2", "<c r=\"D2\" t=\"str\"><f>IF(1,\"\",0)</f><v></v></c>")).Problems;
        Assert.Empty(problems); // actual may be blank: no data yet
    }

    private static string OpenFails(string path) =>
        Assert.Single(Assert.Throws<InputException>(() => CycleReader.Read(path)).Problems).ToString();

    [Fact]
    public void An_ods_spreadsheet_is_named_with_how_to_save_it_as_xlsx()
    {
        using var dir = new TempDir();
        string path = dir.File("cycle.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", System.IO.Compression.CompressionLevel.NoCompression).Open()))
                writer.Write("application/vnd.oasis.opendocument.spreadsheet");
            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open()))
                writer.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        }
        Assert.Equal("cycle.xlsx: this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; " +
            "in LibreOffice Calc choose File > Save As and the file type Excel 2007-365 (.xlsx)", OpenFails(path));
    }

    [Theory]
    [InlineData("\uFEFFcode;year\r\n1.1;2020\r\n", "this is a text file (CSV or similar), not an .xlsx workbook; open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)")]
    [InlineData("<html><table><tr><td>1.1</td></tr></table></html>", "this is a web page or XML file, not an .xlsx workbook; open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)")]
    [InlineData("%PDF-1.7\n", "this is a PDF document, not an .xlsx workbook; give the workbook the PDF was made from")]
    public void A_renamed_file_is_named_for_what_it_is(string content, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("cycle.xlsx"), content);
        Assert.Equal($"cycle.xlsx: {message}", OpenFails(dir.File("cycle.xlsx")));
    }
}
