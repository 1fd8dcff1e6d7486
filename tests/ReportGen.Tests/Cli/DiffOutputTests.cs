using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary>reportgen diff names every file it writes (the redline, the HTML report), one line each.</summary>
public sealed class DiffOutputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Build(string workbook, string name) => BuildFolder.Make(_dir, workbook, name, "--format", "docx");

    private static List<string> Wrote(string output) => output.Split('\n').Where(l => l.StartsWith("wrote ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Diff_prints_the_redline_and_the_html_page_it_wrote()
    {
        string a = Build(Repo.Seed, "a"), b = Build(ChangedSample.Write(_dir), "b");
        string redline = _dir.File("redline.docx"), page = _dir.File("diff.html");
        var (code, output, error) = CliTests.Run("diff", Path.Combine(a, "portfolio-analysis.en.docx"), Path.Combine(b, "portfolio-analysis.en.docx"),
            "--docx", redline, "--html", page);
        Assert.True(code == 1, error);
        Assert.Equal([$"wrote {page}", $"wrote {redline}"], Wrote(output));
        Assert.True(File.Exists(redline) && File.Exists(page));

        // Two build folders: one redline per Word document the builds share, each named.
        string folder = _dir.File("redlines");
        (code, output, error) = CliTests.Run("diff", a, b, "--docx", folder);
        Assert.True(code == 1, error);
        string[] documents = ["annual-report-summary.en", "annual-report-summary.zh", "portfolio-analysis.en", "portfolio-analysis.zh"];
        Assert.Equal(documents.Select(d => $"wrote {Path.Combine(folder, d + ".redline.docx")}"), Wrote(output));

        // With --json, standard output is the JSON alone; what was written is said on standard error.
        (code, output, error) = CliTests.Run("diff", a, b, "--json", "--html", page);
        Assert.Equal(1, code);
        using (System.Text.Json.JsonDocument.Parse(output)) { }
        Assert.Equal($"wrote {page}\n", error.ReplaceLineEndings("\n"));
    }
}
