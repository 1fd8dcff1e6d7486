using ReportGen.Analysis;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>Translators' mistakes are reported with file, line and column, and never render as empty text.</summary>
public class TemplateErrorTests
{
    private const string FrontMatter = """
        ---
        united_nations: United Nations
        distribution: "Distr.: General"
        original: "Original: English"
        organ: Executive Board
        session: Second session
        place_and_dates: Nairobi
        agenda_item: Item 6
        agenda_footnote: "{{doc.agenda_symbol}}."
        agenda_title: Strategic plan
        title: A title
        subtitle: Note by the secretariat
        ---

        """; // 13 lines, so the body starts on line 14

    private static List<string> Problems(string body, Dictionary<string, string>? partials = null, string frontMatter = FrontMatter)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("templates/en/partials"));
        File.WriteAllText(dir.File("templates/en/annual-report-summary.md.hbs"), frontMatter + body);
        foreach (var (name, text) in partials ?? []) File.WriteAllText(dir.File($"templates/en/partials/{name}.md.hbs"), text);
        var cycle = CycleReader.ReadValid(WorkbookBuilder.Minimal().Save(dir.File("cycle.xlsx")));
        var problems = new List<Problem>();
        // Places are shown relative to the folder given (the current one by default): no test changes the process's folder.
        new DocumentComposer(dir.File("templates"), displayBase: dir.Path).TryCompose(cycle, FigureCalculator.Compute(cycle), cycle.Documents[0], "en", problems);
        return problems.Select(p => p.ToString()).ToList();
    }

    private const string File_ = "templates/en/annual-report-summary.md.hbs";

    [Fact]
    public void A_correct_template_has_no_problem() =>
        Assert.Empty(Problems("Reviewed: {{num portfolio.total_projects}} projects, {{pct review.last.covid_share}}.\n"));

    [Fact]
    public void Unknown_name_is_placed_at_its_mustache() =>
        Assert.Equal([$"{File_}:16:6: 'review.lastt.year' is not a name this template can use (no such value, helper or partial); did you mean 'review.last.year'?"],
            Problems("First line.\n\nSome {{review.lastt.year}} text.\n"));

    [Fact]
    public void Unknown_helper_is_an_error_not_empty_text()
    {
        var problems = Problems("Text {{fmtNum portfolio.total_projects}}.\n");
        Assert.Single(problems);
        Assert.StartsWith($"{File_}:14:6: ", problems[0]);
        Assert.Contains("fmtNum", problems[0]);
    }

    [Fact]
    public void Unclosed_block_names_where_it_opened() =>
        Assert.Equal([$"{File_}:15:1: block '{{{{#if}}}}' is never closed with '{{{{/if}}}}'"],
            Problems("Intro.\n{{#if review.compared}}\nCompared.\n"));

    [Fact]
    public void Stray_closer() =>
        Assert.Equal([$"{File_}:14:7: '{{{{/each}}}}' closes a block that was never opened"], Problems("Intro {{/each}}.\n"));

    [Fact]
    public void Mismatched_closer() =>
        Assert.Equal([$"{File_}:14:27: '{{{{/each}}}}' does not match the open block '{{{{#if}}}}' of line 14, column 1"],
            Problems("{{#if review.compared}} x {{/each}}\n"));

    [Fact]
    public void Triple_stash_is_refused() =>
        Assert.Equal([$"{File_}:14:3: '{{{{{{' inserts text without escaping it; use '{{{{' so data shows literally"],
            Problems("A {{{doc.symbol}}} b.\n"));

    [Fact]
    public void Missing_partial_is_placed() =>
        Assert.Equal([$"{File_}:16:1: partial 'intro' does not exist (partials are the files in the language's partials/ folder)"],
            Problems("One.\n\n{{> intro}}\n"));

    [Fact]
    public void Partials_come_from_the_partials_folder()
    {
        Assert.Empty(Problems("{{> intro}}\n", new() { ["intro"] = "Intro with {{num portfolio.total_projects}} projects." }));
        var problems = Problems("{{> intro}}\n", new() { ["intro"] = "Line one.\nBad {{nope}} here." });
        Assert.Equal("templates/en/partials/intro.md.hbs:2:5: 'nope' is not a name this template can use (no such value, helper or partial)", Assert.Single(problems));
    }

    [Fact]
    public void Helper_misuse_names_the_helper_and_its_place()
    {
        var problems = Problems("Intro.\n{{outcome_title \"9.9\"}}\n");
        Assert.Equal([$"{File_}:15:1: 'outcome_title': no outcome '9.9'"], problems);
    }

    [Fact]
    public void Error_in_a_front_matter_value_is_placed_on_its_line()
    {
        var problems = Problems("Body.\n", frontMatter: FrontMatter.Replace("organ: Executive Board", "organ: \"{{doc.organn}}\""));
        Assert.Equal($"{File_}:5:9: 'doc.organn' is not a name this template can use (no such value, helper or partial); did you mean 'words.organ'?", Assert.Single(problems));
    }

    [Fact]
    public void Missing_masthead_word() =>
        Assert.Contains($"{File_}:1:1: the front matter needs 'subtitle' (a word of the masthead)",
            Problems("Body.\n", frontMatter: FrontMatter.Replace("subtitle: Note by the secretariat\n", "")));

    [Fact]
    public void Missing_template_file_is_reported_at_the_documents_row()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("templates/en"));
        var cycle = CycleReader.ReadValid(WorkbookBuilder.Minimal().Save(dir.File("cycle.xlsx")));
        var problems = new List<Problem>();
        new DocumentComposer(dir.File("templates")).TryCompose(cycle, FigureCalculator.Compute(cycle), cycle.Documents[0], "en", problems);
        Assert.StartsWith("Documents!2: template 'annual-report-summary' has no en file:", Assert.Single(problems).ToString());
    }
    // What an input method or a habit produces: each an error at its place, with the fix in words.

    [Theory]
    [InlineData("Budget: ｛｛usd review.last.budget_usd｝｝.\n", 14, 9, "'｛｛' uses full-width braces")]
    [InlineData("Budget: {{usd review.last.budget_usd｝｝.\n", 14, 37, "'｝｝' uses full-width braces")]
    [InlineData("＃ 导言\n", 14, 1, "'＃' is a full-width hash")]
    [InlineData("A lead-in:\n\n－ 第一项\n", 16, 1, "'－' does not start a sub-item")]
    [InlineData("| a | b |\n|:--|:--|\n| 1 ｜ 2 |\n", 16, 5, "'｜' is a full-width bar")]
    [InlineData("::: anex Annex\n# T\n:::\n", 14, 5, "'::: anex' is not a block ReportGen knows: did you mean '::: annex'?")]
    [InlineData("：：： annex Annex\n# T\n:::\n", 14, 1, "'：：：' is not the annex marker")]
    [InlineData("Short: {{outcome_short “1.1”}}.\n", 14, 24, "'“' is a typographic quote inside '{{ }}'")]
    [InlineData("Lists: {{list (take findings.outcomes_on_track 2}}.\n", 14, 15, "the '(' opened here is never closed with ')'")]
    [InlineData("Name: {{outcome_short \"1.1}}.\n", 14, 23, "the quote \" opened here is never closed")]
    public void Input_method_slips_are_errors_at_their_place(string body, int line, int column, string message)
    {
        var problems = Problems(body);
        Assert.Contains(problems, p => p.StartsWith($"{File_}:{line}:{column}: {message}", StringComparison.Ordinal));
    }

    // Inside {{ }}, what a Chinese input method types for the template's punctuation: each named at
    // its own column with what to type, and nothing else said of the line (no "block never opened").

    [Theory]
    [InlineData("{{＃if review.last}}\nYes.\n{{/if}}\n", 14, 3, "'＃' is a full-width hash (from a Chinese input method): inside {{ }} type the half-width '#', as in {{#if …}}")]
    [InlineData("{{#if review.last}}\nYes.\n{{／if}}\n", 16, 3, "'／' is a full-width slash (from a Chinese input method): inside {{ }} type the half-width '/', as in {{/if}}")]
    [InlineData("{{#if review.last}}Yes.{{/if｝｝\n", 14, 29, "'｝｝' uses full-width braces (from a Chinese input method): a value is written with half-width braces, '{{' and '}}'")]
    [InlineData("{{#if review.last}}Yes.{{else｝｝No.{{/if}}\n", 14, 30, "'｝｝' uses full-width braces (from a Chinese input method): a value is written with half-width braces, '{{' and '}}'")]
    [InlineData("Lists: {{list （take findings.outcomes_on_track 2)}}.\n", 14, 15, "'（' is a full-width parenthesis (from a Chinese input method): inside {{ }} type the half-width '(', as in {{list (take findings.outcomes_on_track 2)}}")]
    [InlineData("Lists: {{list (take findings.outcomes_on_track 2）}}.\n", 14, 49, "'）' is a full-width parenthesis (from a Chinese input method): inside {{ }} type the half-width ')', as in {{list (take findings.outcomes_on_track 2)}}")]
    [InlineData("Total: {{num portfolio.total_projects）}}.\n", 14, 38, "'）' is a full-width parenthesis (from a Chinese input method): inside {{ }} type the half-width ')', as in {{list (take findings.outcomes_on_track 2)}}")]
    [InlineData("Year: {{review.last｝.year}}.\n", 14, 20, "'｝' is a full-width brace (from a Chinese input method): inside {{ }} type the half-width '}', as in {{review.last.year}}")]
    [InlineData("Year: {{review．last.year}}.\n", 14, 15, "'．' is a full-width full stop (from a Chinese input method): inside {{ }} type the half-width '.', as in {{review.last.year}}")]
    [InlineData("Year: {{review。last.year}}.\n", 14, 15, "'。' is an ideographic full stop (from a Chinese input method): inside {{ }} type the half-width '.', as in {{review.last.year}}")]
    [InlineData("Total: {{num\u3000portfolio.total_projects}}.\n", 14, 13, "'\u3000' is a full-width space (U+3000) (from a Chinese input method): inside {{ }} type an ordinary space, as in {{num portfolio.total_projects}}")]
    [InlineData("See {{chart_ref \"interrelation\"， outcome=\"1.1\"}}.\n", 14, 32, "'，' is a full-width comma (from a Chinese input method): inside {{ }} arguments are separated by spaces, not commas, as in {{chart_ref \"interrelation\" outcome=\"1.1\"}}")]
    [InlineData("See {{chart_ref \"interrelation\" outcome：\"1.1\"}}.\n", 14, 40, "'：' is a full-width colon (from a Chinese input method): inside {{ }} a named argument takes a half-width '=', as in {{chart_ref \"interrelation\" outcome=\"1.1\"}}")]
    [InlineData("Total: {{ｎｕｍ portfolio.total_projects}}.\n", 14, 10, "'ｎｕｍ' is written in full-width characters (from a Chinese input method): inside {{ }} type the half-width 'num'")]
    [InlineData("Short: {{outcome_short “1.1”}}.\n", 14, 24, "'“' is a typographic quote inside '{{ }}': helper arguments are quoted with the straight '\"', as in {{outcome_short \"1.1\"}}")]
    public void A_slip_inside_a_tag_is_named_at_its_column_and_alone(string body, int line, int column, string message) =>
        Assert.Equal([$"{File_}:{line}:{column}: {message}"], Problems(body));

    [Fact]
    public void Full_width_punctuation_in_quoted_words_comments_and_text_is_no_slip() =>
        Assert.Empty(Problems("{{! 注释（不查）}}Total（全部）: {{num portfolio.total_projects}}\u3000项。\n\n{{#if (eq doc.original_language \"中文（简体）：，。\")}}x{{/if}}\n"));

    [Fact]
    public void A_slip_in_a_front_matter_value_is_placed_on_its_line() =>
        Assert.Equal([File_ + ":6:38: '）' is a full-width parenthesis (from a Chinese input method): inside {{ }} type the half-width ')', as in {{list (take findings.outcomes_on_track 2)}}"],
            Problems("Body.\n", frontMatter: FrontMatter.Replace("session: Second session", "session: \"{{year_of doc.session_start）}} session\"")));

    [Fact]
    public void A_slip_stops_check_with_its_place_alone()
    {
        using var dir = ShippedTemplates.Copy(("zh/portfolio-analysis.md.hbs", "{{#if findings.covid.any}}- 旨在", "{{＃if findings.covid.any}}- 旨在"));
        string zh = Path.Combine(dir.Path, "zh", "portfolio-analysis.md.hbs");
        var (code, _, error) = Cli.CliTests.Run("check", Repo.Seed, "--templates", dir.Path);
        Assert.Equal((1, $"{zh}:70:3: '＃' is a full-width hash (from a Chinese input method): inside {{{{ }}}} type the half-width '#', as in {{{{#if …}}}}\n1 problem found.\n"),
            (code, error));
    }

    [Fact]
    public void A_full_width_colon_after_a_front_matter_key_is_placed_on_its_line()
    {
        var problems = Problems("Body.\n", frontMatter: FrontMatter.Replace("organ: Executive Board", "organ：Executive Board"));
        Assert.Contains($"{File_}:5:6: the key is followed by a full-width '：' (from a Chinese input method): write 'key: value' with a half-width ':'", problems);
    }

    [Fact]
    public void A_misspelt_front_matter_key_is_placed_on_its_line_with_the_key_meant()
    {
        var problems = Problems("Body.\n", frontMatter: FrontMatter.Replace("agenda_title: Strategic plan", "agenda_titel: Strategic plan"));
        Assert.Equal([$"{File_}:10:1: 'agenda_titel' is not a word of the masthead: did you mean 'agenda_title'? (the front matter needs 'agenda_title')"], problems);
    }

    [Fact]
    public void Unknown_helpers_and_charts_get_the_name_meant()
    {
        Assert.Contains(Problems("Text {{lisst review.years}}.\n"), p => p.EndsWith("did you mean 'list'?", StringComparison.Ordinal));
        Assert.Contains(Problems("Text\n\n{{chart \"linkag\" title=\"x\"}}\n"), p => p.Contains("unknown chart 'linkag'; did you mean 'linkage'?"));
    }

    [Fact]
    public void A_markdown_problem_is_placed_where_the_template_wrote_it()
    {
        var problems = Problems("First.\n\n    Indented text reads as code.\n");
        Assert.Equal([$"{File_}:16:5: text indented by four spaces or more reads as code; remove the indentation"], problems);
    }

    [Fact]
    public void A_table_in_a_sub_item_is_placed_where_the_template_wrote_it()
    {
        // Body line 14 the lead, 16 the item, 18 the table inside it (indented under the item).
        var problems = Problems("The work covers:\n\n- cities;\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n");
        Assert.Equal([$"{File_}:18:3: only paragraphs and lists may stand in a sub-item"], problems);
    }

    [Theory]
    [InlineData("Text {{foo bar=}} more.\n", "'{{foo bar=}}' cannot be read: a value is missing after '='")]
    [InlineData("Text {{#each}}x{{/each}} more.\n", "'{{#each}}' cannot be read: a block needs what it goes through or tests")]
    [InlineData("Text {{#if a b c}}x{{/if}} more.\n", "'{{#if a b c}}' cannot be read: {{#if}} and {{#unless}} test one value")]
    public void A_handlebars_parse_error_gets_its_place_and_plain_words(string body, string message) =>
        Assert.Contains(Problems(body), p => p.StartsWith($"{File_}:14:6: {message}", StringComparison.Ordinal));
}
