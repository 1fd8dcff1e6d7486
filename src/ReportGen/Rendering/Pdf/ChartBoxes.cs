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

    public static string Label(double value, ValueFormat format) => format switch
    {
        ValueFormat.Percent => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        ValueFormat.UsdMillions => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.#", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The pen of the n-th target series: black dashes, then blue dots, so two years' targets
    /// differ in pattern and hue, not only in grey.
    /// </summary>
    public static XPen TargetPen(int n) => n % 2 == 0
        ? new XPen(Colour(Palette.Target), 1.4) { DashStyle = XDashStyle.Dash }
        : new XPen(Colour(Palette.SecondTarget), 1.6) { DashStyle = XDashStyle.Dot };

    public static void Centred(PageCanvas canvas, string text, TextStyle style, double x, double baseline)
    {
        var line = canvas.Shape(text, style);
        canvas.Line(line, x - line.Width / 2, baseline);
    }

    /// <summary>A bar chart with value axis, gridlines, bars, dashed targets and a legend, in the given rectangle.</summary>
    public static void Bars(PageCanvas canvas, ChartData chart, IReadOnlyList<ChartSeries> series, TextStyle text, double left, double top, double width, double height,
        string? valueTitle, string? categoryTitle, bool legend, Func<string, string>? categoryLabel = null)
    {
        var g = canvas.Graphics;
        var format = series.FirstOrDefault(s => !s.Dashed)?.Format ?? ValueFormat.Count;
        var scale = ChartScale.For(series.SelectMany(s => s.Values.Select(v => ChartScale.Shown(v, s.Format))), format);
        double legendHeight = legend && series.Count > 1 ? text.Size * 2.2 : 0;
        double axisLabels = 30, bottomLabels = text.Size * 1.6 + (categoryTitle is null ? 0 : text.Size * 1.6);
        double plotLeft = left + axisLabels, plotRight = left + width - 4;
        double plotTop = top + (valueTitle is null ? 6 : text.Size * 2), plotBottom = top + height - bottomLabels - legendHeight;
        double Y(double v) => plotBottom - (plotBottom - plotTop) * Math.Min(v, scale.Max) / scale.Max;

        if (valueTitle is not null) canvas.Text(valueTitle, text, left, top + text.Size);
        var grid = new XPen(Colour(Palette.Grid), 0.4);
        foreach (double tick in scale.Ticks())
        {
            g.DrawLine(grid, plotLeft, Y(tick), plotRight, Y(tick));
            var label = canvas.Shape(Label(tick, format), text);
            canvas.Line(label, plotLeft - 4 - label.Width, Y(tick) + text.Size * 0.35);
        }
        var axis = new XPen(Colour(Palette.Axis), 0.6);
        g.DrawLine(axis, plotLeft, plotBottom, plotRight, plotBottom);
        g.DrawLine(axis, plotLeft, plotTop, plotLeft, plotBottom);

        int n = chart.Categories.Count;
        double group = (plotRight - plotLeft) / Math.Max(1, n);
        var bars = series.Select((s, i) => (s, i)).Where(p => !p.s.Dashed).ToList();
        double barWidth = group * 0.78 / Math.Max(1, bars.Count);
        for (int c = 0; c < n; c++)
        {
            double x0 = plotLeft + group * c + group * 0.11;
            bool highlighted = chart.HighlightedCategories.Contains(chart.Categories[c]);
            for (int b = 0; b < bars.Count; b++)
            {
                var (s, index) = bars[b];
                if (ChartScale.Shown(s.Values[c], s.Format) is not double v || v <= 0) continue;
                string fill = highlighted && b > 0 ? Palette.Highlight : Palette.SeriesColour(index);
                double y = Y(v);
                g.DrawRectangle(new XSolidBrush(Colour(fill)), x0 + b * barWidth, y, barWidth * 0.92, plotBottom - y);
                if (highlighted) g.DrawRectangle(new XPen(XColors.Black, 0.6), x0 + b * barWidth, y, barWidth * 0.92, plotBottom - y);
            }
            Centred(canvas, categoryLabel?.Invoke(chart.Categories[c]) ?? chart.Categories[c], text, plotLeft + group * (c + 0.5), plotBottom + text.Size * 1.3);
        }
        int dashedIndex = 0;
        foreach (var (s, index) in series.Select((s, i) => (s, i)).Where(p => p.s.Dashed))
        {
            var pen = TargetPen(dashedIndex++);
            // A white halo under the dashes, so they stay visible across a bar top of any colour.
            var halo = new XPen(XColors.White, pen.Width + 1.6);
            bool complete = s.Values.All(v => v is not null);
            XPoint? previous = null;
            for (int c = 0; c < n; c++)
            {
                if (ChartScale.Shown(s.Values[c], s.Format) is not double v) continue;
                double y = Y(v);
                if (complete)
                {
                    var point = new XPoint(plotLeft + group * (c + 0.5), y);
                    if (previous is { } p) { g.DrawLine(halo, p, point); g.DrawLine(pen, p, point); }
                    else { g.DrawLine(halo, plotLeft, y, point.X, y); g.DrawLine(pen, plotLeft, y, point.X, y); }
                    if (c == n - 1) { g.DrawLine(halo, point.X, y, plotRight, y); g.DrawLine(pen, point.X, y, plotRight, y); }
                    previous = point;
                }
                else
                {
                    g.DrawLine(halo, plotLeft + group * c + group * 0.06, y, plotLeft + group * (c + 1) - group * 0.06, y);
                    g.DrawLine(pen, plotLeft + group * c + group * 0.06, y, plotLeft + group * (c + 1) - group * 0.06, y);
                }
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
                bool highlights = !s.Dashed && i > 0 && chart.HighlightedCategories.Count > 0
                                  && chart.Categories.Where((c, k) => chart.HighlightedCategories.Contains(c) && s.Values[k] is > 0).Any();
                if (highlights)
                {
                    g.DrawRectangle(new XPen(XColors.Black, 0.6), new XSolidBrush(Colour(Palette.Highlight)), x + 3, baseline - text.Size * 0.8, 9, text.Size * 0.8);
                    var marked = canvas.Shape(s.Name + " *", text);
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
                null, null, legend: false, categoryLabel: c => c.Split(' ')[0]);
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
