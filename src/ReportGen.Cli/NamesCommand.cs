using System.CommandLine;
using ReportGen.Analysis;
using ReportGen.Templating;
using ReportGen.Workbook;

namespace ReportGen.Cli;

/// <summary><c>reportgen names</c>: the catalogue of names a template can use, with meanings, and with a workbook their values.</summary>
internal static class NamesCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string?>("WORKBOOK") { Description = "A workbook, to show each name's value", Arity = ArgumentArity.ZeroOrOne };
        var lang = new Option<string?>("--lang") { Description = "The language of the meanings (en or zh; default en)" };
        var doc = new Option<string?>("--doc") { Description = "With a workbook: the document whose values and words to show (default: the first of the Documents sheet)" };
        var markdown = new Option<bool>("--markdown") { Description = "Write the catalogue as Markdown (docs/names.md)" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder, for the words of the document's front matter" };
        var command = new Command("names", "List every figure, finding, helper and chart a template can use, with its meaning (and value, given a workbook)")
        {
            workbook, lang, doc, markdown, templates,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown)) { context.Output.Write(Glossary.Markdown()); return ExitCodes.Success; }
            string language = parse.GetValue(lang) ?? "en";
            if (language is not ("en" or "zh")) throw new UsageException($"--lang is en or zh, not '{language}'");
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var words = new List<string>();
            if (parse.GetValue(workbook) is { } path)
            {
                var cycle = CycleReader.ReadValid(path, [language]);
                var figures = FigureCalculator.Compute(cycle);
                var spec = parse.GetValue(doc) is { } id
                    ? cycle.Documents.FirstOrDefault(d => d.DocId == id) ?? throw new UsageException($"no document '{id}' in the Documents sheet (documents: {string.Join(", ", cycle.Documents.Select(d => d.DocId))})")
                    : cycle.Documents[0];
                foreach (var (name, value) in Glossary.NamesOf(TemplateContext.Build(cycle, figures, spec, language))) values[name] = value;
                string file = new DocumentComposer(CommandContext.TemplatesFolder(parse.GetValue(templates))).TemplatePath(language, spec.Template);
                if (File.Exists(file))
                    words.AddRange(TemplateSource.Parse(file, File.ReadAllText(file), []).FrontMatter.Select(e => e.Key));
            }
            foreach (var group in Glossary.Entries.GroupBy(e => e.Kind))
            {
                context.Output.WriteLine(group.Key switch { "figure" => "Figures", "finding" => "Findings", "shortcut" => "Shortcuts", "helper" => "Helpers", _ => "Charts" } + ":");
                foreach (var e in group)
                {
                    string value = values.TryGetValue(e.Name, out var v) && v is not null ? $"  = {v}" : "";
                    context.Output.WriteLine($"  {e.Name}  ({e.Type})  {e.Meaning(language)}{value}");
                }
            }
            if (words.Count > 0)
            {
                context.Output.WriteLine(language == "zh" ? "前言用语 (words.…):" : "Words of the front matter (words.…):");
                foreach (string w in words) context.Output.WriteLine($"  words.{w}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
