using ReportGen.Document;

namespace ReportGen.Charts;

/// <summary>A bar to draw: its rectangle in the plot, its fill and whether it is highlighted (outlined).</summary>
public sealed record Bar(double X, double Y, double Width, double Height, string Fill, bool Highlighted, ChartSeries Series, int Category, double Value);

/// <summary>
/// A target series' marks: one line through all categories (points from the plot's left edge to its
/// right), or, where only some categories have a target, a short dash across each of those.
/// </summary>
public sealed record TargetMarks(ChartSeries Series, int Rank, IReadOnlyList<IReadOnlyList<(double X, double Y)>> Lines);

/// <summary>
/// The geometry of a bar chart in a plot rectangle, in the writer's units (y grows downwards): the
/// value scale, the bars of each category side by side and the targets over them. The PDF and the
/// review page draw from it, so the two agree bar for bar; Word lays out its native charts itself,
/// from the same scale (<see cref="ChartValues.Scale"/>).
/// </summary>
public sealed class BarPlot
{
    /// <summary>Of a category's width, the part the bars take (the rest is the gap between groups).</summary>
    private const double GroupFill = 0.78;
    /// <summary>Of a bar's slot, the part the bar fills (a thin gap between neighbouring bars).</summary>
    private const double BarFill = 0.92;
    /// <summary>Of a category's width, the margin each side of a target dash.</summary>
    private const double DashInset = 0.06;

    private readonly ChartData _chart;
    private readonly IReadOnlyList<ChartSeries> _series;

    public BarPlot(ChartData chart, IReadOnlyList<ChartSeries> series, double left, double top, double right, double bottom)
    {
        (_chart, _series) = (chart, series);
        (Left, Top, Right, Bottom) = (left, top, right, bottom);
        Format = ChartValues.AxisFormat(series);
        Scale = ChartValues.Scale(series);
        Group = (right - left) / Math.Max(1, chart.Categories.Count);
    }

    public double Left { get; }
    public double Top { get; }
    public double Right { get; }
    public double Bottom { get; }
    public ValueFormat Format { get; }
    public ChartScale Scale { get; }
    /// <summary>The width of one category.</summary>
    public double Group { get; }

    /// <summary>The height of a shown value (capped at the scale's top).</summary>
    public double Y(double shown) => Bottom - (Bottom - Top) * Math.Min(shown, Scale.Max) / Scale.Max;

    /// <summary>The centre of a category, where its label goes.</summary>
    public double Centre(int category) => Left + Group * (category + 0.5);

    /// <summary>Every bar with a positive value, category by category. Highlighted categories (underfunded) fill their second and later bars with the highlight colour.</summary>
    public IEnumerable<Bar> Bars()
    {
        var bars = _series.Select((s, i) => (s, i)).Where(p => !p.s.Dashed).ToList();
        double slot = Group * GroupFill / Math.Max(1, bars.Count);
        for (int c = 0; c < _chart.Categories.Count; c++)
        {
            double x0 = Left + Group * c + Group * (1 - GroupFill) / 2;
            bool highlighted = _chart.IsHighlighted(c);
            for (int b = 0; b < bars.Count; b++)
            {
                var (s, index) = bars[b];
                if (c >= s.Values.Count || ChartValues.Shown(s.Values[c], s.Format) is not double v || v <= 0) continue;
                double y = Y(v);
                yield return new Bar(x0 + b * slot, y, slot * BarFill, Bottom - y, highlighted && b > 0 ? Palette.Highlight : Palette.SeriesColour(index),
                    highlighted, s, c, v);
            }
        }
    }

    /// <summary>The marks of each target series, in order (rank 0 first: see <see cref="Palette.TargetColour"/>).</summary>
    public IEnumerable<TargetMarks> Targets()
    {
        int n = _chart.Categories.Count, rank = 0;
        foreach (var s in _series.Where(s => s.Dashed))
        {
            bool complete = s.Values.Count >= n && s.Values.Take(n).All(v => v is not null);
            var lines = new List<IReadOnlyList<(double, double)>>();
            var through = new List<(double, double)>();
            for (int c = 0; c < n && c < s.Values.Count; c++)
            {
                if (ChartValues.Shown(s.Values[c], s.Format) is not double v) continue;
                double y = Y(v);
                if (complete)
                {
                    if (c == 0) through.Add((Left, y));
                    through.Add((Centre(c), y));
                    if (c == n - 1) through.Add((Right, y));
                }
                else lines.Add([(Left + Group * c + Group * DashInset, y), (Left + Group * (c + 1) - Group * DashInset, y)]);
            }
            if (through.Count > 1) lines.Add(through);
            yield return new TargetMarks(s, rank++, lines);
        }
    }

    /// <summary>Whether a series' bars include highlighted ones: the legend then has an entry for the highlight colour after it.</summary>
    public static bool HasHighlightedBars(ChartData chart, IReadOnlyList<ChartSeries> series, int index) =>
        !series[index].Dashed && series.Take(index).Any(s => !s.Dashed)
        && Enumerable.Range(0, chart.Categories.Count).Any(k => chart.IsHighlighted(k) && k < series[index].Values.Count && series[index].Values[k] is > 0);

    /// <summary>The legend's words for the highlighted bars of a series: its name with the asterisk the highlighted categories carry.</summary>
    public static string HighlightLegend(string seriesName) => seriesName + " *";
}
