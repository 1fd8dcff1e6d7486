namespace ReportGen.Tests.Cli;

/// <summary>The command line as git and dotnet users expect it: help, "did you mean", missing arguments named with an example.</summary>
public class HelpTests
{
    private static readonly string[] Commands = ["sample", "check", "analyse", "build", "review", "templates", "names", "diff", "explain", "verify", "help"];

    private static void AssertListsTheCommands(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Usage: reportgen COMMAND [ARGUMENTS] [OPTIONS]", lines[0]);
        foreach (string command in Commands) Assert.Single(lines, l => l.StartsWith($"  {command} ", StringComparison.Ordinal));
        Assert.Contains("  build      Render every document of the Documents sheet in every language and format asked for", lines);
        Assert.Contains("Run 'reportgen help COMMAND' for a command's arguments and options, as in 'reportgen help build'.", lines);
    }

    [Fact]
    public void Reportgen_alone_lists_the_commands_and_exits_2_as_git_and_dotnet_do()
    {
        var (code, output, error) = CliTests.Run();
        Assert.Equal(2, code);
        Assert.Equal("", error);
        AssertListsTheCommands(output);
    }

    [Fact]
    public void Help_and_dash_dash_help_list_the_commands()
    {
        var (code, output, error) = CliTests.Run("help");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        AssertListsTheCommands(output);
        Assert.Equal((0, output, ""), CliTests.Run("--help"));
    }

    [Fact]
    public void Help_of_a_command_is_its_dash_dash_help()
    {
        var (code, output, error) = CliTests.Run("help", "build");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains(" build <WORKBOOK> [options]", output); // after the executable's name: reportgen, or the test host here
        Assert.Equal(CliTests.Run("build", "--help"), (code, output, error));
        Assert.Contains(" templates <DIR> [options]", CliTests.Run("help", "templates").Out);
    }

    [Fact]
    public void A_mistyped_command_gets_did_you_mean()
    {
        Assert.Equal((2, "", "reportgen: 'biuld' is not a reportgen command; did you mean 'build'?\nRun 'reportgen help' for the commands.\n"),
            Normalized(CliTests.Run("biuld", "x.xlsx")));
        Assert.Equal((2, "", "reportgen: 'frobnicate' is not a reportgen command\nRun 'reportgen help' for the commands.\n"), Normalized(CliTests.Run("frobnicate")));
        Assert.Equal((2, "", "reportgen: 'tempaltes' is not a reportgen command; did you mean 'templates'?\n"), Normalized(CliTests.Run("help", "tempaltes")));
        Assert.Equal((2, "", "reportgen: build has no option '--fromat'; did you mean '--format'?\nRun 'reportgen help build' for its arguments and options.\n"),
            Normalized(CliTests.Run("build", "x.xlsx", "--fromat", "txt")));
    }

    [Theory]
    [InlineData("sample", "sample needs the file to write: reportgen sample FILE (as in reportgen sample cycle.xlsx)")]
    [InlineData("check", "check needs the workbook: reportgen check WORKBOOK (as in reportgen check seeds/unhabitat-2020-2021.xlsx)")]
    [InlineData("analyse", "analyse needs the workbook: reportgen analyse WORKBOOK (as in reportgen analyse seeds/unhabitat-2020-2021.xlsx)")]
    [InlineData("build", "build needs the workbook: reportgen build WORKBOOK (as in reportgen build seeds/unhabitat-2020-2021.xlsx)")]
    [InlineData("review", "review needs the workbook: reportgen review WORKBOOK (as in reportgen review seeds/unhabitat-2020-2021.xlsx)")]
    [InlineData("templates", "templates needs the folder to copy the templates into: reportgen templates DIR (as in reportgen templates my-templates)")]
    [InlineData("diff", "diff needs the two builds (or documents) to compare: reportgen diff A B (as in reportgen diff output-2021 output)")]
    [InlineData("explain", "explain needs a build folder and a number as it reads in a document: reportgen explain BUILD_DIR TEXT (as in reportgen explain output \"41%\")")]
    [InlineData("verify", "verify needs the build folder: reportgen verify BUILD_DIR (as in reportgen verify output)")]
    public void A_missing_argument_is_named_with_an_example(string command, string message) =>
        Assert.Equal((2, "", $"reportgen: {message}\n"), Normalized(CliTests.Run(command)));

    [Fact]
    public void Every_command_with_a_required_argument_has_its_example()
    {
        // The commands as `reportgen help` lists them, so a new command is checked too.
        var listed = CliTests.Run("help").Out.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Length > 0)
            .Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.Equal(Commands, listed);
        var needing = new List<string>();
        foreach (string command in listed)
        {
            var (code, _, error) = CliTests.Run(command);
            if (!error.StartsWith($"reportgen: {command} needs ", StringComparison.Ordinal)) continue; // no required argument: names, help
            Assert.Equal(2, code);
            Assert.Contains($" (as in reportgen {command} ", error);
            needing.Add(command);
        }
        Assert.Equal(["sample", "check", "analyse", "build", "review", "templates", "diff", "explain", "verify"], needing);
    }

    private static (int, string, string) Normalized((int Code, string Out, string Err) run) =>
        (run.Code, run.Out.ReplaceLineEndings("\n"), run.Err.ReplaceLineEndings("\n"));
}
