using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ReportGen.Analysis;
using ReportGen.Audit;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>The JSON written by generated code is the JSON reflection writes, byte for byte.</summary>
public class GeneratedJsonTests
{
    private static JsonSerializerOptions ByReflection(JsonSerializerOptions options) =>
        new(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Fact]
    public void Figures_json_is_the_same_as_by_reflection()
    {
        var figures = FigureCalculator.Compute(CycleReader.ReadValid(Repo.Path("seeds", "unhabitat-2020-2021.xlsx")));
        Assert.IsNotType<DefaultJsonTypeInfoResolver>(Figures.JsonOptions.TypeInfoResolver);
        Assert.Equal(JsonSerializer.Serialize(figures, ByReflection(Figures.JsonOptions)), JsonSerializer.Serialize(figures, Figures.JsonOptions));
        Assert.Equal(figures.ToJson(), Figures.FromJson(figures.ToJson()).ToJson());
    }

    [Fact]
    public void Figures_enums_are_written_as_strings_without_generic_code_per_enum()
    {
        // EnumsAsText: the property a template reads as "on_track" is a string property when written...
        var written = Figures.JsonOptions.GetTypeInfo(typeof(OutcomeProgress)).Properties.Single(p => p.Name == "status");
        Assert.Equal(typeof(string), written.PropertyType);
        Assert.Equal("on_track", written.Get!(new OutcomeProgress("1", 2021, 0.5, ProgressStatus.OnTrack, 1)));
        // ...and read back as the enum.
        var figures = FigureCalculator.Compute(CycleReader.ReadValid(Repo.Path("seeds", "unhabitat-2020-2021.xlsx")));
        Assert.Equal(figures.Progress.Outcomes.Select(o => o.Status), Figures.FromJson(figures.ToJson()).Progress.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public void Manifest_and_trace_json_are_the_same_as_by_reflection()
    {
        var manifest = new Manifest(new ToolInfo("1.0", "abc"), new FileHash("w.xlsx", "00"), [new FileHash("en/a.md.hbs", "11")],
            [new FontHash("song", "AR PL UMing", "22")], new BuildSettings(["zh"], ["pdf"], ["a"], null),
            [new OutputEntry("a.zh.pdf", "33", 10, 2), new OutputEntry("a.zh.docx", "44", 11, null)]);
        Assert.Equal(JsonSerializer.Serialize(manifest, ByReflection(Manifest.JsonOptions)), JsonSerializer.Serialize(manifest, Manifest.JsonOptions));
        var trace = new TraceFile([new DocumentTrace("a", "zh", ["a.zh.pdf"], [new ParagraphTrace("1", [new TracedFigure("portfolio.x", 0.25, "25%", "_F1")])])]);
        Assert.Equal(JsonSerializer.Serialize(trace, ByReflection(Manifest.JsonOptions)), trace.ToJson().TrimEnd('\n'));
    }
}
