using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportGen.Build;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>Annex I names each domain of change once, over its outcomes: a merged cell in Word (w:vMerge) and in the PDF.</summary>
public class MergedCellTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], ["pdf", "docx"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    private const string Domain1 = "1. 减少城乡连续体各社区的空间不平等和贫困";

    [Fact]
    public void Word_merges_each_domain_over_its_outcomes()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Outputs.Value["portfolio-analysis.zh.docx"]), false);
        var annex = doc.MainDocumentPart!.Document.Body!.Descendants<Table>().Single(t => t.InnerText.Contains(Domain1, StringComparison.Ordinal));
        var rows = annex.Elements<TableRow>().Skip(1).ToList(); // the header row, then the 12 outcomes
        Assert.Equal(12, rows.Count);
        string Merge(TableRow r) => r.Elements<TableCell>().First().TableCellProperties!.VerticalMerge is { } m
            ? m.Val?.Value == MergedCellValues.Restart ? "restart" : "continue" : "none";
        // Four domains of three outcomes each: one cell starts each run, the next two continue it, empty.
        Assert.Equal(Enumerable.Range(0, 4).SelectMany(_ => new[] { "restart", "continue", "continue" }), rows.Select(Merge));
        Assert.Equal(Domain1, rows[0].Elements<TableCell>().First().InnerText);
        Assert.Equal("", rows[1].Elements<TableCell>().First().InnerText);
        Assert.All(rows, r => Assert.NotEqual("", r.Elements<TableCell>().Last().InnerText));
    }

    [SkippableFact]
    public void The_pdf_names_each_domain_once()
    {
        string text = Poppler.PdfToText(Outputs.Value["portfolio-analysis.zh.pdf"]);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(Domain1)));
        Assert.Contains("1.3 住区的有效增长和重建", text);
        string en = Poppler.PdfToText(Outputs.Value["portfolio-analysis.en.pdf"]);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(en, @"^4\. ", System.Text.RegularExpressions.RegexOptions.Multiline));
    }
}
