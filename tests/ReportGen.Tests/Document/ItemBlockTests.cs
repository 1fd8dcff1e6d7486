using ReportGen.Document;
using ReportGen.Rendering.Docx;
using ReportGen.Rendering.Pdf;

namespace ReportGen.Tests.Document;

/// <summary>
/// A sub-item holds paragraphs and nested lists only: the resolver, the writers and the parts'
/// walk go through one exhaustive walk (<see cref="ItemBlocks"/>), which refuses any other block
/// by name instead of skipping it; a template that puts one there is told where.
/// </summary>
public class ItemBlockTests
{
    public static TheoryData<string> Kinds => new() { "a table", "a heading", "a chart", "an annex", "a page break" };

    private static Block Of(string kind)
    {
        var chart = SmallDocument.Build().AllBlocks().OfType<ChartSlot>().First();
        return kind switch
        {
            "a table" => chart.Data,
            "a heading" => new Heading(3, null, Inlines.Of("A heading")),
            "a chart" => chart,
            "an annex" => new Annex("Annex", "Data", []),
            _ => new PageBreak(),
        };
    }

    /// <summary>The small document with <paramref name="kind"/> after the paragraph of its sub-item (b).</summary>
    private static Doc WithBlockInItem(string kind)
    {
        var doc = SmallDocument.Build();
        return doc with
        {
            Body = doc.Body.Select(b => b is SubItems s ? s with
            {
                Items = s.Items.Select((i, k) => k == 1 ? i with { Blocks = [i.Blocks[0], Of(kind), .. i.Blocks.Skip(1)] } : i).ToList(),
            } : b).ToList(),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_walk_refuses_a_block_that_cannot_stand_in_a_sub_item(string kind)
    {
        var doc = WithBlockInItem(kind);
        string message = $"{kind} cannot stand in sub-item (b): only paragraphs and nested lists can";
        Assert.Equal(message, Assert.Throws<UnsupportedItemBlockException>(() => Resolver.Resolve(doc)).Message);
        Assert.Equal(message, Assert.Throws<UnsupportedItemBlockException>(() => DocumentParts.Of(doc)).Message);
        // The writers walk the items themselves: given the document unresolved, they refuse it too (naming the item by
        // its label where they have the resolver's: the PDF writer resolves for its content hash, the Word writer not).
        Assert.Equal($"{kind} cannot stand in a sub-item: only paragraphs and nested lists can",
            Assert.Throws<UnsupportedItemBlockException>(() => DocxWriter.Write(new ResolvedDocument(doc))).Message);
        Assert.Equal(message, Assert.Throws<UnsupportedItemBlockException>(() => PdfWriter.Write(new ResolvedDocument(doc))).Message);
    }

    [Fact]
    public void The_walk_gives_each_paragraph_in_order_with_the_first_marked_and_each_nested_list()
    {
        var doc = SmallDocument.Build();
        var list = doc.Body.OfType<SubItems>().First();
        var seen = new List<string>();
        ItemBlocks.Walk(list.Items[1], "(b)", (p, first) => seen.Add($"{Inlines.PlainText(p.Content)}{(first ? " (first)" : "")}"), nested => seen.Add($"list of {nested.Items.Count}"));
        Assert.Equal(["regions: (first)", "list of 1"], seen);
        // The resolver anchors them as before: 2(b), and the nested item under it, 2(b)(i).
        var resolved = Resolver.Resolve(doc);
        Assert.Equal("2(b)", resolved.AnchorOf(list.Items[1].Blocks[0]));
        Assert.Equal("2(b)(i)", resolved.AnchorOf(((SubItems)list.Items[1].Blocks[1]).Items[0].Blocks[0]));
    }
}
