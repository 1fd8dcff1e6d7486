using System.Text;
using ReportGen.Build;
using ReportGen.Packaging;
using ReportGen.Sample;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>
/// Every number a reader sees is traced, words included (issue 22): counts printed as words
/// ("five flagship programmes", 四) and ordinals ("second year", 第二年) are figure occurrences of
/// trace.json, found by `explain` in either language and highlighted on the review page.
/// </summary>
public sealed class WordNumberTraceTests(WordNumberTraceTests.Builds builds) : IClassFixture<WordNumberTraceTests.Builds>
{

    /// <summary>The sample built, and the sample reporting on 2021, the second year of its plan (2020–2023).</summary>
    public sealed class Builds : IDisposable
    {
        private readonly TempDir _dir = new();

        public Builds()
        {
            Sample = Build(Repo.Seed, "sample");
            SecondYearWorkbook = _dir.File("second-year.xlsx");
            SpreadsheetWriter.Write(SecondYearWorkbook, SampleWorkbook.Sheets().Select(s => s.Name != "Settings" ? s : s with
            {
                Rows = s.Rows.Select(r => (string)r[0]! == "reporting_year" ? ["reporting_year", 2021] : r).ToList(),
            }));
            SecondYear = Build(SecondYearWorkbook, "second-year");
        }

        private string Build(string workbook, string name) => BuildFolder.Make(_dir, workbook, name, "--format", "txt", "--doc", "annual-report-summary");

        public string Sample { get; }
        public string SecondYearWorkbook { get; }
        public string SecondYear { get; }

        public void Dispose() => _dir.Dispose();
    }

    private static string Explain(string build, string text, string workbook)
    {
        var (code, output, error) = CliTests.Run("explain", build, text, "--workbook", workbook);
        Assert.True(code == 0, output + error);
        return output;
    }

    [Theory]
    [InlineData("five")]
    [InlineData("五")]
    [InlineData("5")]
    public void A_count_in_words_is_found_in_both_languages_with_its_rows(string text)
    {
        string output = Explain(builds.Sample, text, Repo.Seed);
        const string figure = "  figure   plan.flagship_count = 5\n  meaning  the number of flagship programmes (rows of the Flagships sheet)\n  data     Flagships!2–6 (5 rows)";
        Assert.Contains("\"five\" in annual-report-summary (en), paragraph 6:\n" + figure, output);
        Assert.Contains("\"五\" in annual-report-summary (zh), paragraph 6:\n" + figure, output);
    }

    [Fact]
    public void The_plans_counts_are_figures_of_figures_json_so_diff_names_a_changed_count()
    {
        // "five flagship programmes" is printed from plan.flagship_count: it is in figures.json, so a
        // build with one programme fewer lists the figure as changed, not only the paragraph.
        string json = File.ReadAllText(Path.Combine(builds.Sample, "figures.json"));
        Assert.Contains("\"plan\": {\n    \"domain_count\": 4,\n    \"outcome_count\": 12,\n    \"flagship_count\": 5\n  }", json);
        var change = Assert.Single(ReportGen.Audit.DiffReport.CompareFigures(json, json.Replace("\"flagship_count\": 5", "\"flagship_count\": 4")));
        Assert.Equal(("plan.flagship_count", "5", "4"), (change.Path, change.Old, change.New));
    }

    [Fact]
    public void Four_in_either_language_finds_the_domains_of_change()
    {
        string output = Explain(builds.Sample, "四", Repo.Seed);
        Assert.Contains("\"four\" in annual-report-summary (en), paragraph 6:\n  figure   plan.domain_count = 4\n  meaning  the number of domains of change of the strategic plan (rows of the Domains sheet)\n  data     Domains!2–5 (4 rows)", output);
        Assert.Contains("\"四\" in annual-report-summary (zh), paragraph 6:\n  figure   plan.domain_count = 4", output);
    }

    [Fact]
    public void Ten_is_read_as_the_number_it_is()
    {
        string output = Explain(builds.Sample, "ten", Repo.Seed);
        Assert.StartsWith("\"10\" in annual-report-summary (en), Annex, table 1, row 8, column Target:\n  figure   progress.indicators[12].target = 10", output);
    }

    [Theory]
    [InlineData("second")]
    [InlineData("第二")]
    [InlineData("2nd")]
    public void An_ordinal_is_found_in_both_languages(string text)
    {
        string output = Explain(builds.SecondYear, text, builds.SecondYearWorkbook);
        const string figure = "  figure   findings.plan.ordinal = 2\n  meaning  the reporting year within the plan: which year of the plan (1 = the first; use {{ordinal …}})";
        Assert.Contains("\"second\" in annual-report-summary (en), paragraph 9:\n" + figure, output);
        Assert.Contains("\"第二\" in annual-report-summary (zh), paragraph 9:\n" + figure, output);
    }

    [Fact]
    public void Trace_json_lists_the_words_with_their_figures()
    {
        var trace = ReportGen.Audit.TraceFile.FromJson(File.ReadAllText(Path.Combine(builds.SecondYear, ReportGen.Audit.TraceFile.FileName)));
        string Figures(string language, string paragraph) => string.Join("; ", trace.Documents.Single(d => d.Language == language)
            .Paragraphs.Single(p => p.Paragraph == paragraph).Figures.Select(f => $"{f.Path} = {f.Text}"));
        Assert.Equal("plan.flagship_count = five; plan.domain_count = four", Figures("en", "6"));
        Assert.Equal("plan.flagship_count = 五; plan.domain_count = 四", Figures("zh", "6"));
        Assert.Equal("findings.plan.ordinal = second", Figures("en", "9"));
        Assert.Equal("findings.plan.ordinal = 第二", Figures("zh", "9"));
    }

    [Fact]
    public void The_review_page_highlights_counts_and_ordinals_in_words()
    {
        string page = Encoding.UTF8.GetString(ReviewPage.Build(builds.SecondYearWorkbook, Repo.Path("templates"), "annual-report-summary").Page);
        Assert.Contains("<mark class=\"fig\" data-figure=\"plan.flagship_count\" data-value=\"5\" title=\"plan.flagship_count\">five</mark> flagship programmes", page);
        Assert.Contains("<mark class=\"fig\" data-figure=\"plan.domain_count\" data-value=\"4\" title=\"plan.domain_count\">四</mark>个变革领域", page);
        Assert.Contains("the <mark class=\"fig\" data-figure=\"findings.plan.ordinal\" data-value=\"2\" title=\"findings.plan.ordinal\">second</mark> year of the strategic plan", page);
        Assert.Contains("<mark class=\"fig\" data-figure=\"findings.plan.ordinal\" data-value=\"2\" title=\"findings.plan.ordinal\">第二</mark>年", page);
    }

    [Fact]
    public void Diff_shows_how_a_changed_ordinal_reads_in_both_languages()
    {
        var report = ReportGen.Audit.DiffReport.Compare(builds.Sample, builds.SecondYear);
        var ordinal = Assert.Single(report.Figures, f => f.Path == "findings.plan.ordinal");
        Assert.Equal(("1", "2", "first · 第一", "second · 第二"), (ordinal.Old, ordinal.New, ordinal.OldText, ordinal.NewText));
    }
}
