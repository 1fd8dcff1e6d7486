using ReportGen.Typesetting;
using PdfSharp.Drawing;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Rendering.Pdf.Tagging;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// A measured piece of a page: its height is known before it is drawn (measure, then draw).
/// Boxes of one paragraph share a <see cref="Group"/> so pagination can keep widows and orphans off.
/// </summary>
public abstract class Box
{
    public double Height { get; init; }
    public double SpaceBefore { get; init; }
    public bool KeepWithNext { get; init; }
    public bool PageBreakBefore { get; init; }
    public int Group { get; init; } = -1;
    public IReadOnlyList<Footnote> Footnotes { get; init; } = [];
    /// <summary>For table rows: the header rows to repeat when the table continues on a new page.</summary>
    public IReadOnlyList<Box>? RepeatHeader { get; init; }
    /// <summary>The named destination the box starts (a resolved anchor, <see cref="Document.Anchors"/>), and the x its text starts at.</summary>
    public (string Name, double X)? Destination { get; init; }

    /// <summary>The structure element (tagged PDF) whose content the box draws; null for space and rules.</summary>
    public StructNode? Tag { get; init; }

    /// <summary>Draws the box with its top at <paramref name="top"/>.</summary>
    public abstract void Draw(PageCanvas canvas, double top);

    /// <summary>Whether the box is mirrored on a right-to-left page (<see cref="PageCanvas.Mirrored"/>): text and tables are, charts are not.</summary>
    public virtual bool Mirrors => true;
}

/// <summary>A line of text at a left offset, with an optional label (paragraph number, sub-item letter) hanging at its own position.</summary>
public sealed class LineBox(Line line, double x, (string Text, double X, TextStyle Style)? label = null) : Box
{
    public Line Line => line;

    /// <summary>The structure element of the label (a Lbl), read before the line.</summary>
    public StructNode? LabelTag { get; init; }

    public override void Draw(PageCanvas canvas, double top)
    {
        // The baseline sits where the line's ascent and descent are centred in its leading.
        double baseline = top + Math.Max(0, Height - (line.Ascent + line.Descent)) / 2 + line.Ascent;
        if (label is { } l)
        {
            canvas.Enter(LabelTag);
            canvas.Text(l.Text, l.Style, l.X, baseline);
            canvas.Enter(Tag);
        }
        canvas.Line(line, x, baseline);
    }
}

/// <summary>A table row: cells of lines, drawn with the rules UN tables use (above and below the header, below the table).</summary>
public sealed class RowBox(IReadOnlyList<(double X, double Width, IReadOnlyList<Line> Lines, Alignment Alignment)> cells, double leading,
    double padding, bool ruleAbove, bool ruleBelow, bool thickBelow, double left, double right) : Box
{
    public bool IsHeader { get; init; }

    /// <summary>The lines of each cell, in the order of the cells: what checks of cell breaking read.</summary>
    public IEnumerable<IReadOnlyList<Line>> CellLines => cells.Select(c => c.Lines);

    /// <summary>The structure elements of the cells (TH or TD), in the order of the cells.</summary>
    public IReadOnlyList<StructNode>? CellTags { get; init; }

    /// <summary>The structure element of the cell whose text cites a footnote.</summary>
    public StructNode? CellCiting(Footnote note)
    {
        for (int c = 0; c < cells.Count; c++)
            if (cells[c].Lines.Any(l => l.Footnotes.Contains(note))) return CellTags?[c];
        return Tag;
    }

    public override void Draw(PageCanvas canvas, double top)
    {
        if (ruleAbove) canvas.Rule(left, right, top, 0.5);
        int cell = 0;
        foreach (var (x, width, lines, alignment) in cells)
        {
            if (CellTags is not null) canvas.Enter(CellTags[cell]);
            cell++;
            double y = top + padding;
            // On a mirrored (right-to-left) page every cell but a centred one ends at the column's right edge: text starts
            // there, and figures (Western digits, units last) keep their units in line as in the English, headers with them.
            // Mirroring the English right alignment instead would set them flush left, their units out of line.
            var drawn = canvas.Mirrored && alignment == Alignment.Right ? Alignment.Left : alignment;
            foreach (var line in lines)
            {
                double lineLeft = drawn switch
                {
                    Alignment.Right => x + width - line.Width,
                    Alignment.Center => x + (width - line.Width) / 2,
                    _ => x,
                };
                canvas.Line(line, lineLeft, y + line.Ascent + (leading - line.Ascent - line.Descent) / 2);
                y += leading;
            }
        }
        if (ruleBelow) canvas.Rule(left, right, top + Height, thickBelow ? 1.2 : 0.5);
    }
}

/// <summary>
/// Boxes kept on one page (QuestPDF's ShowEntire): when they do not fit in what is left of the
/// page they start the next one; a block taller than a page flows as its boxes would. Only the
/// boxes inside are placed and drawn, never the wrapper.
/// </summary>
public sealed class KeepTogether : Box
{
    public IReadOnlyList<Box> Boxes { get; }

    public KeepTogether(IReadOnlyList<Box> boxes)
    {
        Boxes = boxes;
        Height = boxes.Select((b, i) => (i == 0 ? 0 : b.SpaceBefore) + b.Height).Sum();
        SpaceBefore = boxes[0].SpaceBefore;
        PageBreakBefore = boxes[0].PageBreakBefore;
        Footnotes = boxes.SelectMany(b => b.Footnotes).Distinct().ToList();
    }

    public override void Draw(PageCanvas canvas, double top) =>
        throw new InvalidOperationException("a keep-together block is placed box by box, never drawn whole");
}

/// <summary>Empty vertical space, or a horizontal rule.</summary>
public sealed class SpaceBox(double left = 0, double right = 0, double rule = 0) : Box
{
    /// <summary>Whether it draws a rule; plain space is dropped where a page starts (<see cref="Paginator"/>).</summary>
    public bool IsRule => rule > 0;

    public override void Draw(PageCanvas canvas, double top)
    {
        if (rule > 0) canvas.Rule(left, right, top + Height / 2, rule);
    }
}

/// <summary>
/// What a page needs to draw bidirectional and shaped text: the document's shaped faces, the page
/// (whose resources name them), the fonts, and whether the document is written right to left.
/// </summary>
public sealed record PageText(ShapedFaces Faces, PdfSharp.Pdf.PdfPage Page, FontSet Fonts, bool RightToLeft);

/// <summary>Drawing on one page: text lines and rules.</summary>
/// <param name="pieceByPiece">for the tests: every piece is drawn by itself, as before runs were joined (<see cref="TextRun"/>)</param>
/// <param name="text">for right-to-left and shaped text (Arabic); without it, every line is drawn left to right by PDFsharp</param>
public sealed class PageCanvas(XGraphics graphics, FontCache fonts, Tagger? tags = null, bool pieceByPiece = false, PageText? text = null)
{
    /// <summary>
    /// The page is mirrored (a right-to-left document): what is drawn at x from the left edge is
    /// drawn at x from the right edge, so margins, labels, table columns and running heads change
    /// sides. Set for each box (<see cref="Box.Mirrors"/>).
    /// </summary>
    public bool Mirrored { get; set; }

    private static double MirrorX(double x, double width) => PageDesign.PageWidth - x - width;

    /// <summary>
    /// The page's drawing surface. Taken to draw on: in a tagged PDF, what is drawn next is marked
    /// as the content of the open element (see <see cref="Tagger.Mark"/>).
    /// </summary>
    public XGraphics Graphics
    {
        get
        {
            tags?.Mark();
            return graphics;
        }
    }

    /// <summary>Makes the element the open one in a tagged PDF (see <see cref="Tagger.Enter"/>).</summary>
    public void Enter(StructNode? node)
    {
        if (node is not null) tags?.Enter(node);
    }

    public void Line(Line line, double x, double baseline, XBrush? brush = null)
    {
        brush ??= XBrushes.Black;
        if (Mirrored) x = MirrorX(x, line.Width);
        if (text is not null && (text.RightToLeft || NeedsBidi(line)))
        {
            Bidirectional(line, x, baseline, brush, text);
            return;
        }
        var run = new TextRun(this, pieceByPiece);
        // Runs in the other language than the document's are tagged with their own (a screen reader
        // switches voice); text without letters (digits, punctuation) stays in the run around it.
        string? open = null;
        // A hyphen added where a word was broken is not read: "re-duced" is "reduced".
        var hyphen = tags is { Reading: true } && line.Atoms.Count > 1 && line.Atoms[^1].Atom.Pieces is [{ Text: "-" } added] ? added : null;
        // The words of a reference are a link (a Link element and its annotation over them); a language span goes inside it.
        LinkTarget? link = null;
        bool linking = tags is { Linking: true };
        for (int a = 0; a < line.Atoms.Count; a++)
        {
            var (atom, ax) = line.Atoms[a];
            if (linking && !ReferenceEquals(atom.Link, link))
            {
                run.Flush();
                if (open is not null) tags!.EndSpan();
                open = null;
                if (link is not null) tags!.EndLink();
                link = atom.Link;
                if (link is not null)
                {
                    int end = a;
                    while (end + 1 < line.Atoms.Count && ReferenceEquals(line.Atoms[end + 1].Atom.Link, link)) end++;
                    double right = x + line.Atoms[end].X + line.Atoms[end].Atom.Width;
                    tags!.BeginLink(link, new XRect(x + ax, baseline - line.Ascent, right - x - ax, line.Ascent + line.Descent));
                }
            }
            double offset = 0;
            foreach (var piece in atom.Pieces)
            {
                if (ReferenceEquals(piece, hyphen))
                {
                    run.Flush();
                    if (open is not null) tags!.EndSpan();
                    open = null;
                    tags!.BeginUnread();
                    Graphics.DrawString(piece.Text, fonts.Get(piece.Face, piece.Style, piece.Style.Size), brush, x + ax + offset, baseline);
                    tags.EndSpan();
                    continue;
                }
                if (tags is not null && !Tagger.Neutral(piece.Text))
                {
                    string? language = tags.RunLanguage(piece.Text);
                    if (language != open)
                    {
                        run.Flush();
                        if (open is not null) tags.EndSpan();
                        if (language is not null) tags.BeginSpan(language);
                        open = language;
                    }
                }
                double size = piece.Style.Superscript ? piece.Style.Size * 0.6 : piece.Style.Size;
                double rise = piece.Style.Superscript ? piece.Style.Size * 0.35 : 0;
                run.Add(piece, fonts.Get(piece.Face, piece.Style, size), brush, x + ax + offset, baseline - rise);
                offset += piece.Width;
            }
        }
        run.Flush();
        if (open is not null) tags!.EndSpan();
        if (link is not null) tags!.EndLink();
        // A line ends where a space was: without one, the structure's text (what a screen reader
        // reads) runs the last word of a line into the first of the next. The space is invisible.
        if (tags is { Reading: true, SpacedText: true } && line.Atoms.Count > 0 && line.Atoms[^1].Atom.Pieces is { Count: > 0 } last)
        {
            var piece = last[^1];
            char end = piece.Text.Length > 0 ? piece.Text[^1] : '-';
            if (end != '-' && end != '\u00AD' && !Script.IsEastAsian(end) && !piece.Style.Superscript)
                Graphics.DrawString(" ", fonts.Get(piece.Face, piece.Style, piece.Style.Size), brush,
                    x + line.Atoms[^1].X + line.Atoms[^1].Atom.Width, baseline);
        }
    }

    /// <summary>Whether a line has a right-to-left character or shaped text: drawn by <see cref="Bidirectional"/>.</summary>
    private bool NeedsBidi(Line line)
    {
        foreach (var (atom, _) in line.Atoms)
            foreach (var piece in atom.Pieces)
            {
                if (text!.Fonts.IsShaped(piece.Face)) return true;
                foreach (char c in piece.Text)
                    if (c >= 0x590 && Script.IsRightToLeft(c)) return true;
            }
        return false;
    }

    /// <summary>A piece of a line at one bidi level: what is drawn in one go, in visual order.</summary>
    private sealed record BidiUnit(Glyphs? Piece, string Text, double Width, byte Level);

    /// <summary>
    /// Draws a line by the Unicode bidi algorithm (<see cref="Bidi"/>): the line's text is resolved
    /// at the document's paragraph level, its pieces split where the level changes, and the pieces
    /// drawn from the left in visual order (rule L2), right-to-left ones reversed and their brackets
    /// mirrored, Arabic shaped by HarfBuzz and drawn by glyph (<see cref="ShapedFaces"/>). The
    /// justification's stretch stays after the atom it followed. In a tagged PDF the line is a Span
    /// whose ActualText is its logical text (what a screen reader reads); the glyphs themselves map
    /// to their characters (ToUnicode), in visual order, as every right-to-left PDF writer draws them.
    /// </summary>
    private void Bidirectional(Line line, double x, double baseline, XBrush brush, PageText page)
    {
        var logical = new System.Text.StringBuilder();
        foreach (var (atom, _) in line.Atoms)
            foreach (var piece in atom.Pieces) logical.Append(piece.Text);
        string all = logical.ToString();
        var levels = Bidi.Levels(all, ParagraphLevel(line, all, page));
        var units = new List<BidiUnit>();
        int at = 0;
        for (int a = 0; a < line.Atoms.Count; a++)
        {
            var (atom, ax) = line.Atoms[a];
            double drawn = 0;
            foreach (var piece in atom.Pieces)
            {
                double size = piece.Style.Superscript ? piece.Style.Size * 0.6 : piece.Style.Size;
                for (int start = 0; start < piece.Text.Length;)
                {
                    int end = start + 1;
                    while (end < piece.Text.Length && levels[at + end] == levels[at + start]) end++;
                    string part = piece.Text[start..end];
                    bool rtl = levels[at + start] % 2 == 1;
                    double width = page.Fonts.IsShaped(piece.Face) ? Shaper.Shape(piece.Face, part, rtl).Width * size : Advances(piece.Face, part) * size;
                    if (rtl && !page.Fonts.IsShaped(piece.Face)) part = ReversedAndMirrored(part);
                    units.Add(new BidiUnit(piece, part, width, levels[at + start]));
                    drawn += width;
                    start = end;
                }
                at += piece.Text.Length;
            }
            // The stretch after the atom (a justified line's wider space): a blank at the level beside it.
            double next = a + 1 < line.Atoms.Count ? line.Atoms[a + 1].X : ax + drawn;
            double gap = next - ax - drawn;
            if (Math.Abs(gap) > 1e-9 && at > 0)
                units.Add(new BidiUnit(null, "", gap, at < levels.Length ? Math.Min(levels[at - 1], levels[at]) : levels[at - 1]));
        }
        // The line's logical text is the ActualText of a span in the structure (a screen reader reads it);
        // what is drawn maps each glyph to its characters (ToUnicode), which text extraction reorders itself.
        bool spanned = tags is { Reading: true };
        if (spanned) tags!.BeginActualText(all + (tags.SpacedText ? " " : ""));
        var g = Graphics;
        double pen = x;
        foreach (int i in Bidi.VisualOrder(units.Select(u => u.Level).ToList()))
        {
            var unit = units[i];
            if (unit.Piece is { } piece && unit.Text.Length > 0)
            {
                double size = piece.Style.Superscript ? piece.Style.Size * 0.6 : piece.Style.Size;
                double rise = piece.Style.Superscript ? piece.Style.Size * 0.35 : 0;
                if (page.Fonts.IsShaped(piece.Face))
                    page.Faces.Draw(g, page.Page, piece.Face, size, Shaper.Shape(piece.Face, unit.Text, unit.Level % 2 == 1), pen, baseline - rise, brush);
                else
                    g.DrawString(unit.Text, fonts.Get(piece.Face, piece.Style, size), brush, pen, baseline - rise);
            }
            pen += unit.Width;
        }
        if (spanned) tags!.EndSpan();
    }

    /// <summary>
    /// The paragraph level a line is resolved at, by UAX #9's higher-level protocol HL1: a paragraph's
    /// direction is its document's, decided by block, never by a line's first strong letter. Every line
    /// of a right-to-left document is right to left, one written only in Latin letters too (a footnote
    /// "HSP/EB.2021/12." ends with its full stop at the left), unless its block is explicitly in another
    /// language (<see cref="Line.ParagraphLevel"/>: the masthead's English lines). A left-to-right
    /// document's lines keep rules P2–P3 (the first strong letter), as they always have.
    /// </summary>
    private static int ParagraphLevel(Line line, string text, PageText page) =>
        line.ParagraphLevel ?? (page.RightToLeft ? 1 : Bidi.ParagraphLevel(text));

    private static double Advances(TrueTypeFace face, string part)
    {
        double width = 0;
        foreach (var rune in part.EnumerateRunes()) width += face.Advance(rune.Value);
        return width;
    }

    /// <summary>Text at a right-to-left level, drawn left to right by a face that is not shaped: its characters reversed, brackets mirrored (rule L4).</summary>
    private static string ReversedAndMirrored(string part)
    {
        var runes = part.EnumerateRunes().Select(r => Bidi.Mirror(r.Value)).Reverse();
        return string.Concat(runes.Select(char.ConvertFromUtf32));
    }

    /// <summary>The text of the run being gathered (<see cref="TextRun"/>): one builder for the page.</summary>
    private readonly System.Text.StringBuilder _runText = new();

    /// <summary>
    /// Pieces of a line drawn as one string where they can be: PDFsharp's DrawString costs far more
    /// per call than per glyph, and a Chinese line is one piece per character. Pieces join a run in
    /// the same font, brush and baseline when each starts where the one before ends, or, for pieces
    /// of one glyph each (Han characters), when each starts the same distance further on: that
    /// distance is the justification's stretch, set as the PDF's character spacing (Tc), which adds
    /// it after every glyph of the run. The glyphs land where drawing them one by one puts them
    /// (within the rounding of the font's widths in the PDF, thousandths of an em).
    /// </summary>
    private struct TextRun(PageCanvas canvas, bool pieceByPiece)
    {
        private readonly System.Text.StringBuilder _text = canvas._runText;
        private XFont? _font;
        private XBrush? _brush;
        private double _x, _y, _end, _spacing;
        private int _pieces;
        private bool _singleGlyphs;
        // Where the last piece's text starts in the run, and where it is drawn: a glyph the next one
        // is set over (a compressed mark) is taken out of the run and drawn with a narrower advance.
        private int _lastStart;
        private double _lastX;
        private bool _lastSingle;

        public void Add(Glyphs piece, XFont font, XBrush brush, double x, double y)
        {
            bool single = IsSingleGlyph(piece.Text);
            // Simulated bold and italic (Chinese faces have neither) advance by other widths than the
            // face's own, which the layout measured: such text stays drawn piece by piece.
            if (_pieces > 0 && !pieceByPiece && ReferenceEquals(font, _font) && ReferenceEquals(brush, _brush) && y == _y && font.Style == XFontStyleEx.Regular)
            {
                double gap = x - _end;
                if (Math.Abs(gap - _spacing) < 1e-9 && (_spacing == 0 || single))
                {
                    Append(piece, x, single);
                    return;
                }
                if (_spacing == 0 && piece.Text == " ")
                {
                    // A word space is not seen: it goes right after the word, and the justification's
                    // stretch after it, before the next word (which starts the next run where it belongs).
                    Append(piece, _end, single);
                    return;
                }
                if (_pieces == 1 && _singleGlyphs && single && gap > 0 && gap < piece.Width)
                {
                    // The second piece sets the run's spacing: a justification's stretch, less than a
                    // character's width (a wider gap is a jump, drawn as a run of its own).
                    _spacing = gap;
                    Append(piece, x, single);
                    return;
                }
            }
            if (_pieces > 0 && _lastSingle && y == _y && x < _end - 1e-9 && x > _lastX)
                FlushNarrowingLast(x - _end);
            else Flush();
            _font = font;
            _brush = brush;
            _x = x;
            _y = y;
            _spacing = 0;
            _singleGlyphs = true;
            Append(piece, x, single);
        }

        private void Append(Glyphs piece, double x, bool single)
        {
            _lastStart = _text.Length;
            _lastX = x;
            _lastSingle = single;
            _text.Append(piece.Text);
            _end = x + piece.Width;
            _singleGlyphs &= single;
            _pieces++;
        }

        /// <summary>
        /// The next glyph starts inside the last one's advance (a full-width mark set half-width, or
        /// compressed inside a line): the last glyph is drawn by itself with a character spacing
        /// that narrows its advance to end where the next begins, so no two glyphs' boxes overlap
        /// and a reader of the text (pdftotext, a screen reader's layout analysis) keeps the line in order.
        /// </summary>
        private void FlushNarrowingLast(double narrowing)
        {
            string last = _text.ToString(_lastStart, _text.Length - _lastStart);
            double x = _lastX;
            _text.Length = _lastStart;
            _pieces--;
            Flush();
            var content = canvas.Graphics.Internals.ContentStringBuilder;
            content?.Append(narrowing.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)).Append(" Tc\n");
            canvas.Graphics.DrawString(last, _font!, _brush!, x, _y);
            content?.Append("0 Tc\n");
        }

        public void Flush()
        {
            if (_pieces == 0) return;
            var content = _spacing != 0 ? canvas.Graphics.Internals.ContentStringBuilder : null;
            content?.Append(_spacing.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)).Append(" Tc\n");
            canvas.Graphics.DrawString(_text.ToString(), _font!, _brush!, _x, _y);
            content?.Append("0 Tc\n");
            _text.Clear();
            _pieces = 0;
        }

        private static bool IsSingleGlyph(string text) => text.Length == 1 || (text.Length == 2 && char.IsSurrogatePair(text[0], text[1]));
    }

    public void Text(string text, TextStyle style, double x, double baseline) => Line(fonts.ShapeSingle(text, style), x, baseline);

    /// <summary>A one-line label, shaped with font fallback, to measure before drawing.</summary>
    public Line Shape(string text, TextStyle style) => fonts.ShapeSingle(text, style);

    /// <summary>A rule: decoration, an artifact in a tagged PDF.</summary>
    public void Rule(double left, double right, double y, double thickness)
    {
        if (Mirrored) (left, right) = (MirrorX(right, 0), MirrorX(left, 0));
        tags?.BeginArtifact();
        Graphics.DrawLine(new XPen(XColors.Black, thickness), left, y, right, y);
        tags?.EndArtifact();
    }
}
