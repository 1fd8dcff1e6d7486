using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Analysis;
using ReportGen.Audit;
using ReportGen.Document;
using ReportGen.Rendering.Docx;
using ReportGen.Rendering.Html;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>
/// <c>{{chart_ref}}</c> is a typed inline (<see cref="ChartRef"/>) naming the charts it refers to:
/// read from the composer's mark, linked by the resolver to the charts' anchors, written as a
/// link by each writer and listed in the trace.
/// </summary>
public class ChartRefTests
{
    private const string FrontMatter = """
        ---
        united_nations: United Nations
        distribution: "Distr.: General"
        original: "Original: English"
        organ: Executive Board
        session: Second session
        place_and_dates: Nairobi
        agenda_item: Item 6
        agenda_footnote: "{{doc.agenda_symbol}}."
        agenda_title: Strategic plan
        title: A title
        subtitle: Note by the secretariat
        status_achieved: Achieved
        status_on_track: On track
        status_off_track: Off track
        status_no_data: No data
        chart_outcome: Outcome
        chart_achievement: Achievement
        chart_threshold: On-track threshold
        chart_budget: Budget
        chart_funded: Funded
        chart_usd_millions: USD million
        ---

        """; // 23 lines, so the body starts on line 24

    private const string File_ = "templates/en/annual-report-summary.md.hbs";

    // A reference before both charts (to the second placed, then the first) and one after them.
    private const string Body = """
        See {{chart_ref "funding"}} and {{chart_ref "achievement"}}.

        {{chart "achievement" year=reporting.year title="Achievement"}}

        {{chart "funding" year=reporting.year title="Funding"}}

        Again {{chart_ref "achievement"}}.

        """;

    private static (Doc? Doc, List<string> Problems) Compose(string body)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("templates/en/partials"));
        File.WriteAllText(dir.File("templates/en/annual-report-summary.md.hbs"), FrontMatter + body);
        var cycle = CycleReader.ReadValid(WorkbookBuilder.Minimal().Save(dir.File("cycle.xlsx")));
        var problems = new List<Problem>();
        var doc = new DocumentComposer(dir.File("templates"), displayBase: dir.Path).TryCompose(cycle, FigureCalculator.Compute(cycle), cycle.Documents[0], "en", problems);
        return (doc, problems.Select(p => p.ToString()).ToList());
    }

    private static Doc Composed()
    {
        var (doc, problems) = Compose(Body);
        Assert.Empty(problems);
        return Assert.IsType<Doc>(doc);
    }

    private static List<ChartRef> References(Doc doc) =>
        doc.AllBlocks().OfType<Paragraph>().SelectMany(p => p.Content).OfType<ChartRef>().ToList();

    [Fact]
    public void A_reference_is_a_node_naming_its_charts_with_the_words_as_before()
    {
        var doc = Composed();
        var charts = doc.AllBlocks().OfType<ChartSlot>().ToList();
        Assert.Equal(["achievement", "funding"], charts.Select(c => c.Name));
        var refs = References(doc);
        Assert.Equal(["chart 2", "chart 1", "chart 1"], refs.Select(r => r.Text));
        Assert.Same(charts[1], Assert.Single(refs[0].Charts));
        Assert.Same(charts[0], Assert.Single(refs[1].Charts));
        Assert.Same(charts[0], Assert.Single(refs[2].Charts));
        // The text reads as it did when references were replaced as text, no mark left.
        var paragraphs = doc.AllBlocks().OfType<Paragraph>().Select(p => Inlines.PlainText(p.Content)).ToList();
        Assert.Equal("See chart 2 and chart 1.", paragraphs[0]);
        Assert.Equal("Again chart 1.", paragraphs[^1]);
        Assert.DoesNotContain(paragraphs, p => p.Any(c => c is >= '\uE000' and <= '\uF8FF'));
    }

    [Fact]
    public void The_resolver_links_references_before_and_after_their_chart_in_reading_order()
    {
        var resolved = Resolver.Resolve(Composed());
        var charts = resolved.Doc.AllBlocks().OfType<ChartSlot>().ToList();
        // Charts are numbered in order of placement, whatever the order of the references.
        Assert.Equal(["chart-1", "chart-2"], charts.Select(resolved.AnchorOf));
        Assert.Equal(["chart-2", "chart-1", "chart-1"], resolved.ChartReferences.Select(r => r.Charts.Single()));
        Assert.Equal(["1", "1", "2"], resolved.ChartReferences.Select(r => r.At));
        Assert.Equal(["chart-2", "chart-1", "chart-1"], References(resolved.Doc).Select(resolved.LinkOf));
    }

    [Fact]
    public void A_reference_to_no_placed_chart_is_an_error_at_its_mustache()
    {
        var (doc, problems) = Compose("{{chart \"achievement\" year=reporting.year title=\"A\"}}\n\nSee {{chart_ref \"achievement\"}} and {{chart_ref \"funding\"}}.\n");
        Assert.Null(doc);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{File_}:26:37: {{{{chart_ref \"funding\"}}}} names no chart placed in this document", problem);
    }

    [Fact]
    public void Docx_links_each_reference_to_its_charts_bookmark()
    {
        using var zip = new ZipArchive(new MemoryStream(DocxWriter.Write(Composed())));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        string xml = reader.ReadToEnd();
        var links = Regex.Matches(xml, "<w:hyperlink w:anchor=\"([^\"]+)\">(.*?)</w:hyperlink>").ToList();
        Assert.Equal([Anchors.Encode("chart-2"), Anchors.Encode("chart-1"), Anchors.Encode("chart-1")], links.Select(m => m.Groups[1].Value));
        Assert.All(links, m => Assert.Contains($"w:name=\"{m.Groups[1].Value}\"", xml));
        Assert.Equal(["chart 2", "chart 1", "chart 1"], links.Select(m => string.Concat(Regex.Matches(m.Groups[2].Value, "<w:t[^>]*>([^<]*)</w:t>").Select(t => t.Groups[1].Value))));
    }

    [Fact]
    public void Html_links_each_reference_to_its_charts_cell()
    {
        string html = Encoding.UTF8.GetString(HtmlWriter.Review([new ReviewDocument("a", [Composed()], [])]));
        var links = Regex.Matches(html, "<a href=\"#([^\"]+)\">([^<]*)</a>").Where(m => m.Groups[1].Value.Contains("chart", StringComparison.Ordinal)).ToList();
        Assert.Equal(["chart 2", "chart 1", "chart 1"], links.Select(m => m.Groups[2].Value));
        Assert.Equal(3, links.Count(m => m.Groups[1].Value.EndsWith("-en-chart-2", StringComparison.Ordinal) || m.Groups[1].Value.EndsWith("-en-chart-1", StringComparison.Ordinal)));
        Assert.All(links, m => Assert.Contains($" id=\"{m.Groups[1].Value}\"", html));
    }

    [Fact]
    public void The_trace_lists_each_reference_with_its_place_and_charts()
    {
        var trace = TraceFile.For("a", Composed(), ["a.en.docx"]);
        var references = Assert.IsAssignableFrom<IReadOnlyList<ReferenceTrace>>(trace.References);
        Assert.Equal(["1", "1", "2"], references.Select(r => r.Paragraph));
        Assert.Equal(["chart 2", "chart 1", "chart 1"], references.Select(r => r.Text));
        Assert.Equal(["chart-2", "chart-1", "chart-1"], references.Select(r => r.Charts.Single()));
        string json = new TraceFile([trace]).ToJson();
        Assert.Contains("\"references\"", json);
        // trace.json reads back as written.
        var back = Assert.IsAssignableFrom<IReadOnlyList<ReferenceTrace>>(TraceFile.FromJson(json).Documents[0].References);
        Assert.Equal(["chart-2", "chart-1", "chart-1"], back.Select(r => r.Charts.Single()));
        Assert.Equal(["chart 2", "chart 1", "chart 1"], back.Select(r => r.Text));
    }
}
