using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>reportgen verify: a build confirmed from its manifest and a rebuild, a tampered one refused.</summary>
public class VerifyTests
{
    private static string Build(TempDir dir)
    {
        File.Copy(Repo.Path("seeds", "unhabitat-2020-2021.xlsx"), dir.File("cycle.xlsx"));
        var (code, _, error) = Cli.CliTests.Run("build", dir.File("cycle.xlsx"), "--out", dir.File("out"), "--format", "docx,txt", "--templates", Repo.Path("templates"));
        Assert.True(code == 0, error);
        return dir.File("out");
    }

    [Fact]
    public void An_untouched_build_is_confirmed_by_rebuilding_it()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        var (code, output, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.True(code == 0, error);
        Assert.Contains("files match the manifest's sha256", output);
        Assert.Contains("Confirmed: rebuilt 11 files from cycle.xlsx and 4 templates, byte-identical.", output);
    }

    [Fact]
    public void A_changed_output_is_named()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        File.AppendAllText(Path.Combine(build, "portfolio-analysis.zh.txt"), "edited");
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Contains("portfolio-analysis.zh.txt: its sha256 is not the manifest's (changed after the build)", error);
    }

    [Fact]
    public void Another_workbook_or_changed_templates_cannot_confirm_it()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        File.WriteAllBytes(dir.File("other.xlsx"), [.. File.ReadAllBytes(dir.File("cycle.xlsx")).Reverse()]);
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--workbook", dir.File("other.xlsx"));
        Assert.Equal(1, code);
        Assert.Contains("is not the workbook this build was made from", error);

        Directory.CreateDirectory(dir.File("t/en"));
        Directory.CreateDirectory(dir.File("t/zh"));
        foreach (string f in Directory.GetFiles(Repo.Path("templates"), "*.hbs", SearchOption.AllDirectories))
            File.Copy(f, dir.File("t/" + Path.GetRelativePath(Repo.Path("templates"), f)));
        File.AppendAllText(dir.File("t/en/portfolio-analysis.md.hbs"), "\n");
        (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", dir.File("t"));
        Assert.Equal(1, code);
        Assert.Contains("template en/portfolio-analysis.md.hbs in", error);
        Assert.Contains("is not the one the build used", error);
    }
}
