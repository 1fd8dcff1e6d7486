using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

public class BuildCommandTests
{

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_out_is_a_wrong_command_line_exit_2_with_a_plain_message(string folder)
    {
        var (code, output, error) = CliTests.Run("build", Repo.Seed, "--out", folder, "--templates", Repo.Path("templates"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("reportgen: --out is empty; name the output folder, such as --out output\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Build_writes_a_pdf_and_a_docx_per_document_and_language_with_the_figures()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(["annual-report-summary.en.docx", "annual-report-summary.en.pdf", "annual-report-summary.zh.docx", "annual-report-summary.zh.pdf",
                "figures.json", "manifest.json", "portfolio-analysis.en.docx", "portfolio-analysis.en.pdf", "portfolio-analysis.zh.docx", "portfolio-analysis.zh.pdf", "trace.json"],
            Directory.GetFiles(dir.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("wrote ", output);
        Assert.Equal(CliTests.Run("analyse", Repo.Seed, "--json", "-").Out, File.ReadAllText(dir.File("out/figures.json")));
    }

    [Fact]
    public void Redirected_output_has_one_line_per_file_with_its_pages_then_a_summary()
    {
        using var dir = new TempDir();
        var (code, output, _) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--lang", "zh", "--doc", "portfolio-analysis");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(8, lines.Length); // templates, fonts; docx, pdf, figures.json, trace.json, manifest.json; the summary
        Assert.StartsWith("templates: ", lines[0]);
        Assert.StartsWith("fonts (PDF): latin Liberation Serif (bundled)", lines[1]);
        Assert.Matches(@"^wrote .*portfolio-analysis\.zh\.docx$", lines[2]);
        Assert.Matches(@"^wrote .*portfolio-analysis\.zh\.pdf \((\d+) pages\)$", lines[3]);
        int pages = int.Parse(System.Text.RegularExpressions.Regex.Match(lines[3], @"\((\d+) pages\)").Groups[1].Value);
        Assert.Matches($@"^Built 1 document \(5 files, {pages} PDF pages\) in \d+\.\d\d s into .*out$", lines[7]);
    }

    [Fact]
    public void The_summary_counts_the_documents_of_every_format()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--format", "txt");
        Assert.True(code == 0, error);
        string summary = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1];
        Assert.Matches(@"^Built 4 documents \(7 files\) in \d+\.\d\d s into .*out$", summary); // 4 .txt, figures.json, trace.json, manifest.json; no PDF, no pages
    }

    [Fact]
    public void Build_help_lists_exactly_the_writer_registry_s_formats()
    {
        var (code, output, _) = CliTests.Run("build", "--help");
        Assert.Equal(0, code);
        string line = Assert.Single(output.ReplaceLineEndings("\n").Split('\n'), l => l.TrimStart().StartsWith("--format", StringComparison.Ordinal));
        Assert.Contains("of docx, pdf, txt (default docx,pdf;", line);
        // The list is the registry's, not a copy: the names between "of" and "(default" are exactly its names.
        var listed = System.Text.RegularExpressions.Regex.Match(line, @" of (.+?) \(default (.+?);");
        Assert.Equal(ReportGen.Build.DocumentWriters.Names, listed.Groups[1].Value.Split(", "));
        Assert.Equal(ReportGen.Build.DocumentWriters.Defaults, listed.Groups[2].Value.Split(","));
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_that_lists_the_formats()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--format", "pdf,html");
        Assert.Equal(2, code);
        Assert.Equal("reportgen: unknown format 'html' (formats: docx, pdf, txt)", error.Trim());
        Assert.False(Directory.Exists(dir.File("out")));
        Assert.DoesNotContain("wrote", output);
    }

    [Fact]
    public void Language_and_document_filters()
    {
        using var dir = new TempDir();
        var (code, _, _) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--lang", "zh", "--doc", "portfolio-analysis", "--format", "docx");
        Assert.Equal(0, code);
        Assert.Equal(["figures.json", "manifest.json", "portfolio-analysis.zh.docx", "trace.json"], Directory.GetFiles(dir.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
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

        var (code, output, error) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", dir.File("templates"));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Matches(@"templates/zh/portfolio-analysis\.md\.hbs:\d+:\d+: 'portfolio\.total_projetcs' is not a name", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(["portfolio-analysis.en.docx"], Directory.GetFiles(dir.File("out")).Select(Path.GetFileName));
        Assert.Equal("previous build", File.ReadAllText(dir.File("out/portfolio-analysis.en.docx")));
        Assert.Equal(["out", "templates"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Order()); // no staging folder left
    }

    [Fact]
    public void Unknown_formats_and_documents_are_usage_errors()
    {
        Assert.Equal(2, CliTests.Run("build", Repo.Seed, "--format", "odt").Code);
        Assert.Equal(2, CliTests.Run("build", Repo.Seed, "--templates", Repo.Path("templates"), "--doc", "nope").Code);
    }

    [Fact]
    public void Check_validates_the_templates_too()
    {
        using var dir = new TempDir();
        CopyFolder(Repo.Path("templates"), dir.File("templates"));
        File.AppendAllText(dir.File("templates/en/annual-report-summary.md.hbs"), "\n{{#each plan.outcomes}}\n");
        var (code, _, error) = CliTests.Run("check", Repo.Seed, "--templates", dir.File("templates"));
        Assert.Equal(1, code);
        Assert.Contains("block '{{#each}}' is never closed with '{{/each}}'", error);
    }

    [Fact]
    public void A_font_that_is_not_there_is_one_clear_message()
    {
        using var dir = new TempDir();
        var (code, _, error) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--format", "pdf",
            "--lang", "zh", "--font-song", "No Such Font Family");
        Assert.Equal(1, code);
        Assert.StartsWith("reportgen: Song font 'No Such Font Family' is neither a file nor a TrueType family", error);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void A_face_of_a_collection_can_be_chosen_by_file_and_index()
    {
        using var dir = new TempDir();
        string uming = Path.Combine(ReportGen.Rendering.Pdf.Fonts.FontSet.BundledFolder(), "uming.ttc");
        var (code, _, error) = CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--format", "pdf",
            "--lang", "zh", "--doc", "annual-report-summary", "--font-hei", uming + "#2");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("UMing#20TW", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(dir.File("out/annual-report-summary.zh.pdf")))); // PDF names escape spaces
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
