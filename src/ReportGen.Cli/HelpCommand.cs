using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ReportGen.Cli;

/// <summary>
/// Help as git and dotnet users expect it: <c>reportgen help</c> (and <c>reportgen --help</c>)
/// lists the commands with one line each; <c>reportgen help build</c> is <c>reportgen build --help</c>.
/// </summary>
internal static class HelpCommand
{
    public static Command Create(CommandContext context, RootCommand root)
    {
        var name = new Argument<string?>("COMMAND") { Description = "The command whose arguments and options to show", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("help", "List the commands, or show one command's arguments and options") { name };
        command.SetAction(parse =>
        {
            if (parse.GetValue(name) is not { } asked)
            {
                WriteCommands(root, context.Output);
                return ExitCodes.Success;
            }
            if (!root.Subcommands.Any(c => c.Name == asked || c.Aliases.Contains(asked)))
                throw new UsageException(Usage.NotACommand(root, asked));
            return root.Parse([asked, "--help"]).Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error });
        });
        return command;
    }

    /// <summary>The list of commands, one line each (their descriptions), and how to learn more about one.</summary>
    public static void WriteCommands(RootCommand root, TextWriter output)
    {
        output.WriteLine("Usage: reportgen COMMAND [ARGUMENTS] [OPTIONS]");
        output.WriteLine();
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine("Commands:");
        int width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var c in root.Subcommands.Where(c => !c.Hidden)) output.WriteLine($"  {c.Name.PadRight(width)}{c.Description}");
        output.WriteLine();
        output.WriteLine("Options of every command: --help (its arguments and options), --verbose (stack traces of internal errors); reportgen --version.");
        output.WriteLine("Run 'reportgen help COMMAND' for a command's arguments and options, as in 'reportgen help build'.");
    }

    /// <summary>Makes <c>reportgen --help</c> the list of commands; a command's <c>--help</c> stays its own.</summary>
    public static void ListOnRootHelp(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new RootHelp(root, (SynchronousCommandLineAction)help.Action!);
    }

    private sealed class RootHelp(RootCommand root, SynchronousCommandLineAction commandHelp) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true; // `build --help` needs no workbook

        public override int Invoke(ParseResult parse)
        {
            if (parse.CommandResult.Command != root) return commandHelp.Invoke(parse);
            WriteCommands(root, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        }
    }
}
