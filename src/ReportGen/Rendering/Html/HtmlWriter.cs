using System.Globalization;
using System.Text;
using ReportGen.Document;

namespace ReportGen.Rendering.Html;

/// <summary>
/// One document to review: its editions (the reference language first, English when built), the
/// problems found between them, each with the key of the row it is about ("paragraph 8",
/// "annex 2, chart 3": the keys of the parity check's outline), and the rows: the editions' parts
/// lined up by the parity check (by position when not given, for editions known to be alike).
/// </summary>
public sealed record ReviewDocument(string Id, IReadOnlyList<Doc> Editions, IReadOnlyList<ReviewProblem> Problems, IReadOnlyList<ReviewRow>? Rows = null);

/// <summary>A row of the page: its key, and for each edition the index of its part in <see cref="DocumentParts.Of"/>, or -1 where it has none.</summary>
public sealed record ReviewRow(string Key, IReadOnlyList<int> Parts);

/// <summary>A difference between the editions: the part's key, where to fix it (a template file), and the words.</summary>
public sealed record ReviewProblem(string Key, string Place, string Message);

/// <summary>
/// The third writer of the document model, beside DOCX and PDF: one self-contained HTML page
/// (no external resources, the same bytes for the same documents) showing the editions of each
/// document side by side, part by part under their UN paragraph numbers. Every number printed
/// from a figure is marked with the figure's path; charts are drawn as inline SVG from the same
/// chart data as the other writers. Everything from the documents is HTML-escaped.
/// </summary>
public static class HtmlWriter
{
    /// <summary>The review page of the documents. <paramref name="script"/>, when given, is put in the page as it is (the watcher's reload).</summary>
    public static byte[] Review(IReadOnlyList<ReviewDocument> documents, string? script = null)
    {
        var html = new StringBuilder(256 * 1024);
        var ids = string.Join(", ", documents.Select(d => d.Id));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E("ReportGen review: " + ids)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n");
        if (script is not null) html.Append("<script>\n").Append(script).Append("\n</script>\n");
        html.Append("</head>\n<body>\n<header class=\"page\"><h1>").Append(E("ReportGen review: " + ids)).Append("</h1><p>The editions side by side, part by part. ")
            .Append("<mark class=\"fig\">Marked numbers</mark> are printed from figures; hover to see the figure’s path. ")
            .Append("Rows marked <span class=\"flag\">!</span> hold a difference between the languages.</p>");
        html.Append("</header>\n<main>\n");
        foreach (var document in documents) WriteDocument(html, document);
        html.Append("</main>\n</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    /// <summary>A page saying why there is nothing to show (the watcher's page when a rebuild failed).</summary>
    public static byte[] Problems(string heading, IReadOnlyList<string> problems, string? script = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E("ReportGen review: " + heading))
            .Append("</title>\n<style>\n").Append(Style).Append("</style>\n");
        if (script is not null) html.Append("<script>\n").Append(script).Append("\n</script>\n");
        html.Append("</head>\n<body>\n<main>\n<h1>").Append(E(heading)).Append("</h1>\n<ul class=\"problems build\">\n");
        foreach (string p in problems) html.Append("<li>").Append(E(p)).Append("</li>\n");
        html.Append("</ul>\n</main>\n</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    /// <summary>The BCP 47 tag of a document language.</summary>
    public static string LangTag(string language) => Typesetting.LanguageProfiles.For(language).Tags.Tag;

    /// <summary>The direction attribute of a language written right to left (the profile's <c>RightToLeft</c>): " dir=\"rtl\""; nothing for the others.</summary>
    public static string Direction(string language) => Typesetting.LanguageProfiles.For(language).RightToLeft ? " dir=\"rtl\"" : "";

    private static string LanguageName(string language) => Typesetting.LanguageProfiles.For(language).ReviewName;

    private static void WriteDocument(StringBuilder html, ReviewDocument document)
    {
        string docId = Id(document.Id);
        var editions = document.Editions;
        var resolved = editions.Select(Resolver.Resolve).ToList();
        var aligned = Align(editions.Select(DocumentParts.Of).ToList(), document.Rows);
        var problemsByKey = document.Problems.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.ToList());
        var keysShown = new HashSet<string>(aligned.Select(r => r.Key));

        html.Append("<section class=\"doc\" id=\"").Append(docId).Append("\" data-doc=\"").Append(E(document.Id)).Append("\">\n");
        html.Append("<p class=\"doc-id\">Document <code>").Append(E(document.Id)).Append("</code>: ")
            .Append(editions.Count).Append(editions.Count == 1 ? " edition" : " editions").Append(", ")
            .Append(document.Problems.Count == 0 ? "no differences between the languages" :
                document.Problems.Count == 1 ? "1 difference between the languages" : $"{document.Problems.Count} differences between the languages")
            .Append(".</p>\n");
        if (document.Problems.Count > 0)
        {
            html.Append("<ul class=\"problems summary\">\n");
            foreach (var p in document.Problems)
            {
                int row = aligned.FindIndex(r => r.Key == p.Key);
                html.Append("<li>");
                if (row >= 0) html.Append("<a href=\"#").Append(docId).Append("-r").Append(row).Append("\">");
                html.Append(E(p.Place)).Append(": ").Append(E(p.Message));
                if (row >= 0) html.Append("</a>");
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("<div class=\"grid\" style=\"--editions: ").Append(editions.Count).Append("\">\n<div class=\"row head\"><div class=\"num\">Part</div>");
        foreach (var doc in editions)
            html.Append("<div class=\"cell\" lang=\"").Append(LangTag(doc.Language)).Append('"').Append(Direction(doc.Language)).Append('>').Append(E(LanguageName(doc.Language))).Append("</div>");
        html.Append("</div>\n");

        var footnotes = editions.Select(_ => new FootnoteCounter()).ToList();
        for (int r = 0; r < aligned.Count; r++)
        {
            var row = aligned[r];
            var problems = problemsByKey.TryGetValue(row.Key, out var list) && row.FirstOfKey ? list : null;
            bool unmatched = row.Parts.Any(p => p is null);
            html.Append("<div class=\"row").Append(problems is null ? "" : " problem").Append(unmatched ? " unmatched" : "")
                .Append("\" id=\"").Append(docId).Append("-r").Append(r).Append("\" data-key=\"").Append(E(row.Key)).Append("\">");
            html.Append("<div class=\"num\">").Append(problems is null ? "" : "<span class=\"flag\" title=\"differs between the languages\">!</span> ")
                .Append(E(row.Display)).Append("</div>");
            for (int e = 0; e < editions.Count; e++)
            {
                var doc = editions[e];
                html.Append("<div class=\"cell\" lang=\"").Append(LangTag(doc.Language)).Append('"').Append(Direction(doc.Language));
                // The part's resolved anchor, as the Word file's bookmark and the PDF's destination name it: #portfolio-analysis-en-8(a).
                if (row.Parts[e] is { } anchored && (anchored.Block is null ? Anchors.Masthead : resolved[e].AnchorOf(anchored.Block)) is { } anchor)
                    html.Append(" id=\"").Append(docId).Append('-').Append(E(doc.Language)).Append('-').Append(E(anchor)).Append('"');
                html.Append('>');
                if (row.Parts[e] is { } part) new CellWriter(html, $"{docId}-{doc.Language}-r{r}", footnotes[e], doc.Language, resolved[e], $"{docId}-{doc.Language}-").Part(part, doc);
                else if (problems is null) html.Append("<p class=\"missing\" lang=\"en\">(no such part in this language)</p>");
                // The empty cell says what is missing and where to add it: the row's problems.
                else foreach (var p in problems) html.Append("<p class=\"missing\" lang=\"en\">").Append(E(p.Place)).Append(": ").Append(E(p.Message)).Append("</p>");
                html.Append("</div>");
            }
            if (problems is not null && !unmatched)
            {
                html.Append("<ul class=\"problems\" role=\"note\">");
                foreach (var p in problems) html.Append("<li>").Append(E(p.Place)).Append(": ").Append(E(p.Message)).Append("</li>");
                html.Append("</ul>");
            }
            html.Append("</div>\n");
        }
        var elsewhere = document.Problems.Where(p => !keysShown.Contains(p.Key)).ToList();
        if (elsewhere.Count > 0)
        {
            html.Append("<div class=\"row problem\" data-key=\"\"><div class=\"num\"><span class=\"flag\">!</span></div><ul class=\"problems\" role=\"note\">");
            foreach (var p in elsewhere) html.Append("<li>").Append(E(p.Place)).Append(": ").Append(E(p.Message)).Append("</li>");
            html.Append("</ul></div>\n");
        }
        html.Append("</div>\n</section>\n");
    }

    /// <summary>A row of the page: its key, how its part is numbered in the first edition that has it, and each edition's part (null where missing).</summary>
    private sealed record AlignedRow(string Key, string Display, IReadOnlyList<DocumentPart?> Parts, bool FirstOfKey);

    /// <summary>The rows given (the parity check's alignment), or the editions' parts side by side by position; a row of page breaks only is left out (the page shows no pages).</summary>
    private static List<AlignedRow> Align(List<List<DocumentPart>> editions, IReadOnlyList<ReviewRow>? rows)
    {
        rows ??= Enumerable.Range(0, editions.Max(e => e.Count))
            .Select(i => new ReviewRow(editions.First(e => i < e.Count)[i].Key, editions.Select(e => i < e.Count ? i : -1).ToList())).ToList();
        var result = new List<AlignedRow>();
        var seen = new HashSet<string>();
        foreach (var row in rows)
        {
            var parts = new DocumentPart?[editions.Count];
            for (int e = 0; e < editions.Count; e++) parts[e] = row.Parts[e] >= 0 ? editions[e][row.Parts[e]] : null;
            if (parts.All(p => p is null or { Block: PageBreak })) continue;
            result.Add(new AlignedRow(row.Key, parts.First(p => p is not null)!.Display, parts, seen.Add(row.Key)));
        }
        return result;
    }

    private sealed class FootnoteCounter { public int Next = 1; }

    /// <summary>Writes one edition's part into its cell.</summary>
    /// <param name="anchors">the prefix of the cells' ids (the anchor follows it): a chart reference links to its chart's cell</param>
    private sealed class CellWriter(StringBuilder html, string id, FootnoteCounter counter, string language, ResolvedDocument resolved, string anchors) : IBlockVisitor<Done>, IInlineVisitor<Done>
    {
        private readonly List<(string Mark, Footnote Note)> _notes = [];

        /// <summary>The part's sub-item label ("(a)"), printed before its paragraph's text.</summary>
        private string? _label;

        public void Part(DocumentPart part, Doc doc)
        {
            _label = part.Label;
            if (part.Block is null) Masthead(doc.Masthead);
            else part.Block.Accept(this);
            if (_notes.Count > 0)
            {
                html.Append("<ol class=\"notes\">");
                foreach (var (mark, note) in _notes)
                {
                    html.Append("<li><sup>").Append(E(mark)).Append("</sup> ");
                    Inlines(note.Content);
                    html.Append("</li>");
                }
                html.Append("</ol>");
                _notes.Clear();
            }
        }

        public Done Visit(Heading h)
        {
            string tag = h.Level <= 1 ? "h2" : "h3";
            html.Append('<').Append(tag).Append(h.Level >= 3 ? " class=\"minor\"" : "").Append('>');
            if (h.Number is not null) html.Append("<span class=\"no\">").Append(E(h.Number)).Append("</span> ");
            Inlines(h.Content);
            html.Append("</").Append(tag).Append(">");
            return default;
        }

        public Done Visit(Paragraph p)
        {
            html.Append("<p class=\"").Append(p.Role.ToString().ToLowerInvariant()).Append("\">");
            if (_label is not null) html.Append("<span class=\"no\">").Append(E(_label)).Append("</span> ");
            else if (resolved.LabelOf(p) is { } number) html.Append("<span class=\"no\">").Append(E(number)).Append("</span> ");
            Inlines(p.Content);
            html.Append("</p>");
            return default;
        }

        /// <summary>Nothing: the rows hold a list's paragraphs one by one, each with its label.</summary>
        public Done Visit(SubItems subItems) => default;

        public Done Visit(Table t) { Table(t); return default; }
        public Done Visit(ChartSlot c) { Chart(c); return default; }

        public Done Visit(Annex a)
        {
            html.Append("<h2 class=\"annex\"><span class=\"no\">").Append(E(a.Label)).Append("</span><br>").Append(E(a.Title)).Append("</h2>");
            return default;
        }

        /// <summary>Nothing: the page has no pages.</summary>
        public Done Visit(PageBreak pageBreak) => default;

        private void Masthead(Masthead m)
        {
            html.Append("<div class=\"masthead\"><p class=\"symbol\">").Append(E(m.UnitedNations)).Append(" · <strong>").Append(E(m.Symbol)).Append("</strong></p>");
            html.Append("<p class=\"small\">").Append(E(m.Distribution)).Append("<br>").Append(E(m.DateLine));
            if (m.LanguageLine.Length > 0) html.Append("<br>").Append(E(m.LanguageLine));
            html.Append("<br>").Append(E(m.OriginalLine)).Append("</p>");
            html.Append("<p class=\"organ\">").Append(E(m.Organ)).Append("<br>").Append(E(m.Session)).Append("<br>").Append(E(m.PlaceAndDates)).Append("<br>")
                .Append(E(m.AgendaItemBefore));
            Note(m.AgendaFootnote);
            html.Append(E(m.AgendaItemAfter)).Append("<br><strong>").Append(E(m.AgendaTitle)).Append("</strong></p>");
            html.Append("<h1>").Append(E(m.Title));
            foreach (var note in m.TitleFootnotes) Note(note);
            html.Append("</h1><p class=\"subtitle\">").Append(E(m.Subtitle)).Append("</p></div>");
        }

        private void Note(Footnote note)
        {
            string mark = note.CustomMark ?? (counter.Next++).ToString(CultureInfo.InvariantCulture);
            _notes.Add((mark, note));
            html.Append("<sup class=\"fn\" title=\"").Append(E(Document.Inlines.PlainText(note.Content))).Append("\">").Append(E(mark)).Append("</sup>");
        }

        private void Inlines(IEnumerable<Inline> inlines)
        {
            foreach (var inline in inlines) inline.Accept(this);
        }

        /// <summary>A text, its runs of another script marked with their language (English words in a Chinese cell, Chinese in a French one).</summary>
        public Done Visit(Text t)
        {
            foreach (var (text, tag) in Typesetting.ForeignRuns.Split(t.Value, Typesetting.LanguageProfiles.For(language)))
                if (tag is null) html.Append(E(text));
                else html.Append("<span lang=\"").Append(tag).Append("\">").Append(E(text)).Append("</span>");
            return default;
        }
        public Done Visit(Strong s) { html.Append("<strong>"); Inlines(s.Content); html.Append("</strong>"); return default; }
        public Done Visit(Emphasis e) { html.Append("<em>"); Inlines(e.Content); html.Append("</em>"); return default; }
        public Done Visit(LineBreak lineBreak) { html.Append("<br>"); return default; }
        public Done Visit(FootnoteRef f) { Note(f.Footnote); return default; }

        public Done Visit(FigureRef f)
        {
            html.Append("<mark class=\"fig\" data-figure=\"").Append(E(f.Path)).Append("\" data-value=\"")
                .Append(f.Value.ToString("R", CultureInfo.InvariantCulture)).Append("\" title=\"").Append(E(f.Path)).Append("\">")
                .Append(E(f.Text)).Append("</mark>");
            return default;
        }

        public Done Visit(ChartRef c)
        {
            if (resolved.LinkOf(c) is { } anchor) html.Append("<a href=\"#").Append(E(anchors + anchor)).Append("\">").Append(E(c.Text)).Append("</a>");
            else html.Append(E(c.Text));
            return default;
        }

        private void Table(Table t, string? caption = null)
        {
            html.Append("<table>");
            if ((caption ?? t.Caption) is { } c) html.Append("<caption>").Append(E(c)).Append("</caption>");
            if (t.Header.Count > 0)
            {
                html.Append("<thead>");
                foreach (var row in t.Header)
                {
                    html.Append("<tr>");
                    foreach (var cell in row) { html.Append("<th scope=\"col\"").Append(Align(cell)).Append('>'); Inlines(cell.Content); html.Append("</th>"); }
                    html.Append("</tr>");
                }
                html.Append("</thead>");
            }
            html.Append("<tbody>");
            foreach (var row in t.Rows)
            {
                html.Append("<tr>");
                for (int i = 0; i < row.Count; i++)
                {
                    string tag = i == 0 ? "th" : "td";
                    html.Append('<').Append(tag).Append(i == 0 ? " scope=\"row\"" : "").Append(Align(row[i])).Append('>');
                    Inlines(row[i].Content);
                    html.Append("</").Append(tag).Append('>');
                }
                html.Append("</tr>");
            }
            html.Append("</tbody></table>");
        }

        private static string Align(TableCell cell) => cell.Alignment switch
        {
            Alignment.Right => " class=\"r\"",
            Alignment.Center => " class=\"c\"",
            _ => "",
        };

        private void Chart(ChartSlot slot)
        {
            html.Append("<figure class=\"chart\" data-chart=\"").Append(E(slot.Name)).Append("\"><figcaption><span class=\"no\">").Append(E(slot.Caption ?? slot.Number))
                .Append("</span><br><strong>").Append(E(slot.Title)).Append("</strong>");
            if (slot.Subtitle is not null) html.Append("<br>").Append(E(slot.Subtitle));
            html.Append("</figcaption>");
            if (slot.Chart.Kind == ChartKind.Matrix) Matrix(slot);
            else SvgCharts.Write(html, slot, id, Typesetting.LanguageProfiles.For(language).Numbers, Typesetting.LanguageProfiles.For(language).RightToLeft);
            if (slot.Chart.Headlines.Count > 0)
            {
                html.Append("<ul class=\"headlines\">");
                foreach (var h in slot.Chart.Headlines) html.Append("<li>").Append(E(h.Label)).Append(": <strong>").Append(E(h.Value)).Append("</strong></li>");
                html.Append("</ul>");
            }
            html.Append("<details><summary>").Append(Typesetting.LanguageProfiles.For(language).DataLabel).Append("</summary>");
            Table(slot.Data);
            html.Append("</details></figure>");
        }

        /// <summary>The linkage matrix as a shaded table: white to dark blue by count, the counts written in.</summary>
        private void Matrix(ChartSlot slot)
        {
            var chart = slot.Chart;
            double max = chart.Series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max();
            html.Append("<table class=\"matrix\" aria-describedby=\"").Append(id).Append("-alt\"><thead>");
            if (chart.ValueAxisTitle is not null)
                html.Append("<tr><td></td><th scope=\"colgroup\" colspan=\"").Append(chart.Series.Count).Append("\">").Append(E(chart.ValueAxisTitle)).Append("</th></tr>");
            html.Append("<tr><th scope=\"col\">").Append(E(chart.CategoryAxisTitle ?? "")).Append("</th>");
            foreach (var s in chart.Series) html.Append("<th scope=\"col\">").Append(E(s.Name)).Append("</th>");
            html.Append("</tr></thead><tbody>");
            for (int r = 0; r < chart.Categories.Count; r++)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(chart.Categories[r])).Append("</th>");
                foreach (var s in chart.Series)
                {
                    double v = r < s.Values.Count ? s.Values[r] ?? 0 : 0;
                    string fill = Charts.Palette.Heat(v, max);
                    html.Append("<td class=\"c\" style=\"background:#").Append(fill).Append(";color:#").Append(Charts.Palette.TextOn(fill)).Append("\">")
                        .Append(v > 0 ? v.ToString("0", CultureInfo.InvariantCulture) : "").Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</tbody></table><p class=\"alt\" id=\"").Append(id).Append("-alt\">").Append(E(chart.AltText)).Append("</p>");
        }
    }

    /// <summary>An id made of the text's letters and digits (others as '-'): the same for the same text.</summary>
    private static string Id(string text) => "doc-" + new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>HTML-escapes text for element content and quoted attributes.</summary>
    public static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    private const string Style = """
        :root { --ink: #111; --rule: #d9d9d9; --fig: #fff3b0; --flag: #b00020; }
        body { margin: 0; font: 15px/1.45 "Times New Roman", "Liberation Serif", serif; color: var(--ink); background: #fff; }
        [lang="zh-CN"] { font-family: "AR PL SungtiL GB", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "WenQuanYi Micro Hei", serif; }
        [lang="zh-CN"] h1, [lang="zh-CN"] h2, [lang="zh-CN"] h3 { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", SimHei, sans-serif; }
        header.page { padding: .5em 1em; background: #f4f4f4; border-bottom: 1px solid var(--rule); font-size: 13px; }
        header.page p { margin: .2em 0; }
        header.page h1 { font-size: 15px; margin: .2em 0; }
        main { padding: 0 1em 3em; }
        .doc-id { font-size: 13px; margin: 1.2em 0 .4em; }
        .grid { display: grid; grid-template-columns: 6.5em repeat(var(--editions), minmax(0, 1fr)); }
        .row { display: contents; }
        .row > .num, .row > .cell { padding: .35em .6em; border-top: 1px solid var(--rule); }
        .row > .num { font-size: 12px; color: #555; overflow-wrap: anywhere; }
        .row.head > * { position: sticky; top: 0; background: #fff; font-weight: bold; border-bottom: 2px solid #888; z-index: 1; }
        .row.problem > .num, .row.problem > .cell { background: #fff0f0; }
        .row.unmatched > .cell { outline: 2px dashed var(--flag); outline-offset: -3px; }
        .row > ul.problems { grid-column: 1 / -1; margin: 0; padding: .3em 1em .5em 2.5em; background: #fff0f0; color: var(--flag); font: 13px/1.4 sans-serif; }
        ul.problems.summary { color: var(--flag); font: 13px/1.4 sans-serif; }
        .flag { display: inline-block; min-width: 1.2em; text-align: center; color: #fff; background: var(--flag); border-radius: 50%; font-weight: bold; }
        .cell p { margin: .2em 0; }
        .cell p.centered { text-align: center; }
        .cell p.note { font-size: 13px; }
        .no { font-weight: normal; color: #333; }
        h1 { font-size: 20px; margin: .4em 0 .1em; }
        h2 { font-size: 17px; margin: .2em 0; }
        h3 { font-size: 15px; margin: .2em 0; }
        h3.minor { font-style: italic; font-weight: normal; }
        .masthead .small, .masthead .organ { font-size: 13px; }
        .subtitle { font-weight: bold; }
        mark.fig { background: var(--fig); border-bottom: 1px dotted #a08000; padding: 0 1px; cursor: help; }
        sup.fn { font-size: 70%; cursor: help; }
        ol.notes { list-style: none; padding: 0; margin: .3em 0 0; font-size: 12px; border-top: 1px solid var(--rule); }
        table { border-collapse: collapse; margin: .3em 0; font-size: 12px; }
        caption { text-align: left; font-weight: bold; }
        th, td { border-bottom: 1px solid var(--rule); padding: 2px 5px; vertical-align: top; text-align: left; }
        thead th { border-bottom: 1px solid #555; font-style: italic; font-weight: normal; }
        tbody th { font-weight: normal; }
        .r { text-align: right; } .c { text-align: center; }
        figure.chart { margin: .3em 0; }
        figure.chart svg { width: 100%; height: auto; max-width: 46em; display: block; }
        figure.chart figcaption { font-size: 13px; }
        .alt { font-size: 12px; color: #444; }
        .headlines { font-size: 12px; margin: .2em 0; }
        details { font-size: 12px; }
        .missing { color: var(--flag); font-style: italic; }
        ul.problems.build { color: var(--flag); font-family: monospace; white-space: pre-wrap; }

        """;
}
