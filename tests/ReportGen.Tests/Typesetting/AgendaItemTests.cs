using ReportGen.Build;
using ReportGen.Model;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// An agenda item as each language writes it on the masthead: the workbook types "6 (a)"; English
/// "Item 6 (a)", French "Point 6 a)", Spanish "Tema 6 a)", Russian "Пункт 6 a)", Chinese "项目 6(a)",
/// Arabic "البند 6 (أ)" (the profile's sub-item label and AgendaItem pattern).
/// </summary>
public class AgendaItemTests
{
    [Theory]
    [InlineData("en", "6 (a)")]
    [InlineData("zh", "6(a)")]
    [InlineData("fr", "6 a)")]
    [InlineData("es", "6 a)")]
    [InlineData("ru", "6 a)")]
    [InlineData("ar", "6 (أ)")]
    public void Each_language_writes_the_sub_item_in_its_own_form(string language, string expected)
    {
        Assert.Equal(expected, ReportGen.Document.Numbering.AgendaItem(new AgendaItem(6, 1), language));
        Assert.Equal("6", ReportGen.Document.Numbering.AgendaItem(new AgendaItem(6, 0), language));
    }

    [Fact]
    public void The_sample_masthead_writes_the_agenda_item_in_every_language()
    {
        var outputs = BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh", "fr", "es", "ru", "ar"], ["txt"], null))
            .ToDictionary(o => o.FileName, o => System.Text.Encoding.UTF8.GetString(o.Bytes));
        // The annual report is item 6 (a) in the sample's Documents sheet; the portfolio analysis item 6.
        foreach (var (language, line) in new[]
                 {
                     ("en", "Item 6 (a) of the provisional agenda*"), ("zh", "临时议程*项目 6(a)"), ("fr", "Point 6 a) de l’ordre du jour provisoire*"),
                     ("es", "Tema 6 a) del programa provisional*"), ("ru", "Пункт 6 a) предварительной повестки дня*"), ("ar", "البند 6 (أ) من جدول الأعمال المؤقت*"),
                 })
        {
            Assert.Contains(line, outputs[$"annual-report-summary.{language}.txt"]);
        }
    }
}
