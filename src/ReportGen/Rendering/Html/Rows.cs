using System.Globalization;
using ReportGen.Document;

namespace ReportGen.Rendering.Html;

/// <summary>
/// A document's parts in reading order, each with the key that names it in every language:
/// "paragraph 8", "paragraph 8 item 3.2", "chapter 2 section 1", "annex 2, chart 3". The keys
/// are the parity check's: both come from <see cref="DocumentParts"/>, so its problems find their row.
/// </summary>
internal static class Rows
{
    /// <summary>A part: <see cref="Block"/> is null for the masthead; <see cref="Label"/> is a sub-item's "(a)".</summary>
    public sealed record Part(string Key, string UniqueKey, string Display, Block? Block, string? Label);

    public static List<Part> Of(Doc doc)
    {
        var parts = new List<Part>();
        var counts = new Dictionary<string, int>();
        // A page break has no row: the page shows no pages.
        foreach (var p in DocumentParts.Of(doc).Where(p => p.Block is not PageBreak))
        {
            int n = counts[p.Key] = counts.GetValueOrDefault(p.Key) + 1;
            parts.Add(new Part(p.Key, n == 1 ? p.Key : $"{p.Key} #{n}", p.Display, p.Block, p.Label));
        }
        return parts;
    }
}
