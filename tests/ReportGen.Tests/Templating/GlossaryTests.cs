using ReportGen.Charts;
using System.Text.RegularExpressions;
using ReportGen.Analysis;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>The catalogue of names (reportgen names, docs/names.md) explains every name a template can use and the shipped templates do use.</summary>
public partial class GlossaryTests
{
    [Fact]
    public void Every_name_of_the_template_context_has_a_meaning_in_both_languages()
    {
        // The sample, and a generated cycle with targets, ties and three review years, so that every kind of value is present.
        var workbooks = new[] { Repo.Seed, GeneratedWorkbook("three-years-integration-falling-2022") };
        foreach (string path in workbooks)
        {
            var cycle = CycleReader.ReadValid(path);
            var context = TemplateContext.Build(cycle, FigureCalculator.Compute(cycle), cycle.Documents[0], "en");
            var missing = Glossary.NamesOf(context).Select(n => n.Name).Where(n => !n.StartsWith("words", StringComparison.Ordinal) && Glossary.Find(n) is null).ToList();
            Assert.Empty(missing);
        }
        Assert.All(Glossary.Entries, e => Assert.True(e.En.Length > 0 && e.Zh.Length > 0, e.Name)); // the other languages: Every_name_has_its_meaning_in_every_language_with_templates
        Assert.Equal(Glossary.Entries.Count, Glossary.Entries.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void Every_type_reads_in_chinese_unless_a_template_writes_it_so()
    {
        var untranslated = Glossary.Entries.Select(e => e.Type).Distinct()
            .Where(t => !Glossary.IsLiteralType(t) && Regex.IsMatch(Glossary.TypeIn(t, "zh").Replace("helper", "").Replace("profile", "").Replace("outcome_trend", "")
                .Replace("domain_trend", "").Replace("integration", ""), "[A-Za-z]{2,}")).ToList();
        Assert.Empty(untranslated);
        Assert.Equal("比例或空", Glossary.TypeIn("share or null", "zh"));
        Assert.Equal("share or null", Glossary.TypeIn("share or null", "en"));
        Assert.Equal("列表（辅助函数：profile）", Glossary.TypeIn("list (helper: profile)", "zh"));
    }

    [Fact]
    public void Every_helper_and_chart_is_in_the_catalogue()
    {
        Assert.All(Helpers.Names, h => Assert.Equal("helper", Glossary.Find(h)?.Kind));
        Assert.All(ChartCatalog.Names, c => Assert.Equal("chart", Glossary.Find($"chart \"{c}\"")?.Kind));
    }

    [Fact]
    public void Docs_names_md_is_what_the_glossary_writes()
    {
        Assert.True(File.ReadAllText(Repo.Path("docs", "names.md")) == Glossary.Markdown(),
            "docs/names.md is out of date: run  dotnet run --project src/ReportGen.Cli -- names --markdown > docs/names.md");
        // One page per language whose meanings are all in its file, and no page for a language without one.
        foreach (string language in GlossaryMeanings.Translated)
            Assert.True(File.ReadAllText(Repo.Path("docs", "names", language + ".md")) == Glossary.Markdown(language),
                $"docs/names/{language}.md is out of date: run  dotnet run --project src/ReportGen.Cli -- names --markdown --lang {language} > docs/names/{language}.md");
        Assert.Equal(GlossaryMeanings.Translated.Select(l => l + ".md").Order(StringComparer.Ordinal),
            Directory.GetFiles(Repo.Path("docs", "names")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
    }

    /// <summary>The languages that have templates: each must explain every name in its own words.</summary>
    public static TheoryData<string> LanguagesWithTemplates() =>
        [.. ReportGen.Typesetting.LanguageProfiles.All.Select(p => p.Code).Where(code => Directory.Exists(Repo.Path("templates", code)))];

    [Theory]
    [MemberData(nameof(LanguagesWithTemplates))]
    public void Every_name_has_its_meaning_in_every_language_with_templates(string language)
    {
        // A figure or finding added without its line in this language's file fails here, by name; so does a line for a name the glossary lacks.
        Assert.Contains(language, GlossaryMeanings.Languages);
        Assert.Empty(GlossaryMeanings.Missing(language));
        Assert.Empty(GlossaryMeanings.Unknown(language));
        Assert.All(Glossary.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Meaning(language)), e.Name));
        Assert.All(Glossary.Entries.Select(e => e.Type).Distinct().Where(t => !Glossary.IsLiteralType(t)),
            t => Assert.False(string.IsNullOrWhiteSpace(Glossary.TypeIn(t, language)), t));
    }

    [Fact]
    public void English_and_chinese_meanings_are_those_written_beside_each_name()
    {
        Assert.All(Glossary.Entries, e => Assert.Equal(e.En, e.Meaning("en")));
        Assert.All(Glossary.Entries, e => Assert.Equal(e.Zh, e.Meaning("zh")));
        Assert.Equal(["en", "zh", "fr", "es", "ru", "ar"], GlossaryMeanings.Languages);
        Assert.Equal(["fr", "es", "ru", "ar"], GlossaryMeanings.Translated);
    }

    [Fact]
    public void A_trends_parts_and_a_shortcuts_fields_read_their_meanings_in_each_language()
    {
        const string NoBreak = "\u00A0", Narrow = "\u202F";
        // A trend's part is its language's frame around the trend's own meaning.
        Assert.Equal($"la dernière étape (dernière année par rapport à la précédente{Narrow}; nul s’il n’y a qu’une année){NoBreak}: projets examinés, au fil des années d’examen",
            Glossary.Find("findings.trends.projects.latest")!.Meaning("fr"));
        Assert.Equal("la première année de l’étape (une étape)", Glossary.Find("findings.trends.covid_share.steps[].from_year")!.Meaning("fr"));
        Assert.Equal("the step's first year (one step)", Glossary.Find("findings.trends.covid_share.steps[].from_year")!.Meaning("en"));
        Assert.Equal("该步的起始年份", Glossary.Find("findings.trends.covid_share.steps[].from_year")!.Meaning("zh"));
        // A shortcut that holds a figure's object reads the figure's meaning.
        foreach (string language in GlossaryMeanings.Languages)
            Assert.Equal(Glossary.Find("portfolio.years[].projects")!.Meaning(language), Glossary.Find("review.last.projects")!.Meaning(language));
    }

    [Fact]
    public void A_meanings_file_is_read_as_written_and_its_mistakes_are_errors_at_their_line()
    {
        var read = GlossaryMeanings.Parse("m.tsv", "# a comment\n\nname\tits meaning\r\n@value.separator\t\\u202F;\\u0020\n");
        Assert.Equal("its meaning", read["name"]);
        Assert.Equal("\u202F; ", read["@value.separator"]);
        Assert.Equal(2, read.Count);
        Assert.StartsWith("m.tsv:3:1: 'a' is given twice", Assert.Throws<FormatException>(() => GlossaryMeanings.Parse("m.tsv", "a\tb\n\na\tc")).Message);
        Assert.StartsWith("m.tsv:1:1: a line is a name, a tab and its meaning; this one has no tab", Assert.Throws<FormatException>(() => GlossaryMeanings.Parse("m.tsv", "a meaning")).Message);
        Assert.StartsWith("m.tsv:2:3: 'a' has no meaning", Assert.Throws<FormatException>(() => GlossaryMeanings.Parse("m.tsv", "# x\na\t ")).Message);
    }

    [Fact]
    public void Every_name_the_shipped_templates_use_is_in_the_catalogue()
    {
        var names = Glossary.Entries.Select(e => e.Name).ToList();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Repo.Path("templates"), "*.hbs", SearchOption.AllDirectories))
            foreach (Match m in Mustache().Matches(File.ReadAllText(file)))
            {
                // Drop quoted strings and hash keys; what is left are helpers and paths.
                string inner = Regex.Replace(m.Groups[1].Value, "\"[^\"]*\"", " ");
                inner = Regex.Replace(inner, @"\b[a-z_]+=", " ");
                foreach (Match t in Token().Matches(inner))
                {
                    string token = t.Value.Replace("@root.", "").TrimStart('#', '/', '^');
                    while (token.StartsWith("../", StringComparison.Ordinal)) token = token[3..];
                    if (token.StartsWith("this.", StringComparison.Ordinal)) token = token[5..];
                    if (token is "" or "this" or "else" or "if" or "each" or "with" or "unless" or "true" or "false" || token.StartsWith('@') || token.StartsWith("words.", StringComparison.Ordinal)
                        || double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _)) continue;
                    // A name relative to a {{#with}} or {{#each}} is the end of a catalogued path.
                    bool known = names.Any(n => n == token || n.EndsWith("." + token, StringComparison.Ordinal) || n.EndsWith("[]." + token, StringComparison.Ordinal));
                    if (!known) unknown.Add($"{Path.GetFileName(file)}: {token}");
                }
            }
        Assert.Empty(unknown);
    }

    private static string GeneratedWorkbook(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "reportgen-glossary");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name + ".xlsx");
        CycleGenerator.Write(CycleGenerator.Scenarios.Single(s => s.Name == name), path);
        return path;
    }

    [GeneratedRegex(@"\{\{~?([^{}]*?)~?\}\}")]
    private static partial Regex Mustache();

    [GeneratedRegex(@"[#/^]?[@A-Za-z_.][\w.@/]*")]
    private static partial Regex Token();
}
