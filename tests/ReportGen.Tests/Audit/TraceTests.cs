using System.Text.Json.Nodes;
using ReportGen.Audit;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>Every number a reader sees is traced: chart values by category and series, and explain's cells from the sheet they are on.</summary>
public sealed class TraceTests(TraceTests.SampleBuild build) : IClassFixture<TraceTests.SampleBuild>
{

    /// <summary>One build of the sample (Word files) that the tests only read.</summary>
    public sealed class SampleBuild : IDisposable
    {
        private readonly TempDir _dir = new();

        public SampleBuild()
        {
            Folder = _dir.File("build");
            var (code, _, error) = CliTests.Run(["build", Repo.Seed, "--out", Folder, "--templates", Repo.Path("templates"), "--format", "docx"]);
            Assert.True(code == 0, error);
        }

        public string Folder { get; }

        public void Dispose() => _dir.Dispose();
    }

    private string Shared => build.Folder;

    private string Explain(string text)
    {
        var (code, output, error) = CliTests.Run("explain", Shared, text, "--workbook", Repo.Seed);
        Assert.True(code == 0, output + error);
        return output;
    }

    [Theory]
    // Chart X, the flagships' dashboard: FP4's portfolio, USD 64 million, drawn as 64.0 (USD millions), in both languages.
    [InlineData("64.0", "\"64.0\" in portfolio-analysis (en), Annex II, chart X, FP4 Inclusive Cities: Enhancing the Positive Impacts of Urban Migration, Portfolio (USD million):", "flagships[3].portfolio_usd = 64000000")]
    [InlineData("64.0", "\"64.0\" in portfolio-analysis (zh), Annex II, chart X, FP4 包容性城市：增强城市移民的积极影响, 项目组合（百万美元）:", "flagships[3].portfolio_usd = 64000000")]
    // Chart IX: outcome 4.2's share of the portfolio.
    [InlineData("17%", "\"17%\" in portfolio-analysis (en), Annex II, chart IX, 4.2, Share of operational portfolio:", "balance[10].portfolio_share")]
    // Chart I, the matrix of 2020: 9 projects with primary outcome 1.1 also serve 3.1.
    [InlineData("9", "\"9\" in portfolio-analysis (en), Annex II, chart I, 1.1, 3.1:", "portfolio.years[0].linkage[3].projects = 9")]
    public void Chart_values_are_traced_by_category_and_series_in_both_languages(string text, string where, string figure)
    {
        string output = Explain(text);
        Assert.Contains(where, output);
        Assert.Contains(figure, output);
    }

    [Fact]
    public void The_masthead_date_is_traced_to_its_cell_of_the_Documents_sheet_in_both_languages()
    {
        // The Chinese edition keeps the date line in English, as UN Chinese editions do.
        string output = Explain("4 October 2021");
        foreach (string language in new[] { "en", "zh" })
            Assert.Contains($"\"4 October 2021\" in portfolio-analysis ({language}), masthead:\n  figure   doc.date = 20211004\n  meaning  the document's date", output);
        // The seed's Documents sheet: doc_id, template, symbol, date (column D); portfolio-analysis is row 3, the summary row 2.
        Assert.Contains("data     Documents!D3 (date)", output);
        Assert.Contains("data     Documents!D2 (date)", output);
        Assert.Equal(4, output.Split("masthead:").Length - 1);
    }

    [Fact]
    public void The_session_year_is_traced_as_the_year_of_its_first_day()
    {
        string output = Explain("2021");
        Assert.Contains("\"2021\" in annual-report-summary (zh), masthead:\n  figure   doc.session_start.year = 2021\n  meaning  the year of the session's first day", output);
        Assert.Contains("data     Documents!G2 (session_start)", output);
    }

    [Theory]
    [InlineData("15 and 16 November 2021", "en")]
    [InlineData("2021 年 11 月 15 日和 16 日", "zh")]
    [InlineData("2021年11月15日和16日", "zh")]
    public void The_session_dates_are_traced_to_both_cells_in_each_language(string text, string language)
    {
        string output = Explain(text);
        Assert.Contains($"in portfolio-analysis ({language}), masthead:\n  figure   doc.session_start…doc.session_end = 20211115", output);
        Assert.Contains("data     Documents!G3 (session_start); Documents!H3 (session_end)", output);
        Assert.DoesNotContain(language == "en" ? "(zh)" : "(en)", output);
    }

    [Fact]
    public void Trace_json_lists_the_masthead_data_first_in_each_document()
    {
        var trace = ReportGen.Audit.TraceFile.FromJson(File.ReadAllText(Path.Combine(Shared, ReportGen.Audit.TraceFile.FileName)));
        foreach (var document in trace.Documents)
        {
            var masthead = document.Paragraphs[0];
            Assert.Equal("masthead", masthead.Paragraph);
            Assert.Equal(["doc.date", "doc.session_start.year", "doc.session_start…doc.session_end"], masthead.Figures.Select(f => f.Path).Take(3));
            Assert.Equal(("2021", 2021.0), (masthead.Figures[1].Text, masthead.Figures[1].Value)); // "Second session of 2021" / "2021 年第二次会议"
        }
    }

    [Theory]
    [InlineData("6400 万美元")]
    [InlineData("6400万美元")]
    [InlineData("6\u00A0400 万美元")]
    [InlineData("6 400 万美元")]
    public void Chinese_amounts_are_found_with_or_without_the_space(string text)
    {
        string output = Explain(text);
        // Printed with its digits grouped by a no-break space (ChineseFormatter.Usd).
        Assert.Contains("\"6\u00A0400 万美元\" in portfolio-analysis (zh), paragraph 12:\n  figure   flagships[3].portfolio_usd = 64000000", output);
        Assert.Contains("data     Flagships!E5 (portfolio_usd)", output);
    }

    [Fact]
    public void Chart_categories_are_traced_as_the_outcomes_they_are_in_both_languages()
    {
        string output = Explain("1.3");
        // The funding chart's categories carry the underfunded mark (*) beside the traced code.
        Assert.Contains("\"1.3\" in annual-report-summary (en), Annex, chart II, 1.3 *, category:\n  figure   funding.outcomes[4].outcome = 1.3\n  meaning  outcome 1.3 of the strategic plan", output);
        Assert.Contains("\"1.3\" in annual-report-summary (zh), Annex, chart II, 1.3 *, category:\n  figure   funding.outcomes[4].outcome = 1.3", output);
        Assert.Contains("\"1.3\" in portfolio-analysis (zh), Annex II, chart IX, 1.3, category:\n  figure   balance[2].outcome = 1.3", output);
        Assert.Contains("data     Outcomes!4 (1 row)", output);
    }

    [Fact]
    public void A_table_cell_is_traced_with_its_row_and_column_in_both_languages()
    {
        string output = Explain("9,800,000");
        Assert.Contains("\"9,800,000\" in annual-report-summary (en), Annex, table 2, row 2, column Budget (USD):\n  figure   funding.outcomes[0].budget_usd = 9800000", output);
        Assert.Contains("\"9,800,000\" in annual-report-summary (zh), Annex, table 2, row 2, column 预算（美元）:\n  figure   funding.outcomes[0].budget_usd = 9800000", output);
        var trace = TraceFile.FromJson(File.ReadAllText(Path.Combine(Shared, TraceFile.FileName)));
        // Every number of a table in the trace knows its column; none outside tables has one.
        var all = trace.Documents.SelectMany(d => d.Paragraphs).ToList();
        Assert.All(all.Where(p => p.Paragraph.Contains("table-")).SelectMany(p => p.Figures), f => Assert.False(string.IsNullOrEmpty(f.Column), f.Path));
        Assert.All(all.Where(p => !p.Paragraph.Contains("table-")).SelectMany(p => p.Figures), f => Assert.Null(f.Column));
    }

    [Fact]
    public void List_items_that_are_data_are_traced_in_both_languages()
    {
        // Paragraph 5: six underfunded outcomes, "(outcomes 1.3, 2.2, 2.3, 3.2, 4.1 and 4.3)" / "（成果 1.3、2.2、2.3、3.2、4.1 和 4.3）".
        string output = Explain("4.3");
        Assert.Contains("\"4.3\" in annual-report-summary (en), paragraph 5:\n  figure   funding.underfunded[5] = 4.3\n  meaning  item 6 of funding.underfunded: outcomes underfunded", output);
        Assert.Contains("\"4.3\" in annual-report-summary (zh), paragraph 5:\n  figure   funding.underfunded[5] = 4.3", output);
        // The Chinese list keeps its spacing around 和 though its items are marked: "4.1 和 4.3".
        var zh = ReportGen.Audit.DocumentText.Read(Path.Combine(Shared, "annual-report-summary.zh.docx")).Single(p => p.Key == "5").Text;
        Assert.Contains("成果 1.3、2.2、2.3、3.2、4.1 和 4.3）", zh);
    }

    [Fact]
    public void Every_value_a_chart_draws_is_in_the_trace_with_its_figure()
    {
        var trace = TraceFile.FromJson(File.ReadAllText(Path.Combine(Shared, TraceFile.FileName)));
        var figures = JsonNode.Parse(File.ReadAllText(Path.Combine(Shared, "figures.json")))!;
        foreach (var document in trace.Documents)
        {
            var charted = document.Paragraphs.Where(p => p.Chart is not null && !p.Paragraph.EndsWith("headlines") && !p.Paragraph.EndsWith(", category"))
                .SelectMany(p => p.Figures).ToList();
            Assert.NotEmpty(charted);
            // Each value is its figure's, exactly (read back from figures.json by its path).
            foreach (var f in charted)
            {
                JsonNode? node = figures;
                foreach (string part in f.Path.Split('.'))
                {
                    node = node![part.Split('[')[0]];
                    foreach (var index in System.Text.RegularExpressions.Regex.Matches(part, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value)))
                        node = node![index];
                }
                Assert.Equal(node!.GetValue<double>(), f.Value);
            }
        }
        // The annual report's funding chart: every outcome's budget and funded amount of the reporting year, both series.
        var en = trace.Documents.Single(d => d.DocId == "annual-report-summary" && d.Language == "en");
        var funding = en.Paragraphs.Where(p => p.Paragraph.Contains("chart") && p.Figures.Any(f => f.Path.StartsWith("funding.outcomes"))).ToList();
        int outcomes = figures["funding"]!["outcomes"]!.AsArray().Count(o => (int)o!["year"]! == (int)figures["reporting_year"]!);
        Assert.Equal(2 * outcomes, funding.Count(p => !p.Paragraph.EndsWith(", category")));
        // And each of its categories, the outcome's code, as the figure that names it.
        Assert.Equal(outcomes, funding.Count(p => p.Paragraph.EndsWith(", category") && p.Figures.Single().Path.EndsWith("].outcome")));
    }

    [Fact]
    public void Explain_gives_the_cells_a_figure_reads_on_the_sheet_they_are_on()
    {
        // Flagship funding is read from the Flagships sheet (row 5 is FP4), not from Projects.
        string output = Explain("USD 64 million");
        Assert.Contains("data     Flagships!E5 (portfolio_usd)", output);
        Assert.DoesNotContain("Projects!", output);
        output = Explain("18 per cent");
        Assert.Contains("Flagships!H5 (funding_secured_usd); Flagships!G5 (funding_target_usd)", output);
        // An outcome's budget: its cell on the Funding sheet.
        Assert.Contains("data     Funding!C2 (budget_usd)", Explain("9,800,000"));
    }
}
