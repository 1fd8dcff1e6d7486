using System.Globalization;
using System.Text;
using ReportGen.Analysis;
using ReportGen.Model;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Workbook;

namespace ReportGen.Build;

/// <summary>
/// The one validation of a build's inputs, run by <c>check</c> and by <c>build</c> before anything
/// is written, so that neither accepts what the other refuses. One pass finds every problem of
/// every kind: the workbook's in the languages asked for, a character in it that no PDF font has
/// (when a PDF is made), and the templates' (when the workbook can be composed).
/// </summary>
public static class Validation
{
    /// <summary>Every problem a build with these options stops on, in print order; empty when it would succeed.</summary>
    public static IReadOnlyList<Problem> Problems(BuildOptions options) => Problems(options, out _);

    /// <param name="cycle">the cycle read, when there is no problem</param>
    public static IReadOnlyList<Problem> Problems(BuildOptions options, out ReportingCycle? cycle)
    {
        cycle = null;
        try
        {
            cycle = BuildPipeline.Compose(options).Cycle;
            return [];
        }
        catch (InputException e)
        {
            return e.Problems;
        }
    }

    private const string NotChecked = "not checked, as the documents cannot be composed until the workbook's problems above are fixed";

    /// <summary>The line that says the templates wait for the workbook: listed with the problems (last), not counted as one.</summary>
    public static Problem TemplatesNotChecked(BuildOptions options) => new(options.TemplatesFolder, NotChecked);

    /// <summary>Whether a listed line is a note (the templates not checked) rather than a problem.</summary>
    public static bool IsNote(Problem problem) => problem.Message == NotChecked;

    /// <summary>Only a PDF embeds our fonts: Word and the review page show text in the reader's own.</summary>
    public static bool NeedsFonts(BuildOptions options) => options.Formats.Contains("pdf");

    /// <summary>
    /// Reads the workbook and composes its documents with <paramref name="compose"/>; throws one
    /// <see cref="InputException"/> with every problem found, workbook and font problems in sheet,
    /// row and column order, then the templates'.
    /// </summary>
    /// <param name="fonts">the PDF's fonts, asked for only once the documents are composed (a build loads them meanwhile); null when no PDF is made</param>
    internal static (ReportingCycle Cycle, Figures Figures, List<ComposedDocument> Documents) Compose(BuildOptions options,
        Func<ReportingCycle, Figures, List<ComposedDocument>> compose, Func<FontSet>? fonts)
    {
        var read = CycleReader.Read(options.Workbook);
        if (read.Cycle is null || read.ProblemsFor(options.Languages).Count > 0)
        {
            var uncovered = fonts is null ? [] : Uncovered(read, fonts(), options.Languages);
            throw new InputException([.. read.ProblemsFor(options.Languages, uncovered),
                TemplatesNotChecked(options)]);
        }
        var figures = FigureCalculator.Compute(read.Cycle);
        List<ComposedDocument> documents = [];
        IReadOnlyList<Problem> templates = [];
        try
        {
            documents = compose(read.Cycle, figures);
        }
        catch (InputException e)
        {
            templates = e.Problems;
        }
        var problems = fonts is null ? [] : Uncovered(read, fonts(), options.Languages);
        if (problems.Count > 0 || templates.Count > 0) throw new InputException([.. problems, .. templates]);
        return (read.Cycle, figures, documents);
    }

    /// <summary>The columns whose text can reach a document.</summary>
    private static readonly HashSet<string> PrintedColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "doc_id", "symbol", "agenda_item", "agenda_symbol", "title", "title_en", "title_zh", "short_en", "short_zh", "name_en", "name_zh",
        "indicator_id", "region", "country", "project_id", "service_id", "code", "flagship",
    };

    /// <summary>
    /// Each cell of a printed column with a character no font has, at the cell, in print order
    /// (a <c>_zh</c> or <c>_en</c> column only when its language is built). A character is covered
    /// when both a body (Song) and a heading (Hei, bold) face have it, as a PDF may set it in either.
    /// </summary>
    internal static List<Problem> Uncovered(ReadResult read, FontSet fonts, IReadOnlyList<string> languages)
    {
        var problems = new List<Problem>();
        foreach (var table in read.Tables.Values)
        {
            var columns = table.Columns.Where(c => PrintedColumns.Contains(c.Key) && (LanguageOf(c.Key) is not { } language || languages.Contains(language)))
                .OrderBy(c => c.Value).ToList();
            foreach (var row in table.Rows)
                foreach (var (name, column) in columns)
                {
                    if (!row.Cells.TryGetValue(column, out var cell) || cell.Kind != CellKind.Text || cell.Text is null) continue;
                    foreach (Rune rune in cell.Text.EnumerateRunes())
                    {
                        if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) continue;
                        if (fonts.FaceFor(rune.Value, FontRole.Song, false, false) is not null && fonts.FaceFor(rune.Value, FontRole.Hei, true, false) is not null) continue;
                        problems.Add(Problem.AtCell(table.Name, new CellRef(column, row.RowNumber),
                            $"no configured font has the character '{rune}' (U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)}); the PDF could not show it " +
                            "(replace it, build without PDF with --format docx, or choose a font that has it with --font-latin, --font-song, --font-hei)",
                            LanguageOf(name)));
                        break;
                    }
                }
        }
        return CycleReader.Sorted(problems);
    }

    /// <summary>The language of a bilingual column (<c>title_zh</c>: zh), null for a column of every language.</summary>
    private static string? LanguageOf(string column) =>
        Languages.All.FirstOrDefault(l => column.EndsWith("_" + l, StringComparison.OrdinalIgnoreCase));
}
