using System.CommandLine;
using ReportGen.Templating;

namespace ReportGen.Cli;

/// <summary>
/// A command line that does not parse, said as a person would: a mistyped command or option
/// with "did you mean", a missing argument named with an example, and where to read more.
/// </summary>
internal static class Usage
{
    /// <summary>
    /// Each command's required arguments in words, and an example: the message when they are
    /// missing. A test fails when a command with a required argument has no line here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Needs, string Example)> Needs = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["sample"] = ("the file to write", "reportgen sample cycle.xlsx"),
        ["check"] = ("the workbook", "reportgen check seeds/unhabitat-2020-2021.xlsx"),
        ["analyse"] = ("the workbook", "reportgen analyse seeds/unhabitat-2020-2021.xlsx"),
        ["build"] = ("the workbook", "reportgen build seeds/unhabitat-2020-2021.xlsx"),
        ["review"] = ("the workbook", "reportgen review seeds/unhabitat-2020-2021.xlsx"),
        ["templates"] = ("the folder to copy the templates into", "reportgen templates my-templates"),
        ["diff"] = ("the two builds (or documents) to compare", "reportgen diff output-2021 output"),
        ["explain"] = ("a build folder and a number as it reads in a document", "reportgen explain output \"41%\""),
        ["verify"] = ("the build folder", "reportgen verify output"),
    };

    /// <summary>What to print (to standard error) for a command line with parse errors.</summary>
    public static IEnumerable<string> Explain(ParseResult parse, RootCommand root)
    {
        var command = parse.CommandResult.Command;
        string? unmatched = parse.UnmatchedTokens.FirstOrDefault();
        if (command == root && unmatched is not null && !unmatched.StartsWith('-'))
        {
            yield return NotACommand(root, unmatched);
            yield return "Run 'reportgen help' for the commands.";
            yield break;
        }
        string who = command == root ? "reportgen" : command.Name;
        string more = command == root ? "Run 'reportgen help' for the commands." : $"Run 'reportgen help {command.Name}' for its arguments and options.";
        if (unmatched is not null && unmatched.StartsWith('-'))
        {
            var options = command.Options.Concat(root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Append(o.Name));
            yield return $"{who} has no option '{unmatched}'{DidYouMean.Hint(unmatched, options)}";
            yield return more;
            yield break;
        }
        var missing = command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && (parse.GetResult(a) is not { } given || given.Tokens.Count == 0)).ToList();
        if (missing.Count > 0)
        {
            string usage = $"reportgen {command.Name} {string.Join(" ", command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0).Select(a => a.Name))}";
            yield return Needs.TryGetValue(command.Name, out var needs)
                ? $"{command.Name} needs {needs.Needs}: {usage} (as in {needs.Example})"
                : $"{command.Name} needs {string.Join(" and ", missing.Select(a => a.Name))}: {usage}";
            yield break;
        }
        if (unmatched is not null)
        {
            yield return $"{who} does not take '{unmatched}' (one argument too many?)";
            yield return more;
            yield break;
        }
        foreach (var e in parse.Errors) yield return e.Message;
        yield return more;
    }

    /// <summary>"'biuld' is not a reportgen command; did you mean 'build'?"</summary>
    public static string NotACommand(RootCommand root, string typed) =>
        $"'{typed}' is not a reportgen command{DidYouMean.Hint(typed, root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Append(c.Name)))}";
}
