using System.Diagnostics;

namespace ReportGen.Tests.Support;

/// <summary>LibreOffice run headless to convert files, as a reader other than ours: required in CI, optional on a developer's machine (<see cref="ExternalTool"/>).</summary>
public static class LibreOffice
{
    /// <summary>
    /// Converts <paramref name="files"/> to <paramref name="format"/> (pdf, docx, fodt, fods) into
    /// <paramref name="outDir"/>, with its own profile under <paramref name="work"/> so that runs
    /// in parallel do not share one; returns what soffice printed. <paramref name="package"/> is
    /// the Debian package that reads the files (writer or calc).
    /// </summary>
    public static string Convert(IEnumerable<string> files, string format, string outDir, string work, string package,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ExternalTool.Require("soffice", package);
        var start = new ProcessStartInfo("soffice",
            [$"-env:UserInstallation=file://{Path.Combine(work, "profile")}", "--headless", "--convert-to", format, "--outdir", outDir, .. files])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string said = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(300_000), "soffice did not finish in five minutes");
        return said + error.Result;
    }

    /// <summary>
    /// Renders a language's two Word documents with LibreOffice (the bundled faces, Liberation Serif
    /// standing for Times New Roman) and asserts each has its PDF's page count within one; returns
    /// the rendered PDFs by document, for checks of their text.
    /// </summary>
    public static Dictionary<string, byte[]> RenderEachWithinOnePageOfThePdf(IReadOnlyDictionary<string, byte[]> outputs, string language)
    {
        ExternalTool.Require("soffice", "libreoffice-writer-nogui");
        string[] documents = ["portfolio-analysis", "annual-report-summary"];
        using var dir = new TempDir();
        var docx = new List<string>();
        foreach (string document in documents)
        {
            string path = dir.File($"{document}.{language}.docx");
            File.WriteAllBytes(path, outputs[$"{document}.{language}.docx"]);
            docx.Add(path);
        }
        File.WriteAllText(dir.File("fonts.conf"), $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <dir>{ReportGen.Rendering.Pdf.Fonts.FontSet.BundledFolder()}</dir>
              <alias binding="same"><family>Times New Roman</family><prefer><family>Liberation Serif</family></prefer></alias>
            </fontconfig>
            """);
        Convert(docx, "pdf", dir.File("lo"), dir.Path, "libreoffice-writer-nogui", new Dictionary<string, string> { ["FONTCONFIG_FILE"] = dir.File("fonts.conf") });
        var rendered = new Dictionary<string, byte[]>();
        foreach (string document in documents)
        {
            rendered[document] = File.ReadAllBytes(Path.Combine(dir.File("lo"), $"{document}.{language}.pdf"));
            int libreOffice = Pages(rendered[document]), pdf = Pages(outputs[$"{document}.{language}.pdf"]);
            Assert.True(Math.Abs(libreOffice - pdf) <= 1, $"{document}.{language}: LibreOffice {libreOffice} pages, the PDF {pdf}");
        }
        return rendered;
    }

    private static int Pages(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }
}