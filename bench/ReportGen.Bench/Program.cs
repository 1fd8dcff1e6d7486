using System.Diagnostics;
using System.Globalization;
using ReportGen.Analysis;
using ReportGen.Sample;
using ReportGen.Workbook;

// ReportGen benchmarks. Usage:
//   dotnet run -c Release --project bench/ReportGen.Bench -- workbook [--projects 100000] [--runs 3]
// Reports, per run, the time to read and validate the workbook and to compute the figures,
// and the process's peak working set. Aims: under 2 s and 500 MB for 100,000 projects.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string command = args.FirstOrDefault() ?? "workbook";
int projects = IntOption("--projects", 100_000);
int runs = IntOption("--runs", 3);

switch (command)
{
    case "workbook": WorkbookBenchmark(projects, runs); break;
    default: Console.Error.WriteLine($"unknown benchmark '{command}' (known: workbook)"); return 2;
}
return 0;

int IntOption(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
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

/// <summary>The sample workbook with its Projects sheet replaced by N generated projects (deterministic).</summary>
static class LargeWorkbook
{
    public static void Write(string path, int count) =>
        WorkbookWriter.Write(path, SampleWorkbook.Sheets().Select(s => s.Name == "Projects" ? s with { Rows = Projects(count) } : s));

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
