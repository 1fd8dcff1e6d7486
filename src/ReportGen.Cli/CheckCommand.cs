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
        var annotate = new Option<string?>("--annotate") { Description = "Also write a copy of the workbook with each problem as a note on its cell and a first sheet listing them (OUT.xlsx)" };
        var command = new Command("check", "Validate the workbook and the templates it names; print every problem with its place") { workbook, lang, templates, annotate };
        command.SetAction(parse =>
        {
            var languages = CommandContext.ParseLanguages(parse.GetValue(lang));
            string? annotated = parse.GetValue(annotate);
            if (annotated is not null && (annotated.Length == 0 || SafeFile.Same(annotated, parse.GetValue(workbook)!)))
                throw new UsageException(annotated.Length == 0 ? "--annotate: name the file to write the annotated copy to"
                    : $"--annotate {annotated}: that is the workbook itself; write the annotated copy to another file");
            // Every problem check prints goes through here, so the annotated copy marks exactly what is printed.
            int Report(IReadOnlyList<Problem> found)
            {
                context.PrintProblems(found, context.Error); // where build prints them
                if (annotated is not null) AnnotatedCopy.Write(context, parse.GetValue(workbook)!, found, annotated);
                return ExitCodes.InputProblems;
            }
            ReadResult result;
            try { result = CycleReader.Read(parse.GetValue(workbook)!); }
            catch (InputException e) when (annotated is not null)
            {
                context.PrintProblems(e.Problems, context.Error);
                context.Error.WriteLine($"no annotated copy written: the workbook cannot be read, so it cannot be annotated ({annotated} was left as it was).");
                return ExitCodes.InputProblems;
            }
            var problems = result.ProblemsFor(languages);
            if (problems.Count > 0) return Report(problems);
            var cycle = result.Cycle!;
            context.Output.WriteLine(UsedFiles.Templates(CommandContext.TemplatesFolder(parse.GetValue(templates)), parse.GetValue(templates)));
            // The templates the Documents sheet names, rendered (not written) in every language asked for.
            try
            {
                BuildPipeline.Compose(new BuildOptions(parse.GetValue(workbook)!, "", CommandContext.TemplatesFolder(parse.GetValue(templates)), languages, [], null));
            }
            catch (InputException e)
            {
                return Report(e.Problems);
            }
            // What a PDF build would reject: characters no font has, at their cells.
            var uncovered = FontCoverage.Check(parse.GetValue(workbook)!);
            if (uncovered.Count > 0) return Report(uncovered);
            context.Output.WriteLine($"{Path.GetFileName(parse.GetValue(workbook))}: no problems " +
                $"({cycle.Projects.Count} projects, {cycle.Outcomes.Count} outcomes, {cycle.Indicators.Count} indicators, " +
                $"{cycle.Documents.Count} documents; templates checked in {string.Join(", ", languages)}).");
            if (annotated is not null) context.Output.WriteLine($"no problems; no annotated copy written ({annotated} was left as it was).");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The annotated copy of <c>check --annotate</c>, written whole or not at all.</summary>
internal static class AnnotatedCopy
{
    public static void Write(CommandContext context, string workbook, IReadOnlyList<Problem> problems, string path)
    {
        try
        {
            SafeFile.WriteAllBytes(path, ReportGen.Packaging.WorkbookAnnotator.Annotate(workbook, problems));
        }
        catch (InputException e)
        {
            // The problems are printed already; this says only why the copy is missing.
            foreach (var problem in e.Problems) context.Error.WriteLine($"no annotated copy written: {problem}");
            return;
        }
        context.Output.WriteLine($"annotated copy: {path} ({(problems.Count == 1 ? "1 problem" : $"{problems.Count} problems")} listed on its first sheet, \"{ReportGen.Packaging.WorkbookAnnotator.ProblemsSheet}\", and noted at their cells).");
    }
}
