using ReportGen.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary>`build`, `check` and `review` say which templates folder (and fonts) they use, and whether they are the shipped ones.</summary>
public class UsedFilesTests
{

    [Fact]
    public void Check_names_its_templates_folder()
    {
        var (code, output, _) = CliTests.Run("check", Repo.Seed, "--templates", Repo.Path("templates"));
        Assert.Equal(0, code);
        Assert.StartsWith($"templates: {Repo.Path("templates")} (given with --templates; not the shipped ones)", output);
    }

    [Fact]
    public void Build_names_its_templates_folder_and_pdf_fonts()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliTests.Run("build", Repo.Seed, "--doc", "annual-report-summary", "--lang", "en", "--format", "pdf",
            "--templates", Repo.Path("templates"), "--out", dir.File("out"));
        Assert.True(code == 0, error);
        Assert.Contains($"templates: {Repo.Path("templates")} (given with --templates; not the shipped ones)", output);
        Assert.Contains("fonts (PDF): latin Liberation Serif (bundled), song AR PL SungtiL GB, AR PL UMing CN for what it lacks (bundled), hei WenQuanYi Micro Hei (bundled)", output);
    }

    [Fact]
    public void Check_names_the_fonts_it_checked_by_the_family_their_files_give()
    {
        string hei = Repo.Path("fonts", "wqy-microhei.ttc");
        var (code, output, error) = CliTests.Run("check", Repo.Seed, "--templates", Repo.Path("templates"), "--font-hei", hei);
        Assert.True(code == 0, error);
        Assert.Contains($"fonts (PDF): latin Liberation Serif (bundled), song AR PL SungtiL GB, AR PL UMing CN for what it lacks (bundled), hei WenQuanYi Micro Hei (given as {hei})\n",
            output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("fonts (PDF)", CliTests.Run("check", Repo.Seed, "--templates", Repo.Path("templates"), "--format", "docx").Out);
    }

    [Fact]
    public void The_shipped_templates_are_named_as_such()
    {
        Assert.Equal($"templates: {UsedFiles.ShippedTemplates} (the templates shipped with reportgen; to edit, copy them with 'reportgen templates DIR' and pass --templates DIR)",
            UsedFiles.Templates(Path.Combine(AppContext.BaseDirectory, "templates"), null));
        Assert.Contains("(./templates of the current folder; not the shipped ones)", UsedFiles.Templates(Repo.Path("templates"), null));
    }
}
