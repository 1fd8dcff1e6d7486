using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Audit;

/// <summary>A paragraph of an output read back: a stable key ("8", "8 (a)", "heading III.", "table 2, row 5") and its text.</summary>
public sealed record KeyedParagraph(string Key, string Text)
{
    /// <summary>For a table row, its cells' texts in the row's order (spaces as one space); null for any other paragraph, or when the cells cannot be told apart.</summary>
    public IReadOnlyList<string>? Cells { get; init; }

    /// <summary>Whether the row is a header row (its cells head their columns).</summary>
    public bool Header { get; init; }

    /// <summary>Equal when key, text, header and every cell are: a record would compare the cells' list by reference.</summary>
    public bool Equals(KeyedParagraph? other) => other is not null && Key == other.Key && Text == other.Text && Header == other.Header
        && (Cells is null ? other.Cells is null : other.Cells is not null && Cells.SequenceEqual(other.Cells, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Key, Text, Header, Cells?.Count ?? -1);

    public override string ToString() => Cells is null ? $"{Key}: {Text}" : $"{Key}: {string.Join(" | ", Cells)}";

    /// <summary>The table anchor and row number of a table row's key ("annex-I-table-2-row-5" → "annex-I-table-2", 5); null for other keys.</summary>
    public static (string Table, int Row)? TableRow(string key)
    {
        int at = key.LastIndexOf("-row-", StringComparison.Ordinal);
        return at > 0 && int.TryParse(key.AsSpan(at + 5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int row)
            ? (key[..at], row) : null;
    }
}

/// <summary>
/// Reads the text of a produced document back, paragraph by paragraph, for comparisons: from
/// the Word file (paragraph numbers follow its numbering), or from the PDF with the PDF reader.
/// </summary>
public static class DocumentText
{
    /// <summary>The largest document diff reads.</summary>
    public const long MaxDocumentBytes = 200L * 1024 * 1024;

    /// <exception cref="InvalidDataException">The document cannot be read (damaged, or not what its name says); the message names it.</exception>
    public static IReadOnlyList<KeyedParagraph> Read(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".docx" or ".pdf")) throw new ArgumentException($"{Path.GetFileName(path)}: diff reads .docx and .pdf files");
        IO.FileSystem.RequireRegular(path, MaxDocumentBytes); // a FIFO named x.pdf is refused, never waited on
        try
        {
            return extension == ".docx" ? FromDocx(path) : PdfText.Paragraphs(path);
        }
        catch (Exception e) when (e is not (Workbook.InputException or OutOfMemoryException or InsufficientExecutionStackException))
        {
            // The readers (the Open XML SDK, PDFsharp) raise all kinds of exceptions, some plain
            // System.Exception, on a damaged or hostile document: each means "this file cannot be read".
            throw new InvalidDataException($"{Path.GetFileName(path)}: not a {extension[1..].ToUpperInvariant()} document diff can read ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>
    /// The text of a Word element as a reader sees it: InnerText, with each non-breaking hyphen
    /// (&lt;w:noBreakHyphen/&gt;, as in UN-Habitat) read as the hyphen it shows, and
    /// Chinese spaced as the document model has it (<see cref="Typesetting.MixedSpacing.FromWord"/>).
    /// </summary>
    public static string TextOf(DocumentFormat.OpenXml.OpenXmlElement element)
    {
        if (!element.Descendants<NoBreakHyphen>().Any()) return Typesetting.MixedSpacing.FromWord(element.InnerText);
        var text = new System.Text.StringBuilder();
        foreach (var e in element.Descendants())
        {
            if (e is Text t) text.Append(t.Text);
            else if (e is NoBreakHyphen) text.Append('-');
        }
        return Typesetting.MixedSpacing.FromWord(text.ToString());
    }

    /// <summary>
    /// The Word file's text keyed by the anchors its bookmarks carry (<see cref="Document.Anchors"/>):
    /// each anchor's text runs from its bookmark to the next one, in the body and then in the
    /// footnotes. Labels Word numbers itself (paragraph numbers, sub-item letters) are not text, and
    /// text before a paragraph's anchor (a heading's number) is its label, left out as the PDF
    /// reader leaves out its labels. Nothing depends on style ids or numbering ids, so a file that
    /// Word or LibreOffice opened and saved reads the same.
    /// </summary>
    public static IReadOnlyList<KeyedParagraph> FromDocx(string path)
    {
        ReaderGuard.VerifyDocx(path);
        using var doc = WordprocessingDocument.Open(path, false);
        var body = doc.MainDocumentPart?.Document.Body ?? throw new InvalidDataException($"{Path.GetFileName(path)}: no document body");
        var regions = new AnchoredText();
        var cells = new RowCells();
        int autoMarks = 0;
        Read(body, regions, cells, ref autoMarks);
        if (doc.MainDocumentPart!.FootnotesPart?.Footnotes is { } footnotes)
        {
            regions.Start(null);
            Read(footnotes, regions, cells, ref autoMarks);
        }
        return cells.Into(regions.Result());
    }

    private static void Read(DocumentFormat.OpenXml.OpenXmlElement root, AnchoredText regions, RowCells cells, ref int autoMarks)
    {
        foreach (var p in root.Descendants<Paragraph>())
        {
            // A paragraph of a table cell: its text is also the cell's (by its place in the row; a row marked to repeat is a header row).
            var cell = p.Parent as TableCell;
            var row = cell?.Parent as TableRow;
            int cellIndex = row is null ? -1 : row.Elements<TableCell>().TakeWhile(c => c != cell).Count();
            bool header = row?.TableRowProperties?.GetFirstChild<TableHeader>() is not null;
            var text = new System.Text.StringBuilder();
            bool anchored = false;
            foreach (var e in p.Descendants())
                switch (e)
                {
                    case BookmarkStart b when b.Name?.Value is { } name && Document.Anchors.IsRegionName(name):
                        // Text before a paragraph's first anchor is its label; text before a later one, or
                        // before a drawing's start, belongs to the region before.
                        bool drawing = Document.Anchors.Decode(name) is null;
                        if (anchored || drawing) regions.Append(Typesetting.MixedSpacing.FromWord(text.ToString()));
                        text.Clear();
                        anchored |= !drawing;
                        regions.Start(Document.Anchors.RegionOf(name));
                        break;
                    case Text t: text.Append(t.Text); break;
                    case NoBreakHyphen: text.Append('-'); break;
                    case TabChar: text.Append(' '); break;
                    case Break: text.Append('\n'); break;
                    case FootnoteReference r when r.CustomMarkFollows?.Value != true: text.Append((++autoMarks).ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                }
            // The Word text has no spaces between Han and Latin and joiners (Typesetting.MixedSpacing): read as the model has it.
            string read = Typesetting.MixedSpacing.FromWord(text.ToString());
            regions.Append(read);
            if (row is not null && regions.Current is { } anchor) cells.Append(anchor, cellIndex, header, read, newLine: true);
            regions.EndParagraph();
        }
    }
}

/// <summary>
/// The cells of table rows, gathered beside the regions' text by the rows' anchors: each cell's
/// text with its spaces as one space, and whether the row heads the table.
/// </summary>
internal sealed class RowCells
{
    private sealed class Row
    {
        public bool Header;
        public readonly SortedDictionary<int, System.Text.StringBuilder> Cells = [];
    }

    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);

    /// <param name="newLine">the text starts a line of its cell: a space before it (none between two Chinese characters)</param>
    /// <param name="joinHyphen">the line before ended with a hyphen the line breaker added: dropped, the word joined</param>
    public void Append(string anchor, int cell, bool header, string text, bool newLine, bool joinHyphen = false)
    {
        if (KeyedParagraph.TableRow(anchor) is null || text.Length == 0) return;
        if (!_rows.TryGetValue(anchor, out var row)) _rows[anchor] = row = new Row();
        row.Header |= header;
        if (!row.Cells.TryGetValue(cell, out var b)) row.Cells[cell] = b = new System.Text.StringBuilder();
        if (joinHyphen && b.Length > 0 && b[^1] == '-') b.Length--;
        else if (newLine && b.Length > 0 && !(Typesetting.Script.IsWide(b[^1]) && Typesetting.Script.IsWide(text[0]))) b.Append(' ');
        b.Append(text);
    }

    /// <summary>The paragraphs, each table row with its cells (a cell with no text is "").</summary>
    public IReadOnlyList<KeyedParagraph> Into(IReadOnlyList<KeyedParagraph> paragraphs) => paragraphs.Select(p => !_rows.TryGetValue(p.Key, out var row) ? p : p with
    {
        Cells = Enumerable.Range(0, row.Cells.Keys.Max() + 1).Select(i => Spaces(row.Cells.GetValueOrDefault(i)?.ToString() ?? "")).ToList(),
        Header = row.Header,
    }).ToList();

    private static string Spaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// Text gathered into regions, each named by an anchor, in the order anchors first appear;
/// text in a region with no anchor (a drawing's words, a running header) is dropped.
/// Paragraphs of one region are joined by a line break.
/// </summary>
internal sealed class AnchoredText
{
    private readonly Dictionary<string, System.Text.StringBuilder> _texts = [];
    private readonly List<string> _order = [];
    private System.Text.StringBuilder? _current;
    private string? _currentAnchor;
    private bool _paragraphEnded;

    /// <summary>The anchor of the region text goes to now; null when it is dropped.</summary>
    public string? Current => _currentAnchor;

    public void Start(string? anchor)
    {
        _paragraphEnded = false;
        _currentAnchor = anchor;
        if (anchor is null) { _current = null; return; }
        if (!_texts.TryGetValue(anchor, out _current))
        {
            _texts[anchor] = _current = new System.Text.StringBuilder();
            _order.Add(anchor);
        }
        else _paragraphEnded = true; // a region that goes on (a page's continuation) starts a new line
    }

    public void Append(string text)
    {
        if (_current is null || text.Length == 0) return;
        if (_paragraphEnded && _current.Length > 0) _current.Append('\n');
        _paragraphEnded = false;
        _current.Append(text);
    }

    public void EndParagraph() => _paragraphEnded = true;

    public IReadOnlyList<KeyedParagraph> Result() =>
        _order.Select(a => new KeyedParagraph(a, _texts[a].ToString().Trim())).Where(p => p.Text.Length > 0).ToList();
}
