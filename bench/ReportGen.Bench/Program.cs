using System.Diagnostics;
using System.Globalization;
using ReportGen.Packaging;
using ReportGen.Analysis;
using ReportGen.Build;
using ReportGen.Model;
using ReportGen.Document;
using ReportGen.Rendering.Pdf;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Templating;
using ReportGen.Sample;
using ReportGen.Workbook;

// ReportGen benchmarks. Usage:
//   dotnet run -c Release --project bench/ReportGen.Bench -- workbook [--projects 100000] [--runs 3]
//   dotnet run -c Release --project bench/ReportGen.Bench -- pdf [--pages 500] [--runs 3] [--large-only] [--allocations] [--write DIR]
//   dotnet run -c Release --project bench/ReportGen.Bench -- export --out DIR [--pages 500]
//   dotnet run -c Release --project bench/ReportGen.Bench -- rebuild [--runs 11]
// workbook: time to read and validate the workbook and to compute the figures, and peak memory
// (aim: under 2 s and 500 MB for 100,000 projects).
// pdf: pages per second for the four sample PDFs and for a generated document of about 500 pages,
// and peak memory (aim: 450 pages per second or more warm; under 300 MB at 2,000 pages); with
// --large-only, the generated document alone (for its peak memory). Every run after the first is
// warm; the medians of the warm runs are printed last. --allocations samples what is allocated, by type.
// --write DIR keeps the PDFs of the first run (to compare two builds' output: pdfinfo -struct-text, qpdf).
// rebuild: the review page's watch mode: in a running process, the time from a template saved to
// the review page of the portfolio analysis rebuilt (both languages composed, compared and
// written as HTML; the workbook's model kept); median of the rebuilds after the first (aim:
// 100 ms). Then, for comparison, the Chinese document's PDF and DOCX rebuilt in a running process.
// export: the sample documents and the generated one as Markdown (for pandoc) and Typst markup,
// for bench/peers.sh.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string command = args.FirstOrDefault() ?? "workbook";
int projects = IntOption("--projects", 100_000);
int runs = IntOption("--runs", 3);

switch (command)
{
    case "workbook": WorkbookBenchmark(projects, runs); break;
    case "pdf": PdfBenchmark(IntOption("--pages", 500), runs, args.Contains("--large-only"), args.Contains("--allocations"), StringOption("--write", "")); break;
    case "export": Export(StringOption("--out", "peers"), IntOption("--pages", 500)); break;
    case "rebuild": RebuildBenchmark(Math.Max(runs, 5)); break;
    default: Console.Error.WriteLine($"unknown benchmark '{command}' (known: workbook, pdf, export)"); return 2;
}
return 0;

int IntOption(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string StringOption(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static double Median(List<double> values)
{
    if (values.Count == 0) return double.NaN;
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static void Export(string folder, int pages)
{
    string root = FindRoot();
    Directory.CreateDirectory(folder);
    var docs = SampleDocuments(root).Select(d => ($"{d.Spec.DocId}.{d.Doc.Language}", d.Doc)).ToList();
    docs.Add(($"generated-{pages}", LargeDocument.Make(pages)));
    foreach (var (name, doc) in docs)
    {
        File.WriteAllText(Path.Combine(folder, name + ".md"), PeerExport.Markdown(doc));
        File.WriteAllText(Path.Combine(folder, name + ".typ"), PeerExport.Typst(doc));
    }
    Console.WriteLine($"wrote {docs.Count} documents as .md and .typ to {folder}");
}

// The sample's documents in both languages, composed by the library's pipeline (as a build does).
static List<ComposedDocument> SampleDocuments(string root) =>
    BuildPipeline.Compose(new BuildOptions(Path.Combine(root, "seeds", "unhabitat-2020-2021.xlsx"), "unused", Path.Combine(root, "templates"), ["en", "zh"], ["pdf"], null)).Documents;

static void RebuildBenchmark(int runs)
{
    string root = FindRoot();
    string workbook = Path.Combine(root, "seeds", "unhabitat-2020-2021.xlsx");

    // The review page's watch mode, as `reportgen review --watch` runs it: one ReviewPage kept for
    // the session, a template saved (a comment changed, so its bytes differ), the page rebuilt.
    string templates = Path.Combine(Path.GetTempPath(), $"reportgen-bench-templates-{Environment.ProcessId}");
    CopyFolder(Path.Combine(root, "templates"), templates);
    try
    {
        var review = new ReportGen.Build.ReviewPage(workbook, templates, "portfolio-analysis");
        string saved = Path.Combine(templates, "zh", "portfolio-analysis.md.hbs");
        string original = File.ReadAllText(saved);
        var times = new List<double>();
        for (int run = 0; run <= runs; run++)
        {
            File.WriteAllText(saved, original + $"{{{{!-- saved {run} --}}}}\n");
            var sw = Stopwatch.StartNew();
            int bytes = review.Build().Page.Length;
            double ms = sw.Elapsed.TotalMilliseconds;
            if (run > 1) times.Add(ms); // run 0 reads the workbook; run 1 is the first rebuild, still compiling code
            Console.WriteLine($"review page, {(run == 0 ? "first build (workbook read)" : "template saved")}: {ms:F0} ms ({bytes / 1024} KB)");
        }
        Console.WriteLine($"watch mode: median of {times.Count} rebuilds after a template saved: {Median(times):F0} ms (aim: 100 ms)");
    }
    finally { Directory.Delete(templates, recursive: true); }

    // The same document's PDF and DOCX rebuilt in a running process, for comparison.
    var cycle = CycleReader.ReadValid(workbook);
    var figures = FigureCalculator.Compute(cycle);
    var spec = cycle.Documents.First(d => d.DocId == "portfolio-analysis");
    var fonts = FontSet.Load();
    var fileTimes = new List<double>();
    for (int run = 1; run <= runs; run++)
    {
        var sw = Stopwatch.StartNew();
        var doc = new DocumentComposer(Path.Combine(root, "templates")).Compose(cycle, figures, spec, "zh"); // the template read anew
        double compose = sw.Elapsed.TotalMilliseconds;
        var (pdf, pages) = PdfWriter.Write(doc, fonts);
        double pdfTime = sw.Elapsed.TotalMilliseconds - compose;
        byte[] docx = ReportGen.Rendering.Docx.DocxWriter.Write(doc);
        double total = sw.Elapsed.TotalMilliseconds;
        if (run > 1) fileTimes.Add(total);
        Console.WriteLine($"files, run {run}: {total:F0} ms (template {compose:F0} ms, PDF {pages} pages {pdfTime:F0} ms, DOCX {total - compose - pdfTime:F0} ms)");
    }
    Console.WriteLine($"files: median of {fileTimes.Count} warm runs: {Median(fileTimes):F0} ms");
}

static void CopyFolder(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        string target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}

static void WorkbookBenchmark(int projects, int runs)
{
    string path = Path.Combine(Path.GetTempPath(), $"reportgen-bench-{projects}.xlsx");
    var sw = Stopwatch.StartNew();
    LargeWorkbook.Write(path, projects);
    Console.WriteLine($"generated {projects:N0} projects in {sw.Elapsed.TotalSeconds:F2} s ({new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB): {path}");
    for (int run = 1; run <= runs; run++)
    {
        GC.Collect();
        sw.Restart();
        var cycle = CycleReader.ReadValid(path);
        double read = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var figures = FigureCalculator.Compute(cycle);
        double analyse = sw.Elapsed.TotalSeconds;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"run {run}: read+validate {read:F2} s, analyse {analyse:F2} s, total {read + analyse:F2} s, " +
                          $"peak working set {peak / 1024.0 / 1024.0:F0} MB ({figures.Portfolio.TotalProjects:N0} projects)");
    }
}

static void PdfBenchmark(int pages, int runs, bool largeOnly, bool allocations, string write)
{
    string root = FindRoot();
    var composed = SampleDocuments(root);
    var samples = composed.Select(d => d.Doc).ToList();
    var sw = Stopwatch.StartNew();
    var fonts = FontSet.Load();
    Console.WriteLine($"fonts loaded in {sw.Elapsed.TotalSeconds:F2} s");
    var large = LargeDocument.Make(pages);
    GC.Collect();
    // What the process holds before any PDF is written (the workbook, templates, the composed
    // documents, fonts): the writer's own peak is the difference.
    Console.WriteLine($"before writing: working set {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0:F0} MB, " +
                      $"managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MB");
    var sampleRates = new List<double>();
    var largeRates = new List<double>();
    using var sampler = allocations ? new AllocationSampler() : null;
    for (int run = 1; run <= runs; run++)
    {
        int samplePages = 0;
        double sampleTime = 0;
        if (!largeOnly)
        {
            sw.Restart();
            var written = samples.Select(d => PdfWriter.Write(d, fonts)).ToList();
            sampleTime = sw.Elapsed.TotalSeconds;
            samplePages = written.Sum(w => w.Pages);
            if (run == 1 && write.Length > 0)
                for (int i = 0; i < written.Count; i++)
                    File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(write).FullName, $"{composed[i].Spec.DocId}.{composed[i].Doc.Language}.pdf"), written[i].Bytes);
        }
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        sw.Restart();
        var (bytes, largePages) = PdfWriter.Write(large, fonts);
        double largeTime = sw.Elapsed.TotalSeconds;
        if (run == 1 && write.Length > 0) File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(write).FullName, $"generated-{pages}.pdf"), bytes);
        double gcPause = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
        // CPU time of the process (all threads, the GC's too): steadier than wall time on a busy machine.
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        double allocatedMb = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / 1024.0;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        if (run > 1 || runs == 1)
        {
            if (!largeOnly) sampleRates.Add(samplePages / sampleTime);
            largeRates.Add(largePages / largeTime);
        }
        Console.WriteLine($"run {run}: " + (largeOnly ? "" : $"four sample PDFs, {samplePages} pages in {sampleTime:F2} s ({samplePages / sampleTime:F0} pages/s); ") +
                          $"generated document, {largePages} pages in {largeTime:F2} s ({largePages / largeTime:F0} pages/s, {bytes.Length / 1024} KB; " +
                          $"CPU {cpu:F2} s, GC pauses {gcPause:F2} s, {allocatedMb:F0} MB allocated); " +
                          $"peak working set {peak / 1024.0 / 1024.0:F0} MB");
    }
    sampler?.Print();
    Console.WriteLine($"median of {largeRates.Count} warm runs: " + (largeOnly ? "" : $"samples {Median(sampleRates):F0} pages/s; ") +
                      $"generated document {Median(largeRates):F0} pages/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportGen.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from the repository");
}

/// <summary>A long bilingual document: chapters of numbered paragraphs (Chinese and English), sub-items, footnotes and long tables.</summary>
static class LargeDocument
{
    public static Doc Make(int pages)
    {
        var blocks = new List<Block>();
        int paragraph = 0;
        const string zh = "人居署的规范工作与业务工作之间的联系日益紧密，2021 年审查的项目中有 41% 涵盖全部 4 个变革领域，而 2020 年为 11%。";
        const string en = "The analysis of the project portfolio shows how projects aimed at one outcome of the strategic plan also serve the others, and where targets could be set for the rest of the plan period.";
        for (int chapter = 1; paragraph < pages * 6.3; chapter++)
        {
            blocks.Add(new Heading(1, Numbering.Roman(chapter) + ".", Inlines.Of($"Chapter {chapter} 第 {chapter} 章")));
            for (int i = 0; i < 20; i++)
            {
                var content = new List<Inline> { new Text((i % 2 == 0 ? zh : en) + " " + (i % 2 == 0 ? en : zh)) };
                if (i % 7 == 0) content.Add(new FootnoteRef(new Footnote(null, Inlines.Of($"Note on paragraph {paragraph + 1}: source HSP/EB.2021/19."))));
                ++paragraph;
                blocks.Add(new Paragraph(true, content));
                if (i % 5 == 4)
                    blocks.Add(new SubItems(1, [new SubItem([new Paragraph(false, Inlines.Of(en))]), new SubItem([new Paragraph(false, Inlines.Of(zh))])]));
            }
            var header = new List<IReadOnlyList<TableCell>> { new[] { "Indicator 指标", "Baseline", "Target", "Actual" }.Select(t => new TableCell(Inlines.Of(t))).ToList() };
            var rows = Enumerable.Range(1, 40).Select(r => (IReadOnlyList<TableCell>)new[] { $"{chapter}.{r} 受益城市 Cities served", "10", "20", "18" }
                .Select(t => new TableCell(Inlines.Of(t), Alignment.Right)).ToList()).ToList();
            blocks.Add(new Table(header, rows, [30, 8, 8, 8]));
        }
        var masthead = new Masthead("HSP/EB.2021/BENCH", "Distr.: General", "4 October 2021", "", "Original: English", "Executive Board", "Second session of 2021",
            "Nairobi, 15 and 16 November 2021", "Item 6 of the provisional agenda", "", new Footnote("*", Inlines.Of("HSP/EB.2021/12.")), "Benchmark",
            "A long generated document 一份生成的长文件", "Benchmark", [], "United Nations", "HSP/EB.2021/BENCH") { Date = new DateOnly(2021, 10, 4) };
        return new Doc(masthead, blocks, "en");
    }
}

/// <summary>The sample workbook with its Projects sheet replaced by N generated projects (deterministic).</summary>
static class LargeWorkbook
{
    public static void Write(string path, int count) =>
        SpreadsheetWriter.Write(path, SampleWorkbook.Sheets().Select(s => s.Name == "Projects" ? s with { Rows = Projects(count) } : s));

    private static readonly string[] Outcomes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"];
    private static readonly string[] Regions = ["AFR", "ARB", "ASP", "EUR", "GLO", "LAC"];

    private static IEnumerable<object?[]> Projects(int count)
    {
        ulong state = 0x9E3779B97F4A7C15;
        int Next(int n)
        {
            state = state * 6364136223846793005 + 1442695040888963407;
            return (int)((state >> 33) % (ulong)n);
        }
        for (int i = 0; i < count; i++)
        {
            int primary = Next(Outcomes.Length);
            var secondary = Enumerable.Range(0, Next(4)).Select(_ => Next(Outcomes.Length)).Where(s => s != primary).Distinct()
                .Select(s => Outcomes[s]);
            yield return
            [
                $"P{i + 1:000000}", 2020 + Next(2), $"Generated project {i + 1} on outcome {Outcomes[primary]}",
                Regions[Next(Regions.Length)], "Country", double.Parse(Outcomes[primary], CultureInfo.InvariantCulture),
                string.Join("; ", secondary), Next(5) == 0, 10_000.0 * (10 + Next(300)), Next(10) == 0 ? $"FP{1 + Next(5)}" : null,
            ];
        }
    }
}
