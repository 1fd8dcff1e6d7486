using ReportGen.Packaging;
using ReportGen.Sample;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>The Settings row <c>languages</c>: what a build makes when --lang is not given; --lang overrides it.</summary>
public class LanguagesSettingTests
{
    /// <summary>The sample with a languages row (null: none).</summary>
    private static string Sample(TempDir dir, string? languages)
    {
        var sheets = SampleWorkbook.Sheets().Select(s => s.Name != "Settings" || languages is null ? s
            : new SheetData(s.Name, s.Header, [.. s.Rows, ["languages", languages]])).ToList();
        string path = dir.File("cycle.xlsx");
        SpreadsheetWriter.Write(path, sheets);
        return path;
    }

    [Fact]
    public void Without_the_row_a_build_makes_english_and_chinese()
    {
        using var dir = new TempDir();
        Assert.Equal(["en", "zh"], CycleReader.DefaultLanguages(Sample(dir, null)));
        Assert.Equal(["en", "zh"], CycleReader.DefaultLanguages(Repo.Seed));
    }

    [Theory]
    [InlineData("zh", new[] { "zh" })]
    [InlineData("ZH; en", new[] { "en", "zh" })]
    [InlineData("en", new[] { "en" })]
    public void The_row_names_the_languages_in_the_registry_s_order(string row, string[] expected)
    {
        using var dir = new TempDir();
        Assert.Equal(expected, CycleReader.DefaultLanguages(Sample(dir, row)));
    }

    [Fact]
    public void An_unknown_language_is_a_problem_at_the_value_s_cell()
    {
        using var dir = new TempDir();
        var problems = CycleReader.Read(Sample(dir, "en, de")).Problems.Select(p => p.ToString()).ToList();
        // Settings rows 2–6 are the sample's, the languages row is row 7 (its value in column B).
        Assert.Contains("Settings!B7: unknown language 'de' in languages; the languages are en, zh, fr, es, ru and ar", problems);
        Assert.Equal(["en", "zh"], CycleReader.DefaultLanguages(Sample(dir, "en, de")));
    }

    [Fact]
    public void Build_without_lang_follows_the_row_and_lang_overrides_it()
    {
        using var dir = new TempDir();
        string workbook = Sample(dir, "en");
        var (code, _, error) = CliTests.Run("build", workbook, "--out", dir.File("out"), "--format", "txt", "--doc", "annual-report-summary");
        Assert.True(code == 0, error);
        Assert.Equal(["annual-report-summary.en.txt"], Directory.GetFiles(dir.File("out"), "*.txt").Select(Path.GetFileName));

        (code, _, error) = CliTests.Run("build", workbook, "--out", dir.File("out-zh"), "--format", "txt", "--doc", "annual-report-summary", "--lang", "zh");
        Assert.True(code == 0, error);
        Assert.Equal(["annual-report-summary.zh.txt"], Directory.GetFiles(dir.File("out-zh"), "*.txt").Select(Path.GetFileName));
    }
}
