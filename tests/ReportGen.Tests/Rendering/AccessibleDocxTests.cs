using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportGen.Build;
using ReportGen.Tests.Support;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// What Word's accessibility checker and a screen reader look for in the sample's Word documents,
/// read back with the Open XML SDK.
/// </summary>
public class AccessibleDocxTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(DocxTests.Options(Repo.Seed)).ToDictionary(o => o.FileName, o => o.Bytes));

    public static TheoryData<string> Documents => new() { "portfolio-analysis.en.docx", "portfolio-analysis.zh.docx", "annual-report-summary.en.docx", "annual-report-summary.zh.docx" };

    private static WordprocessingDocument Open(string name) => WordprocessingDocument.Open(new MemoryStream(Outputs.Value[name]), false);

    private static Body BodyOf(WordprocessingDocument doc) => doc.MainDocumentPart!.Document.Body!;

    [Theory]
    [MemberData(nameof(Documents))]
    public void Headings_carry_outline_levels(string name)
    {
        using var doc = Open(name);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        int? Level(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } id && styles.TryGetValue(id, out var style)
            ? style.StyleParagraphProperties?.OutlineLevel?.Val?.Value : null;
        var paragraphs = BodyOf(doc).Elements<Paragraph>().ToList();
        var levels = new Dictionary<string, int> { ["Heading1"] = 0, ["Heading2"] = 1, ["Heading3"] = 2, ["AnnexLabel"] = 0, ["AnnexTitle"] = 1 };
        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } id && levels.ContainsKey(id)).ToList();
        Assert.True(headings.Count >= 4);
        Assert.All(headings, h => Assert.Equal(levels[h.ParagraphProperties!.ParagraphStyleId!.Val!.Value!], Level(h)));
        // Body text is not a heading.
        Assert.All(paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Body"), p => Assert.Null(Level(p)));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_first_row_of_every_data_table_is_a_header_row_and_the_masthead_is_no_table(string name)
    {
        using var doc = Open(name);
        var body = BodyOf(doc);
        Assert.IsType<Paragraph>(body.Elements().First());
        Assert.Empty(body.Elements().TakeWhile(e => e is not Paragraph p || p.ParagraphProperties?.ParagraphStyleId?.Val?.Value != "Session").OfType<Table>());
        // Every table, the flagship dashboard's grid of small charts too.
        var tables = body.Elements<Table>().ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
    }

    [Theory]
    [InlineData("portfolio-analysis.en.docx", "Normative tools", "Portfolio (USD million)", "Partners", "Funding secured against target")]
    [InlineData("portfolio-analysis.zh.docx", "规范工具", "项目组合（百万美元）", "合作伙伴", "已筹资金占目标的比例")]
    public void The_flagship_dashboard_has_a_header_row_naming_its_first_charts_and_keeps_its_caption_and_description(string name, params string[] panels)
    {
        using var doc = Open(name);
        var dashboard = Assert.Single(BodyOf(doc).Elements<Table>(), t => t.Descendants<Drawing>().Any());
        var rows = dashboard.Elements<TableRow>().ToList();
        Assert.Equal(4, rows.Count); // names, charts, names, charts
        string[] Cells(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText).ToArray();
        string[] Titles(TableRow row) => row.Descendants<DW.DocProperties>().Select(d => d.Title!.Value!).ToArray();
        Assert.Equal(panels[..2], Cells(rows[0]));
        Assert.Equal(panels[..2], Titles(rows[1]));
        Assert.Equal(panels[2..], Cells(rows[2]));
        Assert.Equal(panels[2..], Titles(rows[3]));
        // Only the first row is the header: it is not repeated above the second pair, and the table keeps to one page
        // with the key of codes after it (the last row too keeps with the next: in 2021 the FP1–FP5 key sat alone on page 11).
        Assert.Equal([true, false, false, false], rows.Select(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null));
        Assert.All(rows.SelectMany(r => r.Descendants<Paragraph>()), p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
        var properties = dashboard.GetFirstChild<TableProperties>()!;
        Assert.StartsWith(name.Contains(".zh.") ? "图十" : "Figure X", properties.GetFirstChild<TableCaption>()!.Val!.Value!);
        // FP4's portfolio, USD 64 million ("6 400 万美元": the Chinese groups its digits with a no-break space)
        Assert.Contains(name.Contains(".zh.") ? "6\u00A0400 万美元" : "64", properties.GetFirstChild<TableDescription>()!.Val!.Value!);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Charts_and_matrices_have_titles_and_alternative_text_that_states_their_figures(string name)
    {
        using var doc = Open(name);
        var body = BodyOf(doc);
        var drawings = body.Descendants<DW.DocProperties>().ToList();
        Assert.NotEmpty(drawings);
        Assert.All(drawings, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title?.Value), $"chart {d.Id} has no title");
            Assert.Matches(@"\d", d.Description?.Value ?? "");
        });
        var described = body.Elements<Table>().Select(t => t.GetFirstChild<TableProperties>()!).Where(p => p.GetFirstChild<TableDescription>() is not null).ToList();
        Assert.All(described, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.GetFirstChild<TableCaption>()?.Val?.Value));
            Assert.Matches(@"\d", p.GetFirstChild<TableDescription>()!.Val!.Value!);
        });
        if (name.StartsWith("portfolio", StringComparison.Ordinal)) Assert.True(described.Count >= 2, "the linkage matrices have no alternative text");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_run_has_its_language_and_the_document_its_title_and_language(string name)
    {
        using var doc = Open(name);
        bool chinese = name.Contains(".zh.", StringComparison.Ordinal);
        var runs = doc.MainDocumentPart!.Document.Descendants<Run>().Concat(doc.MainDocumentPart.FootnotesPart!.Footnotes!.Descendants<Run>())
            .Where(r => r.Elements<Text>().Any(t => t.Text.Trim().Length > 0)).ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, r =>
        {
            var language = r.RunProperties?.GetFirstChild<Languages>();
            Assert.True(language?.Val?.Value is not null || language?.EastAsia?.Value is not null, $"no language on '{r.InnerText}'");
            bool han = r.InnerText.Any(c => c >= 0x3000 && c < 0xA000 || c >= 0xFF00 && c < 0xFFF0);
            if (han) Assert.Equal("zh-CN", language!.EastAsia?.Value);
        });
        Assert.Equal(chinese ? "zh-CN" : "en-US", doc.PackageProperties.Language);
        Assert.False(string.IsNullOrWhiteSpace(doc.PackageProperties.Title));
        Assert.Equal(ReportGen.Audit.DocumentText.TextOf(BodyOf(doc).Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title")).TrimEnd('*'),
            doc.PackageProperties.Title);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void No_empty_paragraph_is_used_for_spacing(string name)
    {
        using var doc = Open(name);
        var elements = BodyOf(doc).Elements().ToList();
        for (int i = 0; i < elements.Count; i++)
        {
            if (elements[i] is not Paragraph p || p.InnerText.Length > 0 || p.Descendants<Drawing>().Any() || p.Descendants<Break>().Any()) continue;
            // The one empty paragraph Word needs: between two tables, which it would join into one otherwise.
            Assert.True(i > 0 && elements[i - 1] is Table && i + 1 < elements.Count && elements[i + 1] is Table,
                $"empty paragraph at body element {i}, after '{(i > 0 ? elements[i - 1].InnerText : "")}'");
        }
    }
}
