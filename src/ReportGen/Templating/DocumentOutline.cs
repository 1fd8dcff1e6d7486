using System.Globalization;
using ReportGen.Document;

namespace ReportGen.Templating;

/// <summary>
/// One part of a document for the parity check: where it stands (a key that is the same in every
/// language: "paragraph 8 item 3.2"), how it reads to a person in English ("8 (c) (ii)"), its shape
/// (a paragraph, a table of 13 rows and 7 columns, a "linkage" chart…, with its footnotes), and the
/// figures and findings the template used to write it.
/// </summary>
public sealed record OutlineUnit(string Key, string Display, string Shape, IReadOnlySet<string> Figures, IReadOnlySet<string> Findings);

/// <summary>
/// What a composed document says where: its parts in reading order, each with the figures (by
/// their path in figures.json) and the findings (path = value) its template read while writing it.
/// Reads are given to the part whose Markdown they fell in, or else to the next part.
/// </summary>
public sealed class DocumentOutline(IReadOnlyList<OutlineUnit> units)
{
    public IReadOnlyList<OutlineUnit> Units { get; } = units;

    public static DocumentOutline Build(Doc doc, IReadOnlyList<MarkdownReader.BlockSpan> spans, IReadOnlyList<ReadLog.Read> bodyReads,
        IReadOnlyList<ReadLog.Read> mastheadReads)
    {
        var ordered = spans.OrderBy(s => s.Start).ToList();
        var readsOf = new Dictionary<Block, List<ReadLog.Read>>(ReferenceEqualityComparer.Instance);
        foreach (var read in bodyReads)
        {
            if (ordered.Count == 0) break;
            // The last part starting at or before the read, if the read lies within it (or right at its end, on its line); else the next part.
            int i = ordered.FindLastIndex(s => s.Start <= read.Position);
            var owner = i >= 0 && read.Position <= ordered[i].End ? ordered[i]
                : i + 1 < ordered.Count ? ordered[i + 1] : ordered[^1];
            if (!readsOf.TryGetValue(owner.Block, out var list)) readsOf[owner.Block] = list = [];
            list.Add(read);
        }

        var units = new List<OutlineUnit> { Unit("masthead", "the masthead", "masthead", mastheadReads, []) };
        int chapter = 0, section = 0, heading = 0, annex = 0, table = 0, chart = 0, text = 0, paragraph = 0;
        string annexKey = "";

        void Add(Block block, string key, string display, string shape, IEnumerable<Inline> inlines)
        {
            var reads = readsOf.TryGetValue(block, out var r) ? r : [];
            int notes = inlines.OfType<FootnoteRef>().Count();
            units.Add(Unit(key, display, notes == 0 ? shape : $"{shape} with {notes} footnote{(notes == 1 ? "" : "s")}", reads,
                inlines.OfType<FigureRef>().Select(f => f.Path)));
        }

        void Items(SubItems list, string key, string display)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                string itemKey = $"{key}.{i + 1}", itemDisplay = $"{display} {item.Label}";
                foreach (var block in item.Blocks)
                    switch (block)
                    {
                        case Paragraph p: Add(p, $"{itemKey}", itemDisplay, $"sub-item at level {list.Level}", p.Content); break;
                        case SubItems nested: Items(nested, itemKey, itemDisplay); break;
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
                        Add(h, $"{annexKey}chapter {chapter}", $"heading {h.Number}", "chapter heading", h.Content);
                        break;
                    case Heading h when h.Level == 2 && h.Number is not null:
                        section++;
                        Add(h, $"{annexKey}chapter {chapter} section {section}", $"heading {h.Number}", "section heading", h.Content);
                        break;
                    case Heading h:
                        heading++;
                        Add(h, $"{annexKey}heading {heading}", $"{annexKey}heading {heading}", $"heading at level {h.Level}", h.Content);
                        break;
                    case Paragraph p when p.Number is int n:
                        paragraph = n;
                        Add(p, $"paragraph {n}", $"paragraph {n}", "numbered paragraph", p.Content);
                        break;
                    case Paragraph p:
                        text++;
                        Add(p, $"{annexKey}text {text}", $"{annexKey}unnumbered paragraph {text}", "unnumbered paragraph", p.Content);
                        break;
                    case SubItems s:
                        Items(s, $"paragraph {paragraph} item", paragraph.ToString(CultureInfo.InvariantCulture));
                        break;
                    case Table t:
                        table++;
                        Add(t, $"{annexKey}table {table}", $"{annexKey}table {table}",
                            $"table of {t.Header.Count + t.Rows.Count} rows and {t.ColumnWeights.Count} columns",
                            t.Header.Concat(t.Rows).SelectMany(row => row).SelectMany(cell => cell.Content));
                        break;
                    case ChartSlot c:
                        chart++;
                        Add(c, $"{annexKey}chart {chart}", $"{annexKey}chart {c.Number}", $"chart '{c.Name}' of {c.Chart.Series.Count} series over " +
                            string.Join(", ", c.Chart.Categories.Select(x => x.Split(' ')[0])), []);
                        break;
                    case Annex a:
                        annex++;
                        annexKey = $"annex {annex}, ";
                        table = chart = text = heading = 0;
                        Add(a, $"annex {annex}", a.Label, "annex", []);
                        Walk(a.Body);
                        annexKey = "";
                        break;
                    case PageBreak:
                        Add(block, $"{annexKey}page break", "a page break", "page break", []);
                        break;
                }
        }
        Walk(doc.Body);
        return new DocumentOutline(units);
    }

    private static OutlineUnit Unit(string key, string display, string shape, IEnumerable<ReadLog.Read> reads, IEnumerable<string> printed)
    {
        var list = reads.ToList();
        var figures = new SortedSet<string>(list.Where(r => r.IsFigure).Select(r => r.Path).Concat(printed), StringComparer.Ordinal);
        var findings = new SortedSet<string>(list.Where(r => !r.IsFigure).Select(r => $"{r.Path} = {r.Value}"), StringComparer.Ordinal);
        return new OutlineUnit(key, display, shape, figures, findings);
    }
}
