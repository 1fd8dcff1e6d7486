using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Audit;

/// <summary>A paragraph of an output read back: a stable key ("8", "8 (a)", "heading III.", "table 2, row 5") and its text.</summary>
public sealed record KeyedParagraph(string Key, string Text);

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
    /// (&lt;w:noBreakHyphen/&gt;, as in UN-Habitat) read as the hyphen it shows.
    /// </summary>
    public static string TextOf(DocumentFormat.OpenXml.OpenXmlElement element)
    {
        if (!element.Descendants<NoBreakHyphen>().Any()) return element.InnerText;
        var text = new System.Text.StringBuilder();
        foreach (var e in element.Descendants())
        {
            if (e is Text t) text.Append(t.Text);
            else if (e is NoBreakHyphen) text.Append('-');
        }
        return text.ToString();
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
        int autoMarks = 0;
        Read(body, regions, ref autoMarks);
        if (doc.MainDocumentPart!.FootnotesPart?.Footnotes is { } footnotes)
        {
            regions.Start(null);
            Read(footnotes, regions, ref autoMarks);
        }
        return regions.Result();
    }

    private static void Read(DocumentFormat.OpenXml.OpenXmlElement root, AnchoredText regions, ref int autoMarks)
    {
        foreach (var p in root.Descendants<Paragraph>())
        {
            var text = new System.Text.StringBuilder();
            bool anchored = false;
            foreach (var e in p.Descendants())
                switch (e)
                {
                    case BookmarkStart b when b.Name?.Value is { } name && Document.Anchors.IsRegionName(name):
                        // Text before a paragraph's first anchor is its label; text before a later one, or
                        // before a drawing's start, belongs to the region before.
                        bool drawing = Document.Anchors.Decode(name) is null;
                        if (anchored || drawing) regions.Append(text.ToString());
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
            regions.Append(text.ToString());
            regions.EndParagraph();
        }
    }
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
    private bool _paragraphEnded;

    public void Start(string? anchor)
    {
        _paragraphEnded = false;
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
