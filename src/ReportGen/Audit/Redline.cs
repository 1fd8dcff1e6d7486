using DiffPlex;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Audit;

/// <summary>
/// A redline: the later build's Word document with the changes from the earlier one as tracked
/// revisions (w:ins, w:del by "ReportGen", dated with the later build's date), which Word and
/// LibreOffice list as revisions to accept or reject. Accepting all gives the later document's
/// text, rejecting all the earlier one's. The document is the later one, styles, numbering,
/// bookmarks, footnotes and charts and all; only its text carries the marks. Paragraphs are
/// paired by a paragraph-level diff of the two documents' text, and a changed paragraph is
/// marked sentence by sentence (<see cref="SentenceDiff"/>), as `diff` shows it.
/// </summary>
public static class Redline
{
    public const string Author = "ReportGen";

    /// <summary>The redline of <paramref name="newDocx"/> against <paramref name="oldDocx"/>, its revisions dated <paramref name="date"/>.</summary>
    public static byte[] Write(string oldDocx, string newDocx, DateOnly date)
    {
        ReaderGuard.VerifyDocx(oldDocx);
        ReaderGuard.VerifyDocx(newDocx);
        List<Paragraph> oldParagraphs;
        using var oldDocument = WordprocessingDocument.Open(oldDocx, false);
        oldParagraphs = Body(oldDocument, oldDocx).Descendants<Paragraph>().ToList();

        var buffer = new MemoryStream();
        buffer.Write(File.ReadAllBytes(newDocx));
        using (var document = WordprocessingDocument.Open(buffer, true))
        {
            var body = Body(document, newDocx);
            var marks = new Marks(date, body.Descendants<BookmarkStart>().Select(b => int.TryParse(b.Id?.Value, out int id) ? id : 0).DefaultIfEmpty(0).Max() + 1);
            var newParagraphs = body.Descendants<Paragraph>().ToList();
            var oldTexts = oldParagraphs.Select(DocumentText.TextOf).ToList();
            var newTexts = newParagraphs.Select(DocumentText.TextOf).ToList();

            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            string Lines(List<string> texts) => string.Join("\n", texts.Select(t => ids.TryGetValue(t, out int id) ? id : ids[t] = ids.Count));
            var blocks = new Differ().CreateLineDiffs(Lines(oldTexts), Lines(newTexts), false).DiffBlocks;
            foreach (var block in blocks)
            {
                // Within a changed stretch, a paragraph is paired with the earlier one it resembles (in order); the rest were added or removed.
                var pairs = Pair(oldTexts.GetRange(block.DeleteStartA, block.DeleteCountA), newTexts.GetRange(block.InsertStartB, block.InsertCountB));
                OpenXmlElement? anchor = block.InsertStartB > 0 ? newParagraphs[block.InsertStartB - 1] : null;
                int ia = 0, jb = 0;
                foreach (var (pi, pj) in pairs.Append((block.DeleteCountA, block.InsertCountB)))
                {
                    // Paragraphs only in the earlier document go back in as deleted ones, after the paragraph before them.
                    for (; ia < pi; ia++)
                    {
                        var deleted = Deleted(oldParagraphs[block.DeleteStartA + ia], marks);
                        if (anchor is not null) anchor.InsertAfterSelf(deleted);
                        else if (newParagraphs.Count > 0) newParagraphs[0].InsertBeforeSelf(deleted);
                        else body.AppendChild(deleted);
                        anchor = deleted;
                    }
                    for (; jb < pj; jb++)
                    {
                        MarkInserted(newParagraphs[block.InsertStartB + jb], marks);
                        anchor = newParagraphs[block.InsertStartB + jb];
                    }
                    if (pi < block.DeleteCountA)
                    {
                        var paragraph = newParagraphs[block.InsertStartB + pj];
                        MarkChanged(paragraph, oldTexts[block.DeleteStartA + pi], newTexts[block.InsertStartB + pj], marks);
                        anchor = paragraph;
                        ia = pi + 1;
                        jb = pj + 1;
                    }
                }
            }
            document.MainDocumentPart!.Document.Save();
        }
        return Packaging.DeterministicZip.Normalize(buffer.ToArray());
    }

    /// <summary>Pairs of (earlier, later) paragraphs, in order, that share at least half their words (Chinese: characters).</summary>
    private static List<(int Old, int New)> Pair(List<string> olds, List<string> news)
    {
        var pairs = new List<(int, int)>();
        int from = 0;
        for (int j = 0; j < news.Count; j++)
        {
            int best = -1;
            double bestScore = 0.5;
            for (int i = from; i < olds.Count; i++)
                if (Similarity(olds[i], news[j]) is var score && score >= bestScore && (best < 0 || score > bestScore)) (best, bestScore) = (i, score);
            if (best < 0) continue;
            pairs.Add((best, j));
            from = best + 1;
        }
        return pairs;
    }

    /// <summary>2 × the tokens two texts share ÷ the tokens of both (1: the same tokens; 0: none in common).</summary>
    private static double Similarity(string a, string b)
    {
        static List<string> Tokens(string t) => SentenceDiff.IsChinese(t)
            ? t.Where(c => !char.IsWhiteSpace(c)).Select(c => c.ToString()).ToList()
            : t.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var ta = Tokens(a);
        var tb = Tokens(b);
        if (ta.Count + tb.Count == 0) return 1;
        var counts = ta.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int common = 0;
        foreach (string t in tb)
            if (counts.TryGetValue(t, out int n) && n > 0) { counts[t] = n - 1; common++; }
        return 2.0 * common / (ta.Count + tb.Count);
    }

    private static Body Body(WordprocessingDocument document, string path) =>
        document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException($"{Path.GetFileName(path)}: no document body");

    /// <summary>Revision marks: the author, the date and ids that follow the bookmarks' (one id space for all annotations).</summary>
    private sealed class Marks(DateOnly date, int firstId)
    {
        private int _next = firstId;
        private readonly DateTime _date = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        private string Id() => (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public InsertedRun Insertion() => new() { Author = Author, Date = _date, Id = Id() };

        public DeletedRun Deletion() => new() { Author = Author, Date = _date, Id = Id() };

        public Inserted ParagraphMarkInserted() => new() { Author = Author, Date = _date, Id = Id() };

        public Deleted ParagraphMarkDeleted() => new() { Author = Author, Date = _date, Id = Id() };
    }

    /// <summary>A run cut to one child (text, tab, hyphen, note reference…), where it starts in the paragraph's text and how long it is.</summary>
    private sealed record Segment(Run Run, int Start, int Length);

    /// <summary>Marks the changes in a paragraph both documents have: the removed text as deletions, the new text's runs as insertions.</summary>
    private static void MarkChanged(Paragraph paragraph, string oldText, string newText, Marks marks)
    {
        var pieces = SentenceDiff.Pieces(oldText, newText);
        // Where each piece starts and ends in the new text; removed text sits at a point of it.
        var cuts = new SortedSet<int>();
        var added = new List<(int Start, int End)>();
        var removed = new List<(int At, string Text)>();
        int position = 0;
        foreach (var piece in pieces)
        {
            cuts.Add(position);
            if (piece.Op == "removed") { removed.Add((position, piece.Text)); continue; }
            if (piece.Op == "added") added.Add((position, position + piece.Text.Length));
            position += piece.Text.Length;
        }
        if (position != newText.Length) throw new InvalidOperationException("the sentence diff does not cover the paragraph's text");
        var segments = Segments(paragraph, cuts);
        foreach (var s in segments.Where(s => s.Length > 0 && added.Any(a => s.Start >= a.Start && s.Start < a.End)))
            Wrap(s.Run, marks);
        foreach (var (at, text) in removed)
        {
            // Before the text that starts where it was; at the end, after the last text.
            var next = segments.FirstOrDefault(s => s.Length > 0 && s.Start >= at);
            var previous = segments.LastOrDefault(s => s.Length > 0 && s.Start < at);
            var style = (next ?? previous)?.Run.RunProperties;
            var deletion = marks.Deletion();
            deletion.AppendChild(DeletedTextRun(style, text));
            if (next is not null) Outer(next.Run).InsertBeforeSelf(deletion);
            else if (previous is not null) Outer(previous.Run).InsertAfterSelf(deletion);
            else paragraph.AppendChild(deletion);
        }
    }

    /// <summary>A paragraph only the later document has: every run inserted, and its paragraph mark.</summary>
    private static void MarkInserted(Paragraph paragraph, Marks marks)
    {
        foreach (var run in paragraph.Descendants<Run>().ToList()) Wrap(run, marks);
        MarkParagraph(paragraph, marks.ParagraphMarkInserted());
    }

    /// <summary>A paragraph only the earlier document has, as a deleted one: its text and style, without its bookmarks, notes or drawings (which belong to the other file).</summary>
    private static Paragraph Deleted(Paragraph old, Marks marks)
    {
        var paragraph = (Paragraph)old.CloneNode(true);
        foreach (var e in paragraph.Descendants().Where(e => e is BookmarkStart or BookmarkEnd or FootnoteReference or EndnoteReference or Drawing).ToList()) e.Remove();
        foreach (var run in paragraph.Descendants<Run>().ToList())
        {
            foreach (var text in run.Elements<Text>().ToList())
                run.ReplaceChild(new DeletedText(text.Text) { Space = SpaceProcessingModeValues.Preserve }, text);
            if (!run.ChildElements.Any(c => c is not RunProperties)) { run.Remove(); continue; }
            var deletion = marks.Deletion();
            run.InsertBeforeSelf(deletion);
            run.Remove();
            deletion.AppendChild(run);
        }
        MarkParagraph(paragraph, marks.ParagraphMarkDeleted());
        return paragraph;
    }

    private static void MarkParagraph(Paragraph paragraph, OpenXmlElement mark)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        var runProperties = properties.ParagraphMarkRunProperties;
        if (runProperties is null)
        {
            runProperties = new ParagraphMarkRunProperties();
            // The mark's run properties come before a section break and a properties change in w:pPr.
            if (properties.GetFirstChild<SectionProperties>() is { } section) section.InsertBeforeSelf(runProperties);
            else properties.AppendChild(runProperties);
        }
        runProperties.PrependChild(mark);
    }

    private static Run DeletedTextRun(RunProperties? style, string text)
    {
        var run = new Run();
        if (style is not null) run.AppendChild(style.CloneNode(true));
        run.AppendChild(new DeletedText(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>Moves a run into an insertion, joining the insertion just before it when there is one.</summary>
    private static void Wrap(Run run, Marks marks)
    {
        if (run.PreviousSibling() is InsertedRun before) { run.Remove(); before.AppendChild(run); return; }
        var insertion = marks.Insertion();
        run.InsertBeforeSelf(insertion);
        run.Remove();
        insertion.AppendChild(run);
    }

    private static OpenXmlElement Outer(Run run) => run.Parent is InsertedRun insertion ? insertion : run;

    /// <summary>
    /// Cuts the paragraph's runs into runs of one child each, the texts also at the cut points,
    /// in place (each keeps its run properties); the text counted as <see cref="DocumentText.TextOf"/> counts it.
    /// </summary>
    private static List<Segment> Segments(Paragraph paragraph, SortedSet<int> cuts)
    {
        var segments = new List<Segment>();
        int position = 0;
        foreach (var run in paragraph.Descendants<Run>().ToList())
        {
            var properties = run.RunProperties;
            Run Piece(OpenXmlElement child)
            {
                var piece = new Run();
                if (properties is not null) piece.AppendChild(properties.CloneNode(true));
                piece.AppendChild(child);
                run.InsertBeforeSelf(piece);
                return piece;
            }
            foreach (var child in run.ChildElements.Where(c => c is not RunProperties).ToList())
            {
                if (child is Text text)
                {
                    string value = text.Text;
                    int from = 0;
                    var inside = value.Length > 1 ? cuts.GetViewBetween(position + 1, position + value.Length - 1) : new SortedSet<int>();
                    foreach (int cut in inside.Append(position + value.Length))
                    {
                        string part = value[from..(cut - position)];
                        segments.Add(new Segment(Piece(new Text(part) { Space = SpaceProcessingModeValues.Preserve }), position + from, part.Length));
                        from = cut - position;
                    }
                    position += value.Length;
                }
                else
                {
                    int length = child is NoBreakHyphen ? 1 : 0;
                    segments.Add(new Segment(Piece(child.CloneNode(true)), position, length));
                    position += length;
                }
            }
            run.Remove();
        }
        return segments;
    }
}
