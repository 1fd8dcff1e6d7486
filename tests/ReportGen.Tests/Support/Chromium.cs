using System.Diagnostics;
using System.Text;

namespace ReportGen.Tests.Support;

/// <summary>
/// Debian's chromium in headless mode, to open the review page in a real browser: installed by
/// .ci/run. It is required: a test that needs it fails, saying how to install it, when it is missing.
/// The repository's fonts are given to it (a fontconfig file naming fonts/), so the Chinese
/// renders the same on every machine.
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Runs chromium on the page with the arguments; its standard output.</summary>
    public static string Run(string page, params string[] arguments) => Open(new Uri(Path.GetFullPath(page)).AbsoluteUri, arguments);

    /// <summary>Runs chromium on the address with the arguments; its standard output.</summary>
    public static string Open(string url, params string[] arguments)
    {
        ExternalTool.Require("chromium", "chromium");
        using var profile = new TempDir();
        string config = Path.Combine(profile.Path, "fonts.conf");
        File.WriteAllText(config, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <dir>{Repo.Path("fonts")}</dir>
              <cachedir>{Path.Combine(profile.Path, "fontcache")}</cachedir>
            </fontconfig>
            """);
        var start = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                     $"--user-data-dir={Path.Combine(profile.Path, "profile")}" }.Concat(arguments))
            start.ArgumentList.Add(a);
        start.ArgumentList.Add(url);
        start.Environment["FONTCONFIG_FILE"] = config;
        start.Environment["HOME"] = profile.Path;
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("The review page tests open the page in a real browser: install Debian's chromium (sudo apt-get install chromium); .ci/run installs it in CI.");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within {Limit.TotalSeconds} s");
            }
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"chromium failed ({process.ExitCode}): {error.Result}");
            return output.Result;
        }
    }
}
