using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using ReportGen.Document;
using PdfSharp.Drawing;
using ReportGen.Rendering.Pdf;
using ReportGen.Rendering.Pdf.Tagging;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The structure tree of a long tagged PDF (written by the PDF writer's own structure writer, after
/// PDFsharp saves the pages): numbered paragraphs in English with Chinese in them, footnotes, sub-items
/// and tables that run across pages. Read back with poppler's <c>pdfinfo -struct-text</c>, the tree
/// must be well formed and hold every paragraph, note and row once, in order; read back with
/// PDFsharp, the parent tree must lead every marked-content sequence of every page to its element.
/// </summary>
public class TaggedLongPdfTests
{
    private const string Zh = "人居署的规范工作与业务工作之间的联系日益紧密，2021 年审查的项目中有 41% 涵盖全部 4 个变革领域。";
    private const string En = "The analysis of the project portfolio shows how projects aimed at one outcome of the strategic plan also serve the others.";
    private const int Chapters = 3, ParagraphsPerChapter = 12, Rows = 70;

    private static readonly Lazy<(byte[] Pdf, int Pages)> Written = new(() => PdfWriter.Write(Make()));

    /// <summary>Chapters of numbered paragraphs (every third with a footnote), a list of sub-items, and a table of 70 rows (two pages).</summary>
    private static Doc Make()
    {
        var blocks = new List<Block>();
        int paragraph = 0;
        for (int chapter = 1; chapter <= Chapters; chapter++)
        {
            blocks.Add(new Heading(1, Numbering.Roman(chapter) + ".", Inlines.Of($"Chapter {chapter} 第 {chapter} 章")));
            for (int i = 0; i < ParagraphsPerChapter; i++)
            {
                paragraph++;
                var content = new List<Inline> { new Text(i % 2 == 0 ? En + " " + Zh : Zh + " " + En) };
                if (paragraph % 3 == 1) content.Add(new FootnoteRef(new Footnote(null, Inlines.Of($"Note on paragraph {paragraph}: source HSP/EB.2021/19."))));
                blocks.Add(new Paragraph(true, content));
                if (i == 5)
                    blocks.Add(new SubItems(1, [new SubItem([new Paragraph(false, Inlines.Of($"Sub-item a of chapter {chapter}."))]),
                        new SubItem([new Paragraph(false, Inlines.Of($"第 {chapter} 章的子项 b。"))])]));
            }
            var header = new List<IReadOnlyList<TableCell>> { new[] { "Indicator 指标", "Baseline", "Target", "Actual" }.Select(t => new TableCell(Inlines.Of(t))).ToList() };
            var rows = Enumerable.Range(1, Rows).Select(r => (IReadOnlyList<TableCell>)new[] { $"Row {chapter}.{r} 受益城市", "10", "20", $"{r}" }
                .Select(t => new TableCell(Inlines.Of(t), Alignment.Right)).ToList()).ToList();
            blocks.Add(new Table(header, rows, [30, 8, 8, 8]));
        }
        var masthead = new Masthead("HSP/EB.2021/TEST", "Distr.: General", "4 October 2021", "", "Original: English", "Executive Board", "Second session of 2021",
            "Nairobi, 15 and 16 November 2021", "Item 6 of the provisional agenda", "", new Footnote("*", Inlines.Of("HSP/EB.2021/12.")), "Test",
            "A long tagged document 一份长文件", "Test", [], "United Nations", "HSP/EB.2021/TEST") { Date = new DateOnly(2021, 10, 4) };
        return new Doc(masthead, blocks, "en");
    }

    /// <summary>One line of <c>pdfinfo -struct-text</c>: an element (its role), an attribute of the element above ("/Scope /Column"), or a text (quoted), at its depth.</summary>
    private sealed record Line(int Depth, string? Role, string? Text, string? Attribute = null);

    /// <summary>An element of the tree with its kids, as poppler prints it.</summary>
    private sealed class Node(string role)
    {
        public string Role { get; } = role;
        public List<object> Kids { get; } = []; // Node or string
        public List<string> Attributes { get; } = [];

        /// <summary>Its text, all whitespace taken out (poppler splits and spaces lines as it likes), leaving out the given roles.</summary>
        public string Text(params string[] without) => string.Concat(Kids.Select(k => k switch
        {
            string s => Regex.Replace(s, @"\s+", ""),
            Node n when !without.Contains(n.Role) => n.Text(without),
            _ => "",
        }));

        public IEnumerable<Node> Descendants() => Kids.OfType<Node>().SelectMany(n => n.Descendants().Prepend(n));
    }

    private static string StructText(byte[] pdf)
    {
        ExternalTool.Require("pdfinfo", "poppler-utils");
        string path = Path.Combine(Path.GetTempPath(), $"reportgen-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdfinfo", ["-struct-text", path]) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0 && error.Result.Length == 0, $"pdfinfo: {error.Result}");
            return output;
        }
        finally { File.Delete(path); }
    }

    /// <summary>Parses poppler's indented listing, failing where it is not a well-formed tree.</summary>
    private static Node Parse(string structText)
    {
        var lines = structText.Split('\n').Where(l => l.Length > 0).Select(l =>
        {
            int indent = l.Length - l.TrimStart(' ').Length;
            string body = l.Trim();
            if (body.StartsWith('/')) return new Line(-1, null, null, body);
            Assert.True(indent % 2 == 0, $"odd indentation: {l}");
            if (body.StartsWith('"'))
            {
                Assert.EndsWith("\"", body);
                return new Line(indent / 2, null, body[1..^1]);
            }
            var role = Regex.Match(body, @"^([A-Za-z][A-Za-z0-9]*)( <[^>]*>)?( \((block|inline)\))?:?$");
            Assert.True(role.Success, $"not an element: {l}");
            return new Line(indent / 2, role.Groups[1].Value, null);
        }).ToList();
        Assert.Equal(new Line(0, "Document", null), lines[0]);
        var stack = new List<Node> { new("Document") };
        foreach (var line in lines.Skip(1))
        {
            if (line.Attribute is not null)
            {
                Assert.True(stack[^1].Kids.Count == 0, $"an attribute after the element's content: {line.Attribute}");
                stack[^1].Attributes.Add(line.Attribute);
                continue;
            }
            Assert.True(line.Depth >= 1 && line.Depth <= stack.Count, $"a line at depth {line.Depth} under {stack.Count} open elements");
            stack.RemoveRange(line.Depth, stack.Count - line.Depth); // a text is a leaf: nothing is ever under it
            if (line.Text is not null) stack[^1].Kids.Add(line.Text);
            else
            {
                var node = new Node(line.Role!);
                stack[^1].Kids.Add(node);
                stack.Add(node);
            }
        }
        return stack[0];
    }

    [SkippableFact]
    public void Poppler_reads_a_well_formed_tree_with_every_paragraph_note_and_row_once_in_order()
    {
        var (pdf, pages) = Written.Value;
        Assert.True(pages >= 8, $"{pages} pages");
        var tree = Parse(StructText(pdf));
        var all = tree.Descendants().ToList();

        // Every numbered paragraph, in order, a P with its number as label and its whole text; a
        // paragraph's footnote is a Note inside it, after the text, and nowhere else.
        var numbered = all.Where(n => n.Role == "P" && n.Kids.FirstOrDefault() is Node { Role: "Lbl" }).ToList();
        Assert.Equal(Chapters * ParagraphsPerChapter, numbered.Count);
        for (int p = 1; p <= numbered.Count; p++)
        {
            var element = numbered[p - 1];
            Assert.Equal($"{p}.", ((Node)element.Kids[0]).Text());
            int i = (p - 1) % ParagraphsPerChapter;
            string body = Regex.Replace(i % 2 == 0 ? En + Zh : Zh + En, @"\s+", "");
            string text = element.Text("Lbl", "Note");
            Assert.StartsWith(body, text);
            var notes = element.Kids.OfType<Node>().Where(n => n.Role == "Note").ToList();
            if (p % 3 == 1)
            {
                Assert.Matches(@"^\d+$", text[body.Length..]); // the note's number, cited at the end of the text
                var note = Assert.Single(notes);
                Assert.Same(note, element.Kids[^1]);
                Assert.Equal($"{text[body.Length..]}Noteonparagraph{p}:sourceHSP/EB.2021/19.", note.Text());
            }
            else
            {
                Assert.Equal(body, text);
                Assert.Empty(notes);
            }
        }
        Assert.Equal(Chapters * ParagraphsPerChapter / 3 + 1, all.Count(n => n.Role == "Note")); // and the masthead's

        // Every table: its header row once (repeated on the next page as an artifact), then every row once, in order, four cells each.
        var tables = all.Where(n => n.Role == "Table").ToList();
        Assert.Equal(Chapters, tables.Count);
        for (int t = 0; t < Chapters; t++)
        {
            var rows = tables[t].Kids.Cast<Node>().ToList();
            Assert.All(rows, r => Assert.Equal("TR", r.Role));
            Assert.Equal(Rows + 1, rows.Count);
            Assert.Equal(["TH", "TH", "TH", "TH"], rows[0].Kids.Cast<Node>().Select(c => c.Role));
            Assert.All(rows[0].Kids.Cast<Node>(), c => Assert.Equal(["/Scope /Column"], c.Attributes));
            Assert.Equal("Indicator指标BaselineTargetActual", rows[0].Text());
            for (int r = 1; r <= Rows; r++)
            {
                Assert.Equal(["TD", "TD", "TD", "TD"], rows[r].Kids.Cast<Node>().Select(c => c.Role));
                Assert.Equal($"Row{t + 1}.{r}受益城市1020{r}", rows[r].Text());
            }
        }
        // Drawn on the pages more often: every table runs onto a next page, which repeats its header.
        Assert.Equal(Chapters, Regex.Matches(tree.Text(), "Indicator指标").Count);
        int drawn = Regex.Matches(Poppler.PdfToText(pdf), "Indicator 指标").Count;
        Assert.True(drawn >= 2 * Chapters, $"the header drawn {drawn} times");

        // The sub-items: a list of two items, each a label and a body.
        var lists = all.Where(n => n.Role == "L").ToList();
        Assert.Equal(Chapters, lists.Count);
        Assert.All(lists, l => Assert.Equal(["LI", "LI"], l.Kids.Cast<Node>().Select(i => i.Role)));
        Assert.Equal("(a)Sub-itemaofchapter1.(b)第1章的子项b。", lists[0].Text());

        // Mixed languages: in this English document, Chinese is read in spans of its own (their /Lang below).
        Assert.All(all.Where(n => n.Role != "Span"), n => Assert.All(n.Kids.OfType<string>(), s => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", s)));
        Assert.Contains(all, n => n.Role == "Span");
    }

    [Fact]
    public void The_parent_tree_leads_every_marked_sequence_of_every_page_to_its_element()
    {
        var (pdf, pages) = Written.Value;
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var root = doc.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!;
        var nums = root.Elements.GetDictionary("/ParentTree")!.Elements.GetArray("/Nums")!;
        Assert.Equal(pages, doc.PageCount);
        Assert.Equal(pages, root.Elements.GetInteger("/ParentTreeNextKey")); // every page has marked content
        Assert.Equal(2 * pages, nums.Elements.Count);

        // Every (page, MCID) of the tree, found by walking it from the root: the element that holds it.
        var owner = new Dictionary<(int Page, int Mcid), PdfDictionary>();
        var elements = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        void Walk(PdfDictionary element)
        {
            Assert.True(elements.Add(element), "an element is in the tree twice");
            int page = (element.Elements["/Pg"] as PdfReference)?.ObjectNumber ?? -1;
            var k = element.Elements["/K"];
            foreach (var kid in k is PdfArray a ? a.Elements.ToList() : k is null ? [] : [k])
            {
                var item = kid is PdfReference r ? r.Value : kid;
                switch (item)
                {
                    case PdfInteger mcid:
                        Assert.True(page > 0, "an MCID of an element without /Pg");
                        Assert.True(owner.TryAdd((page, mcid.Value), element), $"MCID {mcid.Value} of page object {page} is in the tree twice");
                        break;
                    case PdfDictionary { } d when d.Elements.GetName("/Type") == "/MCR":
                        Assert.True(owner.TryAdd((((PdfReference)d.Elements["/Pg"]!).ObjectNumber, d.Elements.GetInteger("/MCID")), element));
                        break;
                    case PdfDictionary child:
                        Assert.Same(element, (child.Elements["/P"] as PdfReference)?.Value);
                        Walk(child);
                        break;
                }
            }
        }
        var document = (PdfDictionary)((PdfReference)root.Elements["/K"]!).Value;
        Assert.Equal("/Document", document.Elements.GetName("/S"));
        Walk(document);

        int marked = 0;
        for (int p = 0; p < pages; p++)
        {
            var page = doc.Pages[p];
            int key = page.Elements.GetInteger("/StructParents");
            Assert.Equal(key, ((PdfInteger)nums.Elements[2 * key]).Value);
            var entries = (PdfArray)nums.Elements[2 * key + 1];
            // The page's content has its MCIDs 0, 1, 2... in order, as many as the parent tree's entry.
            var content = Encoding.Latin1.GetString(page.Contents.Elements.Cast<PdfItem>().SelectMany(c => ((PdfDictionary)((PdfReference)c).Value).Stream.UnfilteredValue).ToArray());
            var mcids = Regex.Matches(content, @"<</MCID (\d+)>>BDC").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, entries.Elements.Count), mcids);
            for (int mcid = 0; mcid < entries.Elements.Count; mcid++)
            {
                var element = (PdfDictionary)((PdfReference)entries.Elements[mcid]).Value;
                Assert.True(owner.TryGetValue((page.Reference!.ObjectNumber, mcid), out var holder), $"page {p + 1} MCID {mcid} is not in the tree");
                Assert.Same(holder, element);
                marked++;
            }
        }
        Assert.Equal(owner.Count, marked); // and the tree holds no MCID the pages do not have
    }

    [Fact]
    public void Content_drawn_without_being_marked_is_refused()
    {
        var pdf = new PdfDocument();
        var root = StructNode.Document();
        var tagger = new Tagger(pdf, "en", root);
        var page = pdf.AddPage();
        using var graphics = XGraphics.FromPdfPage(page);
        tagger.StartPage(page, graphics);
        var pen = new XPen(XColors.Black, 1);

        tagger.Enter(root.Add("P"));
        tagger.Mark(); // as PageCanvas.Graphics does before handing out the drawing surface
        graphics.DrawLine(pen, 0, 0, 10, 0);
        tagger.BeginArtifact(); // ends the P's marked content
        graphics.DrawLine(pen, 0, 10, 10, 10);
        tagger.EndArtifact();
        Assert.Contains("/P<</MCID 0>>BDC", graphics.Internals.ContentStringBuilder!.ToString());

        // Drawing on with the surface taken before the artifact: the line would be in no element.
        graphics.DrawLine(pen, 0, 20, 10, 20);
        var error = Assert.Throws<InvalidOperationException>(() => tagger.BeginArtifact());
        Assert.Contains("without being marked", error.Message);
    }
}
