using ReportGen.Build;
using System.CommandLine;
using ReportGen.Workbook;

namespace ReportGen.Cli;

internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The reporting-cycle workbook (.xlsx)" };
        var lang = new Option<string?>("--lang") { Description = "Languages whose texts must be present (default: the Settings sheet's languages row, else zh,en)" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder (with en/ and zh/); default ./templates, else the ones shipped with reportgen" };
        var format = BuildCommand.FormatOption();
        var (fontLatin, fontSong, fontHei) = BuildCommand.FontOptions();
        var annotate = new Option<string?>("--annotate") { Description = "Also write a copy of the workbook with each problem as a note on its cell and a first sheet listing them (OUT.xlsx)" };
        var command = new Command("check", "Validate the workbook and the templates it names as build would, in one pass; print every problem with its place")
        {
            workbook, lang, templates, format, fontLatin, fontSong, fontHei, annotate,
        };
        command.SetAction(parse =>
        {
            var languages = CommandContext.ParseLanguages(parse.GetValue(lang), parse.GetValue(workbook)!);
            string? annotated = parse.GetValue(annotate);
            if (annotated is not null && (annotated.Length == 0 || SafeFile.Same(annotated, parse.GetValue(workbook)!)))
                throw new UsageException(annotated.Length == 0 ? "--annotate: name the file to write the annotated copy to"
                    : $"--annotate {annotated}: that is the workbook itself; write the annotated copy to another file");
            // The build's own validation, for the build these options name (the output folder aside).
            var options = new BuildOptions(parse.GetValue(workbook)!, "", CommandContext.TemplatesFolder(parse.GetValue(templates)), languages,
                BuildCommand.ParseFormats(parse.GetValue(format)), null,
                new ReportGen.Rendering.Pdf.Fonts.FontChoice(parse.GetValue(fontLatin), parse.GetValue(fontSong), parse.GetValue(fontHei)));
            var problems = Validation.Problems(options, out var cycle);
            if (!problems.Contains(Validation.TemplatesNotChecked(options)))
                context.Output.WriteLine(UsedFiles.Templates(options.TemplatesFolder, parse.GetValue(templates)));
            if (problems.Count == 0 && Validation.NeedsFonts(options)) // the fonts the characters were checked against
                context.Output.WriteLine(UsedFiles.PdfFonts(ReportGen.Rendering.Pdf.Fonts.FontSet.Load(options.Fonts), options.Fonts));
            if (problems.Count > 0)
            {
                context.PrintProblems(problems, context.Error); // where build prints them
                // The annotated copy marks exactly what is printed (the note that templates wait is not a problem).
                if (annotated is not null) AnnotatedCopy.Write(context, options.Workbook, [.. problems.Where(p => !Validation.IsNote(p))], annotated);
                return ExitCodes.InputProblems;
            }
            context.Output.WriteLine($"{Path.GetFileName(options.Workbook)}: no problems " +
                $"({cycle!.Projects.Count} projects, {cycle.Outcomes.Count} outcomes, {cycle.Indicators.Count} indicators, " +
                $"{cycle.Documents.Count} documents; templates checked in {string.Join(", ", languages)}; " +
                (Validation.NeedsFonts(options) ? "every character in the PDF fonts)." : "fonts not checked, no PDF in --format)."));
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
            using (XlsxFile.Open(workbook)) { }
        }
        catch (InputException)
        {
            context.Error.WriteLine($"no annotated copy written: the workbook cannot be read, so it cannot be annotated ({path} was left as it was).");
            return;
        }
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
