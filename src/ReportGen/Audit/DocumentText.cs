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
        catch (Exception e) when (e is not (InputException or OutOfMemoryException or InsufficientExecutionStackException))
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
    /// The most characters of text diff reads from one part of a Word document (a report holds about
    /// 100,000): the text is gathered in memory, so a larger part is refused, not read on.
    /// </summary>
    public const int MaxTextCharsPerPart = 16 * 1024 * 1024;

    /// <summary>The key of text after the document's closing line (rgn_end): no anchor of ReportGen's, yet the document's text (a paragraph added at the end).</summary>
    public const string AfterTheEnd = "text after the end";

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// The Word file's text keyed by the anchors its bookmarks carry (<see cref="Document.Anchors"/>):
    /// each anchor's text runs from its bookmark to the next one, in the body and then in the
    /// footnotes. Labels Word numbers itself (paragraph numbers, sub-item letters) are not text, and
    /// text before a paragraph's anchor (a heading's number) is its label, left out as the PDF
    /// reader leaves out its labels. Nothing depends on style ids or numbering ids, so a file that
    /// Word or LibreOffice opened and saved reads the same. Each part is streamed (never held as a
    /// tree: a 200 MB part would take gigabytes), and its text is capped at <see cref="MaxTextCharsPerPart"/>.
    /// </summary>
    public static IReadOnlyList<KeyedParagraph> FromDocx(string path)
    {
        ReaderGuard.VerifyDocx(path);
        using var doc = WordprocessingDocument.Open(path, false);
        var main = doc.MainDocumentPart ?? throw new InvalidDataException($"{Path.GetFileName(path)}: no document body");
        var regions = new AnchoredText();
        var cells = new RowCells();
        int autoMarks = 0;
        if (!Read(path, main, regions, cells, ref autoMarks, body: true)) throw new InvalidDataException($"{Path.GetFileName(path)}: no document body");
        if (main.FootnotesPart is { } footnotes)
        {
            regions.Start(null);
            Read(path, footnotes, regions, cells, ref autoMarks, body: false);
        }
        return cells.Into(regions.Result());
    }

    /// <summary>A paragraph being read: its text so far, whether an anchor started in it, and its table cell (if it is a cell's).</summary>
    private sealed class OpenParagraph(int cellIndex, bool header, bool inCell)
    {
        public readonly System.Text.StringBuilder Text = new();
        public bool Anchored;
        public readonly int CellIndex = cellIndex;
        public readonly bool Header = header, InCell = inCell;
    }

    /// <summary>A table row being read: how many of its cells have started, and whether it repeats as a header row.</summary>
    private sealed class OpenRow
    {
        public int Cells = -1;
        public bool Header;
    }

    /// <summary>Reads one part's paragraphs into the regions; false when the part has no w:body (main part) or w:footnotes root.</summary>
    private static bool Read(string path, OpenXmlPart part, AnchoredText regions, RowCells cells, ref int autoMarks, bool body)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false });
        var elements = new Stack<string>(); // local names of the open w: elements (others as "")
        var rows = new Stack<OpenRow>();
        var paragraphs = new Stack<OpenParagraph>();
        bool rootFound = false, afterNoText = false;
        long chars = 0;
        string partName = part.Uri.OriginalString.TrimStart('/');
        while (reader.Read())
        {
            if (reader.NodeType == System.Xml.XmlNodeType.EndElement)
            {
                string ended = elements.Pop();
                if (ended == "tr") rows.Pop();
                else if (ended == "p") EndParagraph();
                continue;
            }
            if (reader.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace
                && elements.TryPeek(out var inside) && inside == "t" && paragraphs.TryPeek(out var open))
            {
                chars += reader.Value.Length;
                if (chars > MaxTextCharsPerPart)
                    throw new InputException(new Problem($"{Path.GetFileName(path)} ({partName})", $"holds more than {MaxTextCharsPerPart:N0} characters of text, more than diff reads of one part " +
                        "(a report holds about 100,000); it is not a document ReportGen made: diff the documents of a build"));
                open.Text.Append(reader.Value);
                continue;
            }
            if (reader.NodeType != System.Xml.XmlNodeType.Element) continue;
            string name = reader.NamespaceURI == W ? reader.LocalName : "";
            string parent = elements.TryPeek(out var p) ? p : "";
            bool empty = reader.IsEmptyElement;
            if (!empty) elements.Push(name);
            switch (name)
            {
                case "body" or "footnotes": rootFound = true; break;
                case "tr": if (!empty) rows.Push(new OpenRow()); break;
                case "tblHeader" when rows.TryPeek(out var row) && parent == "trPr": row.Header = true; break;
                case "tc" when rows.TryPeek(out var row): row.Cells++; break;
                case "p":
                    // The text after the closing line (rgn_end) is not the closing line's: a paragraph of its own, the document's text.
                    if (body && afterNoText && regions.Current is null) regions.Start(AfterTheEnd);
                    var cellRow = parent == "tc" && rows.TryPeek(out var r) ? r : null;
                    paragraphs.Push(new OpenParagraph(cellRow?.Cells ?? -1, cellRow?.Header ?? false, cellRow is not null));
                    if (empty) EndParagraph();
                    break;
                case "bookmarkStart" when paragraphs.TryPeek(out var bp) && reader.GetAttribute("name", W) is { } bookmark && Document.Anchors.IsRegionName(bookmark):
                    // Text before a paragraph's first anchor is its label; text before a later one, or
                    // before a drawing's start, belongs to the region before.
                    bool drawing = Document.Anchors.Decode(bookmark) is null;
                    if (bp.Anchored || drawing) regions.Append(Typesetting.MixedSpacing.FromWord(bp.Text.ToString()));
                    bp.Text.Clear();
                    bp.Anchored |= !drawing;
                    regions.Start(Document.Anchors.RegionOf(bookmark));
                    afterNoText = bookmark.StartsWith(Document.Anchors.NoTextPrefix, StringComparison.Ordinal);
                    break;
                case "noBreakHyphen" when paragraphs.TryPeek(out var hp): hp.Text.Append('-'); break;
                case "tab" when parent == "r" && paragraphs.TryPeek(out var tp): tp.Text.Append(' '); break;
                case "br" when paragraphs.TryPeek(out var brp): brp.Text.Append('\n'); break;
                case "footnoteReference" when paragraphs.TryPeek(out var fp) && !IsOn(reader.GetAttribute("customMarkFollows", W)):
                    fp.Text.Append((++autoMarks).ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        return rootFound;

        void EndParagraph()
        {
            var paragraph = paragraphs.Pop();
            // The Word text has no spaces between Han and Latin and joiners (Typesetting.MixedSpacing): read as the model has it.
            string read = Typesetting.MixedSpacing.FromWord(paragraph.Text.ToString());
            regions.Append(read);
            if (paragraph.InCell && regions.Current is { } anchor) cells.Append(anchor, paragraph.CellIndex, paragraph.Header, read, newLine: true);
            regions.EndParagraph();
        }
    }

    /// <summary>An OOXML on/off attribute: absent or "false"/"0"/"off" is off.</summary>
    private static bool IsOn(string? value) => value is not null && value is not ("false" or "0" or "off");
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
