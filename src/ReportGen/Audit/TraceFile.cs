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

    public string ToJson() => JsonSerializer.Serialize(this, Manifest.JsonOptions).ReplaceLineEndings("\n") + "\n";

    public static TraceFile FromJson(string json) => JsonSerializer.Deserialize<TraceFile>(json, Manifest.JsonOptions) ?? throw new JsonException("empty trace");

    public static DocumentTrace For(string docId, Doc doc, IReadOnlyList<string> files) => For(docId, Resolver.Resolve(doc), files);

    public static DocumentTrace For(string docId, ResolvedDocument resolved, IReadOnlyList<string> files)
    {
        // Bookmarks are numbered by occurrence, as the Word writer places them (one per figure printed).
        var paragraphs = resolved.Figures
            .Select(f => (f.Anchor, Entry: new TracedFigure(f.Figure.Path, f.Figure.Value, f.Figure.Text, Rendering.Docx.DocxWriter.BookmarkName(f.Number))))
            .GroupBy(f => f.Anchor)
            .Select(g => new ParagraphTrace(g.Key, g.Select(x => x.Entry).ToList()))
            .ToList();
        // The figures a chart shows in its headline boxes ("Total number of projects analysed: 88"); not bookmarked in Word.
        foreach (var c in resolved.Doc.AllBlocks().OfType<ChartSlot>())
            if (c.Chart.Headlines.Where(h => h.Figure is not null).ToList() is { Count: > 0 } traced)
                paragraphs.Add(new ParagraphTrace($"{resolved.AnchorOf(c)}-headlines",
                    traced.Select(h => new TracedFigure(h.Figure!.Path, h.Figure.Value, h.Figure.Text, "")).ToList()));
        return new DocumentTrace(docId, resolved.Doc.Language, files, paragraphs);
    }
}

public sealed record DocumentTrace(string DocId, string Language, IReadOnlyList<string> Files, IReadOnlyList<ParagraphTrace> Paragraphs);

public sealed record ParagraphTrace(string Paragraph, IReadOnlyList<TracedFigure> Figures);

public sealed record TracedFigure(string Path, double Value, string Text, string Bookmark);
