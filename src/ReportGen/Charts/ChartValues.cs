using System.Globalization;
using ReportGen.Document;

namespace ReportGen.Charts;

/// <summary>
/// How a chart shows its values, in every writer: money in millions (the axis says "USD million"),
/// shares as percentages; the labels of axis ticks and bars, and Word's number format for the same
/// labels. The one home of chart value formatting.
/// </summary>
public static class ChartValues
{
    /// <summary>A value as every chart shows it: money in millions, the rest as it is.</summary>
    public static double? Shown(double? value, ValueFormat format) => format == ValueFormat.UsdMillions && value is double v ? v / 1e6 : value;

    /// <summary>
    /// The number format of a chart label, as .NET and Word (and Excel) both read it: "41%", "9.8"
    /// (millions, one decimal), "1,234". The PDF and the review page format with it; the Word chart
    /// is given it as its format code, so its axes read the same.
    /// </summary>
    public static string FormatCode(ValueFormat format) => format switch
    {
        ValueFormat.Percent => "0%",
        ValueFormat.UsdMillions => "#,##0.0",
        _ => "#,##0",
    };

    /// <summary>
    /// The format code of a label in a language's number conventions, for Word's native charts: a
    /// percentage as the language sets it off (French <c>0"\u202F"%</c>, read "41 %"; English and
    /// Chinese <c>0%</c>, unchanged). Group and decimal separators cannot be fixed by a format code
    /// (Word shows them in the reader's locale); .NET reads the quoted text the same way.
    /// </summary>
    public static string FormatCode(ValueFormat format, Typesetting.NumberFormats numbers) => Localized(FormatCode(format), numbers);

    /// <summary>The axis' format code (<see cref="AxisFormatCode(ValueFormat, ChartScale)"/>) in a language's conventions (<see cref="FormatCode(ValueFormat, Typesetting.NumberFormats)"/>).</summary>
    public static string AxisFormatCode(ValueFormat format, ChartScale scale, Typesetting.NumberFormats numbers) => Localized(AxisFormatCode(format, scale), numbers);

    private static string Localized(string code, Typesetting.NumberFormats numbers)
    {
        if (!code.EndsWith('%') || numbers.CompactPercent == "{0}%") return code;
        int at = numbers.CompactPercent.IndexOf("{0}", StringComparison.Ordinal);
        string before = numbers.CompactPercent[..at], after = numbers.CompactPercent[(at + 3)..];
        static string Quoted(string text) => text.Length == 0 ? "" : "\"" + text.Replace("%", "\"%\"") + "\"";
        // The sign itself stays a format character (it scales by 100); the text around it is quoted.
        int sign = after.IndexOf('%');
        return Quoted(before) + code[..^1] + (sign < 0 ? Quoted(after) + "%" : Quoted(after[..sign]) + "%" + Quoted(after[(sign + 1)..]));
    }

    /// <summary>
    /// The number format of a value axis' tick labels: money in millions as the axis' step needs it
    /// ("12", "80" for whole steps; "2.5" where the step is fractional): the bars' one decimal on
    /// every tick would be a decimal that says nothing ("12.0", "80.0").
    /// </summary>
    public static string AxisFormatCode(ValueFormat format, ChartScale scale)
    {
        if (format != ValueFormat.UsdMillions) return FormatCode(format);
        int decimals = 0;
        while (decimals < 3 && Math.Abs(scale.Step * Math.Pow(10, decimals) - Math.Round(scale.Step * Math.Pow(10, decimals))) > 1e-9) decimals++;
        return decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);
    }

    /// <summary>The label of a tick of a value axis (see <see cref="AxisFormatCode"/>).</summary>
    public static string AxisLabel(double tick, ValueFormat format, ChartScale scale) => tick.ToString(AxisFormatCode(format, scale), CultureInfo.InvariantCulture);

    /// <summary>
    /// A label written with invariant separators ("1,234.5", "40%") in a language's number
    /// conventions ("1 234,5", "40 %" in French); English and Chinese labels stay as they are.
    /// </summary>
    public static string In(string label, Typesetting.NumberFormats numbers)
    {
        if (numbers.GroupSeparator == "," && numbers.DecimalSeparator == "." && numbers.CompactPercent == "{0}%") return label;
        bool percent = label.EndsWith('%');
        var text = new System.Text.StringBuilder(label.Length + 4);
        foreach (char c in percent ? label[..^1] : label) text.Append(c switch { ',' => numbers.GroupSeparator, '.' => numbers.DecimalSeparator, _ => c.ToString() });
        return percent ? string.Format(CultureInfo.InvariantCulture, numbers.CompactPercent, text) : text.ToString();
    }

    /// <summary>The label of a shown value (see <see cref="Shown"/>).</summary>
    public static string Label(double shown, ValueFormat format) => shown.ToString(FormatCode(format), CultureInfo.InvariantCulture);

    /// <summary>The label of a data value, or a dash where there is none.</summary>
    public static string LabelOf(double? value, ValueFormat format) => Shown(value, format) is double v ? Label(v, format) : "–";

    /// <summary>The format of a chart's value axis: that of its first bar series.</summary>
    public static ValueFormat AxisFormat(IEnumerable<ChartSeries> series) => series.FirstOrDefault(s => !s.Dashed)?.Format ?? ValueFormat.Count;

    /// <summary>The value axis of a set of series: shown values, the axis format's scale.</summary>
    public static ChartScale Scale(IReadOnlyList<ChartSeries> series) =>
        ChartScale.For(series.SelectMany(s => s.Values.Select(v => Shown(v, s.Format))), AxisFormat(series));
}
