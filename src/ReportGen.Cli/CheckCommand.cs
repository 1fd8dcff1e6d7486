using ReportGen.Build;
using System.CommandLine;

namespace ReportGen.Cli;

internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The reporting-cycle workbook (.xlsx)" };
        var lang = new Option<string?>("--lang") { Description = "Languages whose texts must be present (default: zh,en)" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder (with en/ and zh/); default ./templates, else the ones shipped with reportgen" };
        var format = BuildCommand.FormatOption();
        var (fontLatin, fontSong, fontHei) = BuildCommand.FontOptions();
        var command = new Command("check", "Validate the workbook and the templates it names as build would, in one pass; print every problem with its place")
        {
            workbook, lang, templates, format, fontLatin, fontSong, fontHei,
        };
        command.SetAction(parse =>
        {
            var languages = CommandContext.ParseLanguages(parse.GetValue(lang));
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
                return ExitCodes.InputProblems;
            }
            context.Output.WriteLine($"{Path.GetFileName(options.Workbook)}: no problems " +
                $"({cycle!.Projects.Count} projects, {cycle.Outcomes.Count} outcomes, {cycle.Indicators.Count} indicators, " +
                $"{cycle.Documents.Count} documents; templates checked in {string.Join(", ", languages)}; " +
                (Validation.NeedsFonts(options) ? "every character in the PDF fonts)." : "fonts not checked, no PDF in --format)."));
            return ExitCodes.Success;
        });
        return command;
    }
}
