using ReportGen.Document;

namespace ReportGen.Charts;

/// <summary>
/// A value axis from zero to a round maximum, with round steps (1, 2, 2.5 or 5 times a power of ten):
/// the PDF and the review page draw it, and the Word charts are given its maximum and step, so the
/// axes agree in every format. A percentage axis whose values stay within 100 % stops at 100 %.
/// </summary>
public sealed record ChartScale(double Max, double Step)
{
    public static ChartScale For(IEnumerable<double?> values, ValueFormat format)
    {
        double max = values.Max() ?? 0; // the values given; NaN counts as the smallest
        if (format == ValueFormat.Percent) max = Math.Max(max, 0.01);
        if (max <= 0) max = 1;
        double rough = max / 5;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double step = 10 * power;
        foreach (double m in (ReadOnlySpan<double>)[1, 2, 2.5, 5])
            if (m * power >= rough)
            {
                step = m * power;
                break;
            }
        if (format == ValueFormat.Count && step < 1) step = 1;
        // Headroom: the highest bar or target never sits on the plot's top border (a tenth of a step at least).
        double top = Math.Ceiling(max / step - 1e-9) * step;
        if (top - max < step * 0.1) top += step;
        // A share never runs past the whole: where no value passes 100 %, the axis stops at 100 % (a
        // multiple of every step below 1), even if the highest bar then meets the top border.
        if (format == ValueFormat.Percent && max <= 1 + 1e-9) top = Math.Min(top, 1);
        return new ChartScale(top, step);
    }

    public IEnumerable<double> Ticks()
    {
        for (int i = 0; i * Step <= Max + Step / 1000; i++) yield return i * Step;
    }
}
