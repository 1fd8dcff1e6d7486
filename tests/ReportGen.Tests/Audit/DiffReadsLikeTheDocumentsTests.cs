using System.Text.Json.Nodes;
using System.Xml.Linq;
using ReportGen.Audit;
using ReportGen.Packaging;
using ReportGen.Sample;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Audit;

/// <summary>
/// diff reads like the documents (issue 22, item 5): a table by its cells, a chart once by its
/// values, a decorated category by its code, figures by key; the same in text, JSON and HTML.
/// </summary>
public sealed class DiffReadsLikeTheDocumentsTests(DiffReadsLikeTheDocumentsTests.Builds builds) : IClassFixture<DiffReadsLikeTheDocumentsTests.Builds>
{

    /// <summary>The sample and three changed samples, each built once (Word and PDF, both languages) for the tests to read.</summary>
    public sealed class Builds : IDisposable
    {
        private readonly TempDir _dir = new();

        public Builds()
        {
            // Each workbook beside its build, so that the report lists the changed rows too (and has no note).
            File.Copy(Repo.Seed, _dir.File("unhabitat-2020-2021.xlsx"));
            Sample = Build(_dir.File("unhabitat-2020-2021.xlsx"), "sample");
            // Funding!D10: outcome 2.2's funds for 2020, 870,000 → 880,000: still 31 per cent, still drawn as 0.9 (USD millions).
            OneFundingCell = Build(Funding("funding.xlsx", "2.2", 880_000), "funding");
            // Funding!D8: outcome 2.1's funds for 2020, 2,140,000 → 1,900,000: 49 per cent, underfunded (its bar label gains " *").
            Underfunded = Build(Funding("underfunded.xlsx", "2.1", 1_900_000), "underfunded");
            // PRC21-001 no longer serves outcome 4.1: the 2021 matrix's cell 1.1 → 4.1 goes from 5 to 4.
            MatrixCell = Build(ChangedSample.Write(_dir), "matrix");
        }

        public string Sample { get; }
        public string OneFundingCell { get; }
        public string Underfunded { get; }
        public string MatrixCell { get; }

        private string Funding(string name, string outcome, double funded2020)
        {
            string path = _dir.File(name);
            SpreadsheetWriter.Write(path, SampleWorkbook.Sheets().Select(s => s.Name != "Funding" ? s : s with
            {
                Rows = s.Rows.Select(r => Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture) == outcome && Convert.ToInt32(r[1]) == 2020
                    ? r.Select((v, i) => i == 3 ? (object?)funded2020 : v).ToArray() : r).ToList(),
            }));
            return path;
        }

        private string Build(string workbook, string name) => BuildFolder.Make(_dir, workbook, name);

        public void Dispose() => _dir.Dispose();
    }

    private static XNamespace X => "http://www.w3.org/1999/xhtml";

    [Fact]
    public void One_funding_cell_is_one_table_cell_line_per_document_in_text_json_and_html()
    {
        string page = Path.Combine(Path.GetDirectoryName(builds.OneFundingCell)!, "one-cell.html");
        var (code, output, error) = CliTests.Run("diff", builds.Sample, builds.OneFundingCell, "--html", page);
        Assert.True(code == 1, error);
        // The documents' part of the report: the one cell, in each language, named by table, row code and column heading.
        string documents = output[output.IndexOf("\n\n", StringComparison.Ordinal)..];
        Assert.Equal(
            "\n\nannual-report-summary.en.docx (1 change):\n  Annex, table 2, row 2.2, Funded (USD): 870,000 → 880,000\n" +
            "\nannual-report-summary.zh.docx (1 change):\n  Annex, table 2, row 2.2, 已获资金（美元）: 870,000 → 880,000\n" +
            $"wrote {page}\n",
            documents);
        Assert.Contains("\n  funding.outcomes[2.2, 2020].funded_usd: 870000 → 880000 (printed 870,000 · 0.9 → 880,000 · 0.9)\n", output);

        var json = JsonNode.Parse(CliTests.Run("diff", builds.Sample, builds.OneFundingCell, "--json").Out)!;
        var changes = json["documents"]!.AsArray().SelectMany(d => d!["paragraphs"]!.AsArray().Select(p => (
            File: (string)d["file"]!, Place: (string)p!["place"]!, Row: (string?)p["row"], Column: (string?)p["column"], Old: (string?)p["old"], New: (string?)p["new"]))).ToList();
        Assert.Equal(
        [
            ("annual-report-summary.en.docx", "Annex, table 2, row 2.2, Funded (USD)", "2.2", "Funded (USD)", "870,000", "880,000"),
            ("annual-report-summary.zh.docx", "Annex, table 2, row 2.2, 已获资金（美元）", "2.2", "已获资金（美元）", "870,000", "880,000"),
        ], changes);
        Assert.Empty(json["charts"]!.AsArray());

        string html = File.ReadAllText(page);
        var rows = XDocument.Parse(html[html.IndexOf('\n')..]).Descendants(X + "section").Single(s => (string?)s.Attribute("id") == "paragraphs")
            .Descendants(X + "tbody").Single().Elements(X + "tr").Select(r => r.Elements(X + "td").Select(c => c.Value.Trim()).ToList()).ToList();
        Assert.Equal([["Annex, table 2, row 2.2, Funded (USD)", "870,000 → 880,000", "870,000 → 880,000"]], rows);
    }

    [Fact]
    public void A_changed_matrix_cell_is_one_chart_data_line_and_no_drawing_text()
    {
        var (_, output, _) = CliTests.Run("diff", builds.Sample, builds.MatrixCell);
        Assert.Contains("\nChart data (4 values changed):\n" +
            "  portfolio-analysis.en, Annex II, chart II, 1.1, 4.1: 5 → 4\n" +
            "  portfolio-analysis.en, Annex II, chart III, 4.1, Review 2021: 5 → 4\n" +
            "  portfolio-analysis.zh, Annex II, chart II, 1.1, 4.1: 5 → 4\n" +
            "  portfolio-analysis.zh, Annex II, chart III, 4.1, 2021 年审查: 5 → 4\n", output);
        // Not the matrix drawn (its axis titles, its 144 cells), in either language.
        Assert.DoesNotContain("Primary outcome \\ Secondary outcome", output);
        Assert.DoesNotContain("首要成果 \\ 次级成果", output);
        Assert.DoesNotContain("drawing", output);
        Assert.True(output.Split('\n').Length < 50, output);

        // Two PDFs of the builds given directly: the chart data from the trace.json beside each, no drawing compared.
        var report = DiffReport.Compare(Path.Combine(builds.Sample, "portfolio-analysis.en.pdf"), Path.Combine(builds.MatrixCell, "portfolio-analysis.en.pdf"));
        Assert.Equal([("Annex II, chart II, 1.1, 4.1", "5", "4"), ("Annex II, chart III, 4.1, Review 2021", "5", "4")], report.Charts.Select(c => (c.Where, c.Old, c.New)));
        Assert.Equal(["8", "8(c)(ii)", "annex-II-chart-II"], Assert.Single(report.Documents).Paragraphs.Select(p => p.Paragraph));
    }

    [Fact]
    public void An_outcome_becoming_underfunded_is_one_label_line_keyed_by_its_code()
    {
        var report = DiffReport.Compare(builds.Sample, builds.Underfunded);
        // Its bar: the same category 2.1, its mark added and its funds drawn lower; nothing else of the chart.
        Assert.Equal(
        [
            ("en", "Annex, chart II, 2.1, label", "2.1", "2.1 *"),
            ("en", "Annex, chart II, 2.1, Funded", "2.1", "1.9"),
            ("zh", "Annex, chart II, 2.1, label", "2.1", "2.1 *"),
            ("zh", "Annex, chart II, 2.1, 已获资金", "2.1", "1.9"),
        ], report.Charts.Select(c => (c.Language, c.Where, c.Old, c.New)));
        Assert.Contains("\n  annual-report-summary.en, Annex, chart II, 2.1, label: 2.1 → 2.1 *\n", report.ToText());
        // Its row of the table: the cells that changed, by the row's code.
        var en = report.Documents.Single(d => d.File == "annual-report-summary.en.docx");
        Assert.Equal(
        [
            ("Annex, table 2, row 2.1, Funded (USD)", "2,140,000", "1,900,000"),
            ("Annex, table 2, row 2.1, Funded share", "55%", "49%"),
            ("Annex, table 2, row 2.1, Underfunded", "", "Yes"),
        ], en.Paragraphs.Where(p => p.Row is not null).Select(p => (en.Describe(p), p.Old, p.New)));
        // The list of underfunded outcomes gains 2.1: one change, not every later outcome moved up one place.
        Assert.Equal([("funding.underfunded[2.1]", null, "\"2.1\"")],
            report.Figures.Where(f => f.Path.StartsWith("funding.underfunded", StringComparison.Ordinal)).Select(f => (f.Path, f.Old, f.New)));
    }

    [Fact]
    public void Figures_are_named_by_key_with_their_position_in_figures_json_beside()
    {
        var report = DiffReport.Compare(builds.Sample, builds.MatrixCell);
        var link = report.Figures.Single(f => f.Path == "findings.link_profiles[1.1, 0].other_domain_links");
        Assert.Equal(("21", "20", "findings.link_profiles[24].other_domain_links"), (link.Old, link.New, link.NewJsonPath));
        Assert.Contains(report.Figures, f => (f.Path, f.Old, f.New) == ("portfolio.years[2021].linkage[1.1, 4.1].projects", "5", "4"));
        // A list of plain values by its values: domain 4 is no longer among 1.1's most linked domains in 2021.
        Assert.Contains(report.Figures, f => (f.Path, f.Old, f.New) == ("findings.link_profiles[1.1, 2021].most_linked_other_domains[4]", "4", null));

        // An element added at the front of a list moves no other: only its own figures change.
        string before = """{"findings":{"link_profiles":[{"year":2021,"outcome":"1.1","reach":"several"}],"underfunded":["2.2","4.1"]}}""";
        string after = """{"findings":{"link_profiles":[{"year":2021,"outcome":"3.1","reach":"one"},{"year":2021,"outcome":"1.1","reach":"several"}],"underfunded":["4.1","2.2"]}}""";
        Assert.Equal(
        [
            ("findings.link_profiles[3.1, 2021].year", null, "2021", "findings.link_profiles[0].year"),
            ("findings.link_profiles[3.1, 2021].outcome", null, "\"3.1\"", "findings.link_profiles[0].outcome"),
            ("findings.link_profiles[3.1, 2021].reach", null, "\"one\"", "findings.link_profiles[0].reach"),
            // A list of plain values in another order: the whole list, once.
            ("findings.underfunded", """["2.2","4.1"]""", """["4.1","2.2"]""", "findings.underfunded"),
        ], DiffReport.CompareFigures(before, after).Select(f => (f.Path, f.Old, f.New, f.NewJsonPath)));
    }

    [Fact]
    public void Every_list_of_figures_is_keyed_in_the_sample_and_in_generated_cycles()
    {
        var workbooks = new List<string> { Repo.Seed };
        using var dir = new TempDir();
        foreach (var scenario in CycleGenerator.Scenarios)
        {
            string path = dir.File(scenario.Name + ".xlsx");
            CycleGenerator.Write(scenario, path);
            workbooks.Add(path);
        }
        foreach (string workbook in workbooks)
        {
            var root = JsonNode.Parse(ReportGen.Analysis.FigureCalculator.Compute(CycleReader.ReadValid(workbook)).ToJson());
            void Walk(JsonNode? node, string pattern)
            {
                if (node is JsonObject o) foreach (var (k, v) in o) Walk(v, pattern.Length == 0 ? k : $"{pattern}.{k}");
                else if (node is JsonArray list)
                {
                    if (list.Any(e => e is JsonObject))
                        Assert.True(ReportGen.Analysis.FigureKeys.KeysOf(pattern, list) is not null, $"{Path.GetFileName(workbook)}: {pattern} has no key naming each element once (Analysis/FigureKeys.cs)");
                    foreach (var e in list) Walk(e, pattern + "[]");
                }
            }
            Walk(root, "");
        }
    }

    [Fact]
    public void Two_pdfs_keep_a_rows_cells_apart()
    {
        foreach (var (language, title, yes, column) in new[] { ("en", "2.2 Increased and equitably distributed, locally generated revenues", "Yes", "Funded (USD)"), ("zh", "2.2增加地方创收并实现公平分配", "是", "已获资金（美元）") })
        {
            string a = Path.Combine(builds.Sample, $"annual-report-summary.{language}.pdf"), b = Path.Combine(builds.OneFundingCell, $"annual-report-summary.{language}.pdf");
            var row = DocumentText.Read(a).Single(p => p.Key == "annex-I-table-2-row-6");
            Assert.Equal([title, "2,800,000", "870,000", "31%", yes], row.Cells);
            var document = Assert.Single(DiffReport.Compare(a, b).Documents);
            var change = Assert.Single(document.Paragraphs);
            Assert.Equal(($"Annex, table 2, row 2.2, {column}", "870,000", "880,000"), (document.Describe(change), change.Old, change.New));
        }
    }

    [Fact]
    public void Two_pdfs_without_their_traces_name_the_chart_whose_drawing_differs_without_its_words()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(builds.Sample, "annual-report-summary.en.pdf"), dir.File("a.pdf"));
        File.Copy(Path.Combine(builds.Underfunded, "annual-report-summary.en.pdf"), dir.File("b.pdf"));
        var (code, output, _) = CliTests.Run("diff", dir.File("a.pdf"), dir.File("b.pdf"));
        Assert.Equal(1, code);
        Assert.EndsWith("\n  Annex I, table 2, row 2.1, Underfunded: (empty) → Yes\n" +
            "  Annex I, chart II: its drawing differs (no trace.json beside both documents to say which values)\n", output);
        Assert.DoesNotContain("Budget", output); // the legend's words
    }
}
