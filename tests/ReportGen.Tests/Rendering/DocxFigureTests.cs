using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using ReportGen.Build;
using ReportGen.Charts;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Issue 23 (Word remainder): the Word bar charts take the PDF's room on the page, and Chinese value-axis titles stand upright.
/// The three-year generated cycle's zh annual report once had five pages in Word against the PDF's four: figure I was set
/// 236 points high (the PDF's is <see cref="ChartFrame.FigureHeight"/>) on a line of the Chinese body's 1.25 line spacing,
/// moved to page 4 and pushed figure II alone to page 5.
/// </summary>
public partial class DocxFigureTests
{
    private const string Cycle = "three-years-integration-falling-2022";
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
    {
        using var dir = new TempDir();
        return BuildPipeline.Render(new BuildOptions(CycleGenerator.WriteNamed(Cycle, dir), "unused", Repo.Path("templates"), ["en", "zh"], ["docx", "pdf"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes);
    });

    private static XDocument DocumentXml(string name)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Outputs.Value[name]), false);
        using var s = doc.MainDocumentPart!.GetStream();
        return XDocument.Load(s);
    }

    private static List<XDocument> Charts(string name)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Outputs.Value[name]), false);
        return doc.MainDocumentPart!.ChartParts.Select(p => { using var s = p.GetStream(); return XDocument.Load(s); }).ToList();
    }

    /// <summary>
    /// Every figure drawn as one chart (the annual report's two) is the PDF's chart box: its height, and the PDF's spaces above
    /// and below it, on a line of single spacing whatever the body's (the Chinese Normal style's 1.25 lines once applied to it).
    /// </summary>
    [Theory]
    [InlineData("annual-report-summary.en.docx")]
    [InlineData("annual-report-summary.zh.docx")]
    public void A_figure_has_the_pdf_chart_height_and_spacing(string name)
    {
        var figures = DocumentXml(name).Descendants(W + "p").Where(p => p.Descendants(WP + "inline").Any()).ToList();
        Assert.Equal(2, figures.Count);
        foreach (var p in figures)
        {
            var extent = p.Descendants(WP + "extent").Single();
            Assert.Equal((long)Math.Round(ChartFrame.FigureHeight * 12_700), long.Parse(extent.Attribute("cy")!.Value, CultureInfo.InvariantCulture));
            var spacing = p.Element(W + "pPr")!.Element(W + "spacing")!;
            Assert.Equal(PageDesign.Twips(ChartFrame.FigureSpaceAbove).ToString(CultureInfo.InvariantCulture), spacing.Attribute(W + "before")!.Value);
            Assert.Equal(PageDesign.Twips(ChartFrame.FigureSpaceBelow).ToString(CultureInfo.InvariantCulture), spacing.Attribute(W + "after")!.Value);
            Assert.Equal("240", spacing.Attribute(W + "line")!.Value);
            Assert.Equal("auto", spacing.Attribute(W + "lineRule")!.Value);
        }
    }

    /// <summary>
    /// Chinese charts set a value axis's title upright, one character under the other (the profile's
    /// <see cref="LanguageProfile.StacksVerticalTitles"/>): DrawingML's stacked text; English keeps it turned along the axis.
    /// </summary>
    [Theory]
    [InlineData("annual-report-summary.zh.docx", true)]
    [InlineData("portfolio-analysis.zh.docx", true)]
    [InlineData("annual-report-summary.en.docx", false)]
    public void Chinese_value_axis_titles_are_stacked(string name, bool stacked)
    {
        var titles = Charts(name).SelectMany(x => x.Descendants(C + "valAx").Elements(C + "title")).ToList();
        Assert.NotEmpty(titles);
        foreach (var title in titles)
        {
            var body = title.Descendants(A + "bodyPr").Single();
            Assert.Equal(stacked ? "wordArtVert" : null, body.Attribute("vert")?.Value);
        }
        // Category axis titles run along their axis in every language.
        Assert.All(Charts(name).SelectMany(x => x.Descendants(C + "catAx").Elements(C + "title")), t => Assert.Null(t.Descendants(A + "bodyPr").Single().Attribute("vert")));
    }

    /// <summary>
    /// As LibreOffice renders the Word files (the bundled faces: <see cref="LibreOffice.RenderEachWithinOnePageOfThePdf"/>), the
    /// cycle's zh annual report fills the PDF's pages; each figure, from its caption's top to the foot of its key, is as tall as
    /// the PDF's within <see cref="FigureTolerance"/> (figure I was 30 points taller); the value axis's title 实现程度 stands
    /// upright, its characters one under the other.
    /// </summary>
    [SkippableFact]
    public void The_cycle_zh_annual_report_renders_its_figures_at_the_pdf_size()
    {
        var rendered = LibreOffice.RenderEachWithinOnePageOfThePdf(Outputs.Value, "zh");
        byte[] word = rendered["annual-report-summary"], pdf = Outputs.Value["annual-report-summary.zh.pdf"];
        Assert.Equal(Pages(pdf), Pages(word));
        foreach (string caption in new[] { "图一", "图二" })
        {
            double inWord = FigureHeight(word, caption), inPdf = FigureHeight(pdf, caption);
            Assert.True(Math.Abs(inWord - inPdf) <= FigureTolerance, $"{caption}: {inWord:0.0} pt in LibreOffice, {inPdf:0.0} pt in the PDF");
        }
        // The title's characters, each a word of its own, one under the other at one x.
        var boxes = Words(Poppler.PdfToText(word, "-bbox")).SelectMany(p => p).ToList();
        // The four one-character words in a row (a 现 of the running text is not the title's).
        int at = Enumerable.Range(0, Math.Max(0, boxes.Count - 3)).First(i => string.Concat(boxes.Skip(i).Take(4).Select(b => b.Text)) == "实现程度" && boxes[i].Text.Length == 1);
        var title = boxes.Skip(at).Take(4).ToList();
        Assert.All(title, b => Assert.True(Math.Abs(b.X - title[0].X) < 1.5, $"{b.Text} at x {b.X:0.0}, 实 at {title[0].X:0.0}"));
        Assert.True(title.Zip(title.Skip(1)).All(pair => pair.Second.Top > pair.First.Top), "the title's characters do not run downwards");
    }

    /// <summary>Points: LibreOffice's key sits at the foot of the drawing, the PDF's a few points above it.</summary>
    private const double FigureTolerance = 12;

    /// <summary>From the top of a figure's caption to the lowest word under it on its page (its key), page furniture aside.</summary>
    private static double FigureHeight(byte[] pdf, string caption)
    {
        foreach (var page in Words(Poppler.PdfToText(pdf, "-bbox")))
        {
            var start = page.FirstOrDefault(b => b.Text == caption);
            if (start is null) continue;
            // The next figure's caption, the closing rule and the page number end a figure.
            double end = page.Where(b => b.Top > start.Top && (b.Text.StartsWith('图') && b.Text != caption || b.Text.StartsWith("___", StringComparison.Ordinal)))
                .Select(b => b.Top).DefaultIfEmpty(PageDesign.PageHeight - PageDesign.Bottom).Min();
            return page.Where(b => b.Top > start.Top && b.Bottom < end && b.Top < PageDesign.PageHeight - PageDesign.Bottom)
                .Max(b => b.Bottom) - start.Top;
        }
        throw new Xunit.Sdk.XunitException($"no caption {caption}");
    }

    private sealed record Box(string Text, double X, double Top, double Bottom);

    private static List<List<Box>> Words(string bbox) =>
        bbox.Split("<page ").Skip(1).Select(page => WordBox().Matches(page).Select(m => new Box(m.Groups["text"].Value,
            Num(m.Groups["x"].Value), Num(m.Groups["top"].Value), Num(m.Groups["bottom"].Value))).ToList()).ToList();

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static int Pages(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    [GeneratedRegex(@"<word xMin=""(?<x>[0-9.]+)"" yMin=""(?<top>[0-9.]+)"" xMax=""[0-9.]+"" yMax=""(?<bottom>[0-9.]+)"">(?<text>[^<]*)</word>")]
    private static partial Regex WordBox();
}
