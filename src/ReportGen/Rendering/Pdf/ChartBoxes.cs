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

    /// <summary>A bar chart with value axis, gridlines, bars, dashed targets and a legend, in the given rectangle.</summary>
    public static void Bars(PageCanvas canvas, ChartData chart, IReadOnlyList<ChartSeries> series, TextStyle text, double left, double top, double width, double height,
        string? valueTitle, string? categoryTitle, bool legend, bool codes = false)
    {
        var g = canvas.Graphics;
        double legendHeight = legend && series.Count > 1 ? text.Size * 2.2 : 0;
        double axisLabels = 30, bottomLabels = text.Size * 1.6 + (categoryTitle is null ? 0 : text.Size * 1.6);
        var plot = new BarPlot(chart, series, left + axisLabels, top + (valueTitle is null ? 6 : text.Size * 2), left + width - 4, top + height - bottomLabels - legendHeight);
        double plotLeft = plot.Left, plotRight = plot.Right, plotTop = plot.Top, plotBottom = plot.Bottom;

        if (valueTitle is not null) canvas.Text(valueTitle, text, left, top + text.Size);
        var grid = new XPen(Colour(Palette.Grid), 0.4);
        foreach (double tick in plot.Scale.Ticks())
        {
            g.DrawLine(grid, plotLeft, plot.Y(tick), plotRight, plot.Y(tick));
            var label = canvas.Shape(ChartValues.AxisLabel(tick, plot.Format, plot.Scale), text);
            canvas.Line(label, plotLeft - 4 - label.Width, plot.Y(tick) + text.Size * 0.35);
        }
        var axis = new XPen(Colour(Palette.Axis), 0.6);
        g.DrawLine(axis, plotLeft, plotBottom, plotRight, plotBottom);
        g.DrawLine(axis, plotLeft, plotTop, plotLeft, plotBottom);

        foreach (var bar in plot.Bars())
        {
            g.DrawRectangle(new XSolidBrush(Colour(bar.Fill)), bar.X, bar.Y, bar.Width, bar.Height);
            if (bar.Highlighted) g.DrawRectangle(new XPen(XColors.Black, 0.6), bar.X, bar.Y, bar.Width, bar.Height);
        }
        for (int c = 0; c < chart.Categories.Count; c++)
            Centred(canvas, (codes ? chart.CategoryCodes : chart.Categories)[c], text, plot.Centre(c), plotBottom + text.Size * 1.3);
        foreach (var target in plot.Targets())
        {
            var pen = TargetPen(target.Rank);
            // A white halo under the dashes, so they stay visible across a bar top of any colour.
            var halo = new XPen(XColors.White, pen.Width + 1.6);
            foreach (var line in target.Lines)
            {
                var points = line.Select(p => new XPoint(p.X, p.Y)).ToArray();
                g.DrawLines(halo, points);
                g.DrawLines(pen, points);
            }
        }
        if (categoryTitle is not null) Centred(canvas, categoryTitle, text, (plotLeft + plotRight) / 2, plotBottom + text.Size * 2.9);
        if (legend && series.Count > 1)
        {
            double x = plotLeft, baseline = top + height - text.Size * 0.6;
            for (int i = 0, d = 0; i < series.Count; i++)
            {
                var s = series[i];
                if (s.Dashed)
                    g.DrawLine(TargetPen(d++), x, baseline - text.Size * 0.35, x + 16, baseline - text.Size * 0.35);
                else g.DrawRectangle(new XSolidBrush(Colour(Palette.SeriesColour(i))), x + 3, baseline - text.Size * 0.8, 9, text.Size * 0.8);
                var label = canvas.Shape(s.Name, text);
                canvas.Line(label, x + 20, baseline);
                x += 26 + label.Width;
                // A legend entry for every colour: the highlighted (underfunded, marked *) bars of this series.
                if (BarPlot.HasHighlightedBars(chart, series, i))
                {
                    g.DrawRectangle(new XPen(XColors.Black, 0.6), new XSolidBrush(Colour(Palette.Highlight)), x + 3, baseline - text.Size * 0.8, 9, text.Size * 0.8);
                    var marked = canvas.Shape(BarPlot.HighlightLegend(s.Name), text);
                    canvas.Line(marked, x + 20, baseline);
                    x += 26 + marked.Width;
                }
            }
        }
    }
}

/// <summary>One bar chart (charts III to IX and the annual report's), measured at a fixed height.</summary>
internal sealed class BarChartBox(ChartData chart, TextStyle text) : Box
{
    public override void Draw(PageCanvas canvas, double top) =>
        ChartPaint.Bars(canvas, chart, chart.Series, text, PdfLook.BodyLeft - 30, top, PdfLook.TableRight - PdfLook.BodyLeft + 30, Height,
            chart.ValueAxisTitle, chart.CategoryAxisTitle, legend: true);
}

/// <summary>The flagship dashboard: one small chart per measure, two by two, with the flagships' names below.</summary>
internal sealed class DashboardBox(ChartData chart, TextStyle text, TextStyle bold, double panelHeight) : Box
{
    public override void Draw(PageCanvas canvas, double top)
    {
        double width = (PdfLook.TableRight - PdfLook.Left) / 2;
        for (int i = 0; i < chart.Series.Count; i++)
        {
            double left = PdfLook.Left + width * (i % 2), y = top + panelHeight * (i / 2);
            var s = chart.Series[i];
            ChartPaint.Centred(canvas, s.Name, bold, left + width / 2, y + bold.Size);
            ChartPaint.Bars(canvas, chart, [s], text, left + 4, y + bold.Size * 1.6, width - 12, panelHeight - bold.Size * 2.2,
                null, null, legend: false, codes: true);
        }
        double baseline = top + panelHeight * ((chart.Series.Count + 1) / 2) + text.Size * 1.5;
        foreach (string category in chart.Categories)
        {
            canvas.Text(category, text, PdfLook.BodyLeft, baseline);
            baseline += text.Size * 1.4;
        }
    }
}

/// <summary>The linkage matrix: cells shaded by count (white to dark blue, on the document's one scale), counts written in them.</summary>
internal sealed class MatrixBox(ChartData chart, TextStyle text, TextStyle header, double cell, double scaleMax) : Box
{
    public override void Draw(PageCanvas canvas, double top)
    {
        var g = canvas.Graphics;
        double first = 70, left = PdfLook.Left;
        double width = (PdfLook.TableRight - left - first) / Math.Max(1, chart.Series.Count);
        double max = scaleMax; // one shading scale for all the matrices of a document: a 4 is the same blue in each
        // Columns are titled by a label spanning them, rows by the corner label.
        ChartPaint.Centred(canvas, chart.ValueAxisTitle ?? "", header, left + first + width * chart.Series.Count / 2, top + cell * 0.7);
        canvas.Text(chart.CategoryAxisTitle ?? "", header, left, top + cell * 1.7);
        for (int c = 0; c < chart.Series.Count; c++)
            ChartPaint.Centred(canvas, chart.Series[c].Name, header, left + first + width * (c + 0.5), top + cell * 1.7);
        canvas.Rule(left, PdfLook.TableRight, top + cell * 2, 0.4);
        var white = new XPen(XColors.White, 0.8);
        for (int r = 0; r < chart.Categories.Count; r++)
        {
            double y = top + cell * (r + 2);
            canvas.Text(chart.Categories[r], text, left + 2, y + cell * 0.7);
            for (int c = 0; c < chart.Series.Count; c++)
            {
                double v = chart.Series[c].Values[r] ?? 0;
                string fill = Palette.Heat(v, max);
                double x = left + first + width * c;
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
        canvas.Rule(left, PdfLook.TableRight, top + cell * (chart.Categories.Count + 2), 0.6);
    }

    private static void DrawWhite(PageCanvas canvas, Line line, double x, double baseline) => canvas.Line(line, x, baseline, XBrushes.White);
}
