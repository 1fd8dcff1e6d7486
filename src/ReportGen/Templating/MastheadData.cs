using ReportGen.Document;
using ReportGen.Model;

namespace ReportGen.Templating;

/// <summary>
/// What a masthead prints from the data, for the audit trail (<see cref="Masthead.Data"/>): the
/// date line (the Documents row's date, which the composer formats itself) and every date, year
/// or figure its words print through a traced helper (the session's dates and year), in the
/// masthead's reading order.
/// </summary>
internal static class MastheadData
{
    /// <summary>The words printed as masthead lines (the footnotes' words are read as notes, with their own part).</summary>
    private static readonly string[] Lines =
        ["united_nations", "distribution", "language_line", "original", "organ", "session", "place_and_dates", "agenda_item", "agenda_title", "title", "subtitle"];

    public static IReadOnlyList<FigureRef> Of(DocumentSpec spec, string dateLine, IReadOnlyDictionary<string, string> words, TraceLog trace)
    {
        var data = new List<FigureRef> { new("doc.date", Day.Number(spec.Date), dateLine) };
        foreach (string key in Lines)
        {
            if (!words.TryGetValue(key, out var word)) continue;
            var (blocks, _) = MarkdownReader.Read(word.ReplaceLineEndings(" "), "en", traces: id => trace[id] is { } e ? (e.Path, e.Value) : null);
            data.AddRange(blocks.OfType<Paragraph>().SelectMany(p => p.Content).SelectMany(Figures));
        }
        return data;
    }

    private static IEnumerable<FigureRef> Figures(Inline inline) => inline switch
    {
        FigureRef f => [f],
        Strong s => s.Content.SelectMany(Figures),
        Emphasis e => e.Content.SelectMany(Figures),
        _ => [],
    };
}
