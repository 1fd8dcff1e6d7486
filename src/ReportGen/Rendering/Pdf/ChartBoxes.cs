using System.Globalization;
using PdfSharp.Drawing;
using ReportGen.Charts;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Layout;

namespace ReportGen.Rendering.Pdf;

/// <summary>Vector drawing of charts in the PDF, with the palette and rules of the Word charts; labels are real text.</summary>
internal static class ChartPaint
{
    public static XColor Colour(string hex) => XColor.FromArgb(Convert.ToInt32(hex[..2], 16), Convert.ToInt32(hex[2..4], 16), Convert.ToInt32(hex[4..6], 16));

    /// <summary>
    /// The pen of the n-th target series: black dashes, then blue dots, so two years' targets
    /// differ in pattern and hue, not only in grey.
    /// </summary>
    public static XPen TargetPen(int n) => new(Colour(Palette.TargetColour(n)), Palette.TargetDotted(n) ? 1.6 : 1.4)
        { DashStyle = Palette.TargetDotted(n) ? XDashStyle.Dot : XDashStyle.Dash };

    public static void Centred(PageCanvas canvas, string text, TextStyle style, double x, double baseline)
    {
        var line = canvas.Shape(text, style);
        canvas.Line(line, x - line.Width / 2, baseline);
    }

    /// <summary>
    /// A bar chart with value axis, gridlines, bars, dashed targets and a legend, in the given rectangle, as <see cref="ChartFrame"/> lays it out
    /// and draws it in its <paramref name="direction"/> (mirrored on the page of a right-to-left language).
    /// </summary>
    public static void Bars(PageCanvas canvas, ChartData chart, IReadOnlyList<ChartSeries> series, TextStyle text, double left, double top, double width, double height,
        string? valueTitle, string? categoryTitle, bool legend, bool codes = false, Typesetting.NumberFormats? numbers = null, ChartDirection direction = default)
    {
        var g = canvas.Graphics;
        var frame = ChartFrame.Lay(chart, series, left, top, width, height, text.Size, s => canvas.Shape(s, text).Width, valueTitle, categoryTitle, legend, direction);
        var plot = frame.Plot;
        var d = frame.Direction;
        double plotLeft = d.X(plot.Left), plotRight = d.X(plot.Right), plotTop = plot.Top, plotBottom = plot.Bottom;

        if (frame.ValueTitle is { } valueAxis)
        {
            var title = canvas.Shape(valueAxis.Text, text);
            canvas.Line(title, d.X(valueAxis.X, title.Width), valueAxis.Baseline);
        }
        var grid = new XPen(Colour(Palette.Grid), 0.4);
        foreach (double tick in plot.Scale.Ticks())
        {
            g.DrawLine(grid, plotLeft, plot.Y(tick), plotRight, plot.Y(tick));
            string tickLabel = ChartValues.AxisLabel(tick, plot.Format, plot.Scale);
            var label = canvas.Shape(numbers is null ? tickLabel : ChartValues.In(tickLabel, numbers), text);
            var (right, baseline) = frame.TickLabel(tick);
            canvas.Line(label, d.X(right - label.Width, label.Width), baseline);
        }
        var axis = new XPen(Colour(Palette.Axis), 0.6);
        g.DrawLine(axis, plotLeft, plotBottom, plotRight, plotBottom);
        g.DrawLine(axis, plotLeft, plotTop, plotLeft, plotBottom);

        foreach (var bar in plot.Bars())
        {
            double x = d.X(bar.X, bar.Width);
            g.DrawRectangle(new XSolidBrush(Colour(bar.Fill)), x, bar.Y, bar.Width, bar.Height);
            if (bar.Highlighted) g.DrawRectangle(new XPen(XColors.Black, 0.6), x, bar.Y, bar.Width, bar.Height);
        }
        for (int c = 0; c < chart.Categories.Count; c++)
            Centred(canvas, (codes ? chart.CategoryCodes : chart.Categories)[c], text, d.X(plot.Centre(c)), frame.CategoryBaseline);
        foreach (var target in plot.Targets())
        {
            var pen = TargetPen(target.Rank);
            // A white halo under the dashes, so they stay visible across a bar top of any colour.
            var halo = new XPen(XColors.White, pen.Width + 1.6);
            foreach (var line in target.Lines)
            {
                var points = line.Select(p => new XPoint(d.X(p.X), p.Y)).ToArray();
                g.DrawLines(halo, points);
                g.DrawLines(pen, points);
            }
        }
        if (frame.CategoryTitle is { } categoryAxis) Centred(canvas, categoryAxis.Text, text, d.X(categoryAxis.X), categoryAxis.Baseline);
        foreach (var placed in frame.Legend)
        {
            var entry = placed.Entry;
            if (entry.TargetRank is int rank)
                g.DrawLine(TargetPen(rank), d.X(placed.X), frame.KeyMiddle(placed), d.X(placed.X + ChartFrame.TargetKeyLength), frame.KeyMiddle(placed));
            else
            {
                var (x, y, w, h) = frame.Swatch(placed);
                x = d.X(x, w);
                var brush = new XSolidBrush(Colour(entry.Fill!));
                if (entry.Outlined) g.DrawRectangle(new XPen(XColors.Black, 0.6), brush, x, y, w, h);
                else g.DrawRectangle(brush, x, y, w, h);
            }
            var label = canvas.Shape(entry.Label, text);
            canvas.Line(label, d.X(placed.X + ChartFrame.KeyWidth, label.Width), placed.Baseline);
        }
    }
}

/// <summary>One bar chart (charts III to IX and the annual report's), measured at a fixed height.</summary>
internal sealed class BarChartBox(ChartData chart, TextStyle text, Typesetting.NumberFormats numbers, ChartDirection direction) : Box
{
    /// <summary>The page's mirroring does not apply: a chart mirrors itself (<see cref="ChartDirection"/>), text and drawing alike.</summary>
    public override bool Mirrors => false;

    public override void Draw(PageCanvas canvas, double top) =>
        // The plot starts where the body text does; the value labels stand in the indent.
        ChartPaint.Bars(canvas, chart, chart.Series, text, PdfLook.BodyLeft - ChartFrame.AxisMargin, top, PdfLook.TableRight - PdfLook.BodyLeft + ChartFrame.AxisMargin, Height,
            chart.ValueAxisTitle, chart.CategoryAxisTitle, legend: true, numbers: numbers, direction: direction);
}

/// <summary>The flagship dashboard: one small chart per measure, two by two, with the flagships' names below.</summary>
internal sealed class DashboardBox(ChartData chart, TextStyle text, TextStyle bold, double panelHeight, Typesetting.NumberFormats numbers, ChartDirection direction) : Box
{
    /// <summary>The page's mirroring does not apply: a chart mirrors itself (<see cref="ChartDirection"/>): the first panel and the names' list at the right.</summary>
    public override bool Mirrors => false;

    public override void Draw(PageCanvas canvas, double top)
    {
        var d = direction;
        double width = (PdfLook.TableRight - PdfLook.Left) / 2;
        for (int i = 0; i < chart.Series.Count; i++)
        {
            double left = PdfLook.Left + width * (i % 2), y = top + panelHeight * (i / 2);
            var s = chart.Series[i];
            var panel = ChartFrame.Panel(left, y, width, panelHeight, bold.Size);
            ChartPaint.Centred(canvas, s.Name, bold, d.X(left + width / 2), panel.TitleBaseline);
            ChartPaint.Bars(canvas, chart, [s], text, panel.Left, panel.Top, panel.Width, panel.Height, null, null, legend: false, codes: true, numbers: numbers, direction: d);
        }
        double baseline = top + panelHeight * ((chart.Series.Count + 1) / 2) + text.Size * 1.5;
        foreach (string category in chart.Categories)
        {
            var line = canvas.Shape(category, text);
            canvas.Line(line, d.X(PdfLook.BodyLeft, line.Width), baseline);
            baseline += text.Size * 1.4;
        }
    }
}

/// <summary>The linkage matrix: cells shaded by count (white to dark blue, on the document's one scale), counts written in them.</summary>
internal sealed class MatrixBox(ChartData chart, TextStyle text, TextStyle header, double cell, double scaleMax, ChartDirection direction) : Box
{
    /// <summary>The page's mirroring does not apply: the matrix mirrors itself (<see cref="ChartDirection"/>): the rows' names at the right, the first column next to them.</summary>
    public override bool Mirrors => false;

    public override void Draw(PageCanvas canvas, double top)
    {
        var g = canvas.Graphics;
        var d = direction;
        double first = 70, left = PdfLook.Left;
        double width = (PdfLook.TableRight - left - first) / Math.Max(1, chart.Series.Count);
        double max = scaleMax; // one shading scale for all the matrices of a document: a 4 is the same blue in each
        // Columns are titled by a label spanning them, rows by the corner label.
        ChartPaint.Centred(canvas, chart.ValueAxisTitle ?? "", header, d.X(left + first + width * chart.Series.Count / 2), top + cell * 0.7);
        Start(canvas, chart.CategoryAxisTitle ?? "", header, left, top + cell * 1.7);
        for (int c = 0; c < chart.Series.Count; c++)
            ChartPaint.Centred(canvas, chart.Series[c].Name, header, d.X(left + first + width * (c + 0.5)), top + cell * 1.7);
        canvas.Rule(d.X(left), d.X(PdfLook.TableRight), top + cell * 2, 0.4);
        var white = new XPen(XColors.White, 0.8);
        for (int r = 0; r < chart.Categories.Count; r++)
        {
            double y = top + cell * (r + 2);
            Start(canvas, chart.Categories[r], text, left + 2, y + cell * 0.7);
            for (int c = 0; c < chart.Series.Count; c++)
            {
                double v = chart.Series[c].Values[r] ?? 0;
                string fill = Palette.Heat(v, max);
                double x = d.X(left + first + width * c, width);
                g.DrawRectangle(white, new XSolidBrush(ChartPaint.Colour(fill)), x, y, width, cell);
                if (v > 0)
                {
                    bool dark = Palette.TextOn(fill) == "FFFFFF";
                    var line = canvas.Shape(v.ToString("0", CultureInfo.InvariantCulture), dark ? text with { Bold = true } : text);
                    if (dark) DrawWhite(canvas, line, x + (width - line.Width) / 2, y + cell * 0.7);
                    else canvas.Line(line, x + (width - line.Width) / 2, y + cell * 0.7);
                }
            }
        }
        canvas.Rule(d.X(left), d.X(PdfLook.TableRight), top + cell * (chart.Categories.Count + 2), 0.6);
    }

    /// <summary>A text that starts at x in the left-to-right layout (ends at its mirror in a right-to-left one).</summary>
    private void Start(PageCanvas canvas, string text, TextStyle style, double x, double baseline)
    {
        var line = canvas.Shape(text, style);
        canvas.Line(line, direction.X(x, line.Width), baseline);
    }

    private static void DrawWhite(PageCanvas canvas, Line line, double x, double baseline) => canvas.Line(line, x, baseline, XBrushes.White);
}
