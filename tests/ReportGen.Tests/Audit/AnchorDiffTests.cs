using System.Diagnostics;
using ReportGen.Audit;
using ReportGen.Build;
using ReportGen.Document;
using ReportGen.Rendering.Pdf;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>
/// Documents compare by the anchors their writers put in them (issue 12, point 4): a Word file
/// that LibreOffice opened and saved with no edit, the Word file and the PDF of one build, and a
/// PDF with one chart removed.
/// </summary>
public sealed class AnchorDiffTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Build(params string[] formats)
    {
        var outputs = BuildPipeline.Render(new BuildOptions(Repo.Seed, _dir.Path, Repo.Path("templates"), ["en", "zh"], formats, null));
        foreach (var output in outputs.Where(o => o.FileName.EndsWith(".docx", StringComparison.Ordinal) || o.FileName.EndsWith(".pdf", StringComparison.Ordinal)))
            File.WriteAllBytes(_dir.File(output.FileName), output.Bytes);
        return _dir.Path;
    }

    [Fact]
    public void The_word_file_and_the_pdf_of_one_build_have_the_same_text()
    {
        Build("docx", "pdf");
        foreach (string name in new[] { "portfolio-analysis.en", "portfolio-analysis.zh", "annual-report-summary.en", "annual-report-summary.zh" })
        {
            var report = DiffReport.Compare(_dir.File(name + ".docx"), _dir.File(name + ".pdf"));
            Assert.True(report.Equal, report.ToText());
            // Not equal by reading nothing: both read the same paragraphs, numbered ones among them.
            var docx = DocumentText.Read(_dir.File(name + ".docx"));
            Assert.Contains(docx, p => p.Key == "2" && p.Text.Length > 40);
            Assert.Equal(docx.Select(p => p.Key).Where(k => !k.EndsWith(Anchors.DrawingSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal),
                DocumentText.Read(_dir.File(name + ".pdf")).Select(p => p.Key).Where(k => !k.EndsWith(Anchors.DrawingSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }
    }

    [SkippableFact]
    public void A_word_file_saved_again_by_LibreOffice_reads_the_same()
    {
        Build("docx");
        string saved = Directory.CreateDirectory(_dir.File("saved")).FullName;
        var docx = new[] { "portfolio-analysis.en.docx", "portfolio-analysis.zh.docx" }.Select(_dir.File).ToList();
        LibreOffice.Convert(docx, "docx", saved, _dir.Path, "libreoffice-writer-nogui");
        foreach (string original in docx)
        {
            string again = Path.Combine(saved, Path.GetFileName(original));
            Assert.False(File.ReadAllBytes(original).AsSpan().SequenceEqual(File.ReadAllBytes(again)), "LibreOffice wrote the file anew");
            var report = DiffReport.Compare(original, again);
            Assert.True(report.Equal, report.ToText());
            Assert.Equal(DocumentText.Read(original).Count, DocumentText.Read(again).Count);
        }
    }

    [Fact]
    public void A_pdf_with_one_chart_removed_shows_that_chart_removed()
    {
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en"], [], null));
        var doc = documents.Single(d => d.Spec.DocId == "portfolio-analysis").Doc;
        var chart = doc.AllBlocks().OfType<ChartSlot>().First(c => c.Number == "II");
        IReadOnlyList<Block> Without(IEnumerable<Block> blocks) =>
            blocks.Where(b => !ReferenceEquals(b, chart)).Select(b => b is Annex a ? a with { Body = Without(a.Body) } : b).ToList();
        File.WriteAllBytes(_dir.File("a.pdf"), PdfWriter.Write(doc).Bytes);
        File.WriteAllBytes(_dir.File("b.pdf"), PdfWriter.Write(doc with { Body = Without(doc.Body) }).Bytes);
        var changes = Assert.Single(DiffReport.Compare(_dir.File("a.pdf"), _dir.File("b.pdf")).Documents).Paragraphs;
        // The chart once, by its caption's anchor: its drawing's words are never compared.
        Assert.Equal([("annex-II-chart-II", true)], changes.Select(c => (c.Paragraph, c.New is null)));
        Assert.StartsWith("Linkages between outcomes", changes[0].Old);
    }
}
