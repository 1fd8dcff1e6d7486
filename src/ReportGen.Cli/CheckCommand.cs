using System.CommandLine;
using ReportGen.Workbook;

namespace ReportGen.Cli;

internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The reporting-cycle workbook (.xlsx)" };
        var lang = new Option<string?>("--lang") { Description = "Languages whose texts must be present (default: zh,en)" };
        var command = new Command("check", "Validate the workbook; print every problem as Sheet!A12: message") { workbook, lang };
        command.SetAction(parse =>
        {
            var languages = CommandContext.ParseLanguages(parse.GetValue(lang));
            var result = CycleReader.Read(parse.GetValue(workbook)!);
            var problems = result.ProblemsFor(languages);
            if (problems.Count > 0)
            {
                context.PrintProblems(problems, context.Output);
                return ExitCodes.InputProblems;
            }
            var cycle = result.Cycle!;
            context.Output.WriteLine($"{Path.GetFileName(parse.GetValue(workbook))}: no problems " +
                $"({cycle.Projects.Count} projects, {cycle.Outcomes.Count} outcomes, {cycle.Indicators.Count} indicators, {cycle.Documents.Count} documents).");
            return ExitCodes.Success;
        });
        return command;
    }
}
