using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using ReportGen.Build;
using ReportGen.Document;
using ReportGen.Rendering.Pdf;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// A chart reference in the PDF is a link to the chart's caption: a /Link annotation over its
/// words going to the caption's named destination, owned by a Link element of the structure tree
/// (PDF/UA-1 7.18.5: an OBJR kid, the annotation's /StructParent in the parent tree, its /Contents
/// saying where it goes). Read back with PDFsharp's reader and poppler's word boxes.
/// </summary>
public class PdfLinkTests
{
    /// <summary>The sample's documents, resolved, with their PDFs.</summary>
    private static readonly Lazy<List<(string Name, ResolvedDocument Resolved, byte[] Pdf)>> Documents = new(() =>
    {
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], [], null));
        return documents.Select(d =>
        {
            var resolved = Resolver.Resolve(d.Doc);
            return ($"{d.Spec.DocId}.{d.Doc.Language}", resolved, PdfWriter.Write(resolved).Bytes);
        }).ToList();
    });

    public static TheoryData<string> Names => new() { "portfolio-analysis.en", "portfolio-analysis.zh", "annual-report-summary.en", "annual-report-summary.zh" };

    /// <summary>A link annotation as read back: its page (0-based), rectangle, destination name, description, key in the parent tree and object number.</summary>
    private sealed record Annotation(int Page, double[] Rect, string Destination, string Contents, int StructParent, int Number);

    /// <summary>A Link element of the structure tree: the object numbers of its OBJR kids, its text's MCIDs.</summary>
    private sealed record LinkElement(int Number, List<int> Objects, int Mcids);

    private sealed record Read(List<Annotation> Annotations, Dictionary<string, (int Page, double Top)> Destinations, List<LinkElement> Links,
        Dictionary<int, int> ParentTreeObjects, List<bool> TabsByStructure, double PageHeight);

    private static Read ReadPdf(byte[] bytes)
    {
        using var doc = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var pageNumbers = new Dictionary<int, int>();
        for (int p = 0; p < doc.PageCount; p++) pageNumbers[doc.Pages[p].Reference!.ObjectNumber] = p;
        var catalog = doc.Internals.Catalog;
        var destinations = new Dictionary<string, (int, double)>(StringComparer.Ordinal);
        var dests = catalog.Elements.GetDictionary("/Dests") ?? throw new Xunit.Sdk.XunitException("no /Dests");
        foreach (var name in dests.Elements.Keys)
        {
            var array = (PdfArray)Resolve(dests.Elements[name])!;
            destinations[name.TrimStart('/')] = (pageNumbers[((PdfReference)array.Elements[0]).ObjectNumber], ((PdfReal)array.Elements[3]).Value);
        }
        var annotations = new List<Annotation>();
        var tabs = new List<bool>();
        for (int p = 0; p < doc.PageCount; p++)
        {
            var page = doc.Pages[p];
            if (page.Elements.GetArray("/Annots") is not { } annots) continue;
            tabs.Add(page.Elements.GetName("/Tabs") == "/S");
            foreach (var item in annots.Elements)
            {
                var a = (PdfDictionary)Resolve(item)!;
                Assert.Equal("/Link", a.Elements.GetName("/Subtype"));
                var rect = ((PdfArray)Resolve(a.Elements["/Rect"])!).Elements.Select(Number).ToArray();
                Assert.Equal([0.0, 0.0, 0.0], ((PdfArray)Resolve(a.Elements["/Border"])!).Elements.Select(Number)); // no frame drawn
                annotations.Add(new Annotation(p, rect, a.Elements.GetName("/Dest").TrimStart('/'), a.Elements.GetString("/Contents"),
                    a.Elements.GetInteger("/StructParent"), ((PdfReference)item).ObjectNumber));
            }
        }
        var root = catalog.Elements.GetDictionary("/StructTreeRoot")!;
        var links = new List<LinkElement>();
        void Walk(PdfItem? item)
        {
            int number = item is PdfReference r ? r.ObjectNumber : -1;
            item = Resolve(item);
            if (item is PdfArray array) { foreach (var kid in array.Elements) Walk(kid); return; }
            if (item is not PdfDictionary d || d.Elements.GetName("/Type") is "/MCR" or "/OBJR") return;
            if (d.Elements.GetName("/S") == "/Link")
            {
                var kids = Resolve(d.Elements["/K"]) is PdfArray k ? k.Elements.ToList() : [d.Elements["/K"]!];
                var objects = kids.Select(Resolve).OfType<PdfDictionary>().Where(o => o.Elements.GetName("/Type") == "/OBJR")
                    .Select(o => ((PdfReference)o.Elements["/Obj"]!).ObjectNumber).ToList();
                links.Add(new LinkElement(number, objects, kids.Count(kid => Resolve(kid) is PdfInteger)));
            }
            Walk(d.Elements["/K"]);
        }
        Walk(root.Elements["/K"]);
        var parentTree = new Dictionary<int, int>();
        var nums = root.Elements.GetDictionary("/ParentTree")!.Elements.GetArray("/Nums")!;
        for (int i = 0; i + 1 < nums.Elements.Count; i += 2)
            if (nums.Elements[i + 1] is PdfReference owner) parentTree[((PdfInteger)nums.Elements[i]).Value] = owner.ObjectNumber;
        return new Read(annotations, destinations, links, parentTree, tabs, doc.Pages[0].Height.Point);
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference r ? r.Value : item;

    private static double Number(PdfItem item) => item switch
    {
        PdfInteger i => i.Value,
        PdfReal r => r.Value,
        _ => throw new Xunit.Sdk.XunitException($"not a number: {item}"),
    };

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Each_chart_reference_links_to_its_charts_caption(string name)
    {
        var (_, resolved, bytes) = Documents.Value.Single(d => d.Name == name);
        var pdf = ReadPdf(bytes);
        Assert.NotEmpty(resolved.ChartReferences);
        // Every annotation goes to a chart's caption, and says so.
        var captions = resolved.Doc.AllBlocks().OfType<ChartSlot>().ToDictionary(c => Anchors.Encode(resolved.AnchorOf(c)!), c => c);
        Assert.All(pdf.Annotations, a =>
        {
            Assert.True(captions.TryGetValue(a.Destination, out var chart), $"a link goes to {a.Destination}, not to a chart");
            Assert.True(pdf.Destinations.ContainsKey(a.Destination), $"no destination {a.Destination}");
            Assert.EndsWith(chart!.Title, a.Contents);
            Assert.StartsWith(chart.Caption ?? "", a.Contents);
        });
        // Each reference, in reading order, is linked to its first chart over its words and nothing else
        // (by two links when its words are broken over two lines).
        int next = 0;
        string covered = "";
        foreach (var a in pdf.Annotations)
        {
            Assert.True(next < resolved.ChartReferences.Count, $"a link to {a.Destination} on page {a.Page + 1} after the last reference");
            var reference = resolved.ChartReferences[next];
            Assert.Equal(Anchors.Encode(reference.Charts[0]), a.Destination);
            // Poppler reads what is inside the rectangle to the character in Chinese, to the word (with its
            // punctuation) in English; the punctuation around a reference is left out of the comparison.
            string inside = Letters(TextIn(bytes, a.Page, a.Rect[0] + 0.5, pdf.PageHeight - a.Rect[3], a.Rect[2] - 0.5, pdf.PageHeight - a.Rect[1]));
            Assert.True(inside.Length > 0, $"the link to {a.Destination} on page {a.Page + 1} covers no words");
            covered += inside;
            string wanted = Letters(reference.Reference.Text);
            Assert.True(wanted.StartsWith(covered, StringComparison.Ordinal), $"the link to {a.Destination} on page {a.Page + 1} covers '{covered}', not '{wanted}'");
            if (covered == wanted) (next, covered) = (next + 1, "");
        }
        Assert.Equal(resolved.ChartReferences.Count, next);
        // The destination is the caption: the text there starts with the caption's label.
        foreach (var (destination, chart) in captions)
        {
            var (page, top) = pdf.Destinations[destination];
            string text = TextIn(bytes, page, 0, pdf.PageHeight - top - 2, 600, pdf.PageHeight - top + 16);
            Assert.StartsWith(Letters(chart.Caption ?? ""), Letters(text));
        }
    }

    /// <summary>The letters and digits of a text, without spaces and punctuation.</summary>
    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_link_is_a_link_element_owning_its_annotation(string name)
    {
        var (_, _, bytes) = Documents.Value.Single(d => d.Name == name);
        var pdf = ReadPdf(bytes);
        Assert.NotEmpty(pdf.Annotations);
        Assert.Equal(pdf.Annotations.Count, pdf.Links.Count);
        var owners = pdf.Links.SelectMany(l => l.Objects.Select(o => (Annotation: o, Link: l.Number))).ToDictionary(x => x.Annotation, x => x.Link);
        foreach (var a in pdf.Annotations)
        {
            Assert.True(owners.TryGetValue(a.Number, out int link), $"no Link element has the annotation {a.Number} as an OBJR");
            Assert.Equal(link, pdf.ParentTreeObjects[a.StructParent]); // the parent tree leads from the annotation back to its element
            Assert.False(string.IsNullOrWhiteSpace(a.Contents));
        }
        Assert.All(pdf.Links, l => Assert.True(l.Mcids > 0 || l.Objects.Count == 1)); // the element holds the link's text as well
        Assert.All(pdf.TabsByStructure, Assert.True); // pages with links order them by the structure (PDF/UA-1 7.18.3)
    }

    [SkippableFact]
    public void A_reference_broken_over_lines_in_a_note_or_a_table_is_linked_on_each_line()
    {
        // The small document, with references to its first chart: one long enough to run over lines, one in a footnote, one in a table cell.
        var doc = ReportGen.Tests.Document.SmallDocument.Build();
        var chart = doc.Body.OfType<ChartSlot>().First();
        string words = string.Join(" ", Enumerable.Repeat("the chart of the projects by outcome", 8));
        var longReference = new ChartRef([chart], words);
        var inNote = new ChartRef([chart], "chart I");
        var inCell = new ChartRef([chart], "chart I");
        var body = doc.Body.ToList();
        var third = Resolver.Resolve(doc);
        int at = body.FindIndex(b => b is Paragraph p && third.NumberOf(p) == 3);
        body[at] = new Paragraph(true, [new Text("The charts show the projects ("), longReference, new Text(")."),
            new FootnoteRef(new Footnote(null, [new Text("See "), inNote, new Text(".")]))]);
        body.Insert(at + 1, new Table([[new TableCell(Inlines.Of("Where")), new TableCell(Inlines.Of("Chart"))]],
            [[new TableCell(Inlines.Of("Results")), new TableCell([inCell])]], [1, 1]));
        var resolved = Resolver.Resolve(doc with { Body = body });
        var (bytes, _) = PdfWriter.Write(resolved);
        var pdf = ReadPdf(bytes);

        string anchor = Anchors.Encode(resolved.AnchorOf(chart)!);
        Assert.All(pdf.Annotations, a => Assert.Equal(anchor, a.Destination));
        Assert.Equal(pdf.Annotations.Count, pdf.Links.Count);
        // The long reference is linked on every line it runs over, and only over its own words.
        string covered = "";
        int lines = 0;
        foreach (var a in pdf.Annotations)
        {
            string inside = Letters(TextIn(bytes, a.Page, a.Rect[0] + 0.5, pdf.PageHeight - a.Rect[3], a.Rect[2] - 0.5, pdf.PageHeight - a.Rect[1]));
            if (inside == "chartI") continue; // the note's and the cell's
            covered += inside;
            lines++;
        }
        Assert.True(lines >= 3, $"the long reference is linked on {lines} lines");
        Assert.Equal(Letters(words), covered);
        Assert.Equal(lines + 2, pdf.Annotations.Count);
        // Poppler reads the tree (Link elements in a paragraph, a note and a cell) without complaint.
        string path = Path.Combine(Path.GetTempPath(), $"reportgen-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        try
        {
            var start = new ProcessStartInfo("pdfinfo", ["-struct-text", path]) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string tree = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal("", error.Result);
            Assert.Equal(lines + 2, Regex.Matches(tree, @"^\s*Link\b", RegexOptions.Multiline).Count);
        }
        finally { File.Delete(path); }
    }

    /// <summary>The text poppler reads in a region of a page (page coordinates from the top), to a tenth of a point.</summary>
    private static string TextIn(byte[] pdf, int page, double left, double top, double right, double bottom)
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        string path = Path.Combine(Path.GetTempPath(), $"reportgen-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            static string Tenths(double points) => ((int)Math.Round(points * 10)).ToString(CultureInfo.InvariantCulture);
            string p = (page + 1).ToString(CultureInfo.InvariantCulture);
            var start = new ProcessStartInfo("pdftotext", ["-r", "720", "-f", p, "-l", p, "-x", Tenths(left), "-y", Tenths(top), "-W", Tenths(right - left), "-H", Tenths(bottom - top), path, "-"])
                { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            string text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally { File.Delete(path); }
    }
}
