using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace ReportGen.Workbook;

/// <summary>
/// Low-level access to the sheets of an .xlsx package. Sheet XML is streamed with an
/// <see cref="XmlReader"/> rather than loaded as a DOM, so that a 100,000-row sheet
/// costs one pass and little memory.
/// </summary>
/// <remarks>
/// The package is read with <see cref="ZipArchive"/> and <see cref="XmlReader"/> alone (see
/// <see cref="XlsxPackage"/>), not through the Open XML SDK: opening a workbook with the SDK cost
/// 50–100 ms of a cold build, and a PDF-only build then needs no SDK at all.
/// </remarks>
public sealed partial class XlsxFile : IDisposable
{
    private readonly XlsxPackage _package;
    private readonly Dictionary<string, string> _sheets = new(StringComparer.OrdinalIgnoreCase); // sheet name -> part name
    private readonly List<string> _sheetNames = [];
    private string[]? _sharedStrings;
    private readonly Dictionary<int, string> _sharedStringProblems = []; // index -> why no cell can hold it

    private XlsxFile(XlsxPackage package)
    {
        _package = package;
        foreach (var sheet in package.Sheets)
            if (_sheets.TryAdd(sheet.Name, sheet.Part)) _sheetNames.Add(sheet.Name);
    }

    public IReadOnlyList<string> SheetNames => _sheetNames;

    // Limits on what one workbook may inflate to (docs/workbook.md, "Limits"): each is far above
    // any real reporting cycle, and keeps a hostile file from taking the machine's memory.

    /// <summary>The largest part (a sheet's XML, the shared strings, workbook.xml), uncompressed.</summary>
    public const long MaxPartBytes = 200L * 1024 * 1024;

    /// <summary>The most non-blank cells in the whole workbook.</summary>
    public const int MaxCells = 2_000_000;

    /// <summary>The longest text in one cell: Excel's own limit.</summary>
    public const int MaxCellText = 32_767;

    /// <summary>The most shared strings (the workbook's table of distinct texts).</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>Excel's own sheet size: rows and columns beyond it cannot come from a spreadsheet program.</summary>
    public const int MaxRow = 1_048_576, MaxColumn = 16_384;

    /// <summary>The most merged ranges in one sheet: each is checked against the blank cells read, so their number is bounded.</summary>
    public const int MaxMergedRanges = 10_000;

    /// <summary>How deep XML elements may nest in a part (real ones nest under ten).</summary>
    public const int MaxXmlDepth = 64;

    private int _cells;

    /// <summary>
    /// Opens a workbook, or throws <see cref="InputException"/> with one message naming the file
    /// when it is not an .xlsx workbook at all.
    /// </summary>
    public static XlsxFile Open(string path)
    {
        string name = Path.GetFileName(path);
        if (name.Length == 0) name = path;
        var kind = IO.FileSystem.KindOf(path);
        if (kind == IO.FileKind.Missing)
            throw new InputException(new Problem(name, new FileInfo(path).LinkTarget is null ? "file not found" : "is a link to a file that does not exist"));
        if (kind != IO.FileKind.Regular) throw new InputException(new Problem(name, $"{IO.FileSystem.Describe(kind)}; expected an .xlsx workbook"));
        byte[] head = new byte[512];
        int read;
        try
        {
            using var probe = File.OpenRead(path);
            read = probe.Read(head, 0, head.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Problem(name, $"the file cannot be read ({e.Message.TrimEnd('.')})"));
        }
        if (read == 0) throw new InputException(new Problem(name, "the file is empty; expected an .xlsx workbook"));
        if (read >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            throw new InputException(new Problem(name, IsEncryptedPackage(path)
                ? IO.PackageCheck.PasswordProtected("workbook") + " (in Excel: File > Info > Protect Workbook > Encrypt with Password, cleared)"
                : $"this is a legacy Excel 97-2003 (.xls) file; {SaveAsXlsx}"));
        if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            throw new InputException(new Problem(name, NotAZip(head.AsSpan(0, read))));
        IO.PackageCheck.Verify(path, name, MaxPartBytes, "workbook");
        XlsxPackage? package = null;
        try
        {
            package = XlsxPackage.Open(path);
            if (package.WorkbookPart is null)
                throw new InputException(new Problem(name, package.OpenDocumentType() == OdsType
                    ? "this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; in LibreOffice Calc choose File > Save As and the file type Excel 2007-365 (.xlsx)"
                    : "not an .xlsx workbook (the package has no workbook part)"));
            package.ReadWorkbook();
            var file = new XlsxFile(package);
            file.SharedStrings(); // read once here: a damaged part is one problem at the part, not one per sheet
            return file;
        }
        catch (LimitException e)
        {
            package?.Dispose();
            throw new InputException(new Problem($"{name} ({e.Part})", e.Message));
        }
        catch (Exception e) when (IsInputFault(e))
        {
            package?.Dispose();
            throw new InputException(new Problem(name, "not a readable .xlsx workbook (" + Reason(e) + ")"));
        }
        catch
        {
            package?.Dispose();
            throw;
        }
    }

    private const string SaveAsXlsx = "open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)";

    private const string OdsType = "application/vnd.oasis.opendocument.spreadsheet";

    /// <summary>What a file that is not a zip package is, by its first bytes, with how to make a workbook of it.</summary>
    private static string NotAZip(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8)) return "this is a PDF document, not an .xlsx workbook; give the workbook the PDF was made from";
        if (head.Contains((byte)0)) return $"not an .xlsx workbook (the file is not a zip package); {SaveAsXlsx}";
        int start = head.StartsWith("\uFEFF"u8) ? 3 : 0; // a UTF-8 byte order mark
        return head[start..].TrimStart(" \t\r\n"u8) is [(byte)'<', ..]
            ? $"this is a web page or XML file, not an .xlsx workbook; {SaveAsXlsx}"
            : $"this is a text file (CSV or similar), not an .xlsx workbook; {SaveAsXlsx}";
    }

    /// <summary>An encrypted OOXML file is an OLE compound file holding an "EncryptedPackage" stream.</summary>
    private static bool IsEncryptedPackage(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(stream.Length, 1 << 20)];
            stream.ReadExactly(buffer);
            return System.Text.Encoding.Latin1.GetString(buffer).Contains("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Exceptions a damaged or hostile package raises while it is read: the user's to fix, not bugs.</summary>
    internal static bool IsInputFault(Exception e) => e is InvalidDataException or IOException or XmlException
        or System.IO.FileFormatException or NotSupportedException or ArgumentException or InvalidOperationException or UnauthorizedAccessException
        or System.Text.DecoderFallbackException or FormatException or OverflowException;

    /// <summary>The exception's message as a plain reason, with the unsupported compression named.</summary>
    internal static string Reason(Exception e)
    {
        string message = e.Message.TrimEnd('.');
        if (message.Contains("compression method", StringComparison.OrdinalIgnoreCase))
            return "a part is compressed with a method the reader does not support; save the workbook again in Excel or LibreOffice";
        return message;
    }

    public bool HasSheet(string name) => _sheets.ContainsKey(name);

    /// <summary>Whether the workbook's date serials count from 1904 (<see cref="WorkbookDates"/>).</summary>
    public bool Date1904 => _package.Date1904;

    private readonly Dictionary<string, List<CellRange>> _merged = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The merged ranges of a sheet (its &lt;mergeCells&gt;), known once <see cref="ReadRows"/> has read the sheet to its end.</summary>
    public IReadOnlyList<CellRange> MergedRanges(string sheetName) => _merged.TryGetValue(sheetName, out var list) ? list : [];

    /// <summary>Streams the non-empty rows of a sheet: (row number, cells by 1-based column).</summary>
    /// <remarks>
    /// Every helper below leaves the reader on the node after the element it consumed,
    /// so loops advance with <c>Read()</c> only when they consumed nothing.
    /// </remarks>
    /// <exception cref="InputException">The sheet (or the shared strings) cannot be read: malformed XML, a limit passed, a damaged zip entry; the problem names the sheet and the part.</exception>
    public IEnumerable<SheetRow> ReadRows(string sheetName)
    {
        using var rows = ReadRowsUnguarded(sheetName).GetEnumerator();
        while (true)
        {
            bool more;
            try { more = rows.MoveNext(); }
            catch (LimitException e) { throw new InputException(Problem.AtSheet(sheetName, $"{e.Message} ({e.Part})")); }
            catch (Exception e) when (IsInputFault(e))
            {
                throw new InputException(Problem.AtSheet(sheetName, $"the sheet cannot be read: {Reason(e)} ({_sheets[sheetName]})"));
            }
            if (!more) yield break;
            yield return rows.Current;
        }
    }

    private IEnumerable<SheetRow> ReadRowsUnguarded(string sheetName)
    {
        string partName = _sheets[sheetName];
        string[] shared = SharedStrings();
        using var stream = _package.OpenPart(partName);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        int lastRow = 0;
        var merged = new List<CellRange>();
        _merged[sheetName] = merged;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "mergeCell")
            {
                // <mergeCells> follows <sheetData>: known once the rows are read.
                if (CellRange.TryParse(reader.GetAttribute("ref"), out var range))
                {
                    if (merged.Count >= MaxMergedRanges) throw new LimitException(partName, $"it has more than {MaxMergedRanges:N0} merged ranges");
                    merged.Add(range);
                }
                reader.Read();
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") { reader.Read(); continue; }
            if (reader.NamespaceURI != SpreadsheetNamespace && reader.NamespaceURI != StrictNamespace)
                throw new LimitException(partName, $"its rows are in the XML namespace '{reader.NamespaceURI}', not the spreadsheet's");
            int rowNumber = lastRow + 1;
            if (reader.GetAttribute("r") is { } r)
            {
                if (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed < 1 || parsed > MaxRow)
                    throw new LimitException(partName, $"a row is numbered '{Quote(r)}' (r attribute), which is not a row number from 1 to {MaxRow:N0}");
                if (parsed <= lastRow)
                    throw new LimitException(partName, $"row {parsed} comes after row {lastRow} (r attributes out of order)");
                rowNumber = parsed;
            }
            if (rowNumber > MaxRow) throw new LimitException(partName, $"it has more than {MaxRow:N0} rows");
            lastRow = rowNumber;
            var cells = new RowCells();
            int lastColumn = 0; // cells may omit "r": each then follows the previous one
            ForEachChild(reader, () =>
            {
                if (reader.LocalName != "c") { reader.Skip(); return; }
                int column = lastColumn + 1;
                if (reader.GetAttribute("r") is { } cr)
                {
                    if (!CellRef.TryParse(cr, out var cellRef) || cellRef.Column > MaxColumn || cellRef.Row != rowNumber)
                        throw new LimitException(partName, $"row {rowNumber} has a cell named '{Quote(cr)}', which is not a cell of that row");
                    column = cellRef.Column;
                }
                if (column > MaxColumn) throw new LimitException(partName, $"row {rowNumber} has more than {MaxColumn:N0} columns");
                lastColumn = column;
                var cell = ReadCell(reader, shared, _sharedStringProblems, partName);
                if (!cell.IsBlank)
                {
                    if (++_cells > MaxCells) throw new LimitException(partName, $"the workbook has more than {MaxCells:N0} non-blank cells");
                    cells.Set(column, cell);
                }
            });
            if (cells.Count > 0) yield return new SheetRow(rowNumber, cells);
        }
    }

    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    internal static readonly XmlReaderSettings ReaderSettings = new()
    {
        IgnoreComments = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
    };

    /// <summary>Text from the file for a message: quoted with control characters made visible, cut when long.</summary>
    internal static string Quote(string text) => Problem.Visible(text.Length > 40 ? text[..40] + "…" : text);

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

    private static RawCell ReadCell(XmlReader reader, string[] shared, Dictionary<int, string> sharedProblems, string partName)
    {
        string type = reader.GetAttribute("t") ?? "n";
        string? value = null, inline = null;
        bool hasFormula = false;
        ForEachChild(reader, () =>
        {
            switch (reader.LocalName)
            {
                case "f": hasFormula = true; reader.Skip(); break;
                case "v": value = DecodeEscapes(reader.ReadElementContentAsString()); break;
                case "is": inline = ReadRichText(reader, partName); break;
                default: reader.Skip(); break;
            }
        });

        if (type == "inlineStr") return TextCell(inline ?? value ?? "");
        if (value is null)
            return hasFormula ? new RawCell(CellKind.MissingCachedValue) : RawCell.Blank;
        switch (type)
        {
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= shared.Length)
                    return new RawCell(CellKind.Invalid, $"the cell names shared string '{Quote(value)}', which the workbook does not have");
                return sharedProblems.TryGetValue(index, out string? problem) ? new RawCell(CellKind.Invalid, problem) : new RawCell(CellKind.Text, shared[index]);
            case "str": return TextCell(value);
            case "b":
                return value.Trim() switch
                {
                    "1" => new RawCell(CellKind.Boolean, value, 1),
                    "0" => new RawCell(CellKind.Boolean, value, 0),
                    _ => new RawCell(CellKind.Invalid, $"the TRUE/FALSE cell holds '{Quote(value)}', which is neither 1 (TRUE) nor 0 (FALSE)"),
                };
            case "e": return new RawCell(CellKind.Error, value);
            case "d": return new RawCell(CellKind.IsoDate, value);
            default:
                // A calculated formula whose result is text is stored as t="str" (an empty result too):
                // a number cell with a formula and an empty value was never calculated (what openpyxl writes).
                if (value.Length == 0) return hasFormula ? new RawCell(CellKind.MissingCachedValue) : RawCell.Blank;
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                    return TextCell(value);
                if (!double.IsFinite(number)) return new RawCell(CellKind.Invalid, $"the cell holds '{Quote(value)}', which is not a finite number");
                return new RawCell(CellKind.Number, value, number == 0 ? 0 : number); // -0 is 0
        }
    }

    /// <summary>A text cell, or the problem no cell can have its text (<see cref="TextProblem"/>), the same for inline and shared strings.</summary>
    private static RawCell TextCell(string text) => TextProblem(text) is { } problem ? new RawCell(CellKind.Invalid, problem) : new RawCell(CellKind.Text, text);

    /// <summary>
    /// Why a cell cannot hold a text, as Excel could not: longer than <see cref="MaxCellText"/>, or
    /// holding a lone surrogate (only an <c>_xD800_</c> escape can put one there; written out it
    /// would silently become U+FFFD). Null when the text is fine.
    /// </summary>
    internal static string? TextProblem(string text)
    {
        if (text.Length > MaxCellText) return $"the cell holds more than {MaxCellText:N0} characters (Excel's limit for a cell); shorten the text";
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i]))
                return $"the cell holds an invalid character (a lone surrogate, _x{((int)text[i]).ToString("X4", CultureInfo.InvariantCulture)}_); retype the text";
        }
        return null;
    }

    /// <summary>Concatenates the text runs of a rich-text element, leaving out phonetic guides.</summary>
    private static string ReadRichText(XmlReader reader, string partName)
    {
        var text = new System.Text.StringBuilder();
        void Visit()
        {
            if (reader.Depth > MaxXmlDepth) throw new LimitException(partName, $"its XML is nested more than {MaxXmlDepth} levels deep");
            switch (reader.LocalName)
            {
                case "t": text.Append(reader.ReadElementContentAsString()); break;
                case "r": ForEachChild(reader, Visit); break;
                default: reader.Skip(); break; // rPh, phoneticPr, rPr
            }
            // Beyond Excel's limit the cell is refused (TextProblem): what follows is read but not kept.
            if (text.Length > MaxCellText + 1) text.Length = MaxCellText + 1;
        }
        ForEachChild(reader, Visit);
        return DecodeEscapes(text.ToString());
    }

    /// <summary>Excel writes characters XML cannot hold as <c>_xHHHH_</c> (and a literal "_x" as <c>_x005F_x</c>); decoded here.</summary>
    internal static string DecodeEscapes(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal)) return text;
        return EscapePattern().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial System.Text.RegularExpressions.Regex EscapePattern();

    private string[] SharedStrings()
    {
        if (_sharedStrings is not null) return _sharedStrings;
        var list = new List<string>();
        if (_package.SharedStringsPart is { } partName)
        {
            // One problem at the part, not one per sheet that refers to it.
            if (_package.IsEmpty(partName)) throw new LimitException(partName, "the shared strings part is empty; open and save the workbook in Excel or LibreOffice");
            using var stream = _package.OpenPart(partName);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            try
            {
                while (!reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
                    {
                        if (list.Count >= MaxSharedStrings) throw new LimitException(partName, $"it holds more than {MaxSharedStrings:N0} shared strings");
                        string text = ReadRichText(reader, partName);
                        if (TextProblem(text) is { } problem) _sharedStringProblems[list.Count] = problem;
                        list.Add(text);
                    }
                    else reader.Read();
                }
            }
            catch (XmlException e)
            {
                throw new LimitException(partName, $"the shared strings' XML is malformed ({e.Message.TrimEnd('.')}); open and save the workbook in Excel or LibreOffice");
            }
        }
        return _sharedStrings = [.. list];
    }

    public void Dispose() => _package.Dispose();
}

/// <summary>A part of a package passes one of the limits (or is malformed in a way the reader names).</summary>
internal sealed class LimitException(string part, string message) : Exception(message)
{
    public string Part { get; } = part;
}

/// <summary>A read-only stream that refuses to give more than a number of bytes: a part may not inflate beyond the limit.</summary>
internal sealed class LimitedStream(Stream inner, long limit, string part) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        _read += n;
        if (_read > limit) throw new LimitException(part, $"the part is larger than {limit / (1024 * 1024):N0} MB uncompressed (the limit)");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
