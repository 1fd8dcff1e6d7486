using System.Text;

namespace ReportGen.Document;

/// <summary>
/// The document as plain text, one block per paragraph with its number: what a reader sees,
/// without layout. Tests read it, and so can an auditor's diff.
/// </summary>
public static class PlainText
{
    public static string Of(Doc doc)
    {
        var text = new StringBuilder();
        var m = doc.Masthead;
        foreach (string line in new[] { m.UnitedNations, m.Symbol, m.Distribution, m.DateLine, m.LanguageLine, m.OriginalLine,
                     m.Organ, m.Session, m.PlaceAndDates, m.AgendaItemBefore + "*" + m.AgendaItemAfter, m.AgendaTitle, m.Title, m.Subtitle })
            if (line.Length > 0) text.Append(line).Append('\n');
        text.Append('\n');
        var resolved = Resolver.Resolve(doc);
        Blocks(doc.Body, text, "", resolved);
        text.Append("\n* ").Append(Inlines.PlainText(m.AgendaFootnote.Content)).Append('\n');
        foreach (var note in m.TitleFootnotes) text.Append(note.CustomMark).Append(' ').Append(Inlines.PlainText(note.Content)).Append('\n');
        // The body's footnotes, with the marks the resolver gave them.
        var masthead = m.TitleFootnotes.Prepend(m.AgendaFootnote).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var note in resolved.Notes.Where(n => !masthead.Contains(n)))
            text.Append(resolved.MarkOf(note)).Append(' ').Append(Inlines.PlainText(note.Content)).Append('\n');
        return text.ToString();
    }

    private static void Blocks(IEnumerable<Block> blocks, StringBuilder text, string indent, ResolvedDocument resolved)
    {
        var writer = new BlockWriter(text, indent, resolved);
        foreach (var block in blocks) block.Accept(writer);
    }

    private sealed class BlockWriter(StringBuilder text, string indent, ResolvedDocument resolved) : IBlockVisitor<Done>
    {
        public Done Visit(Heading h)
        {
            text.Append(indent).Append(h.Number is null ? "" : h.Number + " ").Append(Inlines.PlainText(h.Content)).Append("\n\n");
            return default;
        }

        public Done Visit(Paragraph p)
        {
            text.Append(indent).Append(resolved.LabelOf(p) is { } label ? label + " " : "").Append(Inlines.PlainText(p.Content)).Append("\n\n");
            return default;
        }

        public Done Visit(SubItems s)
        {
            foreach (var item in s.Items)
            {
                text.Append(indent).Append(resolved.LabelOf(item)).Append(' ');
                var inner = new StringBuilder();
                Blocks(item.Blocks, inner, indent + "    ", resolved);
                text.Append(inner.ToString().TrimStart());
            }
            return default;
        }

        public Done Visit(Table t)
        {
            foreach (var row in t.Header.Concat(t.Rows))
                text.Append(indent).Append(string.Join(" | ", row.Select(c => Inlines.PlainText(c.Content)))).Append('\n');
            text.Append('\n');
            return default;
        }

        public Done Visit(ChartSlot c)
        {
            text.Append(indent).Append(c.Caption is { } caption ? caption + " " : c.Number + ". ").Append(c.Title).Append('\n');
            if (c.Subtitle is not null) text.Append(indent).Append(c.Subtitle).Append('\n');
            foreach (var h in c.Chart.Headlines) text.Append(indent).Append(h.Label).Append(": ").Append(h.Value).Append('\n');
            return Visit(c.Data);
        }

        public Done Visit(Annex a)
        {
            text.Append(indent).Append(a.Label).Append('\n').Append(indent).Append(a.Title).Append("\n\n");
            Blocks(a.Body, text, indent, resolved);
            return default;
        }

        public Done Visit(PageBreak pageBreak)
        {
            text.Append(indent).Append("\f\n");
            return default;
        }
    }
}
