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
        Assert.All(Glossary.Entries, e => Assert.True(e.En.Length > 0 && e.Zh.Length > 0, e.Name));
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
    public void Docs_names_md_is_what_the_glossary_writes() =>
        Assert.True(File.ReadAllText(Repo.Path("docs", "names.md")) == Glossary.Markdown(),
            "docs/names.md is out of date: run  dotnet run --project src/ReportGen.Cli -- names --markdown > docs/names.md");

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
