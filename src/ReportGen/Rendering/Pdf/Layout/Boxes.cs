using PdfSharp.Drawing;
using ReportGen.Document;

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

    /// <summary>Draws the box with its top at <paramref name="top"/>.</summary>
    public abstract void Draw(PageCanvas canvas, double top);
}

/// <summary>A line of text at a left offset, with an optional label (paragraph number, sub-item letter) hanging at its own position.</summary>
public sealed class LineBox(Line line, double x, (string Text, double X, TextStyle Style)? label = null) : Box
{
    public Line Line => line;

    public override void Draw(PageCanvas canvas, double top)
    {
        // The baseline sits where the line's ascent and descent are centred in its leading.
        double baseline = top + Math.Max(0, Height - (line.Ascent + line.Descent)) / 2 + line.Ascent;
        if (label is { } l) canvas.Text(l.Text, l.Style, l.X, baseline);
        canvas.Line(line, x, baseline);
    }
}

/// <summary>A table row: cells of lines, drawn with the rules UN tables use (above and below the header, below the table).</summary>
public sealed class RowBox(IReadOnlyList<(double X, double Width, IReadOnlyList<Line> Lines, Alignment Alignment)> cells, double leading,
    double padding, bool ruleAbove, bool ruleBelow, bool thickBelow, double left, double right) : Box
{
    public bool IsHeader { get; init; }

    public override void Draw(PageCanvas canvas, double top)
    {
        if (ruleAbove) canvas.Rule(left, right, top, 0.5);
        foreach (var (x, width, lines, alignment) in cells)
        {
            double y = top + padding;
            foreach (var line in lines)
            {
                double lineLeft = alignment switch
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

/// <summary>Empty vertical space, or a horizontal rule.</summary>
public sealed class SpaceBox(double left = 0, double right = 0, double rule = 0) : Box
{
    public override void Draw(PageCanvas canvas, double top)
    {
        if (rule > 0) canvas.Rule(left, right, top + Height / 2, rule);
    }
}

/// <summary>Drawing on one page: text lines and rules.</summary>
public sealed class PageCanvas(XGraphics graphics, FontCache fonts)
{
    public XGraphics Graphics { get; } = graphics;

    public void Line(Line line, double x, double baseline, XBrush? brush = null)
    {
        foreach (var (atom, ax) in line.Atoms)
        {
            double offset = 0;
            foreach (var piece in atom.Pieces)
            {
                double size = piece.Style.Superscript ? piece.Style.Size * 0.6 : piece.Style.Size;
                double rise = piece.Style.Superscript ? piece.Style.Size * 0.35 : 0;
                Graphics.DrawString(piece.Text, fonts.Get(piece.Face, piece.Style, size), brush ?? XBrushes.Black, x + ax + offset, baseline - rise);
                offset += piece.Width;
            }
        }
    }

    public void Text(string text, TextStyle style, double x, double baseline) => Line(fonts.ShapeSingle(text, style), x, baseline);

    /// <summary>A one-line label, shaped with font fallback, to measure before drawing.</summary>
    public Line Shape(string text, TextStyle style) => fonts.ShapeSingle(text, style);

    public void Rule(double left, double right, double y, double thickness) =>
        Graphics.DrawLine(new XPen(XColors.Black, thickness), left, y, right, y);
}
