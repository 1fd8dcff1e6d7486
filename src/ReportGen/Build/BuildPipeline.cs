using ReportGen.Analysis;
using ReportGen.Audit;
using ReportGen.Document;
using ReportGen.Model;
using ReportGen.Rendering.Docx;
using ReportGen.Rendering.Pdf;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Templating;

namespace ReportGen.Build;

public sealed record BuildOptions(string Workbook, string OutputFolder, string TemplatesFolder, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Formats, string? DocumentId, FontChoice? Fonts = null);

/// <summary>A build asked for something the workbook does not have (a document id): the command line's to fix.</summary>
public sealed class BuildRequestException(string message) : Exception(message);

/// <summary>One output of a build: its file name and bytes.</summary>
public sealed record BuildOutput(string FileName, byte[] Bytes);

/// <summary>
/// Runs the pipeline: workbook → model → figures → templates → document model → writers.
/// Everything is built in memory first and every problem collected; files are written only
/// when the whole build succeeded, through a temporary folder, so a failed build leaves the
/// output folder as it was.
/// </summary>
public static class BuildPipeline
{
    /// <param name="parity">when given, the languages' differences are told to it (the document, the
    /// part's key, the problem) instead of failing the build: the review page shows them where they are</param>
    /// <remarks>Runs the whole <see cref="Validation"/>: a PDF in <see cref="BuildOptions.Formats"/> has its fonts checked too.</remarks>
    public static (ReportingCycle Cycle, Figures Figures, List<ComposedDocument> Documents) Compose(BuildOptions options, DocumentComposer? composer = null,
        Action<string, string, Problem>? parity = null) =>
        Compose(options, composer, parity, composed: null, Validation.NeedsFonts(options) ? () => FontSet.Load(options.Fonts) : null);

    private static (ReportingCycle Cycle, Figures Figures, List<ComposedDocument> Documents) Compose(BuildOptions options, DocumentComposer? composer,
        Action<string, string, Problem>? parity, Action<DocumentSpec, Doc>? composed, Func<FontSet>? fonts) =>
        Validation.Compose(options, composer ??= new DocumentComposer(options.TemplatesFolder),
            (cycle, figures) => Compose(cycle, figures, options, composer, parity, composed), fonts);

    /// <summary>The documents of a cycle already read (the review page's watch mode keeps it while the workbook is unchanged).</summary>
    public static List<ComposedDocument> Compose(ReportingCycle cycle, Figures figures, BuildOptions options, DocumentComposer? composer = null,
        Action<string, string, Problem>? parity = null) => Compose(cycle, figures, options, composer, parity, composed: null);

    /// <param name="composed">told of each document as soon as it is composed (a build starts writing it while the next is composed)</param>
    private static List<ComposedDocument> Compose(ReportingCycle cycle, Figures figures, BuildOptions options, DocumentComposer? composer,
        Action<string, string, Problem>? parity, Action<DocumentSpec, Doc>? composed)
    {
        var specs = cycle.Documents.Where(d => options.DocumentId is null || d.DocId == options.DocumentId).ToList();
        if (specs.Count == 0)
            throw new BuildRequestException($"no document '{options.DocumentId}' in the Documents sheet (documents: {string.Join(", ", cycle.Documents.Select(d => d.DocId))})");
        if (!Directory.Exists(options.TemplatesFolder))
            throw new InputException(new Problem(options.TemplatesFolder, "templates folder not found (use --templates DIR)"));
        composer ??= new DocumentComposer(options.TemplatesFolder);
        var problems = new List<Problem>();
        var documents = new List<ComposedDocument>();
        foreach (var spec in specs)
        {
            var outlines = new List<LanguageOutline>();
            foreach (string language in Languages.All.Where(options.Languages.Contains))
                if (composer.TryCompose(cycle, figures, spec, language, problems) is { } doc)
                {
                    documents.Add(new ComposedDocument(spec, doc));
                    composed?.Invoke(spec, doc);
                    if (composer.OutlineOf(doc) is { } outline) outlines.Add(new LanguageOutline(language, outline));
                }
            // The languages must say the same thing in the same places (checked when more than one is built).
            if (outlines.Count == options.Languages.Count)
            {
                // Numbers typed in a template first: each is placed at its file:line:col, and the figure it stands for is not reported again.
                var typed = TypedNumberCheck.Compare(outlines, parity is null ? null : (key, problem) => parity(spec.DocId, key, problem));
                var differences = LanguageParity.Compare(spec.DocId, typed.Outlines, language => composer.DisplayPath(language, spec.Template),
                    parity is null ? null : (key, problem) => parity(spec.DocId, key, problem));
                if (parity is null) problems.AddRange([.. typed.Problems, .. differences]);
            }
        }
        if (problems.Count > 0) throw new InputException(problems.Distinct().ToList());
        return documents;
    }

    /// <param name="progress">called as each file starts</param>
    /// <param name="rendered">called as each file is done, with its page count (PDF)</param>
    /// <exception cref="UnknownFormatException">A format of <see cref="BuildOptions.Formats"/> no writer has (<see cref="DocumentWriters"/>).</exception>
    public static List<BuildOutput> Render(BuildOptions options, Action<string>? progress = null, Action<string, int?>? rendered = null) =>
        Render(options, progress, rendered, Warmup.Mode.Background);

    /// <param name="warmup">the tests' seam: a build warms up in the background; tests build without it or with it run to completion first</param>
    internal static List<BuildOutput> Render(BuildOptions options, Action<string>? progress, Action<string, int?>? rendered, Warmup.Mode warmup)
    {
        var formats = DocumentWriters.For(options.Formats); // before any work: an unknown format is the caller's to fix
        var composer = new DocumentComposer(options.TemplatesFolder);
        // One document's template compiles while the workbook is read (in a build of every document,
        // the second core has the files of the first documents to write by then: measured, no gain).
        if (options.DocumentId is { } document) composer.Precompile(Languages.All.Where(options.Languages.Contains), document);
        // The fonts load (tens of MB read, the faces rebuilt and hashed) while the documents are composed.
        var loadingFonts = Validation.NeedsFonts(options) ? OnThread(() => FontSet.Load(options.Fonts), "reportgen fonts") : null;
        // The writers' first use (types loaded, methods compiled) is paid on the idle core meanwhile.
        Warmup.Start(options, loadingFonts, warmup);
        // Each document's files are written as soon as it is composed: one writer beside the composing
        // thread, which joins as a second writer when everything is composed (on 2 cores, the second
        // core would otherwise wait for the last document to be composed).
        var writers = new FileWriters(formats, loadingFonts, progress, rendered);
        Figures figures;
        List<ComposedDocument> documents;
        try
        {
            (_, figures, documents) = Compose(options, composer, parity: null, composed: writers.Add,
                loadingFonts is null ? null : () => loadingFonts.GetAwaiter().GetResult()); // a FontException as itself, not wrapped
        }
        catch
        {
            writers.Abandon();
            throw;
        }
        // What needs no written file is made while the writers finish (after one document, the
        // composing thread would only wait for them).
        var utf8 = new System.Text.UTF8Encoding(false);
        byte[] figuresJson = utf8.GetBytes(figures.ToJson());
        var workbookHash = new FileHash(Path.GetFileName(options.Workbook), Hashing.Sha256(options.Workbook));
        var templateHashes = composer.FileHashes;
        // Every file is written on its own (the writers share nothing but the fonts, read-only); the
        // results go in a fixed order whatever the order they finish in; a failure is reported as
        // itself (not wrapped), the first in file order, as without threads.
        var (jobs, resolved) = writers.Finish();
        FontSet? fonts = loadingFonts?.GetAwaiter().GetResult(); // a FontException as itself, not wrapped
        var outputs = new List<BuildOutput>();
        var pages = new Dictionary<string, int>();
        foreach (var job in jobs)
        {
            outputs.Add(new BuildOutput(job.Name, job.Bytes));
            if (job.Pages is int count) pages[job.Name] = count;
        }
        var traces = documents.Select((d, n) => TraceFile.For(d.Spec.DocId, resolved[n],
            jobs.Where(j => ReferenceEquals(j.Doc, d.Doc)).Select(j => j.Name).ToList())).ToList();
        outputs.Add(new BuildOutput("figures.json", figuresJson));
        outputs.Add(new BuildOutput(TraceFile.FileName, utf8.GetBytes(new TraceFile(traces).ToJson())));
        var manifest = new Manifest(
            Manifest.Tool(),
            workbookHash,
            templateHashes,
            fonts is null ? [] : FontHashes(fonts),
            new BuildSettings(options.Languages, options.Formats, documents.Select(d => d.Spec.DocId).Distinct().ToList(),
                options.Fonts is { } f && (f.Latin ?? f.Song ?? f.Hei) is not null ? $"latin={f.Latin}; song={f.Song}; hei={f.Hei}" : null),
            outputs.Select(o => new OutputEntry(o.FileName, Hashing.Sha256(o.Bytes), o.Bytes.Length, pages.TryGetValue(o.FileName, out int p) ? p : null)).ToList())
        {
            Date = documents.Count == 0 ? null : documents.Select(d => d.Spec).Max(DocumentDate)!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        outputs.Add(new BuildOutput(Manifest.FileName, utf8.GetBytes(manifest.ToJson())));
        return outputs;
    }

    /// <summary>
    /// Runs work on a thread of its own. Not the thread pool: a build uses no other pool work, and
    /// starting the pool costs the build's thread about 10 ms in a cold process.
    /// </summary>
    private static Task<T> OnThread<T>(Func<T> work, string name) where T : class
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        }) { IsBackground = true, Name = name }.Start();
        return done.Task;
    }

    private static readonly IComparer<DocumentSpec> DocumentDate = Comparer<DocumentSpec>.Create((a, b) => a.Date.CompareTo(b.Date));

    private static List<FontHash> FontHashes(FontSet fonts)
    {
        var hashes = new List<FontHash>();
        void Add(string role, TrueTypeFace? face)
        {
            if (face is not null) hashes.Add(new FontHash(role, face.FullName, face.Sha256));
        }
        Add("latin", fonts.Latin);
        Add("latin bold", fonts.LatinBold);
        Add("latin italic", fonts.LatinItalic);
        Add("latin bold italic", fonts.LatinBoldItalic);
        Add("song", fonts.Song);
        Add("song fallback", fonts.SongFallback);
        Add("hei", fonts.Hei);
        return hashes;
    }

    /// <summary>Replaces the output folder with the build's outputs as a unit (see <see cref="OutputFolder"/>).</summary>
    public static void Publish(string folder, IReadOnlyList<BuildOutput> outputs) => OutputFolder.Publish(folder, outputs);
}

/// <summary>A document composed, with the row of the Documents sheet it is composed for. A class, not a tuple: generic code over tuples is JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</summary>
public sealed record ComposedDocument(DocumentSpec Spec, Doc Doc);
