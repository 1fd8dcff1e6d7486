using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace ReportGen.Workbook;

/// <summary>
/// Low-level access to the sheets of an .xlsx package. Sheet XML is streamed with an
/// <see cref="XmlReader"/> rather than loaded as a DOM, so that a 100,000-row sheet
/// costs one pass and little memory.
/// </summary>
public sealed class XlsxFile : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly Dictionary<string, WorksheetPart> _sheets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sheetNames = [];
    private string[]? _sharedStrings;

    private XlsxFile(SpreadsheetDocument document)
    {
        _document = document;
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [])
        {
            string name = (sheet.Name?.Value ?? "").Trim();
            string? id = sheet.Id?.Value;
            if (id is null || name.Length == 0) continue;
            if (workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet && _sheets.TryAdd(name, worksheet))
                _sheetNames.Add(name);
        }
    }

    public IReadOnlyList<string> SheetNames => _sheetNames;

    /// <summary>
    /// Opens a workbook, or throws <see cref="InputException"/> with one message naming the file
    /// when it is not an .xlsx workbook at all.
    /// </summary>
    public static XlsxFile Open(string path)
    {
        string name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InputException(new Problem(name, "file not found"));
        byte[] head = new byte[8];
        int read;
        using (var probe = File.OpenRead(path)) read = probe.Read(head, 0, head.Length);
        if (read == 0) throw new InputException(new Problem(name, "the file is empty; expected an .xlsx workbook"));
        if (read >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            throw new InputException(new Problem(name, "this is a legacy Excel 97-2003 (.xls) file; save it as an Excel Workbook (.xlsx)"));
        if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            throw new InputException(new Problem(name, "not an .xlsx workbook (the file is not a zip package; a CSV or text file renamed to .xlsx?)"));
        try
        {
            var document = SpreadsheetDocument.Open(path, false);
            if (document.WorkbookPart is null)
            {
                document.Dispose();
                throw new InputException(new Problem(name, "not an .xlsx workbook (the package has no workbook part)"));
            }
            return new XlsxFile(document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException
                                       or System.IO.FileFormatException or NotSupportedException or ArgumentException)
        {
            throw new InputException(new Problem(name, "not a readable .xlsx workbook (" + e.Message.TrimEnd('.') + ")"));
        }
    }

    public bool HasSheet(string name) => _sheets.ContainsKey(name);

    /// <summary>Streams the non-empty rows of a sheet: (row number, cells by 1-based column).</summary>
    /// <remarks>
    /// Every helper below leaves the reader on the node after the element it consumed,
    /// so loops advance with <c>Read()</c> only when they consumed nothing.
    /// </remarks>
    public IEnumerable<(int Row, SortedList<int, RawCell> Cells)> ReadRows(string sheetName)
    {
        var part = _sheets[sheetName];
        string[] shared = SharedStrings();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        int lastRow = 0;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") { reader.Read(); continue; }
            int rowNumber = lastRow + 1;
            if (reader.GetAttribute("r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
                rowNumber = parsed;
            lastRow = rowNumber;
            var cells = new SortedList<int, RawCell>();
            int lastColumn = 0; // cells may omit "r": each then follows the previous one
            ForEachChild(reader, () =>
            {
                if (reader.LocalName != "c") { reader.Skip(); return; }
                int column = lastColumn + 1;
                if (reader.GetAttribute("r") is { } cr && CellRef.TryParse(cr, out var cellRef)) column = cellRef.Column;
                lastColumn = column;
                var cell = ReadCell(reader, shared);
                if (!cell.IsBlank) cells[column] = cell;
            });
            if (cells.Count > 0) yield return (rowNumber, cells);
        }
    }

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        IgnoreComments = true,
        DtdProcessing = DtdProcessing.Prohibit,
    };

    /// <summary>
    /// Calls <paramref name="onChild"/> with the reader on each child element of the current
    /// element; <paramref name="onChild"/> must consume that child. Ends after the end tag.
    /// </summary>
    private static void ForEachChild(XmlReader reader, Action onChild)
    {
        if (reader.IsEmptyElement) { reader.Read(); return; }
        int depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element) onChild();
            else reader.Read();
        }
        reader.Read();
    }

    private static RawCell ReadCell(XmlReader reader, string[] shared)
    {
        string type = reader.GetAttribute("t") ?? "n";
        string? value = null, inline = null;
        bool hasFormula = false;
        ForEachChild(reader, () =>
        {
            switch (reader.LocalName)
            {
                case "f": hasFormula = true; reader.Skip(); break;
                case "v": value = reader.ReadElementContentAsString(); break;
                case "is": inline = ReadRichText(reader); break;
                default: reader.Skip(); break;
            }
        });

        if (type == "inlineStr") return new RawCell(CellKind.Text, inline ?? value ?? "");
        if (value is null)
            return hasFormula ? new RawCell(CellKind.MissingCachedValue) : RawCell.Blank;
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < shared.Length
                    ? new RawCell(CellKind.Text, shared[index])
                    : new RawCell(CellKind.Error, "#BADSTRING");
            case "str": return new RawCell(CellKind.Text, value);
            case "b": return new RawCell(CellKind.Boolean, value, value.Trim() == "1" ? 1 : 0);
            case "e": return new RawCell(CellKind.Error, value);
            case "d": return new RawCell(CellKind.IsoDate, value);
            default:
                if (value.Length == 0) return hasFormula ? new RawCell(CellKind.Text, "") : RawCell.Blank;
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                    ? new RawCell(CellKind.Number, value, number)
                    : new RawCell(CellKind.Text, value);
        }
    }

    /// <summary>Concatenates the text runs of a rich-text element, leaving out phonetic guides.</summary>
    private static string ReadRichText(XmlReader reader)
    {
        var text = new System.Text.StringBuilder();
        void Visit()
        {
            switch (reader.LocalName)
            {
                case "t": text.Append(reader.ReadElementContentAsString()); break;
                case "r": ForEachChild(reader, Visit); break;
                default: reader.Skip(); break; // rPh, phoneticPr, rPr
            }
        }
        ForEachChild(reader, Visit);
        return text.ToString();
    }

    private string[] SharedStrings()
    {
        if (_sharedStrings is not null) return _sharedStrings;
        var part = _document.WorkbookPart!.SharedStringTablePart;
        var list = new List<string>();
        if (part is not null)
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si") list.Add(ReadRichText(reader));
                else reader.Read();
            }
        }
        return _sharedStrings = [.. list];
    }

    public void Dispose() => _document.Dispose();
}
