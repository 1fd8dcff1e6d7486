using System.Text.Json;
using ReportGen.Document;

namespace ReportGen.Audit;

/// <summary>
/// trace.json: for each document and paragraph, every number printed from a figure: the figure's
/// path in figures.json, its value, the text it rendered as, and (in the Word file) the hidden
/// bookmark around it.
/// </summary>
public sealed record TraceFile(IReadOnlyList<DocumentTrace> Documents)
{
    public const string FileName = "trace.json";

    public string ToJson() => AuditJson.Write(this);

    public static TraceFile FromJson(string json) => Manifest.ParseJson<TraceFile>(json) ?? throw new JsonException("empty trace");

    public static DocumentTrace For(string docId, Doc doc, IReadOnlyList<string> files) => For(docId, Resolver.Resolve(doc), files);

    public static DocumentTrace For(string docId, ResolvedDocument resolved, IReadOnlyList<string> files)
    {
        // Bookmarks are numbered by occurrence, as the Word writer places them (one per figure printed).
        var doc = resolved.Doc;
        var columns = Columns(doc);
        // (No tuples in these queries: LINQ over tuples is generic code a cold start JIT-compiles; over classes it is precompiled: see docs/benchmarks.md#generic-code-and-the-cold-start.)
        var paragraphs = resolved.Figures
            .GroupBy(f => f.Anchor, f => new TracedFigure(f.Figure.Path, f.Figure.Value, f.Figure.Text, Rendering.Docx.DocxWriter.BookmarkName(f.Number))
            {
                Column = columns.GetValueOrDefault(f.Figure),
            })
            .Select(g => new ParagraphTrace(g.Key, g.ToList()))
            .ToList();
        // What the masthead prints from the data (the date line, the session's dates): not bookmarked in Word.
        if (doc.Masthead.Data.Count > 0)
        {
            var masthead = doc.Masthead.Data.Select(f => new TracedFigure(f.Path, f.Value, f.Text, "")).ToList();
            int at = paragraphs.FindIndex(p => p.Paragraph == Anchors.Masthead);
            if (at < 0) paragraphs.Insert(0, new ParagraphTrace(Anchors.Masthead, masthead));
            else paragraphs[at] = paragraphs[at] with { Figures = [.. masthead, .. paragraphs[at].Figures] };
        }
        foreach (var c in doc.AllBlocks().OfType<ChartSlot>())
        {
            string anchor = resolved.AnchorOf(c) ?? "chart";
            // The figures a chart shows in its headline boxes ("Total number of projects analysed: 88"); not bookmarked in Word.
            if (c.Chart.Headlines.Where(h => h.Figure is not null).ToList() is { Count: > 0 } traced)
                paragraphs.Add(new ParagraphTrace($"{anchor}-headlines",
                    traced.Select(h => new TracedFigure(h.Figure!.Path, h.Figure.Value, h.Figure.Text, "")).ToList()) { Chart = anchor });
            // Every value the chart draws, by its category (row) and series (column): "annex-II-chart-X, FP4 …, Portfolio (USD million)";
            // a category's own code (column 0) is "…, 1.3, category".
            var header = c.Data.Header.LastOrDefault() ?? [];
            foreach (var row in c.Data.Rows)
            {
                string category = Inlines.PlainText(row[0].Content);
                var code = row[0].Content.OfType<FigureRef>().FirstOrDefault();
                var values = row.SelectMany((cell, i) => cell.Content.OfType<FigureRef>()
                        .Select(f => new SeriesFigure(ReferenceEquals(f, code) ? "category" : i < header.Count ? Inlines.PlainText(header[i].Content) : "", f)))
                    .GroupBy(x => x.Series, x => new TracedFigure(x.Figure.Path, x.Figure.Value, x.Figure.Text, ""));
                foreach (var series in values)
                    paragraphs.Add(new ParagraphTrace(Anchors.TraceKey(anchor, category, series.Key), series.ToList()) { Chart = anchor });
            }
        }
        var labels = Anchors.AnnexLabels(resolved);
        // Each reference to charts: where it stands, its words, and the charts it links to.
        var references = resolved.ChartReferences.Select(r => new ReferenceTrace(r.At, r.Reference.Text, r.Charts)).ToList();
        return new DocumentTrace(docId, doc.Language, files, paragraphs)
        {
            Annexes = labels.Count > 0 ? labels : null,
            References = references.Count > 0 ? references : null,
        };
    }

    /// <summary>The column (its heading) of each figure printed in a table cell.</summary>
    /// <summary>A figure a chart draws, with its series (the column's heading, or "category").</summary>
    private sealed record SeriesFigure(string Series, FigureRef Figure);

    private static Dictionary<FigureRef, string> Columns(Doc doc)
    {
        var columns = new Dictionary<FigureRef, string>(ReferenceEqualityComparer.Instance);
        static IEnumerable<FigureRef> In(IEnumerable<Inline> inlines) => inlines.SelectMany(i => i.Accept(FiguresIn.Instance));
        foreach (var table in doc.AllBlocks().OfType<Table>())
        {
            var header = table.Header.LastOrDefault() ?? [];
            foreach (var row in table.Rows)
                for (int i = 0; i < row.Count && i < header.Count; i++)
                    foreach (var f in In(row[i].Content))
                        columns[f] = Inlines.PlainText(header[i].Content).Trim();
        }
        return columns;
    }

    /// <summary>The figures an inline prints, one method per kind (a footnote's are its own part's).</summary>
    private sealed class FiguresIn : IInlineVisitor<IEnumerable<FigureRef>>
    {
        public static readonly FiguresIn Instance = new();
        private static IEnumerable<FigureRef> In(IEnumerable<Inline> inlines) => inlines.SelectMany(i => i.Accept(Instance));
        public IEnumerable<FigureRef> Visit(Text text) => [];
        public IEnumerable<FigureRef> Visit(Strong strong) => In(strong.Content);
        public IEnumerable<FigureRef> Visit(Emphasis emphasis) => In(emphasis.Content);
        public IEnumerable<FigureRef> Visit(LineBreak lineBreak) => [];
        public IEnumerable<FigureRef> Visit(FootnoteRef footnote) => [];
        public IEnumerable<FigureRef> Visit(FigureRef figure) => [figure];
        public IEnumerable<FigureRef> Visit(ChartRef chartRef) => [];
    }
}

public sealed record DocumentTrace(string DocId, string Language, IReadOnlyList<string> Files, IReadOnlyList<ParagraphTrace> Paragraphs)
{
    /// <summary>How the annexes the document prints without a number are named, by anchor (<see cref="Anchors.AnnexLabels"/>); null when every annex is numbered.</summary>
    public IReadOnlyDictionary<string, string>? Annexes { get; init; }

    /// <summary>Every reference to charts in the text, in reading order; null when there is none.</summary>
    public IReadOnlyList<ReferenceTrace>? References { get; init; }
}

/// <summary>A reference to charts: the anchor of the paragraph it stands in, its words ("chart IV"), and the anchors of the charts it names (the first is its link's target).</summary>
public sealed record ReferenceTrace(string Paragraph, string Text, IReadOnlyList<string> Charts);

public sealed record ParagraphTrace(string Paragraph, IReadOnlyList<TracedFigure> Figures)
{
    /// <summary>For the values a chart draws and its headline boxes (not text of the document), the chart's anchor.</summary>
    public string? Chart { get; init; }
}

public sealed record TracedFigure(string Path, double Value, string Text, string Bookmark)
{
    /// <summary>For a number in a table, the heading of its column.</summary>
    public string? Column { get; init; }
}
