using ReportGen.Build;
using ReportGen.Rendering.Html;
using ReportGen.Templating;
using ReportGen.Workbook;

namespace ReportGen.Cli;

/// <summary>What a review made: the page, the documents on it, and the differences between their languages.</summary>
public sealed record ReviewResult(byte[] Page, IReadOnlyList<string> Documents, IReadOnlyList<ReviewProblem> Differences);

/// <summary>
/// Composes the documents in every language (the build's <see cref="BuildPipeline.Compose"/>) and
/// writes the review page. Differences between the languages do not stop it: they are shown where
/// they are. Other problems (the workbook, a template error) are thrown as in a build.
/// </summary>
public static class ReviewPage
{
    public static ReviewResult Build(string workbook, string templates, string? docId, string? script = null)
    {
        var composer = new DocumentComposer(templates);
        var differences = new List<(string Doc, ReviewProblem Problem)>();
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(workbook, "", templates, Model.Languages.All, [], docId), composer,
            (doc, key, problem) => differences.Add((doc, new ReviewProblem(key, problem.Place, problem.Message))));
        var ids = documents.Select(d => d.Spec.DocId).Distinct().ToList();
        var review = ids.Select(id => new ReviewDocument(id,
            documents.Where(d => d.Spec.DocId == id).Select(d => d.Doc).OrderBy(d => IndexOf(d.Language)).ToList(),
            differences.Where(d => d.Doc == id).Select(d => d.Problem).Distinct().ToList())).ToList();
        return new ReviewResult(HtmlWriter.Review(review, script), ids, review.SelectMany(r => r.Problems).ToList());
    }

    private static int IndexOf(string language)
    {
        int i = Model.Languages.All.ToList().IndexOf(language);
        return i < 0 ? int.MaxValue : i;
    }
}

/// <summary>Says which templates folder and fonts a command uses, and whether they are the ones shipped with reportgen.</summary>
public static class UsedFiles
{
    public static string ShippedTemplates => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "templates"));

    /// <summary>"templates: /full/path (…)": which folder, how it was chosen, and whether it is the shipped one.</summary>
    public static string Templates(string folder, string? given)
    {
        string full = Path.GetFullPath(folder);
        bool shipped = string.Equals(full.TrimEnd(Path.DirectorySeparatorChar), ShippedTemplates.TrimEnd(Path.DirectorySeparatorChar),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        string how = shipped ? "the templates shipped with reportgen; to edit, copy them and pass --templates DIR"
            : !string.IsNullOrEmpty(given) ? "given with --templates; not the shipped ones"
            : "./templates of the current folder; not the shipped ones";
        return $"templates: {full} ({how})";
    }

    /// <summary>"fonts: …" for a build's PDFs: each font given, or the bundled one.</summary>
    public static string PdfFonts(Rendering.Pdf.Fonts.FontChoice? choice)
    {
        static string One(string? given, string bundled) => given is null ? $"{bundled} (bundled)" : $"{given} (given)";
        return $"fonts (PDF): latin {One(choice?.Latin, "Liberation Serif")}, song {One(choice?.Song, "AR PL UMing")}, hei {One(choice?.Hei, "WenQuanYi Micro Hei")}";
    }

    /// <summary>The review page's fonts: the browser's, by name.</summary>
    public const string ReviewFonts =
        "fonts: the browser's (the page asks for Liberation Serif, and AR PL UMing and WenQuanYi Micro Hei for Chinese, where installed; the PDF embeds the bundled ones)";
}
