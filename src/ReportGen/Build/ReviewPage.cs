using ReportGen.Analysis;
using ReportGen.Document;
using ReportGen.Model;
using ReportGen.Rendering.Html;
using ReportGen.Templating;
using ReportGen.Workbook;

namespace ReportGen.Build;

/// <summary>What a review made: the page, the documents on it, and the differences between their languages.</summary>
/// <param name="Languages">the editions on the page, English first</param>
public sealed record ReviewResult(byte[] Page, IReadOnlyList<string> Documents, IReadOnlyList<ReviewProblem> Differences, IReadOnlyList<string> Languages);

/// <summary>
/// Composes the documents in every language (the build's <see cref="BuildPipeline.Compose(BuildOptions, DocumentComposer?, Action{string, string, Problem}?)"/>)
/// and writes the review page. Differences between the languages do not stop it: they are shown
/// where they are. Other problems (the workbook, a template error) are thrown as in a build.
/// </summary>
/// <remarks>
/// One instance serves a watch mode: the workbook's model (read, validated, its figures computed)
/// is kept while the workbook's bytes are unchanged, so a template saved costs only the composing
/// and the page. Templates are always read anew.
/// </remarks>
/// <param name="languages">the editions to set beside the English (--lang fr: English and French); null: every language the workbook has columns for</param>
public sealed class ReviewPage(string workbook, string templates, string? docId, IReadOnlyList<string>? languages = null)
{
    private (string Sha256, ReportingCycle Cycle, Figures Figures)? _model;

    /// <summary>One page, from nothing kept.</summary>
    public static ReviewResult Build(string workbook, string templates, string? docId, string? script = null, IReadOnlyList<string>? languages = null) =>
        new ReviewPage(workbook, templates, docId, languages).Build(script);

    public ReviewResult Build(string? script = null)
    {
        // Every language the workbook has columns for: those built by default, and any other whose columns are all there.
        // Or, asked for, those languages beside the English, the reference every edition is compared with.
        List<string> shown;
        if (languages is not null) shown = [.. Languages.All.Where(l => l == "en" || languages.Contains(l))];
        else
        {
            var read = CycleReader.Read(workbook);
            shown = [.. Languages.All.Where(l => Languages.Default.Contains(l) || !read.AllProblems.Any(p => p.Language == l))];
        }
        var options = new BuildOptions(workbook, "", templates, shown, [], docId);
        var (cycle, figures) = Model(options);
        var composer = new DocumentComposer(templates);
        var differences = new List<(string Doc, ReviewProblem Problem)>();
        var documents = BuildPipeline.Compose(cycle, figures, options, composer,
            (doc, key, problem) => differences.Add((doc, new ReviewProblem(key, problem.Place, problem.Message))));
        var ids = documents.Select(d => d.Spec.DocId).Distinct().ToList();
        var review = ids.Select(id =>
        {
            var editions = documents.Where(d => d.Spec.DocId == id).Select(d => d.Doc).OrderBy(d => IndexOf(d.Language)).ToList();
            return new ReviewDocument(id, editions, differences.Where(d => d.Doc == id).Select(d => d.Problem).Distinct().ToList(), Rows(composer, editions));
        }).ToList();
        return new ReviewResult(HtmlWriter.Review(review, script), ids, review.SelectMany(r => r.Problems).ToList(), shown);
    }

    private (ReportingCycle, Figures) Model(BuildOptions options)
    {
        // The bytes decide, not the file's time: an editor may save twice within the clock's
        // resolution, or touch a file without changing it. Anything but a plain file is left to the
        // reader, which says what is wrong with it.
        string? sha = null;
        if (IO.FileSystem.KindOf(workbook) == IO.FileKind.Regular)
            using (var stream = File.OpenRead(workbook)) sha = Hashing.Sha256(stream);
        if (_model is { } kept && sha is not null && kept.Sha256 == sha) return (kept.Cycle, kept.Figures);
        _model = null; // a workbook with problems is read again next time, and its problems shown again
        var cycle = CycleReader.ReadValid(workbook, options.Languages);
        var figures = FigureCalculator.Compute(cycle);
        if (sha is not null) _model = (sha, cycle, figures);
        return (cycle, figures);
    }

    /// <summary>The editions' parts lined up as the parity check lines them up, so that its problems stand in their rows.</summary>
    private static List<ReviewRow>? Rows(DocumentComposer composer, List<Doc> editions)
    {
        var outlines = new List<LanguageOutline>();
        foreach (var doc in editions)
            if (composer.OutlineOf(doc) is { } outline) outlines.Add(new LanguageOutline(doc.Language, outline));
        return outlines.Count < editions.Count ? null : LanguageParity.Align(outlines).Select(r => new ReviewRow(r.Key, r.Units)).ToList();
    }

    private static int IndexOf(string language)
    {
        int i = Languages.All.ToList().IndexOf(language);
        return i < 0 ? int.MaxValue : i;
    }
}
