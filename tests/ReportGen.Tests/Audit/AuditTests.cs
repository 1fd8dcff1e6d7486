using System.Diagnostics;
using System.Text.Json.Nodes;
using ReportGen.Audit;
using ReportGen.Cli;
using ReportGen.Sample;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Audit;

/// <summary>The audit trail: manifest, traces, explain and diff, and builds that do not depend on the machine.</summary>
public sealed class AuditTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Build(string workbook, string name, params string[] extra) => BuildFolder.Make(_dir, workbook, name, extra);

    /// <summary>The sample with one project changed: PRC21-001 no longer serves outcome 4.1.</summary>
    private string ChangedWorkbook() => ChangedSample.Write(_dir);

    [Fact]
    public void Manifest_hashes_match_the_files_and_name_every_input()
    {
        string build = Build(Repo.Seed, "a");
        var manifest = Manifest.FromJson(File.ReadAllText(Path.Combine(build, "manifest.json")));
        Assert.Equal("0.1.0", manifest.Reportgen.Version);
        Assert.Equal(("unhabitat-2020-2021.xlsx", Hashing.Sha256(Repo.Seed)), (manifest.Workbook.File, manifest.Workbook.Sha256));
        Assert.Equal(["en/annual-report-summary.md.hbs", "en/portfolio-analysis.md.hbs", "zh/annual-report-summary.md.hbs", "zh/portfolio-analysis.md.hbs"],
            manifest.Templates.Select(t => t.File));
        foreach (var t in manifest.Templates) Assert.Equal(Hashing.Sha256(Repo.Path("templates", t.File)), t.Sha256);
        Assert.Equal(["Liberation Serif", "Liberation Serif Bold", "Liberation Serif Italic", "Liberation Serif Bold Italic", "AR PL SungtiL GB", "AR PL UMing CN", "WenQuanYi Micro Hei"],
            manifest.Fonts.Select(f => f.Face));
        Assert.Equal(10, manifest.Outputs.Count); // 8 documents, figures.json and trace.json; not the manifest itself
        foreach (var output in manifest.Outputs)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(build, output.File));
            Assert.Equal((Hashing.Sha256(bytes), (long)bytes.Length), (output.Sha256, output.Bytes));
            if (output.File.EndsWith(".pdf"))
            {
                int pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page[^s]").Count;
                Assert.Equal(pages, output.Pages);
            }
            else Assert.Null(output.Pages);
        }
        Assert.Equal(["en", "zh"], manifest.Options.Languages);
        Assert.Equal(["docx", "pdf"], manifest.Options.Formats);
    }

    [Fact]
    public void Trace_lists_each_number_with_its_figure_and_the_word_bookmark_around_it()
    {
        string build = Build(Repo.Seed, "a", "--format", "docx");
        var trace = TraceFile.FromJson(File.ReadAllText(Path.Combine(build, "trace.json")));
        var zh = trace.Documents.Single(d => d.DocId == "portfolio-analysis" && d.Language == "zh");
        var p8 = zh.Paragraphs.Single(p => p.Paragraph == "8");
        var share = p8.Figures.First(f => f.Path == "portfolio.years[1].all_domains_share");
        Assert.Equal(("41%", 22.0 / 54), (share.Text, share.Value));
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(build, "portfolio-analysis.zh.docx"), false);
        var start = doc.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Wordprocessing.BookmarkStart>().Single(b => b.Name == share.Bookmark);
        Assert.Equal("41%", start.NextSibling()!.InnerText); // the run the bookmark wraps
    }

    [Fact]
    public void Explain_finds_the_figure_behind_a_number_in_each_language()
    {
        string build = Build(Repo.Seed, "a", "--format", "docx");
        var (code, output, _) = CliTests.Run("explain", build, "41 per cent", "--workbook", Repo.Seed);
        Assert.Equal(0, code);
        Assert.Contains("\"41 per cent\" in portfolio-analysis (en), paragraph 8:", output);
        Assert.Contains("figure   portfolio.years[1].all_domains_share = 0.4074074074074074", output);
        Assert.Contains("cover all four domains of change", output);
        Assert.Contains("data     counted Projects!", output);
        Assert.Contains("; of Projects!90–143 (54 rows)", output);
        (code, output, _) = CliTests.Run("explain", build, "41%", "--workbook", Repo.Seed);
        Assert.Equal(0, code);
        Assert.Contains("\"41%\" in portfolio-analysis (zh), paragraph 8:", output);
        (code, output, _) = CliTests.Run("explain", build, "USD 64 million", "--workbook", Repo.Seed);
        Assert.Contains("flagships[3].portfolio_usd", output);
        Assert.Contains("Flagships!E5 (portfolio_usd)", output);
        Assert.Equal(1, CliTests.Run("explain", build, "12345 widgets").Code);
    }

    [Fact]
    public void Explain_will_not_list_rows_of_a_different_workbook()
    {
        string build = Build(Repo.Seed, "a", "--format", "docx");
        var (code, output, _) = CliTests.Run("explain", build, "41%", "--workbook", ChangedWorkbook());
        Assert.Equal(0, code);
        Assert.DoesNotContain("data ", output);
        Assert.Contains("is not the workbook this build was made from", output);
    }

    [Fact]
    public void Two_builds_of_the_same_inputs_diff_as_equal()
    {
        string a = Build(Repo.Seed, "a"), b = Build(Repo.Seed, "b");
        var (code, output, _) = CliTests.Run("diff", a, b);
        Assert.Equal(0, code);
        Assert.StartsWith("No differences", output);
        foreach (string file in Directory.GetFiles(a)) Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(b, Path.GetFileName(file))));
    }

    [Fact]
    public void Changing_one_project_shows_exactly_the_figures_and_sentences_it_changes()
    {
        string a = Build(Repo.Seed, "a"), b = Build(ChangedWorkbook(), "b");
        var report = DiffReport.Compare(a, b);
        Assert.Equal(
        [
            ("portfolio.years[2021].all_domains_projects", "22", "21"),
            ("portfolio.years[2021].all_domains_share", "0.4074074074074074", "0.3888888888888889"),
            ("portfolio.years[2021].linkage[1.1, 4.1].projects", "5", "4"),
        ], report.Figures.Where(f => !f.Path.StartsWith("findings.")).Select(f => (f.Path, f.Old, f.New)));
        // The findings that follow from it: 1.1's links to domain 4 over both years (year 0), and the trend's latest value.
        Assert.Contains(report.Figures, f => (f.Path, f.Old, f.New) == ("findings.link_profiles[1.1, 0].other_domain_links", "21", "20"));
        Assert.Contains(report.Figures, f => (f.Path, f.Old, f.New) == ("findings.trends.all_domains_share.latest.to", "0.4074074074074074", "0.3888888888888889"));
        var en = report.Documents.Single(d => d.File == "portfolio-analysis.en.docx");
        // Paragraph 8's share, and 8 (c) (ii): without PRC21-001, 1.1's links in 2021 no longer reach domain 4 as often as domain 3;
        // chart II's headline box (the share), by its anchor; not its drawing (the matrix cell is chart data).
        Assert.Equal(["8", "8(c)(ii)", "annex-II-chart-II"], en.Paragraphs.Select(p => p.Paragraph));
        Assert.Equal([("removed", "41"), ("added", "39")], en.Paragraphs[0].Diff.Where(d => d.Op != "same").Select(d => (d.Op, d.Text)));
        Assert.Equal(3, report.Documents.Single(d => d.File == "portfolio-analysis.zh.docx").Paragraphs.Count);
        Assert.Empty(report.Documents.Single(d => d.File == "annual-report-summary.en.docx").Paragraphs);

        var (code, output, _) = CliTests.Run("diff", a, b);
        Assert.Equal(1, code);
        Assert.Contains("paragraph 8:\n    Programming that spans the domains of", output);
        Assert.Contains("[-41-]{+39+} per cent", output);
        var json = JsonNode.Parse(CliTests.Run("diff", a, b, "--json").Out)!;
        Assert.False(json["equal"]!.GetValue<bool>());
        Assert.Equal(report.Figures.Count, json["figures"]!.AsArray().Count);
        // Why: the workbook changed, nothing else; values keep their JSON types.
        Assert.Equal(["workbook changed.xlsx"], report.Inputs.Select(i => i.What));
        Assert.Contains("Inputs (1 changed):\n  workbook changed.xlsx: unhabitat-2020-2021.xlsx sha256 ", output);
        var share = json["figures"]!.AsArray().Single(f => (string)f!["path"]! == "portfolio.years[2021].all_domains_share")!;
        Assert.Equal(0.4074074074074074, share["old"]!.GetValue<double>());
        Assert.Equal("portfolio.years[1].all_domains_share", (string)share["json_path"]!); // where figures.json, trace.json and explain have it
        // Figures in the order figures.json lists them, indices as numbers: years[1] before findings.
        // Chart data: exactly the 2021 matrix's 1.1 → 4.1 cell and chart III's 2021 bar for 4.1, in each language
        // (the headline box is the document's text, in the paragraphs above).
        Assert.Equal(
        [
            ("en", "Annex II, chart II, 1.1, 4.1", "5", "4"),
            ("en", "Annex II, chart III, 4.1, Review 2021", "5", "4"),
        ], report.Charts.Where(c => c.Language == "en").Select(c => (c.Language, c.Where, c.Old, c.New)));
        Assert.Equal(2, report.Charts.Count(c => c.Language == "zh" && c.Document == "portfolio-analysis"));
        Assert.Contains("Chart data (4 values changed):\n  portfolio-analysis.en, Annex II, chart II, 1.1, 4.1: 5 → 4\n", output);
        Assert.Contains("(printed 41 per cent · 41% → 39 per cent · 39%)", output);
        var paths = report.Figures.Select(f => f.Path).ToList();
        Assert.True(paths.IndexOf("portfolio.years[2021].all_domains_share") < paths.IndexOf("findings.trends.all_domains_share.latest.to"));
    }

    [Fact]
    public void Two_pdfs_compare_by_paragraph()
    {
        string a = Build(Repo.Seed, "a", "--format", "pdf", "--lang", "zh"), b = Build(ChangedWorkbook(), "b", "--format", "pdf", "--lang", "zh");
        var report = DiffReport.Compare(Path.Combine(a, "portfolio-analysis.zh.pdf"), Path.Combine(b, "portfolio-analysis.zh.pdf"));
        var changes = Assert.Single(report.Documents).Paragraphs;
        Assert.Contains(changes, p => p.Paragraph == "8" && p.Diff.Any(d => d.Op == "added" && d.Text == "39"));
    }

    [Fact]
    public void A_build_under_another_time_zone_and_locale_gives_the_same_bytes()
    {
        string here = Build(Repo.Seed, "here");
        string there = _dir.File("there");
        string cli = Path.Combine(AppContext.BaseDirectory, "reportgen.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "build", Repo.Seed, "--out", there, "--templates", Repo.Path("templates")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path,
        };
        start.Environment["TZ"] = "Pacific/Kiritimati";
        start.Environment["LANG"] = "tr_TR.UTF-8";
        start.Environment["LC_ALL"] = "tr_TR.UTF-8";
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        foreach (string file in Directory.GetFiles(here))
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(there, Path.GetFileName(file)))), Path.GetFileName(file));
    }

    [Theory]
    [InlineData("Six", "findings.underfunding.count = 6", "paragraph 5")]
    [InlineData("six", "findings.underfunding.count = 6", "paragraph 5")]
    [InlineData("41 %", "portfolio.years[1].all_domains_share", "paragraph 8")]
    [InlineData("41%", "portfolio.years[1].all_domains_share", "paragraph 8")]
    [InlineData("41 per cent", "portfolio.years[1].all_domains_share", "paragraph 8")]
    [InlineData("9800000", "funding.outcomes[0].budget_usd", "table 2")]
    [InlineData("9,800,000", "funding.outcomes[0].budget_usd", "table 2")]
    public void Explain_finds_a_number_however_it_is_written(string text, string figure, string where)
    {
        string build = Build(Repo.Seed, "forms", "--format", "docx");
        var (code, output, _) = CliTests.Run("explain", build, text, "--workbook", Repo.Seed);
        Assert.Equal(0, code);
        Assert.Contains(figure, output);
        Assert.Contains(where, output);
    }

    [Fact]
    public void Explain_lists_the_rows_a_share_counts_and_the_rows_it_is_a_share_of()
    {
        string build = Build(Repo.Seed, "rows", "--format", "docx", "--lang", "en");
        var (_, output, _) = CliTests.Run("explain", build, "41 per cent", "--workbook", Repo.Seed);
        // Counted by hand from the sample: 22 of the 54 projects of 2021 cover all four domains.
        Assert.Contains("counted Projects!", output);
        Assert.Contains("(22 rows) (PRC21-001, ", output);
        Assert.Contains("; of Projects!90–143 (54 rows)", output);
        var cycle = ReportGen.Workbook.CycleReader.ReadValid(Repo.Seed);
        var domainOf = cycle.Outcomes.ToDictionary(o => o.Code, o => o.Domain);
        int all = cycle.Projects.Count(p => p.PrcYear == 2021 && new[] { 1, 2, 3, 4 }.All(d =>
            domainOf[p.PrimaryOutcome] == d || p.SecondaryOutcomes.Any(x => domainOf[x] == d)));
        Assert.Equal(22, all);
    }

    [Fact]
    public void Explain_finds_the_workbook_beside_the_build_whatever_the_current_folder()
    {
        File.Copy(Repo.Seed, _dir.File("unhabitat-2020-2021.xlsx"));
        string build = Build(_dir.File("unhabitat-2020-2021.xlsx"), "beside", "--format", "docx", "--lang", "en");
        var (_, output, _) = CliTests.Run("explain", build, "41 per cent");
        Assert.Contains("of Projects!90–143 (54 rows)", output);
    }

    [Fact]
    public void Diff_names_the_workbook_rows_that_changed_by_key()
    {
        File.Copy(Repo.Seed, _dir.File("unhabitat-2020-2021.xlsx"));
        string a = Build(_dir.File("unhabitat-2020-2021.xlsx"), "before", "--format", "docx", "--lang", "en");
        string b = Build(ChangedWorkbook(), "after", "--format", "docx", "--lang", "en");
        var report = DiffReport.Compare(a, b);
        var row = Assert.Single(report.Rows);
        Assert.Equal(("Projects", "PRC21-001", "changed"), (row.Sheet, row.Key, row.Change));
        Assert.Equal(["secondary_outcomes: 3.1; 4.1; 2.1 → 3.1; 2.1"], row.Fields);
        Assert.Contains("Workbook rows (1 changed):\n  Projects PRC21-001 (changed, row 90): secondary_outcomes: ", report.ToText());
    }

    [Fact]
    public void A_chart_headline_box_is_traced_to_its_figure()
    {
        string build = Build(Repo.Seed, "headlines", "--format", "docx", "--lang", "en");
        var (_, output, _) = CliTests.Run("explain", build, "41%", "--workbook", Repo.Seed);
        Assert.Contains("\"41%\" in portfolio-analysis (en), Annex II, chart II, headlines:", output);
        Assert.Contains("figure   portfolio.years[1].all_domains_share = 0.4074074074074074", output);
        (_, output, _) = CliTests.Run("explain", build, "88", "--workbook", Repo.Seed);
        Assert.Contains("Annex II, chart I, headlines:", output);
        Assert.Contains("portfolio.years[0].projects = 88", output);
    }
}
