using DocumentFormat.OpenXml.Packaging;
using ReportGen.Packaging;
using ReportGen.Workbook;

namespace ReportGen.Tests.Support;

/// <summary>
/// A small workbook whose figures are worked out by hand in <c>FigureTests</c>, editable cell by
/// cell so each validation test changes exactly one thing. Rows are numbered as in Excel (header = 1).
/// </summary>
public sealed class WorkbookBuilder
{
    private readonly List<(string Name, List<string> Header, List<object?[]> Rows)> _sheets = [];

    public static WorkbookBuilder Minimal()
    {
        var b = new WorkbookBuilder();
        b.Sheet("Settings", ["key", "value"],
            ["reporting_year", 2020], ["on_track_threshold", 0.75], ["underfunded_threshold", 0.5]);
        b.Sheet("Documents", ["doc_id", "template", "symbol", "date", "agenda_item", "agenda_symbol", "session_start", "session_end", "original_language"],
            ["annual-report-summary", "annual-report-summary", "HSP/EB.2021/19", new DateOnly(2021, 10, 4), "6 (a)", "HSP/EB.2021/12", new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 16), "en"]);
        b.Sheet("Domains", ["code", "title_en", "title_zh"],
            [1, "Poverty", "贫困"], [2, "Prosperity", "繁荣"], [3, "Climate", "气候"], [4, "Crisis", "危机"]);
        b.Sheet("Outcomes", ["code", "domain", "title_en", "title_zh", "short_en", "short_zh"],
            [1.1, 1, "Basic services", "基本服务", "services", "服务"],
            [1.2, 1, "Housing", "住房", "housing", "住房"],
            [2.1, 2, "Connectivity", "连通性", "connectivity", "连通性"],
            [3.1, 3, "Emissions", "排放", "emissions", "排放"],
            [4.1, 4, "Integration", "融合", "integration", "融合"]);
        b.Sheet("Indicators", ["indicator_id", "outcome", "name_en", "name_zh", "unit", "baseline", "direction"],
            ["I1", 1.1, "Cities served", "受益城市", "number", 10, "increase"],
            ["I2", 1.1, "Slum share", "贫民窟比例", "percent", 50, "decrease"],
            ["I3", 2.1, "Plans", "规划", "number", 5, "increase"],
            ["I4", 3.1, "Emissions", "排放量", "number", 8, "decrease"]);
        b.Sheet("IndicatorValues", ["indicator_id", "year", "target", "actual"],
            ["I1", 2020, 20, 18], ["I1", 2021, 30, null],
            ["I2", 2020, 40, 45], ["I2", 2021, 30, 25],
            ["I3", 2020, 5, 5], ["I3", 2021, 5, 4],
            ["I4", 2020, 8, 9]);
        b.Sheet("Funding", ["outcome", "year", "budget_usd", "funded_usd"],
            [1.1, 2020, 100, 60], [1.2, 2020, 100, 49], [2.1, 2020, 200, 100], [3.1, 2020, 0, 0], [4.1, 2020, 50, 10],
            [1.1, 2021, 100, 20]);
        b.Sheet("Regions", ["code", "name_en", "name_zh"], ["AFR", "Africa", "非洲"], ["ASP", "Asia and the Pacific", "亚洲及太平洋"]);
        b.Sheet("Projects", ["project_id", "prc_year", "title", "region", "country", "primary_outcome", "secondary_outcomes", "covid_response", "budget_usd", "flagship"],
            ["P1", 2020, "Water for Kisumu", "AFR", "Kenya", 1.1, "2.1; 3.1; 4.1", "yes", 100, "FP1"],
            ["P2", 2020, "Housing in Accra", "AFR", "Ghana", 1.1, 1.2, "no", 300, null],
            ["P3", 2020, "Corridors", "ASP", "Fiji", 2.1, "1.1", "no", 600, null],
            ["P4", 2020, "Clean air", "ASP", "Viet Nam", 3.1, null, "yes", 200, null],
            ["P5", 2021, "Land records", "AFR", "Kenya", 1.2, "1.1,3.1", "no", 400, "FP1"]);
        b.Sheet("Services", ["service_id", "outcome", "name_en", "name_zh"],
            ["S1", 1.1, "Mobility planning", "出行规划"], ["S2", 1.1, "Public space", "公共空间"],
            ["S3", 3.1, "Air quality", "空气质量"], ["S4", 4.1, "Inclusion", "包容"]);
        b.Sheet("Flagships", ["code", "name_en", "name_zh", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd"],
            ["FP1", "Regeneration", "复兴", 3, 5000, 7, 1000, 250], ["FP2", "Smart cities", "智慧城市", 1, 0, 2, 0, 0]);
        return b;
    }

    public WorkbookBuilder Sheet(string name, string[] header, params object?[][] rows)
    {
        _sheets.RemoveAll(s => s.Name == name);
        _sheets.Add((name, [.. header], [.. rows]));
        return this;
    }

    public WorkbookBuilder RemoveSheet(string name)
    {
        _sheets.RemoveAll(s => s.Name == name);
        return this;
    }

    /// <summary>Sets the cell of <paramref name="column"/> (a header name) in Excel row <paramref name="row"/> (2 = first data row).</summary>
    public WorkbookBuilder Set(string sheet, int row, string column, object? value)
    {
        var s = _sheets.Single(x => x.Name == sheet);
        int c = s.Header.IndexOf(column);
        if (c < 0) throw new ArgumentException($"no column {column} in {sheet}");
        var cells = s.Rows[row - 2];
        if (cells.Length <= c) Array.Resize(ref cells, c + 1);
        cells[c] = value;
        s.Rows[row - 2] = cells;
        return this;
    }

    public WorkbookBuilder AddRow(string sheet, params object?[] values)
    {
        _sheets.Single(x => x.Name == sheet).Rows.Add(values);
        return this;
    }

    public WorkbookBuilder RenameColumn(string sheet, string from, string to)
    {
        var s = _sheets.Single(x => x.Name == sheet);
        s.Header[s.Header.IndexOf(from)] = to;
        return this;
    }

    public WorkbookBuilder RemoveColumn(string sheet, string column)
    {
        var s = _sheets.Single(x => x.Name == sheet);
        int c = s.Header.IndexOf(column);
        s.Header.RemoveAt(c);
        for (int i = 0; i < s.Rows.Count; i++)
            s.Rows[i] = [.. s.Rows[i].Where((_, j) => j != c)];
        return this;
    }

    public string Save(string path)
    {
        SpreadsheetWriter.Write(path, _sheets.Select(s => new SheetData(s.Name, s.Header, s.Rows)));
        return path;
    }

    /// <summary>Saves, then replaces one cell's XML, for what our writer never produces (formulas, error values).</summary>
    public string SaveWithRawCell(string path, string sheet, string cell, string rawCellXml)
    {
        Save(path);
        return EditSheetXml(path, sheet, xml =>
        {
            var replaced = System.Text.RegularExpressions.Regex.Replace(xml, $"<c r=\"{cell}\"[^>]*?(/>|>.*?</c>)", rawCellXml);
            return replaced != xml ? replaced : throw new ArgumentException($"no cell {cell} in {sheet}");
        });
    }

    /// <summary>Saves with cells of a sheet merged (<c>C1:D1</c>), as Excel's "Merge cells" stores them.</summary>
    public string SaveWithMergedCells(string path, string sheet, params string[] ranges)
    {
        Save(path);
        string merges = $"<mergeCells count=\"{ranges.Length}\">{string.Concat(ranges.Select(r => $"<mergeCell ref=\"{r}\"/>"))}</mergeCells>";
        return EditSheetXml(path, sheet, xml => xml.Contains("</sheetData>")
            ? xml.Replace("</sheetData>", "</sheetData>" + merges) : throw new ArgumentException($"no </sheetData> in {sheet}"));
    }

    private static string EditSheetXml(string path, string sheet, Func<string, string> edit)
    {
        using var doc = SpreadsheetDocument.Open(path, true);
        var wb = doc.WorkbookPart!;
        var sheetElement = wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheet);
        var part = (WorksheetPart)wb.GetPartById(sheetElement.Id!);
        string xml;
        using (var reader = new StreamReader(part.GetStream())) xml = reader.ReadToEnd();
        using var writer = new StreamWriter(part.GetStream(FileMode.Create));
        writer.Write(edit(xml));
        return path;
    }
}

/// <summary>Builds a one-sheet package from raw sheet XML, to test what other programs write.</summary>
public static class RawXlsx
{
    public static string Write(string path, string sheetName, string sheetDataXml, string? sharedStringsXml = null)
    {
        using (var doc = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var ws = wb.AddNewPart<WorksheetPart>("rId1");
            Put(ws, $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheetDataXml}</sheetData></worksheet>");
            if (sharedStringsXml is not null)
                Put(wb.AddNewPart<SharedStringTablePart>("rId2"), $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{sharedStringsXml}</sst>");
            Put(wb, $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{sheetName}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        }
        return path;
    }

    private static void Put(OpenXmlPart part, string xml)
    {
        using var stream = part.GetStream(FileMode.Create);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(xml));
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("reportgen-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

public static class Repo
{
    /// <summary>The repository root, found from the test assembly's folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "ReportGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The sample workbook shipped in seeds/, the input of most tests.</summary>
    public static string Seed { get; } = Path("seeds", "unhabitat-2020-2021.xlsx");
}
