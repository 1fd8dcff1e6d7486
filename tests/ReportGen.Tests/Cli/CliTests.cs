using ReportGen.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary>The command line as a user meets it: output, messages and exit codes (the README's contract).</summary>
public class CliTests
{

    /// <summary>The line after a workbook's problems when the shipped templates could not be composed (a note, not counted).</summary>
    internal static readonly string TemplatesNotChecked =
        $"{Repo.Path("templates")}: not checked, as the documents cannot be composed until the workbook's problems above are fixed\n";

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Analyse_json_to_standard_output_carries_the_seed_figures()
    {
        var (code, output, error) = Run("analyse", Repo.Seed, "--json", "-");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        var figures = ReportGen.Analysis.Figures.FromJson(output);
        Assert.Equal(142, figures.Portfolio.TotalProjects);
        Assert.Equal([88, 54], figures.Portfolio.Years.Select(y => y.Projects));
    }

    [Fact]
    public void Analyse_json_to_a_file()
    {
        using var dir = new TempDir();
        var (code, _, _) = Run("analyse", Repo.Seed, "--json", dir.File("figures.json"));
        Assert.Equal(0, code);
        Assert.Contains("\"total_projects\": 142", File.ReadAllText(dir.File("figures.json")));
    }

    [Fact]
    public void Analyse_without_json_prints_a_readable_summary()
    {
        var (code, output, _) = Run("analyse", Repo.Seed);
        Assert.Equal(0, code);
        Assert.Contains("142 projects reviewed", output);
        Assert.Matches(@"2020\s*│\s*88\s*│\s*11%\s*│\s*23%", output);
        Assert.Matches(@"2021\s*│\s*54\s*│\s*41%\s*│\s*11%", output);
        Assert.Contains("6 of 12 outcomes underfunded: 1.3, 2.2, 2.3, 3.2, 4.1, 4.3", output);
        Assert.Matches(@"1\.1\s*│\s*93%\s*│\s*on track", output);
        Assert.DoesNotContain("\u001b[", output); // no colour codes when not on a terminal
    }

    [Fact]
    public void Check_on_the_sample_passes()
    {
        var (code, output, _) = Run("check", Repo.Seed, "--templates", Repo.Path("templates"));
        Assert.Equal(0, code);
        Assert.Contains("no problems (142 projects", output);
    }

    [Fact]
    public void Check_prints_every_problem_with_its_cell_and_exits_1()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal()
            .Set("Projects", 3, "budget_usd", "n/a")
            .Set("Regions", 2, "name_zh", null)
            .Save(dir.File("bad.xlsx"));
        var (code, output, error) = Run("check", path, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal("", output); // problems go to standard error, in check as in build
        Assert.Equal(
            "Regions!C2: name_zh is required\nProjects!I3: budget_usd must be a number, not 'n/a'\n" + TemplatesNotChecked + "2 problems found.\n",
            error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Build_of_a_cycle_without_flagship_programmes_names_the_sheet_and_exits_1()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal()
            .Sheet("Flagships", ["code", "name_en", "name_zh", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd"])
            .Set("Projects", 2, "flagship", null).Set("Projects", 6, "flagship", null)
            .Save(dir.File("no-flagships.xlsx"));
        var (code, _, error) = Run("build", path, "--out", dir.File("out"), "--format", "txt", "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal("Flagships: no flagship programmes; the documents report on the strategic plan's flagship programmes: add one row for each\n" +
            TemplatesNotChecked + "1 problem found.\n",
            error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    public void A_documents_sheet_without_rows_is_a_problem_of_the_sheet_exit_1(string command)
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal()
            .Sheet("Documents", ["doc_id", "template", "symbol", "date", "agenda_item", "agenda_symbol", "session_start", "session_end", "original_language"])
            .Save(dir.File("no-documents.xlsx"));
        string[] args = command == "build" ? [command, path, "--out", dir.File("out"), "--format", "txt"] : [command, path];
        var (code, _, error) = Run([.. args, "--templates", Repo.Path("templates")]);
        Assert.Equal(1, code);
        Assert.Equal("Documents: no documents; add one row for each document to build\n" + TemplatesNotChecked + "1 problem found.\n", error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    public void A_budget_of_1e_300_is_a_problem_at_its_cell_exit_1_not_an_infinite_share(string command)
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().Set("Funding", 2, "budget_usd", 1e-300).Save(dir.File("tiny.xlsx"));
        string[] args = command == "build" ? [command, path, "--out", dir.File("out"), "--format", "txt"] : [command, path];
        var (code, _, error) = Run([.. args, "--templates", Repo.Path("templates")]);
        Assert.Equal(1, code);
        Assert.Equal("Funding!C2: budget_usd is 1E-300 USD, less than 1 USD; the funded share is computed over it, so give the amount in US dollars (at least 1), or 0 when there is none\n" +
            TemplatesNotChecked + "1 problem found.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_for_english_only_ignores_missing_chinese()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().Set("Regions", 2, "name_zh", null).Save(dir.File("en.xlsx"));
        Assert.Equal(1, Run("check", path, "--templates", Repo.Path("templates")).Code);
        Assert.Equal(0, Run("check", path, "--lang", "en", "--templates", Repo.Path("templates")).Code);
    }

    [Fact]
    public void Analyse_of_a_broken_workbook_prints_problems_without_stack_trace()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().Set("Funding", 2, "budget_usd", "#REF!").Save(dir.File("bad.xlsx"));
        var (code, output, error) = Run("analyse", path, "--json", "-");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("Funding!C2: budget_usd must be a number, not '#REF!'", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Not_a_workbook_is_one_clear_message()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("data.xlsx"), "a,b\n1,2\n");
        var (code, _, error) = Run("check", dir.File("data.xlsx"));
        Assert.Equal(1, code);
        Assert.StartsWith("data.xlsx: this is a text file (CSV or similar), not an .xlsx workbook", error);
    }

    [Fact]
    public void Check_names_a_misspelt_header_at_its_cell_and_exits_1()
    {
        using var dir = new TempDir();
        string path = WorkbookBuilder.Minimal().RenameColumn("Funding", "budget_usd", "budget usd").Save(dir.File("cycle.xlsx"));
        var (code, output, error) = Run("check", path);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal("Funding!C1: 'budget usd' is not a column of Funding; did you mean budget_usd?\ntemplates: not checked, as the documents cannot be composed until the workbook's problems above are fixed\n1 problem found.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("analyse").Code);
        Assert.Equal(2, Run("frobnicate").Code);
        Assert.Equal(2, Run("check", Repo.Seed, "--lang", "de").Code);
        var (_, _, error) = Run("check", Repo.Seed, "--lang", "de");
        Assert.Contains("unknown language de", error);
    }

    [Fact]
    public void Sample_writes_the_seed_workbook()
    {
        using var dir = new TempDir();
        var (code, _, _) = Run("sample", dir.File("sub/sample.xlsx"));
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllBytes(Repo.Seed), File.ReadAllBytes(dir.File("sub/sample.xlsx")));
        Assert.Single(Directory.GetFiles(dir.File("sub"))); // no temporary file left behind
    }
}
