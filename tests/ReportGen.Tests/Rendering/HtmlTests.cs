using ReportGen.Build;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Cli;
using ReportGen.Document;
using ReportGen.Rendering.Html;
using ReportGen.Tests.Support;
using Xunit.Abstractions;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The review page (the HTML writer): the two languages side by side, row by row; figures marked
/// with their path; differences marked where they are; everything escaped; the same bytes every
/// time; opened in a real browser; and rebuilt by <c>review --watch</c> when a template is saved.
/// </summary>
public class HtmlTests(ITestOutputHelper log)
{

    private static string Page(string? doc = "portfolio-analysis", string? templates = null) =>
        Encoding.UTF8.GetString(ReviewPage.Build(Repo.Seed, templates ?? Repo.Path("templates"), doc).Page);

    /// <summary>The page's row for a part (each row is one line of the page).</summary>
    private static string Row(string page, string key)
    {
        var rows = page.Split('\n').Where(l => l.StartsWith("<div class=\"row", StringComparison.Ordinal) && l.Contains($"data-key=\"{key}\"")).ToList();
        Assert.True(rows.Count == 1, $"one row for '{key}', found {rows.Count}");
        return rows[0];
    }

    [SkippableFact]
    public void Paragraph_8_has_both_languages_in_one_row_with_its_figures_marked()
    {
        string row = Row(Page(), "paragraph 8");
        // Each cell has its part's anchor as id: paragraph 8 of the English edition is #doc-portfolio-analysis-en-8.
        Assert.Matches("<div class=\"cell\" lang=\"en\" id=\"doc-portfolio-analysis-en-8\"><p class=\"body\"><span class=\"no\">8\\.</span> Programming that spans", row);
        Assert.Matches("<div class=\"cell\" lang=\"zh-CN\" id=\"doc-portfolio-analysis-zh-8\"><p class=\"body\"><span class=\"no\">8\\.</span> 2020 年至 2021 年", row);
        Assert.Contains("<mark class=\"fig\" data-figure=\"portfolio.years[1].all_domains_share\" data-value=\"0.4074074074074074\" " +
            "title=\"portfolio.years[1].all_domains_share\">41 per cent</mark>", row);
        Assert.Contains("title=\"portfolio.years[1].all_domains_share\">41%</mark>", row);
        Assert.DoesNotContain("class=\"row problem", row);
    }

    [SkippableFact]
    public void The_page_is_self_contained_semantic_and_the_same_bytes_every_time()
    {
        var first = ReviewPage.Build(Repo.Seed, Repo.Path("templates"), null).Page;
        var second = ReviewPage.Build(Repo.Seed, Repo.Path("templates"), null).Page;
        Assert.Equal(first, second);
        string page = Encoding.UTF8.GetString(first);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", page);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
        Assert.DoesNotContain("<script", page); // the watcher's reload only when served
        Assert.DoesNotContain("<link", page);
        Assert.Contains("<section class=\"doc\" id=\"doc-annual-report-summary\"", page);
        Assert.Contains("<section class=\"doc\" id=\"doc-portfolio-analysis\"", page);
        // Headings as headings, each language marked, tables with header cells and their scope.
        Assert.Contains("<h2><span class=\"no\">I.</span> Introduction</h2>", page);
        Assert.Contains("<div class=\"cell\" lang=\"zh-CN\" id=\"doc-portfolio-analysis-zh-I\"><h2>", page);
        Assert.Contains("<th scope=\"col\"", page);
        Assert.Contains("<th scope=\"row\"", page);
        // Charts: inline SVG with a title and the text alternative; the matrix as a shaded table.
        Assert.Matches("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" [^>]*><title id=\"[^\"]+\">Figure III Interrelation of outcome 1.1", page);
        Assert.Contains("stroke-dasharray=\"5 3\"", page);
        Assert.Contains("<desc id=", page);
        Assert.Contains("<table class=\"matrix\"", page);
        Assert.Contains("style=\"background:#0B3C6E;color:#FFFFFF\">9</td>", page);
    }

    [SkippableFact]
    public void Every_chart_kind_is_drawn()
    {
        string page = Page(null);
        foreach (string name in new[] { "linkage", "interrelation", "flagships", "achievement", "funding", "balance" })
            Assert.Contains($"data-chart=\"{name}\"", page);
        var charts = Regex.Matches(page, "<figure class=\"chart\" data-chart=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        log.WriteLine("charts on the page: " + string.Join(", ", charts));
        Assert.True(Regex.Count(page, "<svg ") >= 10);
    }

    /// <summary>The page's rows are the parity check's alignment of the languages (page breaks aside), so its problems find their row.</summary>
    [SkippableFact]
    public void The_rows_are_the_parity_checks_alignment()
    {
        var composer = new ReportGen.Templating.DocumentComposer(Repo.Path("templates"));
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(Repo.Seed, "", Repo.Path("templates"), ReportGen.Model.Languages.All, [], "portfolio-analysis"), composer);
        var keys = ReportGen.Templating.LanguageParity.Align(documents.Select(d => new ReportGen.Templating.LanguageOutline(d.Doc.Language, composer.OutlineOf(d.Doc)!)).ToList())
            .Select(r => r.Key).Where(k => !k.EndsWith("page break", StringComparison.Ordinal)).ToList();
        var rows = Regex.Matches(Page(), "<div class=\"row[^\"]*\" id=\"[^\"]+\" data-key=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(keys, rows);
        Assert.Contains("paragraph 8 item.3.2", rows);
    }

    [SkippableFact]
    public void A_difference_between_the_languages_is_marked_in_its_row_and_the_page_still_written()
    {
        using var dir = CopyTemplates();
        string zh = Path.Combine(dir.Path, "zh", "portfolio-analysis.md.hbs");
        string text = File.ReadAllText(zh);
        const string from = "而 {{@root.review.previous.year}} 年为 {{pct @root.review.previous.all_domains_share}}{{/if}}{{/if}}。";
        Assert.Contains(from, text);
        File.WriteAllText(zh, text.Replace(from, "{{/if}}{{/if}}。"));
        using var outDir = new TempDir();
        string out_ = Path.Combine(outDir.Path, "out", "review.html");
        var (code, output, error) = Cli.CliTests.Run("review", Repo.Seed, "--doc", "portfolio-analysis", "--templates", dir.Path, "--out", out_);
        Assert.True(code == 1, output + error);
        Assert.True(output.Contains("paragraph 8: the Chinese does not use the figure portfolio.years[0].all_domains_share that the English uses"), output + error);
        Assert.Contains("1 difference between the languages, marked on the page.", output);
        string page = File.ReadAllText(out_);
        string row = Row(page, "paragraph 8");
        Assert.StartsWith("<div class=\"row problem\"", row);
        Assert.Contains("<ul class=\"problems\" role=\"note\"><li>", row);
        Assert.Contains("the Chinese does not use the figure portfolio.years[0].all_domains_share", row);
        Assert.DoesNotContain("class=\"row problem", Row(page, "paragraph 7"));
        Assert.Contains("<a href=\"#doc-portfolio-analysis-r", page); // the summary links to the row
    }

    /// <summary>
    /// A paragraph the Chinese lacks: its row has the English and, in the Chinese column, the
    /// problem in place of the paragraph; every later row still holds the same part in both
    /// languages (the Chinese paragraphs numbered one less).
    /// </summary>
    [SkippableFact]
    public void A_paragraph_missing_in_the_chinese_leaves_an_empty_marked_cell_and_the_later_rows_side_by_side()
    {
        using var dir = CopyTemplates();
        string zh = Path.Combine(dir.Path, "zh", "portfolio-analysis.md.hbs");
        const string from = "分析以提交方案审查委员会并经其核准的项目为基础。每份提案须说明项目主要服务的成果（首要成果）以及项目同时促进的其他成果（次级成果）。委员会审查这些选择是否符合战略计划，并就项目如何增强计划的整体影响提出建议。\n\n";
        string text = File.ReadAllText(zh);
        Assert.Contains(from, text);
        File.WriteAllText(zh, text.Replace(from, ""));
        var result = ReviewPage.Build(Repo.Seed, dir.Path, "portfolio-analysis");
        string place = $"{dir.Path}/zh/portfolio-analysis.md.hbs:52:1";
        string message = "document 'portfolio-analysis' differs from the English: the Chinese has no paragraph 4; " +
            $"the English writes it at {dir.Path}/en/portfolio-analysis.md.hbs:52 — add it after the heading of section 三.A (line 50)";
        var difference = Assert.Single(result.Differences);
        Assert.Equal(("paragraph 4", place, message), (difference.Key, difference.Place, difference.Message));
        string page = Encoding.UTF8.GetString(result.Page);

        string missing = Row(page, "paragraph 4");
        Assert.StartsWith("<div class=\"row problem unmatched\"", missing);
        Assert.Matches("lang=\"en\" id=\"[^\"]+-en-4\"><p class=\"body\"><span class=\"no\">4\\.</span> The analysis draws on the projects", missing);
        Assert.Contains($"<div class=\"cell\" lang=\"zh-CN\"><p class=\"missing\" lang=\"en\">{E(place)}: {E(message)}</p></div>", missing);

        // After it, each row holds the same paragraph in both languages, and nothing else is marked.
        Assert.Matches("lang=\"en\" id=\"[^\"]+-en-6\"><p class=\"body\"><span class=\"no\">6\\.</span> The analysis also compares the normative support" +
            ".*lang=\"zh-CN\" id=\"[^\"]+-zh-5\"><p class=\"body\"><span class=\"no\">5\\.</span> 分析还将人居署服务目录中所述的规范支持", Row(page, "paragraph 6"));
        Assert.Matches("lang=\"en\" id=\"[^\"]+-en-8\"><p class=\"body\"><span class=\"no\">8\\.</span> Programming that spans" +
            ".*lang=\"zh-CN\" id=\"[^\"]+-zh-7\"><p class=\"body\"><span class=\"no\">7\\.</span> 2020 年至 2021 年", Row(page, "paragraph 8"));
        Assert.Contains("在区域和国家两级", Row(page, "paragraph 13 item.1"));
        Assert.Single(Regex.Matches(page, "<div class=\"row problem"));
        Assert.DoesNotContain("(no such part in this language)", page);
    }

    private static string E(string text) => HtmlWriter.E(text);

    [SkippableFact]
    public void Review_says_which_templates_and_fonts_it_uses()
    {
        using var dir = new TempDir();
        var (code, output, error) = Cli.CliTests.Run("review", Repo.Seed, "--doc", "annual-report-summary", "--templates", Repo.Path("templates"), "--out", dir.File("r.html"));
        Assert.True(code == 0, error);
        Assert.Contains($"templates: {Repo.Path("templates")} (given with --templates; not the shipped ones)", output);
        Assert.Contains("fonts: the browser's", output);
        Assert.Contains($"wrote {dir.File("r.html")} (annual-report-summary; English, Chinese, French, Spanish, Russian and Arabic side by side)", output);
        Assert.True(new FileInfo(dir.File("r.html")).Length > 10_000);
    }

    [SkippableFact]
    public void Hostile_text_shows_literally()
    {
        const string hostile = "*<b>x</b> & {{y}} \"q\" 'a' <script>alert(1)</script>";
        var cell = new TableCell([new Text(hostile)]);
        var chart = new ChartData(ChartKind.ClusteredBars, [hostile, "2"], [new ChartSeries(hostile, [1, 2]), new ChartSeries("t", [1.5, null], Dashed: true)],
            hostile, hostile, [new Headline(hostile, hostile)], [true, false], hostile);
        var matrix = chart with { Kind = ChartKind.Matrix };
        Doc Edition(string language) => new(
            new Masthead(hostile, hostile, hostile, "", hostile, hostile, hostile, hostile, hostile, "", new Footnote(null, [new Text(hostile)]),
                hostile, hostile, hostile, [], hostile, hostile),
            [
                new Heading(1, "I.", [new Text(hostile)]),
                new Paragraph(true, [new Text(hostile), new FigureRef("a[0].\"b\"<c>", 1, hostile), new FootnoteRef(new Footnote("*", [new Text(hostile)]))]),
                new Table([[cell]], [[cell, cell]], [1, 1], hostile),
                new ChartSlot(hostile, hostile, hostile, hostile, chart, new Table([[cell]], [[cell]], [1])),
                new ChartSlot("m", "II", hostile, null, matrix, new Table([[cell]], [[cell]], [1])),
                new Annex(hostile, hostile, [new Paragraph(false, [new Text(hostile)])]),
            ], language);
        var bytes = HtmlWriter.Review([new ReviewDocument(hostile, [Edition("en"), Edition("zh")], [new ReviewProblem("paragraph 1", hostile, hostile)])]);
        string page = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("<b>", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("{{y}} \"q\"", page);
        Assert.Contains("*&lt;b&gt;x&lt;/b&gt; &amp; {{y}} &quot;q&quot; &#39;a&#39; &lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("data-figure=\"a[0].&quot;b&quot;&lt;c&gt;\"", page);
        // Every tag the page has is one the writer makes: no markup came from the text.
        var tags = Regex.Matches(page, "<([a-zA-Z][a-zA-Z0-9]*)").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(new HashSet<string> { "html", "head", "meta", "title", "style", "body", "header", "p", "mark", "span", "main", "section", "code", "ul", "li", "a",
            "div", "strong", "br", "h1", "h2", "h3", "sup", "ol", "table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "desc", "rect",
            "text", "line", "polyline", "details", "summary", "em" }, tags);
    }

    [SkippableFact]
    public void Hostile_workbook_text_shows_literally_on_the_page()
    {
        const string hostile = "*Bold* _under_ <b>x</b> & {{doc.symbol}} # [link](http://x) | `code` \\ 50% \"q\"";
        using var dir = new TempDir();
        string workbook = WorkbookBuilder.Minimal()
            .Set("Outcomes", 2, "title_en", hostile)
            .Set("Outcomes", 2, "title_zh", hostile)
            .Save(dir.File("hostile.xlsx"));
        string page = Encoding.UTF8.GetString(ReviewPage.Build(workbook, Repo.Path("templates"), null).Page);
        const string escaped = "*Bold* _under_ &lt;b&gt;x&lt;/b&gt; &amp; {{doc.symbol}} # [link](http://x) | `code` \\ 50% &quot;q&quot;";
        Assert.Contains("<th scope=\"row\">1.1 " + escaped, page);
        // In the Chinese table the Latin text is marked as English (<span lang="en">); read without those marks it is the same.
        Assert.Contains("<th scope=\"row\">1.1 *<span lang=\"en\">Bold*", page);
        string read = Regex.Replace(page, "<span lang=\"en\">([^<]*)</span>", "$1");
        Assert.True(read.Split("<th scope=\"row\">1.1 " + escaped).Length - 1 >= 2, "the title literally in both languages' tables");
        Assert.DoesNotContain("<b>x</b>", page);
        Assert.DoesNotContain("href=\"http://x", page);
    }

    /// <summary>The page in a real browser (Debian's chromium, headless): the DOM it builds, and a screenshot kept as a build artefact.</summary>
    [SkippableFact]
    public void The_page_opens_in_a_real_browser()
    {
        string folder = Repo.Path("output", "review-test");
        Directory.CreateDirectory(folder);
        string page = Path.Combine(folder, "review.html");
        File.WriteAllBytes(page, ReviewPage.Build(Repo.Seed, Repo.Path("templates"), "portfolio-analysis").Page);

        string dom = Chromium.Run(page, "--dump-dom");
        var row = Regex.Match(dom, "<div class=\"row\" id=\"[^\"]+\" data-key=\"paragraph 8\">(.*?)</div>(?=<div class=\"cell\" lang=\"zh-CN\" id=\"doc-portfolio-analysis-zh-8\">)(.*?)</div>", RegexOptions.Singleline);
        Assert.True(row.Success, "paragraph 8's row with an English cell followed by a Chinese one in the browser's DOM");
        Assert.Contains("Programming that spans the domains of change", row.Groups[1].Value);
        Assert.Contains("跨越战略计划各变革领域", row.Groups[2].Value);
        Assert.Contains("<mark class=\"fig\" data-figure=\"portfolio.years[1].all_domains_share\"", row.Groups[1].Value);
        Assert.Contains("title=\"portfolio.years[1].all_domains_share\">41%</mark>", row.Groups[2].Value);

        string screenshot = Path.Combine(folder, "review.png");
        File.Delete(screenshot);
        Chromium.Run(page, "--window-size=1400,2400", $"--screenshot={screenshot}");
        var png = File.ReadAllBytes(screenshot);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 50_000, $"a screenshot of a full page ({png.Length} bytes)");
        log.WriteLine($"screenshot of the review page: {screenshot}");
    }

    [SkippableFact]
    public async Task Watch_rebuilds_the_served_page_when_a_template_is_saved()
    {
        using var dir = CopyTemplates();
        var output = new StringWriter();
        using var server = new ReviewServer(Repo.Seed, dir.Path, "portfolio-analysis", output);
        server.Start();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(10) };
        Assert.StartsWith("http://127.0.0.1:", server.Url);
        string before = (await http.GetStringAsync("/"));
        string version = (await http.GetStringAsync("/version"));
        Assert.Equal(server.Version, version);
        Assert.Contains($"var served = \"{version}\";", before); // the page knows its version, to reload when it changes
        Assert.Contains("Programming that spans the domains of change of the strategic plan grew between", before);

        string en = Path.Combine(dir.Path, "en", "portfolio-analysis.md.hbs");
        File.WriteAllText(en, File.ReadAllText(en).Replace("Programming that spans the domains of change of the strategic plan grew",
            "Programming that spans the domains of change &lt;of the strategic plan&gt; grew (saved)"));
        var clock = Stopwatch.StartNew();
        string now = version;
        while (now == version && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
            now = (await http.GetStringAsync("/version"));
        }
        log.WriteLine($"the served version changed after {clock.ElapsedMilliseconds} ms");
        Assert.NotEqual(version, now); // how fast is bench/'s business (no timed assertion: a loaded machine is slow)
        string after = (await http.GetStringAsync("/"));
        Assert.Contains("grew (saved) between", after);
        Assert.Contains($"var served = \"{now}\";", after);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/other")).StatusCode);

        // A template error is shown on the page (and the page still reloads), not a dead server.
        File.WriteAllText(en, File.ReadAllText(en).Replace("(saved)", "{{#if}}"));
        clock.Restart();
        while (!(await http.GetStringAsync("/")).Contains("nothing to review until fixed") && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        Assert.Contains("nothing to review until fixed", (await http.GetStringAsync("/")));
        Assert.Contains("built the review page", output.ToString());
    }

    /// <summary>
    /// The served page in a real browser reloads itself when the page changes: chromium opens it,
    /// and when the page first asks for /version the test saves a template (and lets the rebuild
    /// finish); the page the browser holds in the end is the new one.
    /// </summary>
    [SkippableFact]
    public void The_open_page_reloads_itself_in_a_real_browser_after_a_save()
    {
        using var dir = CopyTemplates();
        using var server = new ReviewServer(Repo.Seed, dir.Path, "annual-report-summary", new StringWriter());
        server.Start();
        string en = Path.Combine(dir.Path, "en", "annual-report-summary.md.hbs");
        string text = File.ReadAllText(en);
        const string from = "The report has four parts:";
        Assert.Contains(from, text);
        int builds = server.Builds, saved = 0;
        server.OnRequest = path =>
        {
            if (path != "/version" || Interlocked.Exchange(ref saved, 1) == 1) return;
            File.WriteAllText(en, text.Replace(from, "The report has four parts (saved while open):"));
            var clock = Stopwatch.StartNew();
            while (server.Builds == builds && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
        };
        string dom = Chromium.Open(server.Url, "--dump-dom", "--virtual-time-budget=5000");
        Assert.Equal(1, saved);
        Assert.Contains("The report has four parts (saved while open):", dom);
        Assert.Contains($"var served = \"{server.Version}\";", dom);
    }

    private static TempDir CopyTemplates() => ShippedTemplates.Copy();
}
