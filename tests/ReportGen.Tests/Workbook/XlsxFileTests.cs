using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>The raw layer: what Excel and LibreOffice actually put in a sheet.</summary>
public class XlsxFileTests
{
    private static List<SheetRow> Rows(string sheetXml, string? shared = null)
    {
        using var dir = new TempDir();
        string path = RawXlsx.Write(dir.File("raw.xlsx"), "Data", sheetXml, shared);
        using var file = XlsxFile.Open(path);
        return file.ReadRows("Data").ToList();
    }

    [Fact]
    public void Shared_strings_join_rich_text_runs_and_drop_phonetic_guides()
    {
        var rows = Rows("""<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>""",
            """<si><t>plain</t></si><si><r><rPr><b/></rPr><t>Bold </t></r><r><t xml:space="preserve">and  plain</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh></si>""");
        Assert.Equal("Bold and  plain", rows[0].Cells[1].Text);
        Assert.Equal("plain", rows[0].Cells[2].Text);
    }

    [Fact]
    public void Inline_strings_formula_strings_booleans_errors_and_iso_dates()
    {
        var rows = Rows("""
            <row r="1">
              <c r="A1" t="inlineStr"><is><t>inline</t></is></c>
              <c r="B1" t="str"><f>A1&amp;"x"</f><v>inlinex</v></c>
              <c r="C1" t="b"><v>1</v></c>
              <c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
              <c r="E1" t="d"><v>2021-11-15T00:00:00</v></c>
              <c r="F1"><f>2+2</f><v>4</v></c>
              <c r="G1"><f>2+2</f></c>
            </row>
            """);
        var cells = rows[0].Cells;
        Assert.Equal((CellKind.Text, "inline"), (cells[1].Kind, cells[1].Text));
        Assert.Equal((CellKind.Text, "inlinex"), (cells[2].Kind, cells[2].Text));
        Assert.Equal((CellKind.Boolean, 1.0), (cells[3].Kind, cells[3].Number));
        Assert.Equal((CellKind.Error, "#DIV/0!"), (cells[4].Kind, cells[4].Text));
        Assert.Equal(CellKind.IsoDate, cells[5].Kind);
        Assert.Equal((CellKind.Number, 4.0), (cells[6].Kind, cells[6].Number));
        Assert.Equal(CellKind.MissingCachedValue, cells[7].Kind);
    }

    [Fact]
    public void Cells_and_rows_without_references_follow_the_previous_ones()
    {
        var rows = Rows("""<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>""");
        Assert.Equal(3, rows[0].Row);
        Assert.Equal([2, 3], rows[0].Cells.Columns);
        Assert.Equal(4, rows[1].Row);
        Assert.Equal([1], rows[1].Cells.Columns);
    }

    [Fact]
    public void Blank_rows_and_whitespace_cells_are_skipped()
    {
        var rows = Rows("""<row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row r="3"><c r="A3" t="inlineStr"><is><t>  </t></is></c><c r="B3" s="1"/></row><row r="4"><c r="A4"><v>5</v></c></row>""");
        Assert.Equal([1, 4], rows.Select(r => r.Row));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("code,year\n1.1,2020\n", "this is a text file (CSV or similar), not an .xlsx workbook; open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)")]
    public void A_file_that_is_not_a_workbook_gets_one_message_naming_it(string content, string expected)
    {
        using var dir = new TempDir();
        string path = dir.File("data.xlsx");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InputException>(() => XlsxFile.Open(path));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("data.xlsx", problem.Place);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void A_legacy_xls_file_is_named_as_such()
    {
        using var dir = new TempDir();
        string path = dir.File("old.xlsx");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        var e = Assert.Throws<InputException>(() => XlsxFile.Open(path));
        Assert.Equal("old.xlsx: this is a legacy Excel 97-2003 (.xls) file; open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)", e.Problems[0].ToString());
    }

    [Fact]
    public void A_zip_that_is_not_a_spreadsheet_is_refused()
    {
        using var dir = new TempDir();
        string path = dir.File("other.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
            zip.CreateEntry("hello.txt");
        var e = Assert.Throws<InputException>(() => XlsxFile.Open(path));
        Assert.StartsWith("other.xlsx: not a", e.Problems[0].ToString());
    }

    [Fact]
    public void Missing_file_is_reported_by_name()
    {
        var e = Assert.Throws<InputException>(() => XlsxFile.Open("/nonexistent/cycle.xlsx"));
        Assert.Equal("cycle.xlsx: file not found", e.Problems[0].ToString());
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(703, "AAA")]
    public void Column_letters(int column, string letters) => Assert.Equal(letters, CellRef.ColumnLetters(column));
}
