using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Architecture;

/// <summary>
/// A stage (a folder of src/ReportGen and its namespace) uses only the stages before it in
/// <see cref="StageOrder.Stages"/>, by a using directive or by a qualified name alike, so no cycle
/// can hide behind <c>Audit.FileHash</c> or <c>global::ReportGen.Build.X</c>.
/// </summary>
public class StageOrderTests
{
    [Fact]
    public void Every_stage_uses_only_the_stages_before_it()
    {
        var sources = StageOrder.LibrarySources();
        var violations = StageOrder.Violations(sources);
        Assert.True(violations.Count == 0, "a stage uses a later one (README, Layout, gives the order):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_of_the_library_is_a_stage_of_the_order_and_declares_its_namespace()
    {
        string root = Repo.Path("src", "ReportGen");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(StageOrder.Stages.Order(StringComparer.Ordinal), folders);
        Assert.Empty(Directory.GetFiles(root, "*.cs"));

        var wrong = StageOrder.LibrarySources()
            .Where(s => !Regex.IsMatch(s.Text, $@"^namespace ReportGen\.{s.Stage}(\.\w+)*;", RegexOptions.Multiline))
            .Select(s => s.Path).ToList();
        Assert.True(wrong.Count == 0, "not in its folder's namespace:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_manual_states_the_same_order()
    {
        string readme = File.ReadAllText(Repo.Path("README.md"));
        Assert.Contains("Dependency order: " + string.Join(" → ", StageOrder.Stages.Select(s => $"`{s}`")) + ".", readme);
    }

    // The checker itself, on planted sources: each way of naming a later stage is caught.

    private static readonly Dictionary<string, HashSet<string>> Declared = new()
    {
        ["Audit"] = ["FileHash", "Manifest"],
        ["Build"] = ["BuildPipeline"],
        ["Charts"] = ["Palette"],
        ["Document"] = ["Anchors"],
        ["Rendering"] = ["Pdf"],
    };

    private static List<string> Check(string stage, string text) =>
        StageOrder.Violations([new StageOrder.Source($"{stage}/Planted.cs", stage, text)], Declared);

    [Theory]
    [InlineData("using ReportGen.Build;\nnamespace ReportGen.Workbook;", "Workbook/Planted.cs:1 uses Build (ReportGen.Build)")]
    [InlineData("using static ReportGen.Audit.Manifest;\nnamespace ReportGen.Workbook;", "Workbook/Planted.cs:1 uses Audit (ReportGen.Audit)")]
    [InlineData("using Hash = global::ReportGen.Audit.FileHash;\nnamespace ReportGen.Workbook;", "Workbook/Planted.cs:1 uses Audit (global::ReportGen.Audit)")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { object F => new Audit.FileHash(\"a\", \"b\"); }", "Workbook/Planted.cs:2 uses Audit (Audit.FileHash)")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { object F => global::ReportGen.Build.BuildPipeline.Run(); }", "Workbook/Planted.cs:2 uses Build (global::ReportGen.Build)")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { object F => ReportGen.Build.BuildPipeline.Run(); }", "Workbook/Planted.cs:2 uses Build (ReportGen.Build)")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { string F => $\"{Audit.Manifest.Sha256(x)}\"; }", "Workbook/Planted.cs:2 uses Audit (Audit.Manifest)")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { string F => $@\"{{x}} {Rendering.Pdf.Fonts.X}\"; }", "Workbook/Planted.cs:2 uses Rendering (Rendering.Pdf)")]
    public void The_checker_finds_a_later_stage_named_in_any_way(string text, string expected)
    {
        Assert.Equal([expected], Check("Workbook", text));
    }

    [Theory]
    [InlineData("namespace ReportGen.Workbook;\n// Audit.FileHash, ReportGen.Build\n/* global::ReportGen.Audit.X */ class A { }")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { string S = \"ReportGen.Build.X \\\" Audit.FileHash\"; char C = '\"'; string V = @\"Audit.Manifest \"\" Build.BuildPipeline\"; }")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { string R = \"\"\"\n  Audit.FileHash \"\" ReportGen.Build\n  \"\"\"; }")]
    [InlineData("namespace ReportGen.Workbook;\nclass A { int N => Charts.Count + x.Audit.FileHash; }")] // a member named like a stage, not a type of it
    [InlineData("namespace ReportGen.Workbook;\nusing ReportGen.Core;\nusing ReportGen.Model;\nclass A { object F => IO.FileSystem.X; }")]
    public void The_checker_ignores_comments_strings_members_and_earlier_stages(string text)
    {
        Assert.Empty(Check("Workbook", text));
    }

    [Fact]
    public void The_checker_allows_the_stages_before_and_refuses_those_after()
    {
        Assert.Empty(Check("Templating", "namespace ReportGen.Templating;\nusing ReportGen.Document;\nusing ReportGen.Charts;\nclass A { object F => Document.Anchors.X; }"));
        Assert.Equal(["Document/Planted.cs:2 uses Charts (Charts.Palette)"],
            Check("Document", "namespace ReportGen.Document;\nclass A { object F => Charts.Palette.X; }"));
    }
}

/// <summary>The pipeline's dependency order and the check that a stage's sources name only earlier stages.</summary>
public static partial class StageOrder
{
    /// <summary>
    /// Each stage may use only those before it. This is the order of dependency, not of data: the
    /// workbook reader fills the model (so Model comes first), and templating builds document nodes
    /// (so the document model, Document, comes before Templating).
    /// </summary>
    public static readonly string[] Stages =
    [
        "Core", "IO", "Typesetting", "Model", "Workbook", "Packaging", "Analysis", "Sample",
        "Document", "Charts", "Templating", "Rendering", "Audit", "Build",
    ];

    public sealed record Source(string Path, string Stage, string Text);

    public static List<Source> LibrarySources()
    {
        string root = Repo.Path("src", "ReportGen");
        return Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !$"/{f}".Contains("/obj/", StringComparison.Ordinal) && !$"/{f}".Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new Source(f, f.Split('/')[0], File.ReadAllText(Path.Combine(root, f))))
            .ToList();
    }

    /// <summary>Every reference of a source to a stage after its own, as "path:line uses Stage (what)".</summary>
    /// <param name="declared">the type names and sub-namespaces each stage declares, to tell <c>Audit.FileHash</c> (a type) from <c>Charts.Count</c> (a member); found from <paramref name="sources"/> when null</param>
    public static List<string> Violations(IReadOnlyList<Source> sources, IReadOnlyDictionary<string, HashSet<string>>? declared = null)
    {
        declared ??= Declarations(sources);
        var found = new List<string>();
        foreach (var source in sources)
        {
            int own = Array.IndexOf(Stages, source.Stage);
            string code = CodeOnly(source.Text);
            foreach (var (index, stage, what) in References(code, declared))
                if (Array.IndexOf(Stages, stage) > own)
                    found.Add($"{source.Path}:{code.AsSpan(0, index).Count('\n') + 1} uses {stage} ({what})");
        }
        return found;
    }

    private static IEnumerable<(int Index, string Stage, string What)> References(string code, IReadOnlyDictionary<string, HashSet<string>> declared)
    {
        foreach (Match m in FullName().Matches(code))
            if (Stages.Contains(m.Groups["stage"].Value) && !IsNamespaceDeclaration(code, m.Index))
                yield return (m.Index, m.Groups["stage"].Value, m.Value);
        foreach (Match m in ShortName().Matches(code))
        {
            string stage = m.Groups["stage"].Value;
            // Inside namespace ReportGen.X, "Audit.FileHash" is ReportGen.Audit.FileHash; "Charts.Count" is a member.
            if (Stages.Contains(stage) && declared.TryGetValue(stage, out var names) && names.Contains(m.Groups["name"].Value))
                yield return (m.Index, stage, m.Value);
        }
    }

    private static bool IsNamespaceDeclaration(string code, int index)
    {
        int start = code.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return code.AsSpan(start, index - start).Trim().SequenceEqual("namespace");
    }

    private static Dictionary<string, HashSet<string>> Declarations(IReadOnlyList<Source> sources)
    {
        var declared = Stages.ToDictionary(s => s, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var source in sources)
        {
            string code = CodeOnly(source.Text);
            foreach (Match m in TypeDeclaration().Matches(code)) declared[source.Stage].Add(m.Groups["name"].Value);
            foreach (Match m in SubNamespace().Matches(code)) declared[source.Stage].Add(m.Groups["sub"].Value);
        }
        return declared;
    }

    /// <summary>
    /// The source with comments and the text of string and character literals blanked (newlines
    /// kept, so lines still count), the code inside interpolation holes kept.
    /// </summary>
    public static string CodeOnly(string text)
    {
        var code = new StringBuilder(text);
        int i = 0;
        Code(text, ref i, code, stopAtBrace: false);
        return code.ToString();
    }

    private static void Blank(StringBuilder code, int from, int to)
    {
        for (int k = from; k < to && k < code.Length; k++)
            if (code[k] != '\n') code[k] = ' ';
    }

    /// <summary>Walks code from <paramref name="i"/>; with <paramref name="stopAtBrace"/>, up to the '}' closing an interpolation hole.</summary>
    private static void Code(string t, ref int i, StringBuilder code, bool stopAtBrace)
    {
        int depth = 0;
        while (i < t.Length)
        {
            char c = t[i];
            if (c == '/' && At(t, i + 1, '/'))
            {
                int end = t.IndexOf('\n', i);
                if (end < 0) end = t.Length;
                Blank(code, i, end);
                i = end;
            }
            else if (c == '/' && At(t, i + 1, '*'))
            {
                int end = t.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? t.Length : end + 2;
                Blank(code, i, end);
                i = end;
            }
            else if (c == '\'')
            {
                int start = i++;
                while (i < t.Length && t[i] != '\'' && t[i] != '\n') i += t[i] == '\\' ? 2 : 1;
                i = Math.Min(i + 1, t.Length);
                Blank(code, start, i);
            }
            else if (c is '"' or '$' or '@' && StringStart(t, i) is { } s)
            {
                Blank(code, i, s.Body);
                i = s.Body;
                StringBody(t, ref i, code, s.Dollars, s.Verbatim, s.Quotes);
            }
            else if (stopAtBrace && c == '{') { depth++; i++; }
            else if (stopAtBrace && c == '}')
            {
                if (depth-- == 0) return;
                i++;
            }
            else i++;
        }
    }

    private static bool At(string t, int i, char c) => i < t.Length && t[i] == c;

    /// <summary>A string literal's prefix at <paramref name="i"/> ($, @, raw quotes), or null when none starts there.</summary>
    private static (int Body, int Dollars, bool Verbatim, int Quotes)? StringStart(string t, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(t[i - 1]) || t[i - 1] == '_') && t[i] != '"') return null;
        int j = i, dollars = 0;
        bool verbatim = false;
        while (j < t.Length && (t[j] == '$' || t[j] == '@'))
        {
            if (t[j] == '$') dollars++; else verbatim = true;
            j++;
        }
        if (!At(t, j, '"')) return null;
        int quotes = 0;
        while (At(t, j + quotes, '"')) quotes++;
        if (quotes == 2) return (j + 2, 0, false, 0); // "" is an empty string: nothing inside
        if (quotes >= 3) return (j + quotes, dollars, false, quotes);
        return (j + 1, dollars, verbatim, 1);
    }

    private static void StringBody(string t, ref int i, StringBuilder code, int dollars, bool verbatim, int quotes)
    {
        if (quotes == 0) return;
        int braces = Math.Max(1, dollars);
        while (i < t.Length)
        {
            char c = t[i];
            if (quotes == 1 && !verbatim && c == '\\') { Blank(code, i, i + 2); i += 2; continue; }
            if (c == '"')
            {
                if (quotes == 1 && verbatim && At(t, i + 1, '"')) { Blank(code, i, i + 2); i += 2; continue; }
                int run = 0;
                while (At(t, i + run, '"')) run++;
                if (run >= quotes) { Blank(code, i, i + quotes); i += quotes; return; }
                Blank(code, i, i + run);
                i += run;
                continue;
            }
            if (dollars > 0 && c == '{')
            {
                int run = 0;
                while (At(t, i + run, '{')) run++;
                // In a raw string, n braces open a hole where n is the count of $; in others "{{" is a brace.
                if (quotes == 1 && run >= 2) { Blank(code, i, i + 2); i += 2; continue; }
                if (run >= braces)
                {
                    Blank(code, i, i + run);
                    i += run;
                    Code(t, ref i, code, stopAtBrace: true);
                    int close = i;
                    while (At(t, i, '}') && i - close < braces) i++;
                    Blank(code, close, i);
                    continue;
                }
            }
            if (quotes == 1 && !verbatim && c == '\n') return; // an unterminated line: stop blanking there
            Blank(code, i, i + 1);
            i++;
        }
    }

    [GeneratedRegex(@"(?<![\w.])(?:global::)?ReportGen\.(?<stage>\w+)\b")]
    private static partial Regex FullName();

    [GeneratedRegex(@"(?<![\w.:])(?<stage>[A-Z]\w*)\s*\.\s*(?<name>[A-Z]\w*)\b")]
    private static partial Regex ShortName();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record|delegate\s+[\w<>\[\],.?\s]+?)\s+(?<name>[A-Z]\w*)\s*[<({:;\s]")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*namespace\s+ReportGen\.\w+\.(?<sub>\w+)", RegexOptions.Multiline)]
    private static partial Regex SubNamespace();
}
