using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Build;
using ReportGen.Charts;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>Word's native charts read back: the PDF's axes (maximum, step, label format), target marks, a legend entry for every colour.</summary>
public class DocxChartTests
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en"], ["docx"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    private static List<XDocument> Charts(string name)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Outputs.Value[name]), false);
        return doc.MainDocumentPart!.ChartParts.Select(p => { using var s = p.GetStream(); return XDocument.Load(s); })
            .OrderBy(x => x.ToString().Length).ToList();
    }

    private static XElement Chart(string name, string valueTitle) =>
        Charts(name).Select(x => x.Root!).First(r => r.Descendants(C + "valAx").Descendants(A + "t").Any(t => t.Value == valueTitle));

    /// <summary>A series' name: its cached text (a reference to the sheet's header cell, or the text itself).</summary>
    private static string Name(XElement series) => series.Element(C + "tx")!.Descendants(C + "v").First().Value;

    private static string? Val(XElement axis, string element) => axis.Descendants(C + element).FirstOrDefault()?.Attribute("val")?.Value;

    [Fact]
    public void Funding_chart_has_the_pdf_axis_and_a_legend_entry_for_the_highlight_colour()
    {
        var chart = Chart("annual-report-summary.en.docx", "USD million");
        var axis = chart.Descendants(C + "valAx").Single();
        // Budgets up to 9.8 million: steps of 2 to 10, plus a step of headroom (the highest bar is within a tenth of a step of 10).
        Assert.Equal("12", Val(axis, "max"));
        Assert.Equal("0", Val(axis, "min"));
        Assert.Equal("2", Val(axis, "majorUnit"));
        // Whole steps of millions: "12", not "12.0" (the bars keep their decimal).
        Assert.Equal("#,##0", axis.Element(C + "numFmt")!.Attribute("formatCode")!.Value);
        // The legend: Budget, Funded, and the underfunded bars' colour as "Funded *", drawn nowhere in the plot.
        var names = chart.Descendants(C + "ser").Select(s => Name(s)).ToList();
        Assert.Contains("Funded *", names);
        var highlight = chart.Descendants(C + "ser").Single(s => Name(s) == "Funded *");
        Assert.Equal(Palette.Highlight, highlight.Element(C + "marker")!.Descendants(A + "srgbClr").First().Attribute("val")!.Value);
        Assert.Empty(highlight.Descendants(C + "pt"));
        Assert.Equal("lineChart", highlight.Parent!.Name.LocalName);
    }

    [Fact]
    public void Achievement_chart_axis_is_in_per_cent_to_100_and_its_threshold_is_dashed()
    {
        var chart = Chart("annual-report-summary.en.docx", "Achievement");
        var axis = chart.Descendants(C + "valAx").Single();
        Assert.Equal("1", Val(axis, "max"));
        Assert.Equal("0.2", Val(axis, "majorUnit"));
        Assert.Equal("0%", axis.Element(C + "numFmt")!.Attribute("formatCode")!.Value);
        var threshold = chart.Descendants(C + "lineChart").Single().Elements(C + "ser").Single();
        Assert.Equal("dash", threshold.Element(C + "spPr")!.Descendants(A + "prstDash").Single().Attribute("val")!.Value);
        Assert.DoesNotContain(chart.Descendants(C + "barChart").Single().Elements(C + "ser"), s => Name(s).Contains("threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Partial_targets_are_dashed_strokes_not_bars()
    {
        // Charts III to VIII: each year's targets only for some outcomes, as a short stroke on each (no line between them).
        var charts = Charts("portfolio-analysis.en.docx").Select(x => x.Root!)
            .Where(r => r.Descendants(C + "ser").Any(s => Name(s) == "Target 2022")).ToList();
        Assert.Equal(6, charts.Count);
        var chart = charts[0];
        var targets = chart.Descendants(C + "lineChart").Single().Elements(C + "ser").ToList();
        Assert.Equal(2, targets.Count);
        // No marker (LibreOffice draws every marker filled: a hollow dash showed as a small bar): each target is the
        // end cap of a vanishing error bar, dashed (first year) or dotted (second), and no segment joins the points.
        Assert.All(targets, t => Assert.Equal("none", t.Element(C + "marker")!.Element(C + "symbol")!.Attribute("val")!.Value));
        Assert.All(targets, t =>
        {
            var bars = t.Element(C + "errBars")!;
            Assert.Equal("y", bars.Element(C + "errDir")!.Attribute("val")!.Value);
            Assert.Equal("0", bars.Element(C + "noEndCap")!.Attribute("val")!.Value);
            Assert.True(double.Parse(bars.Element(C + "val")!.Attribute("val")!.Value, System.Globalization.CultureInfo.InvariantCulture) < 0.001);
            var points = t.Element(C + "val")!.Descendants(C + "pt").Select(p => p.Attribute("idx")!.Value).ToList();
            Assert.Equal(points, t.Elements(C + "dPt").Select(d => d.Element(C + "idx")!.Attribute("val")!.Value));
            Assert.All(t.Elements(C + "dPt"), d => Assert.NotNull(d.Element(C + "spPr")!.Element(A + "ln")!.Element(A + "noFill")));
        });
        Assert.Equal(["dash", "sysDot"], targets.Select(t => t.Element(C + "errBars")!.Descendants(A + "prstDash").Single().Attribute("val")!.Value));
        // The legend's key: the series' own dashed (dotted) line. The two years in black and blue.
        Assert.Equal(["dash", "sysDot"], targets.Select(t => t.Element(C + "spPr")!.Descendants(A + "prstDash").Single().Attribute("val")!.Value));
        Assert.Equal([Palette.TargetColour(0), Palette.TargetColour(1)],
            targets.Select(t => t.Element(C + "errBars")!.Descendants(A + "srgbClr").First().Attribute("val")!.Value));
        Assert.DoesNotContain(chart.Descendants(C + "barChart").Single().Elements(C + "ser"), s => Name(s).StartsWith("Target", StringComparison.Ordinal));
    }
}
