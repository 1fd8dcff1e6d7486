using ReportGen.Build;
using System.CommandLine;
using ReportGen.Rendering.Pdf.Fonts;
using Spectre.Console;

namespace ReportGen.Cli;

internal static class BuildCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The reporting-cycle workbook (.xlsx)" };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "output" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder (with en/ and zh/); default ./templates, else the ones shipped with reportgen" };
        var lang = new Option<string?>("--lang") { Description = "Languages to build: zh,en (default: the Settings sheet's languages row, else both)" };
        var format = FormatOption();
        var doc = new Option<string?>("--doc") { Description = "Build only this document (a doc_id of the Documents sheet)" };
        var (fontLatin, fontSong, fontHei) = FontOptions();
        var command = new Command("build", "Render every document of the Documents sheet in every language and format asked for")
        {
            workbook, output, templates, lang, format, doc, fontLatin, fontSong, fontHei,
        };
        command.SetAction(parse =>
        {
            // An empty --out (a shell variable unset, say) is a wrong command line, not a folder to resolve.
            if (string.IsNullOrWhiteSpace(parse.GetValue(output)))
                throw new UsageException("--out is empty; name the output folder, such as --out output");
            var options = new BuildOptions(parse.GetValue(workbook)!, parse.GetValue(output)!, CommandContext.TemplatesFolder(parse.GetValue(templates)),
                CommandContext.ParseLanguages(parse.GetValue(lang), parse.GetValue(workbook)!), ParseFormats(parse.GetValue(format)), parse.GetValue(doc),
                new FontChoice(parse.GetValue(fontLatin), parse.GetValue(fontSong), parse.GetValue(fontHei)));
            RefuseInputsAsOutput(options);
            OutputFolder.Recover(options.OutputFolder); // what a killed run left behind
            var clock = System.Diagnostics.Stopwatch.StartNew();
            List<BuildOutput> outputs;
            var pages = new Dictionary<string, int>(); // the page count of each PDF, as the writers report it
            void Count(string name, int? count)
            {
                if (count is int p) pages[name] = p;
            }
            if (context.Interactive)
            {
                outputs = [];
                var console = context.Terminal;
                console.Status().Start("Reading the workbook and composing the documents…", status =>
                    outputs = BuildPipeline.Render(options,
                        name => status.Status($"Rendering {name}…"),
                        (name, count) =>
                        {
                            Count(name, count);
                            console.MarkupLine($"  [green]✓[/] {Markup.Escape(name)}" + (count is int p ? $" [grey]({p} pages)[/]" : ""));
                        }));
            }
            else outputs = BuildPipeline.Render(options, rendered: Count);
            BuildPipeline.Publish(options.OutputFolder, outputs);
            context.Output.WriteLine(UsedFiles.Templates(options.TemplatesFolder, parse.GetValue(templates)) + (Validation.NeedsFonts(options) ? Environment.NewLine + UsedFiles.PdfFonts(FontSet.Load(options.Fonts), options.Fonts) : "")); // loaded by the build: no second load
            PrintReport(context, options.OutputFolder, outputs, pages, clock.Elapsed);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--format, which check takes too: the fonts are checked when a PDF is made.</summary>
    internal static Option<string?> FormatOption() => new("--format")
    {
        Description = $"Formats to build, comma-separated, of {string.Join(", ", DocumentWriters.Names)} (default {string.Join(",", DocumentWriters.Defaults)}; txt is the plain text, for review and diffs)",
    };

    /// <summary>The PDF's fonts, which check takes too, to vouch for the fonts the build will use.</summary>
    internal static (Option<string?> Latin, Option<string?> Song, Option<string?> Hei) FontOptions() => (
        new("--font-latin") { Description = "Latin font for PDFs: a .ttf/.ttc file (file.ttc#N for face N) or a family name (default: bundled Liberation Serif)" },
        new("--font-song") { Description = "Chinese body font for PDFs, Song style, e.g. C:/Windows/Fonts/simsun.ttc#0 (default: bundled AR PL SungtiL GB, AR PL UMing for what it lacks)" },
        new("--font-hei") { Description = "Chinese heading font for PDFs, Hei style, e.g. simhei.ttf (default: bundled WenQuanYi Micro Hei)" });

    /// <summary>The output folder replaces what it names: it may not be an input, hold the templates, or lie inside them.</summary>
    private static void RefuseInputsAsOutput(BuildOptions options)
    {
        string output = options.OutputFolder;
        var inputs = new List<(string Path, string What)> { (options.Workbook, "the workbook") };
        if (options.Fonts is { } f)
            foreach (string? font in new[] { f.Latin, f.Song, f.Hei })
                if (font is not null) inputs.Add((font.Split('#')[0], "a font file"));
        foreach (var (path, what) in inputs.Skip(1))
            if ((File.Exists(path) || new FileInfo(path).LinkTarget is not null) && IO.FileSystem.KindOf(path) is var kind && kind != IO.FileKind.Regular)
                throw new InputException(new Problem(path, $"{IO.FileSystem.Describe(kind)}; a font must be a .ttf or .ttc file"));
        foreach (var (path, what) in inputs)
            if (SafeFile.Same(output, path))
                throw new InputException(new Problem(output, $"--out names {what}; a build replaces its output folder, so it must be another folder"));
        if (SafeFile.Within(Environment.CurrentDirectory, output))
            throw new InputException(new Problem(output,
                "--out is the current folder or holds it; a build replaces its output folder, so name a folder of its own (such as output)"));
        if (SafeFile.Within(options.TemplatesFolder, output) || SafeFile.Within(output, options.TemplatesFolder))
            throw new InputException(new Problem(output,
                "--out is, holds or lies inside the templates folder; a build replaces its output folder, so it must be another folder"));
    }

    /// <summary>
    /// What the build made: on a terminal each file was listed as it was done (with its pages);
    /// redirected, one plain line per file here; then one summary line (documents, pages, time, folder).
    /// Page counts are those the writers reported (the manifest's; not read back from it: reading
    /// JSON costs a cold build the JIT compilation of the serializer's generic code: see docs/benchmarks.md#generic-code-and-the-cold-start).
    /// </summary>
    private static void PrintReport(CommandContext context, string folder, List<BuildOutput> outputs, Dictionary<string, int> pages, TimeSpan elapsed)
    {
        // A document is <doc>.<lang>, in however many formats: its files are those with a format's extension.
        var documents = outputs.Select(o => o.FileName).Where(f => DocumentWriters.All.Any(w => w.Extension == Path.GetExtension(f)))
            .Select(Path.GetFileNameWithoutExtension).Distinct().Count();
        if (!context.Interactive) // on a terminal, each file was listed as it was done
            foreach (var o in outputs)
                context.Output.WriteLine($"wrote {Path.Combine(folder, o.FileName)}" + (pages.TryGetValue(o.FileName, out int p) ? $" ({p} pages)" : ""));
        int totalPages = pages.Values.Sum();
        context.Output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Built {documents} document{(documents == 1 ? "" : "s")} ({outputs.Count} files{(pages.Count > 0 ? $", {totalPages} PDF pages" : "")}) in {elapsed.TotalSeconds:0.00} s into {Path.GetFullPath(folder)}"));
    }

    internal static IReadOnlyList<string> ParseFormats(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DocumentWriters.Defaults;
        var asked = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant());
        return [.. DocumentWriters.For(asked).Select(w => w.Name)]; // an unknown format: exit 2 (CliApp), with the list of formats
    }
}
