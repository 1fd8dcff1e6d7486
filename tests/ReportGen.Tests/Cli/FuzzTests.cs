using System.Text.RegularExpressions;
using ReportGen.Tests.Support;
using Xunit.Abstractions;

namespace ReportGen.Tests.Cli;

/// <summary>
/// Seeded fuzzing: mutants of the sample workbook, of a template and of built documents give
/// exit 0 or 1, never a stack trace or an internal error, and every problem line has a place;
/// each mutant's kind says whether it must be rejected (<see cref="Expectations"/>).
/// The counts are small here (the suite runs in well under a minute); bench/fuzz.sh runs
/// thousands (REPORTGEN_FUZZ_SCALE multiplies them, REPORTGEN_FUZZ_SEED changes the seed).
/// </summary>
public partial class FuzzTests(ITestOutputHelper log)
{

    private static int Scale => int.TryParse(Environment.GetEnvironmentVariable("REPORTGEN_FUZZ_SCALE"), out int s) && s > 0 ? s : 1;

    private static int FuzzSeed => int.TryParse(Environment.GetEnvironmentVariable("REPORTGEN_FUZZ_SEED"), out int s) ? s : 10;

    [GeneratedRegex(@"^(\d+ problems? found\.|.+: no problems \(.*|wrote .*)$")]
    private static partial Regex Summary();

    // A place, then ": " and a message: Sheet!A12, Sheet, a file (with its part), file:line:column.
    [GeneratedRegex(@"^(?!reportgen:)(?!\s)[^\r\n]+?: \S")]
    private static partial Regex Placed();

    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(30);

    public enum Outcome { Rejected, Accepted, Either }

    /// <summary>
    /// What each kind of mutant must give (first match wins): a mutant that no reader can take (a
    /// cut package, a part the tool reads left malformed or empty, a partial named by a path) is
    /// rejected with a problem; the others may be accepted or rejected by where the change landed.
    /// None may crash (exit 70, a stack trace), whatever its kind.
    /// </summary>
    private static readonly (Regex Kind, Outcome Expected)[] Expectations =
    [
        (new("^(package|pdf) truncated$"), Outcome.Rejected),
        (new(@"^(xml truncated|markup broken|part emptied) in xl/(workbook\.xml|_rels/workbook\.xml\.rels|sharedStrings\.xml|worksheets/sheet\d+\.xml)$"), Outcome.Rejected),
        (new("^partial by path inserted$"), Outcome.Rejected),
        (new(""), Outcome.Either),
    ];

    private int _mustReject; // the mutants of this test whose kind must be rejected

    private static Outcome Expected(string kind) => Expectations.First(e => e.Kind.IsMatch(kind)).Expected;

    /// <summary>Runs one case with a time limit and asserts the contract on what it printed and the outcome its kind expects.</summary>
    private async Task<int> RunCase(string what, string kind, params string[] args)
    {
        var (code, output, error) = await Task.Run(() => CliTests.Run(args)).WaitAsync(PerCase);
        string all = output + error;
        Assert.True(code is 0 or 1, $"{what} ({kind}): exit {code}\n{all}");
        Assert.DoesNotContain("   at ", all);
        Assert.DoesNotContain("internal error", all);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Concat(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (code == 1)
        {
            Assert.True(lines.Any(l => !Summary().IsMatch(l)), $"{what} ({kind}): exit 1 without a problem");
            if (args[0] != "diff")
                foreach (string line in lines)
                    Assert.True(Summary().IsMatch(line) || Placed().IsMatch(line), $"{what}: a line without its place: {line}");
        }
        var expected = Expected(kind);
        if (expected == Outcome.Rejected) _mustReject++;
        Assert.True(expected == Outcome.Either || (expected == Outcome.Rejected) == (code == 1),
            $"{what} ({kind}): expected {expected}, got exit {code}\n{all}");
        return code;
    }

    [Fact]
    public async Task Mutated_workbooks_give_exit_0_or_1_with_a_place_on_every_problem()
    {
        using var dir = new TempDir();
        var mutator = new Mutator(FuzzSeed);
        byte[] seed = File.ReadAllBytes(Repo.Seed);
        int count = 300 * Scale;
        var codes = new int[2];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            byte[] mutant = i % 2 == 0 ? mutator.Package(seed) : mutator.PackagePart(seed);
            string path = dir.File($"m{i % 8}.xlsx");
            File.WriteAllBytes(path, mutant);
            codes[await RunCase($"workbook mutant {i} (seed {FuzzSeed})", mutator.Kind, "check", path, "--templates", Repo.Path("templates"))]++;
        }
        log.WriteLine($"{count} workbook mutants in {clock.Elapsed.TotalSeconds:0.0} s: {codes[0]} exit 0, {codes[1]} exit 1, {_mustReject} of a kind that must be rejected");
        Assert.True(_mustReject > 0, "no workbook mutant was of a kind that must be rejected: the table of expectations went untested");
    }

    [Fact]
    public async Task Mutated_templates_give_exit_0_or_1_with_a_place_on_every_problem()
    {
        using var dir = new TempDir();
        BuildCommandTests.CopyFolder(Repo.Path("templates"), dir.File("templates"));
        string file = dir.File("templates/en/annual-report-summary.md.hbs");
        string original = File.ReadAllText(file);
        var mutator = new Mutator(FuzzSeed + 1);
        int count = 40 * Scale;
        var codes = new int[2];
        for (int i = 0; i < count; i++)
        {
            string text = original;
            var kinds = new List<string>();
            for (int k = 0, n = 1 + i % 3; k < n; k++) { text = mutator.Template(text); kinds.Add(mutator.Kind); }
            File.WriteAllBytes(file, System.Text.Encoding.UTF8.GetBytes(text)); // lone surrogates become U+FFFD
            codes[await RunCase($"template mutant {i} (seed {FuzzSeed})", string.Join(" then ", kinds), "check", Repo.Seed, "--lang", "en", "--templates", dir.File("templates"))]++;
        }
        log.WriteLine($"{count} template mutants: {codes[0]} exit 0, {codes[1]} exit 1, {_mustReject} of a kind that must be rejected");
    }

    [Fact]
    public async Task Mutated_documents_give_diff_exit_0_or_1()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"), "--lang", "en",
            "--doc", "annual-report-summary").Code);
        byte[] pdf = File.ReadAllBytes(dir.File("out/annual-report-summary.en.pdf"));
        byte[] docx = File.ReadAllBytes(dir.File("out/annual-report-summary.en.docx"));
        var mutator = new Mutator(FuzzSeed + 2);
        int count = 30 * Scale;
        var codes = new int[2];
        for (int i = 0; i < count; i++)
        {
            File.WriteAllBytes(dir.File("m.pdf"), mutator.Pdf(pdf));
            codes[await RunCase($"PDF mutant {i} (seed {FuzzSeed})", mutator.Kind, "diff", dir.File("out/annual-report-summary.en.pdf"), dir.File("m.pdf"))]++;
            File.WriteAllBytes(dir.File("m.docx"), i % 2 == 0 ? mutator.Package(docx) : mutator.PackagePart(docx));
            codes[await RunCase($"DOCX mutant {i} (seed {FuzzSeed})", mutator.Kind, "diff", dir.File("out/annual-report-summary.en.docx"), dir.File("m.docx"))]++;
        }
        log.WriteLine($"{2 * count} document mutants for diff: {codes[0]} exit 0, {codes[1]} exit 1, {_mustReject} of a kind that must be rejected");
        Assert.True(_mustReject > 0, "no document mutant was of a kind that must be rejected: the table of expectations went untested");
    }
}
