using ReportGen.Build;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Analysis;
using ReportGen.Cli;
using ReportGen.Document;
using ReportGen.Model;
using ReportGen.Tests.Support;
using ReportGen.Workbook;
using Drawing = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ReportGen.Tests.Rendering;

/// <summary>Charts are built from the figures, drawn natively in Word and as vectors in the PDF.</summary>
public class ChartTests
{
    private static readonly BuildOptions Options = new(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], ["pdf", "docx"], null);
    private static readonly Lazy<(Figures Figures, List<ComposedDocument> Docs)> Composed = new(() =>
    {
        var (_, figures, docs) = BuildPipeline.Compose(Options);
        return (figures, docs);
    });
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() => BuildPipeline.Render(Options).ToDictionary(o => o.FileName, o => o.Bytes));

    private static List<ChartSlot> Charts(string docId, string language) =>
        Composed.Value.Docs.Single(d => d.Spec.DocId == docId && d.Doc.Language == language).Doc.AllBlocks().OfType<ChartSlot>().ToList();

    private static Figures F => Composed.Value.Figures;

    [SkippableFact]
    public void Annex_two_holds_charts_one_to_ten_in_both_languages()
    {
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"], Charts("portfolio-analysis", "en").Select(c => c.Number));
        Assert.Equal(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"], Charts("portfolio-analysis", "zh").Select(c => c.Number));
        Assert.Equal(["linkage", "linkage", "interrelation", "interrelation", "interrelation", "interrelation", "interrelation", "interrelation", "balance", "flagships"],
            Charts("portfolio-analysis", "en").Select(c => c.Name));
        Assert.Equal(["achievement", "funding"], Charts("annual-report-summary", "zh").Select(c => c.Name));
    }

    [SkippableFact]
    public void Linkage_matrix_equals_the_linkage_figures_with_the_headline_boxes()
    {
        var chart = Charts("portfolio-analysis", "en")[0].Chart;
        var year = F.Portfolio.Years.Single(y => y.Year == 2020);
        Assert.Equal(ChartKind.Matrix, chart.Kind);
        for (int r = 0; r < chart.Categories.Count; r++)
            for (int c = 0; c < chart.Series.Count; c++)
            {
                int expected = year.Linkage.FirstOrDefault(l => l.Primary == chart.Categories[r] && l.Secondary == chart.Series[c].Name)?.Projects ?? 0;
                Assert.Equal(expected, chart.Series[c].Values[r]);
            }
        Assert.Equal(9, chart.Series.Single(s => s.Name == "3.1").Values[0]); // 1.1 → 3.1 in 2020
        Assert.Equal(["88", "11%", "23%"], chart.Headlines.Select(h => h.Value));
        Assert.Equal(["54", "41%", "11%"], Charts("portfolio-analysis", "zh")[1].Chart.Headlines.Select(h => h.Value));
    }

    [SkippableFact]
    public void Each_language_has_one_word_for_charts_in_both_documents()
    {
        // English calls them figures in both documents (captions and references alike); Chinese 图.
        foreach (string docId in new[] { "portfolio-analysis", "annual-report-summary" })
        {
            Assert.All(Charts(docId, "en"), c => Assert.Equal("Figure " + c.Number, c.Caption));
            Assert.All(Charts(docId, "zh"), c => Assert.Equal("图" + c.Number, c.Caption));
        }
        string text = PlainText.Of(Composed.Value.Docs.Single(d => d.Spec.DocId == "portfolio-analysis" && d.Doc.Language == "en").Doc);
        Assert.Contains("(annex II, figure IX)", text);
        Assert.DoesNotMatch(@"\b[Cc]hart [IVX]+\b", text);
    }

    [SkippableFact]
    public void Legends_use_no_undefined_abbreviation()
    {
        // A legend entry is read without the text around it: no abbreviation such as "PRC" unless the documents
        // print it as a unit ("USD million").
        string[] units = ["USD"];
        var names = Composed.Value.Docs.Where(d => d.Doc.Language == "en").SelectMany(d => d.Doc.AllBlocks().OfType<ChartSlot>())
            .SelectMany(c => c.Chart.Series.Select(s => s.Name)).Distinct().ToList();
        Assert.Contains("Review 2021", names);
        Assert.All(names, name => Assert.All(System.Text.RegularExpressions.Regex.Matches(name, @"\b[A-Z]{2,}\b").Select(m => m.Value),
            abbreviation => Assert.Contains(abbreviation, units)));
    }

    [SkippableFact]
    public void Interrelation_charts_show_both_review_years_and_the_targets_dashed()
    {
        var chart = Charts("portfolio-analysis", "en")[2].Chart; // III: outcome 1.1
        Assert.DoesNotContain("1.1", chart.Categories);
        Assert.Equal(["Review 2020", "Review 2021", "Target 2022", "Target 2023"], chart.Series.Select(s => s.Name));
        int i31 = chart.Categories.ToList().IndexOf("3.1");
        Assert.Equal((9.0, 6.0, 8.0, 10.0), (chart.Series[0].Values[i31]!.Value, chart.Series[1].Values[i31]!.Value, chart.Series[2].Values[i31]!.Value, chart.Series[3].Values[i31]!.Value));
        Assert.Equal([false, false, true, true], chart.Series.Select(s => s.Dashed));
        Assert.Null(chart.Series[2].Values[chart.Categories.ToList().IndexOf("2.2")]); // no target set there
        Assert.Equal(["2020 年审查", "2021 年审查", "2022 年目标", "2023 年目标"], Charts("portfolio-analysis", "zh")[2].Chart.Series.Select(s => s.Name));
    }

    [SkippableFact]
    public void Balance_flagships_achievement_and_funding_charts_equal_their_figures()
    {
        var balance = Charts("portfolio-analysis", "en")[8].Chart;
        Assert.Equal(F.Balance.Select(b => (double?)b.ServicesShare), balance.Series[0].Values);
        Assert.Equal(F.Balance.Select(b => (double?)b.PortfolioShare), balance.Series[1].Values);
        var flagships = Charts("portfolio-analysis", "en")[9].Chart;
        Assert.Equal(ChartKind.Dashboard, flagships.Kind);
        Assert.Equal(F.Flagships.Select(f => (double?)f.NormativeTools), flagships.Series[0].Values);
        Assert.Equal(F.Flagships.Select(f => f.FundingSecuredShare), flagships.Series[3].Values);
        var achievement = Charts("annual-report-summary", "en")[0].Chart;
        Assert.Equal(F.Progress.Outcomes.Where(o => o.Year == 2020).Select(o => o.Achievement is double a ? Math.Min(a, 1) : (double?)null), achievement.Series[0].Values);
        Assert.All(achievement.Series[1].Values, v => Assert.Equal(0.75, v));
        var funding = Charts("annual-report-summary", "en")[1].Chart;
        Assert.Equal(["1.3 *", "2.2 *", "2.3 *", "3.2 *", "4.1 *", "4.3 *"], funding.Categories.Where((_, k) => funding.Highlighted[k]));
        Assert.Equal(F.Funding.Outcomes.Where(r => r.Year == 2020).Select(r => r.Outcome), funding.CategoryCodes);
        Assert.Equal(F.Flagships.Select(f => f.Code), flagships.CategoryCodes);
        Assert.Equal(F.Funding.Outcomes.Where(r => r.Year == 2020).Select(r => (double?)r.FundedUsd), funding.Series[1].Values);
    }

    [SkippableFact]
    public void Word_charts_are_native_with_cached_values_embedded_data_and_alt_text()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Outputs.Value["portfolio-analysis.en.docx"]), false);
        var charts = doc.MainDocumentPart!.ChartParts.ToList();
        Assert.Equal(11, charts.Count); // III to IX, and X as four small charts
        var drawings = doc.MainDocumentPart.Document.Descendants<Drawing.DocProperties>().ToList();
        Assert.All(drawings, d => Assert.False(string.IsNullOrWhiteSpace(d.Description?.Value)));
        Assert.Contains(drawings, d => d.Description!.Value!.Contains("3.1 9"));

        // Chart III: the cached values are the figures, and the embedded workbook holds the same numbers.
        var chart = charts.Single(c => c.ChartSpace.InnerText.Contains("Target 2023") && c.ChartSpace.OuterXml.Contains("<c:v>1.2</c:v>")
                                        && !c.ChartSpace.OuterXml.Contains("<c:pt idx=\"0\"><c:v>1.1</c:v>"));
        Assert.Contains("<c:errDir val=\"y\" />", chart.ChartSpace.OuterXml); // sparse targets: a short stroke (an error bar's end cap) on each category that has one
        var embedded = chart.EmbeddedPackagePart!;
        using var dir = new TempDir();
        string path = dir.File("chart.xlsx");
        using (var stream = embedded.GetStream()) using (var file = File.Create(path)) stream.CopyTo(file);
        using var xlsx = XlsxFile.Open(path);
        var rows = xlsx.ReadRows("Sheet1").ToList();
        Assert.Equal("Review 2020", rows[0].Cells[2].Text);
        var row31 = rows.Single(r => r.Cells[1].Text == "3.1");
        Assert.Equal((9.0, 6.0), (row31.Cells[2].Number, row31.Cells[3].Number));
    }

    [SkippableFact]
    public void A_complete_threshold_is_a_dashed_line_in_word()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Outputs.Value["annual-report-summary.en.docx"]), false);
        var achievement = doc.MainDocumentPart!.ChartParts.Single(c => c.ChartSpace.InnerText.Contains("On-track threshold"));
        Assert.Contains("<a:prstDash val=\"dash\" />", achievement.ChartSpace.OuterXml);
    }

    [SkippableFact]
    public void Word_matrix_is_a_shaded_table()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Outputs.Value["portfolio-analysis.zh.docx"]), false);
        var shaded = doc.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Wordprocessing.Shading>()
            .Select(s => s.Fill!.Value).Where(f => f != "FFFFFF").ToList();
        Assert.Contains("0B3C6E", shaded); // the darkest cell: the largest count
        Assert.True(shaded.Count > 40);
    }

    [SkippableFact]
    public void Pdf_charts_are_vectors_with_extractable_labels_in_both_languages()
    {
        foreach (string name in new[] { "portfolio-analysis.en.pdf", "portfolio-analysis.zh.pdf", "annual-report-summary.en.pdf" })
            Assert.DoesNotContain("/Subtype /Image", Encoding.Latin1.GetString(Outputs.Value[name]));
        string en = PdfText("portfolio-analysis.en.pdf");
        Assert.Contains("Review 2020", en);
        Assert.Contains("Target 2023", en);
        Assert.Contains("Share of operational portfolio", en);
        Assert.Contains("Number of projects", en);
        string zh = PdfText("portfolio-analysis.zh.pdf");
        Assert.Contains("2021 年审查", zh);
        Assert.Contains("业务项目组合所占比例", zh);
        Assert.Contains("1.3 *", PdfText("annual-report-summary.en.pdf"));
    }

    private static string PdfText(string name) => Poppler.PdfToText(Outputs.Value[name]);

    [Theory]
    [InlineData(10.0, 12.0)] // 10 on a scale of 10 would touch the top border
    [InlineData(9.0, 10.0)]
    [InlineData(12.0, 12.5)] // half a step above is headroom enough
    public void The_value_axis_leaves_headroom_above_the_highest_bar_or_target(double highest, double max) =>
        Assert.Equal(max, ReportGen.Charts.ChartScale.For([highest], ReportGen.Document.ValueFormat.Count).Max, 6);

    [Theory]
    [InlineData(1.0, 1.0, 0.2)] // every value capped at 100 %: the axis stops there, not at 120 %
    [InlineData(0.99, 1.0, 0.2)]
    [InlineData(0.95, 1.0, 0.2)]
    [InlineData(0.5, 0.6, 0.1)] // below the whole, headroom as for counts
    [InlineData(1.2, 1.25, 0.25)] // a share beyond the whole (an achievement over target) keeps its headroom
    public void A_share_axis_never_runs_past_100_per_cent_unless_a_value_does(double highest, double max, double step)
    {
        var scale = ReportGen.Charts.ChartScale.For([0.3, highest], ReportGen.Document.ValueFormat.Percent);
        Assert.Equal((max, step), (Math.Round(scale.Max, 6), Math.Round(scale.Step, 6)));
    }

    /// <summary>
    /// Issue 23 (page-by-page review): in the five-year cycle every outcome met its target, so every bar of figure I
    /// (achievement, capped at 100 %) stood at 100 % and the axis ran on to 120 %. The PDF, the review page's SVG and
    /// the Word chart now all stop at 100 %.
    /// </summary>
    [Fact]
    public void The_achievement_chart_of_a_cycle_at_full_achievement_stops_at_100_per_cent_in_every_format()
    {
        using var dir = new TempDir();
        string path = CycleGenerator.WriteNamed("five-years-next-plan", dir);
        var documents = BuildPipeline.Compose(new BuildOptions(path, "unused", Repo.Path("templates"), ["en"], ["pdf", "docx"], null)).Documents;
        var doc = documents.Single(d => d.Spec.DocId == "annual-report-summary").Doc;
        var slot = doc.AllBlocks().OfType<ChartSlot>().Single(c => c.Name == "achievement");
        Assert.Contains((double?)1.0, slot.Chart.Series[0].Values); // the case the review found: a bar at 100 %
        Assert.Equal(1.0, ReportGen.Charts.ChartValues.Scale(slot.Chart.Series).Max, 6);

        var page = Poppler.PdfToText(ReportGen.Rendering.Pdf.PdfWriter.Write(doc).Bytes, "-layout").Split('\f')
            .Single(p => p.Contains("Achievement of the outcomes", StringComparison.Ordinal));
        Assert.Contains("100%", page);
        Assert.DoesNotContain("120%", page);

        var svg = new StringBuilder();
        ReportGen.Rendering.Html.SvgCharts.Write(svg, slot, "fig", ReportGen.Typesetting.LanguageProfiles.For("en").Numbers);
        Assert.Contains(">100%<", svg.ToString());
        Assert.DoesNotContain(">120%<", svg.ToString());

        using var docx = WordprocessingDocument.Open(new MemoryStream(ReportGen.Rendering.Docx.DocxWriter.Write(doc)), false);
        var axes = docx.MainDocumentPart!.ChartParts.Select(part => { using var r = new StreamReader(part.GetStream()); return r.ReadToEnd(); })
            .Single(xml => xml.Contains("Achievement", StringComparison.Ordinal));
        Assert.Contains("<c:max val=\"1\"/>", axes);
    }
}
