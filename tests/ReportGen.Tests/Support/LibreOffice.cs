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
}
