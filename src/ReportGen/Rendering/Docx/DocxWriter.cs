using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Charts;
using ReportGen.Document;
using ReportGen.Packaging;
using ReportGen.Typesetting;

namespace ReportGen.Rendering.Docx;

/// <summary>
/// Writes the document model as a Word document: named styles, paragraph numbers and sub-items
/// through Word numbering, true footnotes (the asterisk on the agenda item), the UN masthead on
/// page 1, the symbol and page numbers in the headers and footers of later pages, A4, tables
/// whose header rows repeat, and for Chinese the East Asian fonts, zh-CN and kinsoku.
/// The same model always gives the same bytes.
/// </summary>
public sealed class DocxWriter
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly DocxLook _look;
    private readonly StringBuilder _body = new();
    private readonly List<string> _footnotes = [];
    private int _subItemLists;
    private readonly List<PendingChart> _charts = [];

    private DocxWriter(string language) => _look = new DocxLook(language);

    private ResolvedDocument _resolved = null!;
    private Pdf.Fonts.FontSet? _fonts;

    /// <summary>How many times each figure object has been printed: its n-th printing is its n-th occurrence (<see cref="ResolvedDocument.NumbersOf"/>).</summary>
    private readonly Dictionary<FigureRef, int> _printed = new(ReferenceEqualityComparer.Instance);

    public static string BookmarkName(int n) => "_F" + n.ToString(CultureInfo.InvariantCulture);

    public static byte[] Write(Doc doc) => Write(Resolver.Resolve(doc));

    /// <summary>The Word file of a resolved document: each anchor is a bookmark (<see cref="Anchors.Encode"/>) where its text starts.</summary>
    /// <param name="fonts">the PDF's fonts, which measure the lines and columns Word is given (null: the bundled ones)</param>
    public static byte[] Write(ResolvedDocument resolved, Pdf.Fonts.FontSet? fonts = null)
    {
        var doc = resolved.Doc;
        var writer = new DocxWriter(doc.Language) { _resolved = resolved, _fonts = fonts };
        writer._matrixMax = Palette.MatrixMax(doc.AllBlocks().OfType<ChartSlot>().Select(c => c.Chart));
        writer.Masthead(doc.Masthead, doc.Body.FirstOrDefault());
        writer.Blocks(doc.Body, inAnnex: false);
        // The closing short rule of UN documents, centred under the last text (a drawing, not text: the PDF draws a line).
        writer._body.Append($"<w:p><w:pPr><w:keepLines/><w:spacing w:before=\"240\"/><w:jc w:val=\"center\"/></w:pPr>{writer.Bookmark(Anchors.NoTextPrefix + "end")}{writer.Run("__________")}</w:p>");
        return writer.Package(doc);
    }

    private byte[] Package(Doc doc)
    {
        var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // Every relationship id is given: generated ones are random and would change the bytes.
            var main = package.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            Put(main.AddNewPart<StyleDefinitionsPart>("rId1"), DocxStyles.Xml(_look));
            Put(main.AddNewPart<NumberingDefinitionsPart>("rId2"), DocxStyles.Numbering(_subItemLists, _look.Profile.SubItemNumerals, _look.Profile.SubItemLabel, _look.Profile.SubItemLabel2, _look.Profile.SubItemLetters, _look.Profile.ParagraphNumber,
                _look.Profile.RightToLeft));
            Put(main.AddNewPart<FootnotesPart>("rId3"), Footnotes());
            Put(main.AddNewPart<DocumentSettingsPart>("rId4"), DocxStyles.Settings(_look));
            string symbol = Escape(doc.Masthead.RunningHeader);
            Put(main.AddNewPart<HeaderPart>("rId5"), HeaderFooter("hdr", $"<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>{Run(symbol)}</w:p>"));
            Put(main.AddNewPart<HeaderPart>("rId6"), HeaderFooter("hdr", $"<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"right\"/></w:pPr>{Run(symbol)}</w:p>"));
            Put(main.AddNewPart<HeaderPart>("rId7"), HeaderFooter("hdr", "<w:p/>"));
            Put(main.AddNewPart<FooterPart>("rId8"), HeaderFooter("ftr", $"<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{PageField()}</w:p>"));
            Put(main.AddNewPart<FooterPart>("rId9"), HeaderFooter("ftr", $"<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"right\"/></w:pPr>{PageField()}</w:p>"));
            Put(main.AddNewPart<FooterPart>("rId10"), HeaderFooter("ftr", "<w:p/>"));
            foreach (var chart in _charts)
            {
                var part = main.AddNewPart<ChartPart>(chart.RelationshipId);
                Put(part, chart.Xml);
                var data = part.AddNewPart<EmbeddedPackagePart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "rId1");
                using var stream = new MemoryStream(chart.Workbook);
                data.FeedData(stream);
            }
            Put(main, Document());
            Put(package.AddNewPart<CoreFilePropertiesPart>("application/vnd.openxmlformats-package.core-properties+xml", "rIdCore"), DocxAccessibility.CoreProperties(doc));
        }
        return DeterministicZip.Normalize(buffer.ToArray());
    }

    private static void Put(OpenXmlPart part, string xml)
    {
        using var stream = part.GetStream(FileMode.Create);
        var bytes = new UTF8Encoding(false).GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        stream.Write(bytes);
    }

    private string Document() =>
        $"<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{DocxAccessibility.SpaceAfterTables(_body.ToString())}" +
        "<w:sectPr>" +
        "<w:headerReference w:type=\"even\" r:id=\"rId5\"/><w:headerReference w:type=\"default\" r:id=\"rId6\"/><w:headerReference w:type=\"first\" r:id=\"rId7\"/>" +
        "<w:footerReference w:type=\"even\" r:id=\"rId8\"/><w:footerReference w:type=\"default\" r:id=\"rId9\"/><w:footerReference w:type=\"first\" r:id=\"rId10\"/>" +
        $"<w:pgSz w:w=\"{DocxLook.PageWidth}\" w:h=\"{DocxLook.PageHeight}\"/>" +
        $"<w:pgMar w:top=\"{DocxLook.MarginTop}\" w:right=\"{DocxLook.MarginRight}\" w:bottom=\"{DocxLook.MarginBottom}\" w:left=\"{DocxLook.MarginLeft}\" w:header=\"{DocxLook.HeaderDistance}\" w:footer=\"{DocxLook.FooterDistance}\" w:gutter=\"0\"/>" +
        // A right-to-left section: Word sets its columns and page numbers from the right (the pages' margins are equal: nothing else to mirror).
        $"<w:titlePg/>{(_look.Profile.RightToLeft ? "<w:bidi/>" : "")}</w:sectPr></w:body></w:document>";

    private static string HeaderFooter(string root, string content) => $"<w:{root} xmlns:w=\"{W}\" xmlns:r=\"{R}\">{content}</w:{root}>";

    private static string PageField() =>
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" +
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

    private string Footnotes()
    {
        // Word sets the separator paragraph (LibreOffice its own rule) as high as LibreOffice's: each note's space above makes up the PDF's.
        int separator = PageDesign.Twips(DocxStyles.LibreOfficeSeparator);
        var xml = new StringBuilder($"<w:footnotes xmlns:w=\"{W}\" xmlns:r=\"{R}\">");
        xml.Append($"<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"{separator}\" w:lineRule=\"exact\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>");
        xml.Append($"<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"{separator}\" w:lineRule=\"exact\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>");
        foreach (string note in _footnotes) xml.Append(note);
        return xml.Append("</w:footnotes>").ToString();
    }

    // ---- masthead ---------------------------------------------------------------------------

    private void Masthead(Masthead m, Block? first)
    {
        // No layout table (assistive technology would read it as data): the first line holds the
        // name and the symbol apart by a right tab stop, the organ stands in a frame at the left
        // of the distribution lines, and the thick rule under both is the top border of the session line.
        // Each band is as high as the PDF's (Typesetting.MastheadDesign): exact leading, and spacing where the PDF has a band's padding.
        var t = _look.Type;
        double rightLeading = t.BodyLeading * MastheadDesign.RightLeading, organLeading = t.MastheadOrgan * MastheadDesign.OrganLeading;
        int organLines = Math.Max(1, Pdf.PdfWriter.MastheadOrganLines(_resolved, _fonts).Count);
        double second = Math.Max(organLines * organLeading, MastheadDesign.RightRows * rightLeading) + MastheadDesign.SecondPadding;
        string Exact(double leading, double before = 0, double after = 0) =>
            $"<w:spacing w:before=\"{PageDesign.Twips(before)}\" w:after=\"{PageDesign.Twips(after)}\" w:line=\"{PageDesign.Twips(leading)}\" w:lineRule=\"exact\"/>";
        string P(string style, string text, string extra = "") => $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{LeftToRight(text, extra)}</w:pPr>{Run(Escape(text))}</w:p>";
        string un = _look.Profile.Masthead.SpacedUnitedNations ? Run(Escape(m.UnitedNations), "<w:spacing w:val=\"240\"/>") : Run(Escape(m.UnitedNations));
        // LibreOffice sets an exact line's text at its foot (measured: within 1.5 pt): the line ends the symbol's descent below the PDF's baseline.
        double symbolDescent = _look.Type.MastheadSymbol * LatinDescent, topLine = MastheadDesign.TopBaseline + symbolDescent;
        double ruleSpace = Math.Max(0, Math.Round(MastheadDesign.TopRule - MastheadDesign.TopRuleWidth / 2 - topLine));
        _body.Append("<w:p><w:pPr><w:pStyle w:val=\"MastheadUN\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"")
             .Append(ruleSpace.ToString(CultureInfo.InvariantCulture)).Append("\" w:color=\"000000\"/></w:pBdr>")
             .Append($"<w:tabs><w:tab w:val=\"right\" w:pos=\"{DocxLook.TextWidth}\"/></w:tabs>")
             .Append(Exact(topLine, after: MastheadDesign.TopHeight - topLine - ruleSpace - MastheadDesign.TopRuleWidth)).Append("</w:pPr>")
             .Append(Bookmark(Anchors.Encode(Anchors.Masthead)))
             .Append(un).Append("<w:r><w:tab/></w:r>").Append(Run(Escape(m.Symbol), $"<w:b/>{DocxLook.Size(_look.Type.MastheadSymbol)}")).Append("</w:p>");
        // The organ's lines end the band's padding above its foot, as in the PDF (it is framed: it takes no height in the text).
        double organTop = second - MastheadDesign.LinesInset - organLines * organLeading;
        // The organ's frame stands at the start of the line: the left margin, the right one in a right-to-left edition
        // (the Distr. lines, left to right, fill the other side), as the PDF mirrors the masthead.
        string organSide = _look.Profile.RightToLeft ? "right" : "left";
        _body.Append(P("MastheadOrgan", m.Organ,
            $"<w:framePr w:w=\"{PageDesign.Twips(MastheadDesign.OrganWidth)}\" w:wrap=\"around\" w:vAnchor=\"text\" w:hAnchor=\"margin\" w:xAlign=\"{organSide}\" w:y=\"{PageDesign.Twips(organTop)}\"/>{Exact(organLeading)}"));
        string indent = $"<w:ind w:left=\"{PageDesign.Twips(MastheadDesign.RightX)}\"/>";
        _body.Append(P("MastheadDistr", m.Distribution, Exact(rightLeading, before: MastheadDesign.LinesInset) + indent)).Append(P("MastheadLine", m.DateLine, Exact(rightLeading) + indent));
        if (m.LanguageLine.Length > 0) _body.Append(P("MastheadLine", m.LanguageLine, Exact(rightLeading) + indent));
        // The PDF's rows: a blank one for no language line and a blank one before the original language; the band's padding below,
        // less half the thick rule, which is drawn centred on the band's foot.
        int thickEighths = (int)Math.Round(MastheadDesign.ThickRuleWidth * 8); // Word's border widths are in eighths of a point
        double thick = thickEighths / 8.0, rowsBefore = m.LanguageLine.Length > 0 ? 1 : 2;
        double below = second - MastheadDesign.LinesInset - MastheadDesign.RightRows * rightLeading - thick / 2;
        _body.Append(P("MastheadLine", m.OriginalLine, Exact(rightLeading, before: rowsBefore * rightLeading, after: below) + indent));
        double textLeading = t.Body * MastheadDesign.Leading;
        string sessionSpace = Math.Round(MastheadDesign.SessionSpace - thick / 2).ToString(CultureInfo.InvariantCulture);
        _body.Append(P("Session", m.Session, $"<w:pBdr><w:top w:val=\"single\" w:sz=\"{thickEighths}\" w:space=\"{sessionSpace}\" w:color=\"000000\"/></w:pBdr>{Exact(textLeading)}"))
             .Append(P("Normal", m.PlaceAndDates, Exact(textLeading)));
        _body.Append($"<w:p><w:pPr><w:pStyle w:val=\"Normal\"/>{Exact(textLeading)}</w:pPr>").Append(Run(Escape(m.AgendaItemBefore)))
             .Append(FootnoteReference(m.AgendaFootnote)).Append(m.AgendaItemAfter.Length > 0 ? Run(Escape(m.AgendaItemAfter)) : "").Append("</w:p>");
        _body.Append(P("AgendaTitle", m.AgendaTitle, Exact(textLeading)));
        _body.Append("<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>").Append(Run(Escape(m.Title)));
        foreach (var note in m.TitleFootnotes) _body.Append(FootnoteReference(note));
        _body.Append("</w:p>");
        // The PDF's space under the subtitle and the space above what follows it; LibreOffice sets the larger of this and a heading's
        // space above, not their sum (DocxLook.HeadingSpacing), and body text has none above.
        double next = first is Heading h ? TypeSizes.HeadingSpaceBefore(h.Level) : t.ParagraphSpace;
        _body.Append(P("Subtitle", m.Subtitle, $"<w:spacing w:after=\"{PageDesign.Twips(MastheadDesign.AfterSubtitle + next)}\"/>"));
    }

    /// <summary>Liberation Serif's (Times New Roman's) descent, in ems: LibreOffice sets an exact line's baseline that far above its foot.</summary>
    private const double LatinDescent = 0.216;

    // ---- blocks -----------------------------------------------------------------------------

    /// <summary>Whether the paragraph being written is a lead-in (<see cref="HouseStyle.IntroducesList(IReadOnlyList{Block}, int)"/>): kept with the list.</summary>
    private bool _leadIn;

    /// <summary>Word's keep-with-next, in a paragraph's properties (after its style, before its numbering).</summary>
    private static string KeepNext(bool keep) => keep ? "<w:keepNext/>" : "";

    /// <summary>The paragraphs of a short final chapter, each kept with the next (<see cref="HouseStyle.FinalChapter"/>).</summary>
    private readonly HashSet<Paragraph> _keptWhole = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Marks the paragraphs of the last chapter before the annexes, all but its last, to keep with the next when the
    /// chapter is short (<see cref="HouseStyle.WholeChapterLines"/>, counted in the PDF's lines): Word and LibreOffice then
    /// move it whole to the next page, as the PDF does, rather than leave a few lines alone before the annex.
    /// </summary>
    private void KeepFinalChapterWhole(IReadOnlyList<Block> body)
    {
        if (HouseStyle.FinalChapter(body) is not var (start, end)) return;
        var paragraphs = new List<Paragraph>();
        void Items(SubItems s)
        {
            foreach (var item in s.Items) ItemBlocks.Walk(item, _resolved.LabelOf(item), (p, _) => paragraphs.Add(p), Items);
        }
        for (int i = start; i < end; i++)
        {
            if (body[i] is Paragraph p) paragraphs.Add(p);
            else if (body[i] is SubItems s) Items(s);
        }
        if (paragraphs.Count < 2) return;
        int lines = paragraphs.Sum(p => Pdf.PdfWriter.BodyParagraphLines(_resolved, p, _fonts));
        if (lines > HouseStyle.WholeChapterLines) return;
        foreach (var p in paragraphs.Take(paragraphs.Count - 1)) _keptWhole.Add(p);
    }

    private void Blocks(IReadOnlyList<Block> blocks, bool inAnnex)
    {
        if (!inAnnex) KeepFinalChapterWhole(blocks);
        var walk = new BlockWalk(this, inAnnex);
        for (int i = 0; i < blocks.Count; i++)
        {
            _leadIn = HouseStyle.IntroducesList(blocks, i);
            blocks[i].Accept(walk);
        }
        _leadIn = false;
    }

    /// <summary>The body's walk: one method per kind of block, so a new kind is a compile error here.</summary>
    private sealed class BlockWalk(DocxWriter w, bool inAnnex) : IBlockVisitor<Done>
    {
        public Done Visit(Heading h)
        {
            string style = h.Level switch { 1 => "Heading1", 2 => "Heading2", _ => "Heading3" };
            w._body.Append($"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
            if (h.Number is not null) w._body.Append(w.Run(Escape(h.Number))).Append("<w:r><w:tab/></w:r>");
            w._body.Append(w.Anchor(h)).Append(w.Runs(h.Content)).Append("</w:p>");
            return default;
        }

        public Done Visit(Paragraph p)
        {
            // Word and LibreOffice keep a whole paragraph with the next; the PDF keeps a lead-in's last lines with its list and may
            // leave its first ones on the page before. A lead-in the PDF can split (two lines on each page at least) is not kept,
            // else Word and LibreOffice carry all of it over where the PDF carries two lines.
            const int splittable = 4; // two lines on each page at least (Layout.Paginator)
            bool keep = w._leadIn && Pdf.PdfWriter.BodyParagraphLines(w._resolved, p, w._fonts) < splittable || w._keptWhole.Contains(p);
            w._body.Append("<w:p><w:pPr>");
            if (w._resolved.NumberOf(p) is not null) w._body.Append("<w:pStyle w:val=\"Body\"/>").Append(KeepNext(keep)).Append("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
            else w._body.Append($"<w:pStyle w:val=\"{(inAnnex ? "AnnexBody" : "Body")}\"/>").Append(KeepNext(keep));
            w._body.Append("</w:pPr>").Append(w.Anchor(p)).Append(w.Runs(p.Content)).Append("</w:p>");
            return default;
        }

        public Done Visit(SubItems s) { w.SubItems(s, ++w._subItemLists + 1); return default; }
        public Done Visit(Table t) { w.Table(t, null); return default; }
        public Done Visit(ChartSlot c) { w.Chart(c); return default; }

        public Done Visit(Annex a)
        {
            w._body.Append("<w:p><w:pPr><w:pStyle w:val=\"AnnexLabel\"/></w:pPr>").Append(w.Anchor(a)).Append(w.Run(Escape(a.Label))).Append("</w:p>");
            if (a.Title.Length > 0) w._body.Append("<w:p><w:pPr><w:pStyle w:val=\"AnnexTitle\"/></w:pPr>").Append(w.Run(Escape(a.Title))).Append("</w:p>");
            w.Blocks(a.Body, inAnnex: true);
            return default;
        }

        public Done Visit(PageBreak pageBreak) { w._body.Append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"); return default; }
    }

    private void SubItems(SubItems s, int numId)
    {
        foreach (var item in s.Items)
            ItemBlocks.Walk(item, _resolved.LabelOf(item), (p, first) =>
            {
                string style = s.Level == 1 ? "SubItem1" : "SubItem2";
                _body.Append($"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>").Append(KeepNext(HouseStyle.IntroducesList(item.Blocks, p) || _keptWhole.Contains(p)));
                if (first) _body.Append($"<w:numPr><w:ilvl w:val=\"{Math.Min(s.Level, 2) - 1}\"/><w:numId w:val=\"{numId}\"/></w:numPr>");
                _body.Append("</w:pPr>").Append(Anchor(p)).Append(Runs(p.Content)).Append("</w:p>");
            }, nested => SubItems(nested, numId));
    }

    private int _bookmarks;

    /// <summary>A point bookmark: the anchor's text starts here. Ids follow the figures' (1…n, <see cref="BookmarkName"/>).</summary>
    private string Bookmark(string name)
    {
        string id = (_resolved.Figures.Count + ++_bookmarks).ToString(CultureInfo.InvariantCulture);
        return $"<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/><w:bookmarkEnd w:id=\"{id}\"/>";
    }

    private string Anchor(Block block) => _resolved.AnchorOf(block) is { } anchor ? Bookmark(Anchors.Encode(anchor)) : "";

    private void Chart(ChartSlot c)
    {
        // A caption label that leaves less than half an em before the margin ("Диаграмма II", "الشكل الأول") has its title
        // moved along to half an em after it, as the PDF does: the style's stop at the margin is cleared for a stop there,
        // and a no-break space ends the label, so a tab that stops at the hanging indent all the same (Word's implicit
        // stop) still leaves a space. Without them the tab ran to the margin a point after the label: "Диаграмма IIБюджет".
        string label = c.Caption ?? ChartCaption.Label(c.Number, _look.Profile);
        double size = _look.Type.Body;
        int labelEnd = PageDesign.Twips(Measure(label, size, false, _look.Type.HeadingBold, _look.Profile.Fonts.Heading) + size / 2);
        bool wide = labelEnd > DocxLook.BodyIndent;
        string tab = wide ? $"<w:tabs><w:tab w:val=\"clear\" w:pos=\"{DocxLook.BodyIndent}\"/><w:tab w:val=\"left\" w:pos=\"{labelEnd}\"/></w:tabs>" : "";
        // Right to left, Word's face of the label is not the PDF's (Simplified Arabic, or what LibreOffice puts for it), so the
        // measure may fall short ("الشكل الأولالروابط"): the label always ends in the no-break space.
        bool space = wide || _look.Profile.RightToLeft;
        _body.Append($"<w:p><w:pPr><w:pStyle w:val=\"ChartTitle\"/>{tab}</w:pPr>").Append(Run(Escape(space ? label + "\u00A0" : label))).Append("<w:r><w:tab/></w:r>")
             .Append(Anchor(c)).Append(Run(Escape(c.Title))).Append("</w:p>");
        if (c.Subtitle is not null) _body.Append("<w:p><w:pPr><w:pStyle w:val=\"ChartNote\"/></w:pPr>").Append(Run(Escape(c.Subtitle))).Append("</w:p>");
        foreach (var h in c.Chart.Headlines)
            _body.Append("<w:p><w:pPr><w:pStyle w:val=\"ChartNote\"/></w:pPr>").Append(Run(Escape(h.Label + ChartCaption.Colon(_look.Profile)))).Append(Run(Escape(h.Value), "<w:b/>")).Append("</w:p>");
        // The drawing's own words (a matrix's cells, the dashboard's names) are a region comparisons of text leave out.
        // It starts at the end of the last paragraph of the chart's words (an empty paragraph would add space).
        _body.Insert(_body.ToString().LastIndexOf("</w:p>", StringComparison.Ordinal), Bookmark(Anchors.DrawingName(_resolved.AnchorOf(c) ?? "chart")));
        switch (c.Chart.Kind)
        {
            case ChartKind.Matrix:
                Matrix(c.Chart, ChartTitle(c));
                break;
            case ChartKind.Dashboard:
                Dashboard(c.Chart, ChartTitle(c));
                break;
            default:
                string rel = NewChart(c.Chart, c.Chart.Series, c.Chart.ValueAxisTitle);
                // The PDF's figure (ChartFrame.FigureHeight, its width from the body's indent less the value labels' room to the
                // right margin) and its spaces above and below; single line spacing, not the style's (Chinese sets 1.25 lines,
                // which LibreOffice applied to the drawing's line: figure I of the three-year cycle's zh annual report ran onto
                // the next page and carried figure II to a fifth).
                _body.Append("<w:p><w:pPr><w:keepLines/>").Append(_look.ChartParagraphDirection).Append($"<w:spacing w:before=\"{PageDesign.Twips(ChartFrame.FigureSpaceAbove)}\" w:after=\"{PageDesign.Twips(ChartFrame.FigureSpaceBelow)}\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>")
                     .Append(DocxCharts.Drawing(rel, ++_drawings, ChartTitle(c), c.Chart.AltText, Emu(PageDesign.TextWidth - PageDesign.Indent + ChartFrame.AxisMargin), Emu(ChartFrame.FigureHeight))).Append("</w:p>");
                break;
        }
    }

    private int _drawings;

    /// <summary>Points in English Metric Units (12,700 to the point), as DrawingML measures a drawing.</summary>
    private static long Emu(double points) => (long)Math.Round(points * 12_700);

    /// <summary>A chart's title for assistive technology: its caption label and title ("Chart I Linkages …").</summary>
    private string ChartTitle(ChartSlot c) => (c.Caption ?? ChartCaption.Label(c.Number, _look.Profile)) + " " + c.Title;
    private double _matrixMax;

    private string NewChart(ChartData chart, IReadOnlyList<ChartSeries> series, string? valueTitle)
    {
        string rel = "rIdChart" + (_charts.Count + 1).ToString(CultureInfo.InvariantCulture);
        _charts.Add(DocxCharts.Build(rel, chart, series, _look, valueTitle));
        return rel;
    }

    /// <summary>
    /// The flagship dashboard: one small bar chart per measure, two by two. Each pair of charts has
    /// a row of their names above a row of the drawings; the first names row is the table's header
    /// row (what Word's accessibility checker asks of every table), so a screen reader hears each
    /// chart of the first pair under its name. The table is kept on one page with the key of codes
    /// below it (every row keeps with the next), so the header row is never repeated above the
    /// second pair and the key never sits alone on the next page.
    /// </summary>
    private void Dashboard(ChartData chart, string title)
    {
        int half = DocxLook.TextWidth / 2;
        _body.Append("<w:tbl><w:tblPr>").Append(_look.TableDirection).Append($"<w:tblW w:w=\"{DocxLook.TextWidth}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>")
             .Append("<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>");
        _body.Append($"<w:tblCaption w:val=\"{Escape(title)}\"/><w:tblDescription w:val=\"{Escape(chart.AltText)}\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{half}\"/><w:gridCol w:w=\"{DocxLook.TextWidth - half}\"/></w:tblGrid>");
        for (int i = 0; i < chart.Series.Count; i += 2)
        {
            _body.Append("<w:tr><w:trPr><w:cantSplit/>").Append(i == 0 ? "<w:tblHeader/>" : "").Append("</w:trPr>");
            for (int j = i; j < i + 2; j++)
            {
                _body.Append($"<w:tc><w:tcPr><w:tcW w:w=\"{half}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"ChartNote\"/><w:keepNext/><w:jc w:val=\"center\"/></w:pPr>");
                if (j < chart.Series.Count) _body.Append(Run(Escape(chart.Series[j].Name), "<w:b/>"));
                _body.Append("</w:p></w:tc>");
            }
            _body.Append("</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (int j = i; j < i + 2; j++)
            {
                // The last row too keeps with the next: the key of codes below belongs with the charts.
                _body.Append($"<w:tc><w:tcPr><w:tcW w:w=\"{half}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:keepNext/>{_look.ChartParagraphDirection}<w:jc w:val=\"center\"/></w:pPr>");
                if (j < chart.Series.Count)
                {
                    var series = chart.Series[j];
                    string rel = NewChart(chart with { Categories = chart.CategoryCodes }, [series], null);
                    _body.Append(DocxCharts.Drawing(rel, ++_drawings, series.Name, $"{series.Name}: " + string.Join("; ", chart.CategoryCodes.Zip(series.Values,
                        (code, v) => $"{code} {ChartValues.In(ChartValues.LabelOf(v, series.Format), _look.Profile.Numbers)}")), (long)(half * 635 * 0.92), 1_600_000));
                }
                _body.Append("</w:p></w:tc>");
            }
            _body.Append("</w:tr>");
        }
        _body.Append("</w:tbl>");
        // The flagships' names, which the small charts show by code.
        for (int i = 0; i < chart.Categories.Count; i++)
            _body.Append("<w:p><w:pPr><w:pStyle w:val=\"ChartNote\"/>").Append(i == chart.Categories.Count - 1 ? "<w:spacing w:after=\"180\"/>" : "")
                 .Append("</w:pPr>").Append(Run(Escape(chart.Categories[i]))).Append("</w:p>");
    }

    /// <summary>The linkage matrix as a table whose cells are shaded by their count (Word has no heat-map chart).</summary>
    private void Matrix(ChartData chart, string title)
    {
        int columns = chart.Series.Count + 1;
        // The PDF's first column (70 points), or wider when the corner's title does not fit it on one line with the cells' margins.
        int first = Math.Max(1400, PageDesign.Twips(Measure(chart.CategoryAxisTitle ?? "", _look.Type.Small, _look.Type.TableHeaderItalic)) + 2 * MatrixCellMargin + 40);
        int other = (DocxLook.TextWidth - first) / Math.Max(1, columns - 1);
        double max = _matrixMax; // one shading scale for all the matrices of the document
        _body.Append("<w:tbl><w:tblPr>").Append(_look.TableDirection).Append($"<w:tblW w:w=\"{first + other * (columns - 1)}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>")
             .Append($"<w:tblCellMar><w:left w:w=\"{MatrixCellMargin}\" w:type=\"dxa\"/><w:right w:w=\"{MatrixCellMargin}\" w:type=\"dxa\"/></w:tblCellMar>")
             .Append("<w:tblLook w:val=\"0000\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>")
             .Append($"<w:tblCaption w:val=\"{Escape(title)}\"/><w:tblDescription w:val=\"{Escape(chart.AltText)}\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{first}\"/>");
        for (int i = 1; i < columns; i++) _body.Append($"<w:gridCol w:w=\"{other}\"/>");
        _body.Append("</w:tblGrid>");
        // Every row but the last keeps with the next (Word's way to keep a table on one page): a matrix split
        // over two pages, its header repeated, reads as two charts. Cells without the table text's spacing,
        // as the PDF's heat map, so two matrices fit a page as they do there.
        string Cell(int width, string text, string fill, bool header, string jc, bool keep = true, int span = 1)
        {
            string colour = Palette.TextOn(fill);
            string border = "<w:tcBorders><w:top w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"FFFFFF\"/><w:left w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"FFFFFF\"/><w:bottom w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"FFFFFF\"/><w:right w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"FFFFFF\"/></w:tcBorders>";
            return $"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{(span > 1 ? $"<w:gridSpan w:val=\"{span}\"/>" : "")}{border}<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/><w:vAlign w:val=\"center\"/></w:tcPr>" +
                   $"<w:p><w:pPr><w:pStyle w:val=\"{(header ? "TableHeader" : "TableText")}\"/>{(keep ? "<w:keepNext/>" : "")}<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"{jc}\"/></w:pPr>{(text.Length > 0 ? Run(Escape(text), colour == "FFFFFF" ? "<w:b/><w:color w:val=\"FFFFFF\"/>" : "") : "")}</w:p></w:tc>";
        }
        // Two header rows, as the PDF's heat map: the value axis's title ("Secondary outcome", 次级成果) spanning the outcome
        // columns over an empty corner, then the category axis's title ("Primary outcome") in the corner beside the outcomes.
        // Both repeat as header rows; the corner holds one title only, so its words fit the PDF's first column.
        _body.Append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>").Append(Cell(first, "", "FFFFFF", true, "left"))
             .Append(Cell(other * (columns - 1), chart.ValueAxisTitle ?? "", "FFFFFF", true, "center", span: columns - 1)).Append("</w:tr>");
        _body.Append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>").Append(Cell(first, chart.CategoryAxisTitle ?? "", "FFFFFF", true, "left"));
        foreach (var s in chart.Series) _body.Append(Cell(other, s.Name, "FFFFFF", true, "center"));
        _body.Append("</w:tr>");
        for (int r = 0; r < chart.Categories.Count; r++)
        {
            bool keep = r < chart.Categories.Count - 1;
            _body.Append("<w:tr><w:trPr><w:cantSplit/></w:trPr>").Append(Cell(first, chart.Categories[r], "FFFFFF", false, "left", keep));
            foreach (var s in chart.Series)
            {
                double v = s.Values[r] ?? 0;
                _body.Append(Cell(other, v > 0 ? v.ToString("0", CultureInfo.InvariantCulture) : "", Palette.Heat(v, max), false, "center", keep));
            }
            _body.Append("</w:tr>");
        }
        _body.Append("</w:tbl>");
    }

    /// <summary>The left and right margin of a matrix's cells, in twips: the default table style's (<see cref="DocxStyles"/>), stated on the table, as LibreOffice does not apply the style's to it (it set 5.6 points).</summary>
    private const int MatrixCellMargin = 57;

    /// <summary>A line of text's width in points at <paramref name="size"/>, in the PDF's faces (the bundled ones when the build names none).</summary>
    private double Measure(string text, double size, bool italic, bool bold = false, FontRole? role = null)
    {
        var fonts = _fonts ??= Pdf.Fonts.FontSet.Load();
        var face = role ?? _look.Profile.Fonts.Text;
        return text.EnumerateRunes().Sum(r => (fonts.FaceFor(r.Value, face, bold, italic)?.Advance(r.Value) ?? 0.5) * size);
    }

    private void Table(Table t, string? description)
    {
        int columns = Math.Max(1, t.ColumnWeights.Count);
        bool wide = columns > TableGeometry.WideTableColumns;
        int indent = wide ? 0 : DocxLook.BodyIndent;
        int width = DocxLook.TextWidth - indent;
        // The PDF's columns, in proportion: measured with its fonts, each at least as wide as the widest piece
        // of its cells no break may divide (Word and LibreOffice would otherwise break 次|级成果 or （美|元）),
        // and as its widest line there, with the PDF's gutter as the cells' margins: each of the PDF's lines fits.
        var pdf = Pdf.PdfWriter.CellTexts(_resolved, t, _fonts);
        int margin = PageDesign.Twips(pdf.Gutter);
        var shares = Pdf.PdfWriter.ColumnShares(_resolved, t, _fonts).Select(share => share * width).ToArray();
        var widths = TableGeometry.Rebalance(shares, pdf.Widest.Select(w => PageDesign.Twips(w) + 2.0 * margin + 1).ToArray())
            .Select(w => (int)Math.Floor(w)).ToArray();
        widths[^1] += width - widths.Sum();
        _body.Append("<w:tbl><w:tblPr>").Append(_look.TableDirection)
             .Append($"<w:tblW w:w=\"{width}\" w:type=\"dxa\"/><w:tblInd w:w=\"{indent}\" w:type=\"dxa\"/>")
             .Append("<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>")
             .Append("<w:tblLayout w:type=\"fixed\"/>")
             .Append($"<w:tblCellMar><w:left w:w=\"{margin}\" w:type=\"dxa\"/><w:right w:w=\"{margin}\" w:type=\"dxa\"/></w:tblCellMar>")
             .Append("<w:tblLook w:val=\"0000\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>");
        if (description is not null) _body.Append($"<w:tblDescription w:val=\"{Escape(description)}\"/>");
        _body.Append("</w:tblPr><w:tblGrid>");
        foreach (int w in widths) _body.Append($"<w:gridCol w:w=\"{w}\"/>");
        _body.Append("</w:tblGrid>");
        for (int r = 0; r < t.Header.Count; r++)
        {
            Row(t.Header[r], widths, header: true, lastHeader: r == t.Header.Count - 1, Anchors.Row(_resolved.AnchorOf(t) ?? "table", r + 1), pdfLines: PdfLinesOf(r));
        }
        // A table without header rows still has its first row marked as one: assistive technology reads cells by it.
        // First cells that repeat the one above merge into one (w:vMerge), a thin rule above each run after the first, as in the PDF.
        var continues = TableGeometry.ContinuesAbove(t.Rows);
        bool merging = continues.Any(c => c);
        for (int r = 0; r < t.Rows.Count; r++)
        {
            string? merge = continues[r] ? "<w:vMerge/>" : r + 1 < t.Rows.Count && continues[r + 1] ? "<w:vMerge w:val=\"restart\"/>" : null;
            // The first rows and the last rows stand together (HouseStyle.TableTailRows): each keeps with the next.
            int tail = HouseStyle.TableTailRows;
            bool keep = t.Rows.Count > tail && r < t.Rows.Count - 1 && (r < tail - 1 || r >= t.Rows.Count - tail);
            Row(t.Rows[r], widths, header: t.Header.Count == 0 && r == 0, lastHeader: false, Anchors.Row(_resolved.AnchorOf(t) ?? "table", t.Header.Count + r + 1),
                merge, ruleAbove: merging && r > 0 && !continues[r], pdfLines: PdfLinesOf(t.Header.Count + r), keep: keep);
        }
        _body.Append("</w:tbl>");

        IReadOnlyList<string>[] PdfLinesOf(int row) => pdf.Lines.Select(column => column[row]).ToArray();
    }

    /// <summary>
    /// A cell's text cut where the PDF breaks its lines, when the look asks for it (Chinese: LibreOffice breaks it at
    /// whichever character passes the line's end) and the cell is plain text set on more than one line; else null.
    /// </summary>
    private List<string>? AsThePdfBreaks(TableCell cell, IReadOnlyList<string> lines)
    {
        if (!_look.CellLinesAsThePdf || lines.Count < 2 || !cell.Content.All(i => i is Text)) return null;
        string text = string.Concat(cell.Content.Cast<Text>().Select(x => x.Value));
        var pieces = new List<string>();
        int at = 0;
        foreach (string line in lines)
        {
            int start = at, count = line.Count(ch => !char.IsWhiteSpace(ch));
            while (count > 0 && at < text.Length) { if (!char.IsWhiteSpace(text[at])) count--; at++; }
            if (count > 0) return null;
            // A space the line broke at ends its line: unseen there, and the cell's text still reads "a b", not "ab".
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            pieces.Add(text[start..at]);
        }
        return at == text.Length ? pieces : null;
    }

    private void Row(IReadOnlyList<TableCell> cells, int[] widths, bool header, bool lastHeader, string anchor, string? firstMerge = null, bool ruleAbove = false,
        IReadOnlyList<string>[]? pdfLines = null, bool keep = false)
    {
        _body.Append("<w:tr><w:trPr><w:cantSplit/>").Append(header ? "<w:tblHeader/>" : "").Append("</w:trPr>");
        for (int c = 0; c < widths.Length; c++)
        {
            bool continued = c == 0 && firstMerge == "<w:vMerge/>";
            var cell = c < cells.Count && !continued ? cells[c] : new TableCell([]);
            // In a right-to-left (w:bidi) paragraph Word and LibreOffice read left and right as start and end: there every cell
            // but a centred one is "left", flush with the column's right edge, figures' units in line as in the English (see the PDF's RowBox).
            string jc = cell.Alignment switch
            {
                Alignment.Right when _look.Profile.RightToLeft => "left",
                Alignment.Right => "right", Alignment.Center => "center", _ => "left",
            };
            _body.Append($"<w:tc><w:tcPr><w:tcW w:w=\"{widths[c]}\" w:type=\"dxa\"/>");
            if (c == 0 && firstMerge is not null) _body.Append(firstMerge);
            if (lastHeader) _body.Append("<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>");
            else if (ruleAbove) _body.Append("<w:tcBorders><w:top w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>");
            string paragraph = $"<w:p><w:pPr><w:pStyle w:val=\"{(header ? "TableHeader" : "TableText")}\"/>{KeepNext(keep)}<w:jc w:val=\"{jc}\"/></w:pPr>";
            _body.Append($"<w:vAlign w:val=\"{(header ? "bottom" : "top")}\"/></w:tcPr>").Append(paragraph)
                 .Append(c == 0 ? Bookmark(Anchors.Encode(anchor)) : "");
            // Each of the PDF's lines a paragraph of its own (the audit reads a cell's paragraphs as its lines).
            if (pdfLines is not null && c < pdfLines.Length && AsThePdfBreaks(cell, pdfLines[c]) is { } lines)
                _body.Append(string.Join("</w:p>" + paragraph, lines.Select(l => Runs([new Text(l)]))));
            else _body.Append(Runs(cell.Content));
            _body.Append("</w:p></w:tc>");
        }
        _body.Append("</w:tr>");
    }

    // ---- inlines ----------------------------------------------------------------------------

    /// <param name="before">the paragraph's text before these inlines, <paramref name="after"/> the character after them: Chinese spacing and joins look across inlines</param>
    private string Runs(IEnumerable<Inline> inlines, string properties = "", string before = "", char after = MixedSpacing.EndOfParagraph, string rest = "")
    {
        var xml = new StringBuilder();
        var list = inlines as IReadOnlyList<Inline> ?? inlines.ToList();
        var texts = list.Select(Inlines.PlainText).ToList();
        string left = before;
        for (int k = 0; k < list.Count; k++)
        {
            char right = after;
            // The first character after, past a space the spacing rule takes out ("88" | " 项").
            for (int j = k + 1; j < list.Count; j++) if (texts[j].TrimStart(' ') is { Length: > 0 } next) { right = next[0]; break; }
            // What follows to the paragraph's end, when that is only its closing mark (a sub-item's "；").
            string following = string.Concat(texts.Skip(k + 1)) + rest;
            string closing = after == MixedSpacing.EndOfParagraph && following.Length is > 0 and <= 2 ? following : "";
            if (closing.Length > 0) right = MixedSpacing.EndOfParagraph;
            list[k].Accept(new RunWalk(this, xml, properties, left, right, closing));
            left = (left + MixedSpacing.ForWord(texts[k], left, right, closing)) is var joined && joined.Length > 3 ? joined[^3..] : joined;
        }
        return xml.ToString();
    }

    /// <summary>One method per kind of inline: its runs, with the run properties of the inlines around it.</summary>
    private sealed class RunWalk(DocxWriter w, StringBuilder xml, string properties, string before, char after, string rest) : IInlineVisitor<Done>
    {
        public Done Visit(Text t) { xml.Append(w.Run(Escape(t.Value), properties, before, after, rest)); return default; }
        public Done Visit(Strong s) { xml.Append(w.Runs(s.Content, properties + "<w:b/>", before, after, rest)); return default; }
        public Done Visit(Emphasis e) { xml.Append(w.Runs(e.Content, properties + "<w:i/>", before, after, rest)); return default; }
        public Done Visit(LineBreak lineBreak) { xml.Append("<w:r><w:br/></w:r>"); return default; }
        public Done Visit(FootnoteRef f) { xml.Append(w.FootnoteReference(f.Footnote)); return default; }

        /// <summary>A link to the chart's bookmark (the one its caption's paragraph starts with); its runs look as the text around it.</summary>
        public Done Visit(ChartRef c)
        {
            string runs = w.Run(Escape(c.Text), properties, before, after, rest);
            if (w._resolved.LinkOf(c) is { } anchor) xml.Append("<w:hyperlink w:anchor=\"").Append(Anchors.Encode(anchor)).Append("\">").Append(runs).Append("</w:hyperlink>");
            else xml.Append(runs);
            return default;
        }

        public Done Visit(FigureRef f)
        {
            if (w._resolved.NumbersOf(f) is { } numbers && w._printed.GetValueOrDefault(f) < numbers.Count)
            {
                int n = numbers[w._printed.GetValueOrDefault(f)];
                w._printed[f] = w._printed.GetValueOrDefault(f) + 1;
                // A hidden bookmark (its name starts with _) around the number: trace.json says which figure it shows.
                xml.Append($"<w:bookmarkStart w:id=\"{n}\" w:name=\"{BookmarkName(n)}\"/>").Append(w.Run(Escape(f.Text), properties, before, after)).Append($"<w:bookmarkEnd w:id=\"{n}\"/>");
            }
            else xml.Append(w.Run(Escape(f.Text), properties, before, after));
            return default;
        }
    }

    /// <summary>
    /// Runs of one script each: East Asian text (Han, CJK and full-width punctuation) tagged zh-CN
    /// with the East Asian font hint, everything else (Latin letters, digits, spaces) tagged en-US.
    /// LibreOffice picks the line-breaking rules of a portion by its script and language: digits
    /// in a zh-CN portion break between any two of them, in an en-US run they stay whole, as in Word.
    /// A hyphen after a capitalised abbreviation (UN-Habitat, COVID-19) is a non-breaking hyphen.
    /// Chinese text is written as Word spaces it itself, numbers joined to their measure words, year
    /// ranges to their dash (<see cref="MixedSpacing.ForWord"/>; before and after: the paragraph's characters around it).
    /// </summary>
    private string Run(string escapedText, string properties = "", string before = "", char after = MixedSpacing.EndOfParagraph, string rest = "")
    {
        escapedText = MixedSpacing.ForWord(escapedText, before, after, rest);
        if (escapedText.Length == 0) return "";
        var xml = new StringBuilder();
        int start = 0;
        // A join before Han (a joiner and its narrow space) belongs to the Han's run: LibreOffice breaks after a no-break
        // space that ends a Latin run. A break opportunity after a 、 belongs to the 、's run.
        bool EastAsian(int i)
        {
            if (escapedText[i] == MixedSpacing.BreakOpportunity) return i > 0 && EastAsian(i - 1);
            int k = i;
            while (k < escapedText.Length && escapedText[k] is MixedSpacing.Joiner or MixedSpacing.SpacedJoiner) k++;
            return k < escapedText.Length && Script.IsEastAsian(escapedText[k]);
        }
        while (start < escapedText.Length)
        {
            bool eastAsian = EastAsian(start);
            int end = start + 1;
            // Spaces join the Latin run after them (a space between Han and a number belongs to the number).
            while (end < escapedText.Length && (EastAsian(end) == eastAsian) && !(eastAsian && escapedText[end] == ' ')) end++;
            string segment = escapedText[start..end];
            // A Latin run's East Asian font is the Latin one too: LibreOffice sets a space after a Han
            // character in the East Asian font (a half-em wide in SimSun) even in an en-US run.
            string fonts = eastAsian ? "<w:rFonts w:hint=\"eastAsia\"/>" : $"<w:rFonts w:eastAsia=\"{_look.Latin}\"/>";
            // A Latin run carries its Latin tag for both scripts: LibreOffice counts the joiner and narrow space that open a number's run
            // (成果⁠ 1.2) with the Han before them, and breaks a line there by the language of that script (MixedSpacing.SpacedJoiner).
            string tag = eastAsian ? EastAsianLanguage : LatinRunLanguage;
            // Han characters are never slanted: Song and Hei have no italic, and a synthetic one is wrong.
            string own = eastAsian ? properties.Replace("<w:i/>", "", StringComparison.Ordinal) : properties;
            if (!eastAsian && _look.Profile.RightToLeft)
                // A right-to-left language: its letters' runs are w:rtl, in the complex-script face, bold and size (bCs, szCs), tagged w:bidi.
                foreach (var (piece, rtl) in Directional(segment))
                    xml.Append("<w:r><w:rPr>").Append(fonts).Append(rtl ? Complex(own) + "<w:rtl/>" : own).Append(rtl ? BidiLanguage : tag).Append("</w:rPr>")
                       .Append(LatinText(piece)).Append("</w:r>");
            else
                xml.Append("<w:r><w:rPr>").Append(fonts).Append(own).Append(tag).Append("</w:rPr>")
                   .Append(eastAsian ? Text(segment) : LatinText(segment)).Append("</w:r>");
            start = end;
        }
        return xml.ToString();
    }

    /// <summary>
    /// Text split where its letters change direction: pieces with Arabic letters (right to left) and
    /// pieces with Latin ones; digits, spaces and punctuation stay with the letters before them (at
    /// the start, with the first letters after them). Text without letters is one left-to-right piece.
    /// </summary>
    private static IEnumerable<(string Text, bool RightToLeft)> Directional(string text)
    {
        int start = 0;
        bool? current = null;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '&' && text.IndexOf(';', i) is int semicolon and > 0) { i = semicolon; continue; } // an entity (&amp;) is not letters
            if (!char.IsLetter(text[i])) continue;
            bool rtl = Script.IsArabicLetter(text[i]);
            if (current is null) { current = rtl; continue; }
            if (rtl == current) continue;
            // The new piece starts after the last space before this letter (a word keeps its punctuation).
            int cut = text.LastIndexOf(' ', i - 1, i - start) is int space and >= 0 ? space + 1 : i;
            if (cut > start) yield return (text[start..cut], current.Value);
            start = cut;
            current = rtl;
        }
        yield return (text[start..], current ?? false);
    }

    /// <summary>
    /// A masthead line of a right-to-left edition written only in Latin letters ("4 October 2021", kept in English): the
    /// paragraph runs left to right (<c>w:bidi w:val="0"</c>, before its spacing, in the schema's order), at the same place,
    /// or it would read "October 2021 4". Other paragraphs' properties as they are.
    /// </summary>
    private string LeftToRight(string text, string properties)
    {
        if (!_look.Profile.RightToLeft || text.Any(Script.IsArabicLetter) || !text.Any(char.IsLetter)) return properties;
        int at = properties.IndexOf("<w:spacing", StringComparison.Ordinal);
        if (at < 0) at = properties.IndexOf("<w:ind", StringComparison.Ordinal);
        if (at < 0) at = properties.Length;
        // The indent from the page's left in a right-to-left paragraph is from its right once the paragraph runs left to right.
        return properties[..at] + "<w:bidi w:val=\"0\"/>" + properties[at..].Replace("<w:ind w:left=", "<w:ind w:right=", StringComparison.Ordinal);
    }

    /// <summary>A right-to-left run's properties: bold and italic for complex script too.</summary>
    private static string Complex(string properties) =>
        properties.Replace("<w:b/>", "<w:b/><w:bCs/>", StringComparison.Ordinal).Replace("<w:i/>", "<w:i/><w:iCs/>", StringComparison.Ordinal);

    /// <summary>The language of a right-to-left run: the profile's w:bidi tag (ar-SA).</summary>
    private string BidiLanguage => $"<w:lang w:val=\"{_look.Profile.Tags.WordLatin}\" w:eastAsia=\"{_look.Profile.Tags.WordLatin}\" w:bidi=\"{_look.Profile.Tags.WordBidi}\"/>";

    private static string Text(string escaped) => $"<w:t xml:space=\"preserve\">{escaped}</w:t>";

    private static string LatinText(string escaped)
    {
        var xml = new StringBuilder();
        int from = 0;
        for (int i = 1; i < escaped.Length - 1; i++)
        {
            if (escaped[i] != '-' || !char.IsLetterOrDigit(escaped[i + 1])) continue;
            int w = i;
            while (w > 0 && char.IsUpper(escaped[w - 1])) w--;
            if (i - w < 2 || (w > 0 && char.IsLetter(escaped[w - 1]))) continue;
            xml.Append(Text(escaped[from..i])).Append("<w:noBreakHyphen/>");
            from = i + 1;
        }
        return xml.Append(Text(escaped[from..])).ToString();
    }

    /// <summary>A footnote: custom marks (*, **) are written after the reference, others numbered by Word.</summary>
    /// <summary>A footnote mark's language: marks are symbols, the document's language is theirs (every run has one).</summary>
    private string MarkLanguage => _look.Profile.Script == WritingScript.Han ? EastAsianLanguage : LatinLanguage;

    /// <summary>The language of a run of Han text and of a run of Latin text (the profile's Word tags: Latin words in a Chinese edition are English).</summary>
    private string EastAsianLanguage => $"<w:lang w:eastAsia=\"{_look.Profile.Tags.WordEastAsia}\"/>";
    private string LatinLanguage => $"<w:lang w:val=\"{_look.Profile.Tags.WordLatin}\"/>";
    private string LatinRunLanguage => $"<w:lang w:val=\"{_look.Profile.Tags.WordLatin}\" w:eastAsia=\"{_look.Profile.Tags.WordLatin}\"/>";

    private string FootnoteReference(Footnote note)
    {
        int id = _footnotes.Count + 1;
        // In the note, a one-character custom mark is written as text (as Word does; LibreOffice takes it
        // for the mark and shows it once). LibreOffice shows a longer one (**) twice, its label and the
        // text, so that one is the reference-mark field, which both show as the custom mark.
        string mark = note.CustomMark is { Length: 1 } custom
            ? $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>{MarkLanguage}</w:rPr><w:t>{Escape(custom)}</w:t></w:r>"
            : $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>{MarkLanguage}</w:rPr><w:footnoteRef/></w:r>";
        _footnotes.Add($"<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>{mark}<w:r><w:tab/></w:r>{Bookmark(Anchors.Encode(_resolved.NoteAnchorOf(note)))}{Runs(note.Content)}</w:p></w:footnote>");
        return note.CustomMark is { } c
            // As Word writes it: the custom mark follows the reference in the same run. One <w:t> per
            // character: the run's text is the same for Word, and LibreOffice then shows ** once, not twice.
            ? $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>{MarkLanguage}</w:rPr><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"{id}\"/>" +
              string.Concat(c.Select(ch => $"<w:t>{Escape(ch.ToString())}</w:t>")) + "</w:r>"
            : $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>{MarkLanguage}</w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>";
    }

    /// <summary>XML-escapes text and drops characters XML 1.0 cannot hold (control characters from data).</summary>
    private static string Escape(string text)
    {
        var xml = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                case '"': xml.Append("&quot;"); break;
                case '\t': xml.Append(' '); break;
                default:
                    if (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF') xml.Append(c);
                    break;
            }
        }
        return xml.ToString();
    }
}
