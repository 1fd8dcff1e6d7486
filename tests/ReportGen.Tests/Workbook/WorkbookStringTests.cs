using System.IO.Compression;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>Texts no cell can hold (too long for Excel, a lone surrogate from an _xHHHH_ escape) refused at their cell, shared or inline alike; a damaged shared strings part reported once.</summary>
public class WorkbookStringTests
{
    private static List<string> Problems(string path) => CycleReader.Read(path).Problems.Select(p => p.ToString()).ToList();

    private const string TooLong = "Documents!C2: the cell holds more than 32,767 characters (Excel's limit for a cell); shorten the text";

    [Fact]
    public void A_shared_string_longer_than_excel_allows_is_refused_at_its_cell()
    {
        using var dir = new TempDir();
        // The writer stores text as shared strings.
        string path = WorkbookBuilder.Minimal().Set("Documents", 2, "symbol", new string('x', XlsxFile.MaxCellText + 1)).Save(dir.File("shared.xlsx"));
        Assert.Equal([TooLong], Problems(path));
    }

    [Fact]
    public void An_inline_string_longer_than_excel_allows_is_refused_the_same_way()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().SaveWithRawCell(dir.File("inline.xlsx"), "Documents", "C2",
            $"<c r=\"C2\" t=\"inlineStr\"><is><t>{new string('x', XlsxFile.MaxCellText + 1)}</t></is></c>");
        Assert.Equal([TooLong], Problems(path));
    }

    [Fact]
    public void A_text_of_exactly_excel_s_limit_is_read()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().Set("Documents", 2, "symbol", new string('x', XlsxFile.MaxCellText)).Save(dir.File("limit.xlsx"));
        Assert.Equal(XlsxFile.MaxCellText, CycleReader.Read(path).Cycle!.Documents[0].Symbol.Length);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_refused_at_its_cell_inline_or_shared()
    {
        using var dir = new TempDir();
        string inline = WorkbookBuilder.Minimal().SaveWithRawCell(dir.File("inline.xlsx"), "Documents", "C2",
            "<c r=\"C2\" t=\"inlineStr\"><is><t>HSP/_xD800_/19</t></is></c>");
        Assert.Equal(["Documents!C2: the cell holds an invalid character (a lone surrogate, _xD800_); retype the text"], Problems(inline));

        using var file = XlsxFile.Open(RawXlsx.Write(dir.File("shared.xlsx"), "Data",
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>""",
            "<si><t>a _xDC00_ b</t></si><si><t>a pair _xD83D__xDE00_ and _x0041_</t></si><si><t>end _xD83D_</t></si>"));
        var cells = file.ReadRows("Data").Single().Cells;
        Assert.Equal((CellKind.Invalid, "the cell holds an invalid character (a lone surrogate, _xDC00_); retype the text"), (cells[1].Kind, cells[1].Text));
        Assert.Equal((CellKind.Text, "a pair 😀 and A"), (cells[2].Kind, cells[2].Text));
        Assert.Equal((CellKind.Invalid, "the cell holds an invalid character (a lone surrogate, _xD83D_); retype the text"), (cells[3].Kind, cells[3].Text));
    }

    [Fact]
    public void An_empty_shared_strings_part_is_one_problem_at_the_part_with_its_fix()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().Save(dir.File("cycle.xlsx"));
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/sharedStrings.xml")!.Delete();
            zip.CreateEntry("xl/sharedStrings.xml");
        }
        var (code, output, error) = CliTests.Run("check", path, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal("cycle.xlsx (/xl/sharedStrings.xml): the shared strings part is empty; open and save the workbook in Excel or LibreOffice\n" + CliTests.TemplatesNotChecked + "1 problem found.\n",
            (output + error).ReplaceLineEndings("\n"));
    }
}
