using ReportGen.Build;
using ReportGen.Document;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// Golden plain-text snapshots (structure, UN numbers, every number and word) of the four sample
/// documents and of two generated cycles' documents, in tests/ReportGen.Tests/Golden/. A change
/// to a template, a finding or the reader shows here as a text diff to review. After reviewing,
/// update them with:  REPORTGEN_UPDATE_GOLDEN=1 dotnet test --filter GoldenTextTests
/// </summary>
public class GoldenTextTests
{
    public static TheoryData<string> Workbooks() => ["sample", "three-years-integration-falling-2022", "one-review-year-single-project"];

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void The_documents_read_as_their_golden_text(string name)
    {
        using var dir = new TempDir();
        string path = name == "sample" ? Repo.Seed : dir.File(name + ".xlsx");
        if (name != "sample") CycleGenerator.Write(CycleGenerator.Scenarios.Single(s => s.Name == name), path);
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(path, "unused", Repo.Path("templates"), ["en", "zh"], [], null));
        bool update = Environment.GetEnvironmentVariable("REPORTGEN_UPDATE_GOLDEN") == "1";
        var differing = new List<string>();
        foreach (var (spec, doc) in documents)
        {
            string golden = Repo.Path("tests", "ReportGen.Tests", "Golden", $"{name}.{spec.DocId}.{doc.Language}.txt");
            string text = PlainText.Of(doc);
            if (update) { File.WriteAllText(golden, text); continue; }
            Assert.True(File.Exists(golden), $"{golden} is missing: run REPORTGEN_UPDATE_GOLDEN=1 dotnet test --filter GoldenTextTests");
            if (File.ReadAllText(golden) != text) differing.Add(Path.GetFileName(golden));
        }
        Assert.True(differing.Count == 0, $"the text differs from the golden snapshot: {string.Join(", ", differing)}; review the change " +
            "(git diff after REPORTGEN_UPDATE_GOLDEN=1 dotnet test --filter GoldenTextTests) and commit it if it is right");
    }
}
