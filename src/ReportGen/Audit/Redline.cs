using DiffPlex;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Audit;

/// <summary>
/// A redline: the later build's Word document with the changes from the earlier one as tracked
/// revisions (w:ins, w:del by "ReportGen", dated with the later build's date), which Word and
/// LibreOffice list as revisions to accept or reject. Accepting all gives the later document's
/// text, rejecting all the earlier one's. The document is the later one, styles, bookmarks,
/// footnotes and charts and all; its text carries the marks, in the body, the headers and
/// footers and the footnotes alike (each paired with its counterpart: a header or footer by its
/// section and kind, a footnote by its id). Paragraphs are paired by a paragraph-level diff of the
/// two documents' text, and a changed paragraph is marked sentence by sentence
/// (<see cref="SentenceDiff"/>), as `diff` shows it.
///
/// Paragraph numbers and sub-item letters are written as text (<see cref="ListLabels"/>), not
/// left to Word's numbering: LibreOffice (7.4) takes a numbered paragraph that holds a deletion
/// out of the list it shows, and so prints it as "[8.]" and every later paragraph as "8.[9.]",
/// as if a paragraph had gone. As text, a number is marked only where it changed (a paragraph
/// added or removed before it), and reads the same in every reader. A chart's values cannot carry
/// revisions (<see cref="RedlineCharts"/>): lines under the chart give the changed ones.
/// </summary>
public static class Redline
{
    public const string Author = "ReportGen";

    /// <summary>The redline of <paramref name="newDocx"/> against <paramref name="oldDocx"/>, its revisions dated <paramref name="date"/>.</summary>
    public static byte[] Write(string oldDocx, string newDocx, DateOnly date)
    {
        ReaderGuard.VerifyDocx(oldDocx);
        ReaderGuard.VerifyDocx(newDocx);
        using var oldDocument = WordprocessingDocument.Open(oldDocx, false);
        var oldBody = Body(oldDocument, oldDocx);
        var oldMain = oldDocument.MainDocumentPart!;

        var buffer = new MemoryStream();
        buffer.Write(File.ReadAllBytes(newDocx));
        using (var document = WordprocessingDocument.Open(buffer, true))
        {
            var body = Body(document, newDocx);
            var main = document.MainDocumentPart!;
            var notes = main.FootnotesPart?.Footnotes;
            var headersAndFooters = HeadersAndFooters(oldMain, oldBody, main, body).ToList();
            // Revision and bookmark ids share one space: they follow the highest bookmark id of every story.
            var stories = new OpenXmlElement[] { body }.Concat(headersAndFooters.Select(p => p.New)).Concat(notes is null ? [] : [notes]);
            var marks = new Marks(date, stories.SelectMany(s => s.Descendants<BookmarkStart>())
                .Select(b => int.TryParse(b.Id?.Value, out int id) ? id : 0).DefaultIfEmpty(0).Max() + 1);

            Story(oldBody, oldMain, body, main, body, marks);
            foreach (var (old, changed) in headersAndFooters) Story(old, oldMain, changed, main, changed, marks);
            if (notes is not null && oldMain.FootnotesPart?.Footnotes is { } oldNotes)
                foreach (var note in notes.Elements<Footnote>().ToList())
                    if (oldNotes.Elements<Footnote>().FirstOrDefault(n => n.Id?.Value == note.Id?.Value) is { } oldNote)
                        Story(oldNote, oldMain, note, main, note, marks);
            RedlineCharts.Mark(oldMain, oldBody, main, body, marks.NextId, marks.Deletion, marks.Insertion);

            main.Document.Save();
            foreach (var (_, changed) in headersAndFooters) ((OpenXmlPartRootElement)changed).Save();
            notes?.Save();
        }
        return Packaging.DeterministicZip.Normalize(buffer.ToArray());
    }

    /// <summary>The headers and footers of the later document with their counterparts in the earlier one: the same kind (first, even, default) of the same section; each part once.</summary>
    private static IEnumerable<(OpenXmlElement Old, OpenXmlElement New)> HeadersAndFooters(MainDocumentPart oldMain, Body oldBody, MainDocumentPart main, Body body)
    {
        var oldSections = oldBody.Descendants<SectionProperties>().ToList();
        var sections = body.Descendants<SectionProperties>().ToList();
        var seen = new HashSet<OpenXmlPart>();
        for (int i = 0; i < Math.Min(oldSections.Count, sections.Count); i++)
            foreach (var reference in sections[i].Elements<HeaderFooterReferenceType>())
            {
                var counterpart = oldSections[i].Elements<HeaderFooterReferenceType>()
                    .FirstOrDefault(o => o.GetType() == reference.GetType() && o.Type?.InnerText == reference.Type?.InnerText);
                if (counterpart?.Id?.Value is not { } oldId || reference.Id?.Value is not { } id) continue;
                if (!oldMain.TryGetPartById(oldId, out var oldPart) || !main.TryGetPartById(id, out var part) || !seen.Add(part)) continue;
                if (Root(oldPart) is { } old && Root(part) is { } changed) yield return (old, changed);
            }
    }

    private static OpenXmlElement? Root(OpenXmlPart part) => part switch
    {
        HeaderPart header => header.Header,
        FooterPart footer => footer.Footer,
        _ => null,
    };

    /// <summary>
    /// Marks one story (the body, a header or footer, a footnote) of the later document against its
    /// counterpart: paragraphs only in the earlier one go back in as deleted ones, those only in
    /// the later one are inserted, paired ones are marked inside; then every paragraph's number is
    /// written as text, marked where it changed.
    /// </summary>
    private static void Story(OpenXmlElement oldStory, MainDocumentPart oldMain, OpenXmlElement story, MainDocumentPart main, OpenXmlElement container, Marks marks)
    {
        var oldParagraphs = oldStory.Descendants<Paragraph>().ToList();
        var newParagraphs = story.Descendants<Paragraph>().ToList();
        var oldLabels = ListLabels.Of(oldParagraphs, oldMain.NumberingDefinitionsPart);
        var newLabels = ListLabels.Of(newParagraphs, main.NumberingDefinitionsPart);
        var oldTexts = oldParagraphs.Select(TextOf).ToList();
        var newTexts = newParagraphs.Select(TextOf).ToList();
        // Each paragraph of the redline with the number it had and the one it has (null: none, or not in that document).
        var numbered = new List<(Paragraph Paragraph, ListLabels.Label? Old, ListLabels.Label? New)>();

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string Lines(List<string> texts) => string.Join("\n", texts.Select(t => ids.TryGetValue(t, out int id) ? id : ids[t] = ids.Count));
        var blocks = new Differ().CreateLineDiffs(Lines(oldTexts), Lines(newTexts), false).DiffBlocks;
        int a = 0, b = 0;
        foreach (var block in blocks)
        {
            for (; b < block.InsertStartB; a++, b++) numbered.Add((newParagraphs[b], oldLabels[a], newLabels[b]));
            // Within a changed stretch, a paragraph is paired with the earlier one it resembles (in order); the rest were added or removed.
            var pairs = Pair(oldParagraphs.GetRange(block.DeleteStartA, block.DeleteCountA), oldTexts.GetRange(block.DeleteStartA, block.DeleteCountA),
                newParagraphs.GetRange(block.InsertStartB, block.InsertCountB), newTexts.GetRange(block.InsertStartB, block.InsertCountB));
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
                    else container.AppendChild(deleted);
                    anchor = deleted;
                    numbered.Add((deleted, oldLabels[block.DeleteStartA + ia], null));
                }
                for (; jb < pj; jb++)
                {
                    MarkInserted(newParagraphs[block.InsertStartB + jb], marks);
                    anchor = newParagraphs[block.InsertStartB + jb];
                    numbered.Add((newParagraphs[block.InsertStartB + jb], null, newLabels[block.InsertStartB + jb]));
                }
                if (pi < block.DeleteCountA)
                {
                    var paragraph = newParagraphs[block.InsertStartB + pj];
                    MarkChanged(paragraph, oldTexts[block.DeleteStartA + pi], newTexts[block.InsertStartB + pj],
                        LabelLength(oldParagraphs[block.DeleteStartA + pi]), LabelLength(paragraph), marks);
                    anchor = paragraph;
                    numbered.Add((paragraph, oldLabels[block.DeleteStartA + pi], newLabels[block.InsertStartB + pj]));
                    ia = pi + 1;
                    jb = pj + 1;
                }
            }
            (a, b) = (block.DeleteStartA + block.DeleteCountA, block.InsertStartB + block.InsertCountB);
        }
        for (; b < newParagraphs.Count; a++, b++) numbered.Add((newParagraphs[b], oldLabels[a], newLabels[b]));
        foreach (var (paragraph, old, label) in numbered) WriteLabel(paragraph, old, label, marks);
    }

    /// <summary>
    /// Pairs of (earlier, later) paragraphs, in order: those that share at least half their words
    /// (Chinese: characters); and between two such pairs, as many unpaired earlier paragraphs as
    /// later ones, of the same kinds, one for one: a paragraph rewritten through and through, a
    /// symbol or a table cell's number replaced whole, reads as changed in its place, not as a
    /// paragraph removed and another added.
    /// </summary>
    private static List<(int Old, int New)> Pair(List<Paragraph> oldParagraphs, List<string> olds, List<Paragraph> newParagraphs, List<string> news)
    {
        var similar = new List<(int, int)>();
        int from = 0;
        for (int j = 0; j < news.Count; j++)
        {
            int best = -1;
            double bestScore = 0.5;
            for (int i = from; i < olds.Count; i++)
                if (Similarity(olds[i], news[j]) is var score && score >= bestScore && (best < 0 || score > bestScore)) (best, bestScore) = (i, score);
            if (best < 0) continue;
            similar.Add((best, j));
            from = best + 1;
        }
        var pairs = new List<(int, int)>();
        int lastOld = -1, lastNew = -1;
        foreach (var (i, j) in similar.Append((olds.Count, news.Count)))
        {
            int count = i - lastOld - 1;
            if (count == j - lastNew - 1 && Enumerable.Range(1, count).All(k => Kind(oldParagraphs[lastOld + k]) == Kind(newParagraphs[lastNew + k])))
                for (int k = 1; k <= count; k++) pairs.Add((lastOld + k, lastNew + k));
            if (i < olds.Count) pairs.Add((i, j));
            (lastOld, lastNew) = (i, j);
        }
        return pairs;
    }

    /// <summary>
    /// A paragraph's text as the redline compares and cuts it (<see cref="Segments"/>): its texts and
    /// non-breaking hyphens as <see cref="DocumentText.TextOf"/> reads them, and its tabs ("*" and the
    /// note it marks, "Chart III" and its title are two words, and a deleted tab comes back); not
    /// a field's code.
    /// </summary>
    private static string TextOf(Paragraph paragraph)
    {
        var text = new System.Text.StringBuilder();
        foreach (var e in paragraph.Descendants())
            text.Append(e switch { Text t => t.Text, NoBreakHyphen => "-", TabChar => "\t", _ => "" });
        return text.ToString();
    }

    /// <summary>How much of a paragraph's text (<see cref="TextOf"/>) comes before its anchor: its label, which read-back leaves out (<see cref="DocumentText.FromDocx"/>); 0 without an anchor.</summary>
    private static int LabelLength(Paragraph paragraph)
    {
        int length = 0;
        foreach (var e in paragraph.Descendants())
        {
            if (e is BookmarkStart { Name.Value: { } name } && Document.Anchors.Decode(name) is not null) return length;
            length += e switch { Text t => t.Text.Length, NoBreakHyphen or TabChar => 1, _ => 0 };
        }
        return 0;
    }

    /// <summary>What a paragraph is, beyond its text: its style, whether it is numbered, whether it is in a table.</summary>
    private static string Kind(Paragraph p) =>
        $"{p.ParagraphProperties?.ParagraphStyleId?.Val?.Value}|{p.ParagraphProperties?.NumberingProperties is not null}|{p.Ancestors<TableCell>().Any()}";

    /// <summary>2 × the tokens two texts share ÷ the tokens of both (1: the same tokens; 0: none in common).</summary>
    private static double Similarity(string a, string b)
    {
        static List<string> Tokens(string t) => SentenceDiff.IsChinese(t)
            ? t.Where(c => !char.IsWhiteSpace(c)).Select(c => c.ToString()).ToList()
            : t.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
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

    /// <summary>Revision marks: the author, the date and ids that follow the bookmarks' (one id space for all annotations, bookmarks the redline adds included).</summary>
    private sealed class Marks(DateOnly date, int firstId)
    {
        private int _next = firstId;
        private readonly DateTime _date = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        /// <summary>The next free id, for a revision or a bookmark.</summary>
        public string NextId() => (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public InsertedRun Insertion() => new() { Author = Author, Date = _date, Id = NextId() };

        public DeletedRun Deletion() => new() { Author = Author, Date = _date, Id = NextId() };

        public Inserted ParagraphMarkInserted() => new() { Author = Author, Date = _date, Id = NextId() };

        public Deleted ParagraphMarkDeleted() => new() { Author = Author, Date = _date, Id = NextId() };
    }

    /// <summary>A run cut to one child (text, tab, hyphen, note reference…), where it starts in the paragraph's text and how long it is.</summary>
    private sealed record Segment(Run Run, int Start, int Length);

    /// <summary>Marks the changes in a paragraph both documents have: the removed text as deletions, the new text's runs as insertions.</summary>
    private static void MarkChanged(Paragraph paragraph, string oldText, string newText, int oldLabel, int newLabel, Marks marks)
    {
        // The label before the paragraph's anchor (a heading's number, a note's mark) and the text after it are compared apart,
        // so that no change spans the anchor. Sentences and words are split at spaces: a tab separates like one (each stays one
        // character, so places agree).
        static string Spaced(string text) => text.Replace('\t', ' ');
        var pieces = SentenceDiff.Pieces(Spaced(oldText[..oldLabel]), Spaced(newText[..newLabel]))
            .Concat(SentenceDiff.Pieces(Spaced(oldText[oldLabel..]), Spaced(newText[newLabel..])));
        // Where each piece starts and ends in the new text; removed text sits at a point of it (taken from the old text, with its tabs).
        var cuts = new SortedSet<int>();
        var added = new List<(int Start, int End)>();
        var removed = new List<(int At, string Text)>();
        int position = 0, oldPosition = 0;
        foreach (var piece in pieces)
        {
            cuts.Add(position);
            if (piece.Op != "added") oldPosition += piece.Text.Length;
            if (piece.Op == "removed") { removed.Add((position, oldText[(oldPosition - piece.Text.Length)..oldPosition])); continue; }
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

    /// <summary>
    /// Writes a paragraph's number as text at its start, where Word would draw it, with what follows
    /// it and the indentation and tab stops its list level gave the paragraph; the paragraph leaves
    /// its list. A number the paragraph had and has alike is plain text; one that changed (or came
    /// or went with the paragraph) is deleted and inserted.
    /// </summary>
    private static void WriteLabel(Paragraph paragraph, ListLabels.Label? old, ListLabels.Label? label, Marks marks)
    {
        if (old is null && label is null) return;
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.NumberingProperties = null;
        var level = label ?? old!;
        if (properties.Indentation is null && level.Indentation is { } indentation) properties.Indentation = (Indentation)indentation.CloneNode(true);
        foreach (var stop in level.Tabs?.Elements<TabStop>() ?? [])
        {
            var tabs = properties.Tabs ??= new Tabs();
            if (tabs.Elements<TabStop>().Any(t => t.Position?.Value == stop.Position?.Value)) continue;
            // The number's own tab stop ("num") becomes an ordinary one at the same place.
            tabs.AppendChild(new TabStop { Val = TabStopValues.Left, Position = stop.Position?.Value });
        }

        var runs = new List<OpenXmlElement>();
        if (old is not null && label is not null && old.Text == label.Text && old.Suffix == label.Suffix) runs.Add(LabelRun(label, deleted: false));
        else
        {
            if (old is not null) runs.Add(Holding(marks.Deletion(), LabelRun(old, deleted: true)));
            if (label is not null) runs.Add(Holding(marks.Insertion(), LabelRun(label, deleted: false)));
        }
        OpenXmlElement after = properties;
        foreach (var run in runs) after = after.InsertAfterSelf(run);
    }

    private static OpenXmlElement Holding(OpenXmlElement revision, Run run)
    {
        revision.AppendChild(run);
        return revision;
    }

    private static Run LabelRun(ListLabels.Label label, bool deleted)
    {
        var run = new Run();
        if (label.Style is { } style) run.AppendChild(new RunProperties(style.ChildElements.Select(c => c.CloneNode(true))));
        string text = label.Text + (label.Suffix == "space" ? " " : "");
        if (text.Length > 0) run.AppendChild<OpenXmlElement>(deleted ? new DeletedText(text) { Space = SpaceProcessingModeValues.Preserve } : new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (label.Suffix == "tab") run.AppendChild(new TabChar());
        return run;
    }

    private static Run DeletedTextRun(RunProperties? style, string text)
    {
        var run = new Run();
        if (style is not null) run.AppendChild(style.CloneNode(true));
        string[] parts = text.Split('\t');
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.AppendChild(new TabChar());
            if (parts[i].Length > 0) run.AppendChild(new DeletedText(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
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
    /// in place (each keeps its run properties); the text counted as <see cref="TextOf"/> counts it.
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
                    int length = child is NoBreakHyphen or TabChar ? 1 : 0;
                    segments.Add(new Segment(Piece(child.CloneNode(true)), position, length));
                    position += length;
                }
            }
            run.Remove();
        }
        return segments;
    }
}
