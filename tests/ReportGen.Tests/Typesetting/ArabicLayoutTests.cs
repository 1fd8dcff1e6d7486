using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// The layout of the sample's Arabic edition as a reader of UN Arabic documents found it (issue 28's
/// review): the Word masthead mirrored as the PDF's (the organ at the right, the English Distr.
/// block at the left), checked in the DOCX XML and in LibreOffice's rendering.
/// </summary>
public class ArabicLayoutTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "ar"], ["docx", "pdf"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    private static string DocumentXml(string name)
    {
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[name]));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void The_word_masthead_puts_the_organ_frame_at_the_start_of_the_line_from_the_profile()
    {
        Assert.Contains("w:xAlign=\"right\"", DocumentXml("annual-report-summary.ar.docx"));
        Assert.DoesNotContain("w:xAlign=\"left\"", DocumentXml("annual-report-summary.ar.docx"));
        Assert.Contains("w:xAlign=\"left\"", DocumentXml("annual-report-summary.en.docx"));
    }

    [SkippableFact]
    public void Libreoffice_draws_the_arabic_masthead_organ_at_the_right_and_the_distr_block_at_the_left()
    {
        ExternalTool.Require("soffice", "libreoffice-writer-nogui");
        using var dir = new TempDir();
        string path = dir.File("annual-report-summary.ar.docx");
        File.WriteAllBytes(path, Outputs.Value["annual-report-summary.ar.docx"]);
        LibreOffice.Convert([path], "pdf", dir.File("lo"), dir.Path, "libreoffice-writer-nogui");
        byte[] pdf = File.ReadAllBytes(Path.Combine(dir.File("lo"), "annual-report-summary.ar.pdf"));
        var words = Regex.Matches(Poppler.PdfToText(pdf, "-bbox", "-f", "1", "-l", "1"),
                @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>")
            .Select(m => (XMin: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), XMax: double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                Text: System.Net.WebUtility.HtmlDecode(m.Groups[5].Value))).ToList();
        double middle = 595.0 / 2;
        // The organ's first word, "المجلس" (drawn reversed by -bbox), is in the right half; "Distr.:" and "Original:" in the left.
        var organ = words.First(w => w.Text.Contains("المجلس", StringComparison.Ordinal) || w.Text.Contains("سلجملا", StringComparison.Ordinal));
        Assert.True(organ.XMin > middle, $"the organ starts at {organ.XMin}");
        foreach (string english in new[] { "Distr.:", "Original:" })
        {
            var w = words.First(v => v.Text == english);
            Assert.True(w.XMax < middle, $"{english} ends at {w.XMax}");
        }
    }
}
