using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ReportGen.Charts;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Typesetting;
using ReportGen.Rendering.Pdf.Tagging;

namespace ReportGen.Rendering.Pdf;

/// <summary>
/// Writes the document model as a PDF: our own layout (line breaking, pagination, tables,
/// footnotes) on PDFsharp's fonts and drawing. The page design is the house style (Typesetting), as in the DOCX. The same
/// model and fonts always give the same bytes.
/// </summary>
public sealed partial class PdfWriter
{
    private readonly PdfLook _look;
    private readonly FontSet _fonts;
    private readonly LineBreaker _breaker;
    private Paginator _paginator = null!; // every box goes straight on to pagination
    private ResolvedDocument _resolved = null!;
    private int _group;
    private double _matrixMax;

    private PdfWriter(string language, FontSet fonts)
    {
        _look = new PdfLook(language);
        _fonts = fonts;
        _breaker = new LineBreaker(fonts, Hyphenator.ForLatinIn(_look.Profile));
    }

    /// <summary>The PDF of a document, and how many pages it has.</summary>
    public static (byte[] Bytes, int Pages) Write(Doc doc, FontSet? fonts = null) => Write(Resolver.Resolve(doc), fonts);

    /// <summary>The PDF of a resolved document: its anchors become named destinations (<see cref="Destinations"/>).</summary>
    public static (byte[] Bytes, int Pages) Write(ResolvedDocument resolved, FontSet? fonts = null) => Write(resolved, fonts, seen: null);

    /// <summary>For the tests only: with <paramref name="pieceByPiece"/>, every piece of a line is drawn by itself, as before runs were joined (<see cref="TextRun"/>).</summary>
    internal static (byte[] Bytes, int Pages) Write(ResolvedDocument resolved, FontSet? fonts, bool pieceByPiece) => Write(resolved, fonts, seen: null, pieceByPiece);

    /// <summary>Every text line of the document's PDF as it is set (<see cref="Line.Setting"/>), in reading order: what checks of line quality read.</summary>
    public static List<Line> Lines(ResolvedDocument resolved, FontSet? fonts = null)
    {
        var lines = new List<Line>();
        Write(resolved, fonts, page => lines.AddRange(page.Items.Select(i => i.Box).OfType<LineBox>().Select(b => b.Line)));
        return lines;
    }

    /// <summary>The text lines of each page of the document's PDF, page by page: what checks of page breaking read.</summary>
    public static List<List<Line>> PageLines(ResolvedDocument resolved, FontSet? fonts = null)
    {
        var pages = new List<List<Line>>();
        Write(resolved, fonts, page => pages.Add(page.Items.Select(i => i.Box).OfType<LineBox>().Select(b => b.Line).ToList()));
        return pages;
    }

    /// <summary>The lines of every table cell of the document's PDF as they are set, cell by cell (a header repeated on a new page again).</summary>
    public static List<IReadOnlyList<Line>> CellLines(ResolvedDocument resolved, FontSet? fonts = null)
    {
        var cells = new List<IReadOnlyList<Line>>();
        Write(resolved, fonts, page => cells.AddRange(page.Items.Select(i => i.Box).OfType<RowBox>().SelectMany(b => b.CellLines)));
        return cells;
    }

    private static (byte[] Bytes, int Pages) Write(ResolvedDocument resolved, FontSet? fonts, Action<PageContent>? seen, bool pieceByPiece = false)
    {
        FontRegistry.Install();
        var doc = resolved.Doc;
        var writer = new PdfWriter(doc.Language, fonts ?? FontSet.Load()) { _resolved = resolved };
        writer._breaker.Links = writer.LinkOf;
        writer._matrixMax = Palette.MatrixMax(doc.AllBlocks().OfType<ChartSlot>().Select(c => c.Chart));
        // Measure, paginate and draw as one flow: each page is drawn as soon as it is full and its
        // boxes are let go, so memory does not grow with the document's length.
        var pages = new PageDrawer(writer, doc, pieceByPiece);
        writer._paginator = new Paginator(writer.FootnoteHeight, PdfLook.Top, PdfLook.PageHeight - PdfLook.Bottom, page => { seen?.Invoke(page); pages.Draw(page); });
        writer.Masthead(doc.Masthead);
        writer.Blocks(doc.Body);
        var last = writer._paginator.Finish();
        writer.ClosingRule(last);
        seen?.Invoke(last);
        pages.Draw(last);
        return (pages.Save(), pages.Count);
    }

    /// <summary>
    /// The closing short rule of UN documents, centred under the last text of the last page (never
    /// alone on a page of its own: where the page is full, it sits just below the text).
    /// </summary>
    private void ClosingRule(PageContent last)
    {
        double middle = PdfLook.Left + PdfLook.TextWidth / 2;
        double room = PdfLook.PageHeight - PdfLook.Bottom - (last.Footnotes.Count > 0 ? FootnoteHeight(last.Footnotes) + 10 : 0) - last.Y;
        last.Items.Add((new SpaceBox(middle - 36, middle + 36, 0.5) { Height = Math.Clamp(room, 12, 30) }, last.Y));
    }

    private readonly Dictionary<ChartRef, LinkTarget?> _links = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Where a chart reference links to: the named destination of its first chart's caption (the
    /// resolver's anchor), said as the Word document titles the chart ("Chart II Title"). One
    /// target per reference, so that two references side by side stay two links.
    /// </summary>
    private LinkTarget? LinkOf(ChartRef reference)
    {
        if (_links.TryGetValue(reference, out var link)) return link;
        if (_resolved.LinkOf(reference) is { } anchor)
        {
            var chart = reference.Charts[0];
            link = new LinkTarget(Anchors.Encode(anchor), (chart.Caption ?? ChartCaption.Label(chart.Number, _look.Profile)) + " " + chart.Title);
        }
        return _links[reference] = link;
    }

    // ---- footnotes --------------------------------------------------------------------------

    /// <summary>Footnote marks in the text use their number; the model keeps only custom marks.</summary>
    private IEnumerable<Inline> Marked(IEnumerable<Inline> inlines)
    {
        var marking = new Marking(this);
        return inlines.Select(i => i.Accept(marking));
    }

    /// <summary>One method per kind of inline: the inline as the layout carries it.</summary>
    private sealed class Marking(PdfWriter w) : IInlineVisitor<Inline>
    {
        public Inline Visit(Text text) => text;
        public Inline Visit(Strong strong) => new Strong(w.Marked(strong.Content).ToList());
        public Inline Visit(Emphasis emphasis) => new Emphasis(w.Marked(emphasis.Content).ToList());
        public Inline Visit(LineBreak lineBreak) => lineBreak;
        public Inline Visit(FootnoteRef footnote) => footnote.Footnote.CustomMark is null ? new FootnoteRef(w.MarkedNote(footnote.Footnote)) : footnote;
        public Inline Visit(FigureRef figure) => figure;
        public Inline Visit(ChartRef chartRef) => chartRef;
    }

    /// <summary>A numbered note as the layout carries it (with its mark), once per note; and back to the note the resolver knows.</summary>
    private readonly Dictionary<Footnote, Footnote> _markedNotes = new(ReferenceEqualityComparer.Instance), _originalNotes = new(ReferenceEqualityComparer.Instance);

    private Footnote MarkedNote(Footnote note)
    {
        if (_markedNotes.TryGetValue(note, out var marked)) return marked;
        marked = _markedNotes[note] = note with { CustomMark = _resolved.MarkOf(note) };
        _originalNotes[marked] = note;
        return marked;
    }

    private readonly Dictionary<Footnote, List<LineBox>> _noteBoxes = new(ReferenceEqualityComparer.Instance);

    private List<LineBox> NoteBoxes(Footnote note)
    {
        if (_noteBoxes.TryGetValue(note, out var boxes)) return boxes;
        var style = _look.Footnote;
        var atoms = _breaker.Atoms(note.Content, style, "a footnote");
        var lines = _breaker.Break(atoms, PdfLook.BodyWidth, PdfLook.BodyWidth, justify: true);
        boxes = lines.Select((line, i) => new LineBox(line, PdfLook.BodyLeft,
            i == 0 ? (_resolved.MarkOf(note), PdfLook.BodyLeft - PdfLook.Tab, style) : null)
            { Height = _look.FootnoteLeading, Destination = i == 0 ? (Anchors.Encode(_resolved.NoteAnchorOf(_originalNotes.GetValueOrDefault(note, note))), PdfLook.BodyLeft) : null }).ToList();
        _noteBoxes[note] = boxes;
        return boxes;
    }

    private double FootnoteHeight(IEnumerable<Footnote> notes) => notes.Sum(n => NoteBoxes(n).Sum(b => b.Height) + 2);

    // ---- masthead ---------------------------------------------------------------------------

    private void Masthead(Masthead m)
    {
        // Chinese mastheads space the characters of 联 合 国.
        string unitedNations = _look.Profile.Masthead.SpacedUnitedNations && m.UnitedNations.All(Script.IsEastAsian) ? string.Join(" ", m.UnitedNations.ToCharArray()) : m.UnitedNations;
        var un = _breaker.Break(_breaker.Atoms(Inlines.Of(unitedNations), _look.MastheadUn, "the masthead"), 250, 250, false);
        var symbol = _breaker.Break(_breaker.Atoms(Inlines.Of(m.Symbol), _look.MastheadSymbol, "the masthead"), 300, 300, false);
        var masthead = _root.Add("Div");
        _paginator.Add(new MastheadTopBox(un[0], symbol[0], masthead.Add("P"))
            { Height = MastheadDesign.TopHeight, Tag = masthead.Add("P"), Destination = (Anchors.Encode(Anchors.Masthead), PdfLook.Left) });
        double leftWidth = MastheadDesign.OrganWidth;
        var organ = _breaker.Break(_breaker.Atoms(Inlines.Of(m.Organ), _look.MastheadOrgan, "the masthead"), leftWidth, leftWidth, false);
        var right = new List<Line>();
        var rightTags = new List<StructNode?>();
        // The lines the edition keeps in another language (the profile's Masthead: English in the Arabic edition)
        // are paragraphs of that language where its direction differs from the document's (UAX #9 HL1), tagged with it.
        var style = _look.Profile.Masthead;
        string? Kept(string key) => style.EnglishLines.Contains(key) ? LanguageProfiles.English.Code : null;
        foreach (var (text, language) in new[] { (m.Distribution, Kept("distribution")), (m.DateLine, style.DateLanguage), (m.LanguageLine, Kept("language_line")), ("", null), (m.OriginalLine, Kept("original")) })
        {
            var other = language is null ? null : LanguageProfiles.For(language);
            bool turned = other is not null && other.RightToLeft != _look.Profile.RightToLeft;
            var line = text.Length == 0 ? new Line([], 0, 0, 0, []) : _breaker.Break(_breaker.Atoms(Inlines.Of(text), _look.Body, "the masthead"), 200, 200, false)[0];
            right.Add(turned ? line with { ParagraphLevel = other!.RightToLeft ? 1 : 0 } : line);
            rightTags.Add(line.Atoms.Count == 0 ? null : turned ? masthead.AddDrawn("P", language: other!.Tags.Tag) : masthead.Add("P"));
        }
        double organLeading = _look.MastheadOrgan.Size * MastheadDesign.OrganLeading, rightLeading = _look.BodyLeading * MastheadDesign.RightLeading;
        var organTag = masthead.Add("P");
        _paginator.Add(new MastheadSecondBox(organ, organLeading, right, rightLeading, rightTags)
            { Tag = organTag, Height = Math.Max(organ.Count * organLeading, right.Count * rightLeading) + MastheadDesign.SecondPadding });

        var strong = _look.Strong;
        Tag("P", parent: masthead);
        Text(Inlines.Of(m.Session), strong, PdfLook.Left, PdfLook.TextWidth, spaceBefore: MastheadDesign.SessionSpace);
        Tag("P", parent: masthead);
        Text(Inlines.Of(m.PlaceAndDates), _look.Body, PdfLook.Left, PdfLook.TextWidth);
        var agenda = new List<Inline> { new Text(m.AgendaItemBefore), new FootnoteRef(m.AgendaFootnote) };
        if (m.AgendaItemAfter.Length > 0) agenda.Add(new Text(m.AgendaItemAfter));
        Tag("P", parent: masthead);
        Text(agenda, _look.Body, PdfLook.Left, PdfLook.TextWidth);
        Tag("P", parent: masthead);
        Text(Inlines.Of(m.AgendaTitle), strong, PdfLook.Left, PdfLook.TextWidth * MastheadDesign.AgendaTitleWidth);
        var title = new List<Inline> { new Text(m.Title) };
        title.AddRange(m.TitleFootnotes.Select(n => new FootnoteRef(n)));
        Tag("H1", parent: masthead);
        Text(title, _look.Title, PdfLook.BodyLeft, PdfLook.BodyWidth, spaceBefore: MastheadDesign.TitleSpace, leading: _look.Title.Size * MastheadDesign.Leading, keep: true);
        Tag("P", parent: masthead);
        Text(Inlines.Of(m.Subtitle), _look.Subtitle, PdfLook.BodyLeft, PdfLook.BodyWidth, spaceBefore: MastheadDesign.SubtitleSpace, keep: true);
        _paginator.Add(new SpaceBox { Height = MastheadDesign.AfterSubtitle });
    }

    /// <summary>Lines of unnumbered text at a position; returns nothing, adds boxes.</summary>
    private void Text(IEnumerable<Inline> inlines, TextStyle style, double x, double width, double spaceBefore = 0, double? leading = null,
        bool keep = false, bool justify = false)
    {
        var lines = _breaker.Break(_breaker.Atoms(Marked(inlines), style, "the masthead"), width, width, justify);
        int group = ++_group;
        for (int i = 0; i < lines.Count; i++)
            _paginator.Add(new LineBox(lines[i], x)
            {
                Height = leading ?? (style.Size * MastheadDesign.Leading), SpaceBefore = i == 0 ? spaceBefore : 0, Group = group,
                KeepWithNext = keep, Footnotes = lines[i].Footnotes, Tag = _tag,
            });
    }

    // ---- body -------------------------------------------------------------------------------

    private bool _breakPending;

    /// <summary>Whether the paragraph being set is a lead-in (<see cref="HouseStyle.IntroducesList(IReadOnlyList{Block}, int)"/>): its last line keeps with the list.</summary>
    private bool _leadIn;

    private void Blocks(IReadOnlyList<Block> blocks)
    {
        var walk = new BlockWalk(this);
        for (int i = 0; i < blocks.Count; i++)
        {
            _leadIn = HouseStyle.IntroducesList(blocks, i);
            blocks[i].Accept(walk);
        }
        _leadIn = false;
    }

    /// <summary>The body's walk: one method per kind of block, so a new kind is a compile error here.</summary>
    private sealed class BlockWalk(PdfWriter w) : IBlockVisitor<Done>
    {
        public Done Visit(Heading heading) { w.Heading(heading); return default; }
        public Done Visit(Paragraph paragraph) { w.Paragraph(paragraph); return default; }
        public Done Visit(SubItems subItems) { w.SubItems(subItems); return default; }
        public Done Visit(Table table) { w.Table(table); return default; }
        public Done Visit(ChartSlot chart) { w.Chart(chart); return default; }

        public Done Visit(Annex a)
        {
            w._breakPending = true;
            w.Tag("H1");
            w.Lines(Inlines.Of(a.Label), w._look.Heading1, PdfLook.Left, PdfLook.Left, PdfLook.TextWidth, PdfLook.TextWidth, null, 0, keep: true, anchor: w._resolved.AnchorOf(a));
            if (a.Title.Length > 0)
                w.Lines(Inlines.Of(a.Title), w._look.Heading1, PdfLook.BodyLeft, PdfLook.BodyLeft, PdfLook.BodyWidth, PdfLook.BodyWidth, null, 8, keep: true, balance: true);
            w.Blocks(a.Body);
            return default;
        }

        public Done Visit(PageBreak pageBreak) { w._breakPending = true; return default; }
    }

    /// <summary>Adds the lines of one paragraph-like block as a group (for widow and orphan control).</summary>
    private void Lines(IEnumerable<Inline> inlines, TextStyle style, double firstX, double x, double firstWidth, double width,
        (string Text, double X)? label, double spaceBefore, bool keep = false, bool justify = false, double? leading = null, string where = "the text",
        string? anchor = null, bool keepLast = false, bool balance = false)
    {
        var atoms = _breaker.Atoms(Marked(inlines), style, where);
        // A heading's lines are balanced (LineBreaker.Balanced): no fragment alone on its last line.
        var lines = balance ? _breaker.Balanced(atoms, firstWidth, width) : _breaker.Break(atoms, firstWidth, width, justify);
        if (lines.Count == 0) lines.Add(new Line([], 0, style.Size * 0.8, style.Size * 0.2, []));
        int group = ++_group;
        for (int i = 0; i < lines.Count; i++)
        {
            _paginator.Add(new LineBox(lines[i], i == 0 ? firstX : x, i == 0 && label is { } l ? (l.Text, l.X, style) : null)
            {
                Height = leading ?? (style == _look.Body ? _look.BodyLeading : style.Size * TypeSizes.HeadingLeading),
                SpaceBefore = i == 0 ? spaceBefore : 0,
                KeepWithNext = keep || keepLast && i == lines.Count - 1,
                PageBreakBefore = i == 0 && _breakPending,
                Group = group,
                Footnotes = lines[i].Footnotes,
                Destination = i == 0 && anchor is not null ? (Anchors.Encode(anchor), i == 0 ? firstX : x) : null,
                Tag = _tag,
                LabelTag = i == 0 ? _labelTag : null,
            });
            _breakPending = false;
        }
    }

    private void Heading(Heading h)
    {
        var style = h.Level switch { 1 => _look.Heading1, 2 => _look.Heading2, _ => _look.Heading3 };
        Tag(HeadingRole(h.Level), labelled: h.Number is not null);
        Lines(h.Content, style, PdfLook.BodyLeft, PdfLook.BodyLeft, PdfLook.BodyWidth, PdfLook.BodyWidth,
            h.Number is null ? null : (h.Number, PdfLook.Left), TypeSizes.HeadingSpaceBefore(h.Level), keep: true, where: $"heading {h.Number}", anchor: _resolved.AnchorOf(h), balance: true);
        _paginator.Add(new SpaceBox { Height = TypeSizes.HeadingSpaceAfter(h.Level), KeepWithNext = true });
    }

    private void Paragraph(Paragraph p)
    {
        int? numbered = _resolved.NumberOf(p);
        string where = numbered is int n ? $"paragraph {n}" : "an annex paragraph";
        Tag("P", labelled: numbered is not null);
        if (numbered is int number)
            Lines(p.Content, _look.Body, PdfLook.BodyLeft + PdfLook.Tab, PdfLook.BodyLeft, PdfLook.BodyWidth - PdfLook.Tab, PdfLook.BodyWidth,
                (string.Format(System.Globalization.CultureInfo.InvariantCulture, _look.Profile.ParagraphNumber, number), PdfLook.BodyLeft), _look.ParagraphSpace, justify: true, where: where, anchor: _resolved.AnchorOf(p), keepLast: _leadIn);
        else
            Lines(p.Content, _look.Body, PdfLook.BodyLeft, PdfLook.BodyLeft, PdfLook.BodyWidth, PdfLook.BodyWidth, null, _look.ParagraphSpace,
                justify: true, where: where, anchor: _resolved.AnchorOf(p), keepLast: _leadIn);
    }

    private void SubItems(SubItems s, StructNode? parent = null)
    {
        var list = (parent ?? _root).Add("L");
        double labelX = PdfLook.BodyLeft + PdfLook.Tab * s.Level;
        double continuation = PdfLook.BodyLeft + PdfLook.Tab * (s.Level - 1);
        foreach (var item in s.Items)
        {
            var listItem = list.Add("LI");
            var label = listItem.Add("Lbl");
            var body = listItem.Add("LBody");
            string itemLabel = _resolved.LabelOf(item);
            ItemBlocks.Walk(item, itemLabel, (p, first) =>
            {
                double firstX = first ? labelX + PdfLook.Tab : continuation;
                Tag("P", parent: body);
                _labelTag = first ? label : null;
                Lines(p.Content, _look.Body, firstX, continuation, PdfLook.BodyLeft + PdfLook.BodyWidth - firstX, PdfLook.BodyLeft + PdfLook.BodyWidth - continuation,
                    first ? (itemLabel, labelX) : null, _look.ParagraphSpace, justify: true, where: $"sub-item {itemLabel}", anchor: _resolved.AnchorOf(p),
                    keepLast: HouseStyle.IntroducesList(item.Blocks, p));
            }, nested => SubItems(nested, body));
        }
    }

    private void Chart(ChartSlot c)
    {
        var bold = _look.Strong;
        _paginator.BeginKeep(); // caption, headlines, drawing and key go on one page
        Tag("P", labelled: true);
        // A caption label wider than the margin ("Диаграмма VIII") moves the title's first line along, half an em after it.
        string caption = c.Caption ?? ChartCaption.Label(c.Number, _look.Profile);
        double labelEnd = PdfLook.Left + _breaker.Break(_breaker.Atoms(Inlines.Of(caption), bold, $"chart {c.Number}"), 1e4, 1e4, false)[0].Width + bold.Size / 2;
        double titleX = Math.Max(PdfLook.BodyLeft, labelEnd);
        Lines(Inlines.Of(c.Title), bold, titleX, PdfLook.BodyLeft, PdfLook.BodyWidth + PdfLook.Indent - (titleX - PdfLook.BodyLeft), PdfLook.BodyWidth + PdfLook.Indent,
            (caption, PdfLook.Left), 18, keep: true, where: $"chart {c.Number}", anchor: _resolved.AnchorOf(c));
        if (c.Subtitle is not null)
        {
            Tag("P");
            Lines(Inlines.Of(c.Subtitle), _look.Small, PdfLook.BodyLeft, PdfLook.BodyLeft, PdfLook.BodyWidth, PdfLook.BodyWidth, null, 2, keep: true, leading: _look.SmallLeading);
        }
        foreach (var h in c.Chart.Headlines)
        {
            Tag("P");
            Lines([new Text(h.Label + ChartCaption.Colon(_look.Profile)), new Strong(Inlines.Of(h.Value))], _look.Small, PdfLook.BodyLeft, PdfLook.BodyLeft, PdfLook.BodyWidth, PdfLook.BodyWidth,
                null, 0, keep: true, leading: _look.SmallLeading);
        }
        _paginator.Add(new SpaceBox { Height = ChartFrame.FigureSpaceAbove, KeepWithNext = true });
        var small = _look.Small;
        // The drawing's own words (axes, bars' values) are a region of their own, which comparisons of text leave out.
        var drawing = (Anchors.DrawingName(_resolved.AnchorOf(c) ?? "chart"), PdfLook.Left);
        var figure = _root.Add("Figure", alt: c.Chart.AltText);
        switch (c.Chart.Kind)
        {
            case ChartKind.Matrix:
                double cell = small.Size * 1.7;
                _paginator.Add(new MatrixBox(c.Chart, small, _look.TableHeader, cell, _matrixMax, _look.Charts) { Tag = figure, Height = cell * (c.Chart.Categories.Count + 2) + 4, PageBreakBefore = TakeBreak(), Destination = drawing });
                break;
            case ChartKind.Dashboard:
                double panel = 150;
                _paginator.Add(new DashboardBox(c.Chart, small, small with { Bold = true }, panel, _look.Profile.Numbers, _look.Charts)
                    { Tag = figure, Height = panel * ((c.Chart.Series.Count + 1) / 2) + small.Size * 1.4 * (c.Chart.Categories.Count + 1), PageBreakBefore = TakeBreak(), Destination = drawing });
                break;
            default:
                _paginator.Add(new BarChartBox(c.Chart, small, _look.Profile.Numbers, _look.Charts) { Tag = figure, Height = ChartFrame.FigureHeight, PageBreakBefore = TakeBreak(), Destination = drawing });
                break;
        }
        _paginator.EndKeep();
        _paginator.Add(new SpaceBox { Height = ChartFrame.FigureSpaceBelow });
    }

    private bool TakeBreak()
    {
        bool pending = _breakPending;
        _breakPending = false;
        return pending;
    }

    /// <summary>Points between whatever is above a table (its title) and its top rule.</summary>
    private const double TitleGap = 6;

    /// <summary>Points between a cell's text and its column's edge, each side.</summary>
    private const double Gutter = 2.8;

    /// <summary>
    /// A table's column widths in points: its weights, then each column widened to the widest piece of its
    /// cells that no line break may divide (<see cref="TableGeometry.Rebalance"/>).
    /// </summary>
    private double[] ColumnWidths(Table t, double width)
    {
        var widths = TableGeometry.ColumnWidths(t.ColumnWeights, width, _look.Small.Size / 2);
        var minimums = new double[widths.Length];
        foreach (var (cells, isHeader) in t.Header.Select(r => (r, true)).Concat(t.Rows.Select(r => (r, false))))
            for (int c = 0; c < Math.Min(cells.Count, widths.Length); c++)
                minimums[c] = Math.Max(minimums[c], LineBreaker.WidestPiece(_breaker.CellAtoms(Marked(cells[c].Content), isHeader ? _look.TableHeader : _look.Small)) + 2 * Gutter);
        return TableGeometry.Rebalance(widths, minimums);
    }

    /// <summary>
    /// The share of its width each column of a table has in the PDF (the fractions sum to 1): the Word writer
    /// gives its tables the same, so a header wraps there where it wraps here and not inside a word or unit.
    /// </summary>
    public static double[] ColumnShares(ResolvedDocument resolved, Table t, FontSet? fonts = null)
    {
        var writer = new PdfWriter(resolved.Doc.Language, fonts ?? FontSet.Load()) { _resolved = resolved };
        double left = Math.Max(1, t.ColumnWeights.Count) > TableGeometry.WideTableColumns ? PdfLook.Left : PdfLook.BodyLeft;
        var widths = writer.ColumnWidths(t, PdfLook.TableRight - left);
        double total = widths.Sum();
        return widths.Select(w => w / total).ToArray();
    }

    /// <summary>
    /// For each column of a table, the lines the PDF sets in each of its cells (rows top to bottom, header rows
    /// first) and the natural width of its widest line in points, without the half-em a closing mark gives up at a
    /// line's end (Word and LibreOffice do not compress it). The Word writer breaks Chinese cells where these lines
    /// break and gives each column the room for its widest: LibreOffice breaks Chinese text at whichever character
    /// passes the line's end ("预算（美|元）"), so only the PDF's own breaks keep a word or unit whole there.
    /// </summary>
    /// <summary>How many lines the PDF sets a numbered or annex paragraph of body text in.</summary>
    public static int BodyParagraphLines(ResolvedDocument resolved, Paragraph p, FontSet? fonts = null)
    {
        var writer = new PdfWriter(resolved.Doc.Language, fonts ?? FontSet.Load()) { _resolved = resolved };
        double first = resolved.NumberOf(p) is null ? PdfLook.BodyWidth : PdfLook.BodyWidth - PdfLook.Tab;
        return writer._breaker.Break(writer._breaker.Atoms(writer.Marked(p.Content), writer._look.Body, "the text"), first, PdfLook.BodyWidth, true).Count;
    }

    /// <summary>The masthead's organ as the PDF breaks it into lines: the Word writer writes the same lines (its band's height depends on their number).</summary>
    public static IReadOnlyList<string> MastheadOrganLines(ResolvedDocument resolved, FontSet? fonts = null)
    {
        var writer = new PdfWriter(resolved.Doc.Language, fonts ?? FontSet.Load()) { _resolved = resolved };
        return writer._breaker.Break(writer._breaker.Atoms(Inlines.Of(resolved.Doc.Masthead.Organ), writer._look.MastheadOrgan, "the masthead"),
            MastheadDesign.OrganWidth, MastheadDesign.OrganWidth, false).Select(l => l.Text).ToList();
    }

    public static (IReadOnlyList<IReadOnlyList<string>>[] Lines, double[] Widest, double Gutter) CellTexts(ResolvedDocument resolved, Table t, FontSet? fonts = null)
    {
        var writer = new PdfWriter(resolved.Doc.Language, fonts ?? FontSet.Load()) { _resolved = resolved };
        double left = Math.Max(1, t.ColumnWeights.Count) > TableGeometry.WideTableColumns ? PdfLook.Left : PdfLook.BodyLeft;
        var widths = writer.ColumnWidths(t, PdfLook.TableRight - left);
        var lines = new IReadOnlyList<IReadOnlyList<string>>[widths.Length];
        var widest = new double[widths.Length];
        for (int c = 0; c < widths.Length; c++)
        {
            double inner = Math.Max(8, widths[c] - 2 * Gutter);
            var column = new List<IReadOnlyList<string>>();
            foreach (var (cells, isHeader) in t.Header.Select(r => (r, true)).Concat(t.Rows.Select(r => (r, false))))
            {
                var set = c < cells.Count
                    ? writer._breaker.Break(writer._breaker.CellAtoms(writer.Marked(cells[c].Content), isHeader ? writer._look.TableHeader : writer._look.Small), inner, inner, false)
                    : [];
                column.Add(set.Select(l => l.Text).ToList());
                foreach (var line in set)
                    widest[c] = Math.Max(widest[c], line.Atoms.Reverse().SkipWhile(a => a.Atom.Kind == AtomKind.Space).Sum(a => a.Atom.Width));
            }
            lines[c] = column;
        }
        return (lines, widest, Gutter);
    }

    private void Table(Table t)
    {
        int columns = Math.Max(1, t.ColumnWeights.Count);
        double left = columns > TableGeometry.WideTableColumns ? PdfLook.Left : PdfLook.BodyLeft;
        double width = PdfLook.TableRight - left;
        const double padding = 2.5;
        var widths = ColumnWidths(t, width);
        double leading = _look.SmallLeading;
        var header = new List<Box>();
        var tableTag = _root.Add("Table");
        string table = _resolved.AnchorOf(t) ?? "table";
        int rowNumber = 0;
        RowBox Row(IReadOnlyList<TableCell> cells, bool isHeader, bool ruleAbove, bool ruleBelow, bool thick, IReadOnlyList<Box>? repeat,
            bool merged = false, double spaceBefore = 0, bool keep = false)
        {
            var laid = new List<(double, double, IReadOnlyList<Line>, Alignment)>();
            // Header cells head their column; the first cell of a body row names the row when the table has a header.
            var row = tableTag.Add("TR");
            var cellTags = Enumerable.Range(0, widths.Length).Select(c =>
                isHeader ? row.Add("TH", scope: "Column") : row.Add("TD")).ToList();
            double x = left;
            int most = 1;
            var notes = new List<Footnote>();
            for (int c = 0; c < widths.Length; c++)
            {
                // A first cell merged into the one above: its run's name is printed once, at the top.
                var cell = c < cells.Count && !(merged && c == 0) ? cells[c] : new TableCell([]);
                double inner = Math.Max(8, widths[c] - 2 * Gutter);
                var lines = _breaker.Break(_breaker.CellAtoms(Marked(cell.Content), isHeader ? _look.TableHeader : _look.Small), inner, inner, false);
                most = Math.Max(most, lines.Count);
                notes.AddRange(lines.SelectMany(l => l.Footnotes));
                laid.Add((x + Gutter, inner, lines, cell.Alignment));
                x += widths[c];
            }
            return new RowBox(laid, leading, padding, ruleAbove, ruleBelow, thick, left, left + width)
            {
                Tag = row, CellTags = cellTags,
                Height = most * leading + 2 * padding, IsHeader = isHeader, KeepWithNext = isHeader || keep, RepeatHeader = repeat, Footnotes = notes,
                PageBreakBefore = _breakPending, SpaceBefore = spaceBefore,
                Destination = (Anchors.Encode(Anchors.Row(table, ++rowNumber)), left),
            };
        }

        for (int r = 0; r < t.Header.Count; r++)
        {
            // Space between a title above and the table's top rule: the title does not sit on the rule.
            var row = Row(t.Header[r], true, r == 0, r == t.Header.Count - 1, false, null, spaceBefore: r == 0 ? TitleGap : 0);
            _breakPending = false;
            header.Add(row);
            _paginator.Add(row);
        }
        var continues = TableGeometry.ContinuesAbove(t.Rows);
        bool merging = continues.Any(c => c);
        for (int r = 0; r < t.Rows.Count; r++)
        {
            bool last = r == t.Rows.Count - 1;
            // Where first cells merge, a thin rule above each run after the first shows where a merged cell ends.
            bool ruleAbove = t.Header.Count == 0 && r == 0 || merging && r > 0 && !continues[r];
            // A table's first two rows start a page together, under its title and header, and its last two end one
            // together (HouseStyle.TableTailRows): neither the first nor the last row stands alone.
            int tail = HouseStyle.TableTailRows;
            bool keep = t.Rows.Count > tail && !last && (r < tail - 1 || r >= t.Rows.Count - tail);
            _paginator.Add(Row(t.Rows[r], false, ruleAbove, last, last, header, continues[r],
                t.Header.Count == 0 && r == 0 ? TitleGap : 0, keep));
            _breakPending = false;
        }
        _paginator.Add(new SpaceBox { Height = 8 });
    }

    // ---- pages ------------------------------------------------------------------------------

    /// <summary>The PDF being written: pages are drawn in order as pagination hands them on.</summary>
    private sealed class PageDrawer
    {
        private readonly PdfWriter _writer;
        private PdfDocument _pdf = new();
        private readonly FontCache _cache;
        private readonly string _runningHeader;
        private readonly byte[] _contentHash;
        private readonly Tagger _tagger;

        private Destinations _destinations;
        private readonly bool _pieceByPiece;
        private readonly ShapedFaces _shaped;

        public int Count { get; private set; }

        public PageDrawer(PdfWriter writer, Doc doc, bool pieceByPiece)
        {
            _writer = writer;
            _pieceByPiece = pieceByPiece;
            _runningHeader = doc.Masthead.RunningHeader;
            _cache = new FontCache(writer._fonts, writer._breaker);
            _pdf.Options.Layout = PdfSharp.Pdf.IO.PdfWriterLayout.Compact;
            var date = doc.Masthead.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            _pdf.Info.CreationDate = date;
            _pdf.Info.ModificationDate = date;
            _pdf.Info.Title = doc.Masthead.Title;
            _pdf.Info.Subject = doc.Masthead.Symbol;
            _pdf.Info.Creator = "ReportGen";
            _tagger = new Tagger(_pdf, doc.Language, writer._root); // the language, the structure tree, PDF/UA
            // The document id is derived from the content, not a random GUID.
            _contentHash = SHA256.HashData(Encoding.UTF8.GetBytes(PlainText.Of(doc)));
            string id = new(_contentHash.Take(16).Select(b => (char)b).ToArray());
            _pdf.Internals.FirstDocumentID = id;
            _pdf.Internals.SecondDocumentID = id;
            _destinations = new Destinations(_pdf);
            _shaped = new ShapedFaces(_pdf);
        }

        public void Draw(PageContent content)
        {
            var page = _pdf.AddPage();
            page.Width = XUnit.FromPoint(PdfLook.PageWidth);
            page.Height = XUnit.FromPoint(PdfLook.PageHeight);
            int number = ++Count;
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                _tagger.StartPage(page, graphics);
                bool rightToLeft = _writer._look.Profile.RightToLeft;
                var canvas = new PageCanvas(graphics, _cache, _tagger, _pieceByPiece, new PageText(_shaped, page, _writer._fonts, rightToLeft)) { Mirrored = rightToLeft };
                if (number > 1)
                {
                    _tagger.BeginArtifact();
                    _writer.RunningHeaderAndFooter(canvas, _runningHeader, number, _cache);
                    _tagger.EndArtifact();
                }
                _destinations.StartPage(page, PdfLook.Top - 40, PdfLook.PageHeight - PdfLook.Bottom + 12);
                foreach (var (box, top) in content.Items)
                {
                    if (box.Destination is { } d) _destinations.Add(d.Name, d.X, top);
                    canvas.Mirrored = rightToLeft && box.Mirrors;
                    _tagger.Draw(FirstTag(box), Bounds(box, top), () => box.Draw(canvas, top));
                }
                canvas.Mirrored = rightToLeft;
                _writer.DrawFootnotes(canvas, content, _tagger, _destinations);
                _tagger.EndPage();
            }
            content.Items.Clear(); // drawn: the boxes can go
            // Saving would compress the page's drawing operators anyway (the same Flate, so the
            // same bytes); doing it now keeps a tenth of them in memory until then.
            foreach (var stream in page.Contents) stream.Compressed = true;
        }

        public byte[] Save()
        {
            _tagger.Finish();
            _shaped.Finish();
            _destinations.Write();
            var saved = StructureWriter.Save(_pdf, _tagger.Annotations);
            // Saved: the document's objects (a long document's pages, tens of MB) can go before
            // the structure tree is written and the file's bytes are put together.
            (_pdf, _destinations) = (null!, null!);
            var added = _tagger.WriteStructure(saved);
            return StructureWriter.Assemble(saved, added, pdf => Stabilize(pdf, _contentHash));
        }
    }

    private void RunningHeaderAndFooter(PageCanvas canvas, string symbol, int number, FontCache cache)
    {
        var style = _look.Running;
        var header = cache.ShapeSingle(symbol, style);
        var footer = cache.ShapeSingle(number.ToString(System.Globalization.CultureInfo.InvariantCulture), style);
        bool odd = number % 2 == 1;
        double headerY = PdfLook.Top - 22;
        canvas.Line(header, odd ? PdfLook.TableRight - header.Width : PdfLook.Left, headerY);
        canvas.Rule(PdfLook.Left, PdfLook.TableRight, headerY + 3, 0.5);
        double footerY = PdfLook.PageHeight - PdfLook.Bottom + 28;
        canvas.Line(footer, odd ? PdfLook.TableRight - footer.Width : PdfLook.Left, footerY);
    }

    private void DrawFootnotes(PageCanvas canvas, PageContent page, Tagger tagger, Destinations destinations)
    {
        var notes = page.Footnotes;
        if (notes.Count == 0) return;
        double height = FootnoteHeight(notes);
        double y = PdfLook.PageHeight - PdfLook.Bottom - height;
        canvas.Rule(PdfLook.BodyLeft - PdfLook.Tab, PdfLook.BodyLeft + 100, y - 4, 0.5);
        foreach (var note in notes)
        {
            tagger.BeginNote(Citing(page, note));
            foreach (var box in NoteBoxes(note))
            {
                if (box.Destination is { } d) destinations.AddNote(d.Name, d.X, y);
                box.Draw(canvas, y);
                y += box.Height;
            }
            tagger.EndNote();
            y += 2;
        }
    }

    /// <summary>
    /// PDFsharp writes random font subset tags and XMP ids on every save. They are fixed-length
    /// ASCII outside compressed streams, so they are replaced by values derived from the content,
    /// keeping every byte offset (and so the cross-reference table) valid.
    /// </summary>
    private static void Stabilize(Span<byte> pdf, byte[] contentHash)
    {
        // Every replacement has the length of what it replaces, so the bytes are patched in place,
        // found by scanning the bytes (a long document's PDF is tens of MB: no copy of it as text).
        static void Patch(Span<byte> pdf, int at, string ascii) => Encoding.Latin1.GetBytes(ascii, pdf.Slice(at, ascii.Length));
        static string Ascii(Span<byte> pdf, int at, int length) => Encoding.Latin1.GetString(pdf.Slice(at, length));
        var tags = new Dictionary<string, string>();
        // Font subset tags: "/ABCDEF+FontName".
        for (int plus = pdf.IndexOf((byte)'+'); plus >= 0;)
        {
            if (plus >= 7 && pdf[plus - 7] == '/' && !pdf.Slice(plus - 6, 6).ContainsAnyExceptInRange((byte)'A', (byte)'Z'))
            {
                int nameEnd = plus + 1;
                while (nameEnd < pdf.Length && (char.IsAsciiLetterOrDigit((char)pdf[nameEnd]) || pdf[nameEnd] is (byte)'_' or (byte)'-')) nameEnd++;
                if (nameEnd > plus + 1)
                {
                    string font = Ascii(pdf, plus + 1, nameEnd - plus - 1), old = Ascii(pdf, plus - 6, 6);
                    if (!tags.TryGetValue(old, out var tag))
                    {
                        var h = SHA256.HashData(Encoding.UTF8.GetBytes(font + "#" + tags.Count));
                        tag = new string(h.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
                        tags[old] = tag;
                    }
                    Patch(pdf, plus - 6, tag);
                }
            }
            int following = pdf[(plus + 1)..].IndexOf((byte)'+');
            plus = following < 0 ? -1 : plus + 1 + following;
        }
        int counter = 0;
        ReadOnlySpan<byte> uuid = "uuid:"u8;
        for (int at = pdf.IndexOf(uuid); at >= 0;)
        {
            if (Uuid().IsMatch(Ascii(pdf, at, Math.Min(41, pdf.Length - at))))
            {
                var h = SHA256.HashData([.. contentHash, (byte)counter++]);
                string hex = Convert.ToHexString(h).ToLowerInvariant();
                Patch(pdf, at, $"uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}");
            }
            int next = pdf[(at + 1)..].IndexOf(uuid);
            at = next < 0 ? -1 : at + 1 + next;
        }
        UaMetadata.Identify(pdf);
    }

    [GeneratedRegex(@"^uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    // ---- masthead boxes ---------------------------------------------------------------------

    private sealed class MastheadTopBox(Line un, Line symbol, StructNode symbolTag) : Box
    {
        public override void Draw(PageCanvas canvas, double top)
        {
            double baseline = top + MastheadDesign.TopBaseline;
            canvas.Line(un, PdfLook.Left, baseline);
            canvas.Enter(symbolTag);
            canvas.Line(symbol, PdfLook.TableRight - symbol.Width, baseline);
            canvas.Rule(PdfLook.Left, PdfLook.TableRight, top + MastheadDesign.TopRule, MastheadDesign.TopRuleWidth);
        }
    }

    private sealed class MastheadSecondBox(List<Line> organ, double organLeading, List<Line> right, double rightLeading, List<StructNode?> rightTags) : Box
    {
        public override void Draw(PageCanvas canvas, double top)
        {
            double y = top + Height - MastheadDesign.LinesInset - organ.Count * organLeading;
            foreach (var line in organ) { canvas.Line(line, PdfLook.Left, y + line.Ascent); y += organLeading; }
            y = top + MastheadDesign.LinesInset;
            for (int i = 0; i < right.Count; i++)
            {
                canvas.Enter(rightTags[i]);
                // On a mirrored page the column is at the left; a line that runs left to right there (kept in English) starts at its left edge.
                double x = canvas.Mirrored && right[i].ParagraphLevel == 0 ? PdfLook.TableRight - right[i].Width : PdfLook.Left + MastheadDesign.RightX;
                canvas.Line(right[i], x, y + right[i].Ascent);
                y += rightLeading;
            }
            canvas.Rule(PdfLook.Left, PdfLook.TableRight, top + Height, MastheadDesign.ThickRuleWidth);
        }
    }
}
