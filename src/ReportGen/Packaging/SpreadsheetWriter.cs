using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace ReportGen.Packaging;

/// <summary>A sheet to write: a header row, then rows of values (string, number, bool as yes/no, DateOnly, or null).</summary>
public sealed record SheetData(string Name, IReadOnlyList<string> Header, IEnumerable<object?[]> Rows, IReadOnlyList<double>? ColumnWidths = null);

/// <summary>
/// Writes simple .xlsx workbooks as Excel does (shared strings, date cells with a date format,
/// a bold frozen header row), byte-identical for the same data. Sheet XML is streamed, so large
/// generated workbooks (the benchmark's 100,000 projects) stay cheap.
/// </summary>
public static class SpreadsheetWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int HeaderStyle = 1, DateStyle = 2;

    public static void Write(string path, IEnumerable<SheetData> sheets)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, ToBytes(sheets));
    }

    public static byte[] ToBytes(IEnumerable<SheetData> sheets)
    {
        var buffer = new MemoryStream();
        var sharedStrings = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetList = sheets.ToList();
        using (var document = SpreadsheetDocument.Create(buffer, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids: generated ones are random and would change the bytes.
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            for (int i = 0; i < sheetList.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>($"rId{i + 1}");
                using var stream = part.GetStream(FileMode.Create);
                WriteSheet(stream, sheetList[i], sharedStrings);
            }
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>($"rId{sheetList.Count + 1}");
            using (var stream = styles.GetStream(FileMode.Create)) WriteStyles(stream);
            var strings = workbookPart.AddNewPart<SharedStringTablePart>($"rId{sheetList.Count + 2}");
            using (var stream = strings.GetStream(FileMode.Create)) WriteSharedStrings(stream, sharedStrings);
            using (var stream = workbookPart.GetStream(FileMode.Create)) WriteWorkbook(stream, sheetList);
        }
        return DeterministicZip.Normalize(buffer.ToArray());
    }

    /// <summary>The sheet view that keeps the header row in sight while the rows scroll (row 1 frozen).</summary>
    internal static void FrozenHeaderView(XmlWriter w, bool selected)
    {
        w.WriteStartElement("sheetViews", Main);
        w.WriteStartElement("sheetView", Main);
        if (selected) w.WriteAttributeString("tabSelected", "1");
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("pane", Main);
        w.WriteAttributeString("ySplit", "1");
        w.WriteAttributeString("topLeftCell", "A2");
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static XmlWriter Xml(Stream stream) =>
        XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false });

    private static void WriteWorkbook(Stream stream, List<SheetData> sheets)
    {
        using var w = Xml(stream);
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, Rel);
        w.WriteStartElement("sheets", Main);
        for (int i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet", Main);
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("id", Rel, $"rId{i + 1}");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteSheet(Stream stream, SheetData sheet, Dictionary<string, int> sharedStrings)
    {
        using var w = Xml(stream);
        w.WriteStartElement("worksheet", Main);
        FrozenHeaderView(w, selected: false);
        w.WriteStartElement("cols", Main);
        for (int c = 0; c < sheet.Header.Count; c++)
        {
            double width = sheet.ColumnWidths is { } widths && c < widths.Count ? widths[c] : Math.Max(10, sheet.Header[c].Length + 4);
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", (c + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("max", (c + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("sheetData", Main);
        WriteRow(w, 1, sheet.Header.Cast<object?>().ToArray(), sharedStrings, HeaderStyle);
        int row = 2;
        foreach (var values in sheet.Rows) WriteRow(w, row++, values, sharedStrings, 0);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteRow(XmlWriter w, int row, object?[] values, Dictionary<string, int> sharedStrings, int style)
    {
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
        for (int c = 0; c < values.Length; c++)
        {
            object? value = values[c];
            if (value is null || value is string { Length: 0 }) continue;
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", CellRef.ColumnLetters(c + 1) + row.ToString(CultureInfo.InvariantCulture));
            int cellStyle = value is DateOnly ? DateStyle : style;
            if (cellStyle != 0) w.WriteAttributeString("s", cellStyle.ToString(CultureInfo.InvariantCulture));
            string text;
            switch (value)
            {
                case string s:
                    w.WriteAttributeString("t", "s");
                    if (!sharedStrings.TryGetValue(s, out int index)) sharedStrings[s] = index = sharedStrings.Count;
                    text = index.ToString(CultureInfo.InvariantCulture);
                    break;
                case bool b:
                    w.WriteAttributeString("t", "s");
                    string word = b ? "yes" : "no";
                    if (!sharedStrings.TryGetValue(word, out int wi)) sharedStrings[word] = wi = sharedStrings.Count;
                    text = wi.ToString(CultureInfo.InvariantCulture);
                    break;
                case DateOnly d:
                    text = d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture);
                    break;
                case IFormattable number:
                    text = number.ToString(null, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"cannot write a {value.GetType().Name} to a cell");
            }
            w.WriteElementString("v", Main, text);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WriteSharedStrings(Stream stream, Dictionary<string, int> sharedStrings)
    {
        using var w = Xml(stream);
        w.WriteStartElement("sst", Main);
        w.WriteAttributeString("uniqueCount", sharedStrings.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (text, _) in sharedStrings.OrderBy(p => p.Value))
        {
            w.WriteStartElement("si", Main);
            w.WriteStartElement("t", Main);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                w.WriteAttributeString("xml", "space", null, "preserve");
            w.WriteString(text);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WriteStyles(Stream stream)
    {
        // Fonts: normal, bold. Cell formats: 0 normal, 1 bold header, 2 date (built-in format 14).
        const string styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
            </styleSheet>
            """;
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(styles.ReplaceLineEndings(""));
        stream.Write(bytes);
    }
}
