using System.Globalization;
using System.Text;
using ReportGen.Document;

/// <summary>
/// The same documents as input for other tools (bench/peers.sh): Markdown for pandoc, Typst markup
/// for Typst, from the document model ReportGen itself typesets, so every tool sets the same text,
/// headings, numbered paragraphs, footnotes and tables (charts as their data tables).
/// </summary>
static class PeerExport
{
    public static string Markdown(Doc doc)
    {
        var md = new StringBuilder();
        var m = doc.Masthead;
        foreach (string line in new[] { m.UnitedNations, m.Symbol, m.Distribution, m.DateLine, m.OriginalLine, m.Organ, m.Session, m.PlaceAndDates, m.AgendaTitle })
            if (line.Length > 0) md.Append(Escape(line)).Append("\\\n");
        md.Append("\n# ").Append(Escape(m.Title)).Append("\n\n").Append(Escape(m.Subtitle)).Append("\n\n");
        var notes = new List<string>();
        MarkdownBlocks(doc.Body, md, notes, Resolver.Resolve(doc));
        for (int i = 0; i < notes.Count; i++) md.Append("[^").Append(i + 1).Append("]: ").Append(notes[i]).Append('\n');
        return md.ToString();
    }

    private static void MarkdownBlocks(IEnumerable<Block> blocks, StringBuilder md, List<string> notes, ResolvedDocument resolved)
    {
        foreach (var block in blocks)
            switch (block)
            {
                case Heading h: md.Append(new string('#', Math.Min(h.Level + 1, 6))).Append(' ').Append(h.Number is null ? "" : h.Number + " ").Append(MdInlines(h.Content, notes)).Append("\n\n"); break;
                case Paragraph p: md.Append(resolved.NumberOf(p) is int n ? $"{n}.\u00A0" : "").Append(MdInlines(p.Content, notes)).Append("\n\n"); break;
                case SubItems s:
                    foreach (var item in s.Items) { md.Append(resolved.LabelOf(item)).Append(' '); MarkdownBlocks(item.Blocks, md, notes, resolved); }
                    break;
                case Table t:
                    var rows = t.Header.Concat(t.Rows).ToList();
                    if (rows.Count == 0) break;
                    int columns = rows.Max(r => r.Count);
                    foreach (var (row, i) in rows.Select((r, i) => (r, i)))
                    {
                        md.Append("| ").Append(string.Join(" | ", Enumerable.Range(0, columns).Select(c => c < row.Count ? MdInlines(row[c].Content, notes).Replace("|", "\\|").Replace("\n", " ") : ""))).Append(" |\n");
                        if (i == 0) md.Append('|').Append(string.Concat(Enumerable.Repeat("---|", columns))).Append('\n');
                    }
                    md.Append('\n');
                    break;
                case ChartSlot c:
                    md.Append("**").Append(Escape(c.Number + ". " + c.Title)).Append("**\n\n");
                    MarkdownBlocks([c.Data], md, notes, resolved);
                    break;
                case Annex a: md.Append("# ").Append(Escape(a.Label + " " + a.Title)).Append("\n\n"); MarkdownBlocks(a.Body, md, notes, resolved); break;
                case PageBreak: md.Append("\\newpage\n\n"); break;
            }
    }

    private static string MdInlines(IEnumerable<Inline> inlines, List<string> notes) => string.Concat(inlines.Select(inline => inline switch
    {
        Text t => Escape(t.Value),
        Strong s => "**" + MdInlines(s.Content, notes) + "**",
        Emphasis e => "*" + MdInlines(e.Content, notes) + "*",
        LineBreak => "\\\n",
        FootnoteRef f => Note(notes, MdInlines(f.Footnote.Content, notes).Replace("\n", " ")),
        FigureRef f => Escape(f.Text),
        _ => "",
    }));

    private static string Note(List<string> notes, string text)
    {
        notes.Add(text);
        return "[^" + notes.Count.ToString(CultureInfo.InvariantCulture) + "]";
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '#' or '`' or '<' or '>' or '|' or '$' or '~' or '^') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Typst markup: A4, the bundled fonts (Liberation Serif, AR PL UMing, WenQuanYi Micro Hei), 12 pt, justified.</summary>
    public static string Typst(Doc doc)
    {
        var typ = new StringBuilder();
        typ.Append("#set page(paper: \"a4\", margin: (x: 2.5cm, y: 2.5cm), numbering: \"1\")\n");
        typ.Append("#set text(font: (\"Liberation Serif\", \"AR PL UMing CN\"), size: 10pt, lang: \"").Append(doc.Language).Append("\")\n");
        typ.Append("#show heading: set text(font: (\"Liberation Serif\", \"WenQuanYi Micro Hei\"))\n");
        typ.Append("#set par(justify: true)\n\n");
        var m = doc.Masthead;
        foreach (string line in new[] { m.UnitedNations, m.Symbol, m.Distribution, m.DateLine, m.OriginalLine, m.Organ, m.Session, m.PlaceAndDates, m.AgendaTitle })
            if (line.Length > 0) typ.Append(TypEscape(line)).Append(" \\\n");
        typ.Append("\n= ").Append(TypEscape(m.Title)).Append("\n\n").Append(TypEscape(m.Subtitle)).Append("\n\n");
        TypstBlocks(doc.Body, typ, Resolver.Resolve(doc));
        return typ.ToString();
    }

    private static void TypstBlocks(IEnumerable<Block> blocks, StringBuilder typ, ResolvedDocument resolved)
    {
        foreach (var block in blocks)
            switch (block)
            {
                case Heading h: typ.Append(new string('=', Math.Min(h.Level + 1, 6))).Append(' ').Append(h.Number is null ? "" : TypEscape(h.Number) + " ").Append(TypInlines(h.Content)).Append("\n\n"); break;
                case Paragraph p: typ.Append(resolved.NumberOf(p) is int n ? $"{n}.~" : "").Append(TypInlines(p.Content)).Append("\n\n"); break;
                case SubItems s:
                    foreach (var item in s.Items) { typ.Append(TypEscape(resolved.LabelOf(item))).Append(' '); TypstBlocks(item.Blocks, typ, resolved); }
                    break;
                case Table t:
                    var rows = t.Header.Concat(t.Rows).ToList();
                    if (rows.Count == 0) break;
                    int columns = rows.Max(r => r.Count);
                    typ.Append("#table(columns: ").Append(columns).Append(",\n");
                    foreach (var row in rows)
                        for (int c = 0; c < columns; c++)
                            typ.Append("  [").Append(c < row.Count ? TypInlines(row[c].Content).Replace("\n", " ") : "").Append("],\n");
                    typ.Append(")\n\n");
                    break;
                case ChartSlot c:
                    typ.Append("*").Append(TypEscape(c.Number + ". " + c.Title)).Append("*\n\n");
                    TypstBlocks([c.Data], typ, resolved);
                    break;
                case Annex a: typ.Append("= ").Append(TypEscape(a.Label + " " + a.Title)).Append("\n\n"); TypstBlocks(a.Body, typ, resolved); break;
                case PageBreak: typ.Append("#pagebreak()\n\n"); break;
            }
    }

    private static string TypInlines(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(inline => inline switch
    {
        Text t => TypEscape(t.Value),
        Strong s => "#strong[" + TypInlines(s.Content) + "]",
        Emphasis e => "#emph[" + TypInlines(e.Content) + "]",
        LineBreak => " \\\n",
        FootnoteRef f => "#footnote[" + TypInlines(f.Footnote.Content).Replace("\n", " ") + "]",
        FigureRef f => TypEscape(f.Text),
        _ => "",
    }));

    private static string TypEscape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '#' or '`' or '<' or '>' or '@' or '$' or '=' or '-' or '+' or '/' or '~' or '"') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
