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
    private static readonly string Seed = Repo.Path("seeds", "unhabitat-2020-2021.xlsx");

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
        var (code, output, error) = CliTests.Run("check", Seed, "--lang", "en", "--templates", templates.Path);
        return (code, output + error);
    }

    /// <summary>check in a process of its own, for templates that would overflow the stack: a regression fails the test, never kills the test host.</summary>
    private static (int Code, string Output) CheckOutOfProcess(TempDir templates)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "reportgen.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet, ["exec", dll, "check", Seed, "--lang", "en", "--templates", templates.Path])
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
}
