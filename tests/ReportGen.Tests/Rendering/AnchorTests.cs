using DocumentFormat.OpenXml.Packaging;
using ReportGen.Audit;
using ReportGen.Document;
using ReportGen.Rendering.Docx;
using ReportGen.Rendering.Html;
using ReportGen.Rendering.Pdf;
using ReportGen.Tests.Document;
using ReportGen.Tests.Support;
using WBookmarkStart = DocumentFormat.OpenXml.Wordprocessing.BookmarkStart;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The writers given a document built in code: each writes the resolved anchors into its output
/// (Word bookmarks, PDF named destinations, HTML ids), and the audit readers read the same
/// paragraphs back from both, under the same anchors, with the numbers as the resolver assigned them.
/// </summary>
public class AnchorTests
{
    private static readonly string[] BodyAnchors =
    [
        "masthead", "I", "1", "I.A", "2", "2(a)", "2(b)", "2(b)(i)", "II", "3", "chart-I", "chart-II", "4",
        "annex-I", "annex-I-text-1", "annex-I-table-1-row-1", "annex-I-table-1-row-2", "note-1", "note-2",
    ];

    [Fact]
    public void The_word_file_has_a_bookmark_for_every_anchor_and_one_for_each_figure_printed()
    {
        using var dir = new TempDir();
        string path = dir.File("small.docx");
        File.WriteAllBytes(path, DocxWriter.Write(SmallDocument.Build()));
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            var names = doc.MainDocumentPart!.Document.Body!.Descendants<WBookmarkStart>().Select(b => b.Name!.Value!).ToList();
            Assert.Contains("rg_2_ob_c_oi_c", names);
            Assert.Contains("rg_annex_hI_htable_h1_hrow_h2", names);
            // The figure printed twice (paragraph 1 and 2 (a)) has two bookmarks, numbered as trace.json numbers them.
            Assert.Equal(["_F1", "_F2", "_F3"], names.Where(n => n.StartsWith("_F", StringComparison.Ordinal)));
        }
        var paragraphs = DocumentText.FromDocx(path);
        Assert.Equal(BodyAnchors, paragraphs.Select(p => p.Key));
        var text = paragraphs.ToDictionary(p => p.Key, p => p.Text);
        Assert.Equal("A share of 41 per cent.1", text["1"]); // the numbered footnote's mark, 1 (the agenda's is *)
        Assert.Equal("Introduction", text["I"]);           // "I." is the heading's label, not its text
        Assert.Equal("cities, at 41 per cent;", text["2(a)"]);
        Assert.Equal("HSP/EB.2021/12.", text["note-1"]);
        Assert.Equal("A numbered note.", text["note-2"]);
        Assert.Equal("Projects in 2021\nTotal number of projects: 8", text["chart-I"]);
    }

    [Fact]
    public void The_pdf_has_a_named_destination_for_every_anchor_and_reads_as_the_word_file()
    {
        using var dir = new TempDir();
        var doc = SmallDocument.Build();
        File.WriteAllBytes(dir.File("small.pdf"), PdfWriter.Write(doc).Bytes);
        File.WriteAllBytes(dir.File("small.docx"), DocxWriter.Write(doc));
        using (var pdf = PdfSharp.Pdf.IO.PdfReader.Open(dir.File("small.pdf"), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            var dests = pdf.Internals.Catalog.Elements.GetDictionary("/Dests")!.Elements.Keys.ToList();
            Assert.Equal([], BodyAnchors.Where(a => !dests.Contains("/" + Anchors.Encode(a))).ToArray());
            Assert.Contains("/" + Anchors.DrawingName("chart-II"), dests);
        }
        var paragraphs = PdfText.Paragraphs(dir.File("small.pdf"));
        var text = paragraphs.ToDictionary(p => p.Key, p => p.Text);
        Assert.Equal("A share of 41 per cent.1", text["1"]); // "1." is the label, the superscript 1 the note's mark
        Assert.Equal("Introduction", text["I"]);
        Assert.Equal("rural ones.", text["2(b)(i)"]);
        Assert.Equal("A numbered note.", text["note-2"]);
        Assert.True(text.ContainsKey("chart-II-drawing"), string.Join(" | ", text.Select(kv => kv.Key + "=" + kv.Value))); // the bars' labels, apart from the chart's words
        Assert.True(DiffReport.Compare(dir.File("small.docx"), dir.File("small.pdf")).Equal);
    }

    [Fact]
    public void The_review_page_gives_each_part_its_anchor_as_id()
    {
        var doc = SmallDocument.Build();
        string html = System.Text.Encoding.UTF8.GetString(HtmlWriter.Review([new ReviewDocument("small", [doc], [])]));
        Assert.Contains("id=\"doc-small-en-2(b)(i)\"", html);
        Assert.Contains("id=\"doc-small-en-annex-I-table-1\"", html);
        Assert.Contains("id=\"doc-small-en-masthead\"", html);
    }
}
