using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// `check` compares the two languages of each document: a translator who drops or moves a
/// paragraph, a chart or a figure, or tests another finding, is stopped with the place.
/// </summary>
public class LanguageParityTests
{
    private static readonly string Seed = Repo.Path("seeds", "unhabitat-2020-2021.xlsx");

    /// <summary>The shipped templates with one edit to the Chinese portfolio analysis; `check`'s exit code and output.</summary>
    private static (int Code, string Out) CheckWithChineseEdit(string from, string to)
    {
        using var dir = new TempDir();
        foreach (string file in Directory.GetFiles(Repo.Path("templates"), "*.hbs", SearchOption.AllDirectories))
        {
            string target = Path.Combine(dir.Path, Path.GetRelativePath(Repo.Path("templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string zh = Path.Combine(dir.Path, "zh", "portfolio-analysis.md.hbs");
        string text = File.ReadAllText(zh);
        Assert.Contains(from, text);
        File.WriteAllText(zh, text.Replace(from, to));
        var (code, output, error) = Cli.CliTests.Run("check", Seed, "--templates", dir.Path);
        return (code, output + error);
    }

    [Fact]
    public void The_shipped_templates_are_in_step() => Assert.Equal(0, Cli.CliTests.Run("check", Seed).Code);

    [Fact]
    public void A_paragraph_dropped_from_the_chinese_is_found_with_its_number()
    {
        var (code, output) = CheckWithChineseEdit("# 下一步行动\n\n可以通过以下方式进一步发展上述分析的结果：\n\n", "# 下一步行动\n\n");
        Assert.Equal(1, code);
        Assert.Contains("document 'portfolio-analysis' differs from the English: at paragraph 13 the English has a numbered paragraph", output);
        Assert.Contains("zh/portfolio-analysis.md.hbs", output);
    }

    [Fact]
    public void A_chart_dropped_from_the_chinese_is_found()
    {
        var (code, output) = CheckWithChineseEdit("{{chart \"interrelation\" outcome=\"3.3\" title=\"成果 {outcome}（{short}）与其他成果的相互关系\"}}", "");
        Assert.Equal(1, code);
        // The references still find charts (the other interrelation charts), so it is the comparison that finds it.
        Assert.Contains("differs from the English: at Annex II, chart VIII the English has a chart 'interrelation'", output);
    }

    [Fact]
    public void A_figure_dropped_from_the_chinese_is_found_in_its_paragraph()
    {
        var (code, output) = CheckWithChineseEdit("而 {{@root.review.previous.year}} 年为 {{pct @root.review.previous.all_domains_share}}{{/if}}{{/if}}。", "{{/if}}{{/if}}。");
        Assert.Equal(1, code);
        Assert.Contains("paragraph 8: the Chinese does not use the figure portfolio.years[0].all_domains_share that the English uses", output);
    }

    [Fact]
    public void A_different_finding_in_the_chinese_is_found_in_its_sub_item()
    {
        var (code, output) = CheckWithChineseEdit("{{#if findings.covid.any}}- 旨在", "{{#if findings.covid.every_year}}- 旨在");
        Assert.Equal(1, code);
        Assert.Contains("8 (b): the Chinese does not use the finding findings.covid.any = True that the English uses", output);
        Assert.Contains("8 (b): the Chinese uses the finding findings.covid.every_year = True, which the English does not", output);
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
        var (code, _, error) = Cli.CliTests.Run("check", Seed, "--lang", "en");
        Assert.Equal(0, code);
        Assert.Equal("", error);
    }
}
