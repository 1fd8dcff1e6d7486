using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary>
/// <c>check</c> promises what <c>build</c> does: on every workbook, the same exit code and the
/// same problem lines, and a refused build leaves its output folder as it was.
/// </summary>
public class CheckBuildAgreementTests
{
    private static readonly string Templates = Repo.Path("templates");

    private const string Emoji = "🏠";

    /// <summary>The workbooks the tests make to be refused (and a few to be accepted), by name.</summary>
    public static TheoryData<string> Cases() => [.. Workbooks.Keys];

    private static readonly Dictionary<string, Func<WorkbookBuilder>> Workbooks = new()
    {
        ["valid"] = WorkbookBuilder.Minimal,
        ["emoji in a project title"] = () => WorkbookBuilder.Minimal().Set("Projects", 2, "title", $"Water for Kisumu {Emoji}"),
        ["missing title_zh and an emoji"] = () => WorkbookBuilder.Minimal().Set("Domains", 3, "title_zh", null).Set("Projects", 4, "title", $"Corridors {Emoji}"),
        ["missing column title_zh and an emoji"] = () => WorkbookBuilder.Minimal().RemoveColumn("Outcomes", "title_zh").Set("Services", 2, "name_en", $"Mobility {Emoji}"),
        ["emoji in a Chinese name"] = () => WorkbookBuilder.Minimal().Set("Regions", 3, "name_zh", $"亚洲{Emoji}"),
        ["unit typo"] = () => WorkbookBuilder.Minimal().Set("Indicators", 2, "unit", "x\nProjects!A1: everything\u2028is fine"),
        ["missing sheet"] = () => WorkbookBuilder.Minimal().RemoveSheet("Regions"),
        ["unknown outcome and an emoji"] = () => WorkbookBuilder.Minimal().Set("Projects", 3, "primary_outcome", 9.9).Set("Projects", 5, "country", $"Fiji{Emoji}"),
        ["duplicate column"] = () => WorkbookBuilder.Minimal().RenameColumn("Projects", "country", "region"),
        ["budget of 1e-300"] = () => WorkbookBuilder.Minimal().Set("Funding", 2, "budget_usd", 1e-300),
        ["no flagships"] = () => WorkbookBuilder.Minimal()
            .Sheet("Flagships", ["code", "name_en", "name_zh", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd"])
            .Set("Projects", 2, "flagship", null).Set("Projects", 6, "flagship", null),
        ["no documents"] = () => WorkbookBuilder.Minimal().Sheet("Documents",
            ["doc_id", "template", "symbol", "date", "agenda_item", "agenda_symbol", "session_start", "session_end", "original_language"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_and_build_agree_on_a_workbook(string name)
    {
        using var dir = new TempDir();
        AssertAgree(Workbooks[name]().Save(dir.File("cycle.xlsx")), dir);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_and_build_agree_on_a_workbook_in_english_only(string name)
    {
        using var dir = new TempDir();
        AssertAgree(Workbooks[name]().Save(dir.File("cycle.xlsx")), dir, "--lang", "en");
    }

    [Fact]
    public void Check_and_build_agree_on_the_libreoffice_fixtures()
    {
        using var dir = new TempDir();
        foreach (string fixture in new[] { "libreoffice-broken.xlsx", "libreoffice-quirks.xlsx" })
            AssertAgree(Repo.Path("tests", "ReportGen.Tests", "Fixtures", fixture), dir);
    }

    [Fact]
    public void Check_and_build_agree_on_mutants_of_a_workbook()
    {
        using var dir = new TempDir();
        byte[] original = File.ReadAllBytes(WorkbookBuilder.Minimal().Set("Projects", 2, "title", $"Water {Emoji}").Save(dir.File("original.xlsx")));
        var mutator = new Mutator(24);
        for (int i = 0; i < 12; i++)
        {
            string path = dir.File($"mutant{i}.xlsx");
            File.WriteAllBytes(path, i % 2 == 0 ? mutator.Package(original, xmlOnly: true) : mutator.PackagePart(original));
            AssertAgree(path, dir);
        }
    }

    [Fact]
    public void One_check_lists_a_missing_title_zh_and_the_emoji_together_and_says_the_templates_wait()
    {
        using var dir = new TempDir();
        string path = Workbooks["missing title_zh and an emoji"]().Save(dir.File("cycle.xlsx"));
        var (code, _, error) = CliTests.Run("check", path, "--templates", Templates);
        Assert.Equal(1, code);
        Assert.Equal(
            "Domains!C3: title_zh is required\n" +
            $"Projects!C4: no configured font has the character '{Emoji}' (U+1F3E0); the PDF could not show it " +
            "(replace it, build without PDF with --format docx, or choose a font that has it with --font-latin, --font-song, --font-hei)\n" +
            $"{Templates}: not checked, as the documents cannot be composed until the workbook's problems above are fixed\n" +
            "2 problems found.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_character_no_font_has_and_a_template_mistake_come_in_one_run()
    {
        using var dir = new TempDir();
        BuildCommandTests.CopyFolder(Templates, dir.File("templates"));
        string template = dir.File("templates/en/annual-report-summary.md.hbs");
        File.WriteAllText(template, File.ReadAllText(template) + "\n{{no_such_name}}\n");
        string path = Workbooks["emoji in a project title"]().Save(dir.File("cycle.xlsx"));
        var (code, _, error) = CliTests.Run("check", path, "--templates", dir.File("templates"));
        Assert.Equal(1, code);
        var lines = error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"Projects!C2: no configured font has the character '{Emoji}' (U+1F3E0)", lines[0]);
        Assert.Contains(lines, l => l.Contains("annual-report-summary.md.hbs:", StringComparison.Ordinal) && l.Contains("no_such_name", StringComparison.Ordinal));
        AssertAgree(path, dir, "--templates", dir.File("templates"));
    }

    [Fact]
    public void A_character_no_font_has_typed_in_a_template_is_at_its_line_and_column_in_check_as_in_build()
    {
        using var dir = new TempDir();
        BuildCommandTests.CopyFolder(Templates, dir.File("templates"));
        string template = dir.File("templates/en/annual-report-summary.md.hbs");
        string text = File.ReadAllText(template);
        int at = text.IndexOf("In its resolution 1/1,", StringComparison.Ordinal) + "In its resolution 1/1".Length;
        File.WriteAllText(template, text.Insert(at, $" {Emoji}"));
        int line = 1 + text[..at].Count(c => c == '\n'), column = at - text.LastIndexOf('\n', at) + 1;
        // The same character in a cell is reported there too: one run lists both.
        string path = Workbooks["emoji in a project title"]().Save(dir.File("cycle.xlsx"));
        var (code, _, error) = CliTests.Run("check", path, "--templates", dir.File("templates"));
        Assert.Equal(1, code);
        string why = $"no configured font has the character '{Emoji}' (U+1F3E0); the PDF could not show it " +
                     "(replace it, build without PDF with --format docx, or choose a font that has it with --font-latin, --font-song, --font-hei)";
        Assert.Equal($"Projects!C2: {why}\n{template}:{line}:{column}: {why}\n2 problems found.\n", error.ReplaceLineEndings("\n"));
        AssertAgree(path, dir, "--templates", dir.File("templates"));
        AssertAgree(WorkbookBuilder.Minimal().Save(dir.File("valid.xlsx")), dir, "--templates", dir.File("templates"));
    }

    [Fact]
    public void Without_a_pdf_the_fonts_are_not_checked_by_either()
    {
        using var dir = new TempDir();
        string path = Workbooks["emoji in a project title"]().Save(dir.File("cycle.xlsx"));
        var (code, output, error) = CliTests.Run("check", path, "--templates", Templates, "--format", "docx");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("fonts not checked, no PDF in --format", output);
        AssertAgree(path, dir, "--format", "docx");
    }

    /// <summary>Runs check, then build into a folder holding one file; the same exit code and problem lines, and a refused build leaves the folder as it was.</summary>
    private static void AssertAgree(string workbook, TempDir dir, params string[] options)
    {
        if (!options.Contains("--templates")) options = [.. options, "--templates", Templates];
        var check = CliTests.Run(["check", workbook, .. options]);
        string output = dir.File("out");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "earlier.txt"), "an earlier build");
        var build = CliTests.Run(["build", workbook, "--out", output, .. options]);
        string what = $"{Path.GetFileName(workbook)} {string.Join(' ', options)}\ncheck: {check.Err}\nbuild: {build.Err}";
        Assert.True(check.Code is 0 or 1, what);
        Assert.True(check.Code == build.Code, what);
        Assert.True(check.Err == build.Err, what);
        if (build.Code != 0)
        {
            Assert.Equal(["earlier.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
            Assert.Equal("an earlier build", File.ReadAllText(Path.Combine(output, "earlier.txt")));
        }
    }
}
