using System.Globalization;

namespace ReportGen.Document;

/// <summary>
/// One part of a document: <see cref="Key"/> names it the same in every language ("paragraph 8",
/// "paragraph 8 item 3.2", "chapter 2 section 1", "annex 2, chart 3"), <see cref="Display"/> as a
/// reader of this edition sees it ("8", "8 (c) (ii)", "II.", "Annex II, chart III");
/// <see cref="Block"/> is null for the masthead; <see cref="Label"/> is a sub-item's "(a)" on its
/// first paragraph.
/// </summary>
public sealed record DocumentPart(string Key, string Display, Block? Block, string? Label);

/// <summary>
/// A document's parts in reading order: the one walk that gives every part its language-neutral
/// key, for the parity check of the languages and the side-by-side review page.
/// </summary>
public static class DocumentParts
{
    public static List<DocumentPart> Of(Doc doc) => Of(Resolver.Resolve(doc));

    /// <summary>The parts of a resolved document: paragraph numbers are the resolver's.</summary>
    public static List<DocumentPart> Of(ResolvedDocument resolved)
    {
        var walk = new Walk(resolved);
        walk.Blocks(resolved.Doc.Body);
        return walk.Parts;
    }

    /// <summary>The walk: one method per kind of block, so a new kind is a compile error here.</summary>
    private sealed class Walk(ResolvedDocument resolved) : IBlockVisitor<Done>
    {
        public readonly List<DocumentPart> Parts = [new("masthead", "masthead", null, null)];
        private int _chapter, _section, _heading, _annex, _table, _chart, _text, _paragraph;
        private string _annexKey = "", _annexDisplay = "";

        private void Add(string key, string display, Block block, string? label = null) => Parts.Add(new DocumentPart(key, display, block, label));

        public void Blocks(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks) block.Accept(this);
        }

        private void Items(SubItems list, string key, string display)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                string label = resolved.LabelOf(item), itemKey = $"{key}.{i + 1}", itemDisplay = $"{display} {label}";
                ItemBlocks.Walk(item, label, (p, first) => Add(itemKey, itemDisplay, p, first ? label : null), nested => Items(nested, itemKey, itemDisplay));
            }
        }

        public Done Visit(Heading h)
        {
            if (h.Level == 1 && h.Number is not null)
            {
                _chapter++; _section = 0;
                Add($"{_annexKey}chapter {_chapter}", _annexDisplay + h.Number, h);
            }
            else if (h.Level == 2 && h.Number is not null)
            {
                _section++;
                Add($"{_annexKey}chapter {_chapter} section {_section}", _annexDisplay + h.Number, h);
            }
            else
            {
                _heading++;
                Add($"{_annexKey}heading {_heading}", $"{_annexDisplay}heading {_heading}", h);
            }
            return default;
        }

        public Done Visit(Paragraph p)
        {
            if (resolved.NumberOf(p) is int n)
            {
                _paragraph = n;
                Add($"paragraph {n}", n.ToString(CultureInfo.InvariantCulture), p);
            }
            else
            {
                _text++;
                Add($"{_annexKey}text {_text}", $"{_annexDisplay}unnumbered paragraph {_text}", p);
            }
            return default;
        }

        public Done Visit(SubItems s)
        {
            Items(s, $"paragraph {_paragraph} item", _paragraph.ToString(CultureInfo.InvariantCulture));
            return default;
        }

        public Done Visit(Table t)
        {
            _table++;
            Add($"{_annexKey}table {_table}", $"{_annexDisplay}table {_table}", t);
            return default;
        }

        public Done Visit(ChartSlot c)
        {
            _chart++;
            Add($"{_annexKey}chart {_chart}", $"{_annexDisplay}chart {c.Number.Split(' ').Last()}", c);
            return default;
        }

        public Done Visit(Annex a)
        {
            _annex++;
            _annexKey = $"annex {_annex}, ";
            _table = _chart = _text = _heading = 0;
            Add($"annex {_annex}", a.Label, a);
            _annexDisplay = a.Label + ", ";
            Blocks(a.Body);
            _annexKey = _annexDisplay = "";
            return default;
        }

        public Done Visit(PageBreak pageBreak)
        {
            Add($"{_annexKey}page break", "a page break", pageBreak);
            return default;
        }
    }
}
