using ReportGen.Typesetting;

namespace ReportGen.Charts;

/// <summary>
/// The words both writers set around a chart: its caption label, in the words the text refers to
/// it by (Formatter.ChartReference: "chart II", "图二", "图 2"), and the colon of its headline figures.
/// </summary>
public static class ChartCaption
{
    /// <summary>
    /// The profile's chart word (its figure word where the document calls its charts figures) and
    /// the number: "Chart II", "Figure I"; "图二", "图 2" for an Arabic numeral where Han and Latin
    /// are spaced (a quarter em from Han, as in the text). The one home of a caption's label: the
    /// formatter's captions are these.
    /// </summary>
    public static string Label(string number, LanguageProfile profile, bool figure = false)
    {
        string word = figure ? profile.FigureWord ?? profile.ChartWord : profile.ChartWord;
        return !profile.SpacesHanAndLatin ? word + " " + number
            : number.Length > 0 && MixedSpacing.Between(word[^1], number[0]) == MixedSpacing.Gap.One ? word + " " + number
            : word + number;
    }

    /// <summary>Between a headline's label and its figure: the profile's colon (full-width in Chinese: "所分析的项目总数：88").</summary>
    public static string Colon(LanguageProfile profile) => profile.Colon;
}
