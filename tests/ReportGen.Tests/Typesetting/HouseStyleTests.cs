using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportGen.Build;
using ReportGen.Typesetting;
using Kinsoku = ReportGen.Typesetting.Kinsoku;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// One source for each typesetting rule: the Word documents carry the house style's sizes and
/// leading (points converted to half-points and twips) and the kinsoku table the PDF breaks by.
/// </summary>
public class HouseStyleTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], ["docx"], "portfolio-analysis")).ToDictionary(o => o.FileName, o => o.Bytes));

    private static WordprocessingDocument Open(string name) => WordprocessingDocument.Open(new MemoryStream(Outputs.Value[name]), false);

    [Fact]
    public void Word_settings_hold_the_kinsoku_table_of_the_pdf_line_breaker()
    {
        using var zh = Open("portfolio-analysis.zh.docx");
        var settings = zh.MainDocumentPart!.DocumentSettingsPart!.Settings;
        Assert.Equal(Kinsoku.NoLineStart, settings.GetFirstChild<NoLineBreaksBeforeKinsoku>()!.Val!.Value);
        Assert.Equal(Kinsoku.NoLineEnd, settings.GetFirstChild<NoLineBreaksAfterKinsoku>()!.Val!.Value);
        // The mark issue 14 found apart: a closing quotation mark starts no line in either format.
        Assert.Contains('”', settings.GetFirstChild<NoLineBreaksBeforeKinsoku>()!.Val!.Value!);
        Assert.True(Kinsoku.ProhibitedAtLineStart('”'));
        using var en = Open("portfolio-analysis.en.docx");
        Assert.Null(en.MainDocumentPart!.DocumentSettingsPart!.Settings.GetFirstChild<NoLineBreaksBeforeKinsoku>());
    }

    [Theory]
    [InlineData("en", 20, 250, 120, 28, 17, 16)]  // 10 pt on 12.5 pt, 6 pt before paragraphs; headings 14 pt; tables 8.5 pt; notes 8 pt
    [InlineData("zh", 23, 380, 80, 30, 19, 18)]   // 11.5 pt on 19 pt, 4 pt; 15 pt; 9.5 pt; 9 pt
    public void Word_styles_are_the_house_style_in_half_points_and_twips(string language, int body, int line, int after, int heading1, int small, int footnote)
    {
        using var doc = Open($"portfolio-analysis.{language}.docx");
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        string? Size(string id) => styles[id].StyleRunProperties?.FontSize?.Val?.Value;
        Assert.Equal(body.ToString(), Size("Normal"));
        Assert.Equal(heading1.ToString(), Size("Heading1"));
        Assert.Equal(heading1.ToString(), Size("AnnexLabel")); // the PDF sets the annex label as a first-level heading
        Assert.Equal(small.ToString(), Size("TableText"));
        Assert.Equal(footnote.ToString(), Size("FootnoteText"));
        var spacing = styles["Body"].StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal(line.ToString(), spacing.Line!.Value);
        Assert.Equal(after.ToString(), spacing.After!.Value);
        // The same numbers, from the house style the PDF reads.
        var type = TypeSizes.For(language);
        Assert.Equal(body, PageDesign.HalfPoints(type.Body));
        Assert.Equal(line, PageDesign.Twips(type.BodyLeading));
        Assert.Equal(small, PageDesign.HalfPoints(type.Small));
    }

    [Fact]
    public void Word_page_is_the_pdf_page_in_twips()
    {
        using var doc = Open("portfolio-analysis.en.docx");
        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Last();
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);   // 595.28 pt: A4
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(1418, margin.Top!.Value);                                  // 70.9 pt
        Assert.Equal(1134u, margin.Left!.Value);                                 // 56.7 pt
    }

    [Theory]
    [InlineData('年', true, true)]
    [InlineData('㐀', true, true)]    // extension A
    [InlineData('，', false, true)]   // full-width comma: East Asian, not Han
    [InlineData('A', false, false)]
    [InlineData('7', false, false)]
    [InlineData('’', false, true)]    // ambiguous: East Asian in Chinese text, proportional in English
    public void One_script_classifier(char c, bool han, bool eastAsian)
    {
        Assert.Equal(han, Script.IsHan(c));
        Assert.Equal(eastAsian, Script.IsEastAsian(c));
        Assert.False(Script.IsWide('’'));
    }
}
