using System.Globalization;
using System.Text;
using ReportGen.Analysis;
using ReportGen.Document;
using ReportGen.Model;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Templating;
using ReportGen.Typesetting;
using ReportGen.Workbook;

namespace ReportGen.Build;

/// <summary>
/// The one validation of a build's inputs, run by <c>check</c> and by <c>build</c> before anything
/// is written, so that neither accepts what the other refuses. One pass finds every problem of
/// every kind: the workbook's in the languages asked for, a character that no PDF font has in the
/// workbook or the documents (when a PDF is made), and the templates' (when the workbook can be composed).
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
    /// <exception cref="UnknownFormatException">A format no writer has.</exception>
    public static bool NeedsFonts(BuildOptions options) => DocumentWriters.For(options.Formats).Any(w => w.UsesFonts);

    /// <summary>
    /// Reads the workbook and composes its documents with <paramref name="compose"/>; throws one
    /// <see cref="InputException"/> with every problem found: the workbook's and its characters no
    /// font has in sheet, row and column order, then the characters the documents' templates type
    /// that no font has, then the templates' other problems.
    /// </summary>
    /// <param name="fonts">the PDF's fonts, asked for only once the documents are composed (a build loads them meanwhile); null when no PDF is made</param>
    internal static (ReportingCycle Cycle, Figures Figures, List<ComposedDocument> Documents) Compose(BuildOptions options, DocumentComposer composer,
        Func<ReportingCycle, Figures, List<ComposedDocument>> compose, Func<FontSet>? fonts)
    {
        ReadResult read;
        try
        {
            read = CycleReader.Read(options.Workbook);
        }
        catch (InputException e) // a workbook that cannot be read at all: the templates wait for it too
        {
            throw new InputException([.. e.Problems, TemplatesNotChecked(options)]);
        }
        var uncovered = new HashSet<int>(); // the characters reported at a cell, not again in a document
        if (read.Cycle is null || read.ProblemsFor(options.Languages).Count > 0)
        {
            var cells = fonts is null ? [] : Uncovered(read, fonts(), options.Languages, uncovered);
            throw new InputException([.. read.ProblemsFor(options.Languages, cells), TemplatesNotChecked(options)]);
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
        List<Problem> problems = [];
        if (fonts is not null)
        {
            problems.AddRange(Uncovered(read, fonts(), options.Languages, uncovered));
            problems.AddRange(Uncovered(documents, fonts(), composer, uncovered));
        }
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
    /// (a <c>_zh</c> or <c>_en</c> column only when its language is built).
    /// </summary>
    /// <param name="reported">gets each character reported</param>
    internal static List<Problem> Uncovered(ReadResult read, FontSet fonts, IReadOnlyList<string> languages, ISet<int> reported)
    {
        var problems = new List<Problem>();
        foreach (var table in read.Tables.Values)
        {
            var columns = table.Columns.Where(c => PrintedColumns.Contains(c.Key) && (LanguageOf(c.Key) is not { } language || languages.Contains(language)))
                .OrderBy(c => c.Value).ToList();
            foreach (var row in table.Rows)
                foreach (var (name, column) in columns)
                    if (row.Cells.TryGetValue(column, out var cell) && cell.Kind == CellKind.Text && cell.Text is not null
                        && FirstUncovered(cell.Text, fonts) is { } rune)
                    {
                        reported.Add(rune.Value);
                        problems.Add(Problem.AtCell(table.Name, new CellRef(column, row.RowNumber), NoFontHas(rune), LanguageOf(name)));
                    }
        }
        return CycleReader.Sorted(problems);
    }

    /// <summary>
    /// Each character of a composed document that no font has, once a template file: at its
    /// file:line:col where the document's template types it, else at the file (a partial types
    /// it, or text the cell check does not read) unless a cell was reported for it.
    /// </summary>
    private static List<Problem> Uncovered(List<ComposedDocument> documents, FontSet fonts, DocumentComposer composer, ISet<int> reported)
    {
        var problems = new List<Problem>();
        foreach (var document in documents)
        {
            string text = PlainText.Of(document.Doc);
            var seen = new HashSet<int>();
            for (int at = 0; FirstUncovered(text, fonts, at) is { } found; at = found.Index + found.Rune.Utf16SequenceLength)
            {
                if (!seen.Add(found.Rune.Value)) continue;
                var (place, typed) = PlaceIn(composer, document, found.Rune);
                if (typed || !reported.Contains(found.Rune.Value)) problems.Add(new Problem(place, NoFontHas(found.Rune)));
            }
        }
        return [.. problems.Distinct()];
    }

    /// <summary>Where a document's template types a character: file:line:col (from 1); the file alone when it does not.</summary>
    private static (string Place, bool Typed) PlaceIn(DocumentComposer composer, ComposedDocument document, Rune rune)
    {
        string display = composer.DisplayPath(document.Doc.Language, document.Spec.Template);
        string source = File.ReadAllText(composer.TemplatePath(document.Doc.Language, document.Spec.Template));
        int index = source.IndexOf(rune.ToString(), StringComparison.Ordinal);
        if (index < 0) return (display, false);
        int lineStart = source.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        int line = 1 + source.AsSpan(0, lineStart).Count('\n');
        return (string.Create(CultureInfo.InvariantCulture, $"{display}:{line}:{index - lineStart + 1}"), true);
    }

    private static Rune? FirstUncovered(string text, FontSet fonts) => FirstUncovered(text, fonts, 0)?.Rune;

    /// <summary>
    /// The first character from <paramref name="start"/> that no font has. A character is covered
    /// when both a body (Song) and a heading (Hei, bold) face have it, as a PDF may set it in either.
    /// </summary>
    private static (Rune Rune, int Index)? FirstUncovered(string text, FontSet fonts, int start)
    {
        for (int at = start; at < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(at), out Rune rune, out int length);
            if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune)
                && (fonts.FaceFor(rune.Value, FontRole.Song, false, false) is null || fonts.FaceFor(rune.Value, FontRole.Hei, true, false) is null))
                return (rune, at);
            at += length;
        }
        return null;
    }

    private static string NoFontHas(Rune rune) =>
        $"no configured font has the character '{rune}' (U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)}); the PDF could not show it " +
        "(replace it, build without PDF with --format docx, or choose a font that has it with --font-latin, --font-song, --font-hei)";

    /// <summary>The language of a bilingual column (<c>title_zh</c>: zh), null for a column of every language.</summary>
    private static string? LanguageOf(string column) =>
        Languages.All.FirstOrDefault(l => column.EndsWith("_" + l, StringComparison.OrdinalIgnoreCase));
}
