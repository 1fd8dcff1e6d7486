using ReportGen.Build;
using ReportGen.Document;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// Templates compiled once are kept (per templates folder, language and thread) and run again
/// with the helpers and data of the document being composed: a second cycle composed after the
/// sample reads as it does composed alone, and a template saved with new words is read anew.
/// </summary>
public class CompiledTemplateTests
{
    private static List<string> Texts(string workbook, string templates) =>
        BuildPipeline.Compose(new BuildOptions(workbook, "unused", templates, ["en", "zh"], [], null)).Documents
            .Select(d => PlainText.Of(d.Doc)).ToList();

    /// <summary>Composed on a thread of its own, so with nothing compiled before.</summary>
    private static List<string> Alone(string workbook, string templates)
    {
        List<string>? texts = null;
        var thread = new Thread(() => texts = Texts(workbook, templates));
        thread.Start();
        thread.Join();
        return texts!;
    }

    [Fact]
    public void Templates_compiled_for_one_cycle_run_with_the_next_cycles_data_and_helpers()
    {
        using var dir = new TempDir();
        string other = dir.File("other.xlsx");
        CycleGenerator.Write(CycleGenerator.Scenarios.Single(s => s.Name == "three-years-integration-falling-2022"), other);
        string templates = Repo.Path("templates");
        var alone = Alone(other, templates);
        // On one thread: the sample first, then the other cycle through the same compiled templates.
        List<string>? after = null;
        var thread = new Thread(() =>
        {
            Texts(Repo.Seed, templates);
            after = Texts(other, templates);
        });
        thread.Start();
        thread.Join();
        Assert.Equal(alone, after);
        Assert.NotEqual(alone, Alone(Repo.Seed, templates)); // the two cycles do differ
    }

    [Fact]
    public void A_template_saved_with_new_words_is_read_anew()
    {
        using var dir = new TempDir();
        foreach (var file in Directory.EnumerateFiles(Repo.Path("templates"), "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(dir.Path, Path.GetRelativePath(Repo.Path("templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string seed = Repo.Seed;
        var review = new ReviewPage(seed, dir.Path, "portfolio-analysis");
        string before = System.Text.Encoding.UTF8.GetString(review.Build().Page);
        string en = Path.Combine(dir.Path, "en", "portfolio-analysis.md.hbs");
        File.WriteAllText(en, File.ReadAllText(en).Replace("The present report", "This edited report", StringComparison.Ordinal));
        string after = System.Text.Encoding.UTF8.GetString(review.Build().Page);
        Assert.DoesNotContain("This edited report", before);
        Assert.Contains("This edited report", after);
    }

    private static string CopyOfTemplates(TempDir dir)
    {
        string root = Path.Combine(dir.Path, "templates");
        foreach (var file in Directory.EnumerateFiles(Repo.Path("templates"), "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(root, Path.GetRelativePath(Repo.Path("templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }

    /// <summary>The portfolio analysis in both languages, composed on a thread of its own, its template compiled ahead or not.</summary>
    private static (List<string> Texts, List<string> Problems, IReadOnlyList<FileHash> Files, int TakenOver) Compose(string templates, bool ahead)
    {
        (List<string>, List<string>, IReadOnlyList<FileHash>, int) result = default;
        var thread = new Thread(() =>
        {
            var composer = new ReportGen.Templating.DocumentComposer(templates);
            if (ahead) composer.Precompile(["en", "zh"], "portfolio-analysis");
            var options = new BuildOptions(Repo.Seed, "unused", templates, ["en", "zh"], [], "portfolio-analysis");
            try
            {
                var texts = BuildPipeline.Compose(options, composer).Documents.Select(d => PlainText.Of(d.Doc)).ToList();
                result = (texts, [], composer.FileHashes, composer.TakenOver);
            }
            catch (InputException e)
            {
                result = ([], e.Problems.Select(p => p.ToString()).ToList(), composer.FileHashes, composer.TakenOver);
            }
        });
        thread.Start();
        thread.Join();
        return result;
    }

    [Fact]
    public void A_template_compiled_ahead_on_another_thread_composes_the_same_documents()
    {
        using var dir = new TempDir();
        string templates = CopyOfTemplates(dir);
        var ahead = Compose(templates, ahead: true);
        var alone = Compose(templates, ahead: false);
        Assert.Equal(2, ahead.TakenOver); // both languages' compiled templates were used
        Assert.Equal(0, alone.TakenOver);
        Assert.Equal(2, ahead.Texts.Count);
        Assert.Equal(alone.Texts, ahead.Texts);
        // Compiling ahead reads the files, but only composing records them (for the manifest).
        Assert.Equal(alone.Files, ahead.Files);
    }

    [Theory]
    [InlineData("{{#if portfolio.total_projects}}never closed", "")] // fails the linter: not compiled ahead
    [InlineData("{{no_such_helper 1 2}}", "")] // compiles, fails when run
    [InlineData("", "title: {{#each}}")] // a broken front-matter word
    public void A_template_with_a_mistake_compiled_ahead_is_reported_as_composing_alone_reports_it(string body, string frontMatter)
    {
        using var dir = new TempDir();
        string templates = CopyOfTemplates(dir);
        string zh = Path.Combine(templates, "zh", "portfolio-analysis.md.hbs");
        var lines = File.ReadAllLines(zh).ToList();
        if (frontMatter.Length > 0) lines[lines.FindIndex(l => l.StartsWith("title:", StringComparison.Ordinal))] = frontMatter;
        if (body.Length > 0) lines.Insert(lines.FindLastIndex(l => l.Trim() == "---") + 3, body);
        File.WriteAllLines(zh, lines);
        var ahead = Compose(templates, ahead: true);
        var alone = Compose(templates, ahead: false);
        Assert.NotEmpty(alone.Problems);
        Assert.Contains(alone.Problems, p => p.Contains("portfolio-analysis.md.hbs:", StringComparison.Ordinal));
        Assert.Equal(alone.Problems, ahead.Problems);
    }
}
