using DocumentFormat.OpenXml.Packaging;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>Dates as workbooks store them: the 1904 date system, Excel's invented 29 February 1900, the range a cycle may hold, a session before its document.</summary>
public class WorkbookDateTests
{
    /// <summary>Saves the workbook, then gives Documents' cells (by reference) the raw serial numbers given, and the workbook the 1904 date system if asked.</summary>
    private static ReadResult Read(WorkbookBuilder builder, bool date1904 = false, params (string Cell, string Serial)[] serials)
    {
        using var dir = new TempDir();
        string path = builder.Save(dir.File("cycle.xlsx"));
        // AutoSave off: the tree read to find the sheet would be saved over the workbook part's rewritten XML.
        using (var doc = SpreadsheetDocument.Open(path, true, new OpenSettings { AutoSave = false }))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Documents");
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            if (serials.Length > 0) Rewrite(part, xml =>
            {
                foreach (var (cell, serial) in serials)
                    xml = System.Text.RegularExpressions.Regex.Replace(xml, $"<c r=\"{cell}\"([^>]*?)(/>|>.*?</c>)", $"<c r=\"{cell}\"$1><v>{serial}</v></c>");
                return xml;
            });
            if (date1904) Rewrite(wb, xml => xml.Replace("<x:sheets>", "<x:workbookPr date1904=\"1\"/><x:sheets>").Replace("<sheets>", "<workbookPr date1904=\"1\"/><sheets>"));
        }
        return CycleReader.Read(path);
    }

    private static void Rewrite(OpenXmlPart part, Func<string, string> change)
    {
        string xml;
        using (var reader = new StreamReader(part.GetStream())) xml = reader.ReadToEnd();
        string changed = change(xml);
        Assert.NotEqual(xml, changed);
        using var writer = new StreamWriter(part.GetStream(FileMode.Create));
        writer.Write(changed);
    }

    private static List<string> Problems(ReadResult result) => result.Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void A_workbook_in_the_1904_date_system_has_its_dates_counted_from_1904()
    {
        // 4 October 2021 is serial 43011 in the 1904 system (44473 in the 1900 system); 15 and 16 November 2021 are 43053 and 43054.
        var result = Read(WorkbookBuilder.Minimal(), date1904: true, ("D2", "43011"), ("G2", "43053"), ("H2", "43054.75"));
        var document = Assert.Single(result.Cycle!.Documents);
        Assert.Equal((new DateOnly(2021, 10, 4), new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 16)), (document.Date, document.SessionStart, document.SessionEnd));
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("1", "1900-01-01")]
    [InlineData("59", "1900-02-28")]
    [InlineData("61", "1900-03-01")]
    public void Serials_before_March_1900_name_the_day_Excel_shows_and_lie_outside_the_range(string serial, string day)
    {
        var problems = Problems(Read(WorkbookBuilder.Minimal(), false, ("D2", serial)));
        Assert.Equal([$"Documents!D2: date {day} lies outside the dates a reporting cycle holds (1945-01-01 to 2100-12-31); check the year and retype the date"], problems);
    }

    [Fact]
    public void Serial_60_is_the_day_Excel_invented()
    {
        var problems = Problems(Read(WorkbookBuilder.Minimal(), false, ("D2", "60")));
        Assert.Equal(["Documents!D2: date is serial 60, the 29 February 1900 that Excel invented (1900 was not a leap year); type the date as 2021-11-15"], problems);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1944-12-31")]
    [InlineData("2101-01-01")]
    public void A_date_outside_1945_to_2100_is_reported_at_its_cell(string date)
    {
        var problems = Problems(Read(WorkbookBuilder.Minimal().Set("Documents", 2, "date", date)));
        Assert.Equal([$"Documents!D2: date {date} lies outside the dates a reporting cycle holds (1945-01-01 to 2100-12-31); check the year and retype the date"], problems);
    }

    [Fact]
    public void The_range_includes_its_first_and_last_day()
    {
        Assert.DoesNotContain(Problems(Read(WorkbookBuilder.Minimal().Set("Documents", 2, "date", "1945-01-01"))), p => p.StartsWith("Documents!", StringComparison.Ordinal));
        Assert.Empty(Read(WorkbookBuilder.Minimal().Set("Documents", 2, "session_start", "2100-12-30").Set("Documents", 2, "session_end", "2100-12-31")).Problems);
    }

    [Fact]
    public void A_session_before_its_document_s_date_is_reported_at_session_start()
    {
        var problems = Problems(Read(WorkbookBuilder.Minimal().Set("Documents", 2, "session_start", new DateOnly(2021, 9, 1)).Set("Documents", 2, "session_end", new DateOnly(2021, 9, 2))));
        Assert.Equal(["Documents!G2: the session starts on 2021-09-01, before the document's date 2021-10-04 (a document is issued before the session it is for); check date and session_start"], problems);
    }
}
