using System.Globalization;
using ReportGen.Document;

namespace ReportGen.Rendering.Html;

/// <summary>
/// A document's parts in reading order, each with the key that names it in every language:
/// "paragraph 8", "paragraph 8 item 3.2", "chapter 2 section 1", "annex 2, chart 3". The keys
/// are the parity check's (<c>DocumentOutline</c>), so its problems find their row; a test holds
/// the two walks together.
/// </summary>
internal static class Rows
{
    /// <summary>A part: <see cref="Block"/> is null for the masthead; <see cref="Label"/> is a sub-item's "(a)".</summary>
    public sealed record Part(string Key, string UniqueKey, string Display, Block? Block, string? Label);

    public static List<Part> Of(Doc doc)
    {
        var parts = new List<Part>();
        var counts = new Dictionary<string, int>();
        void Add(string key, string display, Block? block, string? label = null)
        {
            int n = counts[key] = counts.GetValueOrDefault(key) + 1;
            parts.Add(new Part(key, n == 1 ? key : $"{key} #{n}", display, block, label));
        }
        Add("masthead", "masthead", null);
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
                    switch (block)
                    {
                        case SubItems nested: Items(nested, itemKey, itemDisplay); break;
                        default: Add(itemKey, itemDisplay, block, first && block is Paragraph ? item.Label : null); break;
                    }
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
                        Add($"{annexKey}heading {heading}", $"{annexDisplay}heading", h);
                        break;
                    case Paragraph p when p.Number is int n:
                        paragraph = n;
                        Add($"paragraph {n}", n.ToString(CultureInfo.InvariantCulture), p);
                        break;
                    case Paragraph p:
                        text++;
                        Add($"{annexKey}text {text}", annexDisplay.Length > 0 ? annexDisplay.TrimEnd(' ', ',') : "", p);
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
                    // A page break has no row: the page shows no pages.
                }
        }
        Walk(doc.Body);
        return parts;
    }
}
