using ReportGen.Charts;
using ReportGen.Document;

namespace ReportGen.Tests.Charts;

/// <summary>The chart rules every writer shares, with hand-computed values: bar geometry, value labels and formats.</summary>
public class BarPlotTests
{
    private static ChartData Chart(IReadOnlyList<ChartSeries> series, IReadOnlyList<bool>? highlighted = null) =>
        new(ChartKind.BarsWithTargets, ["a", "b"], series, "category", "value", [], highlighted ?? [], "alt");

    private static double R(double value) => Math.Round(value, 6);

    [Fact]
    public void Bars_sit_side_by_side_in_their_category_on_the_shared_scale()
    {
        var series = new List<ChartSeries> { new("one", [1, 3]), new("two", [2, 4]), new("target", [null, 2], Dashed: true) };
        var plot = new BarPlot(Chart(series), series, 0, 0, 100, 100);
        // Highest value 4: steps of 1, and a step of headroom above it.
        Assert.Equal(new ChartScale(5, 1), plot.Scale);
        var bars = plot.Bars().ToList();
        Assert.Equal(4, bars.Count);
        // Category width 50; the bars take 78 % of it from 5.5 (11 % each side), two slots of 19.5, each bar 92 % of its slot.
        var first = bars[0];
        Assert.Equal((5.5, 80.0, 17.94, 20.0), (R(first.X), R(first.Y), R(first.Width), R(first.Height)));
        var last = bars[^1];
        Assert.Equal((75.0, 20.0, 80.0), (R(last.X), R(last.Y), R(last.Height)));
        Assert.Equal(Palette.SeriesColour(1), last.Fill);
        // A target for the second category only: a dash across it, 6 % in from each side, at 2 of 5.
        var target = Assert.Single(plot.Targets());
        Assert.Equal([(53.0, 60.0), (97.0, 60.0)], Assert.Single(target.Lines).Select(p => (R(p.X), R(p.Y))));
    }

    [Fact]
    public void A_complete_target_runs_from_edge_to_edge_and_highlighted_bars_take_the_highlight_colour()
    {
        var series = new List<ChartSeries> { new("budget", [4, 4]), new("funded", [1, 3]), new("threshold", [2, 2], Dashed: true) };
        var chart = Chart(series, highlighted: [true, false]);
        var plot = new BarPlot(chart, series, 0, 0, 100, 100);
        Assert.Equal([(0.0, 60.0), (25.0, 60.0), (75.0, 60.0), (100.0, 60.0)], Assert.Single(Assert.Single(plot.Targets()).Lines).Select(p => (R(p.X), R(p.Y))));
        var bars = plot.Bars().ToList();
        // The first category is highlighted: its second bar in the highlight colour, both outlined; the first bar keeps its series colour.
        Assert.Equal([Palette.SeriesColour(0), Palette.Highlight], bars.Where(b => b.Category == 0).Select(b => b.Fill));
        Assert.All(bars.Where(b => b.Category == 0), b => Assert.True(b.Highlighted));
        Assert.True(BarPlot.HasHighlightedBars(chart, series, 1));
        Assert.False(BarPlot.HasHighlightedBars(chart, series, 0));
        Assert.Equal("funded *", BarPlot.HighlightLegend("funded"));
    }

    [Theory]
    [InlineData(0.41, ValueFormat.Percent, "41%", "0%")]
    [InlineData(9.8, ValueFormat.UsdMillions, "9.8", "#,##0.0")]
    [InlineData(12, ValueFormat.UsdMillions, "12.0", "#,##0.0")]
    [InlineData(1234, ValueFormat.Count, "1,234", "#,##0")]
    public void Value_labels_and_word_format_codes_are_one_rule(double shown, ValueFormat format, string label, string code)
    {
        Assert.Equal(label, ChartValues.Label(shown, format));
        Assert.Equal(code, ChartValues.FormatCode(format));
    }

    [Fact]
    public void Money_is_shown_in_millions()
    {
        Assert.Equal(9.8, ChartValues.Shown(9_800_000, ValueFormat.UsdMillions));
        Assert.Equal("9.8", ChartValues.LabelOf(9_800_000, ValueFormat.UsdMillions));
        Assert.Equal("–", ChartValues.LabelOf(null, ValueFormat.Count));
        Assert.Equal(ValueFormat.UsdMillions, ChartValues.AxisFormat([new("t", [1], Dashed: true), new("b", [1], Format: ValueFormat.UsdMillions)]));
    }

    [Fact]
    public void Money_axes_print_only_the_decimals_their_step_needs()
    {
        // Budgets up to 9.8 million: whole steps of 2 to 12, so "12", not "12.0"; a fractional step keeps its decimal.
        var whole = ChartScale.For([9.8], ValueFormat.UsdMillions);
        Assert.Equal(["0", "2", "4", "6", "8", "10", "12"], whole.Ticks().Select(t => ChartValues.AxisLabel(t, ValueFormat.UsdMillions, whole)));
        var fractional = ChartScale.For([11.2], ValueFormat.UsdMillions);
        Assert.Equal(["0.0", "2.5", "5.0", "7.5", "10.0", "12.5"], fractional.Ticks().Select(t => ChartValues.AxisLabel(t, ValueFormat.UsdMillions, fractional)));
        // Bars and data tables keep one decimal of a million; counts and shares are unchanged.
        Assert.Equal("9.8", ChartValues.Label(9.8, ValueFormat.UsdMillions));
        Assert.Equal("40%", ChartValues.AxisLabel(0.4, ValueFormat.Percent, ChartScale.For([0.9], ValueFormat.Percent)));
    }
}
