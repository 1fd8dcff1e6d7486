using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// `check` compares the two languages of each document: a translator who drops or moves a
/// paragraph, a chart or a figure, or tests another finding, is stopped with the place.
/// </summary>
public class LanguageParityTests
{

    /// <summary>The shipped templates with one edit to the Chinese portfolio analysis; `check`'s exit code and output.</summary>
    private static (int Code, string Out) CheckWithChineseEdit(string from, string to)
    {
        using var dir = Edited("zh", from, to);
        var (code, output, error) = Cli.CliTests.Run("check", Repo.Seed, "--templates", dir.Path);
        return (code, output + error);
    }

    /// <summary>A copy of the shipped templates with one edit to a language's template.</summary>
    private static TempDir Edited(string language, string from, string to, string template = "portfolio-analysis") =>
        ShippedTemplates.Copy(($"{language}/{template}.md.hbs", from, to));

    /// <summary>`check` and `build` with the templates of <paramref name="dir"/> both stop (exit 1) with exactly these problems.</summary>
    private static void BothStopWith(TempDir dir, params string[] problems)
    {
        string expected = string.Concat(problems.Select(p => p + "\n")) + (problems.Length == 1 ? "1 problem found.\n" : $"{problems.Length} problems found.\n");
        var (code, _, error) = Cli.CliTests.Run("check", Repo.Seed, "--templates", dir.Path);
        Assert.Equal((1, expected), (code, error));
        using var output = new TempDir();
        (code, _, error) = Cli.CliTests.Run("build", Repo.Seed, "--templates", dir.Path, "--out", output.File("out"), "--format", "txt");
        Assert.Equal((1, expected), (code, error));
        Assert.False(Directory.Exists(output.File("out")));
    }

    [Fact]
    public void The_shipped_templates_are_in_step() => Assert.Equal(0, Cli.CliTests.Run("check", Repo.Seed).Code);

    // A part one language lacks is named, with the line the other writes it on and where it goes;
    // the parts after it are still paired with their counterparts, so nothing else is reported.

    [Fact]
    public void A_paragraph_the_chinese_lacks_is_named_with_the_english_line_and_where_it_goes()
    {
        using var dir = Edited("zh", "# 下一步行动\n\n可以通过以下方式进一步发展上述分析的结果：\n\n", "# 下一步行动\n\n");
        BothStopWith(dir, $"{dir.Path}/zh/portfolio-analysis.md.hbs:95:1: document 'portfolio-analysis' differs from the English: the Chinese has no paragraph 13; " +
            $"the English writes it at {dir.Path}/en/portfolio-analysis.md.hbs:95 — add it after the heading of chapter 四 (line 93)");
    }

    [Fact]
    public void A_paragraph_the_english_lacks_is_placed_where_the_chinese_writes_it()
    {
        const string paragraph6 = "分析还将人居署服务目录中所述的规范支持与其业务项目组合进行了比较（附件二，{{chart_ref \"balance\"}}）。\n\n";
        using var dir = Edited("zh", paragraph6, paragraph6 + "另有一段。\n\n");
        BothStopWith(dir, $"{dir.Path}/zh/portfolio-analysis.md.hbs:63:1: document 'portfolio-analysis' differs from the English: the English has no paragraph 7, " +
            $"which the Chinese writes here: remove it, or add it to the English after paragraph 6 ({dir.Path}/en/portfolio-analysis.md.hbs:61)");
    }

    [Fact]
    public void A_sub_item_the_chinese_lacks_is_named_with_its_letter()
    {
        using var dir = Edited("zh", "{{#if findings.covid.any}}- 旨在帮助应对冠状病毒病（COVID-19）大流行的项目在项目组合中所占比例为：{{#join findings.covid.years}}{{year}} 年 {{pct share}}{{/join}}{{#if findings.covid.years_without}}，{{list findings.covid.years_without}} 年所审查的项目中没有此类项目{{/if}}；" +
            "{{else}}- 所审查的项目中没有专门应对冠状病毒病（COVID-19）大流行的项目；{{/if}}\n", "");
        BothStopWith(dir, $"{dir.Path}/zh/portfolio-analysis.md.hbs:70:1: document 'portfolio-analysis' differs from the English: the Chinese has no paragraph 8 (b); " +
            $"the English writes it at {dir.Path}/en/portfolio-analysis.md.hbs:70 — add it after paragraph 8 (a) (line 69)");
    }

    [Fact]
    public void A_chart_the_chinese_lacks_is_named_as_the_english_numbers_it()
    {
        // The references still find charts (the other interrelation charts), so it is the comparison that finds it.
        using var dir = Edited("zh", "{{chart \"interrelation\" outcome=\"3.3\" title=\"成果 {outcome}（{short}）与其他成果的相互关系\"}}\n\n", "");
        BothStopWith(dir, $"{dir.Path}/zh/portfolio-analysis.md.hbs:128:1: document 'portfolio-analysis' differs from the English: the Chinese has no Annex II, chart VIII; " +
            $"the English writes it at {dir.Path}/en/portfolio-analysis.md.hbs:128 — add it after 附件二, chart 七 (line 126)");
    }

    [Fact]
    public void A_table_the_chinese_lacks_is_named_in_its_annex()
    {
        using var dir = Edited("zh", "| 成果 | 预算（美元） | 已获资金（美元） | 供资比例 | 资金不足 |\n|:--|--:|--:|--:|:-:|\n{{#each reporting.funding}}\n" +
            "| {{outcome}} {{title}} | {{fig budget_usd}} | {{fig funded_usd}} | {{pctsign funded_share}} | {{#if underfunded}}是{{/if}} |\n{{/each}}\n\n", "", "annual-report-summary");
        BothStopWith(dir, $"{dir.Path}/zh/annual-report-summary.md.hbs:68:1: document 'annual-report-summary' differs from the English: the Chinese has no Annex, table 2; " +
            $"the English writes it at {dir.Path}/en/annual-report-summary.md.hbs:67 — add it after 附件, heading 2 (line 66)");
    }

    [Fact]
    public void After_a_missing_paragraph_the_rest_is_still_compared_figure_by_figure()
    {
        // Paragraph 8 leaves out a figure; paragraph 7 (line 65, and the blank line after it) goes.
        using var dir = Edited("zh", "而 {{@root.review.previous.year}} 年为 {{pct @root.review.previous.all_domains_share}}{{/if}}{{/if}}。", "{{/if}}{{/if}}。");
        string zh = Path.Combine(dir.Path, "zh", "portfolio-analysis.md.hbs");
        var lines = File.ReadAllLines(zh).ToList();
        Assert.StartsWith("{{#if findings.review.compared}}", lines[64]);
        lines.RemoveRange(64, 2);
        File.WriteAllText(zh, string.Join("\n", lines) + "\n");
        BothStopWith(dir,
            $"{dir.Path}/zh/portfolio-analysis.md.hbs:65:1: document 'portfolio-analysis' differs from the English: the Chinese has no paragraph 7; " +
            $"the English writes it at {dir.Path}/en/portfolio-analysis.md.hbs:65 — add it after the heading of section 三.B (line 63)",
            $"{dir.Path}/zh/portfolio-analysis.md.hbs:65:1: document 'portfolio-analysis' differs from the English: paragraph 8: " +
            "the Chinese does not use the figure portfolio.years[0].all_domains_share that the English uses");
    }

    [Fact]
    public void A_part_of_another_shape_is_reported_at_its_line()
    {
        const string sentence = "分析还将人居署服务目录中所述的规范支持与其业务项目组合进行了比较";
        using var dir = Edited("zh", sentence, sentence + "[^1]");
        File.AppendAllText(Path.Combine(dir.Path, "zh", "portfolio-analysis.md.hbs"), "\n[^1]: 注释。\n");
        BothStopWith(dir, $"{dir.Path}/zh/portfolio-analysis.md.hbs:61:1: document 'portfolio-analysis' differs from the English: " +
            "at paragraph 6 the English has a numbered paragraph, the Chinese a numbered paragraph with 1 footnote");
    }

    /// <summary>A part written by a partial is placed in the partial's file, at its line.</summary>
    [Fact]
    public void A_part_written_by_a_partial_is_placed_in_the_partial()
    {
        using var dir = new TempDir();
        string workbook = WorkbookBuilder.Minimal().Save(dir.File("cycle.xlsx"));
        Directory.CreateDirectory(dir.File("templates/en/partials"));
        Directory.CreateDirectory(dir.File("templates/zh"));
        File.WriteAllText(dir.File("templates/en/annual-report-summary.md.hbs"), FrontMatter + "The first paragraph of the report, on what it covers.\n\n{{> projects}}\n\nLast.\n");
        File.WriteAllText(dir.File("templates/en/partials/projects.md.hbs"), "A lead-in.\n\nProjects: {{num portfolio.total_projects}}.\n");
        File.WriteAllText(dir.File("templates/zh/annual-report-summary.md.hbs"), FrontMatter + "报告第一段，说明其范围。\n\n项目：{{num portfolio.total_projects}} 个。\n\n最后。\n");
        var (code, _, error) = Cli.CliTests.Run("check", workbook, "--templates", dir.File("templates"));
        Assert.Equal((1, $"{dir.Path}/templates/zh/annual-report-summary.md.hbs:16:1: document 'annual-report-summary' differs from the English: the Chinese has no paragraph 2; " +
            $"the English writes it at {dir.Path}/templates/en/partials/projects.md.hbs:1 — add it after paragraph 1 (line 14)\n1 problem found.\n"), (code, error));
    }

    private const string FrontMatter = "---\nunited_nations: United Nations\ndistribution: \"Distr.: General\"\noriginal: \"Original: English\"\norgan: Executive Board\n" +
        "session: Second session\nplace_and_dates: Nairobi\nagenda_item: Item 6\nagenda_footnote: \"{{doc.agenda_symbol}}.\"\nagenda_title: Strategic plan\n" +
        "title: A title\nsubtitle: Note by the secretariat\n---\n"; // 13 lines, so the body starts on line 14

    [Fact]
    public void A_figure_dropped_from_the_chinese_is_found_in_its_paragraph()
    {
        var (code, output) = CheckWithChineseEdit("而 {{@root.review.previous.year}} 年为 {{pct @root.review.previous.all_domains_share}}{{/if}}{{/if}}。", "{{/if}}{{/if}}。");
        Assert.Equal(1, code);
        Assert.Contains("/zh/portfolio-analysis.md.hbs:67:1: document 'portfolio-analysis' differs from the English: " +
            "paragraph 8: the Chinese does not use the figure portfolio.years[0].all_domains_share that the English uses\n1 problem found.", output);
    }

    [Fact]
    public void A_different_finding_in_the_chinese_is_found_in_its_sub_item()
    {
        var (code, output) = CheckWithChineseEdit("{{#if findings.covid.any}}- 旨在", "{{#if findings.covid.every_year}}- 旨在");
        Assert.Equal(1, code);
        Assert.Contains("/zh/portfolio-analysis.md.hbs:70:1: document 'portfolio-analysis' differs from the English: " +
            "paragraph 8 (b): the Chinese does not use the finding findings.covid.any = True that the English uses", output);
        Assert.Contains("/zh/portfolio-analysis.md.hbs:70:1: document 'portfolio-analysis' differs from the English: " +
            "paragraph 8 (b): the Chinese uses the finding findings.covid.every_year = True, which the English does not", output);
    }

    [Fact]
    public void A_list_of_outcomes_left_out_of_the_chinese_is_found()
    {
        var (code, output) = CheckWithChineseEdit("服务目录比重高于项目组合比重最明显的是成果 {{list findings.balance.services_ahead_leading}}", "服务目录比重高于项目组合比重最明显的是若干成果");
        Assert.Equal(1, code);
        Assert.Contains("paragraph 11: the Chinese does not use the finding findings.balance.services_ahead_leading (printed) = [3.1, 3.2, 3.3]", output);
    }

    [Fact]
    public void One_language_alone_is_not_compared()
    {
        using var dir = new TempDir();
        var (code, _, error) = Cli.CliTests.Run("check", Repo.Seed, "--lang", "en");
        Assert.Equal(0, code);
        Assert.Equal("", error);
    }
}
