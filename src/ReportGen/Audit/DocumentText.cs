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

    public static IReadOnlyList<KeyedParagraph> FromDocx(string path)
    {
        ReaderGuard.VerifyDocx(path);
        using var doc = WordprocessingDocument.Open(path, false);
        var body = doc.MainDocumentPart?.Document.Body ?? throw new InvalidDataException($"{Path.GetFileName(path)}: no document body");
        var result = new List<KeyedParagraph>();
        int paragraph = 0, table = 0, other = 0, masthead = 0;
        string annex = "";
        var subCounters = new Dictionary<(int NumId, int Level), int>();
        string lastSubLabel = "";
        var keys = new HashSet<string>();
        void Add(string key, string text)
        {
            if (text.Trim().Length == 0) return;
            string unique = key;
            for (int i = 2; !keys.Add(unique); i++) unique = $"{key} #{i}";
            result.Add(new KeyedParagraph(unique, text.Trim()));
        }
        foreach (var element in body.Elements())
        {
            if (element is Table t)
            {
                table++;
                int row = 0;
                foreach (var tr in t.Elements<TableRow>())
                    Add(table == 1 && annex.Length == 0 && paragraph == 0 ? $"masthead, row {++row}" : $"{annex}table {table}, row {++row}",
                        string.Join(" | ", tr.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => TextOf(p))))));
                continue;
            }
            if (element is not Paragraph p) continue;
            string style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
            var numbering = p.ParagraphProperties?.NumberingProperties;
            int? numId = numbering?.NumberingId?.Val?.Value;
            int level = numbering?.NumberingLevelReference?.Val?.Value ?? 0;
            string text = TextOf(p);
            switch (style)
            {
                case "AnnexLabel":
                    annex = text.Trim() + ", ";
                    table = 0;
                    Add(annex + "label", text);
                    break;
                case "Heading1" or "Heading2" or "Heading3" or "AnnexTitle" or "ChartTitle":
                    Add($"{annex}heading {text.Split('\t')[0]}", text.Replace('\t', ' '));
                    break;
                case "MastheadUN" or "MastheadOrgan" or "MastheadDistr" or "MastheadLine":
                    // The masthead's name and symbol, organ and distribution lines (paragraphs, not a table).
                    Add($"masthead, part {++masthead}", text.Replace('\t', ' '));
                    break;
                case "Body" when numId == 1:
                    paragraph++;
                    Add(paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
                    break;
                case "SubItem1" or "SubItem2" when numId is int id:
                    int n = subCounters[(id, level)] = subCounters.GetValueOrDefault((id, level)) + 1;
                    if (level == 0) foreach (var k in subCounters.Keys.Where(k => k.NumId == id && k.Level > 0).ToList()) subCounters[k] = 0;
                    string label = level == 0 ? $"({Document.Numbering.Letter(n)})" : $"({Document.Numbering.Roman(n).ToLowerInvariant()})";
                    lastSubLabel = level == 0 ? $"{paragraph} {label}" : $"{lastSubLabel.Split(' ')[0]} {lastSubLabel.Split(' ').ElementAtOrDefault(1)} {label}";
                    Add(lastSubLabel, text);
                    break;
                default:
                    Add(paragraph == 0 && annex.Length == 0 ? $"masthead, line {++other}" : $"{annex}text {++other}", text);
                    break;
            }
        }
        return result;
    }
}
