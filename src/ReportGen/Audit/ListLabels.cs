using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportGen.Audit;

/// <summary>
/// The labels Word gives numbered paragraphs ("8.", "(a)", "(ii)", "(一)"), worked out from the
/// document's numbering part as Word counts them, so that a redline can write them as text
/// (<see cref="Redline"/> says why). Numbering set on the paragraph itself (w:numPr) is counted,
/// as ReportGen's Word writer sets it; numbering a paragraph style carries is not.
/// </summary>
internal static class ListLabels
{
    /// <summary>A paragraph's label, what follows it (a tab, a space or nothing) and what its list level gave the paragraph: indentation, tab stops, run properties.</summary>
    internal sealed record Label(string Text, string Suffix, Indentation? Indentation, Tabs? Tabs, NumberingSymbolRunProperties? Style);

    /// <summary>The number formats Word writes, as UN documents label (Document.Numbering is their one home); any other counts in decimal.</summary>
    private static readonly Dictionary<string, Func<int, string>> Formats = new(StringComparer.Ordinal)
    {
        ["decimal"] = n => n.ToString(CultureInfo.InvariantCulture),
        ["lowerLetter"] = Document.Numbering.Letter,
        ["upperLetter"] = n => Document.Numbering.Letter(n).ToUpperInvariant(),
        ["lowerRoman"] = n => Document.Numbering.Roman(n).ToLowerInvariant(),
        ["upperRoman"] = Document.Numbering.Roman,
        ["chineseCounting"] = Document.Numbering.Chinese,
        ["arabicAbjad"] = Document.Numbering.ArabicLetter,
        ["none"] = _ => "",
    };

    /// <summary>
    /// Each paragraph's label, in the order given (null where it has none): a list instance (w:num)
    /// counts on through the paragraphs, starting at its level's start (or the instance's start
    /// override); a level starts again after a paragraph of a higher level.
    /// </summary>
    public static List<Label?> Of(IReadOnlyList<Paragraph> paragraphs, NumberingDefinitionsPart? part)
    {
        var labels = new List<Label?>(paragraphs.Count);
        var numbering = part?.Numbering;
        var counters = new Dictionary<int, int?[]>();
        foreach (var paragraph in paragraphs)
        {
            var numPr = paragraph.ParagraphProperties?.NumberingProperties;
            int numId = numPr?.NumberingId?.Val?.Value ?? 0, ilvl = numPr?.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            if (numId == 0 || instance is null || ilvl is < 0 or > 8) { labels.Add(null); continue; }
            var abstractNum = numbering!.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == instance.AbstractNumId?.Val?.Value);
            Level? LevelOf(int i) =>
                instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == i)?.Level
                ?? abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == i);
            int StartOf(int i) =>
                instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == i)?.StartOverrideNumberingValue?.Val?.Value
                ?? LevelOf(i)?.StartNumberingValue?.Val?.Value ?? 0;

            if (!counters.TryGetValue(numId, out var counter)) counters[numId] = counter = new int?[9];
            counter[ilvl] = counter[ilvl] is int n ? n + 1 : StartOf(ilvl);
            for (int deeper = ilvl + 1; deeper < counter.Length; deeper++) counter[deeper] = null;

            var level = LevelOf(ilvl);
            string pattern = level?.LevelText?.Val?.Value ?? "";
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < pattern.Length; i++)
            {
                // %1 … %9: the count of that level, in its format.
                if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
                {
                    int shown = pattern[++i] - '1';
                    string format = LevelOf(shown)?.NumberingFormat?.Val?.InnerText ?? "decimal";
                    text.Append(Formats.GetValueOrDefault(format, Formats["decimal"])(counter[shown] ?? StartOf(shown)));
                }
                else text.Append(pattern[i]);
            }
            var properties = level?.PreviousParagraphProperties;
            labels.Add(new Label(text.ToString(), level?.LevelSuffix?.Val?.InnerText ?? "tab", properties?.Indentation, properties?.Tabs, level?.NumberingSymbolRunProperties));
        }
        return labels;
    }
}
