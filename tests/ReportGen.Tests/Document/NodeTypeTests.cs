using System.Text;
using ReportGen.Audit;
using ReportGen.Document;
using ReportGen.Rendering.Docx;
using ReportGen.Rendering.Html;
using ReportGen.Rendering.Pdf;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Document;

/// <summary>
/// The node types are a closed set (their base records cannot be derived from outside the
/// library): this test lists every one by reflection, and checks that each writer prints the
/// text of each, so a new node type fails here until every writer handles it.
/// </summary>
public class NodeTypeTests
{
    /// <summary>A word each node type prints; null for the two that print none (a page break, a line break).</summary>
    private static readonly Dictionary<Type, string?> Words = new()
    {
        [typeof(Heading)] = "Headingword", [typeof(Paragraph)] = "Paragraphword", [typeof(SubItems)] = "Subitemword",
        [typeof(Table)] = "Tableword", [typeof(ChartSlot)] = "Chartword", [typeof(Annex)] = "Annexword", [typeof(PageBreak)] = null,
        [typeof(Text)] = "Textword", [typeof(Strong)] = "Strongword", [typeof(Emphasis)] = "Emphasisword", [typeof(LineBreak)] = null,
        [typeof(FootnoteRef)] = "Footnoteword", [typeof(FigureRef)] = "Figureword", [typeof(ChartRef)] = "Chartrefword",
    };

    private static Doc EveryNode()
    {
        var small = SmallDocument.Build();
        var chart = small.AllBlocks().OfType<ChartSlot>().First() with { Title = "Chartword" };
        return small with
        {
            Body =
            [
                new Heading(1, "I.", Inlines.Of("Headingword")),
                new Paragraph(true, [new Text("Paragraphword Textword "), new Strong(Inlines.Of("Strongword")), new LineBreak(), new Emphasis(Inlines.Of("Emphasisword")),
                    new Text(" "), new FigureRef("x", 1, "Figureword"), new FootnoteRef(new Footnote(null, Inlines.Of("Footnoteword"))),
                    new Text(" "), new ChartRef([chart], "Chartrefword")]),
                new SubItems(1, [new SubItem([new Paragraph(false, Inlines.Of("Subitemword"))])]),
                new PageBreak(),
                new Table([], [[new TableCell(Inlines.Of("Tableword"))]], [1]),
                chart,
                new Annex("Annex I", "Annexword", [new Paragraph(false, Inlines.Of("In the annex."))]),
            ],
        };
    }

    [Fact]
    public void Every_node_type_is_known_here_and_closed_to_the_library()
    {
        var types = typeof(Block).Assembly.GetTypes().Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(Block)) || t.IsSubclassOf(typeof(Inline)))).ToHashSet();
        Assert.Equal(types.OrderBy(t => t.Name), Words.Keys.OrderBy(t => t.Name));
        Assert.All(types, t => Assert.True(t.IsSealed, $"{t.Name} is sealed"));
        Assert.All(new[] { typeof(Block), typeof(Inline) }, t => Assert.DoesNotContain(t.GetConstructors(), c => c.IsPublic || c.IsFamily));
        // The document below has one node of every type.
        var doc = EveryNode();
        var present = doc.AllBlocks().Select(b => b.GetType()).Concat(AllInlines(doc).Select(i => i.GetType())).ToHashSet();
        Assert.Equal(types.OrderBy(t => t.Name), present.OrderBy(t => t.Name));
    }

    private static IEnumerable<Inline> AllInlines(Doc doc)
    {
        IEnumerable<Inline> Of(IEnumerable<Inline> inlines) => inlines.SelectMany(i => i switch
        {
            Strong s => Of(s.Content).Prepend(i),
            Emphasis e => Of(e.Content).Prepend(i),
            FootnoteRef f => Of(f.Footnote.Content).Prepend(i),
            _ => [i],
        });
        return doc.AllBlocks().SelectMany(b => b switch
        {
            Heading h => Of(h.Content),
            Paragraph p => Of(p.Content),
            Table t => t.Header.Concat(t.Rows).SelectMany(r => r).SelectMany(c => Of(c.Content)),
            _ => [],
        });
    }

    public static TheoryData<string> Writers() => ["txt", "docx", "pdf", "html"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void Every_writer_prints_every_node_type(string writer)
    {
        using var dir = new TempDir();
        var doc = EveryNode();
        string text = writer switch
        {
            "txt" => PlainText.Of(doc),
            "docx" => Read(dir.File("a.docx"), DocxWriter.Write(doc)),
            "pdf" => Read(dir.File("a.pdf"), PdfWriter.Write(doc).Bytes),
            _ => Encoding.UTF8.GetString(HtmlWriter.Review([new ReviewDocument("a", [doc], [])])),
        };
        Assert.All(Words.Values.OfType<string>(), word => Assert.Contains(word, text));
    }

    private static string Read(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return string.Join("\n", DocumentText.Read(path).Select(p => p.Text));
    }
}
