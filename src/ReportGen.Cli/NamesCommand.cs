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
    // What this command prints around the glossary's words is data too: the @names.… words of each language's meanings file.
    private static string Word(string language, string key) => GlossaryMeanings.Word(language, "@names." + key);

    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string?>("WORKBOOK") { Description = "A workbook, to show each name's value as the documents print it", Arity = ArgumentArity.ZeroOrOne };
        var lang = new Option<string?>("--lang") { Description = "The language of the catalogue, of the values and, with a workbook, of its names and the templates' words (a code of --lang: en, zh, fr…; default en)" };
        var doc = new Option<string?>("--doc") { Description = "With a workbook: the document whose values and words to show (default: the first of the Documents sheet)" };
        var markdown = new Option<bool>("--markdown") { Description = "Write the catalogue as Markdown: docs/names.md (English and Chinese), or with --lang docs/names/<lang>.md" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder, for the words of the document's front matter" };
        var command = new Command("names", "List every figure, finding, helper and chart a template can use, with its meaning (and value, given a workbook)")
        {
            workbook, lang, doc, markdown, templates,
        };
        command.SetAction(parse =>
        {
            string language = parse.GetValue(lang) ?? "en";
            if (!Languages.All.Contains(language)) throw new UsageException($"--lang is {string.Join(" or ", Languages.All)}, not '{language}'");
            if (parse.GetValue(markdown)) { context.Output.Write(parse.GetValue(lang) is null ? Glossary.Markdown() : Glossary.Markdown(language)); return ExitCodes.Success; }
            var values = new Dictionary<string, IReadOnlyList<object?>>(StringComparer.Ordinal);
            var words = new List<(string Key, string Value)>();
            var names = new List<(string Code, string English, string Name)>();
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
                    words.AddRange(TemplateSource.Parse(file, File.ReadAllText(file), []).FrontMatter.Select(e => (e.Key, e.Value)));
                if (language != "en") names.AddRange(WorkbookNames(cycle, language));
            }
            var format = Formatter.For(language);
            context.Output.WriteLine(Word(language, "legend") + (values.Count > 0 ? Word(language, "value_legend") : ""));
            foreach (var group in Glossary.Entries.GroupBy(e => e.Kind))
            {
                context.Output.WriteLine(string.Format(Word(language, "heading"), Glossary.KindHeading(group.Key, language)));
                foreach (var e in group)
                {
                    string shown = values.TryGetValue(e.Name, out var found) && Glossary.ShowAll(found, e.Type, format) is { } text ? $"  = {text}" : "";
                    context.Output.WriteLine(string.Format(Word(language, "line"), e.Name, Glossary.TypeIn(e.Type, language), e.Meaning(language)) + shown);
                }
            }
            if (words.Count > 0)
            {
                context.Output.WriteLine(Word(language, "words_heading"));
                foreach (var (key, value) in words) context.Output.WriteLine($"  words.{key}  = {value}");
            }
            if (names.Count > 0)
            {
                context.Output.WriteLine(string.Format(Word(language, "names_heading"), GlossaryMeanings.File(language).GetValueOrDefault("@names.language") ?? Typesetting.LanguageProfiles.For(language).Name, language));
                foreach (var (code, english, name) in names) context.Output.WriteLine($"  {code}  {english}  = {name}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every name the workbook gives in the language's columns (title_, short_, name_), by its code, with the English.</summary>
    private static IEnumerable<(string Code, string English, string Name)> WorkbookNames(ReportingCycle cycle, string language)
    {
        IEnumerable<(string, string, string)> Of(string code, LocalizedText text) =>
            text[language] is { } name ? [(code, text["en"] ?? "", name)] : [];
        foreach (var d in cycle.Domains) foreach (var n in Of($"domain {d.Code}", d.Title)) yield return n;
        foreach (var o in cycle.Outcomes)
        {
            foreach (var n in Of($"outcome {o.Code}", o.Title)) yield return n;
            foreach (var n in Of($"outcome {o.Code} (short)", o.Short)) yield return n;
        }
        foreach (var i in cycle.Indicators) foreach (var n in Of($"indicator {i.Id}", i.Name)) yield return n;
        foreach (var r in cycle.Regions) foreach (var n in Of($"region {r.Code}", r.Name)) yield return n;
        foreach (var s in cycle.Services) foreach (var n in Of($"service {s.Id}", s.Name)) yield return n;
        foreach (var f in cycle.Flagships) foreach (var n in Of($"flagship {f.Code}", f.Name)) yield return n;
    }
}
