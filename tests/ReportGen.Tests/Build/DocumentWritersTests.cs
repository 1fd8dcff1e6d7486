using System.IO.Compression;
using ReportGen.Build;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Build;

/// <summary>The one registry of formats (<see cref="DocumentWriters"/>): each writer writes what its name says; an unknown format is the caller's error.</summary>
public class DocumentWritersTests
{
    private static readonly ReportGen.Document.Doc Document = Warmup.Tiny("en");

    [Fact]
    public void The_registry_has_docx_pdf_and_txt_in_the_order_a_build_writes_them()
    {
        Assert.Equal(["docx", "pdf", "txt"], DocumentWriters.Names);
        Assert.Equal(["docx", "pdf"], DocumentWriters.Defaults);
        Assert.Equal([".docx", ".pdf", ".txt"], DocumentWriters.All.Select(w => w.Extension));
        Assert.Equal(["pdf"], DocumentWriters.All.Where(w => w.UsesFonts).Select(w => w.Name));
    }

    [Fact]
    public void The_pdf_writer_writes_a_pdf_with_its_pages()
    {
        var file = DocumentWriters.Named("pdf").Write(new WriterInput(Document));
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(file.Bytes, 0, 5));
        Assert.True(file.Pages >= 1, $"pages: {file.Pages}");
    }

    [Fact]
    public void The_docx_writer_writes_a_zip_with_the_word_document()
    {
        var file = DocumentWriters.Named("docx").Write(new WriterInput(Document));
        using var zip = new ZipArchive(new MemoryStream(file.Bytes));
        var entry = zip.GetEntry("word/document.xml");
        Assert.NotNull(entry);
        using var reader = new StreamReader(entry.Open());
        Assert.Contains("United Nations Human Settlements Programme", reader.ReadToEnd());
        Assert.Null(file.Pages);
    }

    [Fact]
    public void The_txt_writer_writes_the_plain_text_in_utf8_without_a_byte_order_mark()
    {
        var file = DocumentWriters.Named("txt").Write(new WriterInput(Warmup.Tiny("zh")));
        Assert.NotEqual(0xEF, file.Bytes[0]);
        string text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file.Bytes);
        Assert.Equal(ReportGen.Document.PlainText.Of(Warmup.Tiny("zh")), text);
        Assert.Contains("联合国人类住区规划署执行局", text);
        Assert.Null(file.Pages);
    }

    [Fact]
    public void An_unknown_format_is_an_argument_error_that_lists_the_formats()
    {
        var e = Assert.Throws<UnknownFormatException>(() => DocumentWriters.Named("html"));
        Assert.Equal("unknown format 'html' (formats: docx, pdf, txt)", e.Message);
        Assert.IsAssignableFrom<ArgumentException>(e);
        Assert.Equal("html", e.Format);
    }

    [Fact]
    public void A_build_asked_for_an_unknown_format_fails_before_writing_anything()
    {
        // Before the registry, an unknown format fell to the switch's default: DOCX bytes in a file named .html.
        var options = new BuildOptions(Repo.Path("seeds", "unhabitat-2020-2021.xlsx"), "unused", Repo.Path("templates"), ["en"], ["html"], "portfolio-analysis");
        var e = Assert.Throws<UnknownFormatException>(() => BuildPipeline.Render(options));
        Assert.Equal("unknown format 'html' (formats: docx, pdf, txt)", e.Message);
    }

    [Fact]
    public void A_build_writes_the_formats_in_the_registry_s_order_whatever_order_they_are_asked_in()
    {
        var options = new BuildOptions(Repo.Path("seeds", "unhabitat-2020-2021.xlsx"), "unused", Repo.Path("templates"), ["en"], ["txt", "docx"], "portfolio-analysis");
        var names = BuildPipeline.Render(options).Select(o => o.FileName).ToList();
        Assert.Equal(["portfolio-analysis.en.docx", "portfolio-analysis.en.txt", "figures.json", "trace.json", "manifest.json"], names);
    }
}
