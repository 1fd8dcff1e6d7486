using System.CommandLine;
using Spectre.Console;

namespace ReportGen.Cli;

/// <summary>
/// The <c>reportgen</c> command line. <see cref="Run"/> takes its writers as parameters so tests
/// run it in-process and read what a user would see.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces of internal errors", Recursive = true };
        var root = new RootCommand("ReportGen: UN-Habitat Executive Board documents (PDF, DOCX; English and Chinese) from a reporting-cycle workbook.")
        {
            Options = { verbose },
        };
        var context = new CommandContext(output, error);
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(AnalyseCommand.Create(context));
        root.Subcommands.Add(BuildCommand.Create(context));
        root.Subcommands.Add(ReviewCommand.Create(context));
        root.Subcommands.Add(TemplatesCommand.Create(context));
        root.Subcommands.Add(NamesCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(HelpCommand.Create(context, root));
        HelpCommand.ListOnRootHelp(root);
        // `reportgen` alone: the list of commands, and exit 2 (a command line without a command), as git and dotnet do (1, 129).
        root.SetAction(_ =>
        {
            HelpCommand.WriteCommands(root, output);
            return ExitCodes.Usage;
        });

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            bool first = true;
            foreach (string line in Usage.Explain(parse, root))
            {
                error.WriteLine(first ? $"reportgen: {line}" : line);
                first = false;
            }
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            context.PrintProblems(e.Problems, error);
            return ExitCodes.InputProblems;
        }
        catch (ReportGen.Rendering.Pdf.Fonts.FontException e)
        {
            error.WriteLine($"reportgen: {e.Message}");
            return ExitCodes.InputProblems;
        }
        catch (ReportGen.Rendering.Pdf.Layout.UncoveredCharacterException e)
        {
            error.WriteLine($"reportgen: {e.Message}");
            return ExitCodes.InputProblems;
        }
        catch (Exception e) when (e is ReportGen.Build.BuildRequestException or ReportGen.Build.UnknownFormatException)
        {
            error.WriteLine($"reportgen: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UsageException e)
        {
            error.WriteLine($"reportgen: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            error.WriteLine($"reportgen: internal error: {e.Message}");
            if (parse.GetValue(verbose)) error.WriteLine(e.ToString());
            else error.WriteLine("This is a bug in ReportGen; run again with --verbose for details and report it.");
            return ExitCodes.InternalError;
        }
    }
}

/// <summary>A command line that parses but asks for something impossible (an unknown language, say).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>What every command needs: where to write, and a console for tables on a terminal.</summary>
public sealed class CommandContext(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True when writing to a real terminal (not redirected, not a test).</summary>
    public bool Interactive => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;

    public IAnsiConsole Terminal => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Output),
        Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = Interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });

    public void PrintProblems(IReadOnlyList<Problem> problems, TextWriter writer)
    {
        foreach (var p in problems) writer.WriteLine(p.ToString());
        int count = problems.Count(p => !Build.Validation.IsNote(p));
        writer.WriteLine(count == 1 ? "1 problem found." : $"{count} problems found.");
    }

    /// <summary>
    /// The templates folder: the one given, else ./templates when there is one (a clone),
    /// else the templates shipped beside the command (an installed tool).
    /// </summary>
    public static string TemplatesFolder(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return given;
        if (Directory.Exists("templates")) return "templates";
        return Path.Combine(AppContext.BaseDirectory, "templates");
    }

    /// <summary>Parses <c>--lang zh,en</c>: known languages in a fixed order; without it, the workbook's Settings say (languages), else en and zh.</summary>
    public static IReadOnlyList<string> ParseLanguages(string? value, string workbook)
    {
        if (string.IsNullOrWhiteSpace(value)) return Workbook.CycleReader.DefaultLanguages(workbook);
        var asked = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.ToLowerInvariant()).ToList();
        var unknown = asked.Where(l => !Model.Languages.All.Contains(l)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown language {string.Join(", ", unknown)} (languages: {string.Join(", ", Model.Languages.All)})");
        return [.. Model.Languages.All.Where(asked.Contains)];
    }
}
