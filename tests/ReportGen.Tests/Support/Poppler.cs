using System.Diagnostics;
using System.Text;

namespace ReportGen.Tests.Support;

/// <summary>poppler's pdftotext, to read produced PDFs with a real reader: installed by .ci/run and required there, optional on a developer's machine.</summary>
public static class Poppler
{
    /// <summary>
    /// The PDF's text, with pdftotext's <paramref name="options"/> (<c>-bbox</c>: each word's box as
    /// HTML); a test without pdftotext is skipped (failed in CI), see <see cref="ExternalTool"/>.
    /// </summary>
    public static string PdfToText(byte[] pdf, params string[] options)
    {
        string path = Path.Combine(Path.GetTempPath(), $"reportgen-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try { return PdfFileToText(path, options); }
        finally { File.Delete(path); }
    }

    /// <summary>The text of the PDF file at <paramref name="path"/> (as <see cref="PdfToText"/>).</summary>
    public static string PdfFileToText(string path, params string[] options)
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        var start = new ProcessStartInfo("pdftotext", [.. options, path, "-"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftotext {string.Join(' ', options)} {path} failed: {error.Result}");
        return text;
    }
}
