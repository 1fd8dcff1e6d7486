namespace ReportGen.Document;

/// <summary>
/// The one walk over what a sub-item holds, for every writer and the resolver: its paragraphs and
/// its nested sub-items, in order. It is a block visitor, so a new kind of block is a compile
/// error here until it is decided on; every kind that cannot stand in a sub-item throws
/// <see cref="UnsupportedItemBlockException"/> rather than being skipped. The Markdown reader never
/// puts one there (it reports the template line: "only paragraphs and lists may stand in a
/// sub-item"), so reaching the throw is a bug in code that built the document.
/// </summary>
public static class ItemBlocks
{
    /// <summary>
    /// Calls <paramref name="paragraph"/> for each paragraph of <paramref name="item"/> (with whether it is the item's first
    /// paragraph, which carries its label) and <paramref name="nested"/> for each nested list; <paramref name="label"/> (the
    /// resolver's) names the item in an error.
    /// </summary>
    public static void Walk(SubItem item, string label, Action<Paragraph, bool> paragraph, Action<SubItems> nested)
    {
        var visitor = new Visitor(label, paragraph, nested);
        foreach (var block in item.Blocks) block.Accept(visitor);
    }

    /// <summary>What a kind of block is called in an error ("a table").</summary>
    public static string KindOf(Block block) => block.Accept(Kind.Instance);

    private sealed class Visitor(string item, Action<Paragraph, bool> paragraph, Action<SubItems> nested) : IBlockVisitor<Done>
    {
        private bool _first = true;

        public Done Visit(Paragraph p)
        {
            paragraph(p, _first);
            _first = false;
            return default;
        }

        public Done Visit(SubItems s)
        {
            nested(s);
            return default;
        }

        public Done Visit(Heading heading) => throw new UnsupportedItemBlockException(item, heading);
        public Done Visit(Table table) => throw new UnsupportedItemBlockException(item, table);
        public Done Visit(ChartSlot chart) => throw new UnsupportedItemBlockException(item, chart);
        public Done Visit(Annex annex) => throw new UnsupportedItemBlockException(item, annex);
        public Done Visit(PageBreak pageBreak) => throw new UnsupportedItemBlockException(item, pageBreak);
    }

    private sealed class Kind : IBlockVisitor<string>
    {
        public static readonly Kind Instance = new();
        public string Visit(Heading heading) => "a heading";
        public string Visit(Paragraph paragraph) => "a paragraph";
        public string Visit(SubItems subItems) => "a list";
        public string Visit(Table table) => "a table";
        public string Visit(ChartSlot chart) => "a chart";
        public string Visit(Annex annex) => "an annex";
        public string Visit(PageBreak pageBreak) => "a page break";
    }
}

/// <summary>A block that cannot stand in a sub-item was found in one (a document built by code, not read from a template).</summary>
public sealed class UnsupportedItemBlockException(string item, Block block)
    : InvalidOperationException($"{ItemBlocks.KindOf(block)} cannot stand in {(item.Length > 0 ? "sub-item " + item : "a sub-item")}: only paragraphs and nested lists can");
