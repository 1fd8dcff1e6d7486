using ReportGen.Build;
using System.Text;
using ReportGen.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>The PDFs actually produced from the sample.</summary>
public class PdfTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], ["pdf"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [SkippableFact]
    public void Fonts_are_embedded_as_subsets_and_the_files_stay_small()
    {
        foreach (var (name, bytes) in Outputs.Value.Where(o => o.Key.EndsWith(".pdf")))
        {
            string pdf = Latin1(bytes);
            Assert.Contains("/FontFile2", pdf);
            Assert.Matches(@"/BaseFont ?/[A-Z]{6}\+", pdf);
            Assert.DoesNotContain("/Subtype /Image", pdf); // no raster images
            Assert.True(bytes.Length < 1_000_000, $"{name}: {bytes.Length} bytes; a full 21 MB CJK font was embedded?");
        }
        Assert.Contains("SungtiL", Latin1(Outputs.Value["portfolio-analysis.zh.pdf"])); // mainland punctuation placement
        Assert.Contains("WenQuanYi", Latin1(Outputs.Value["portfolio-analysis.zh.pdf"]));
    }

    [SkippableFact]
    public void Document_date_and_ids_come_from_the_content_not_the_clock()
    {
        string pdf = Latin1(Outputs.Value["portfolio-analysis.en.pdf"]);
        Assert.Contains("/CreationDate(D:20211004000000", pdf.Replace(" (", "("));
        var again = BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], ["pdf"], null));
        foreach (var output in again) Assert.True(output.Bytes.AsSpan().SequenceEqual(Outputs.Value[output.FileName]), output.FileName + " differs between two builds");
    }

    [Fact]
    public void The_producer_is_the_MIT_licensed_PDFsharp_in_the_info_dictionary_and_the_XMP()
    {
        // PDFsharp 6.2.4 (MIT, no licence module, runs under Native AOT): see README, "Dependencies, and why".
        foreach (var (name, bytes) in Outputs.Value.Where(o => o.Key.EndsWith(".pdf")))
        {
            string pdf = Latin1(bytes);
            Assert.Contains("/Creator(ReportGen)/Producer(PDFsharp 6.2.4)>>", pdf);
            Assert.Contains("<pdf:Producer>PDFsharp 6.2.4</pdf:Producer>", pdf);
            Assert.DoesNotContain("AGPL", pdf);
        }
    }

    [SkippableFact]
    public void Text_reads_back_in_both_languages()
    {
        string zh = Poppler.PdfToText(Outputs.Value["portfolio-analysis.zh.pdf"]);
        string flat = zh.Replace("\n", "");
        Assert.Contains("共计142项：2020年88项和2021年54项", System.Text.RegularExpressions.Regex.Replace(flat, @"\s+", ""));
        Assert.Contains("涵盖全部四个变革领域", System.Text.RegularExpressions.Regex.Replace(flat, @"\s+", ""));
        Assert.Contains("临时议程*项目 6", zh);
        foreach (string line in zh.Split('\n').Where(l => l.Length > 0))
            Assert.False("，。、；：？！）」』》】".Contains(line[0]), $"a line starts with '{line[0]}': {line}");
        string en = Poppler.PdfToText(Outputs.Value["portfolio-analysis.en.pdf"]);
        Assert.Contains("41 per cent of the projects reviewed in 2021 contribute to all four domains of change", en.Replace("\n", " "));
        Assert.Contains("HSP/EB.2021/19/Add.1", en);
    }

    [SkippableFact]
    public void Long_table_continues_on_the_next_page_under_its_header()
    {
        string text = Poppler.PdfToText(Outputs.Value["annual-report-summary.en.pdf"]);
        var pages = text.Split('\f');
        var withRows = pages.Where(p => p.Contains("Baseline")).ToList();
        Assert.True(pages.Count(p => p.Contains("4.3.2 National building codes")) == 1);
        Assert.All(pages.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"\n[1-4]\.[1-3]\.[12] ")), p => Assert.Contains("Baseline", p));
        Assert.NotEmpty(withRows);
    }
}
