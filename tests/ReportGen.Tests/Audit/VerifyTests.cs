using ReportGen.Audit;
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
        string recorded = Manifest.Sha256(dir.File("t/en/portfolio-analysis.md.hbs"));
        File.AppendAllText(dir.File("t/en/portfolio-analysis.md.hbs"), "\n");
        string now = Manifest.Sha256(dir.File("t/en/portfolio-analysis.md.hbs"));
        (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", dir.File("t"));
        Assert.Equal(1, code);
        Assert.Contains($"the template en/portfolio-analysis.md.hbs changed since the build ({dir.File("t/en/portfolio-analysis.md.hbs")}): " +
            $"sha256 {recorded[..12]}… (manifest) → {now[..12]}… (now); rebuild, or give the original templates with --templates\n", error);

        File.Delete(dir.File("t/zh/portfolio-analysis.md.hbs"));
        (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", dir.File("t"));
        Assert.Equal(1, code);
        Assert.Contains($"the template zh/portfolio-analysis.md.hbs was not found (looked in {dir.File("t")}); give the build's templates folder with --templates\n", error);
    }

    [Fact]
    public void A_workbook_edited_after_the_build_is_named_with_both_sha256()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        string recorded = Manifest.Sha256(dir.File("cycle.xlsx"));
        File.AppendAllText(dir.File("cycle.xlsx"), "edited");
        string now = Manifest.Sha256(dir.File("cycle.xlsx"));
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal($"the workbook cycle.xlsx changed since the build ({dir.File("cycle.xlsx")}): sha256 {recorded[..12]}… (manifest) → {now[..12]}… (now); " +
            "rebuild, or give the original with --workbook\n", error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("not at hand", error);
    }

    [Fact]
    public void A_missing_workbook_is_not_found_where_it_was_looked_for()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        File.Delete(dir.File("cycle.xlsx"));
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal($"the workbook cycle.xlsx was not found (looked in {dir.Path} and {Environment.CurrentDirectory}); give it with --workbook\n", error.ReplaceLineEndings("\n"));
    }
}
