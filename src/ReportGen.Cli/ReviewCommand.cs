using ReportGen.Build;
using System.CommandLine;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen review WORKBOOK</c>: the documents' English and Chinese side by side in one HTML
/// page, for translators; <c>--watch</c> serves it and rebuilds it on every save.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The reporting-cycle workbook (.xlsx)" };
        var doc = new Option<string?>("--doc") { Description = "Review only this document (a doc_id of the Documents sheet)" };
        var output = new Option<string>("--out") { Description = "The page to write", DefaultValueFactory = _ => "review.html" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder (with en/ and zh/); default ./templates, else the ones shipped with reportgen" };
        var watch = new Option<bool>("--watch") { Description = "Serve the page on 127.0.0.1 and rebuild it when a template or the workbook is saved; the open page reloads itself (Ctrl+C stops)" };
        var lang = new Option<string?>("--lang") { Description = "The editions to set beside the English: fr, or zh,fr (default: every language the workbook has columns for)" };
        var command = new Command("review", "Write one HTML page with each document's English and Chinese side by side, paragraph by paragraph, figures and differences marked")
        {
            workbook, doc, output, templates, watch, lang,
        };
        command.SetAction(parse =>
        {
            string book = parse.GetValue(workbook)!;
            string folder = CommandContext.TemplatesFolder(parse.GetValue(templates));
            context.Output.WriteLine(UsedFiles.Templates(folder, parse.GetValue(templates)));
            context.Output.WriteLine(UsedFiles.ReviewFonts);
            IReadOnlyList<string>? languages = parse.GetValue(lang) is { } asked ? CommandContext.ParseLanguages(asked, book) : null;
            if (parse.GetValue(watch)) return Watch(context, book, folder, parse.GetValue(doc), languages);

            string file = parse.GetValue(output)!;
            if (SafeFile.Same(file, book))
                throw new InputException(new Problem(file, "--out names the workbook; name the page to write, such as review.html"));
            if (SafeFile.Within(file, folder))
                throw new InputException(new Problem(file, "--out lies inside the templates folder; write the page elsewhere"));
            var result = ReviewPage.Build(book, folder, parse.GetValue(doc), languages: languages);
            string full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string temporary = full + ".tmp";
            File.WriteAllBytes(temporary, result.Page);
            File.Move(temporary, full, overwrite: true);
            context.Output.WriteLine($"wrote {full} ({string.Join(", ", result.Documents)}; {Sides(result.Languages)} side by side)");
            if (result.Differences.Count == 0) return ExitCodes.Success;
            foreach (var p in result.Differences) context.Output.WriteLine($"{p.Place}: {p.Message}");
            context.Output.WriteLine(result.Differences.Count == 1 ? "1 difference between the languages, marked on the page."
                : $"{result.Differences.Count} differences between the languages, marked on the page.");
            return ExitCodes.InputProblems;
        });
        return command;
    }

    /// <summary>"English and Chinese", "English, Chinese and French": the editions on the page.</summary>
    private static string Sides(IReadOnlyList<string> languages)
    {
        var names = languages.Select(l => Typesetting.LanguageProfiles.For(l).Name).ToList();
        return names.Count < 2 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    private static int Watch(CommandContext context, string workbook, string templates, string? doc, IReadOnlyList<string>? languages)
    {
        using var stop = new ManualResetEventSlim();
        // Ctrl+C (SIGINT) and SIGTERM stop the server cleanly.
        void Stop(System.Runtime.InteropServices.PosixSignalContext signal) { signal.Cancel = true; stop.Set(); }
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        using (var server = new ReviewServer(workbook, templates, doc, context.Output, languages))
        {
            server.Start();
            context.Output.WriteLine($"serving the review page at {server.Url} (rebuilt when a template or the workbook is saved; Ctrl+C stops)");
            stop.Wait();
        }
        context.Output.WriteLine("stopped.");
        return ExitCodes.Success;
    }
}
