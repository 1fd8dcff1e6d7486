using ReportGen.Document;

namespace ReportGen.Charts;

/// <summary>
/// The colours of every chart, shared by the Word and PDF writers. Series colours come from the
/// Okabe–Ito set (distinguishable with the common colour-vision deficiencies), ordered so that
/// neighbouring series also differ in lightness and stay apart when printed in grey.
/// </summary>
public static class Palette
{
    /// <summary>Series fills, as RRGGBB: dark blue, light orange, bluish green, reddish purple, sky blue, vermillion.</summary>
    public static readonly IReadOnlyList<string> Series = ["0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00"];

    /// <summary>Targets and thresholds: black dashed lines.</summary>
    public const string Target = "000000";

    /// <summary>Highlighted categories (underfunded outcomes): vermillion with a dark outline.</summary>
    public const string Highlight = "D55E00";

    /// <summary>A second target series: Okabe–Ito blue, drawn dotted (the first is black and dashed).</summary>
    public const string SecondTarget = "0072B2";

    /// <summary>The colour of the n-th target series: black, then blue, so two years' targets differ in hue, not only in grey.</summary>
    public static string TargetColour(int rank) => rank % 2 == 0 ? Target : SecondTarget;

    /// <summary>Whether the n-th target series is dotted (the second); the first is dashed. Pattern and hue both tell them apart.</summary>
    public static bool TargetDotted(int rank) => rank % 2 == 1;

    /// <summary>The darkest count of the linkage matrices of a document: all are shaded on this one scale.</summary>
    public static double MatrixMax(IEnumerable<ChartData> charts) =>
        charts.Where(c => c.Kind == ChartKind.Matrix).SelectMany(c => c.Series).SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max();

    public const string Axis = "404040";
    public const string Grid = "D9D9D9";
    public const string Text = "000000";

    public static string SeriesColour(int index) => Series[index % Series.Count];

    /// <summary>The fill of a matrix cell: white at zero to dark blue at the maximum (lightness alone carries the value).</summary>
    public static string Heat(double value, double max)
    {
        if (value <= 0 || max <= 0) return "FFFFFF";
        double t = Math.Clamp(value / max, 0, 1);
        // From a pale blue (#DCEAF7) to the series blue (#0B3C6E), linear in RGB.
        int R(int from, int to) => (int)Math.Round(from + (to - from) * t);
        return $"{R(0xDC, 0x0B):X2}{R(0xEA, 0x3C):X2}{R(0xF7, 0x6E):X2}";
    }

    /// <summary>Text on a matrix cell: white on dark fills, black on light ones.</summary>
    public static string TextOn(string fill)
    {
        int r = Convert.ToInt32(fill[..2], 16), g = Convert.ToInt32(fill[2..4], 16), b = Convert.ToInt32(fill[4..6], 16);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 140 ? "FFFFFF" : "000000";
    }
}
