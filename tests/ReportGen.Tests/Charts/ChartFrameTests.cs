using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Charts;
using ReportGen.Document;
using ReportGen.Rendering.Html;
using ReportGen.Rendering.Pdf;
using ReportGen.Tests.Document;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Charts;

/// <summary>
/// One frame layout for the PDF's and the review page's bar charts (<see cref="ChartFrame"/>):
/// axis margin, plot area, category labels and a legend that wraps, with hand-computed values,
/// and each writer read back at the layout's coordinates.
/// </summary>
public partial class ChartFrameTests
{
    private static ChartData Chart(params ChartSeries[] series) =>
        new(ChartKind.BarsWithTargets, ["a", "b"], series, "category", "value", [], [], "alt");

    /// <summary>Five units a character: widths by hand.</summary>
    private static double Measure(string text) => text.Length * 5;

    [Fact]
    public void A_long_legend_wraps_under_the_plot_and_the_plot_makes_room_for_its_lines()
    {
        var series = new[] { new ChartSeries("Budget for the year", [4, 4]), new ChartSeries("Funds received", [1, 3]), new ChartSeries("Target", [2, 2], Dashed: true) };
        var frame = ChartFrame.Lay(Chart(series), series, 0, 0, 200, 300, 10, Measure, valueTitle: null, categoryTitle: null, legend: true);

        // Plot from 34 (the axis margin) to 196; "Budget for the year" (95 wide) fits from 34 (to 149);
        // "Funds received" would end at 155 + 20 + 70 = 245, past 196: a second line, as does "Target" after it (34 + 20 + 70 + 6 = 130; 130 + 20 + 30 = 180 fits).
        Assert.Equal(2, frame.LegendLines);
        // Under the plot: the category labels (1.6 em) and two legend lines (2.2 em each): 300 - 16 - 44.
        Assert.Equal((34.0, 6.0, 196.0, 240.0), (frame.Plot.Left, frame.Plot.Top, frame.Plot.Right, R(frame.Plot.Bottom)));
        Assert.Equal(
            [("Budget for the year", 34.0, 270.0), ("Funds received", 34.0, 292.0), ("Target", 130.0, 292.0)],
            frame.Legend.Select(e => (e.Entry.Label, R(e.X), R(e.Baseline))));
        Assert.Equal(0, frame.Legend[2].Entry.TargetRank);
        Assert.All(frame.Legend, e => Assert.True(e.X + ChartFrame.KeyWidth + Measure(e.Entry.Label) <= frame.Plot.Right, e.Entry.Label));

        // The same chart with short names: one legend line, so the plot is one line (22) taller.
        var brief = new[] { series[0] with { Name = "B" }, series[1] with { Name = "F" }, series[2] with { Name = "T" } };
        var one = ChartFrame.Lay(Chart(brief), brief, 0, 0, 200, 300, 10, Measure, null, null, legend: true);
        Assert.Equal((1, 262.0), (one.LegendLines, R(one.Plot.Bottom)));
    }

    [Fact]
    public void Highlighted_bars_add_a_legend_entry_after_their_series()
    {
        var series = new[] { new ChartSeries("Budget", [4, 4]), new ChartSeries("Funded", [1, 3]) };
        var chart = Chart(series) with { Highlighted = [true, false] };
        var frame = ChartFrame.Lay(chart, series, 0, 0, 640, 300, 11, Measure, "value", "category", legend: true);
        Assert.Equal(["Budget", "Funded", "Funded *"], frame.Legend.Select(e => e.Entry.Label));
        Assert.Equal([false, false, true], frame.Legend.Select(e => e.Entry.Outlined));
        // Titles: the value title over the labels at the frame's left, the category title centred under the category labels.
        Assert.Equal(("value", 0.0, 11.0), frame.ValueTitle!.Value);
        Assert.Equal(("category", 335.0, R(frame.Plot.Bottom + 11 * 2.9)), (frame.CategoryTitle!.Value.Text, frame.CategoryTitle.Value.X, R(frame.CategoryTitle.Value.Baseline)));
    }

    [Fact]
    public void The_review_pages_axis_and_hover_labels_are_written_in_the_language_of_their_column()
    {
        var series = new[] { new ChartSeries("Réalisation", [0.41, 1234.5 / 2000], Format: ValueFormat.Percent), new ChartSeries("Seuil", [0.5, 0.5], Dashed: true, Format: ValueFormat.Percent) };
        string Svg(LanguageProfile profile)
        {
            var svg = new StringBuilder();
            SvgCharts.Write(svg, new ChartSlot("achievement", "1", "Réalisation", null, Chart(series), new Table([], [], [1])), "c1", profile.Numbers);
            return svg.ToString();
        }
        static List<string> Texts(string svg) => [.. Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value)];
        string french = Svg(LanguageProfiles.French), english = Svg(LanguageProfiles.English);

        // As the PDF's charts: "40 %" with a narrow no-break space in French, "40%" in English.
        Assert.Contains("40\u202F%", Texts(french));
        Assert.DoesNotContain(Texts(french), t => Regex.IsMatch(t, @"\d%"));
        Assert.Contains("40%", Texts(english));
        Assert.Contains("<title>Réalisation, a: 41\u202F%</title>", french);
        Assert.Contains("<title>Réalisation, a: 41%</title>", english);
    }

    [Fact]
    public void Word_chart_format_codes_set_off_the_percent_sign_as_the_language_does()
    {
        Assert.Equal("0%", ChartValues.FormatCode(ValueFormat.Percent, LanguageProfiles.English.Numbers));
        string french = ChartValues.FormatCode(ValueFormat.Percent, LanguageProfiles.French.Numbers);
        Assert.Equal("0\"\u202F\"%", french);
        // The code reads the same in .NET (the redline formats cached values with it) as in Word.
        Assert.Equal("41\u202F%", 0.41.ToString(french, CultureInfo.InvariantCulture));
        Assert.Equal("#,##0.0", ChartValues.FormatCode(ValueFormat.UsdMillions, LanguageProfiles.French.Numbers));
    }

    [Fact]
    public void The_review_page_draws_the_plot_area_the_layout_computed()
    {
        var series = new[] { new ChartSeries("Budget", [4, 4]), new ChartSeries("Funded", [1, 3]), new ChartSeries("Threshold", [2, 2], Dashed: true) };
        var chart = Chart(series);
        var svg = new StringBuilder();
        SvgCharts.Write(svg, new ChartSlot("funding", "1", "Funding", null, chart, new Table([], [], [1])), "c1", LanguageProfiles.English.Numbers);

        // 640 × 300 at 11 px: plot from 34 to 636, from 22 (under the value title, 2 em) to
        // 300 - 3.2 em (category labels and title) - 2.2 em (one legend line) = 240.6.
        var expected = (34.0, 22.0, 636.0, 240.6);
        var frame = ChartFrame.Lay(chart, series, 0, 0, SvgCharts.ChartWidth, SvgCharts.ChartHeight, 11, Measure, "value", "category", legend: true);
        Assert.Equal(expected, (frame.Plot.Left, frame.Plot.Top, frame.Plot.Right, R(frame.Plot.Bottom)));

        var axes = AxisLine().Matches(svg.ToString()).Select(m => (X1: D(m, "x1"), Y1: D(m, "y1"), X2: D(m, "x2"), Y2: D(m, "y2"))).ToList();
        Assert.Equal(2, axes.Count);
        var horizontal = axes.Single(a => a.Y1 == a.Y2);
        var vertical = axes.Single(a => a.X1 == a.X2);
        Assert.Equal(expected, (vertical.X1, vertical.Y1, horizontal.X2, vertical.Y2));
        // Value labels end the tick gap before the axis, as in the PDF.
        Assert.Contains($"x=\"{ChartFrame.AxisMargin - ChartFrame.TickGap}\" y=\"", svg.ToString());
    }

    [Fact]
    public void A_right_to_left_chart_is_the_mirror_image_of_the_layout_first_category_value_axis_and_legend_keys_at_the_right()
    {
        var series = new[] { new ChartSeries("Budget", [4, 4]), new ChartSeries("Funded", [1, 3]), new ChartSeries("Threshold", [2, 2], Dashed: true) };
        var chart = Chart(series);
        string Svg(bool rightToLeft)
        {
            var svg = new StringBuilder();
            SvgCharts.Write(svg, new ChartSlot("funding", "1", "Funding", null, chart, new Table([], [], [1])), "c1", LanguageProfiles.English.Numbers, rightToLeft);
            return svg.ToString();
        }
        string ltr = Svg(false), rtl = Svg(true);
        double w = SvgCharts.ChartWidth;
        // The direction maps a laid-out x to its mirror about the middle; a box keeps its width, so its left edge is the mirror of its right.
        var d = new ChartDirection(true, w);
        Assert.Equal((606.0, 590.0), (d.X(34), d.X(34, 16)));
        Assert.Equal(34.0, ChartDirection.LeftToRight.X(34));

        // The value axis stands at the right (x = 640 - 34), the category axis runs the same width.
        var axes = AxisLine().Matches(rtl).Select(m => (X1: D(m, "x1"), Y1: D(m, "y1"), X2: D(m, "x2"), Y2: D(m, "y2"))).ToList();
        var vertical = axes.Single(a => a.X1 == a.X2);
        var horizontal = axes.Single(a => a.Y1 == a.Y2);
        Assert.Equal(w - 34, vertical.X1);
        Assert.Equal((w - 34, w - 636), (horizontal.X1, horizontal.X2));
        // The value labels start the tick gap right of the axis (anchor "end" in a right-to-left SVG is a text's left end).
        Assert.Contains("direction=\"rtl\"", rtl);
        Assert.DoesNotContain("direction=", ltr);
        Assert.Contains($"x=\"{w - (ChartFrame.AxisMargin - ChartFrame.TickGap)}\" y=\"", rtl);
        // The categories: "a" (the first) right of "b"; in the left-to-right chart the other way round.
        double Category(string svg, string name) => D(Regex.Match(svg, $"<text x=\"(?<x>[\\d.]+)\"[^>]*text-anchor=\"middle\"[^>]*>{name}</text>"), "x");
        Assert.True(Category(rtl, "a") > Category(rtl, "b"));
        Assert.True(Category(ltr, "a") < Category(ltr, "b"));
        Assert.Equal(w - Category(ltr, "a"), Category(rtl, "a"), 2);
        // The legend runs from the right: the first entry's label starts (its right end, "start" under rtl) at the mirror of where it started.
        double Legend(string svg, string name) => D(Regex.Match(svg, $"<text x=\"(?<x>[\\d.]+)\"[^>]*text-anchor=\"start\"[^>]*>{name}</text>"), "x");
        Assert.Equal(w - Legend(ltr, "Budget"), Legend(rtl, "Budget"), 2);
        Assert.True(Legend(rtl, "Budget") > Legend(rtl, "Funded"));
        // Each key stands at its label's right: the swatch's left edge is past the label's start.
        var swatch = Regex.Match(rtl, "<rect x=\"(?<x>[\\d.]+)\" y=\"[\\d.]+\" width=\"9\"");
        Assert.True(D(swatch, "x") > Legend(rtl, "Budget"), $"swatch at {D(swatch, "x")}, label ends at {Legend(rtl, "Budget")}");
        // The bars are the same bars, mirrored: the same rectangles' widths and heights.
        static List<(string W, string H)> Sizes(string svg) => [.. Regex.Matches(svg, "<rect x=\"[\\d.]+\" y=\"[\\d.]+\" width=\"(?<w>[\\d.]+)\" height=\"(?<h>[\\d.]+)\"").Select(m => (m.Groups["w"].Value, m.Groups["h"].Value))];
        Assert.Equal(Sizes(ltr).Order(), Sizes(rtl).Order());
    }

    [SkippableFact]
    public void The_pdf_sets_the_value_labels_where_the_layout_ends_them()
    {
        // The plot starts where the body text does (the value labels stand in the indent), so each
        // value label ends the tick gap before the body's left edge: read back from the PDF's words.
        var doc = SmallDocument.Build(withSecondChart: false);
        var chart = doc.AllBlocks().OfType<ChartSlot>().First().Chart;
        var scale = ChartValues.Scale(chart.Series);
        var labels = scale.Ticks().Select(t => ChartValues.AxisLabel(t, ChartValues.AxisFormat(chart.Series), scale)).ToList();
        string words = Poppler.PdfToText(PdfWriter.Write(doc).Bytes, "-bbox");
        double end = PdfLook.BodyLeft - ChartFrame.TickGap;
        foreach (string label in labels)
            Assert.True(Word().Matches(words).Any(w => w.Groups["text"].Value == label && Math.Abs(D(w, "xMax") - end) < 0.6),
                $"value label {label} does not end at {end}");
    }

    private static double R(double value) => Math.Round(value, 6);

    private static double D(Match m, string name) => double.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("""<line x1="(?<x1>[\d.]+)" y1="(?<y1>[\d.]+)" x2="(?<x2>[\d.]+)" y2="(?<y2>[\d.]+)" stroke="#[0-9A-Fa-f]{6}" stroke-width="0\.8"/>""")]
    private static partial Regex AxisLine();

    [GeneratedRegex("""<word xMin="(?<xMin>[\d.]+)" yMin="[\d.]+" xMax="(?<xMax>[\d.]+)" yMax="[\d.]+">(?<text>[^<]*)</word>""")]
    private static partial Regex Word();
}
