using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>
/// Workbooks a user can fix (or an attacker made) are exit 1 with a plain message and its place,
/// never exit 70, a hang or a stack trace; what a cell holds is never silently misread.
/// </summary>
public class HostileWorkbookTests
{

    private static (int Code, string Out, string Err) Check(string path) => CliTests.Run("check", path, "--templates", Repo.Path("templates"));

    private static void AssertProblem(string path, string expected)
    {
        var (code, output, error) = Check(path);
        Assert.Equal(1, code);
        Assert.Contains(expected, output + error);
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("internal error", output + error);
    }

    /// <summary>A workbook whose one sheet, "Settings", has exactly this XML.</summary>
    private static string WithSheetXml(TempDir dir, string worksheetXml, string? workbookXml = null)
    {
        string path = dir.File("raw.xlsx");
        using (var doc = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var ws = wb.AddNewPart<WorksheetPart>("rId1");
            using (var s = ws.GetStream(FileMode.Create)) s.Write(System.Text.Encoding.UTF8.GetBytes(worksheetXml));
            using var w = wb.GetStream(FileMode.Create);
            w.Write(System.Text.Encoding.UTF8.GetBytes(workbookXml ?? """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Settings" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
        }
        return path;
    }

    private const string Open = """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
    private const string Close = "</sheetData></worksheet>";

    [SkippableFact]
    public void A_folder_a_missing_file_and_a_dangling_link_are_each_one_message()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("cycle.xlsx"));
        AssertProblem(dir.File("cycle.xlsx"), "cycle.xlsx: is a folder, not a file; expected an .xlsx workbook");
        AssertProblem(dir.File("none.xlsx"), "none.xlsx: file not found");
        SpecialFiles.RequireUnix("symbolic links");
        File.CreateSymbolicLink(dir.File("link.xlsx"), dir.File("gone.xlsx"));
        AssertProblem(dir.File("link.xlsx"), "link.xlsx: is a link to a file that does not exist");
    }

    [SkippableFact]
    public async Task A_fifo_is_refused_without_hanging()
    {
        using var dir = new TempDir();
        SpecialFiles.MakeFifo(dir.File("pipe.xlsx"));
        var (code, output, error) = await Task.Run(() => Check(dir.File("pipe.xlsx"))).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, code);
        Assert.Contains("pipe.xlsx: is a named pipe (FIFO), not a regular file", output + error);
    }

    [Fact]
    public void A_password_protected_workbook_is_named_so()
    {
        using var dir = new TempDir();
        // An encrypted OOXML file: an OLE compound file whose directory names an EncryptedPackage stream.
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        System.Text.Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1024);
        File.WriteAllBytes(dir.File("secret.xlsx"), bytes);
        AssertProblem(dir.File("secret.xlsx"), "secret.xlsx: the workbook is password-protected (encrypted); save an unprotected copy (in Excel: File > Info > Protect Workbook > Encrypt with Password, cleared)");
        bytes.AsSpan(1024, 64).Clear();
        File.WriteAllBytes(dir.File("old.xlsx"), bytes);
        AssertProblem(dir.File("old.xlsx"), "old.xlsx: this is a legacy Excel 97-2003 (.xls) file");
    }

    [Fact]
    public void An_unsupported_zip_compression_method_is_exit_1()
    {
        using var dir = new TempDir();
        byte[] zip = File.ReadAllBytes(Repo.Seed);
        // Mark every entry as compressed with bzip2 (method 12), in local headers and the central directory.
        for (int i = 0; i + 30 < zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) { zip[i + 8] = 12; zip[i + 9] = 0; }
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) { zip[i + 10] = 12; zip[i + 11] = 0; }
        }
        File.WriteAllBytes(dir.File("bz.xlsx"), zip);
        var (code, output, error) = Check(dir.File("bz.xlsx"));
        Assert.Equal(1, code);
        Assert.Matches(@"bz\.xlsx \(\[Content_Types\]\.xml\): the part is compressed with a method the reader does not support", output + error);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a&#1;b</t></is></c></row>", "Settings: the sheet cannot be read")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>trunc", "Settings: the sheet cannot be read")]
    [InlineData("<row r=\"0\"><c r=\"A0\"><v>1</v></c></row>", "Settings: a row is numbered '0' (r attribute), which is not a row number")]
    [InlineData("<row r=\"-2147483648\"><c><v>1</v></c></row>", "Settings: a row is numbered '-2147483648' (r attribute)")]
    [InlineData("<row r=\"2\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>", "Settings: row 2 comes after row 2")]
    [InlineData("<row r=\"1\"><c r=\"ZZZZZ1\"><v>1</v></c></row>", "Settings: row 1 has a cell named 'ZZZZZ1', which is not a cell of that row")]
    public void Malformed_sheet_xml_and_bad_row_numbers_are_problems_at_the_sheet(string rows, string expected)
    {
        using var dir = new TempDir();
        AssertProblem(WithSheetXml(dir, Open + rows + (rows.EndsWith("trunc") ? "" : Close)), expected);
    }

    [Fact]
    public void Bad_utf8_a_dtd_and_a_foreign_namespace_are_problems_at_the_sheet()
    {
        using var dir = new TempDir();
        string path = WithSheetXml(dir, "<!DOCTYPE worksheet [<!ENTITY x \"xx\">]>" + Open + "<row r=\"1\"><c><v>&x;</v></c></row>" + Close);
        AssertProblem(path, "Settings: the sheet cannot be read");

        path = WithSheetXml(dir, """<worksheet xmlns="urn:other"><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>""");
        AssertProblem(path, "Settings: its rows are in the XML namespace 'urn:other', not the spreadsheet's");

        // Bad UTF-8 (C3 28, FF), written through the package so the zip entry itself is sound.
        path = WithSheetXml(dir, Open + Close);
        using (var doc = SpreadsheetDocument.Open(path, true))
        {
            var part = doc.WorkbookPart!.WorksheetParts.First();
            using var s = part.GetStream(FileMode.Create);
            s.Write(System.Text.Encoding.UTF8.GetBytes(Open + "<row r=\"1\"><c t=\"inlineStr\"><is><t>BAD"));
            s.Write([0xC3, 0x28, 0xFF]);
            s.Write(System.Text.Encoding.UTF8.GetBytes("</t></is></c></row>" + Close));
        }
        AssertProblem(path, "Settings: the sheet cannot be read");
    }

    [Fact]
    public void An_empty_or_deeply_nested_workbook_xml_is_exit_1()
    {
        using var dir = new TempDir();
        AssertProblem(WithSheetXml(dir, Open + Close, workbookXml: ""), "raw.xlsx: not a readable .xlsx workbook");
        string deep = string.Concat(Enumerable.Repeat("<a>", 200_000)) + string.Concat(Enumerable.Repeat("</a>", 200_000));
        AssertProblem(WithSheetXml(dir, Open + Close,
            workbookXml: """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""" + deep + "</workbook>"),
            "its XML is nested more than 64 levels deep");
    }

    [Fact]
    public void A_doc_id_too_long_for_a_file_name_is_caught_by_check()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().Set("Documents", 2, "doc_id", new string('a', 300)).Save(dir.File("long.xlsx"));
        AssertProblem(path, "Documents!A2: doc_id is 300 characters long; it names the output files, so it may have at most 100");
    }

    [Fact]
    public void A_text_longer_than_excel_allows_is_refused_at_its_cell()
    {
        using var dir = new TempDir();
        string path = WithSheetXml(dir, Open + "<row r=\"1\"><c t=\"inlineStr\"><is><t>key</t></is></c><c t=\"inlineStr\"><is><t>value</t></is></c></row>" +
            $"<row r=\"2\"><c t=\"inlineStr\"><is><t>reporting_year</t></is></c><c t=\"inlineStr\"><is><t>{new string('x', XlsxFile.MaxCellText + 1)}</t></is></c></row>" + Close);
        AssertProblem(path, "Settings!B2: the cell holds more than 32,767 characters (Excel's limit for a cell); shorten the text");
    }

    private static List<SheetRow> Rows(string sheetXml)
    {
        using var dir = new TempDir();
        using var file = XlsxFile.Open(RawXlsx.Write(dir.File("raw.xlsx"), "Data", sheetXml));
        return file.ReadRows("Data").ToList();
    }

    [Fact]
    public void Booleans_other_than_0_or_1_and_numbers_that_are_not_finite_are_problems_minus_zero_is_zero()
    {
        var cells = Rows("""<row r="1"><c t="b"><v>2</v></c><c><v>NaN</v></c><c><v>-Infinity</v></c><c><v>1e999</v></c><c><v>-0</v></c><c t="b"><v>0</v></c></row>""")[0].Cells;
        Assert.Equal(CellKind.Invalid, cells[1].Kind);
        Assert.Contains("the TRUE/FALSE cell holds '2', which is neither 1 (TRUE) nor 0 (FALSE)", cells[1].Text);
        Assert.All([cells[2], cells[3], cells[4]], c => Assert.Equal(CellKind.Invalid, c.Kind));
        Assert.Equal(CellKind.Number, cells[5].Kind);
        Assert.False(double.IsNegative(cells[5].Number));
        Assert.Equal((CellKind.Boolean, 0.0), (cells[6].Kind, cells[6].Number));
    }

    [Fact]
    public void Excel_escapes_are_decoded()
    {
        var cells = Rows("""<row r="1"><c t="inlineStr"><is><t>line_x000D_break_x005F_x0041_</t></is></c></row>""")[0].Cells;
        Assert.Equal("line\rbreak_x0041_", cells[1].Text);
    }

    [Fact]
    public void Check_finds_a_character_no_font_has_at_its_cell()
    {
        using var dir = new TempDir();
        File.Copy(Repo.Seed, dir.File("cycle.xlsx"));
        using (var doc = SpreadsheetDocument.Open(dir.File("cycle.xlsx"), true))
        {
            var sst = doc.WorkbookPart!.SharedStringTablePart!;
            string xml;
            using (var r = new StreamReader(sst.GetStream())) xml = r.ReadToEnd();
            var title = System.Text.RegularExpressions.Regex.Match(xml, "<t>(Water[^<]*)</t>");
            if (!title.Success) title = System.Text.RegularExpressions.Regex.Match(xml, "<t>([A-Z][a-z]+ [a-z]+ [^<]{10,})</t>");
            using var w = new StreamWriter(sst.GetStream(FileMode.Create));
            w.Write(xml.Replace(title.Value, $"<t>{title.Groups[1].Value} 🏠</t>"));
        }
        var (code, _, error) = Check(dir.File("cycle.xlsx"));
        Assert.Equal(1, code);
        Assert.Matches(@"^\w+!\w+\d+: no configured font has the character '🏠' \(U\+1F3E0\)", error);
    }

    [Fact]
    public void Cell_text_echoed_in_a_message_cannot_forge_a_problem_line()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().Set("Indicators", 2, "unit", "x\nProjects!A1: everything\u2028is fine").Save(dir.File("forge.xlsx"));
        var (code, _, output) = Check(path);
        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.StartsWith("Projects!A1", StringComparison.Ordinal));
        Assert.Contains(@"Indicators!E2: unit must be one of number, percent, usd, not 'x\nProjects!A1: everything\u2028is fine'", output);
    }
}

/// <summary>Mistakes staff really make, each caught at its cell with a hint.</summary>
public class StaffMistakeTests
{
    private static List<string> Problems(WorkbookBuilder builder)
    {
        using var dir = new TempDir();
        return CycleReader.Read(builder.Save(dir.File("cycle.xlsx"))).Problems.Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void A_percent_sign_in_a_column_that_is_not_a_share_is_a_problem()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("IndicatorValues", 2, "actual", "29%").Set("Projects", 2, "budget_usd", "10%"));
        Assert.Contains("IndicatorValues!D2: actual holds '29%', but it is not a share or a percentage; give the number without '%'", problems);
        Assert.Contains("Projects!I2: budget_usd holds '10%', but it is not a share or a percentage; give the number without '%'", problems);
    }

    [Fact]
    public void For_an_indicator_in_per_cent_45_and_45_percent_are_the_same()
    {
        using var dir = new TempDir();
        var plain = CycleReader.Read(WorkbookBuilder.Minimal().Save(dir.File("a.xlsx"))).Cycle!;
        var signed = CycleReader.Read(WorkbookBuilder.Minimal().Set("IndicatorValues", 4, "actual", "45%").Set("IndicatorValues", 4, "target", "40 %")
            .Save(dir.File("b.xlsx")));
        Assert.Empty(signed.Problems);
        Assert.Equal(plain.IndicatorValues[2], signed.Cycle!.IndicatorValues[2] with { });
        Assert.Equal(45, signed.Cycle.IndicatorValues[2].Actual);
    }

    [Fact]
    public void A_decimal_comma_gets_a_hint()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("IndicatorValues", 2, "actual", "3,1"));
        Assert.Contains("IndicatorValues!D2: actual must be a number, not '3,1' (did you mean 3.1? decimals take a point)", problems);
    }

    [Fact]
    public void A_region_or_outcome_given_by_name_gets_its_code_as_a_hint()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Projects", 2, "region", "Africa").Set("Projects", 3, "primary_outcome", "Basic services"));
        Assert.Contains("Projects!D2: region 'Africa' is not on the Regions sheet; did you mean AFR?", problems);
        Assert.Contains("Projects!F3: 'Basic services' is not an outcome code; give one such as 3.1 (the domain, a point, the outcome); did you mean 1.1?", problems);
    }

    [Fact]
    public void Country_may_be_blank_and_a_review_year_after_the_documents_is_a_problem()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Projects", 2, "country", null).Set("Projects", 3, "prc_year", 2031));
        Assert.Equal(["Projects!B3: prc_year 2031 is after the year of the documents' date (2021); a review year cannot be in the future"], problems);
    }

    [Fact]
    public void Numbers_too_large_to_sum_are_problems()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Projects", 2, "budget_usd", 1e300).Set("Projects", 3, "budget_usd", 1e300));
        Assert.Contains("Projects!I2: budget_usd is too large (1E+300); no figure may exceed 1,000,000,000,000,000", problems);
    }

    [Fact]
    public void Beyond_ten_thousand_problems_the_rest_are_counted_not_listed()
    {
        var builder = WorkbookBuilder.Minimal();
        for (int i = 0; i < 6_000; i++) builder.AddRow("Projects", $"X{i}", "y", "t", "AFR", "", 1.1, null, "maybe", "z");
        using var dir = new TempDir();
        var read = CycleReader.Read(builder.Save(dir.File("cycle.xlsx")));
        var problems = read.Problems.Select(p => p.ToString()).ToList();
        // The listed ten thousand include the missing French, Spanish, Russian and Arabic columns, which only a French, Spanish, Russian or Arabic build is shown.
        int otherLanguages = read.AllProblems.Count(p => p.Language is "fr" or "es" or "ru" or "ar");
        Assert.True(read.AllProblems.Count >= ProblemList.MaxListed + 1);
        Assert.Equal(read.AllProblems.Count - otherLanguages, problems.Count);
        Assert.InRange(otherLanguages, 1, 60); // a missing column each, per sheet and language, not one per row
        Assert.True(problems.Count >= ProblemList.MaxListed - otherLanguages);
        Assert.Matches(@"^cycle\.xlsx: and [\d,]+ more problems in cells, not listed \(only the first 10,000 are\)$", problems[^1]);
    }

    [Fact]
    public void Problems_are_sorted_by_sheet_then_row()
    {
        var problems = Problems(WorkbookBuilder.Minimal().Set("Projects", 5, "budget_usd", "x").Set("Projects", 2, "budget_usd", "y")
            .Set("Domains", 3, "code", "z"));
        Assert.Equal(["Domains!A3", "Projects!I2", "Projects!I5"], problems.Select(p => p[..p.IndexOf(':')]));
    }
}
