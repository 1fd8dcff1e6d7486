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
