using ReportGen.Build;
using System.CommandLine;
using ReportGen.Workbook;

namespace ReportGen.Cli;

internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The reporting-cycle workbook (.xlsx)" };
        var lang = new Option<string?>("--lang") { Description = "Languages whose texts must be present (default: zh,en)" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder (with en/ and zh/); default ./templates, else the ones shipped with reportgen" };
        var command = new Command("check", "Validate the workbook and the templates it names; print every problem with its place") { workbook, lang, templates };
        command.SetAction(parse =>
        {
            var languages = CommandContext.ParseLanguages(parse.GetValue(lang));
            var result = CycleReader.Read(parse.GetValue(workbook)!);
            var problems = result.ProblemsFor(languages);
            if (problems.Count > 0)
            {
                context.PrintProblems(problems, context.Error); // where build prints them
                return ExitCodes.InputProblems;
            }
            var cycle = result.Cycle!;
            context.Output.WriteLine(UsedFiles.Templates(CommandContext.TemplatesFolder(parse.GetValue(templates)), parse.GetValue(templates)));
            // The templates the Documents sheet names, rendered (not written) in every language asked for.
            try
            {
                BuildPipeline.Compose(new BuildOptions(parse.GetValue(workbook)!, "", CommandContext.TemplatesFolder(parse.GetValue(templates)), languages, [], null));
            }
            catch (InputException e)
            {
                context.PrintProblems(e.Problems, context.Error);
                return ExitCodes.InputProblems;
            }
            // What a PDF build would reject: characters no font has, at their cells.
            var uncovered = FontCoverage.Check(parse.GetValue(workbook)!);
            if (uncovered.Count > 0)
            {
                context.PrintProblems(uncovered, context.Error);
                return ExitCodes.InputProblems;
            }
            context.Output.WriteLine($"{Path.GetFileName(parse.GetValue(workbook))}: no problems " +
                $"({cycle.Projects.Count} projects, {cycle.Outcomes.Count} outcomes, {cycle.Indicators.Count} indicators, " +
                $"{cycle.Documents.Count} documents; templates checked in {string.Join(", ", languages)}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
