using ReportGen.Document;

namespace ReportGen.Charts;

/// <summary>
/// A legend entry: a series' swatch (<see cref="Fill"/>) or its target's line pattern
/// (<see cref="TargetRank"/>), and after a series with highlighted bars the highlight colour.
/// </summary>
public sealed record LegendEntry(string Label, string? Fill, int? TargetRank)
{
    /// <summary>The highlight colour's swatch is outlined, as its bars are.</summary>
    public bool Outlined => Fill == Palette.Highlight;
}

/// <summary>A legend entry placed: its key starts at <see cref="X"/>, its label at <c>X + KeyWidth</c> on <see cref="Baseline"/>.</summary>
public sealed record PlacedLegendEntry(LegendEntry Entry, double X, double Baseline);

/// <summary>
/// The direction a chart is drawn in. A chart is laid out left to right; a language written right
/// to left (its profile's <c>RightToLeft</c>) draws the mirror image of that layout about the middle
/// of the surface (<see cref="Width"/>: the page, or the review page's SVG), as the UN's Arabic
/// documents draw their charts: the first category at the right, the value axis and its labels at
/// the right, the legend running from the right with each key at its label's right. Text is not
/// mirrored, only where it stands: a label that ended at x now starts at the mirror of x.
/// </summary>
public readonly record struct ChartDirection(bool RightToLeft, double Width)
{
    /// <summary>Charts drawn as laid out.</summary>
    public static ChartDirection LeftToRight => default;

    /// <summary>Where something laid out from <paramref name="x"/>, <paramref name="width"/> wide, is drawn from (its left edge).</summary>
    public double X(double x, double width = 0) => RightToLeft ? Width - x - width : x;
}

/// <summary>
/// The frame of a bar chart in a rectangle, in the writer's units (y grows downwards): the value
/// title, the room for the value labels left of the plot, the plot (<see cref="BarPlot"/>), the
/// category labels and title under it, and the legend under those, wrapped onto as many lines as
/// its entries need. The PDF and the review page's SVG draw only what it computed, so their
/// charts are laid out alike; each measures text its own way (<c>measure</c>). A right-to-left
/// language's charts are this layout mirrored (<see cref="Direction"/>).
/// </summary>
public sealed class ChartFrame
{
    /// <summary>
    /// A document's bar chart (a figure of the running text), in points: its height, axes, titles and key included, and the
    /// space above it (after its caption and notes) and below it. The PDF sets its chart box to these and the Word writer its
    /// drawing, so that the figure takes the same height on the page in both.
    /// </summary>
    public const double FigureHeight = 215, FigureSpaceAbove = 4, FigureSpaceBelow = 10;

    /// <summary>The room left of the plot for the value labels (right-aligned <see cref="TickGap"/> before the axis).</summary>
    public const double AxisMargin = 34;
    /// <summary>The room right of the plot.</summary>
    public const double RightMargin = 4;
    /// <summary>The room above the plot when there is no value title (the top tick label stands half above its line).</summary>
    public const double TopMargin = 6;
    /// <summary>Between a value label and the axis.</summary>
    public const double TickGap = 4;
    /// <summary>From a legend entry's start to its label: the key (a swatch or a stretch of the target's line) and a gap.</summary>
    public const double KeyWidth = 20;
    /// <summary>After a legend entry's label, before the next entry.</summary>
    public const double EntryGap = 6;
    /// <summary>A swatch's inset and side in a legend key; a target's key is a line <see cref="TargetKeyLength"/> long.</summary>
    public const double SwatchInset = 3, SwatchWidth = 9, TargetKeyLength = 16;

    // Vertical distances in ems of the chart's type size.
    private const double TitleRoom = 2, CategoryRoom = 1.6, CategoryBaselineDrop = 1.3, TitleBaselineDrop = 2.9,
        LegendLine = 2.2, LegendFirstDrop = 1.4, TickBaselineDrop = 0.35;

    private ChartFrame(BarPlot plot, double fontSize, double left, double top, string? valueTitle, string? categoryTitle,
        IReadOnlyList<PlacedLegendEntry> legend, int legendLines, ChartDirection direction)
    {
        (Plot, FontSize, Legend, LegendLines, Direction) = (plot, fontSize, legend, legendLines, direction);
        ValueTitle = valueTitle is null ? null : (valueTitle, left, top + fontSize);
        CategoryTitle = categoryTitle is null ? null : (categoryTitle, (plot.Left + plot.Right) / 2, plot.Bottom + fontSize * TitleBaselineDrop);
    }

    /// <summary>The plot area and its bars and targets.</summary>
    public BarPlot Plot { get; }
    public double FontSize { get; }
    /// <summary>The value axis's title, set from its start (above the value labels).</summary>
    public (string Text, double X, double Baseline)? ValueTitle { get; }
    /// <summary>The category axis's title, centred under the plot.</summary>
    public (string Text, double X, double Baseline)? CategoryTitle { get; }
    public IReadOnlyList<PlacedLegendEntry> Legend { get; }
    public int LegendLines { get; }
    /// <summary>
    /// How the layout is drawn: every position above is the left-to-right layout's; the writers draw
    /// each through <see cref="ChartDirection.X"/>, so a right-to-left chart is its mirror image.
    /// </summary>
    public ChartDirection Direction { get; }

    /// <summary>The baseline of the category labels, each centred on <see cref="BarPlot.Centre"/>.</summary>
    public double CategoryBaseline => Plot.Bottom + FontSize * CategoryBaselineDrop;

    /// <summary>Where a tick's value label ends (it is right-aligned) and its baseline.</summary>
    public (double Right, double Baseline) TickLabel(double tick) => (Plot.Left - TickGap, Plot.Y(tick) + FontSize * TickBaselineDrop);

    /// <summary>The centre line of a legend entry's key, for a target's stroke.</summary>
    public double KeyMiddle(PlacedLegendEntry entry) => entry.Baseline - FontSize * TickBaselineDrop;

    /// <summary>A swatch's rectangle in a legend key.</summary>
    public (double X, double Y, double Width, double Height) Swatch(PlacedLegendEntry entry) =>
        (entry.X + SwatchInset, entry.Baseline - FontSize * 0.8, SwatchWidth, FontSize * 0.8);

    /// <summary>Lays out a bar chart in the rectangle; <paramref name="measure"/> gives a text's width at <paramref name="fontSize"/>.</summary>
    public static ChartFrame Lay(ChartData chart, IReadOnlyList<ChartSeries> series, double left, double top, double width, double height,
        double fontSize, Func<string, double> measure, string? valueTitle, string? categoryTitle, bool legend, ChartDirection direction = default)
    {
        double plotLeft = left + AxisMargin, plotRight = left + width - RightMargin;
        // The legend's lines are known from the plot's width alone, so the plot's height can leave room for them.
        var rows = new List<(LegendEntry Entry, double X, int Line)>();
        if (legend && series.Count > 1)
        {
            double x = plotLeft;
            int line = 0;
            foreach (var entry in LegendEntries(chart, series))
            {
                double labelWidth = measure(entry.Label);
                if (x > plotLeft && x + KeyWidth + labelWidth > plotRight) { x = plotLeft; line++; }
                rows.Add((entry, x, line));
                x += KeyWidth + labelWidth + EntryGap;
            }
        }
        int lines = rows.Count == 0 ? 0 : rows[^1].Line + 1;
        double below = fontSize * CategoryRoom + (categoryTitle is null ? 0 : fontSize * CategoryRoom);
        var plot = new BarPlot(chart, series, plotLeft, top + (valueTitle is null ? TopMargin : fontSize * TitleRoom), plotRight,
            top + height - below - fontSize * LegendLine * lines);
        double first = plot.Bottom + below + fontSize * LegendFirstDrop;
        var placed = rows.Select(r => new PlacedLegendEntry(r.Entry, r.X, first + r.Line * fontSize * LegendLine)).ToList();
        return new ChartFrame(plot, fontSize, left, top, valueTitle, categoryTitle, placed, lines, direction);
    }

    /// <summary>
    /// A dashboard panel (one measure of the flagship dashboard): its title's baseline, centred, and
    /// the rectangle of its chart, which has no titles and no legend.
    /// </summary>
    public static (double TitleBaseline, double Left, double Top, double Width, double Height) Panel(double left, double top, double width, double height, double titleSize) =>
        (top + titleSize, left + 4, top + titleSize * 1.6, width - 12, height - titleSize * 2.2);

    /// <summary>The legend: each series (a swatch or its target pattern), and after a series with highlighted bars the highlight colour (a legend entry for every colour).</summary>
    public static IEnumerable<LegendEntry> LegendEntries(ChartData chart, IReadOnlyList<ChartSeries> series)
    {
        int rank = 0;
        for (int i = 0; i < series.Count; i++)
        {
            if (series[i].Dashed) { yield return new LegendEntry(series[i].Name, null, rank++); continue; }
            yield return new LegendEntry(series[i].Name, Palette.SeriesColour(i), null);
            if (BarPlot.HasHighlightedBars(chart, series, i)) yield return new LegendEntry(BarPlot.HighlightLegend(series[i].Name), Palette.Highlight, null);
        }
    }
}
