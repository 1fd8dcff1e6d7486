using System.Globalization;
using System.Text;
using ReportGen.Charts;
using ReportGen.Document;
using ReportGen.Typesetting;

namespace ReportGen.Rendering.Html;

/// <summary>
/// Charts as inline SVG, drawn from the chart data with the palette and scales of the Word and
/// PDF charts (<see cref="Palette"/>, <see cref="ChartScale"/>) and the PDF's layout: value axis,
/// gridlines, bars, dashed targets, a legend; the dashboard as one small chart per measure. Each
/// has a title and the chart's text alternative.
/// </summary>
internal static class SvgCharts
{
    private const double FontSize = 11;

    /// <param name="numbers">the language's number conventions: axis and hover labels as the PDF's charts print them ("40 %", "9,8" in French)</param>
    /// <param name="rightToLeft">the language is written right to left (its profile's <c>RightToLeft</c>): the chart is mirrored as the PDF's is
    /// (<see cref="ChartDirection"/>), and its text set right to left (SVG's <c>direction</c>, under which a text's anchor "start" is its right end)</param>
    public static void Write(StringBuilder svg, ChartSlot slot, string id, NumberFormats numbers, bool rightToLeft = false)
    {
        var chart = slot.Chart;
        double width = ChartWidth, height;
        var d = new ChartDirection(rightToLeft, width);
        var body = new StringBuilder();
        if (chart.Kind == ChartKind.Dashboard)
        {
            double panelWidth = width / 2, panelHeight = 190;
            for (int i = 0; i < chart.Series.Count; i++)
            {
                double left = panelWidth * (i % 2), top = panelHeight * (i / 2);
                var s = chart.Series[i];
                var panel = ChartFrame.Panel(left, top, panelWidth, panelHeight, FontSize);
                Text(body, s.Name, d.X(left + panelWidth / 2), panel.TitleBaseline, "middle", bold: true);
                Bars(body, chart, [s], panel.Left, panel.Top, panel.Width, panel.Height, null, null, legend: false, codes: true, numbers, d);
            }
            height = panelHeight * ((chart.Series.Count + 1) / 2) + 4;
        }
        else
        {
            height = ChartHeight;
            Bars(body, chart, chart.Series, 0, 0, width, height, chart.ValueAxisTitle, chart.CategoryAxisTitle, legend: true, codes: false, numbers, d);
        }
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append(rightToLeft ? "\" direction=\"rtl" : "").Append("\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-d\">")
            .Append("<title id=\"").Append(id).Append("-t\">").Append(HtmlWriter.E((slot.Caption ?? slot.Number) + " " + slot.Title)).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-d\">").Append(HtmlWriter.E(chart.AltText)).Append("</desc>")
            .Append(body).Append("</svg>");
        if (chart.Kind == ChartKind.Dashboard)
        {
            svg.Append("<ul class=\"headlines\">");
            foreach (string category in chart.Categories) svg.Append("<li>").Append(HtmlWriter.E(category)).Append("</li>");
            svg.Append("</ul>");
        }
        svg.Append("<p class=\"alt\">").Append(HtmlWriter.E(chart.AltText)).Append("</p>");
    }

    /// <summary>
    /// A bar chart in the rectangle, as <see cref="ChartFrame"/> lays it out (and the PDF draws it), in its direction
    /// (<paramref name="d"/>: mirrored, a text's anchor keeps its keyword, which the SVG's <c>direction</c> turns round).
    /// </summary>
    private static void Bars(StringBuilder g, ChartData chart, IReadOnlyList<ChartSeries> series, double left, double top, double width, double height,
        string? valueTitle, string? categoryTitle, bool legend, bool codes, NumberFormats numbers, ChartDirection d)
    {
        var frame = Frame(chart, series, left, top, width, height, valueTitle, categoryTitle, legend, d);
        var plot = frame.Plot;

        if (frame.ValueTitle is { } valueAxis) Text(g, valueAxis.Text, d.X(valueAxis.X), valueAxis.Baseline, "start");
        foreach (double tick in plot.Scale.Ticks())
        {
            Line(g, d.X(plot.Left), plot.Y(tick), d.X(plot.Right), plot.Y(tick), Palette.Grid, 0.6);
            var (right, baseline) = frame.TickLabel(tick);
            Text(g, ChartValues.In(ChartValues.AxisLabel(tick, plot.Format, plot.Scale), numbers), d.X(right), baseline, "end");
        }
        Line(g, d.X(plot.Left), plot.Bottom, d.X(plot.Right), plot.Bottom, Palette.Axis, 0.8);
        Line(g, d.X(plot.Left), plot.Top, d.X(plot.Left), plot.Bottom, Palette.Axis, 0.8);

        foreach (var bar in plot.Bars())
            g.Append("<rect x=\"").Append(N(d.X(bar.X, bar.Width))).Append("\" y=\"").Append(N(bar.Y)).Append("\" width=\"").Append(N(bar.Width))
                .Append("\" height=\"").Append(N(bar.Height)).Append("\" fill=\"#").Append(bar.Fill).Append('"')
                .Append(bar.Highlighted ? " stroke=\"#000\" stroke-width=\"0.8\"" : "").Append("><title>")
                .Append(HtmlWriter.E($"{bar.Series.Name}, {chart.Categories[bar.Category]}: {ChartValues.In(ChartValues.Label(bar.Value, bar.Series.Format), numbers)}")).Append("</title></rect>");
        for (int c = 0; c < chart.Categories.Count; c++)
            Text(g, (codes ? chart.CategoryCodes : chart.Categories)[c], d.X(plot.Centre(c)), frame.CategoryBaseline, "middle");
        foreach (var target in plot.Targets())
            foreach (var line in target.Lines)
                Dashed(g, [.. line.Select(p => (d.X(p.X), p.Y))], target.Rank, target.Series.Name);
        if (frame.CategoryTitle is { } categoryAxis) Text(g, categoryAxis.Text, d.X(categoryAxis.X), categoryAxis.Baseline, "middle");
        foreach (var placed in frame.Legend)
        {
            var entry = placed.Entry;
            if (entry.TargetRank is int rank)
                Dashed(g, [(d.X(placed.X), frame.KeyMiddle(placed)), (d.X(placed.X + ChartFrame.TargetKeyLength), frame.KeyMiddle(placed))], rank, null);
            else
            {
                var (x, y, w, h) = frame.Swatch(placed);
                g.Append("<rect x=\"").Append(N(d.X(x, w))).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(w)).Append("\" height=\"")
                    .Append(N(h)).Append("\" fill=\"#").Append(entry.Fill).Append('"')
                    .Append(entry.Outlined ? " stroke=\"#000\" stroke-width=\"0.8\"" : "").Append("/>");
            }
            Text(g, entry.Label, d.X(placed.X + ChartFrame.KeyWidth), placed.Baseline, "start");
        }
    }

    /// <summary>The frame of a bar chart as the review page lays it out, with its estimated text widths.</summary>
    internal static ChartFrame Frame(ChartData chart, IReadOnlyList<ChartSeries> series, double left, double top, double width, double height,
        string? valueTitle, string? categoryTitle, bool legend, ChartDirection direction = default) =>
        ChartFrame.Lay(chart, series, left, top, width, height, FontSize, Width, valueTitle, categoryTitle, legend, direction);

    /// <summary>The size of a (non-dashboard) bar chart on the review page.</summary>
    internal const double ChartWidth = 640, ChartHeight = 300;

    /// <summary>A text's width, estimated (the browser sets the text): Chinese characters a full em, others about half.</summary>
    private static double Width(string text) => text.Sum(c => Script.IsWide(c) ? FontSize : FontSize * 0.55);

    private static void Text(StringBuilder g, string text, double x, double y, string anchor, bool bold = false) =>
        g.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-size=\"").Append(N(FontSize)).Append("\" text-anchor=\"").Append(anchor)
            .Append(bold ? "\" font-weight=\"bold" : "").Append("\" fill=\"#").Append(Palette.Text).Append("\">").Append(HtmlWriter.E(text)).Append("</text>");

    private static void Line(StringBuilder g, double x1, double y1, double x2, double y2, string colour, double width) =>
        g.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"#").Append(colour).Append("\" stroke-width=\"").Append(N(width)).Append("\"/>");

    /// <summary>A target's line, in the PDF's pattern: the first target black and dashed, the second blue and dotted.</summary>
    private static void Dashed(StringBuilder g, IReadOnlyList<(double X, double Y)> points, int rank, string? title)
    {
        g.Append("<polyline fill=\"none\" stroke=\"#").Append(Palette.TargetColour(rank)).Append("\" stroke-width=\"1.6\" stroke-dasharray=\"")
            .Append(Palette.TargetDotted(rank) ? "1.6 2" : "5 3").Append("\" points=\"")
            .Append(string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)))).Append('"');
        if (title is null) g.Append("/>");
        else g.Append("><title>").Append(HtmlWriter.E(title)).Append("</title></polyline>");
    }

    /// <summary>A coordinate, invariant and short (two decimals): the same bytes on every machine.</summary>
    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
