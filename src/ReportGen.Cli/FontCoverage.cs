using System.Globalization;
using System.Text;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Workbook;

namespace ReportGen.Cli;

/// <summary>
/// What <c>build</c> would reject in a PDF, found by <c>check</c> at its cell: a character that no
/// configured font has. Every text cell of the columns ReportGen reads is looked at.
/// </summary>
internal static class FontCoverage
{
    /// <summary>The columns whose text can reach a document.</summary>
    private static readonly HashSet<string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        "doc_id", "symbol", "agenda_item", "agenda_symbol", "title", "title_en", "title_zh", "short_en", "short_zh", "name_en", "name_zh",
        "indicator_id", "region", "country", "project_id", "service_id", "code", "flagship",
    };

    private static readonly Lazy<FontSet> Bundled = new(() => FontSet.Load());

    public static List<Problem> Check(string workbook, FontSet? fonts = null)
    {
        fonts ??= Bundled.Value;
        var problems = new List<Problem>();
        using var file = XlsxFile.Open(workbook);
        foreach (string sheet in file.SheetNames)
        {
            var header = new Dictionary<int, string>();
            foreach (var (row, cells) in file.ReadRows(sheet))
            {
                if (row == 1)
                {
                    foreach (var (column, cell) in cells) header[column] = (cell.Text ?? "").Trim();
                    continue;
                }
                foreach (var (column, cell) in cells)
                {
                    if (cell.Kind != CellKind.Text || cell.Text is null || !header.TryGetValue(column, out var name) || !Columns.Contains(name)) continue;
                    foreach (Rune rune in cell.Text.EnumerateRunes())
                    {
                        if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) continue;
                        bool covered = fonts.FaceFor(rune.Value, FontRole.Song, false, false) is not null
                                       && fonts.FaceFor(rune.Value, FontRole.Hei, true, false) is not null;
                        if (covered) continue;
                        problems.Add(Problem.AtCell(sheet, new CellRef(column, row),
                            $"no configured font has the character '{rune}' (U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)}); the PDF could not show it"));
                        break;
                    }
                }
            }
        }
        return problems;
    }
}
