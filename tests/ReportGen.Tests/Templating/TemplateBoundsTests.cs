using System.Diagnostics;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// A hostile or mistaken template ends in exit 1 with its place and a fix, never a dead process,
/// minutes of work or gigabytes of memory: nesting, emphasis runs and output are bounded, and an
/// error inside a loop is placed at its own line.
/// </summary>
public class TemplateBoundsTests
{

    private const string Template = "en/annual-report-summary.md.hbs";

    /// <summary>A copy of the shipped templates with <paramref name="lines"/> added at the end of the English summary; the number of the first line added.</summary>
    private static int Append(TempDir templates, string lines)
    {
        string file = Path.Combine(templates.Path, Template);
        string text = File.ReadAllText(file).TrimEnd('\n') + "\n\n";
        File.WriteAllText(file, text + lines + "\n");
        return text.Count(c => c == '\n') + 1;
    }

    private static string Place(TempDir templates, int line, int column) => $"{Path.Combine(templates.Path, Template)}:{line}:{column}";

    /// <summary>check in this process, English only: exit code and what it printed on both streams.</summary>
    private static (int Code, string Output) Check(TempDir templates)
    {
        var (code, output, error) = CliTests.Run("check", Repo.Seed, "--lang", "en", "--templates", templates.Path);
        return (code, output + error);
    }

    /// <summary>check in a process of its own, for templates that would overflow the stack: a regression fails the test, never kills the test host.</summary>
    private static (int Code, string Output) CheckOutOfProcess(TempDir templates)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "reportgen.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet, ["exec", dll, "check", Repo.Seed, "--lang", "en", "--templates", templates.Path])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static string Nested(string open, int depth, string inner, string close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    [Fact]
    public void Subexpressions_nested_33_deep_are_refused_at_the_33rd_parenthesis()
    {
        using var templates = ShippedTemplates.Copy();
        // "Deep: {{#if " is 12 characters, each "(eq 1 " 6: the 33rd '(' is at column 13 + 32 × 6.
        int line = Append(templates, "Deep: {{#if " + Nested("(eq 1 ", 33, "1", ")") + "}}x{{/if}}");
        var (code, output) = Check(templates);
        Assert.Equal(1, code);
        Assert.Contains($"{Place(templates, line, 13 + 32 * 6)}: expressions are nested 33 deep; at most 32 are allowed — split the expression", output);
    }

    [Fact]
    public void Subexpressions_nested_32_deep_are_allowed()
    {
        using var templates = ShippedTemplates.Copy();
        Append(templates, "Deep: {{#if " + Nested("(eq 1 ", 32, "1", ")") + "}}x{{/if}}");
        var (code, output) = Check(templates);
        Assert.True(code == 0, output);
    }

    [Theory]
    [InlineData("if")]      // (eq …) thousands deep inside {{#if}}: the parser's stack overflowed (exit 134)
    [InlineData("mustache")] // the same in a plain mustache
    public void Subexpressions_nested_thousands_deep_end_in_exit_1_not_a_dead_process(string where)
    {
        using var templates = ShippedTemplates.Copy();
        string deep = Nested("(eq 1 ", 30_000, "1", ")");
        int line = Append(templates, where == "if" ? "Deep: {{#if " + deep + "}}x{{/if}}" : "Deep: {{" + deep + "}}");
        var (code, output) = CheckOutOfProcess(templates);
        Assert.True(code == 1, $"exit {code}: {output[..Math.Min(output.Length, 2000)]}");
        int column = (where == "if" ? 13 : 9) + 32 * 6;
        Assert.Contains($"{Place(templates, line, column)}: expressions are nested 30,000 deep; at most 32 are allowed — split the expression", output);
        Assert.DoesNotContain("Stack overflow", output);
    }

    [Fact]
    public void Blocks_nested_thousands_deep_end_in_exit_1_at_the_65th()
    {
        using var templates = ShippedTemplates.Copy();
        int line = Append(templates, Nested("{{#if true}}", 5_000, "x", "{{/if}}"));
        var (code, output) = CheckOutOfProcess(templates);
        Assert.True(code == 1, $"exit {code}: {output[..Math.Min(output.Length, 2000)]}");
        Assert.Contains($"{Place(templates, line, 1 + 64 * 12)}: blocks are nested 65 deep; at most 64 are allowed — close a block before opening another", output);
    }

    [Theory]
    [InlineData("*", 50_000)]
    [InlineData("_", 50_000)]
    [InlineData("**a**", 10_000)] // 40,000 marks: read as a file-wide "too deeply nested", without a line
    public void A_run_of_emphasis_marks_is_refused_at_its_line(string piece, int times)
    {
        using var templates = ShippedTemplates.Copy();
        int line = Append(templates, "A run: " + string.Concat(Enumerable.Repeat(piece, times)) + " b");
        var (code, output) = Check(templates);
        Assert.Equal(1, code);
        int marks = times * piece.Count(c => c is '*' or '_');
        Assert.Contains($"{Place(templates, line, 8)}: this line has {marks:N0} '*' or '_', which Markdown reads as emphasis; " +
            "at most 100 are allowed on a line — remove them, or write \\* and \\_ for the characters themselves", output);
    }

    [Fact]
    public void Escaped_and_mustache_marks_do_not_count()
    {
        using var templates = ShippedTemplates.Copy();
        Append(templates, "Escaped: " + string.Concat(Enumerable.Repeat("\\*", 500)) + " {{#if (eq \"" + new string('_', 500) + "\" \"x\")}}y{{/if}}");
        var (code, output) = Check(templates);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Stars_around_a_word_thousands_deep_end_in_exit_1_not_a_dead_process()
    {
        // 25,000 '*', a word, 25,000 '*': Markdown nests 12,500 strong emphases, which overflowed the reader's stack (exit 134).
        using var templates = ShippedTemplates.Copy();
        int line = Append(templates, "Stars: " + new string('*', 25_000) + "a" + new string('*', 25_000));
        var (code, output) = CheckOutOfProcess(templates);
        Assert.True(code == 1, $"exit {code}: {output[..Math.Min(output.Length, 2000)]}");
        Assert.Contains($"{Place(templates, line, 8)}: this line has 50,000 '*' or '_'", output);
    }

    [Fact]
    public void Stars_written_by_loops_thousands_deep_end_in_exit_1_at_the_template_line()
    {
        // Each loop line has one '*' (under the limit per line), but the loops write 27,648 on each side of a word.
        using var templates = ShippedTemplates.Copy();
        string stars = "{{#each @root.reporting.indicators}}{{#each @root.reporting.indicators}}{{#each @root.reporting.indicators}}*{{/each}}{{/each}}{{/each}}";
        int line = Append(templates, "Looped stars: " + stars + stars + "a" + stars + stars);
        var (code, output) = CheckOutOfProcess(templates);
        Assert.True(code == 1, $"exit {code}: {output[..Math.Min(output.Length, 2000)]}");
        Assert.Contains($"{Place(templates, line, 1)}: emphasis ('*' or '_') is nested more than 32 deep", output);
    }

    [Fact]
    public void A_run_of_emphasis_marks_in_data_is_escaped_and_reads_as_text()
    {
        // What overflowed as template text (stars around a word) is text when it comes from the workbook: the encoder escapes every '*'.
        string data = new string('*', 25_000) + "a" + new string('_', 25_000);
        var (blocks, problems) = ReportGen.Document.MarkdownReader.Read("Title: " + ReportGen.Templating.MarkdownEncoder.Escape(data), "en");
        Assert.Empty(problems);
        var paragraph = Assert.IsType<ReportGen.Document.Paragraph>(Assert.Single(blocks));
        Assert.Equal("Title: " + data, ReportGen.Document.Inlines.PlainText(paragraph.Content));
    }

    private const string Indicators = "{{#each @root.reporting.indicators}}";

    [Fact]
    public void Loops_inside_loops_that_write_much_stop_at_2_MB_at_the_loops_line()
    {
        // 24 × 24 × 24 indicators, 200 characters each: 2.8 million, past the budget.
        using var templates = ShippedTemplates.Copy();
        int line = Append(templates, Indicators + Indicators + Indicators + new string('x', 200) + "{{/each}}{{/each}}{{/each}}");
        var (code, output) = Check(templates);
        Assert.Equal(1, code);
        Assert.Contains($"{Place(templates, line, 1)}: this template writes more than 2 MB (loops inside loops?) — a document is a few dozen KB: " +
            "take the inner loop out of the outer one", output);
    }

    /// <summary>The seed's first document composed from a template of only these lines (and the masthead's words), within a budget.</summary>
    private static List<string> Compose(string body, long limit)
    {
        using var templates = ShippedTemplates.Copy();
        var cycle = ReportGen.Workbook.CycleReader.ReadValid(Repo.Seed);
        string file = Path.Combine(templates.Path, "en", cycle.Documents[0].Template + ".md.hbs");
        string text = File.ReadAllText(file);
        File.WriteAllText(file, text[..(text.IndexOf("\n---\n", StringComparison.Ordinal) + 5)] + body);
        var problems = new List<Problem>();
        var composer = new ReportGen.Templating.DocumentComposer(templates.Path, displayBase: templates.Path) { RenderLimit = limit };
        composer.TryCompose(cycle, ReportGen.Analysis.FigureCalculator.Compute(cycle), cycle.Documents[0], "en", problems);
        return problems.Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void Loops_inside_loops_that_write_nothing_are_bounded_too()
    {
        // 13,824 steps that write and read nothing: counted by the items the loops take, not by a clock.
        string loops = "{{#each reporting.indicators as |a|}}{{#each ../reporting.indicators as |b|}}{{#each ../../reporting.indicators as |c|}}{{/each}}{{/each}}{{/each}}";
        Assert.Empty(Compose("Intro {{reporting.year}}.\n\n" + loops + "\n", 1_000_000));
        var problems = Compose("Intro {{reporting.year}}.\n\n" + loops + "\n", 12_000);
        // The loops' line writes nothing, so the last line reached is the one before (the front matter ends on line 28).
        Assert.Equal([$"en/{ReportGen.Workbook.CycleReader.ReadValid(Repo.Seed).Documents[0].Template}.md.hbs:29:1: this template writes more than 12,000 characters (loops inside loops?) — a document is a few dozen KB: take the inner loop out of the outer one"], problems);
    }

    [Fact]
    public void An_outer_name_inside_a_loop_is_placed_at_its_line_and_told_how_to_reach_the_outer_one()
    {
        // reporting.year is a name of the top level (the template's first paragraph prints it), not of a region leader.
        using var templates = ShippedTemplates.Copy();
        int line = Append(templates, "Leaders:\n\n{{#each findings.region_leaders}}\nA leader.\n\n- {{reporting.year}} here\n{{/each}}");
        var (code, output) = Check(templates);
        Assert.Equal(1, code);
        Assert.Contains($"{Place(templates, line + 5, 3)}: 'reporting.year' is not a name this template can use (no such value, helper or partial); " +
            "inside {{#each}}, names refer to the item; use ../reporting.year or @root.reporting.year for the outer one", output);
        Assert.DoesNotContain("did you mean", output);
    }

    [Fact]
    public void An_item_name_in_a_loop_over_another_list_is_placed_at_its_line_not_where_it_is_right()
    {
        // {{year}} is right in the first loop (region leaders have a year) and wrong in the second (regions have none).
        using var templates = ShippedTemplates.Copy();
        int line = Append(templates, "Years: {{#each findings.region_leaders}}{{year}} {{/each}}\n\n{{#each plan.regions}}\n- {{code}} in {{year}}\n{{/each}}");
        var (code, output) = Check(templates);
        Assert.Equal(1, code);
        Assert.Contains($"{Place(templates, line + 3, 15)}: 'year' is not a name this template can use (no such value, helper or partial); " +
            "'year' names a value of the items of findings.covid.years, findings.domain_integration, findings.domain_trends.years …, not a name here: " +
            "inside {{#each}}, names are those of the items of the list it goes through", output);
        Assert.DoesNotContain("did you mean 'year'", output);
    }
}
