using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportGen.Audit;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// The audit and review tools on a French build (issue 27): diff of two builds and its Word redline,
/// explain of a French number, verify, the review page with English beside French; and the rule
/// that marks a run of another script with its language, for French and Chinese alike.
/// </summary>
public sealed class EveryToolInEveryLanguageTests(EveryToolInEveryLanguageTests.Builds builds) : IClassFixture<EveryToolInEveryLanguageTests.Builds>
{
    /// <summary>The sample and the sample with PRC21-001 no longer serving outcome 4.1 (41 % → 39 %), in English and French, each beside its workbook.</summary>
    public sealed class Builds : IDisposable
    {
        private readonly TempDir _dir = new();

        public Builds()
        {
            Directory.CreateDirectory(_dir.File("a"));
            System.IO.File.Copy(Repo.Seed, _dir.File("a/unhabitat-2020-2021.xlsx"));
            A = BuildFolder.Make(_dir, _dir.File("a/unhabitat-2020-2021.xlsx"), "a/build", "--lang", "en,fr", "--format", "docx,pdf");
            Directory.CreateDirectory(_dir.File("b"));
            System.IO.File.Move(ChangedSample.Write(_dir), _dir.File("b/changed.xlsx"));
            B = BuildFolder.Make(_dir, _dir.File("b/changed.xlsx"), "b/build", "--lang", "en,fr", "--format", "docx,pdf");
        }

        public string A { get; }
        public string B { get; }
        public string File(string name) => _dir.File(name);
        public void Dispose() => _dir.Dispose();
    }

    private const char Narrow = '\u202F';

    [Fact]
    public void Diff_of_two_french_builds_names_the_french_changes_and_sets_them_beside_the_english()
    {
        string page = builds.File("diff.html");
        var (code, output, error) = CliTests.Run("diff", builds.A, builds.B, "--html", page);
        Assert.True(code == 1, output + error);
        Assert.Contains("portfolio-analysis.fr.docx", output);
        var html = XDocument.Load(page);
        XNamespace x = "http://www.w3.org/1999/xhtml";
        // Each language's column is marked with its own tag: no French cell taken for Chinese.
        var cells = html.Descendants(x + "td").Where(td => td.Attribute("lang") is not null).ToList();
        Assert.Contains(cells, td => (string)td.Attribute("lang")! == "fr" && td.Descendants(x + "del").Any(d => d.Value.Contains("41")) && td.Descendants(x + "ins").Any(i => i.Value.Contains("39")));
        Assert.Contains(cells, td => (string)td.Attribute("lang")! == "en");
        Assert.DoesNotContain(cells, td => (string)td.Attribute("lang")! is "zh" or "zh-CN");
        var heading = html.Descendants(x + "th").Select(th => th.Value).ToList();
        Assert.Contains("portfolio-analysis.en.docx", heading);
        Assert.Contains("portfolio-analysis.fr.docx", heading);
    }

    [Fact]
    public void The_french_redline_is_b_accepted_its_revisions_in_french()
    {
        string redlines = builds.File("redlines");
        var (code, _, error) = CliTests.Run("diff", builds.A, builds.B, "--docx", redlines);
        Assert.True(code == 1, error);
        string redline = Path.Combine(redlines, "portfolio-analysis.fr.redline.docx");
        using var doc = WordprocessingDocument.Open(redline, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var insertions = body.Descendants<InsertedRun>().ToList();
        Assert.Contains(insertions, i => i.InnerText.Contains("39"));
        Assert.Contains(body.Descendants<DeletedRun>(), d => d.InnerText.Contains("41"));
        // A revision's run is in French: it says so as the French document's runs do, or (a paragraph's
        // number written out) takes the document's default, which is French.
        var defaults = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.Descendants<Languages>().Single();
        Assert.Equal("fr-FR", defaults.Val?.Value);
        var revised = insertions.SelectMany(i => i.Descendants<Run>()).Where(r => r.InnerText.Any(char.IsLetterOrDigit)).ToList();
        Assert.Contains(revised, r => r.RunProperties?.GetFirstChild<Languages>()?.Val?.Value == "fr-FR");
        foreach (var run in revised)
            Assert.True(run.RunProperties?.GetFirstChild<Languages>()?.Val?.Value is null or "fr-FR", run.Parent!.OuterXml);
    }

    [Fact]
    public void Explain_finds_a_french_number_typed_with_ordinary_spaces_and_with_its_own()
    {
        foreach (string typed in new[] { "41 %", $"41{Narrow}%" })
        {
            var (code, output, error) = CliTests.Run("explain", builds.A, typed);
            Assert.True(code == 0, error);
            Assert.Contains("in portfolio-analysis (fr), paragraph 8:", output);
            Assert.Contains("portfolio.years[1].all_domains_share", output);
        }
        var (_, money, _) = CliTests.Run("explain", builds.A, "64 millions de dollars");
        Assert.Contains("flagships[3].portfolio_usd = 64000000", money);
        Assert.Contains("(fr)", money);
    }

    [Fact]
    public void Verify_confirms_a_build_with_french()
    {
        var (code, output, error) = CliTests.Run("verify", builds.A);
        Assert.True(code == 0, output + error);
        Assert.Contains("byte-identical", output);
    }

    [Fact]
    public void Review_with_lang_fr_sets_the_english_beside_the_french_row_by_row_and_numbers_in_french()
    {
        string page = builds.File("review-fr.html");
        var (code, output, error) = CliTests.Run("review", Repo.Seed, "--lang", "fr", "--out", page, "--templates", Repo.Path("templates"));
        Assert.True(code == 0, output + error);
        Assert.Contains("English and French side by side", output);
        string html = File.ReadAllText(page);
        var cells = Regex.Matches(html, "<div class=\"cell\" lang=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(cells.Count / 2, cells.Count(c => c == "en"));
        Assert.Equal(cells.Count / 2, cells.Count(c => c == "fr"));
        // The French column's charts: axis ticks as the French PDF prints them.
        Assert.Contains($">40{Narrow}%</text>", html);
        Assert.Contains(">40%</text>", html);
        // An unknown language is a usage error naming the languages.
        var (unknown, _, message) = CliTests.Run("review", Repo.Seed, "--lang", "de", "--out", builds.File("x.html"));
        Assert.Equal(2, unknown);
        Assert.Contains("languages: en, zh, fr", message);
    }

    [Fact]
    public void A_run_of_another_script_is_marked_with_the_language_its_profile_names()
    {
        Assert.Equal([("le Programme ", null), ("人居署", "zh-CN"), (" (ONU-Habitat) en 2021", null)],
            ForeignRuns.Split("le Programme 人居署 (ONU-Habitat) en 2021", LanguageProfiles.French));
        Assert.Equal([("应对 ", null), ("COVID-19", "en"), (" 的项目（", null), ("UN-Habitat", "en"), ("）", null)],
            ForeignRuns.Split("应对 COVID-19 的项目（UN-Habitat）", LanguageProfiles.Chinese));
        Assert.Equal([("41 %", null)], ForeignRuns.Split("41 %", LanguageProfiles.French));
        Assert.Equal("zh-CN", ForeignRuns.TagOf("人居署", LanguageProfiles.French));
        Assert.Null(ForeignRuns.TagOf("2021", LanguageProfiles.French));
        Assert.Equal("en", ForeignRuns.TagOf("COVID-19", LanguageProfiles.Chinese));
    }

    [Fact]
    public void The_review_page_marks_english_words_where_latin_is_foreign_and_nothing_in_french_ones()
    {
        string html = Encoding.UTF8.GetString(ReportGen.Build.ReviewPage.Build(Repo.Seed, Repo.Path("templates"), "portfolio-analysis").Page);
        var spans = Regex.Matches(html, "<div class=\"cell\" lang=\"([^\"]+)\"[^>]*>(.*?)</div>", RegexOptions.Singleline)
            .SelectMany(m => Regex.Matches(m.Groups[2].Value, "<span lang=\"([^\"]+)\">([^<]*)</span>").Select(s => (Cell: m.Groups[1].Value, Lang: s.Groups[1].Value, Text: s.Groups[2].Value)))
            .ToList();
        Assert.Contains(("zh-CN", "en", "COVID-19"), spans);
        // A span only where the cell's language names Latin runs as foreign (Chinese, Russian, Arabic: English);
        // French and Spanish cells, written in Latin letters themselves, have none.
        var latinIsForeign = LanguageProfiles.All
            .Where(p => p.Tags.ForeignRuns.Any(f => f.Script == WritingScript.Latin))
            .ToDictionary(p => p.Tags.Tag, p => p.Tags.ForeignRuns.First(f => f.Script == WritingScript.Latin).Tag);
        Assert.DoesNotContain(spans, s => s.Cell is "fr" or "es");
        Assert.All(spans, s => Assert.Equal(latinIsForeign.GetValueOrDefault(s.Cell), s.Lang));
    }
}
