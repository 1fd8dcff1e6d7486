using ReportGen.Analysis;
using ReportGen.Document;
using ReportGen.Model;
using ReportGen.Rendering.Docx;
using ReportGen.Rendering.Pdf;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Templating;
using ReportGen.Workbook;

namespace ReportGen.Cli;

public sealed record BuildOptions(string Workbook, string OutputFolder, string TemplatesFolder, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Formats, string? DocumentId, FontChoice? Fonts = null);

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
    public static readonly IReadOnlyList<string> KnownFormats = ["docx", "pdf"];
    public static readonly IReadOnlyList<string> AvailableFormats = ["docx", "pdf"];

    public static (ReportingCycle Cycle, Figures Figures, List<(DocumentSpec Spec, Doc Doc)> Documents) Compose(BuildOptions options)
    {
        var cycle = CycleReader.ReadValid(options.Workbook, options.Languages);
        var figures = FigureCalculator.Compute(cycle);
        var specs = cycle.Documents.Where(d => options.DocumentId is null || d.DocId == options.DocumentId).ToList();
        if (specs.Count == 0)
            throw new UsageException($"no document '{options.DocumentId}' in the Documents sheet (documents: {string.Join(", ", cycle.Documents.Select(d => d.DocId))})");
        if (!Directory.Exists(options.TemplatesFolder))
            throw new InputException(new Problem(options.TemplatesFolder, "templates folder not found (use --templates DIR)"));
        var composer = new DocumentComposer(options.TemplatesFolder);
        var problems = new List<Problem>();
        var documents = new List<(DocumentSpec, Doc)>();
        foreach (var spec in specs)
            foreach (string language in options.Languages)
                if (composer.TryCompose(cycle, figures, spec, language, problems) is { } doc) documents.Add((spec, doc));
        if (problems.Count > 0) throw new InputException(problems.Distinct().ToList());
        return (cycle, figures, documents);
    }

    public static List<BuildOutput> Render(BuildOptions options, Action<string>? progress = null)
    {
        var (_, figures, documents) = Compose(options);
        var outputs = new List<BuildOutput>();
        foreach (var (spec, doc) in documents)
            foreach (string format in options.Formats)
            {
                string name = $"{spec.DocId}.{doc.Language}.{format}";
                progress?.Invoke(name);
                outputs.Add(new BuildOutput(name, format switch
                {
                    "docx" => DocxWriter.Write(doc),
                    "pdf" => PdfWriter.Write(doc, FontSet.Load(options.Fonts)).Bytes,
                    _ => throw new UsageException($"format '{format}' is not available yet"),
                }));
            }
        outputs.Add(new BuildOutput("figures.json", new System.Text.UTF8Encoding(false).GetBytes(figures.ToJson())));
        return outputs;
    }

    /// <summary>Writes all outputs into the folder at once: first to a temporary sibling folder, then moved in.</summary>
    public static void Publish(string folder, IReadOnlyList<BuildOutput> outputs)
    {
        string target = Path.GetFullPath(folder);
        string staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".tmp-" + Environment.ProcessId;
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var output in outputs) File.WriteAllBytes(Path.Combine(staging, output.FileName), output.Bytes);
            Directory.CreateDirectory(target);
            foreach (var output in outputs)
                File.Move(Path.Combine(staging, output.FileName), Path.Combine(target, output.FileName), overwrite: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
