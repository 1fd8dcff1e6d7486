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
    public static List<DocumentPart> Of(Doc doc)
    {
        var parts = new List<DocumentPart> { new("masthead", "masthead", null, null) };
        void Add(string key, string display, Block block, string? label = null) => parts.Add(new DocumentPart(key, display, block, label));
        int chapter = 0, section = 0, heading = 0, annex = 0, table = 0, chart = 0, text = 0, paragraph = 0;
        string annexKey = "", annexDisplay = "";

        void Items(SubItems list, string key, string display)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                string itemKey = $"{key}.{i + 1}", itemDisplay = $"{display} {item.Label}";
                bool first = true;
                foreach (var block in item.Blocks)
                {
                    if (block is SubItems nested) Items(nested, itemKey, itemDisplay);
                    else Add(itemKey, itemDisplay, block, first && block is Paragraph ? item.Label : null);
                    first = false;
                }
            }
        }

        void Walk(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
                switch (block)
                {
                    case Heading h when h.Level == 1 && h.Number is not null:
                        chapter++; section = 0;
                        Add($"{annexKey}chapter {chapter}", annexDisplay + h.Number, h);
                        break;
                    case Heading h when h.Level == 2 && h.Number is not null:
                        section++;
                        Add($"{annexKey}chapter {chapter} section {section}", annexDisplay + h.Number, h);
                        break;
                    case Heading h:
                        heading++;
                        Add($"{annexKey}heading {heading}", $"{annexDisplay}heading {heading}", h);
                        break;
                    case Paragraph p when p.Number is int n:
                        paragraph = n;
                        Add($"paragraph {n}", n.ToString(CultureInfo.InvariantCulture), p);
                        break;
                    case Paragraph p:
                        text++;
                        Add($"{annexKey}text {text}", $"{annexDisplay}unnumbered paragraph {text}", p);
                        break;
                    case SubItems s:
                        Items(s, $"paragraph {paragraph} item", paragraph.ToString(CultureInfo.InvariantCulture));
                        break;
                    case Table t:
                        table++;
                        Add($"{annexKey}table {table}", $"{annexDisplay}table {table}", t);
                        break;
                    case ChartSlot c:
                        chart++;
                        Add($"{annexKey}chart {chart}", $"{annexDisplay}chart {c.Number.Split(' ').Last()}", c);
                        break;
                    case Annex a:
                        annex++;
                        annexKey = $"annex {annex}, ";
                        table = chart = text = heading = 0;
                        Add($"annex {annex}", a.Label, a);
                        annexDisplay = a.Label + ", ";
                        Walk(a.Body);
                        annexKey = annexDisplay = "";
                        break;
                    case PageBreak:
                        Add($"{annexKey}page break", "a page break", block);
                        break;
                }
        }
        Walk(doc.Body);
        return parts;
    }
}
