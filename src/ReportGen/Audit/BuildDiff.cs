using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiffPlex;
using ReportGen.Typesetting;

namespace ReportGen.Audit;

/// <summary>
/// A changed figure, named by key (<c>funding.outcomes[2.2, 2020].funded_usd</c>): its exact values
/// (JSON) and, when the documents print it, how they print it (OldText, NewText).
/// </summary>
public sealed record FigureChange(string Path, string? Old, string? New)
{
    /// <summary>Where the figure stands in the earlier build's figures.json, by position (<c>portfolio.years[1].all_domains_share</c>, as trace.json and <c>explain</c> name it); null when only in the later one.</summary>
    public string? OldJsonPath { get; init; }

    /// <summary>Where the figure stands in the later build's figures.json, by position; null when only in the earlier one.</summary>
    public string? NewJsonPath { get; init; }

    public string? OldText { get; init; }

    public string? NewText { get; init; }
}

public sealed record DiffPiece(string Op, string Text);

/// <summary>
/// A changed paragraph (by its anchor): its whole diff (Diff), and the sentences that changed, each
/// marked inside (Sentences). In a table, a changed cell (Row and Column set; Old and New the
/// cell's texts) or a row added or removed (Row set; its cells joined by " | ").
/// </summary>
public sealed record ParagraphChange(string Paragraph, string? Old, string? New, IReadOnlyList<DiffPiece> Diff)
{
    public IReadOnlyList<SentenceChange> Sentences { get; init; } = [];

    /// <summary>For a table's row, its key: the code of its first column that names each row once ("2.2"), else its number.</summary>
    public string? Row { get; init; }

    /// <summary>For a table's cell, the heading of its column ("Funded (USD)").</summary>
    public string? Column { get; init; }

    /// <summary>A changed cell short enough (a number, a mark) to read as old → new; a longer one (a title) reads with its changed words marked.</summary>
    public bool IsShortCell => Column is not null && Math.Max(Old?.Length ?? 0, New?.Length ?? 0) <= 40;
}

public sealed record DocumentChange(string File, IReadOnlyList<ParagraphChange> Paragraphs)
{
    /// <summary>
    /// Charts (by anchor) whose drawings differ, when the documents were compared without the
    /// traces that give the values drawn (two documents with no trace.json beside them).
    /// </summary>
    public IReadOnlyList<string> Drawings { get; init; } = [];

    /// <summary>How the document names its annexes printed without a number (trace.json's <c>annexes</c>); null when all are numbered or the trace is not at hand.</summary>
    public IReadOnlyDictionary<string, string>? Annexes { get; init; }

    /// <summary>A changed paragraph's place as the document says it, as <c>explain</c> says it: "paragraph 8", "Annex, table 2, row 2".</summary>
    public string Describe(string paragraph) => Document.Anchors.Describe(paragraph, Annexes);

    /// <summary>A change's place as a reader names it: "paragraph 8"; a table's cell by table, row key and column, "Annex, table 2, row 2.2, Funded (USD)".</summary>
    public string Describe(ParagraphChange change) =>
        change.Row is { } row && KeyedParagraph.TableRow(change.Paragraph) is { } place
            ? $"{Describe(place.Table)}, row {row}" + (change.Column is { } column ? ", " + column : "")
            : Describe(change.Paragraph);
}

/// <summary>An input of the build that differs (from the two manifests): the workbook, a template, a font, the tool, an option.</summary>
public sealed record InputChange(string What, string? Old, string? New)
{
    /// <summary>For a template whose two versions are at hand: its changed lines, each as the sentences that changed, marked inside.</summary>
    public IReadOnlyList<TemplateLineChange> Lines { get; init; } = [];
}

/// <summary>A changed line of a template (1-based in the later version; in the earlier one when removed), as sentence-level diffs.</summary>
public sealed record TemplateLineChange(int Line, IReadOnlyList<SentenceChange> Sentences);

/// <summary>
/// What differs between two builds (or two documents): changed figures (path, old → new) and
/// changed paragraphs per document, as a word-level diff (character-level for Chinese). Reads
/// the documents' text, not their bytes.
/// </summary>
public sealed partial record DiffReport(IReadOnlyList<FigureChange> Figures, IReadOnlyList<DocumentChange> Documents, IReadOnlyList<string> Notes)
{
    /// <summary>What the builds were made from that differs: why the rest changed.</summary>
    public IReadOnlyList<InputChange> Inputs { get; init; } = [];

    /// <summary>The workbook rows that changed, by key (when both workbooks are at hand beside their builds).</summary>
    public IReadOnlyList<RowChange> Rows { get; init; } = [];

    /// <summary>The values drawn in charts that changed, per document and language (from the builds' trace.json).</summary>
    public IReadOnlyList<ChartChange> Charts { get; init; } = [];

    public bool Equal => Figures.Count == 0 && Charts.Count == 0 && Documents.All(d => d.Paragraphs.Count == 0 && d.Drawings.Count == 0);

    /// <summary>The report as JSON; figure values keep their JSON types (numbers, strings, lists).</summary>
    public string ToJson() => JsonSerializer.Serialize(new DiffJson(
        Equal, Inputs, Rows, Charts,
        Figures.Select(f => new FigureJson(f.Path, Typed(f.Old), Typed(f.New), f.OldText, f.NewText,
            f.NewJsonPath ?? f.OldJsonPath, f.OldJsonPath != f.NewJsonPath ? f.OldJsonPath : null)).ToList(),
        // Each change named as the text names it (place), beside its anchor (paragraph) and, in a table, its row key and column.
        Documents.Select(d => new DocumentJson(d.File,
            d.Paragraphs.Select(p => new ParagraphJson(d.Describe(p), p.Paragraph, p.Row, p.Column, p.Old, p.New, p.Diff, p.Sentences)).ToList(),
            d.Drawings.Select(c => new DrawingJson(d.Describe(c), c, DrawingDiffers)).ToList(),
            d.Annexes)).ToList(),
        Notes), JsonInfo).ReplaceLineEndings("\n") + "\n";

    // Outside the generated context: its own static fields are not yet set while its initializers run.
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<DiffJson> JsonInfo =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<DiffJson>)
        new JsonSerializerOptions(Manifest.JsonOptions) { TypeInfoResolver = DiffJsonContext.Default }.GetTypeInfo(typeof(DiffJson));

    // The JSON's shape, in its order (snake_case from Manifest.JsonOptions); named types so that the
    // serializer code is generated at compile time (a native build has no reflection-emitted code).
    internal sealed record DiffJson(bool Equal, IReadOnlyList<InputChange> Inputs, IReadOnlyList<RowChange> Rows, IReadOnlyList<ChartChange> Charts,
        IReadOnlyList<FigureJson> Figures, IReadOnlyList<DocumentJson> Documents, IReadOnlyList<string> Notes);
    internal sealed record FigureJson(string Path, JsonNode? Old, JsonNode? New, string? OldText, string? NewText, string? JsonPath, string? OldJsonPath);
    internal sealed record DocumentJson(string File, IReadOnlyList<ParagraphJson> Paragraphs, IReadOnlyList<DrawingJson> Drawings, IReadOnlyDictionary<string, string>? Annexes);
    internal sealed record ParagraphJson(string Place, string Paragraph, string? Row, string? Column, string? Old, string? New,
        IReadOnlyList<DiffPiece> Diff, IReadOnlyList<SentenceChange> Sentences);
    internal sealed record DrawingJson(string Place, string Paragraph, string Change);

    private static JsonNode? Typed(string? json) => json is null ? null : JsonNode.Parse(json);

    /// <summary>The inputs that differ between two builds, from their manifests.</summary>
    public static List<InputChange> CompareInputs(Manifest a, Manifest b)
    {
        var changes = new List<InputChange>();
        if (a.Reportgen != b.Reportgen) changes.Add(new("ReportGen", $"{a.Reportgen.Version} ({a.Reportgen.Commit})", $"{b.Reportgen.Version} ({b.Reportgen.Commit})"));
        if (a.Workbook != b.Workbook) changes.Add(new($"workbook {b.Workbook.File}", $"{a.Workbook.File} sha256 {a.Workbook.Sha256[..12]}…", $"{b.Workbook.File} sha256 {b.Workbook.Sha256[..12]}…"));
        var ta = a.Templates.ToDictionary(t => t.File, t => t.Sha256);
        var tb = b.Templates.ToDictionary(t => t.File, t => t.Sha256);
        foreach (string file in ta.Keys.Union(tb.Keys).Order(StringComparer.Ordinal))
            if (ta.GetValueOrDefault(file) != tb.GetValueOrDefault(file))
                changes.Add(new($"template {file}", ta.TryGetValue(file, out var x) ? $"sha256 {x[..12]}…" : null, tb.TryGetValue(file, out var y) ? $"sha256 {y[..12]}…" : null));
        var fa = a.Fonts.ToDictionary(f => f.Role, f => $"{f.Face} sha256 {f.Sha256[..12]}…");
        var fb = b.Fonts.ToDictionary(f => f.Role, f => $"{f.Face} sha256 {f.Sha256[..12]}…");
        foreach (string role in fa.Keys.Union(fb.Keys).Order(StringComparer.Ordinal))
            if (fa.GetValueOrDefault(role) != fb.GetValueOrDefault(role)) changes.Add(new($"font ({role})", fa.GetValueOrDefault(role), fb.GetValueOrDefault(role)));
        string Options(BuildSettings o) => $"languages {string.Join(",", o.Languages)}; formats {string.Join(",", o.Formats)}; documents {string.Join(",", o.Documents)}" + (o.Fonts is null ? "" : $"; fonts {o.Fonts}");
        if (Options(a.Options) != Options(b.Options)) changes.Add(new("options", Options(a.Options), Options(b.Options)));
        return changes;
    }

    /// <summary>Figure paths in document order: portfolio.years[2] before portfolio.years[10], fields in figures.json's order.</summary>
    private sealed class PathOrder(IReadOnlyList<string> jsonOrder) : IComparer<string>
    {
        private readonly Dictionary<string, int> _rank = jsonOrder.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);

        public int Compare(string? x, string? y)
        {
            bool hx = _rank.TryGetValue(x!, out int rx), hy = _rank.TryGetValue(y!, out int ry);
            if (hx && hy) return rx.CompareTo(ry);
            if (hx != hy) return hx ? -1 : 1;
            return string.CompareOrdinal(x, y);
        }
    }

    private static string Text(string path) => new UTF8Encoding(false).GetString(IO.FileSystem.ReadBounded(path, 256L * 1024 * 1024));

    /// <summary>Compares two build folders, or two .docx/.pdf files.</summary>
    /// <param name="templates">folders where the two builds' templates may be (besides templates/ inside and beside each build); a template is used only if its sha256 is the manifest's</param>
    public static DiffReport Compare(string a, string b, IReadOnlyList<string>? templates = null)
    {
        if (File.Exists(a) && File.Exists(b))
        {
            string folderA = Path.GetDirectoryName(Path.GetFullPath(a))!, folderB = Path.GetDirectoryName(Path.GetFullPath(b))!;
            // Two documents of builds: their annexes named, and their charts' values read, from the trace.json beside each.
            var (traceA, traceB) = (TraceOf(folderA, Path.GetFileName(a)), TraceOf(folderB, Path.GetFileName(b)));
            var chartData = traceA is not null && traceB is not null ? CompareCharts(traceA, traceB) : null;
            var (oldText, newText) = (DocumentText.Read(a), DocumentText.Read(b));
            var document = new DocumentChange($"{Path.GetFileName(a)} → {Path.GetFileName(b)}", Paragraphs(oldText, newText, AcrossFormats(a, b)))
            {
                Annexes = traceB?.Annexes ?? traceA?.Annexes,
                Drawings = chartData is null && !AcrossFormats(a, b) ? DrawingsThatDiffer(oldText, newText) : [],
            };
            return new DiffReport([], [document], []) { Charts = chartData ?? [] };
        }
        if (!Directory.Exists(a)) throw new FileNotFoundException($"{a}: neither a build folder nor a document");
        if (!Directory.Exists(b)) throw new FileNotFoundException($"{b}: neither a build folder nor a document");

        var notes = new List<string>();
        var figures = new List<FigureChange>();
        string fa = Path.Combine(a, "figures.json"), fb = Path.Combine(b, "figures.json");
        if (File.Exists(fa) && File.Exists(fb))
        {
            var (printedA, printedB) = (Printed(a), Printed(b));
            figures = CompareFigures(Text(fa), Text(fb))
                .Select(f => f with
                {
                    OldText = f.OldJsonPath is { } o ? printedA.GetValueOrDefault(o) : null,
                    NewText = f.NewJsonPath is { } n ? printedB.GetValueOrDefault(n) : null,
                }).ToList();
        }
        else notes.Add("figures.json is missing from a build; figures not compared");
        var inputs = new List<InputChange>();
        var rows = new List<RowChange>();
        string ma = Path.Combine(a, Manifest.FileName), mb = Path.Combine(b, Manifest.FileName);
        if (File.Exists(ma) && File.Exists(mb))
        {
            try
            {
                var (manifestA, manifestB) = (Manifest.FromJson(Text(ma)), Manifest.FromJson(Text(mb)));
                inputs = CompareInputs(manifestA, manifestB);
                string[] folders = [Path.Combine(a, "templates"), Path.Combine(a, "..", "templates"), Path.Combine(b, "templates"), Path.Combine(b, "..", "templates"), .. templates ?? []];
                inputs = inputs.Select(i => TemplateLines(i, manifestA, manifestB, folders, notes)).ToList();
                if (manifestA.Workbook.Sha256 != manifestB.Workbook.Sha256)
                {
                    if (WorkbookDiff.WorkbookOf(a, manifestA) is { } wa && WorkbookDiff.WorkbookOf(b, manifestB) is { } wb) rows = WorkbookDiff.Compare(wa, wb);
                    else notes.Add("the two workbooks are not both beside their builds (with the manifests' sha256): changed rows not listed");
                }
            }
            catch (JsonException) { notes.Add("a manifest.json cannot be read; inputs not compared"); }
        }
        else notes.Add("manifest.json is missing from a build; inputs not compared");

        // Each document once: its Word file when there is one (the same text as the PDF), else its PDF.
        static Dictionary<string, string> Documents(string folder) => Directory.GetFiles(folder)
            .Where(f => f.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? 0 : 1).First(), StringComparer.Ordinal);
        var da = Documents(a);
        var db = Documents(b);
        var documents = new List<DocumentChange>();
        foreach (string name in da.Keys.Union(db.Keys).Order(StringComparer.Ordinal))
        {
            if (!da.ContainsKey(name)) { notes.Add($"{name}: only in {b}"); documents.Add(new DocumentChange(name, [new ParagraphChange("(document)", null, "added", [])])); continue; }
            if (!db.ContainsKey(name)) { notes.Add($"{name}: only in {a}"); documents.Add(new DocumentChange(name, [new ParagraphChange("(document)", "removed", null, [])])); continue; }
            if (Path.GetExtension(da[name]) != Path.GetExtension(db[name])) notes.Add($"{name}: compared as {Path.GetFileName(da[name])} and {Path.GetFileName(db[name])}");
            documents.Add(new DocumentChange(Path.GetFileName(da[name]), Paragraphs(DocumentText.Read(da[name]), DocumentText.Read(db[name]), AcrossFormats(da[name], db[name])))
            {
                Annexes = AnnexLabels(b).GetValueOrDefault(Path.GetFileName(db[name])) ?? AnnexLabels(a).GetValueOrDefault(Path.GetFileName(da[name])),
            });
        }
        var charts = Traces(a) is { } ta && Traces(b) is { } tb
            ? tb.Where(d => ta.Any(o => (o.DocId, o.Language) == (d.DocId, d.Language)))
                .SelectMany(d => CompareCharts(ta.First(o => (o.DocId, o.Language) == (d.DocId, d.Language)), d)).ToList()
            : [];
        return new DiffReport(figures, documents, notes) { Inputs = inputs, Rows = rows, Charts = charts };
    }

    /// <summary>A changed template with its changed lines, when both versions are found (by their sha256 in the manifests).</summary>
    private static InputChange TemplateLines(InputChange change, Manifest a, Manifest b, string[] folders, List<string> notes)
    {
        if (!change.What.StartsWith("template ", StringComparison.Ordinal)) return change;
        string file = change.What["template ".Length..];
        string? Find(Manifest m)
        {
            string? sha = m.Templates.FirstOrDefault(t => t.File == file)?.Sha256;
            if (sha is null) return "";
            foreach (string folder in folders)
            {
                string path = Path.Combine(folder, file);
                if (File.Exists(path) && IO.FileSystem.ReadBounded(path, 16L * 1024 * 1024) is var bytes && Hashing.Sha256(bytes) == sha)
                    return new UTF8Encoding(false).GetString(bytes);
            }
            return null;
        }
        string? oldText = Find(a), newText = Find(b);
        if (oldText is null || newText is null)
        {
            notes.Add($"template {file}: the {(oldText is null ? "earlier" : "later")} version is not at hand (templates/ inside or beside the build, or --templates): its lines are not compared");
            return change;
        }
        var oldLines = oldText.ReplaceLineEndings("\n").Split('\n');
        var newLines = newText.ReplaceLineEndings("\n").Split('\n');
        var lines = new List<TemplateLineChange>();
        foreach (var block in new Differ().CreateLineDiffs(string.Join("\n", oldLines), string.Join("\n", newLines), false).DiffBlocks)
        {
            int paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (int k = 0; k < paired; k++)
                lines.Add(new TemplateLineChange(block.InsertStartB + k + 1, SentenceDiff.Changes(oldLines[block.DeleteStartA + k], newLines[block.InsertStartB + k])));
            for (int k = paired; k < block.DeleteCountA; k++)
                lines.Add(new TemplateLineChange(block.DeleteStartA + k + 1, [new SentenceChange(oldLines[block.DeleteStartA + k], null, [new DiffPiece("removed", oldLines[block.DeleteStartA + k])])]));
            for (int k = paired; k < block.InsertCountB; k++)
                lines.Add(new TemplateLineChange(block.InsertStartB + k + 1, [new SentenceChange(null, newLines[block.InsertStartB + k], [new DiffPiece("added", newLines[block.InsertStartB + k])])]));
        }
        return change with { Lines = lines };
    }

    /// <summary>A build's traced documents (trace.json); null without one, or when it cannot be read.</summary>
    private static IReadOnlyList<DocumentTrace>? Traces(string folder)
    {
        string path = Path.Combine(folder, TraceFile.FileName);
        if (!File.Exists(path)) return null;
        try { return TraceFile.FromJson(Text(path)).Documents; }
        catch (JsonException) { return null; }
    }

    /// <summary>The trace of the document written as <paramref name="file"/> in a build folder; null when the folder has none.</summary>
    private static DocumentTrace? TraceOf(string folder, string file) => Traces(folder)?.FirstOrDefault(d => d.Files.Contains(file));

    /// <summary>How each build names its annexes printed without a number, by output file (from trace.json; empty without one).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> AnnexLabels(string folder)
    {
        var labels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var d in Traces(folder) ?? [])
            if (d.Annexes is { } annexes)
                foreach (string file in d.Files) labels[file] = annexes;
        return labels;
    }

    /// <summary>
    /// The code a label or a cell starts with ("2.1" of "2.1 *" and of "2.1 Improved spatial…",
    /// "FP4" of "FP4 Inclusive Cities…", "1" of "1. Reduced spatial…"); null when it starts with none.
    /// What follows the code is its decoration (an underfunded mark) or its title.
    /// </summary>
    public static string? CodeOf(string label) => LeadingCode().Match(label) is { Success: true } m ? m.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*([A-Z]{0,4}\d+(?:\.\d+)*)(?![\d,%])")]
    private static partial System.Text.RegularExpressions.Regex LeadingCode();

    /// <summary>
    /// The values a chart draws that differ between two traces of one document, in the document's
    /// order: by chart, category (by its code, whatever marks its label: "2.1 *" is category 2.1)
    /// and series. A category's label that changed around its code is one change ("label: 2.1 →
    /// 2.1 *"); a category only in one is one change with its values. The headline boxes are the
    /// document's text, compared as its paragraphs are.
    /// </summary>
    private static List<ChartChange> CompareCharts(DocumentTrace a, DocumentTrace b)
    {
        var (olds, news) = (ChartCategories(a), ChartCategories(b));
        var changes = new List<ChartChange>();
        ChartChange Change(ChartCategory c, string place, string? old, string? @new) =>
            new(b.DocId, b.Language, $"{Document.Anchors.Describe(c.Chart, b.Annexes ?? a.Annexes)}, {c.Code}{place}", old, @new);
        static string Whole(ChartCategory c) => $"{c.Label} ({string.Join("; ", c.Values.Select(v => $"{v.Key} {v.Value}"))})";
        var oldByKey = olds.ToDictionary(c => (c.Chart, c.Code));
        var newByKey = news.ToDictionary(c => (c.Chart, c.Code));
        foreach (var c in news.Concat(olds.Where(o => !newByKey.ContainsKey((o.Chart, o.Code)))))
        {
            var o = oldByKey.GetValueOrDefault((c.Chart, c.Code));
            var n = newByKey.GetValueOrDefault((c.Chart, c.Code));
            if (o is null || n is null) { changes.Add(Change(c, "", o is null ? null : Whole(o), n is null ? null : Whole(n))); continue; }
            if (o.Label != n.Label) changes.Add(Change(c, ", label", o.Label, n.Label));
            foreach (string series in n.Values.Keys.Concat(o.Values.Keys.Where(k => !n.Values.ContainsKey(k))))
                if (o.Values.GetValueOrDefault(series) != n.Values.GetValueOrDefault(series))
                    changes.Add(Change(c, ", " + series, o.Values.GetValueOrDefault(series), n.Values.GetValueOrDefault(series)));
        }
        return changes;
    }

    /// <summary>A category of a chart as traced: its code, its label as drawn, and its values by series, in the chart's order.</summary>
    private sealed class ChartCategory(string chart, string label)
    {
        public string Chart { get; } = chart;
        public string Label { get; } = label;
        public string Code { get; set; } = CodeOf(label) ?? label;
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// A document's chart categories from its trace, whose keys are "chart, category, series"
    /// (<see cref="Document.Anchors.TraceKey"/>; a category's label may hold ", " itself): the
    /// category's code is its traced "category" value, or the code its label starts with.
    /// </summary>
    private static List<ChartCategory> ChartCategories(DocumentTrace trace)
    {
        var categories = new Dictionary<(string Chart, string Label), ChartCategory>();
        foreach (var p in trace.Paragraphs)
        {
            if (p.Chart is not { } chart || !p.Paragraph.StartsWith(chart + ", ", StringComparison.Ordinal)) continue;
            string place = p.Paragraph[(chart.Length + 2)..];
            int last = place.LastIndexOf(", ", StringComparison.Ordinal);
            if (last < 0) continue;
            string label = place[..last], series = place[(last + 2)..], text = string.Join(" ", p.Figures.Select(f => f.Text));
            if (!categories.TryGetValue((chart, label), out var category)) categories[(chart, label)] = category = new ChartCategory(chart, label);
            if (series == "category") category.Code = text;
            else category.Values[series] = text;
        }
        // Two categories of a chart with one code (labels that start alike) are told apart by their labels.
        foreach (var same in categories.Values.GroupBy(c => (c.Chart, c.Code)).Where(g => g.Count() > 1).ToList())
            foreach (var c in same) c.Code = c.Label;
        return categories.Values.ToList();
    }

    /// <summary>How each figure reads in a build's documents (from trace.json): its distinct texts, English first ("41 per cent · 41%").</summary>
    private static Dictionary<string, string> Printed(string folder)
    {
        string path = Path.Combine(folder, TraceFile.FileName);
        if (!File.Exists(path)) return [];
        TraceFile trace;
        try { trace = TraceFile.FromJson(Text(path)); }
        catch (JsonException) { return []; }
        return trace.Documents.OrderBy(d => Model.Languages.All.ToList().IndexOf(d.Language) is var i and >= 0 ? i : int.MaxValue)
            .SelectMany(d => d.Paragraphs.SelectMany(p => p.Figures))
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" · ", g.Select(f => f.Text).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every figure by its keyed name (<see cref="Analysis.FigureKeys"/>: an element of a list by
    /// what identifies it, so an element added or removed moves no other), compared exactly (shares
    /// as numbers). A list of plain values whose common values changed order is one change, the whole list.
    /// </summary>
    public static List<FigureChange> CompareFigures(string oldJson, string newJson)
    {
        var olds = new FigureLeaves(JsonNode.Parse(oldJson));
        var news = new FigureLeaves(JsonNode.Parse(newJson));
        var reordered = olds.Orders.Keys.Where(k => news.Orders.TryGetValue(k, out var n) && Reordered(olds.Orders[k], n)).ToHashSet(StringComparer.Ordinal);
        bool InReordered(string path) => reordered.Contains(ListOf(path));
        // In the order figures.json lists them (the new build's, then what only the old one has).
        var order = new PathOrder([.. news.Values.Keys, .. olds.Values.Keys.Where(k => !news.Values.ContainsKey(k))]);
        var changes = olds.Values.Keys.Union(news.Values.Keys).Where(k => !InReordered(k)).Order(order)
            .Where(k => olds.Values.GetValueOrDefault(k) != news.Values.GetValueOrDefault(k))
            .Select(k => new FigureChange(k, olds.Values.GetValueOrDefault(k), news.Values.GetValueOrDefault(k))
            {
                OldJsonPath = olds.Positions.GetValueOrDefault(k), NewJsonPath = news.Positions.GetValueOrDefault(k),
            }).ToList();
        foreach (string list in reordered.Order(order))
        {
            // Where the list's first value stands in figures.json's order.
            string first = news.Values.Keys.First(k => k.StartsWith(list + "[", StringComparison.Ordinal));
            int at = changes.FindIndex(c => order.Compare(c.Path, first) > 0);
            changes.Insert(at < 0 ? changes.Count : at, new FigureChange(list, olds.Lists[list], news.Lists[list])
            {
                OldJsonPath = olds.ListPositions[list], NewJsonPath = news.ListPositions[list],
            });
        }
        return changes;
    }

    /// <summary>The list a plain value belongs to ("a.b" of "a.b[x]"); "" for a field of an object.</summary>
    private static string ListOf(string path) => path.EndsWith(']') && path.LastIndexOf('[') is int open and > 0 ? path[..open] : "";

    /// <summary>Whether the values both lists hold come in another order.</summary>
    private static bool Reordered(List<string> a, List<string> b)
    {
        var common = a.Intersect(b, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return !a.Where(common.Contains).SequenceEqual(b.Where(common.Contains), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every leaf of figures.json by keyed name, in the file's order, with its positional path
    /// (figures.json's, as trace.json and <c>explain</c> name it); and, for each list of plain values, its values in order.
    /// </summary>
    private sealed class FigureLeaves
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Positions { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<string>> Orders { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Lists { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> ListPositions { get; } = new(StringComparer.Ordinal);

        public FigureLeaves(JsonNode? root) => Walk(root, "", "", "");

        private void Walk(JsonNode? n, string keyed, string position, string pattern)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o) Walk(v, Join(keyed, k), Join(position, k), Join(pattern, k));
                    break;
                case JsonArray arr:
                    var keys = Analysis.FigureKeys.KeysOf(pattern, arr);
                    if (keys is not null && arr.All(e => e is JsonValue))
                    {
                        Orders[keyed] = keys;
                        Lists[keyed] = arr.ToJsonString();
                        ListPositions[keyed] = position;
                    }
                    for (int i = 0; i < arr.Count; i++)
                        Walk(arr[i], $"{keyed}[{keys?[i] ?? i.ToString(CultureInfo.InvariantCulture)}]", $"{position}[{i.ToString(CultureInfo.InvariantCulture)}]", pattern + "[]");
                    break;
                case null: Leaf(keyed, position, "null"); break;
                default: Leaf(keyed, position, n.ToJsonString()); break;
            }
        }

        private void Leaf(string keyed, string position, string value)
        {
            Values[keyed] = value;
            Positions[keyed] = position;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
    }

    private static bool AcrossFormats(string a, string b) => !string.Equals(Path.GetExtension(a), Path.GetExtension(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What of a paragraph's text two formats share. Word and the PDF break lines and space words
    /// differently, so across formats text compares without its spaces; the masthead and a table
    /// row set their cells side by side in the PDF (read line by line across the cells) and one
    /// after the other in Word, so theirs compare as the characters they hold.
    /// </summary>
    private static string Comparable(KeyedParagraph p, bool acrossFormats)
    {
        if (!acrossFormats) return p.Text;
        var characters = p.Text.Where(c => !char.IsWhiteSpace(c)).ToArray();
        if (p.Key == Document.Anchors.Masthead || p.Key.Contains("-row-", StringComparison.Ordinal)) Array.Sort(characters);
        return new string(characters);
    }

    private static bool Drawing(KeyedParagraph p) => p.Key.EndsWith(Document.Anchors.DrawingSuffix, StringComparison.Ordinal);

    /// <summary>The blocks (by anchor: "annex-II-chart-II") whose drawings differ, for two documents without the traces that give the values drawn.</summary>
    private static List<string> DrawingsThatDiffer(IReadOnlyList<KeyedParagraph> a, IReadOnlyList<KeyedParagraph> b)
    {
        var olds = a.Where(Drawing).ToDictionary(p => p.Key, p => p.Text);
        return b.Where(p => Drawing(p) && olds.TryGetValue(p.Key, out var old) && old != p.Text).Select(p => p.Key[..^Document.Anchors.DrawingSuffix.Length]).ToList();
    }

    private static List<ParagraphChange> Paragraphs(IReadOnlyList<KeyedParagraph> a, IReadOnlyList<KeyedParagraph> b, bool acrossFormats = false)
    {
        // A chart is compared by the values it draws (the chart data), never by its drawing's words (axis labels, matrix numbers, legend).
        a = a.Where(p => !Drawing(p)).ToList();
        b = b.Where(p => !Drawing(p)).ToList();

        // Tables whose rows have their cells in both documents compare cell by cell; their header rows as paragraphs.
        var tables = TablesWithCells(a).Intersect(TablesWithCells(b)).ToHashSet(StringComparer.Ordinal);
        static string? TableOf(KeyedParagraph p, HashSet<string> tables) =>
            !p.Header && KeyedParagraph.TableRow(p.Key) is { } row && tables.Contains(row.Table) ? row.Table : null;

        var sameA = a.ToDictionary(p => p.Key, p => Comparable(p, acrossFormats));
        var sameB = b.ToDictionary(p => p.Key, p => Comparable(p, acrossFormats));
        var oldByKey = a.ToDictionary(p => p.Key, p => p.Text);
        var newByKey = b.ToDictionary(p => p.Key, p => p.Text);
        var order = a.Concat(b.Where(p => !oldByKey.ContainsKey(p.Key))).ToList();
        var changes = new List<ParagraphChange>();
        var tablesDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in order)
        {
            string key = paragraph.Key;
            if (TableOf(paragraph, tables) is { } table)
            {
                if (tablesDone.Add(table))
                    changes.AddRange(Cells(table, a.Where(p => TableOf(p, tables) == table).ToList(), b.Where(p => TableOf(p, tables) == table).ToList(),
                        b.Concat(a).Where(p => p.Header && KeyedParagraph.TableRow(p.Key)?.Table == table).Select(p => p.Cells!).FirstOrDefault(), acrossFormats));
                continue;
            }
            string? o = oldByKey.GetValueOrDefault(key), n = newByKey.GetValueOrDefault(key);
            if (o == n || sameA.GetValueOrDefault(key) is { } x && x == sameB.GetValueOrDefault(key)) continue;
            // Across formats, a paragraph's lines (Word's line breaks; the PDF's lines joined) read as one.
            if (acrossFormats) (o, n) = (o?.Replace('\n', ' '), n?.Replace('\n', ' '));
            changes.Add(o is null || n is null ? new ParagraphChange(key, o, n, [])
                : new ParagraphChange(key, o, n, SentenceDiff.Pieces(o, n)) { Sentences = SentenceDiff.Changes(o, n) });
        }
        return changes;
    }

    /// <summary>The tables of a document whose every row was read with its cells.</summary>
    private static IEnumerable<string> TablesWithCells(IReadOnlyList<KeyedParagraph> paragraphs) => paragraphs
        .Where(p => KeyedParagraph.TableRow(p.Key) is not null)
        .GroupBy(p => KeyedParagraph.TableRow(p.Key)!.Value.Table)
        .Where(g => g.All(p => p.Cells is not null)).Select(g => g.Key);

    /// <summary>
    /// The body rows of a table compared cell by cell: a row by its key (the code of its first
    /// column whose codes name each row once, as "2.2" of "2.2 Effective urban…"; else its number),
    /// a cell by its column's heading. A changed cell is one change, a row added or removed one change.
    /// </summary>
    private static IEnumerable<ParagraphChange> Cells(string table, List<KeyedParagraph> a, List<KeyedParagraph> b, IReadOnlyList<string>? headings, bool acrossFormats)
    {
        int? keyColumn = Enumerable.Range(0, a.Concat(b).Select(p => p.Cells!.Count).DefaultIfEmpty(0).Min())
            .Cast<int?>().FirstOrDefault(c => Unique(a, c!.Value) && Unique(b, c!.Value));
        string RowKey(KeyedParagraph p) => keyColumn is int c ? RowCode(p.Cells![c]) : KeyedParagraph.TableRow(p.Key)!.Value.Row.ToString(CultureInfo.InvariantCulture);
        string Column(int i) => headings is not null && i < headings.Count && headings[i].Length > 0 ? headings[i] : $"column {i + 1}";
        string Same(string cell) => acrossFormats ? string.Concat(cell.Where(c => !char.IsWhiteSpace(c))) : cell;
        var olds = a.ToDictionary(RowKey, StringComparer.Ordinal);
        var news = b.ToDictionary(RowKey, StringComparer.Ordinal);
        foreach (var row in a.Concat(b.Where(p => !olds.ContainsKey(RowKey(p)))))
        {
            string key = RowKey(row);
            var (o, n) = (olds.GetValueOrDefault(key), news.GetValueOrDefault(key));
            if (o is null || n is null)
            {
                yield return new ParagraphChange(row.Key, o is null ? null : string.Join(" | ", o.Cells!), n is null ? null : string.Join(" | ", n.Cells!), []) { Row = key };
                continue;
            }
            for (int i = 0; i < Math.Max(o.Cells!.Count, n.Cells!.Count); i++)
            {
                string oldCell = i < o.Cells.Count ? o.Cells[i] : "", newCell = i < n.Cells.Count ? n.Cells[i] : "";
                if (Same(oldCell) != Same(newCell))
                    yield return new ParagraphChange(n.Key, oldCell, newCell, SentenceDiff.Inside(oldCell, newCell).Where(d => d.Text.Length > 0).ToList()) { Row = key, Column = Column(i) };
            }
        }
    }

    /// <summary>Whether the codes of a column name each row once.</summary>
    private static bool Unique(List<KeyedParagraph> rows, int column)
    {
        var codes = rows.Select(p => RowCode(p.Cells![column])).ToList();
        return codes.All(c => c.Length > 0) && codes.Distinct(StringComparer.Ordinal).Count() == codes.Count;
    }

    /// <summary>A row's key from a cell: the code it starts with, else its whole text.</summary>
    private static string RowCode(string cell) => CodeOf(cell) ?? cell;

    /// <summary>The report for a terminal: [-removed-] and {+added+} inside each changed paragraph.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        if (Equal) text.Append("No differences: the figures and the text of every document are the same.\n");
        if (Inputs.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Inputs ({Inputs.Count} changed):\n");
            foreach (var i in Inputs)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {i.What}: {i.Old ?? "(none)"} → {i.New ?? "(none)"}\n");
                foreach (var line in i.Lines)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    line {line.Line}:");
                    foreach (var sentence in line.Sentences) text.Append("\n      ").Append(Marked(sentence.Diff));
                    text.Append('\n');
                }
            }
        }
        if (Rows.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Workbook rows ({Rows.Count} changed):\n");
            foreach (var r in Rows)
                text.Append(CultureInfo.InvariantCulture, $"  {r.Sheet} {r.Key} ({r.Change}{(r.Row is null ? "" : ", " + r.Row)})")
                    .Append(r.Fields.Count == 0 ? "" : ": " + string.Join("; ", r.Fields)).Append('\n');
        }
        if (Figures.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Figures ({Figures.Count} changed):\n");
            foreach (var f in Figures)
                text.Append(CultureInfo.InvariantCulture, $"  {f.Path}: {f.Old ?? "(none)"} → {f.New ?? "(none)"}")
                    .Append(f.OldText is null && f.NewText is null ? "" : $" (printed {f.OldText ?? "(not printed)"} → {f.NewText ?? "(not printed)"})").Append('\n');
        }
        foreach (var d in Documents.Where(d => d.Paragraphs.Count + d.Drawings.Count > 0))
        {
            int count = d.Paragraphs.Count + d.Drawings.Count;
            text.Append(CultureInfo.InvariantCulture, $"\n{d.File} ({count} change{(count == 1 ? "" : "s")}):\n");
            foreach (var p in d.Paragraphs)
            {
                string label = d.Describe(p);
                if (p.Column is not null) text.Append(CultureInfo.InvariantCulture, $"  {label}: {CellChange(p)}\n");
                else if (p.Old is null) text.Append(CultureInfo.InvariantCulture, $"  {label}: added: {p.New}\n");
                else if (p.New is null) text.Append(CultureInfo.InvariantCulture, $"  {label}: removed: {p.Old}\n");
                else
                {
                    // Only the sentences that changed, one a line, marked inside.
                    text.Append(CultureInfo.InvariantCulture, $"  {label}:");
                    foreach (var s in p.Sentences.Count > 0 ? p.Sentences : [new SentenceChange(p.Old, p.New, p.Diff)])
                        text.Append("\n    ").Append(Marked(s.Diff));
                    text.Append('\n');
                }
            }
            foreach (string chart in d.Drawings) text.Append(CultureInfo.InvariantCulture, $"  {d.Describe(chart)}: {DrawingDiffers}\n");
        }
        if (Charts.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nChart data ({Charts.Count} value{(Charts.Count == 1 ? "" : "s")} changed):\n");
            foreach (var c in Charts) text.Append(CultureInfo.InvariantCulture, $"  {c.Document}.{c.Language}, {c.Where}: {c.Old ?? "(none)"} → {c.New ?? "(none)"}\n");
        }
        foreach (string note in Notes) text.Append("note: ").Append(note).Append('\n');
        return text.ToString();
    }

    /// <summary>What the report says of a chart whose drawing differs when no trace gives its values.</summary>
    public const string DrawingDiffers = "its drawing differs (no trace.json beside both documents to say which values)";

    /// <summary>
    /// A changed cell on one line: "2,140,000 → 1,900,000" ("(empty)" for a cell with no text); a
    /// long cell (a title) with its changed words marked inside instead.
    /// </summary>
    private static string CellChange(ParagraphChange cell) => cell.IsShortCell ? $"{EmptyCell(cell.Old!)} → {EmptyCell(cell.New!)}" : Marked(cell.Diff);

    /// <summary>A cell's text as a change shows it: "(empty)" for a cell with none.</summary>
    public static string EmptyCell(string cell) => cell.Length == 0 ? "(empty)" : cell;

    /// <summary>A sentence's diff for a terminal: [-removed-], {+added+}, long unchanged stretches cut.</summary>
    private static string Marked(IEnumerable<DiffPiece> diff) => string.Concat(diff.Select(x => x.Op switch
    {
        "removed" => $"[-{x.Text.TrimEnd()}-]" + (x.Text.Length > x.Text.TrimEnd().Length ? " " : ""),
        "added" => $"{{+{x.Text.TrimEnd()}+}}" + (x.Text.Length > x.Text.TrimEnd().Length ? " " : ""),
        _ => Shorten(x.Text),
    })).TrimEnd();

    /// <summary>Long unchanged stretches are cut in the middle, at spaces where there are some, so the change stands out.</summary>
    private static string Shorten(string text)
    {
        if (text.Length <= 90) return text;
        int head = text.IndexOf(' ', 35) is int h and > 0 and < 50 ? h : 40;
        int tail = text.LastIndexOf(' ', text.Length - 35) is int t and > 0 && t > text.Length - 50 ? t + 1 : text.Length - 40;
        return text[..head].TrimEnd() + " … " + text[tail..].TrimStart();
    }
}

/// <summary>A value drawn in a chart that changed: the document, its language, where ("Annex II, chart I, 1.1, 4.1"), old and new as drawn.</summary>
public sealed record ChartChange(string Document, string Language, string Where, string? Old, string? New);

/// <summary>A row of the workbook added, removed or changed between two builds' workbooks, by its key.</summary>
public sealed record RowChange(string Sheet, string Key, string Change, string? Row, IReadOnlyList<string> Fields);

/// <summary>
/// What changed in the workbook between two builds, row by row and by key (a project by its id, a
/// funding row by outcome and year…), read from the workbooks the manifests name when they are
/// at hand beside the build folders and unchanged since.
/// </summary>
public static class WorkbookDiff
{
    public static List<RowChange> Compare(Model.ReportingCycle a, Model.ReportingCycle b)
    {
        var changes = new List<RowChange>();
        // Its rows' properties are read by reflection: the annotation keeps them in a trimmed (native) build.
        void Rows<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] T>(string sheet, IReadOnlyList<T> oldRows, IReadOnlyList<T> newRows, Func<T, string> key, Func<T, Model.SourceRow> source) where T : notnull
        {
            var olds = oldRows.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
            var news = newRows.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
            foreach (string k in olds.Keys.Union(news.Keys).Order(StringComparer.Ordinal))
            {
                if (!olds.TryGetValue(k, out var o)) { changes.Add(new RowChange(sheet, k, "added", $"row {source(news[k]).Row}", [])); continue; }
                if (!news.TryGetValue(k, out var n)) { changes.Add(new RowChange(sheet, k, "removed", $"row {source(o).Row} before", [])); continue; }
                var fields = typeof(T).GetProperties().Where(p => p.Name != "Source")
                    .Select(p => (p.Name, Old: Show(p.GetValue(o)), New: Show(p.GetValue(n))))
                    .Where(f => f.Old != f.New).Select(f => $"{Snake(f.Name)}: {f.Old} → {f.New}").ToList();
                if (fields.Count > 0) changes.Add(new RowChange(sheet, k, "changed", $"row {source(n).Row}", fields));
            }
        }
        Rows("Projects", a.Projects, b.Projects, p => p.Id, p => p.Source);
        Rows("Funding", a.Funding, b.Funding, f => $"{f.Outcome} {f.Year}", f => f.Source);
        Rows("IndicatorValues", a.IndicatorValues, b.IndicatorValues, v => $"{v.IndicatorId} {v.Year}", v => v.Source);
        Rows("Indicators", a.Indicators, b.Indicators, i => i.Id, i => i.Source);
        Rows("Flagships", a.Flagships, b.Flagships, f => f.Code, f => f.Source);
        Rows("Services", a.Services, b.Services, s => s.Id, s => s.Source);
        Rows("Outcomes", a.Outcomes, b.Outcomes, o => o.Code.ToString(), o => o.Source);
        Rows("Regions", a.Regions, b.Regions, r => r.Code, r => r.Source);
        Rows("LinkageTargets", a.LinkageTargets, b.LinkageTargets, t => $"{t.Primary} {t.Secondary} {t.Year}", t => t.Source);
        if (a.Settings != b.Settings) changes.Add(new RowChange("Settings", "settings", "changed", null, [$"{a.Settings} → {b.Settings}"]));
        return changes;
    }

    private static string Show(object? value) => value switch
    {
        null => "(blank)",
        string s => s,
        System.Collections.IEnumerable e => string.Join("; ", e.Cast<object?>().Select(Show)),
        Model.LocalizedText t => string.Join(" / ", t.Texts.Select(x => x.Value)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The workbook a build was made from, if it is beside or inside the build folder with the manifest's sha256.</summary>
    public static Model.ReportingCycle? WorkbookOf(string build, Manifest manifest)
    {
        foreach (string candidate in new[] { Path.Combine(build, manifest.Workbook.File), Path.Combine(build, "..", manifest.Workbook.File) })
            if (File.Exists(candidate) && Hashing.Sha256(IO.FileSystem.ReadBounded(candidate, 512L * 1024 * 1024)) == manifest.Workbook.Sha256)
                return Workbook.CycleReader.Read(candidate).Cycle;
        return null;
    }
}

/// <summary>The generated serializer of <c>diff --json</c>, with <see cref="Manifest.JsonOptions"/>' names, escaping and null handling.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(DiffReport.DiffJson))]
internal sealed partial class DiffJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
