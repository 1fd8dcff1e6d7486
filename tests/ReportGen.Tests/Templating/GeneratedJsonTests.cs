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
        var figures = FigureCalculator.Compute(CycleReader.ReadValid(Repo.Seed));
        Assert.IsNotType<DefaultJsonTypeInfoResolver>(Figures.JsonOptions.TypeInfoResolver);
        Assert.Equal(JsonSerializer.Serialize(figures, ByReflection(Figures.JsonOptions)), JsonSerializer.Serialize(figures, Figures.JsonOptions));
        Assert.Equal(figures.ToJson(), Figures.FromJson(figures.ToJson()).ToJson());
    }

    /// <summary>Figures with every optional part absent, and with the optional parts of the findings absent.</summary>
    private static IEnumerable<Figures> Variants(Figures f) =>
    [
        f,
        f with { Thresholds = null, LinkageTargets = null, PlanPeriod = null, Findings = null },
        f with
        {
            Findings = f.Findings! with
            {
                Flagships = null, ReportingYearFundedShare = null,
                Trends = f.Findings.Trends with { Projects = f.Findings.Trends.Projects with { Latest = null, Overall = null } },
                Review = f.Findings.Review with { First = null, Last = null, Previous = null },
                Covid = f.Findings.Covid with { ReportingYearShare = double.Epsilon },
            },
            Progress = f.Progress with { Indicators = [new IndicatorProgress("i \"<&>\" 指标", "1.1", 2021, -0.0, 1e300, null, 1.0 / 3, ProgressStatus.NoData)] },
        },
    ];

    [Fact]
    public void Figures_json_written_by_hand_is_the_serializers_byte_for_byte()
    {
        var figures = FigureCalculator.Compute(CycleReader.ReadValid(Repo.Seed));
        foreach (var f in Variants(figures))
            Assert.Equal(JsonSerializer.Serialize(f, ByReflection(Figures.JsonOptions)).ReplaceLineEndings("\n") + "\n", f.ToJson());
    }

    [Fact]
    public void The_templates_figures_are_the_serializers_json_as_plain_data()
    {
        var figures = FigureCalculator.Compute(CycleReader.ReadValid(Repo.Seed));
        foreach (var f in Variants(figures))
            AssertSame(Plain(JsonSerializer.SerializeToNode(f, ByReflection(Figures.JsonOptions))), FiguresData.Of(f), "");

        static object? Plain(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            null => null,
            System.Text.Json.Nodes.JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value)),
            System.Text.Json.Nodes.JsonArray a => a.Select(Plain).ToList(),
            System.Text.Json.Nodes.JsonValue v when v.TryGetValue(out double d) => d,
            System.Text.Json.Nodes.JsonValue v when v.TryGetValue(out bool b) => b,
            _ => node.GetValue<string>(),
        };

        static void AssertSame(object? expected, object? actual, string path)
        {
            switch (expected)
            {
                case Dictionary<string, object?> e:
                    var a = Assert.IsType<Dictionary<string, object?>>(actual);
                    Assert.True(e.Keys.SequenceEqual(a.Keys), $"{path}: keys {string.Join(",", a.Keys)}, expected {string.Join(",", e.Keys)}");
                    foreach (var key in e.Keys) AssertSame(e[key], a[key], path + "." + key);
                    break;
                case List<object?> e:
                    var list = Assert.IsType<List<object?>>(actual);
                    Assert.Equal(e.Count, list.Count);
                    for (int i = 0; i < e.Count; i++) AssertSame(e[i], list[i], $"{path}[{i}]");
                    break;
                default:
                    Assert.True(Equals(expected, actual), $"{path}: {actual} ({actual?.GetType().Name}), expected {expected} ({expected?.GetType().Name})");
                    break;
            }
        }
    }

    [Fact]
    public void Figures_enums_are_written_as_strings_without_generic_code_per_enum()
    {
        // EnumsAsText: the property a template reads as "on_track" is a string property when written...
        var written = Figures.JsonOptions.GetTypeInfo(typeof(OutcomeProgress)).Properties.Single(p => p.Name == "status");
        Assert.Equal(typeof(string), written.PropertyType);
        Assert.Equal("on_track", written.Get!(new OutcomeProgress("1", 2021, 0.5, ProgressStatus.OnTrack, 1)));
        // ...and read back as the enum.
        var figures = FigureCalculator.Compute(CycleReader.ReadValid(Repo.Seed));
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

    [Fact]
    public void Manifest_and_trace_json_written_by_hand_are_the_serializers_with_and_without_their_optional_parts()
    {
        var manifest = new Manifest(new ToolInfo("1.0", "abc"), new FileHash("w \"<&>\".xlsx", "00"), [new FileHash("zh/a.md.hbs", "11"), new FileHash("en/b.md.hbs", "12")],
            [new FontHash("song", "AR PL UMing", "22")], new BuildSettings(["zh", "en"], ["pdf"], ["a"], null),
            [new OutputEntry("a.zh.pdf", "33", 10_000_000_000, 2), new OutputEntry("a.zh.docx", "44", 11, null)]);
        foreach (var m in new[] { manifest, manifest with { Date = "2021-11-15", Options = manifest.Options with { Fonts = "latin=x; song=档案; hei=" }, Templates = [], Fonts = [] } })
            Assert.Equal(JsonSerializer.Serialize(m, ByReflection(Manifest.JsonOptions)).ReplaceLineEndings("\n") + "\n", m.ToJson());
        var trace = new TraceFile(
        [
            new DocumentTrace("a", "zh", ["a.zh.pdf", "a.zh.docx"],
            [
                new ParagraphTrace("1", [new TracedFigure("portfolio.x", 0.1 + 0.2, "30%", "_F1"), new TracedFigure("y", -0.0, "0", "") { Column = "预算 <USD>" }]),
                new ParagraphTrace("chart-1, 1.3, category", [new TracedFigure("z", 1e300, "many", "")]) { Chart = "chart-1" },
            ]) { Annexes = new Dictionary<string, string> { ["annex-I"] = "附件一", ["annex-II"] = "Annex \"II\"" } },
            new DocumentTrace("b", "en", [], []),
        ]);
        Assert.Equal(JsonSerializer.Serialize(trace, ByReflection(Manifest.JsonOptions)).ReplaceLineEndings("\n") + "\n", trace.ToJson());
    }
}
