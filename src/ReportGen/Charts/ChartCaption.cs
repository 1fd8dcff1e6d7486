namespace ReportGen.Charts;

/// <summary>
/// The words both writers set around a chart: its caption label, in the words the text refers to
/// it by (Formatter.ChartReference: "chart II", "图二", "图 2"), and the colon of its headline figures.
/// </summary>
public static class ChartCaption
{
    /// <summary>"Chart II" in English; "图二" in Chinese, "图 2" for an Arabic numeral (a quarter em from Han, as in the text).</summary>
    public static string Label(string number, bool chinese) =>
        chinese ? (number.Length > 0 && char.IsAsciiDigit(number[0]) ? "图 " + number : "图" + number) : "Chart " + number;

    /// <summary>Between a headline's label and its figure: a full-width colon in Chinese ("所分析的项目总数：88").</summary>
    public static string Colon(bool chinese) => chinese ? "：" : ": ";
}
