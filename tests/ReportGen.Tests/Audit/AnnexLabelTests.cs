using ReportGen.Audit;
using ReportGen.Document;
using ReportGen.Tests.Document;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>An annex is described as its document numbers it: a lone annex labelled "Annex" (附件) is not "Annex I".</summary>
public class AnnexLabelTests
{
    private static Doc WithAnnexLabel(string label)
    {
        var doc = SmallDocument.Build();
        return doc with { Body = doc.Body.Select(b => b is Annex a ? a with { Label = label } : b).ToList() };
    }

    [Theory]
    [InlineData("annex-I", "Annex")]
    [InlineData("annex-I-table-1-row-2", "Annex, table 1, row 2")]
    [InlineData("annex-II-table-1-row-2", "Annex II, table 1, row 2")]
    public void Describe_uses_the_printed_label_where_it_is_known(string anchor, string description) =>
        Assert.Equal(description, Anchors.Describe(anchor, new Dictionary<string, string> { ["annex-I"] = "Annex" }));

    [Fact]
    public void The_trace_names_only_the_annexes_printed_without_a_number()
    {
        Assert.Null(TraceFile.For("small", SmallDocument.Build(), []).Annexes);
        Assert.Null(TraceFile.For("small", WithAnnexLabel("附件一"), []).Annexes);
        Assert.Equal(new Dictionary<string, string> { ["annex-I"] = "Annex" }, TraceFile.For("small", WithAnnexLabel("Annex"), []).Annexes);
        Assert.Equal(new Dictionary<string, string> { ["annex-I"] = "Annex" }, TraceFile.For("small", WithAnnexLabel("附件"), []).Annexes);
    }

    [Fact]
    public void Explain_names_the_lone_annex_as_printed_and_reads_the_labels_back_from_trace_json()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(TraceFile.FileName), new TraceFile([TraceFile.For("small", WithAnnexLabel("Annex"), [])]).ToJson());
        File.WriteAllText(dir.File("figures.json"), "{}");
        var (found, _) = Explainer.Explain(dir.Path, "3");
        var annex = Assert.Single(found, e => e.Paragraph.StartsWith("annex", StringComparison.Ordinal));
        Assert.Equal("annex-I-table-1-row-2", annex.Paragraph);
        Assert.Equal("Annex, table 1, row 2", annex.Where);
    }
}

/// <summary>diff names the places it lists as explain does: the annual report's lone annex is "Annex", in the text report and the HTML page.</summary>
public sealed class DiffAnnexLabelTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Build(string workbook, string name) => BuildFolder.Make(_dir, workbook, name, "--format", "docx");

    [Fact]
    public void Diff_labels_a_changed_row_of_the_lone_annex_as_Annex_not_Annex_I()
    {
        // Outcome 1.1's first budget (Funding!C2, the summary's annex, table 2, row 2: 9,800,000) becomes 9,900,000.
        string changed = _dir.File("changed.xlsx");
        bool first = true;
        ReportGen.Packaging.SpreadsheetWriter.Write(changed, ReportGen.Sample.SampleWorkbook.Sheets().Select(s => s.Name != "Funding" ? s : s with
        {
            Rows = s.Rows.Select(r => { if (!first) return r; first = false; return r.Select((v, i) => i == 2 ? (object?)9_900_000.0 : v).ToArray(); }).ToList(),
        }));
        string a = Build(Repo.Seed, "a"), b = Build(changed, "b");
        string html = _dir.File("diff.html");
        var (code, output, error) = Cli.CliTests.Run("diff", a, b, "--html", html);
        Assert.True(code == 1, output + error);
        Assert.Contains("annual-report-summary.en.docx", output);
        Assert.Contains("\n  Annex, table 2, row 1.1, Budget (USD): 9,800,000 → 9,900,000\n", output);
        Assert.DoesNotContain("Annex I,", output);
        // The portfolio analysis keeps its numbered annexes (none of its paragraphs is in an unnumbered one).
        var page = System.Xml.Linq.XDocument.Load(html);
        var cells = page.Descendants().Where(e => e.Name.LocalName == "td").Select(e => e.Value).ToList();
        Assert.Contains("Annex, table 2, row 1.1, Budget (USD)", cells);
        Assert.DoesNotContain(cells, c => c.StartsWith("Annex I,", StringComparison.Ordinal) || c.StartsWith("annex-", StringComparison.Ordinal));
    }
}
