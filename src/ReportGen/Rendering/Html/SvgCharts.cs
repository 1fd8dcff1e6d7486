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

    public static void Write(StringBuilder svg, ChartSlot slot, string id)
    {
        var chart = slot.Chart;
        double width = 640, height;
        var body = new StringBuilder();
        if (chart.Kind == ChartKind.Dashboard)
        {
            double panelWidth = width / 2, panelHeight = 190;
            for (int i = 0; i < chart.Series.Count; i++)
            {
                double left = panelWidth * (i % 2), top = panelHeight * (i / 2);
                var s = chart.Series[i];
                Text(body, s.Name, left + panelWidth / 2, top + FontSize + 2, "middle", bold: true);
                Bars(body, chart, [s], left + 4, top + FontSize * 1.8, panelWidth - 12, panelHeight - FontSize * 2.4, null, null, legend: false,
                    c => c.Split(' ')[0]);
            }
            height = panelHeight * ((chart.Series.Count + 1) / 2) + 4;
        }
        else
        {
            height = 300;
            Bars(body, chart, chart.Series, 0, 0, width, height, chart.ValueAxisTitle, chart.CategoryAxisTitle, legend: true, null);
        }
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-d\">")
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

    /// <summary>A bar chart in the rectangle, as the PDF draws it (<c>ChartPaint.Bars</c>).</summary>
    private static void Bars(StringBuilder g, ChartData chart, IReadOnlyList<ChartSeries> series, double left, double top, double width, double height,
        string? valueTitle, string? categoryTitle, bool legend, Func<string, string>? categoryLabel)
    {
        var format = series.FirstOrDefault(s => !s.Dashed)?.Format ?? ValueFormat.Count;
        var scale = ChartScale.For(series.SelectMany(s => s.Values.Select(v => ChartScale.Shown(v, s.Format))), format);
        double legendHeight = legend && series.Count > 1 ? FontSize * 2.2 * LegendLines(series, width) : 0;
        double axisLabels = 34, bottomLabels = FontSize * 1.6 + (categoryTitle is null ? 0 : FontSize * 1.6);
        double plotLeft = left + axisLabels, plotRight = left + width - 4;
        double plotTop = top + (valueTitle is null ? 6 : FontSize * 2), plotBottom = top + height - bottomLabels - legendHeight;
        double Y(double v) => plotBottom - (plotBottom - plotTop) * Math.Min(v, scale.Max) / scale.Max;

        if (valueTitle is not null) Text(g, valueTitle, left, top + FontSize, "start");
        foreach (double tick in scale.Ticks())
        {
            Line(g, plotLeft, Y(tick), plotRight, Y(tick), Palette.Grid, 0.6);
            Text(g, Label(tick, format), plotLeft - 4, Y(tick) + FontSize * 0.35, "end");
        }
        Line(g, plotLeft, plotBottom, plotRight, plotBottom, Palette.Axis, 0.8);
        Line(g, plotLeft, plotTop, plotLeft, plotBottom, Palette.Axis, 0.8);

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
                if (c >= s.Values.Count || ChartScale.Shown(s.Values[c], s.Format) is not double v || v <= 0) continue;
                string fill = highlighted && b > 0 ? Palette.Highlight : Palette.SeriesColour(index);
                double y = Y(v);
                g.Append("<rect x=\"").Append(N(x0 + b * barWidth)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(barWidth * 0.92))
                    .Append("\" height=\"").Append(N(plotBottom - y)).Append("\" fill=\"#").Append(fill).Append('"')
                    .Append(highlighted ? " stroke=\"#000\" stroke-width=\"0.8\"" : "").Append("><title>")
                    .Append(HtmlWriter.E($"{s.Name}, {chart.Categories[c]}: {Label(v, s.Format)}")).Append("</title></rect>");
            }
            Text(g, categoryLabel?.Invoke(chart.Categories[c]) ?? chart.Categories[c], plotLeft + group * (c + 0.5), plotBottom + FontSize * 1.3, "middle");
        }
        int dashedIndex = 0;
        foreach (var (s, _) in series.Select((s, i) => (s, i)).Where(p => p.s.Dashed))
        {
            string colour = dashedIndex++ % 2 == 0 ? Palette.Target : "666666";
            bool complete = s.Values.Count >= n && s.Values.Take(n).All(v => v is not null);
            var points = new List<(double X, double Y)>();
            for (int c = 0; c < n && c < s.Values.Count; c++)
            {
                if (ChartScale.Shown(s.Values[c], s.Format) is not double v) continue;
                double y = Y(v);
                if (complete)
                {
                    if (c == 0) points.Add((plotLeft, y));
                    points.Add((plotLeft + group * (c + 0.5), y));
                    if (c == n - 1) points.Add((plotRight, y));
                }
                else Dashed(g, [(plotLeft + group * c + group * 0.06, y), (plotLeft + group * (c + 1) - group * 0.06, y)], colour, s.Name);
            }
            if (points.Count > 1) Dashed(g, points, colour, s.Name);
        }
        if (categoryTitle is not null) Text(g, categoryTitle, (plotLeft + plotRight) / 2, plotBottom + FontSize * 2.9, "middle");
        if (legend && series.Count > 1)
        {
            double x = plotLeft, baseline = plotBottom + bottomLabels + FontSize * 1.4;
            for (int i = 0, d = 0; i < series.Count; i++)
            {
                var s = series[i];
                double labelWidth = Width(s.Name);
                if (x > plotLeft && x + 20 + labelWidth > plotRight) { x = plotLeft; baseline += FontSize * 2.2; }
                if (s.Dashed)
                    Dashed(g, [(x, baseline - FontSize * 0.35), (x + 16, baseline - FontSize * 0.35)], d++ % 2 == 0 ? Palette.Target : "666666", null);
                else
                    g.Append("<rect x=\"").Append(N(x + 3)).Append("\" y=\"").Append(N(baseline - FontSize * 0.8)).Append("\" width=\"9\" height=\"")
                        .Append(N(FontSize * 0.8)).Append("\" fill=\"#").Append(Palette.SeriesColour(i)).Append("\"/>");
                Text(g, s.Name, x + 20, baseline, "start");
                x += 26 + labelWidth;
            }
        }
    }

    private static int LegendLines(IReadOnlyList<ChartSeries> series, double width)
    {
        int lines = 1;
        double x = 34, right = width - 4;
        foreach (var s in series)
        {
            double w = Width(s.Name);
            if (x > 34 && x + 20 + w > right) { lines++; x = 34; }
            x += 26 + w;
        }
        return lines;
    }

    /// <summary>A text's width, estimated (the browser sets the text): Chinese characters a full em, others about half.</summary>
    private static double Width(string text) => text.Sum(c => Script.IsWide(c) ? FontSize : FontSize * 0.55);

    private static string Label(double value, ValueFormat format) => format switch
    {
        ValueFormat.Percent => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        _ => value.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static void Text(StringBuilder g, string text, double x, double y, string anchor, bool bold = false) =>
        g.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-size=\"").Append(N(FontSize)).Append("\" text-anchor=\"").Append(anchor)
            .Append(bold ? "\" font-weight=\"bold" : "").Append("\" fill=\"#").Append(Palette.Text).Append("\">").Append(HtmlWriter.E(text)).Append("</text>");

    private static void Line(StringBuilder g, double x1, double y1, double x2, double y2, string colour, double width) =>
        g.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"#").Append(colour).Append("\" stroke-width=\"").Append(N(width)).Append("\"/>");

    private static void Dashed(StringBuilder g, List<(double X, double Y)> points, string colour, string? title)
    {
        g.Append("<polyline fill=\"none\" stroke=\"#").Append(colour).Append("\" stroke-width=\"1.6\" stroke-dasharray=\"5 3\" points=\"")
            .Append(string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)))).Append('"');
        if (title is null) g.Append("/>");
        else g.Append("><title>").Append(HtmlWriter.E(title)).Append("</title></polyline>");
    }

    /// <summary>A coordinate, invariant and short (two decimals): the same bytes on every machine.</summary>
    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
