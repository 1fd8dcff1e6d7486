using System.Xml.Linq;

namespace ReportGen.Audit;

/// <summary>
/// The diff as one self-contained page for a reader (no script, no file or address outside it):
/// the inputs that changed, the workbook rows, a table of the figures (as printed and exact), and
/// the changed paragraphs of each document with English and Chinese side by side under their UN
/// numbers, only the changed sentences, marked with &lt;del&gt; and &lt;ins&gt;. Written as XHTML
/// (well-formed XML served as HTML) so any XML parser reads it back.
/// </summary>
public static class DiffHtml
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    private const string Style = """
        body { font-family: "Liberation Serif", "Times New Roman", serif; margin: 2em auto; max-width: 72em; color: #111; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
        th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
        th { background: #eef2f7; }
        td.number { font-variant-numeric: tabular-nums; white-space: nowrap; }
        del { background: #fbd5d5; color: #7a1010; }
        ins { background: #d3f2d3; color: #0c5a0c; text-decoration: none; }
        p.sentence { margin: 0 0 0.4em 0; }
        :lang(zh) { font-family: "Noto Serif CJK SC", "SimSun", serif; }
        """;

    public static string Write(DiffReport report, string before, string after)
    {
        var body = new XElement(X + "body",
            new XElement(X + "h1", $"Changes from {before} to {after}"),
            new XElement(X + "p", report.Equal ? "No differences: the figures and the text of every document are the same." : Summary(report)));

        if (report.Inputs.Count > 0)
            body.Add(Section("inputs", "Inputs that changed", Table(["Input", "Before", "After", "Lines changed"],
                report.Inputs.Select(i => Row(Cell(i.What), Cell(i.Old ?? "(none)"), Cell(i.New ?? "(none)"),
                    new XElement(X + "td", i.Lines.Select(l => new XElement(X + "p", new XAttribute("class", "sentence"), $"line {l.Line}: ",
                        l.Sentences.Select(Marked)))))))));
        if (report.Rows.Count > 0)
            body.Add(Section("rows", "Workbook rows that changed", Table(["Sheet", "Key", "Change", "Row", "Fields"],
                report.Rows.Select(r => Row(Cell(r.Sheet), Cell(r.Key), Cell(r.Change), Cell(r.Row ?? ""),
                    new XElement(X + "td", r.Fields.Select(f => new XElement(X + "p", new XAttribute("class", "sentence"), f))))))));
        if (report.Figures.Count > 0)
            body.Add(Section("figures", "Figures that changed", Table(["Figure", "Before, as printed", "After, as printed", "Before, exact", "After, exact"],
                report.Figures.Select(f => Row(Cell(f.Path), Number(f.OldText ?? "—"), Number(f.NewText ?? "—"), Number(f.Old ?? "(none)"), Number(f.New ?? "(none)"))))));

        var documents = report.Documents.Where(d => d.Paragraphs.Count + d.Drawings.Count > 0).GroupBy(d => DocumentName(d.File)).ToList();
        if (documents.Count > 0)
        {
            var section = Section("paragraphs", "Paragraphs that changed");
            foreach (var document in documents)
            {
                // One column per language, in the registry's order (English first, each other edition beside it).
                // Only the languages the builds hold (a French column for an English and Chinese build would stand empty).
                var editions = Model.Languages.All.Where(l => document.Any(d => Language(d.File) == l))
                    .Select(l => (Language: l, Edition: document.First(d => Language(d.File) == l))).ToList();
                var others = document.Where(d => !editions.Any(e => e.Edition == d)).ToList();
                section.Add(new XElement(X + "h3", document.Key));
                if (editions.Count > 0) section.Add(SideBySide(editions));
                foreach (var other in others)
                    section.Add(Table(["Paragraph", other.File], other.Paragraphs.Select(p => Row(Cell(other.Describe(p)), Changed(p, null)))
                        .Concat(other.Drawings.Select(c => Row(Cell(other.Describe(c)), Cell(DiffReport.DrawingDiffers))))));
            }
            body.Add(section);
        }
        if (report.Charts.Count > 0)
            body.Add(Section("charts", "Chart data that changed", Table(["Document", "Language", "Chart, category, series", "Before", "After"],
                report.Charts.Select(c => Row(Cell(c.Document), Cell(c.Language), Cell(c.Where), Number(c.Old ?? "(none)"), Number(c.New ?? "(none)"))))));
        if (report.Notes.Count > 0)
            body.Add(Section("notes", "Notes", new XElement(X + "ul", report.Notes.Select(n => new XElement(X + "li", n)))));

        var html = new XElement(X + "html", new XAttribute("lang", "en"),
            new XElement(X + "head",
                new XElement(X + "meta", new XAttribute("charset", "utf-8")),
                new XElement(X + "title", $"ReportGen diff: {before} → {after}"),
                new XElement(X + "style", Style.ReplaceLineEndings("\n"))),
            body);
        return "<!DOCTYPE html>\n" + html.ToString(SaveOptions.None).ReplaceLineEndings("\n") + "\n";
    }

    private static string Summary(DiffReport report) =>
        $"{report.Inputs.Count} input(s), {report.Rows.Count} workbook row(s), {report.Figures.Count} figure(s), " +
        $"{report.Documents.Sum(d => d.Paragraphs.Count)} paragraph(s) or table cell(s) and {report.Charts.Count} chart value(s) changed.";

    /// <summary>
    /// The changes of a document in every language in one table: a row per UN number (or part), each
    /// language's sentences in its column (<paramref name="all"/>: the languages the builds hold, in the
    /// registry's order, English first when built), each cell tagged with its language's BCP 47 tag.
    /// </summary>
    private static XElement SideBySide(IReadOnlyList<(string Language, DocumentChange Edition)> all)
    {
        var editions = all.Select(e => e.Edition).ToList();
        var rows = new List<ParagraphChange?[]>();
        var left = editions.Select(e => e.Paragraphs.ToList()).ToList();
        foreach (var p in editions[0].Paragraphs)
        {
            var row = new ParagraphChange?[editions.Count];
            row[0] = p;
            for (int i = 1; i < editions.Count; i++)
            {
                // Numbered paragraphs share their number; the rest (annex texts, table rows) pair in order.
                var match = left[i].FirstOrDefault(z => z.Paragraph == p.Paragraph)
                    ?? (char.IsDigit(p.Paragraph[0]) ? null : left[i].FirstOrDefault(z => !char.IsDigit(z.Paragraph[0])));
                if (match is not null) left[i].Remove(match);
                row[i] = match;
            }
            rows.Add(row);
        }
        for (int i = 1; i < editions.Count; i++)
            foreach (var z in left[i])
            {
                var row = new ParagraphChange?[editions.Count];
                row[i] = z;
                rows.Add(row);
            }
        // Each row named as the text report names it (a table's cell by its English column heading).
        string Name(ParagraphChange?[] row)
        {
            int i = Array.FindIndex(row, c => c is not null);
            return editions[i].Describe(row[i]!);
        }
        return Table(["Paragraph", .. editions.Select(e => e.File)],
            rows.Select(r => Row([Cell(Name(r)), .. r.Select((c, i) => c is null ? Cell("") : Changed(c, Typesetting.LanguageProfiles.For(all[i].Language).Tags.Tag))])));
    }

    /// <summary>A changed paragraph's cell: each changed sentence, the removed words struck, the new ones marked.</summary>
    private static XElement Changed(ParagraphChange p, string? language)
    {
        var cell = new XElement(X + "td");
        if (language is not null) cell.Add(new XAttribute("lang", language));
        if (p.IsShortCell)
        {
            cell.Add(new XElement(X + "p", new XAttribute("class", "sentence"), new XElement(X + "del", DiffReport.EmptyCell(p.Old!)), " → ", new XElement(X + "ins", DiffReport.EmptyCell(p.New!))));
            return cell;
        }
        if (p.Old is null) { cell.Add(new XElement(X + "p", new XAttribute("class", "sentence"), new XElement(X + "ins", p.New))); return cell; }
        if (p.New is null) { cell.Add(new XElement(X + "p", new XAttribute("class", "sentence"), new XElement(X + "del", p.Old))); return cell; }
        foreach (var sentence in p.Sentences.Count > 0 ? p.Sentences : [new SentenceChange(p.Old, p.New, p.Diff)])
            cell.Add(new XElement(X + "p", new XAttribute("class", "sentence"), Marked(sentence)));
        return cell;
    }

    /// <summary>A sentence's text with its removed words in &lt;del&gt; and its new ones in &lt;ins&gt;.</summary>
    private static IEnumerable<object> Marked(SentenceChange sentence) => sentence.Diff.Select(d => d.Op switch
    {
        "removed" => new XElement(X + "del", d.Text),
        "added" => new XElement(X + "ins", d.Text),
        _ => (object)d.Text,
    });

    /// <summary>"portfolio-analysis" of "portfolio-analysis.en.docx".</summary>
    private static string DocumentName(string file) => Language(file) is { } l ? file[..file.IndexOf($".{l}.", StringComparison.Ordinal)] : file;

    private static string? Language(string file) => Model.Languages.All.FirstOrDefault(l => file.Contains($".{l}.", StringComparison.Ordinal));

    private static XElement Section(string id, string title, params object[] content) =>
        new(X + "section", new XAttribute("id", id), new XElement(X + "h2", title), content);

    private static XElement Table(IEnumerable<string> headings, IEnumerable<XElement> rows) =>
        new(X + "table", new XElement(X + "thead", new XElement(X + "tr", headings.Select(h => new XElement(X + "th", h)))), new XElement(X + "tbody", rows));

    private static XElement Row(params XElement[] cells) => new(X + "tr", cells);

    private static XElement Cell(string text) => new(X + "td", text);

    private static XElement Number(string text) => new(X + "td", new XAttribute("class", "number"), text);
}
