using System.Diagnostics;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// Templates are a sandbox: only regular files inside the templates folder (after links are
/// resolved) are read; sizes and partial nesting are bounded; every refusal has its file's place.
/// </summary>
public class TemplateSandboxTests
{

    private static string Templates(TempDir dir)
    {
        BuildCommandTests.CopyFolder(Repo.Path("templates"), dir.File("templates"));
        Directory.CreateDirectory(dir.File("templates/en/partials"));
        return dir.File("templates");
    }

    /// <summary>check, with what it printed on both streams as Out (problems go to standard error, as in build).</summary>
    private static (int Code, string Out, string Err) Check(TempDir dir)
    {
        var (code, output, error) = CliTests.Run("check", Repo.Seed, "--lang", "en", "--templates", dir.File("templates"));
        return (code, output + error, error);
    }

    private static void Include(TempDir dir, string call)
    {
        string file = dir.File("templates/en/annual-report-summary.md.hbs");
        File.WriteAllText(file, File.ReadAllText(file) + "\n" + call + "\n");
    }

    [SkippableFact]
    public void A_partial_linked_to_a_file_outside_is_refused_and_its_text_never_appears()
    {
        SpecialFiles.RequireUnix("symbolic links");
        using var dir = new TempDir();
        Templates(dir);
        File.WriteAllText(dir.File("secret.txt"), "TOP-SECRET-LINE");
        File.CreateSymbolicLink(dir.File("templates/en/partials/evil.md.hbs"), dir.File("secret.txt"));
        Include(dir, "{{> evil}}");
        var (code, output, error) = CliTests.Run("build", Repo.Seed, "--lang", "en", "--format", "docx", "--out", dir.File("out"), "--templates", dir.File("templates"));
        Assert.Equal(1, code);
        Assert.Matches(@"templates/en/partials/evil\.md\.hbs: is a link to a file outside the templates folder", error);
        Assert.DoesNotContain("TOP-SECRET", output + error);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [SkippableFact]
    public void An_unused_link_to_a_file_outside_is_refused_too()
    {
        SpecialFiles.RequireUnix("symbolic links");
        using var dir = new TempDir();
        Templates(dir);
        File.CreateSymbolicLink(dir.File("templates/en/partials/passwd.md.hbs"), "/etc/passwd");
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Contains("partials/passwd.md.hbs: is a link to a file outside the templates folder", output);
        Assert.DoesNotContain("root:", output);
    }

    [SkippableFact]
    public void A_link_to_a_device_a_link_loop_and_a_dangling_link_are_each_a_problem()
    {
        SpecialFiles.RequireUnix("symbolic links");
        using var dir = new TempDir();
        Templates(dir);
        File.CreateSymbolicLink(dir.File("templates/en/partials/zero.md.hbs"), "/dev/zero");
        File.CreateSymbolicLink(dir.File("templates/en/partials/a.md.hbs"), "b.md.hbs");
        File.CreateSymbolicLink(dir.File("templates/en/partials/b.md.hbs"), "a.md.hbs");
        File.CreateSymbolicLink(dir.File("templates/en/partials/gone.md.hbs"), "nowhere.md.hbs");
        var watch = Stopwatch.StartNew();
        var (code, output, _) = Check(dir);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal(1, code);
        Assert.Contains("partials/zero.md.hbs: is a link to a file outside the templates folder", output);
        Assert.Contains("partials/a.md.hbs: is a symbolic link loop", output);
        Assert.Contains("partials/b.md.hbs: is a symbolic link loop", output);
        Assert.Contains("partials/gone.md.hbs: is a link to a file that does not exist", output);
    }

    [SkippableFact]
    public async Task A_fifo_among_the_partials_is_refused_without_hanging()
    {
        using var dir = new TempDir();
        Templates(dir);
        SpecialFiles.MakeFifo(dir.File("templates/en/partials/pipe.md.hbs"));
        var (code, output, _) = await Task.Run(() => Check(dir)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, code);
        Assert.Contains("partials/pipe.md.hbs: is a named pipe (FIFO), not a regular file", output);
    }

    [Theory]
    [InlineData("{{> ../../../etc/passwd}}", "../../../etc/passwd")]
    [InlineData("{{> /etc/passwd}}", "/etc/passwd")]
    [InlineData("{{> (lookup . 'x')}}", "(lookup")]
    public void A_partial_named_by_a_path_is_refused_at_its_place(string call, string name)
    {
        using var dir = new TempDir();
        Templates(dir);
        Include(dir, call);
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Matches(@"templates/en/annual-report-summary\.md\.hbs:\d+:1: partial name '" + System.Text.RegularExpressions.Regex.Escape(name) + "' is not a plain name", output);
        Assert.DoesNotContain("root:", output);
    }

    [Fact]
    public void A_partial_that_includes_itself_names_the_cycle()
    {
        using var dir = new TempDir();
        Templates(dir);
        File.WriteAllText(dir.File("templates/en/partials/loop.md.hbs"), "again {{> loop}}\n");
        File.WriteAllText(dir.File("templates/en/partials/ping.md.hbs"), "{{> pong}}\n");
        File.WriteAllText(dir.File("templates/en/partials/pong.md.hbs"), "{{> ping}}\n");
        Include(dir, "{{> loop}} {{> ping}}");
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Contains("partials/loop.md.hbs:1:7: partial 'loop' includes itself (loop → loop)", output);
        Assert.Contains("partials/pong.md.hbs:1:1: partials include each other in a cycle: ping → pong → ping", output);
    }

    [Fact]
    public void Partial_nesting_depth_is_bounded()
    {
        using var dir = new TempDir();
        Templates(dir);
        for (int i = 0; i < 12; i++)
            File.WriteAllText(dir.File($"templates/en/partials/p{i}.md.hbs"), i < 11 ? $"{{{{> p{i + 1}}}}}\n" : "end\n");
        Include(dir, "{{> p0}}");
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Contains("partials are nested 12 deep (p0 → p1 → p2", output);
        Assert.Contains($"the limit is {ReportGen.Templating.DocumentComposer.MaxPartialDepth}", output);
    }

    [Fact]
    public void Partials_within_the_limits_work()
    {
        using var dir = new TempDir();
        Templates(dir);
        File.WriteAllText(dir.File("templates/en/partials/outer.md.hbs"), "{{> inner}}\n");
        File.WriteAllText(dir.File("templates/en/partials/inner.md.hbs"), "Inner words.\n");
        Include(dir, "{{> outer}}");
        var (code, output, _) = Check(dir);
        Assert.Equal(0, code);
        Assert.Contains("no problems", output);
    }

    [Fact]
    public void An_unclosed_mustache_in_a_large_template_is_reported_in_linear_time()
    {
        using var dir = new TempDir();
        Templates(dir);
        string file = dir.File("templates/en/annual-report-summary.md.hbs");
        var text = new System.Text.StringBuilder(File.ReadAllText(file));
        while (text.Length < 1_600_000) text.Append("Some words {{ and more words without a close\n");
        File.WriteAllText(file, text.ToString());
        var watch = Stopwatch.StartNew();
        var (code, output, _) = Check(dir);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(1, code);
        Assert.Matches(@"annual-report-summary\.md\.hbs:\d+:12: '\{\{' is never closed with '\}\}'", output);
        Assert.Contains("only the first 50 are listed", output);
    }

    [Fact]
    public void A_template_too_large_is_refused()
    {
        using var dir = new TempDir();
        Templates(dir);
        string file = dir.File("templates/en/annual-report-summary.md.hbs");
        File.AppendAllText(file, new string('x', (int)ReportGen.Templating.DocumentComposer.MaxTemplateBytes));
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Matches(@"annual-report-summary\.md\.hbs: is too large for a template \([\d,]+ bytes; the limit is 4,194,304\)", output);
    }

    [Fact]
    public void Blocks_nested_too_deep_are_refused_before_the_template_engine_sees_them()
    {
        using var dir = new TempDir();
        Templates(dir);
        Include(dir, string.Concat(Enumerable.Repeat("{{#if true}}", 5000)) + string.Concat(Enumerable.Repeat("{{/if}}", 5000)));
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Matches(@"annual-report-summary\.md\.hbs:\d+:\d+: blocks are nested 65 deep; at most 64 are allowed — close a block before opening another", output);
    }

    [Fact]
    public void Loops_inside_loops_cannot_fill_the_memory()
    {
        using var dir = new TempDir();
        Templates(dir);
        // Three levels of loops (the most allowed), each over itself three times: 12^3 × 10 characters per level, repeated.
        Include(dir, string.Concat(Enumerable.Repeat("{{#each @root.plan.outcomes}}{{#each @root.plan.outcomes}}{{#each @root.plan.outcomes}}" +
            new string('x', 2_000) + "{{/each}}{{/each}}{{/each}}", 10)));
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Matches(@"annual-report-summary\.md\.hbs:\d+:1: this template writes more than 2 MB \(loops inside loops\?\)", output);
    }

    [Fact]
    public void A_template_past_its_budget_is_a_problem_at_the_template()
    {
        // A zero budget stops the sample's own template at its first output: the mechanism, not the machine's speed, is tested.
        var cycle = ReportGen.Workbook.CycleReader.ReadValid(Repo.Seed);
        var figures = ReportGen.Analysis.FigureCalculator.Compute(cycle);
        var composer = new ReportGen.Templating.DocumentComposer(Repo.Path("templates")) { RenderLimit = 0 };
        var problems = new List<Problem>();
        Assert.Null(composer.TryCompose(cycle, figures, cycle.Documents[0], "en", problems));
        Assert.NotEmpty(problems); // the front matter's words and the body are each run, and each stopped
        Assert.All(problems, problem =>
        {
            Assert.EndsWith($"{cycle.Documents[0].Template}.md.hbs", problem.Place.Split(':')[0]);
            Assert.StartsWith("this template writes more than 0 characters (loops inside loops?)", problem.Message);
        });
        // The default budget leaves the sample alone.
        Assert.NotNull(new ReportGen.Templating.DocumentComposer(Repo.Path("templates")).Compose(cycle, figures, cycle.Documents[0], "en"));
    }

    [Fact]
    public void Loops_nested_more_than_three_deep_are_refused_before_they_run()
    {
        using var dir = new TempDir();
        Templates(dir);
        Include(dir, string.Concat(Enumerable.Repeat("{{#each @root.plan.outcomes}}", 9)) + string.Concat(Enumerable.Repeat("{{/each}}", 9)));
        var watch = Stopwatch.StartNew();
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Contains("loops ('{{#each}}') are nested more than 3 deep", output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_helper_error_points_at_the_use_that_failed_not_the_first()
    {
        using var dir = new TempDir();
        Templates(dir);
        string file = dir.File("templates/en/annual-report-summary.md.hbs");
        var lines = File.ReadAllLines(file).ToList();
        lines.Add("");
        lines.Add("Fine: {{region_name \"AFR\"}}.");
        lines.Add("");
        lines.Add("Broken: {{region_name \"XYZ\"}}.");
        File.WriteAllLines(file, lines);
        var (code, output, _) = Check(dir);
        Assert.Equal(1, code);
        Assert.Contains($"annual-report-summary.md.hbs:{lines.Count}:9: 'region_name': no region 'XYZ'", output);
    }
}
