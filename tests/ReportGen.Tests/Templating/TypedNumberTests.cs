using ReportGen.Templating;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// Numbers cannot drift at a translator's hand (issue 22): a number a template types where the
/// other language prints a figure, or types differently, stops `check` and `build` at its
/// file:line:col, naming what the other language prints there and the mustache to use.
/// </summary>
public class TypedNumberTests
{

    /// <summary>The shipped templates copied, with edits (file under templates/, from, to).</summary>
    private static TempDir Templates(params (string File, string From, string To)[] edits) => ShippedTemplates.Copy(edits);

    /// <summary>file:line:col of the first <paramref name="what"/> after <paramref name="after"/> in a template of the folder, as problems name it.</summary>
    private static string Place(TempDir dir, string file, string after, string what)
    {
        string path = Path.Combine(dir.Path, file);
        string text = File.ReadAllText(path);
        int at = text.IndexOf(what, text.IndexOf(after, StringComparison.Ordinal), StringComparison.Ordinal);
        var (line, column) = TemplateError.LineColumn(text, at);
        return $"{path}:{line}:{column}";
    }

    /// <summary>`check` and `build` alike: exit 1 and exactly <paramref name="expected"/> as the problems.</summary>
    private static void BothStop(TempDir dir, params string[] expected)
    {
        var (code, output, error) = Cli.CliTests.Run("check", Repo.Seed, "--templates", dir.Path);
        Assert.True(code == 1, output + error);
        Assert.Equal([.. expected, $"{expected.Length} problem{(expected.Length == 1 ? "" : "s")} found."], Lines(output + error));
        using var outDir = new TempDir();
        (code, output, error) = Cli.CliTests.Run("build", Repo.Seed, "--templates", dir.Path, "--out", outDir.File("out"), "--format", "txt");
        Assert.True(code == 1, output + error);
        Assert.Equal([.. expected, $"{expected.Length} problem{(expected.Length == 1 ? "" : "s")} found."], Lines(output + error));
        Assert.False(Directory.Exists(outDir.File("out")));
        Assert.DoesNotContain("   at ", error); // no stack trace
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("templates: ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void A_percentage_typed_in_the_chinese_is_placed_and_named_with_the_helper_the_english_uses()
    {
        using var dir = Templates(("zh/annual-report-summary.md.hbs", "当年预算的 {{pct findings.reporting_year_funded_share}} 获得了资金", "当年预算的 62% 获得了资金"));
        BothStop(dir, $"{Place(dir, "zh/annual-report-summary.md.hbs", "当年预算的", "62%")}: '62%' is typed; " +
            "the English prints findings.reporting_year_funded_share here — use {{pct findings.reporting_year_funded_share}}");
    }

    [Fact]
    public void A_count_typed_in_chinese_words_is_placed_and_named()
    {
        using var dir = Templates(("zh/annual-report-summary.md.hbs", "报告还介绍了{{num plan.flagship_count}}个旗舰方案", "报告还介绍了五个旗舰方案"));
        BothStop(dir, $"{Place(dir, "zh/annual-report-summary.md.hbs", "报告还介绍了", "五")}: '五' is typed; " +
            "the English prints plan.flagship_count here — use {{num plan.flagship_count}}");
    }

    [Fact]
    public void A_typed_number_after_a_part_missing_in_one_language_is_still_found()
    {
        // The Chinese loses its first paragraph (a parity problem of its own) and types 五 further down:
        // the parts after the missing one are lined up by structure, so the typed number is still found.
        string first = File.ReadAllLines(Repo.Path("templates", "zh", "annual-report-summary.md.hbs")).First(l => l.StartsWith("联合国人居大会", StringComparison.Ordinal));
        using var dir = Templates(("zh/annual-report-summary.md.hbs", first + "\n\n", ""),
            ("zh/annual-report-summary.md.hbs", "报告还介绍了{{num plan.flagship_count}}个旗舰方案", "报告还介绍了五个旗舰方案"));
        var (code, output, error) = Cli.CliTests.Run("check", Repo.Seed, "--templates", dir.Path);
        Assert.True(code == 1, output + error);
        var lines = Lines(output + error);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("the Chinese has no paragraph 1;", StringComparison.Ordinal));
        Assert.Contains($"{Place(dir, "zh/annual-report-summary.md.hbs", "报告还介绍了", "五")}: '五' is typed; " +
            "the English prints plan.flagship_count here — use {{num plan.flagship_count}}", lines);
        Assert.Equal("2 problems found.", lines[^1]);
    }

    [Fact]
    public void A_figure_the_template_reaches_by_another_name_is_named_as_the_english_writes_it()
    {
        using var dir = Templates(("zh/portfolio-analysis.md.hbs", "而 {{@root.review.previous.year}} 年为 {{pct @root.review.previous.all_domains_share}}{{/if}}{{/if}}。",
            "而 {{@root.review.previous.year}} 年为 11%{{/if}}{{/if}}。"));
        BothStop(dir, $"{Place(dir, "zh/portfolio-analysis.md.hbs", "而 {{@root.review.previous.year}} 年为", "11%")}: '11%' is typed; " +
            "the English prints @root.review.previous.all_domains_share here — use {{pct @root.review.previous.all_domains_share}}");
    }

    [Fact]
    public void A_word_typed_in_the_english_where_the_chinese_prints_a_figure_is_found_the_other_way_round()
    {
        using var dir = Templates(("en/annual-report-summary.md.hbs", "The report also describes the {{num plan.flagship_count}} flagship", "The report also describes the five flagship"));
        BothStop(dir, $"{Place(dir, "en/annual-report-summary.md.hbs", "The report also describes", "five")}: 'five' is typed; " +
            "the Chinese prints plan.flagship_count here — use {{num plan.flagship_count}}");
    }

    [Fact]
    public void A_different_number_typed_or_one_the_english_lacks_is_named()
    {
        using var dir = Templates(
            ("zh/annual-report-summary.md.hbs", "报告包括以下四个部分", "报告包括以下三个部分"),
            ("zh/portfolio-analysis.md.hbs", "在区域和国家两级以及", "在区域、国家和总部三级以及"));
        BothStop(dir,
            $"{Place(dir, "zh/annual-report-summary.md.hbs", "报告包括以下", "三")}: '三' is typed; the English types 'four' here — type the same number",
            $"{Place(dir, "zh/portfolio-analysis.md.hbs", "在区域、国家和总部", "三")}: '三' is typed; the English has no number here — type only the numbers the English types");
    }

    [Fact]
    public void A_number_in_a_chart_title_and_one_in_the_masthead_are_the_templates_words_too()
    {
        using var dir = Templates(
            ("zh/annual-report-summary.md.hbs", "subtitle=\"每项指标计入所属成果实现程度时以 100% 为上限\"", "subtitle=\"每项指标计入所属成果实现程度时以 90% 为上限\""),
            ("zh/annual-report-summary.md.hbs", "session: \"{{year_of doc.session_start}} 年第二次会议\"", "session: \"{{year_of doc.session_start}} 年第三次会议\""));
        BothStop(dir,
            $"{Place(dir, "zh/annual-report-summary.md.hbs", "session:", "第三")}: '第三' is typed; the English types 'Second' here — type the same number",
            $"{Place(dir, "zh/annual-report-summary.md.hbs", "subtitle=", "90%")}: '90%' is typed; the English types '100 per cent' here — type the same number");
    }

    [Fact]
    public void Words_that_hold_a_number_character_but_state_no_quantity_do_not_fire()
    {
        // Added to the closing paragraph of the Chinese portfolio analysis, which the English words without a number:
        // only the one real number among them (三个) is a problem.
        using var dir = Templates(("zh/portfolio-analysis.md.hbs", "可以通过以下方式进一步发展上述分析的结果：",
            "可以通过以下方式进一步发展上述分析的结果，统一、一致、一体化地推进这一工作，另一方面十分重视唯一、同一的标准，" +
            "一直一般地一起做一些一系列一定的事，在区域和国家两级、从数量和内容两方面推进二者，下一步分三个阶段："));
        BothStop(dir, $"{Place(dir, "zh/portfolio-analysis.md.hbs", "下一步分", "三")}: '三' is typed; the English has no number here — type only the numbers the English types");
    }

    [Fact]
    public void The_same_number_in_both_languages_passes_however_it_is_written_and_another_does_not()
    {
        // "part 1" / "第一部分", "four parts" / "四个部分", "100 per cent" / "100%", "1/1", "Annex II" / 附件二 and
        // "Second" / 第二 are in the shipped templates, which pass (LanguageParityTests); "4 parts" is "four parts" too.
        using var dir = Templates(
            ("en/annual-report-summary.md.hbs", "The report has four parts:", "The report has 4 parts:"),
            ("zh/annual-report-summary.md.hbs", "- 第二部分详细评估", "- 第五部分详细评估"));
        BothStop(dir, $"{Place(dir, "zh/annual-report-summary.md.hbs", "- 第五部分", "第五")}: '第五' is typed; the English types '2' here — type the same number");
    }

    [Fact]
    public void The_review_page_marks_the_row_of_a_typed_number()
    {
        using var dir = Templates(("zh/annual-report-summary.md.hbs", "报告还介绍了{{num plan.flagship_count}}个旗舰方案", "报告还介绍了五个旗舰方案"));
        var result = ReportGen.Build.ReviewPage.Build(Repo.Seed, dir.Path, "annual-report-summary");
        var difference = Assert.Single(result.Differences);
        Assert.Equal("paragraph 6", difference.Key);
        string place = Place(dir, "zh/annual-report-summary.md.hbs", "报告还介绍了", "五");
        Assert.Equal((place, "'五' is typed; the English prints plan.flagship_count here — use {{num plan.flagship_count}}"), (difference.Place, difference.Message));
        string row = System.Text.Encoding.UTF8.GetString(result.Page).Split('\n')
            .Single(l => l.StartsWith("<div class=\"row", StringComparison.Ordinal) && l.Contains("data-key=\"paragraph 6\""));
        Assert.StartsWith("<div class=\"row problem\"", row);
        Assert.Contains($"<ul class=\"problems\" role=\"note\"><li>{place}: &#39;五&#39; is typed; the English prints plan.flagship_count here — use {{{{num plan.flagship_count}}}}</li>", row);
    }
}
