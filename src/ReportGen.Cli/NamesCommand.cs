using System.CommandLine;
using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Templating;
using ReportGen.Workbook;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen names</c>: the catalogue of names a template can use, with meanings, and with a
/// workbook their values as the documents print them; all of it in the language of <c>--lang</c>.
/// </summary>
internal static class NamesCommand
{
    // What this command prints around the glossary's words, in each language.
    private static readonly LocalizedText Legend = new("name  (type)  meaning", "名称  （类型）  含义");
    private static readonly LocalizedText ValueLegend = new("  = its value, as the documents print it", "  = 其值（按文件印出的形式）");
    private static readonly LocalizedText Line = new("  {0}  ({1})  {2}", "  {0}  （{1}）  {2}");
    private static readonly LocalizedText Heading = new("{0}:", "{0}：");
    private static readonly LocalizedText WordsHeading = new("Words of the front matter (words.…):", "前言用语（words.…）：");

    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string?>("WORKBOOK") { Description = "A workbook, to show each name's value as the documents print it", Arity = ArgumentArity.ZeroOrOne };
        var lang = new Option<string?>("--lang") { Description = "The language of the catalogue and of the values (en or zh; default en)" };
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
            if (!Languages.All.Contains(language)) throw new UsageException($"--lang is {string.Join(" or ", Languages.All)}, not '{language}'");
            var values = new Dictionary<string, IReadOnlyList<object?>>(StringComparer.Ordinal);
            var words = new List<string>();
            if (parse.GetValue(workbook) is { } path)
            {
                var cycle = CycleReader.ReadValid(path, [language]);
                var figures = FigureCalculator.Compute(cycle);
                var spec = parse.GetValue(doc) is { } id
                    ? cycle.Documents.FirstOrDefault(d => d.DocId == id) ?? throw new UsageException($"no document '{id}' in the Documents sheet (documents: {string.Join(", ", cycle.Documents.Select(d => d.DocId))})")
                    : cycle.Documents[0];
                foreach (var (name, found) in Glossary.NamesOf(TemplateContext.Build(cycle, figures, spec, language))) values[name] = found;
                string file = new DocumentComposer(CommandContext.TemplatesFolder(parse.GetValue(templates))).TemplatePath(language, spec.Template);
                if (File.Exists(file))
                    words.AddRange(TemplateSource.Parse(file, File.ReadAllText(file), []).FrontMatter.Select(e => e.Key));
            }
            var format = Formatter.For(language);
            context.Output.WriteLine(Legend.OrEnglish(language) + (values.Count > 0 ? ValueLegend.OrEnglish(language) : ""));
            foreach (var group in Glossary.Entries.GroupBy(e => e.Kind))
            {
                context.Output.WriteLine(string.Format(Heading.OrEnglish(language)!, Glossary.KindHeading(group.Key, language)));
                foreach (var e in group)
                {
                    string shown = values.TryGetValue(e.Name, out var found) && Glossary.ShowAll(found, e.Type, format) is { } text ? $"  = {text}" : "";
                    context.Output.WriteLine(string.Format(Line.OrEnglish(language)!, e.Name, Glossary.TypeIn(e.Type, language), e.Meaning(language)) + shown);
                }
            }
            if (words.Count > 0)
            {
                context.Output.WriteLine(WordsHeading.OrEnglish(language));
                foreach (string w in words) context.Output.WriteLine($"  words.{w}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
