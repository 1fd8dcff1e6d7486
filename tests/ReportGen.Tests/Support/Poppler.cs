using System.Diagnostics;
using System.Text;

namespace ReportGen.Tests.Support;

/// <summary>poppler's pdftotext, to read produced PDFs with a real reader: installed by .ci/run and required there, optional on a developer's machine.</summary>
public static class Poppler
{
    /// <summary>The PDF's text; a test without pdftotext is skipped (failed in CI), see <see cref="ExternalTool"/>.</summary>
    public static string? PdfToText(byte[] pdf)
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        string path = Path.Combine(Path.GetTempPath(), $"reportgen-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            string text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "pdftotext (poppler-utils) is required in CI");
            return null;
        }
        finally { File.Delete(path); }
    }
}
