using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiffPlex;
using ReportGen.Typesetting;

namespace ReportGen.Audit;

/// <summary>A changed figure: its exact values (JSON) and, when the documents print it, how they print it (OldText, NewText).</summary>
public sealed record FigureChange(string Path, string? Old, string? New)
{
    public string? OldText { get; init; }

    public string? NewText { get; init; }
}

public sealed record DiffPiece(string Op, string Text);

/// <summary>A changed paragraph: its whole diff (Diff), and the sentences that changed, each marked inside (Sentences).</summary>
public sealed record ParagraphChange(string Paragraph, string? Old, string? New, IReadOnlyList<DiffPiece> Diff)
{
    public IReadOnlyList<SentenceChange> Sentences { get; init; } = [];
}

public sealed record DocumentChange(string File, IReadOnlyList<ParagraphChange> Paragraphs)
{
    /// <summary>How the document names its annexes printed without a number (trace.json's <c>annexes</c>); null when all are numbered or the trace is not at hand.</summary>
    public IReadOnlyDictionary<string, string>? Annexes { get; init; }

    /// <summary>A changed paragraph's place as the document says it, as <c>explain</c> says it: "paragraph 8", "Annex, table 2, row 2".</summary>
    public string Describe(string paragraph) => Document.Anchors.Describe(paragraph, Annexes);
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
public sealed record DiffReport(IReadOnlyList<FigureChange> Figures, IReadOnlyList<DocumentChange> Documents, IReadOnlyList<string> Notes)
{
    /// <summary>What the builds were made from that differs: why the rest changed.</summary>
    public IReadOnlyList<InputChange> Inputs { get; init; } = [];

    /// <summary>The workbook rows that changed, by key (when both workbooks are at hand beside their builds).</summary>
    public IReadOnlyList<RowChange> Rows { get; init; } = [];

    /// <summary>The values drawn in charts that changed, per document and language (from the builds' trace.json).</summary>
    public IReadOnlyList<ChartChange> Charts { get; init; } = [];

    public bool Equal => Figures.Count == 0 && Documents.All(d => d.Paragraphs.Count == 0);

    /// <summary>The report as JSON; figure values keep their JSON types (numbers, strings, lists).</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        equal = Equal,
        inputs = Inputs,
        rows = Rows,
        charts = Charts,
        figures = Figures.Select(f => new { path = f.Path, old = Typed(f.Old), @new = Typed(f.New), old_text = f.OldText, new_text = f.NewText }),
        documents = Documents,
        notes = Notes,
    }, Manifest.JsonOptions).ReplaceLineEndings("\n") + "\n";

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
            return new DiffReport([], [new DocumentChange($"{Path.GetFileName(a)} → {Path.GetFileName(b)}", Paragraphs(DocumentText.Read(a), DocumentText.Read(b), AcrossFormats(a, b)))
            {
                // Two documents of builds: their annexes named as the build folder holding them records.
                Annexes = AnnexLabels(Path.GetDirectoryName(Path.GetFullPath(b))!).GetValueOrDefault(Path.GetFileName(b))
                          ?? AnnexLabels(Path.GetDirectoryName(Path.GetFullPath(a))!).GetValueOrDefault(Path.GetFileName(a)),
            }], []);
        if (!Directory.Exists(a)) throw new FileNotFoundException($"{a}: neither a build folder nor a document");
        if (!Directory.Exists(b)) throw new FileNotFoundException($"{b}: neither a build folder nor a document");

        var notes = new List<string>();
        var figures = new List<FigureChange>();
        string fa = Path.Combine(a, "figures.json"), fb = Path.Combine(b, "figures.json");
        if (File.Exists(fa) && File.Exists(fb))
        {
            var (printedA, printedB) = (Printed(a), Printed(b));
            figures = CompareFigures(Text(fa), Text(fb))
                .Select(f => f with { OldText = printedA.GetValueOrDefault(f.Path), NewText = printedB.GetValueOrDefault(f.Path) }).ToList();
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
        return new DiffReport(figures, documents, notes) { Inputs = inputs, Rows = rows, Charts = CompareCharts(a, b) };
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
                if (File.Exists(path) && IO.FileSystem.ReadBounded(path, 16L * 1024 * 1024) is var bytes && Manifest.Sha256(bytes) == sha)
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

    /// <summary>How a build's documents name their annexes printed without a number, by output file (from trace.json; empty without one).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> AnnexLabels(string folder)
    {
        string path = Path.Combine(folder, TraceFile.FileName);
        var labels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (!File.Exists(path)) return labels;
        try
        {
            foreach (var d in TraceFile.FromJson(Text(path)).Documents)
                if (d.Annexes is { } annexes)
                    foreach (string file in d.Files) labels[file] = annexes;
        }
        catch (JsonException) { }
        return labels;
    }

    /// <summary>The chart values of two builds that differ, by document, language, chart, category and series, in the documents' order.</summary>
    private static List<ChartChange> CompareCharts(string a, string b)
    {
        static Dictionary<(string Document, string Language), List<(string Where, string Text)>>? Values(string folder)
        {
            string path = Path.Combine(folder, TraceFile.FileName);
            if (!File.Exists(path)) return null;
            try
            {
                return TraceFile.FromJson(Text(path)).Documents.ToDictionary(d => (d.DocId, d.Language), d => d.Paragraphs
                    .Where(p => p.Chart is not null)
                    .Select(p => (Document.Anchors.DescribeKey(p.Paragraph, d.Annexes), string.Join(" ", p.Figures.Select(f => f.Text)))).ToList());
            }
            catch (JsonException) { return null; }
        }
        var (va, vb) = (Values(a), Values(b));
        var changes = new List<ChartChange>();
        if (va is null || vb is null) return changes;
        foreach (var (document, newValues) in vb)
        {
            if (!va.TryGetValue(document, out var oldValues)) continue;
            var olds = oldValues.GroupBy(v => v.Where).ToDictionary(g => g.Key, g => g.First().Text);
            var news = newValues.GroupBy(v => v.Where).ToDictionary(g => g.Key, g => g.First().Text);
            foreach (string where in newValues.Select(v => v.Where).Concat(oldValues.Select(v => v.Where).Where(w => !news.ContainsKey(w))).Distinct())
                if (olds.GetValueOrDefault(where) != news.GetValueOrDefault(where))
                    changes.Add(new ChartChange(document.Document, document.Language, where, olds.GetValueOrDefault(where), news.GetValueOrDefault(where)));
        }
        return changes;
    }

    /// <summary>How each figure reads in a build's documents (from trace.json): its distinct texts, English first ("41 per cent · 41%").</summary>
    private static Dictionary<string, string> Printed(string folder)
    {
        string path = Path.Combine(folder, TraceFile.FileName);
        if (!File.Exists(path)) return [];
        TraceFile trace;
        try { trace = TraceFile.FromJson(Text(path)); }
        catch (JsonException) { return []; }
        return trace.Documents.OrderBy(d => d.Language == "en" ? 0 : 1)
            .SelectMany(d => d.Paragraphs.SelectMany(p => p.Figures))
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" · ", g.Select(f => f.Text).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    /// <summary>Every figure by path (shares compared as numbers, exactly).</summary>
    public static List<FigureChange> CompareFigures(string oldJson, string newJson)
    {
        var oldValues = Flatten(JsonNode.Parse(oldJson));
        var newValues = Flatten(JsonNode.Parse(newJson));
        // In the order figures.json lists them (the new build's, then what only the old one has).
        var order = new PathOrder([.. newValues.Keys, .. oldValues.Keys.Where(k => !newValues.ContainsKey(k))]);
        return oldValues.Keys.Union(newValues.Keys).Order(order)
            .Where(k => oldValues.GetValueOrDefault(k) != newValues.GetValueOrDefault(k))
            .Select(k => new FigureChange(k, oldValues.GetValueOrDefault(k), newValues.GetValueOrDefault(k))).ToList();
    }

    /// <summary>Every leaf of the JSON by path, in the document's order (insertion order is kept).</summary>
    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o: foreach (var (k, v) in o) Walk(v, path.Length == 0 ? k : $"{path}.{k}"); break;
                case JsonArray arr: for (int i = 0; i < arr.Count; i++) Walk(arr[i], $"{path}[{i}]"); break;
                case null: values[path] = "null"; break;
                default: values[path] = n.ToJsonString(); break;
            }
        }
        Walk(node, "");
        return values;
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

    private static List<ParagraphChange> Paragraphs(IReadOnlyList<KeyedParagraph> a, IReadOnlyList<KeyedParagraph> b, bool acrossFormats = false)
    {
        // Word draws charts its own way: across formats, drawings are not compared.
        if (acrossFormats)
        {
            a = a.Where(p => !p.Key.EndsWith(Document.Anchors.DrawingSuffix, StringComparison.Ordinal)).ToList();
            b = b.Where(p => !p.Key.EndsWith(Document.Anchors.DrawingSuffix, StringComparison.Ordinal)).ToList();
        }
        var sameA = a.ToDictionary(p => p.Key, p => Comparable(p, acrossFormats));
        var sameB = b.ToDictionary(p => p.Key, p => Comparable(p, acrossFormats));
        var oldByKey = a.ToDictionary(p => p.Key, p => p.Text);
        var newByKey = b.ToDictionary(p => p.Key, p => p.Text);
        var order = a.Select(p => p.Key).Concat(b.Select(p => p.Key).Where(k => !oldByKey.ContainsKey(k))).ToList();
        var changes = new List<ParagraphChange>();
        foreach (string key in order)
        {
            string? o = oldByKey.GetValueOrDefault(key), n = newByKey.GetValueOrDefault(key);
            if (o == n || sameA.GetValueOrDefault(key) is { } x && x == sameB.GetValueOrDefault(key)) continue;
            changes.Add(o is null || n is null ? new ParagraphChange(key, o, n, [])
                : new ParagraphChange(key, o, n, SentenceDiff.Pieces(o, n)) { Sentences = SentenceDiff.Changes(o, n) });
        }
        return changes;
    }

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
        foreach (var d in Documents.Where(d => d.Paragraphs.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{d.File} ({d.Paragraphs.Count} paragraph{(d.Paragraphs.Count == 1 ? "" : "s")} changed):\n");
            foreach (var p in d.Paragraphs)
            {
                string label = d.Describe(p.Paragraph);
                if (p.Old is null) text.Append(CultureInfo.InvariantCulture, $"  {label}: added: {p.New}\n");
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
        }
        if (Charts.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nChart data ({Charts.Count} value{(Charts.Count == 1 ? "" : "s")} changed):\n");
            foreach (var c in Charts) text.Append(CultureInfo.InvariantCulture, $"  {c.Document}.{c.Language}, {c.Where}: {c.Old ?? "(none)"} → {c.New ?? "(none)"}\n");
        }
        foreach (string note in Notes) text.Append("note: ").Append(note).Append('\n');
        return text.ToString();
    }

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
        void Rows<T>(string sheet, IReadOnlyList<T> oldRows, IReadOnlyList<T> newRows, Func<T, string> key, Func<T, Model.SourceRow> source) where T : notnull
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
        Model.LocalizedText t => $"{t.En} / {t.Zh}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The workbook a build was made from, if it is beside or inside the build folder with the manifest's sha256.</summary>
    public static Model.ReportingCycle? WorkbookOf(string build, Manifest manifest)
    {
        foreach (string candidate in new[] { Path.Combine(build, manifest.Workbook.File), Path.Combine(build, "..", manifest.Workbook.File) })
            if (File.Exists(candidate) && Manifest.Sha256(IO.FileSystem.ReadBounded(candidate, 512L * 1024 * 1024)) == manifest.Workbook.Sha256)
                return Workbook.CycleReader.Read(candidate).Cycle;
        return null;
    }
}
