using ReportGen.Build;
using ReportGen.Document;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>
/// Golden plain-text snapshots (structure, UN numbers, every number and word) of the four sample
/// documents and of two generated cycles' documents, in tests/ReportGen.Tests/Golden/. A change
/// to a template, a finding or the reader shows here as a text diff to review. After reviewing,
/// update them with:  REPORTGEN_UPDATE_GOLDEN=1 dotnet test --filter GoldenTextTests
/// </summary>
public class GoldenTextTests
{
    public static TheoryData<string> Workbooks() => [.. WorkbookNames];

    private static readonly string[] WorkbookNames = ["sample", "three-years-integration-falling-2022", "one-review-year-single-project"];

    private static readonly string[] Languages = ["en", "zh"];

    private static string Folder => Repo.Path("tests", "ReportGen.Tests", "Golden");

    private static string GoldenName(string workbook, string docId, string language) => $"{workbook}.{docId}.{language}.txt";

    /// <summary>The workbook named <paramref name="name"/>: the sample, or a generated cycle written into <paramref name="dir"/>.</summary>
    private static string Workbook(string name, TempDir dir)
    {
        if (name == "sample") return Repo.Seed;
        string path = dir.File(name + ".xlsx");
        CycleGenerator.Write(CycleGenerator.Scenarios.Single(s => s.Name == name), path);
        return path;
    }

    /// <summary>
    /// The update mode writes the snapshot of every document there is, and can never notice one that
    /// is gone (a document or a cycle removed, renamed): such a file would be kept and never checked.
    /// </summary>
    [Fact]
    public void Every_golden_file_is_the_snapshot_of_a_document()
    {
        using var dir = new TempDir();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in WorkbookNames)
            foreach (var document in CycleReader.ReadValid(Workbook(name, dir)).Documents)
                foreach (string language in Languages)
                    expected.Add(GoldenName(name, document.DocId, language));
        var orphans = Directory.GetFiles(Folder).Select(Path.GetFileName).OfType<string>()
            .Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(orphans.Count == 0, $"tests/ReportGen.Tests/Golden/ holds files no document of {string.Join(", ", WorkbookNames)} writes: " +
            $"{string.Join(", ", orphans)}; REPORTGEN_UPDATE_GOLDEN=1 does not delete them: git rm them if their document is gone on purpose");
    }

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void The_documents_read_as_their_golden_text(string name)
    {
        using var dir = new TempDir();
        string path = Workbook(name, dir);
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(path, "unused", Repo.Path("templates"), Languages, [], null));
        bool update = Environment.GetEnvironmentVariable("REPORTGEN_UPDATE_GOLDEN") == "1";
        var differing = new List<string>();
        foreach (var (spec, doc) in documents)
        {
            string golden = Path.Combine(Folder, GoldenName(name, spec.DocId, doc.Language));
            string text = PlainText.Of(doc);
            if (update) { File.WriteAllText(golden, text); continue; }
            Assert.True(File.Exists(golden), $"{golden} is missing: run REPORTGEN_UPDATE_GOLDEN=1 dotnet test --filter GoldenTextTests");
            if (File.ReadAllText(golden) != text) differing.Add(Path.GetFileName(golden));
        }
        Assert.True(differing.Count == 0, $"the text differs from the golden snapshot: {string.Join(", ", differing)}; review the change " +
            "(git diff after REPORTGEN_UPDATE_GOLDEN=1 dotnet test --filter GoldenTextTests) and commit it if it is right");
    }
}
