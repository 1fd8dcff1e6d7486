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
            Texts(Repo.Path("seeds", "unhabitat-2020-2021.xlsx"), templates);
            after = Texts(other, templates);
        });
        thread.Start();
        thread.Join();
        Assert.Equal(alone, after);
        Assert.NotEqual(alone, Alone(Repo.Path("seeds", "unhabitat-2020-2021.xlsx"), templates)); // the two cycles do differ
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
        string seed = Repo.Path("seeds", "unhabitat-2020-2021.xlsx");
        var review = new ReviewPage(seed, dir.Path, "portfolio-analysis");
        string before = System.Text.Encoding.UTF8.GetString(review.Build().Page);
        string en = Path.Combine(dir.Path, "en", "portfolio-analysis.md.hbs");
        File.WriteAllText(en, File.ReadAllText(en).Replace("The present report", "This edited report", StringComparison.Ordinal));
        string after = System.Text.Encoding.UTF8.GetString(review.Build().Page);
        Assert.DoesNotContain("This edited report", before);
        Assert.Contains("This edited report", after);
    }
}
