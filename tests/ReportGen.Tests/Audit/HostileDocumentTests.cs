using System.IO.Compression;
using System.Text;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>diff reads documents it did not make: nesting and inflation are bounded, every failure is exit 1 with the file.</summary>
public class HostileDocumentTests
{
    private static (int Code, string Out, string Err) Diff(string a, string b) => CliTests.Run("diff", a, b);

    private static void AssertRefused((int Code, string Out, string Err) result, string expected)
    {
        Assert.Equal(1, result.Code);
        Assert.Contains(expected, result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("internal error", result.Err);
    }

    /// <summary>A one-page PDF with a font whose ToUnicode map and page content are given, with a correct cross-reference table.</summary>
    internal static byte[] Pdf(string cmap, string content, string extraObject = "null")
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 6 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            $"<< /Length {cmap.Length} >>\nstream\n{cmap}\nendstream",
            extraObject,
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        int xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (int o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A Word document with one anchored paragraph ("1": <paramref name="text"/>), written with the Open XML SDK.</summary>
    private static void OneParagraphDocx(string path, string text)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var p = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new DocumentFormat.OpenXml.Wordprocessing.BookmarkStart { Id = "1", Name = ReportGen.Document.Anchors.Encode("1") },
            new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));
        doc.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(p));
    }

    [Fact]
    public void A_paragraph_added_after_the_closing_line_of_a_word_document_is_a_change()
    {
        using var dir = new TempDir();
        var (code, _, error) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--format", "docx", "--lang", "en",
            "--templates", Repo.Path("templates"));
        Assert.True(code == 0, error);
        string a = dir.File("out/portfolio-analysis.en.docx"), b = dir.File("b.docx");
        File.Copy(a, b);
        using (var zip = ZipFile.Open(b, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            // After the closing line (its bookmark rgn_end), as a reviewer types a last paragraph.
            xml = xml.Replace("<w:sectPr>", "<w:p><w:r><w:t>An added paragraph.</w:t></w:r></w:p><w:sectPr>");
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }
        var (diffCode, output, diffError) = Diff(a, b);
        Assert.Equal("", diffError);
        Assert.Equal(1, diffCode);
        Assert.Equal("\nportfolio-analysis.en.docx → b.docx (1 change):\n  text after the end: added: An added paragraph.\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_word_document_with_more_text_than_diff_reads_of_a_part_is_refused_at_the_part()
    {
        using var dir = new TempDir();
        OneParagraphDocx(dir.File("a.docx"), "Short.");
        OneParagraphDocx(dir.File("b.docx"), new string('x', ReportGen.Audit.DocumentText.MaxTextCharsPerPart + 1));
        var result = Diff(dir.File("a.docx"), dir.File("b.docx"));
        AssertRefused(result, "b.docx (word/document.xml): holds more than 16,777,216 characters of text, more than diff reads of one part " +
            "(a report holds about 100,000); it is not a document ReportGen made: diff the documents of a build\n");
    }

    [Fact]
    public void A_word_document_with_an_entry_flagged_encrypted_is_refused_as_password_protected()
    {
        using var dir = new TempDir();
        OneParagraphDocx(dir.File("a.docx"), "Same.");
        OneParagraphDocx(dir.File("b.docx"), "Same.");
        Workbook.EncryptedWorkbookTests.FlagEncrypted(dir.File("b.docx"), "word/document.xml", central: false, local: true);
        AssertRefused(Diff(dir.File("a.docx"), dir.File("b.docx")),
            "b.docx: the document is password-protected (encrypted); save an unprotected copy (its part word/document.xml is encrypted)\n");
    }

    private const string SmallMap = "begincmap\n1 beginbfchar\n<0001> <0041>\nendbfchar\nendcmap";

    [Fact]
    public void A_small_hand_made_pdf_is_read()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("a.pdf"), Pdf(SmallMap, "BT /F1 12 Tf 1 0 0 1 72 700 Tm <0001> Tj ET"));
        File.WriteAllBytes(dir.File("b.pdf"), Pdf(SmallMap, "BT /F1 12 Tf 1 0 0 1 72 700 Tm <00010001> Tj ET"));
        var (code, output, error) = Diff(dir.File("a.pdf"), dir.File("b.pdf"));
        Assert.Equal("", error);
        Assert.Equal(1, code);
        Assert.Contains("AA", output);
    }

    [Fact]
    public void Character_map_ranges_are_bounded()
    {
        using var dir = new TempDir();
        string bomb = "begincmap\n100 beginbfrange\n" + string.Concat(Enumerable.Repeat("<0000> <FFFF> <0041>\n", 100)) + "endbfrange\nendcmap";
        File.WriteAllBytes(dir.File("a.pdf"), Pdf(bomb, "BT /F1 12 Tf <0001> Tj ET"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        AssertRefused(Diff(dir.File("a.pdf"), dir.File("a.pdf")), "a.pdf: its character maps (ToUnicode) map more than 1,000,000 codes (the limit)");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Deeply_nested_pdf_arrays_are_refused_not_a_stack_overflow()
    {
        using var dir = new TempDir();
        string deep = new string('[', 200_000) + new string(']', 200_000);
        File.WriteAllBytes(dir.File("a.pdf"), Pdf(SmallMap, "BT /F1 12 Tf <0001> Tj ET", extraObject: deep));
        AssertRefused(Diff(dir.File("a.pdf"), dir.File("a.pdf")), "a.pdf: the file nests arrays or dictionaries more than 2,048 deep");
        File.WriteAllBytes(dir.File("b.pdf"), Pdf(SmallMap, "BT /F1 12 Tf " + deep + " ET"));
        AssertRefused(Diff(dir.File("b.pdf"), dir.File("b.pdf")), "b.pdf: a stream nests arrays or dictionaries more than 2,048 deep");
    }

    [Fact]
    public void A_stream_that_inflates_too_far_is_refused()
    {
        using var dir = new TempDir();
        var zeros = new MemoryStream();
        using (var z = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1 << 20];
            for (int i = 0; i < 210; i++) z.Write(block);
        }
        string compressed = Encoding.Latin1.GetString(zeros.ToArray());
        File.WriteAllBytes(dir.File("a.pdf"), Pdf(SmallMap, "BT ET", extraObject: $"<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n{compressed}\nendstream"));
        AssertRefused(Diff(dir.File("a.pdf"), dir.File("a.pdf")), "a.pdf: a stream inflates to more than 200 MB (the limit)");
    }

    [Fact]
    public void A_deeply_nested_docx_is_refused_not_a_stack_overflow()
    {
        using var dir = new TempDir();
        var (code, _, _) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"),
            "--format", "docx", "--lang", "en", "--doc", "annual-report-summary");
        Assert.Equal(0, code);
        string docx = dir.File("deep.docx");
        File.Copy(dir.File("out/annual-report-summary.en.docx"), docx);
        using (var zip = ZipFile.Open(docx, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            entry.Delete();
            int body = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
            string deep = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", 100_000)) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", 100_000));
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            w.Write(xml[..body] + deep + xml[body..]);
        }
        AssertRefused(Diff(docx, docx), "deep.docx (word/document.xml): its XML is nested more than 256 levels deep");
    }

    [Fact]
    public void A_docx_with_a_damaged_entry_is_refused_by_its_checksum()
    {
        using var dir = new TempDir();
        string docx = dir.File("bad.docx");
        using (var zip = ZipFile.Open(docx, ZipArchiveMode.Create))
        {
            using var w = zip.CreateEntry("word/document.xml", CompressionLevel.NoCompression).Open();
            w.Write(Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));
        }
        byte[] bytes = File.ReadAllBytes(docx);
        int at = Encoding.Latin1.GetString(bytes).IndexOf("<w:body/>", StringComparison.Ordinal);
        bytes[at + 1] = (byte)'x';
        File.WriteAllBytes(docx, bytes);
        AssertRefused(Diff(docx, docx), "bad.docx (word/document.xml): the part is damaged: its data does not match its checksum (CRC-32)");
    }

    [Fact]
    public void Garbage_named_pdf_or_docx_is_exit_1()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.pdf"), "not a pdf at all");
        File.WriteAllText(dir.File("a.docx"), "not a docx either");
        var pdf = Diff(dir.File("a.pdf"), dir.File("a.pdf"));
        Assert.Equal(1, pdf.Code);
        Assert.DoesNotContain("   at ", pdf.Err);
        var docx = Diff(dir.File("a.docx"), dir.File("a.docx"));
        Assert.Equal(1, docx.Code);
        Assert.DoesNotContain("   at ", docx.Err);
    }

    [SkippableFact]
    public async Task Fifos_given_to_diff_and_explain_are_refused_without_hanging()
    {
        using var dir = new TempDir();
        SpecialFiles.MakeFifo(dir.File("a.pdf"));
        var diff = await Task.Run(() => Diff(dir.File("a.pdf"), dir.File("a.pdf"))).WaitAsync(TimeSpan.FromSeconds(60));
        AssertRefused(diff, "a.pdf: is a named pipe (FIFO), not a regular file");

        Directory.CreateDirectory(dir.File("build"));
        SpecialFiles.MakeFifo(dir.File("build/trace.json"));
        SpecialFiles.MakeFifo(dir.File("build/figures.json"));
        var explain = await Task.Run(() => CliTests.Run("explain", dir.File("build"), "41%")).WaitAsync(TimeSpan.FromSeconds(60));
        AssertRefused(explain, "trace.json: is a named pipe (FIFO), not a regular file");
    }
}
