using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

public class BuildCommandTests
{
    private static readonly string Seed = Repo.Path("seeds", "unhabitat-2020-2021.xlsx");

    [Fact]
    public void Build_writes_one_docx_per_document_and_language_with_the_figures()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliTests.Run("build", Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(["annual-report-summary.en.docx", "annual-report-summary.zh.docx", "figures.json", "portfolio-analysis.en.docx", "portfolio-analysis.zh.docx"],
            Directory.GetFiles(dir.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("wrote ", output);
        Assert.Equal(CliTests.Run("analyse", Seed, "--json", "-").Out, File.ReadAllText(dir.File("out/figures.json")));
    }

    [Fact]
    public void Language_and_document_filters()
    {
        using var dir = new TempDir();
        var (code, _, _) = CliTests.Run("build", Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--lang", "zh", "--doc", "portfolio-analysis");
        Assert.Equal(0, code);
        Assert.Equal(["figures.json", "portfolio-analysis.zh.docx"], Directory.GetFiles(dir.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_template_error_fails_the_build_with_its_place_and_leaves_the_output_folder_as_it_was()
    {
        using var dir = new TempDir();
        CopyFolder(Repo.Path("templates"), dir.File("templates"));
        string broken = dir.File("templates/zh/portfolio-analysis.md.hbs");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("{{num portfolio.total_projects}}", "{{num portfolio.total_projetcs}}"));
        Directory.CreateDirectory(dir.File("out"));
        File.WriteAllText(dir.File("out/portfolio-analysis.en.docx"), "previous build");

        var (code, output, error) = CliTests.Run("build", Seed, "--out", dir.File("out"), "--templates", dir.File("templates"));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Matches(@"templates/zh/portfolio-analysis\.md\.hbs:\d+:\d+: 'portfolio\.total_projetcs' is not a name", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(["portfolio-analysis.en.docx"], Directory.GetFiles(dir.File("out")).Select(Path.GetFileName));
        Assert.Equal("previous build", File.ReadAllText(dir.File("out/portfolio-analysis.en.docx")));
        Assert.Equal(["out", "templates"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Order()); // no staging folder left
    }

    [Fact]
    public void Pdf_is_refused_until_it_exists_and_unknown_documents_are_usage_errors()
    {
        Assert.Equal(2, CliTests.Run("build", Seed, "--format", "pdf").Code);
        Assert.Equal(2, CliTests.Run("build", Seed, "--format", "odt").Code);
        Assert.Equal(2, CliTests.Run("build", Seed, "--templates", Repo.Path("templates"), "--doc", "nope").Code);
    }

    [Fact]
    public void Check_validates_the_templates_too()
    {
        using var dir = new TempDir();
        CopyFolder(Repo.Path("templates"), dir.File("templates"));
        File.AppendAllText(dir.File("templates/en/annual-report-summary.md.hbs"), "\n{{#each plan.outcomes}}\n");
        var (code, output, _) = CliTests.Run("check", Seed, "--templates", dir.File("templates"));
        Assert.Equal(1, code);
        Assert.Contains("block '{{#each}}' is never closed with '{{/each}}'", output);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
