using ReportGen.Typesetting;

namespace ReportGen.Charts;

/// <summary>
/// The words both writers set around a chart: its caption label, in the words the text refers to
/// it by (Formatter.ChartReference: "chart II", "图二", "图 2"), and the colon of its headline figures.
/// </summary>
public static class ChartCaption
{
    /// <summary>
    /// The profile's chart word and the number: "Chart II"; "图二", "图 2" for an Arabic numeral where
    /// Han and Latin are spaced (a quarter em from Han, as in the text).
    /// </summary>
    public static string Label(string number, LanguageProfile profile) =>
        !profile.SpacesHanAndLatin ? profile.ChartWord + " " + number
        : number.Length > 0 && MixedSpacing.Between(profile.ChartWord[^1], number[0]) == MixedSpacing.Gap.One ? profile.ChartWord + " " + number
        : profile.ChartWord + number;

    /// <summary>Between a headline's label and its figure: the profile's colon (full-width in Chinese: "所分析的项目总数：88").</summary>
    public static string Colon(LanguageProfile profile) => profile.Colon;
}
