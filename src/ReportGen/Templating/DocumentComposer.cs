using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using ReportGen.Analysis;
using ReportGen.Charts;
using ReportGen.Document;
using ReportGen.Model;
using ReportGen.Typesetting;

namespace ReportGen.Templating;

/// <summary>
/// Renders a document from its template: <c>TEMPLATES/LANG/TEMPLATE.md.hbs</c> with partials
/// from <c>TEMPLATES/LANG/partials/*.md.hbs</c>. Handlebars runs strict (an unknown name, helper
/// or partial is an error, never an empty string), with a fixed culture, and every value it
/// inserts is escaped so data shows literally. Every problem is placed as file:line:column.
/// </summary>
/// <param name="displayBase">the folder places are shown relative to (default: the current folder)</param>
public sealed partial class DocumentComposer(string templatesRoot, string? displayBase = null)
{
    public const string Extension = ".md.hbs";

    /// <summary>Front-matter words every template must give: the masthead.</summary>
    public static readonly IReadOnlyList<string> RequiredWords =
    [
        "united_nations", "distribution", "original", "organ", "session", "place_and_dates", "agenda_item",
        "agenda_footnote", "agenda_title", "title", "subtitle",
    ];

    public string TemplatePath(string language, string template) => Path.Combine(templatesRoot, language, template + Extension);

    /// <summary>The folder of a language's partials ({{> name}}), inside the language's folder.</summary>
    public const string PartialsFolder = "partials";

    /// <summary>Every file of a templates folder that may be a template, in a fixed order: each language's *.md.hbs, then its partials.</summary>
    public static IEnumerable<string> TemplateFiles(string root)
    {
        foreach (string language in Model.Languages.All)
            foreach (string folder in new[] { Path.Combine(root, language), Path.Combine(root, language, PartialsFolder) })
                if (Directory.Exists(folder))
                    foreach (string file in Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal)) yield return file;
    }

    /// <summary>The largest template or partial file read, in bytes.</summary>
    public const long MaxTemplateBytes = 4 * 1024 * 1024;

    /// <summary>How deep partials may include partials (a template that includes a partial is depth 1).</summary>
    public const int MaxPartialDepth = 8;

    // Not a SortedDictionary: its generic code over a key-value pair is JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start); sorted when asked.
    private readonly Dictionary<string, string> _filesRead = new(StringComparer.Ordinal);

    /// <summary>
    /// Every template file read so far (templates and partials), relative to the templates folder
    /// and in ordinal order, with the sha256 of the very bytes that were read: for the manifest.
    /// </summary>
    public IReadOnlyList<FileHash> FileHashes
    {
        get
        {
            string[] files = [.. _filesRead.Keys];
            Array.Sort(files, StringComparer.Ordinal);
            var hashes = new List<FileHash>(files.Length);
            foreach (string file in files) hashes.Add(new FileHash(file, _filesRead[file]));
            return hashes;
        }
    }

    /// <summary>
    /// The sandbox's rule, its one home: why the file at <paramref name="path"/> may not be read as
    /// a template of the folder <paramref name="root"/> (a link leading out of it, a link loop, a
    /// dangling link, not a regular file), or null when it may; <paramref name="real"/> is its real path.
    /// </summary>
    public static string? OutsideSandbox(string root, string path, out string real)
    {
        real = "";
        try
        {
            real = IO.FileSystem.RealPath(path);
            if (!IO.FileSystem.IsInside(real, IO.FileSystem.RealPath(root)))
                return "is a link to a file outside the templates folder; templates may only read files inside it";
        }
        catch (IOException e)
        {
            return e.Message.Contains("symbolic links", StringComparison.Ordinal)
                ? "is a symbolic link loop (too many levels of links)" : $"cannot be read ({e.Message.TrimEnd('.')})";
        }
        var kind = IO.FileSystem.KindOf(real);
        if (kind == IO.FileKind.Regular) return null;
        return kind == IO.FileKind.Missing && real != Path.GetFullPath(path) ? "is a link to a file that does not exist" : IO.FileSystem.Describe(kind);
    }

    /// <summary>
    /// Reads a template file, inside the sandbox: only a regular file whose real path (every
    /// link resolved) lies inside the templates folder, of at most <see cref="MaxTemplateBytes"/>.
    /// Anything else is a problem at the file, and nothing is read.
    /// </summary>
    /// <param name="record">whether the file goes into <see cref="FileHashes"/> (not when it is only read ahead: <see cref="Precompile"/>)</param>
    private string? ReadTemplate(string path, List<Problem> problems, bool record = true)
    {
        string display = Display(path);
        if (OutsideSandbox(templatesRoot, path, out string real) is { } why)
        {
            problems.Add(new Problem(display, why));
            return null;
        }
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxTemplateBytes)
            {
                problems.Add(new Problem(display, $"is too large for a template ({stream.Length:N0} bytes; the limit is {MaxTemplateBytes:N0})"));
                return null;
            }
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (buffer.Length > MaxTemplateBytes)
            {
                problems.Add(new Problem(display, $"is too large for a template (over {MaxTemplateBytes:N0} bytes)"));
                return null;
            }
            byte[] bytes = buffer.ToArray();
            if (record) _filesRead[Path.GetRelativePath(templatesRoot, path).Replace('\\', '/')] = Hashing.Sha256(bytes);
            return new System.Text.UTF8Encoding(false).GetString(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(display, $"cannot be read ({e.Message.TrimEnd('.')})"));
            return null;
        }
    }

    public Doc Compose(ReportingCycle cycle, Figures figures, DocumentSpec spec, string language)
    {
        var problems = new List<Problem>();
        var doc = TryCompose(cycle, figures, spec, language, problems);
        if (problems.Count > 0 || doc is null) throw new InputException(problems);
        return doc;
    }

    public Doc? TryCompose(ReportingCycle cycle, Figures figures, DocumentSpec spec, string language, List<Problem> problems)
    {
        try { return ComposeBound(cycle, figures, spec, language, problems); }
        // The compiled templates this thread keeps must not keep the document's data alive through its helpers.
        finally { CompiledTemplates.Unbind(templatesRoot, language, BoundHelpers); }
    }

    /// <summary>The helpers a composition binds to its document (its data, figures, charts and trace): unbound once it is composed.</summary>
    private static readonly string[] BoundHelpers = [.. Helpers.Names, TemplateLines.Helper, MarkerHelper];

    private Doc? ComposeBound(ReportingCycle cycle, Figures figures, DocumentSpec spec, string language, List<Problem> problems)
    {
        string path = TemplatePath(language, spec.Template);
        string display = Display(path);
        if (!File.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            problems.Add(new Problem(spec.Source.ToString(), $"template '{spec.Template}' has no {language} file: {display} is missing"));
            return null;
        }
        int before = problems.Count;
        if (ReadTemplate(path, problems) is not { } text) return null;
        var template = TemplateSource.Parse(display, text, problems);
        problems.AddRange(InputSlips.CheckWithLint(display, template.Body, template.BodyLineOffset));
        foreach (var entry in template.FrontMatter)
            problems.AddRange(InputSlips.CheckWithLint(display, entry.Value).Select(p => Shift(p, entry)));
        var partials = LoadPartials(language, problems);
        CheckPartialReferences(template, partials, problems);
        foreach (string word in RequiredWords.Where(w => template.FrontMatter.All(e => e.Key != w)))
        {
            // A misspelt key is the likely cause: point at it.
            var near = template.FrontMatter.FirstOrDefault(e => !RequiredWords.Contains(e.Key) && DidYouMean.Closest(e.Key, [word]) is not null);
            problems.Add(near is not null
                ? TemplateError.At(display, near.Line, 1, $"'{near.Key}' is not a word of the masthead: did you mean '{word}'? (the front matter needs '{word}')")
                : TemplateError.At(display, 1, 1, $"the front matter needs '{word}' (a word of the masthead)"));
        }
        if (problems.Count > before) return null;

        var format = Formatter.For(language);
        var log = new ReadLog();
        var context = TemplateContext.Build(cycle, figures, spec, language, log);
        // Walked only when a name is mistyped: the walk costs more than a whole template run.
        _names = new Lazy<NameSet>(() =>
        {
            var glossary = Glossary.NamesOf(context).Select(n => n.Name).ToList();
            return new NameSet(
                [.. glossary.Select(n => n.Replace("[]", "", StringComparison.Ordinal)), .. Helpers.Names, .. template.FrontMatter.Select(e => "words." + e.Key)],
                glossary.Where(n => !n.Contains("[]", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));
        });
        var words = new Dictionary<string, string>();
        context["words"] = words;
        string Word(string key) => words.TryGetValue(key, out var w) ? MarkdownInlines.PlainText(w)
            : throw new TemplateException($"no word '{key}' in the front matter of {display}");
        var trace = new TraceLog();
        var env = Environment(format, context, Word, partials, trace, language);
        var compiled = Templates(language);
        var charts = new ChartRegistry(format, template.FrontMatter.FirstOrDefault(e => e.Key == "chart_numbers")?.Value.Trim() == "roman",
            FigureCalculator.DomainOfCode(cycle),
            template.FrontMatter.FirstOrDefault(e => e.Key == "chart_label")?.Value.Trim() == "figure");
        // A chart's names are spaced as the language spaces its text (French "Villes inclusives : …").
        var catalog = new ChartCatalog(figures, format, Word, code =>
            format.Space(cycle.Flagships.FirstOrDefault(f => f.Code == code)?.Name[language] ?? code).Text,
            code => format.Space(cycle.Outcomes.FirstOrDefault(o => o.Code.ToString() == code)?.Short[language] ?? code).Text);
        RegisterChartHelpers(env, catalog, charts, format);
        env.RegisterHelper(TemplateLines.Helper, new HandlebarsHelper((EncodedTextWriter _, Context _, Arguments arguments) =>
            log.Line(LineArgument(arguments, 0), LineArgument(arguments, 1), LineArgument(arguments, 2))));

        var mastheadReads = new List<ReadLog.Read>();
        var mastheadNumbers = new List<PartNumber>();
        foreach (var entry in template.FrontMatter)
        {
            if (Render(env, compiled, entry.Value, context, template, problems, entry, log) is { } value)
            {
                // The numbers a word types or prints belong to the masthead, as its reads do.
                var marks = new List<MarkAt>();
                var (spaced, at) = format.Space(TakeMarks(format.ResolveJoins(value), marks));
                words[entry.Key] = spaced;
                for (int k = 0; k < marks.Count; k++) marks[k] = marks[k].MovedTo(at[marks[k].Position]);
                foreach (var number in Numbers(marks, trace, (source, offset) => source == 0
                             ? $"{display}:{entry.Line}:{entry.Column + offset}" : PartialPlace(source, offset)))
                    mastheadNumbers.Add(number.Number);
            }
            mastheadReads.AddRange(log.Reads);
        }
        if (problems.Count > before) return null;
        string? rendered = Render(env, compiled, template.Body, context, template, problems, null, log, lineOffset: template.BodyLineOffset);
        if (rendered is null) return null;
        var bodyReads = log.Reads.ToList();
        var lineMarks = log.Marks.ToList();
        // Marks left by join blocks and chart references become words, keeping every read's position;
        // the marks of typed numbers are taken out, their positions noted.
        var bodyMarks = new List<MarkAt>();
        var (markdown, positions) = ResolveMarks(rendered, format, charts, at => ChartRefPlace(template, lineMarks, rendered, at), problems, bodyMarks);
        if (problems.Count > before) return null;
        bodyReads = bodyReads.Select(r => r with { Position = positions(r.Position) }).ToList();
        lineMarks = lineMarks.Select(m => m with { Position = positions(m.Position) }).ToList();
        var bodyNumbers = Numbers(bodyMarks, trace, (source, offset) => source == 0
            ? Place(template, offset) : PartialPlace(source, offset));

        var spans = new List<MarkdownReader.BlockSpan>();
        IReadOnlyList<Block> blocks;
        IReadOnlyList<string> markdownProblems;
        try
        {
            (blocks, markdownProblems) = MarkdownReader.Read(markdown, language, charts.Slots, id => trace[id] is { } e ? (e.Path, e.Value) : null, spans);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            // Markdig (or the reader) failing on what the template produced: the template's to fix, in plain words.
            problems.Add(new Problem(display, $"the Markdown it produces cannot be read ({e.Message.TrimEnd('.')})"));
            return null;
        }
        foreach (string message in markdownProblems)
            problems.Add(LocateMarkdownProblem(message, markdown, template));
        if (problems.Count > before) return null;

        string W(string key) => MarkdownInlines.PlainText(words[key]);
        // "[*]" marks where the agenda footnote's asterisk goes (after 临时议程 in Chinese); default: at the end.
        string agenda = W("agenda_item");
        int mark = agenda.IndexOf("[*]", StringComparison.Ordinal);
        var (agendaBefore, agendaAfter) = mark < 0 ? (agenda, "") : (agenda[..mark], agenda[(mark + 3)..]);
        // The date line in the language the profile says (UN Chinese editions keep it in English).
        string dateLine = Formatter.For(LanguageProfiles.For(language).Masthead.DateLanguage).Date(spec.Date);
        var masthead = new Masthead(
            spec.Symbol, W("distribution"), dateLine,
            words.ContainsKey("language_line") ? W("language_line") : "",
            W("original"), W("organ"), W("session"), W("place_and_dates"), agendaBefore, agendaAfter,
            new Footnote("*", MarkdownInlines.Read(words["agenda_footnote"])),
            W("agenda_title"), W("title"), W("subtitle"),
            words.TryGetValue("title_note", out var note) && note.Trim().Length > 0 ? [new Footnote("**", MarkdownInlines.Read(note))] : [],
            W("united_nations"), spec.Symbol) { Date = spec.Date, Data = MastheadData.Of(spec, dateLine, words, trace) };
        var doc = new Doc(masthead, blocks, language);
        _outlines.AddOrUpdate(doc, DocumentOutline.Build(doc, spans, bodyReads, mastheadReads, bodyNumbers, mastheadNumbers)
            .Placed(doc, spans, lineMarks, new TemplatePlace(display, 1, 1), [display, .. _partialSources.Select(p => p.DisplayPath)]));
        return doc;
    }

    /// <summary>A mark found in the text a template produced: a typed number's or a printing mustache's (<see cref="TypedNumbers"/>), or a figure's (its trace id).</summary>
    private sealed class MarkAt(int position, int source, int site, int traceId)
    {
        public int Position { get; } = position;
        public int Source { get; } = source;
        public int Site { get; } = site;
        public int TraceId { get; } = traceId;

        public MarkAt MovedTo(int newPosition) => new(newPosition, Source, Site, TraceId);
    }

    /// <summary>The marks of a text: the figures it prints and the numbers it types, in order; the text without the typed marks.</summary>
    private static string TakeMarks(string text, List<MarkAt> marks)
    {
        if (text.IndexOf(TypedNumbers.Open) < 0 && text.IndexOf(TraceLog.Open) < 0) return text;
        var result = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length;)
        {
            if (text[i] == TypedNumbers.Open && TypedNumbers.TryRead(text, i, out int source, out int site, out int next))
            {
                marks.Add(new MarkAt(result.Length, source, site, 0));
                i = next;
                continue;
            }
            if (text[i] == TraceLog.Open && TraceId(text, i) is int id) marks.Add(new MarkAt(result.Length, 0, 0, id));
            result.Append(text[i++]);
        }
        return result.ToString();
    }

    /// <summary>The id of the figure mark (U+E000 id U+E001) at <paramref name="at"/>.</summary>
    private static int? TraceId(string text, int at)
    {
        int middle = text.IndexOf(TraceLog.Middle, at);
        return middle > at + 1 && int.TryParse(text.AsSpan(at + 1, middle - at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : null;
    }

    /// <summary>
    /// The numbers behind marks: each typed number placed in its template; each figure printed
    /// with its helper, and the mustache that printed it when its mark stands right before.
    /// </summary>
    private List<NumberAt> Numbers(List<MarkAt> marks, TraceLog trace, Func<int, int, string> place)
    {
        var numbers = new List<NumberAt>();
        MarkAt? expression = null;
        foreach (var mark in marks)
        {
            if (mark.TraceId > 0)
            {
                if (trace[mark.TraceId] is not { } entry) continue;
                string? written = expression is not null && expression.Position == mark.Position ? SiteOf(expression)?.Expression : null;
                numbers.Add(new NumberAt(mark.Position, PartNumber.Printed(entry.Path, entry.Helper, written)));
                expression = null;
                continue;
            }
            if (SiteOf(mark) is not { } site) continue;
            if (site.Number is { } typed) numbers.Add(new NumberAt(mark.Position, PartNumber.TypedAt(place(mark.Source, site.Offset), typed)));
            else expression = mark;
        }
        return numbers;
    }

    /// <summary>The site a mark names: of the text being rendered (source 0) or of a partial (1…).</summary>
    private TemplateSite? SiteOf(MarkAt mark)
    {
        var sites = mark.Source == 0 ? _renderedSites : mark.Source - 1 < _partialMarks.Count ? _partialMarks[mark.Source - 1].Sites : null;
        return sites is not null && mark.Site < sites.Count ? sites[mark.Site] : null;
    }

    /// <summary>A place in a template's body, as file:line:col.</summary>
    private static string Place(TemplateSource source, int offset)
    {
        var (line, column) = TemplateError.LineColumn(source.Body, offset);
        return $"{source.DisplayPath}:{line + source.BodyLineOffset}:{column}";
    }

    private string PartialPlace(int source, int offset) =>
        source - 1 < _partialSources.Count ? Place(_partialSources[source - 1], offset) : "";

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Doc, DocumentOutline> _outlines = new();

    /// <summary>What a document composed here says where: its structure, and the figures and findings each part used (for the parity check).</summary>
    public DocumentOutline? OutlineOf(Doc doc) => _outlines.TryGetValue(doc, out var outline) ? outline : null;

    /// <summary>
    /// Replaces join marks by their words, and chart references by the marks the Markdown reader
    /// reads as ChartRef nodes (their charts and words). Returns the text and a map from
    /// positions in the rendered text to positions in the result, so reads keep their place.
    /// </summary>
    /// <param name="marks">told of the marks of typed numbers (taken out) and of figures (kept for the Markdown reader), at their positions in the result</param>
    /// <param name="placeOf">the template place (file:line:col) of the chart reference at a position of the rendered text</param>
    private static (string Text, Func<int, int> Position) ResolveMarks(string rendered, Formatter format, ChartRegistry charts,
        Func<int, string> placeOf, List<Problem> problems, List<MarkAt> marks)
    {
        var result = new System.Text.StringBuilder(rendered.Length + 64);
        var map = new int[rendered.Length + 1];
        var joinCommas = new Stack<bool>(); // per open join: its items are set off with commas (English, items holding "and")
        int added = marks.Count;
        int i = 0;
        while (i < rendered.Length)
        {
            map[i] = result.Length;
            char c = rendered[i];
            if (c == TypedNumbers.Open && TypedNumbers.TryRead(rendered, i, out int source, out int site, out int next))
            {
                marks.Add(new MarkAt(result.Length, source, site, 0));
                for (int k = i + 1; k < next; k++) map[k] = result.Length;
                i = next;
                continue;
            }
            if (c == TraceLog.Open && TraceId(rendered, i) is int id) marks.Add(new MarkAt(result.Length, 0, 0, id));
            if (c == ChartRegistry.RefOpen && rendered.IndexOf(ChartRegistry.RefClose, i) is int close and > 0)
            {
                var reference = charts.Reference(int.Parse(rendered.AsSpan(i + 1, close - i - 1), CultureInfo.InvariantCulture));
                if (reference.Numbers.Count == 0)
                    problems.Add(new Problem(placeOf(i), $"{{{{chart_ref {reference.Description}}}}} names no chart placed in this document: place one with {{{{chart {reference.Description.Split(' ')[0]} …}}}}, or refer to a chart it places"));
                // The words in a mark that names the charts: the Markdown reader makes it a ChartRef, which writers link.
                else result.Append(ChartRefParser.Mark(reference.Numbers, format.ChartReference(reference.Numbers, charts.Roman, charts.Figure)));
                for (int k = i + 1; k <= close; k++) map[k] = result.Length;
                i = close + 1;
                continue;
            }
            if (format.JoinMarkWords(rendered, i, joinCommas) is { } words) result.Append(words);
            else result.Append(c);
            i++;
        }
        map[rendered.Length] = result.Length;
        // The language's spacing, once over the whole text (a mark's and a read's place follow it).
        int first = added;
        var (spaced, at) = format.Space(result.ToString());
        for (int k = first; k < marks.Count; k++) marks[k] = marks[k].MovedTo(at[marks[k].Position]);
        return (spaced, p => at[map[Math.Clamp(p, 0, rendered.Length)]]);
    }

    /// <summary>
    /// Where the chart reference at <paramref name="at"/> of the rendered text is written: the line
    /// marked last before it (<see cref="TemplateLines"/>), at that line's k-th <c>{{chart_ref</c>,
    /// k counted by the references written since the mark; the file alone for an unmarked body.
    /// </summary>
    private string ChartRefPlace(TemplateSource template, IReadOnlyList<ReadLog.Mark> lines, string rendered, int at)
    {
        ReadLog.Mark? mark = null;
        foreach (var m in lines) if (m.Position <= at) mark = m; else break;
        var source = mark is null ? null : mark.File == 0 ? template : mark.File - 1 < _partialSources.Count ? _partialSources[mark.File - 1] : null;
        if (mark is null || source is null) return template.DisplayPath;
        string line = source.Body.Split('\n').ElementAtOrDefault(mark.Line - source.BodyLineOffset - 1) ?? "";
        int k = rendered.AsSpan(mark.Position, at - mark.Position).Count(ChartRegistry.RefOpen);
        int column = -1;
        for (int n = 0; n <= k; n++)
        {
            int next = line.IndexOf("{{chart_ref", column + 1, StringComparison.Ordinal);
            if (next < 0) break;
            column = next;
        }
        return $"{source.DisplayPath}:{mark.Line}:{(column < 0 ? mark.Column : column + 1)}";
    }

    /// <summary>A template file as problems name it (relative to the current folder when inside it).</summary>
    public string DisplayPath(string language, string template) => Display(TemplatePath(language, template));

    private string Display(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(displayBase ?? System.Environment.CurrentDirectory, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }

    private static Problem Shift(Problem p, FrontMatterEntry entry)
    {
        var m = PlaceRegex().Match(p.Place);
        if (!m.Success) return p;
        int line = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), column = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return p with { Place = $"{m.Groups[1].Value}:{entry.Line + line - 1}:{(line == 1 ? entry.Column + column - 1 : column)}" };
    }

    [GeneratedRegex(@"^(.*):(\d+):(\d+)$")]
    private static partial Regex PlaceRegex();

    private sealed record Partial(string Name, TemplateSource Source);

    private List<Partial> LoadPartials(string language, List<Problem> problems)
    {
        string folder = Path.Combine(templatesRoot, language, PartialsFolder);
        var partials = new List<Partial>();
        if (!Directory.Exists(folder)) return partials;
        foreach (string file in Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file)[..^Extension.Length];
            if (ReadTemplate(file, problems) is not { } text) continue;
            var source = TemplateSource.Parse(Display(file), text, problems);
            problems.AddRange(InputSlips.CheckWithLint(source.DisplayPath, source.Body, source.BodyLineOffset));
            partials.Add(new Partial(name, source));
        }
        return partials;
    }

    /// <summary>
    /// Every partial a template or partial names must be a plain name of a file of the partials
    /// folder (never a path: no '/', no '..'); inclusion may not loop, and is at most
    /// <see cref="MaxPartialDepth"/> deep.
    /// </summary>
    private static void CheckPartialReferences(TemplateSource template, List<Partial> partials, List<Problem> problems)
    {
        var byName = partials.ToDictionary(p => p.Name, p => p.Source, StringComparer.Ordinal);
        var calls = new Dictionary<TemplateSource, List<(string Name, int Offset)>>(ReferenceEqualityComparer.Instance);
        foreach (var source in partials.Select(p => p.Source).Prepend(template))
        {
            var list = calls[source] = [];
            foreach (Match m in PartialCall().Matches(source.Body))
            {
                string name = m.Groups[1].Value;
                Problem At(string message)
                {
                    var (line, column) = TemplateError.LineColumn(source.Body, m.Index);
                    return TemplateError.At(source.DisplayPath, line + source.BodyLineOffset, column, message);
                }
                if (!PartialName().IsMatch(name))
                    problems.Add(At($"partial name '{name}' is not a plain name: a partial is named by its file in the language's partials/ folder " +
                        "(letters, digits, '-' and '_'), never by a path or an expression"));
                else if (!byName.ContainsKey(name))
                    problems.Add(At($"partial '{name}' does not exist (partials are the files in the language's partials/ folder)"));
                else list.Add((name, m.Index));
            }
        }
        // Depth-first from the template: a partial met again on the current path is a cycle;
        // each partial is explored once, its nesting height remembered.
        var path = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var height = new Dictionary<string, (int Height, string? Deepest)>(StringComparer.Ordinal);
        (int, string?) Visit(TemplateSource source)
        {
            (int Height, string? Deepest) best = (0, null);
            foreach (var (name, offset) in calls[source])
            {
                if (state.TryGetValue(name, out bool done) && !done)
                {
                    int seen = path.IndexOf(name);
                    string cycle = string.Join(" → ", path.Skip(seen).Append(name));
                    var (line, column) = TemplateError.LineColumn(source.Body, offset);
                    problems.Add(TemplateError.At(source.DisplayPath, line + source.BodyLineOffset, column, seen == path.Count - 1
                        ? $"partial '{name}' includes itself ({cycle})" : $"partials include each other in a cycle: {cycle}"));
                    continue;
                }
                if (!state.ContainsKey(name))
                {
                    state[name] = false;
                    path.Add(name);
                    height[name] = Visit(byName[name]);
                    path.RemoveAt(path.Count - 1);
                    state[name] = true;
                }
                if (height[name].Height + 1 > best.Height) best = (height[name].Height + 1, name);
            }
            return best;
        }
        var (total, first) = Visit(template);
        if (total > MaxPartialDepth)
        {
            var chain = new List<string>();
            for (string? n = first; n is not null; n = height[n].Deepest) chain.Add(n);
            problems.Add(TemplateError.At(template.DisplayPath, 1, 1,
                $"partials are nested {total} deep ({string.Join(" → ", chain)}); the limit is {MaxPartialDepth}"));
        }
    }

    [GeneratedRegex(@"\{\{~?\s*#?\s*>\s*([^\s}~]*)")]
    private static partial Regex PartialCall();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_-]*$")]
    private static partial Regex PartialName();

    private IHandlebars Environment(Formatter format, Dictionary<string, object?> context, Func<string, string> word, List<Partial> partials, TraceLog trace,
        string language)
    {
        var env = Templates(language).Environment;
        // Helpers and partials are registered anew for every document: Handlebars binds them late, so
        // the templates compiled for an earlier document call this document's helpers and partials.
        new Helpers(format, context, word, trace).Register(env);
        _partialSources = partials.Select(p => p.Source).ToList();
        // A partial's typed numbers are marked as the template's are, with its own source number (1…).
        _partialMarks = partials.Select((p, i) => TypedNumbers.Mark(p.Source.Body, i + 1)).ToList();
        // And the lines that write are marked too (TemplateLines): those marks go in last, as they change no line.
        for (int i = 0; i < partials.Count; i++)
            env.RegisterTemplate(partials[i].Name, TemplateLines.Mark(_partialMarks[i].Text, i + 1, partials[i].Source.BodyLineOffset));
        return env;
    }

    /// <summary>This thread's compiled templates of a language, taking over those <see cref="Precompile"/> compiled, if any.</summary>
    private CompiledTemplates Templates(string language)
    {
        Task<CompiledTemplates>? precompiled;
        lock (_precompiling) _precompiling.Remove(language, out precompiled);
        var templates = CompiledTemplates.For(templatesRoot, language, precompiled);
        if (precompiled is { IsCompletedSuccessfully: true } && ReferenceEquals(templates, precompiled.Result)) TakenOver++;
        return templates;
    }

    /// <summary>How many languages' templates compiled by <see cref="Precompile"/> composing took over (for the tests).</summary>
    internal int TakenOver { get; private set; }

    private readonly Dictionary<string, Task<CompiledTemplates>> _precompiling = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts compiling a template on another thread, so that composing does not wait for it:
    /// compiling (Handlebars' parser and expression trees, loaded and JIT-compiled on first use) is
    /// most of a cold composition and needs no data, so it runs while the workbook is read and the
    /// figures computed. Only what composing would compile is compiled (texts that read, parse and
    /// lint clean); nothing is recorded or reported: composing reads, checks and reports as it always
    /// does, and compiles anything missed.
    /// </summary>
    /// <remarks>
    /// The first composition in a language on the calling thread takes the compiled template over
    /// (waiting for it if need be): a Handlebars environment is used by one thread at a time. A
    /// language this thread has compiled templates in already is skipped.
    /// </remarks>
    public void Precompile(IEnumerable<string> languages, string template)
    {
        var work = new List<Pending>();
        foreach (string language in languages)
        {
            if (CompiledTemplates.Has(templatesRoot, language) || !File.Exists(TemplatePath(language, template))) continue;
            var done = new TaskCompletionSource<CompiledTemplates>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_precompiling) _precompiling[language] = done.Task;
            work.Add(new Pending(language, done));
        }
        if (work.Count == 0) return;
        // One thread, the languages in the order they are composed; with the main thread's stack:
        // templates nest as deep on either.
        new Thread(() =>
        {
            foreach (var pending in work)
            {
                try { pending.Done.SetResult(Compile(pending.Language, template)); }
                catch (Exception e) { pending.Done.SetException(e); }
            }
        }, maxStackSize: 8 << 20) { IsBackground = true, Name = "reportgen templates" }.Start();
    }

    /// <summary>A language being compiled. A class, not a tuple: generic code over tuples is JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</summary>
    private sealed record Pending(string Language, TaskCompletionSource<CompiledTemplates> Done);

    private CompiledTemplates Compile(string language, string template)
    {
        var templates = new CompiledTemplates();
        var problems = new List<Problem>();
        string path = TemplatePath(language, template);
        if (ReadTemplate(path, problems, record: false) is not { } text) return templates;
        var source = TemplateSource.Parse(Display(path), text, problems);
        if (problems.Count > 0) return templates;
        // Each text as composing compiles it: with its typed numbers marked, and the body's lines.
        foreach (var entry in source.FrontMatter) Ahead(templates, entry.Value, TypedNumbers.Mark(entry.Value, 0).Text);
        Ahead(templates, source.Body, TemplateLines.Mark(TypedNumbers.Mark(source.Body, 0).Text, 0, source.BodyLineOffset));
        return templates;

        static void Ahead(CompiledTemplates templates, string text, string compiled)
        {
            if (TemplateLinter.Lint("", text).Count > 0 || InputSlips.Check("", text).Count > 0) return;
            try { templates.Compile(compiled); }
            catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException)) { } // composing reports it, in place
        }
    }

    /// <summary>
    /// One Handlebars environment per templates folder and language (on each thread, as an
    /// environment is not safe to share), with every template text it has compiled. Compiling is
    /// most of a template's cost; a document built again (the review page's watch mode, after one
    /// template was saved) compiles only the texts that changed. Bounded: cleared past 512 texts and 8 folders and languages.
    /// It keeps compiled templates only: a composition's helpers (which hold its data) are unbound when it ends (<see cref="Unbind"/>).
    /// </summary>
    private sealed class CompiledTemplates
    {
        [ThreadStatic] private static Dictionary<(string Root, string Language), CompiledTemplates>? s_cache;

        public IHandlebars Environment { get; } = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            TextEncoder = new MarkdownEncoder(),
            FormatProvider = CultureInfo.InvariantCulture,
            PartialTemplateResolver = new NoPartialResolver(), // partials only from the templates folder
            CompileTimeConfiguration = { Features = { new InterpretingCompiler() } },
        });

        private readonly Dictionary<string, HandlebarsTemplate<TextWriter, object, object>> _compiled = new(StringComparer.Ordinal);

        /// <param name="precompiled">templates compiled on another thread for this folder and language, taken over if this thread has none</param>
        public static CompiledTemplates For(string root, string language, Task<CompiledTemplates>? precompiled = null)
        {
            s_cache ??= [];
            if (s_cache.TryGetValue((root, language), out var templates)) return templates;
            if (s_cache.Count >= 8) s_cache.Clear(); // a process that composes from many folders (the tests) keeps only a few
            try { templates = precompiled?.GetAwaiter().GetResult(); }
            catch (Exception e) when (e is not OutOfMemoryException) { } // compiled here instead, where a failure is reported
            return s_cache[(root, language)] = templates ?? new CompiledTemplates();
        }

        public static bool Has(string root, string language) => s_cache?.ContainsKey((root, language)) == true;

        /// <summary>
        /// Replaces this thread's helpers of <paramref name="names"/> for the folder and language by ones
        /// that hold nothing, of the same kind (a block helper stays one): the next composition binds its own.
        /// </summary>
        public static void Unbind(string root, string language, IEnumerable<string> names)
        {
            if (s_cache is null || !s_cache.TryGetValue((root, language), out var templates)) return;
            var env = templates.Environment;
            foreach (string name in names)
            {
                if (env.Configuration.Helpers.ContainsKey(name)) env.RegisterHelper(name, Unbound);
                if (env.Configuration.BlockHelpers.ContainsKey(name)) env.RegisterHelper(name, UnboundBlock);
            }
        }

        private static readonly HandlebarsHelper Unbound = (_, _, _) => throw new InvalidOperationException("a helper was run outside a composition");
        private static readonly HandlebarsBlockHelper UnboundBlock = (_, _, _, _) => throw new InvalidOperationException("a helper was run outside a composition");

        public HandlebarsTemplate<TextWriter, object, object> Compile(string text)
        {
            if (_compiled.TryGetValue(text, out var compiled)) return compiled;
            compiled = Environment.Compile(new StringReader(text));
            if (_compiled.Count >= 512) _compiled.Clear();
            return _compiled[text] = compiled;
        }
    }

    private List<TemplateSource> _partialSources = [];

    private List<MarkedTemplate> _partialMarks = [];

    private sealed class NoPartialResolver : IPartialTemplateResolver
    {
        public bool TryRegisterPartial(IHandlebars env, string? partialName, string? templatePath) => false;
    }

    /// <summary>
    /// <c>{{chart "NAME" title="…" [subtitle="…"] [year=2020] [outcome="1.2"]}}</c> (titles may contain
    /// {year}, {outcome} and {short}, the outcome's short name): builds the chart from the figures,
    /// numbers it in order of placement, and leaves a marker the Markdown reader replaces by it.
    /// <c>{{chart_ref "NAME" [year=…] [outcome=…] [domain=…]}}</c>: the words for the charts of that
    /// name (and arguments) placed in the document: "charts III to VIII", "图四".
    /// </summary>
    private static void RegisterChartHelpers(IHandlebars env, ChartCatalog catalog, ChartRegistry charts, Formatter format)
    {
        // A chart's title and subtitle come with the marks of their typed numbers (TypedNumbers): taken out into marks.
        static Dictionary<string, object?> HashOf(Arguments arguments, System.Text.StringBuilder? marks = null)
        {
            var hash = new Dictionary<string, object?>();
            foreach (var pair in arguments.Hash)
                hash[pair.Key] = pair.Value switch { Fig f => f.Value, string text => TypedNumbers.Strip(text, marks), var v => v };
            return hash;
        }
        env.RegisterHelper("chart", new HandlebarsHelper((EncodedTextWriter output, Context _, Arguments arguments) =>
        {
            if (arguments.Length < 1 || arguments[0] is not string name)
                throw new TemplateException("'chart' needs the chart's name, as in {{chart \"linkage\" year=review.last.year title=\"…\"}}", "chart");
            var marks = new System.Text.StringBuilder();
            var hash = HashOf(arguments, marks);
            if (hash.ContainsKey("number"))
                throw new TemplateException("charts are numbered in the order they are placed: remove number=…, and refer to a chart with {{chart_ref …}}", "chart");
            string Hash(string key, bool required = true) =>
                hash.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)!
                : required ? throw new TemplateException($"'chart' needs {key}=\"…\"", "chart") : "";
            if (!ChartCatalog.Names.Contains(name))
                throw new TemplateException($"unknown chart '{name}'{DidYouMean.Hint(name, ChartCatalog.Names)} (charts: {string.Join(", ", ChartCatalog.Names)})", "chart");
            try
            {
                var data = catalog.Build(name, hash);
                string outcome = Hash("outcome", required: false);
                // Titles may name the chart's year or outcome: "Linkages in {year}".
                // Spaced as the language spaces its text (French no-break spaces), as the body is.
                string Fill(string text) => format.Space(text.Replace("{year}", Hash("year", required: false)).Replace("{outcome}", outcome)
                    .Replace("{short}", outcome.Length == 0 ? "" : catalog.OutcomeShort(outcome))).Text;
                string id = charts.Place(name, hash, (number, label) =>
                {
                    string subtitle = Fill(Hash("subtitle", required: false));
                    return new ChartSlot(name, label, Fill(Hash("title")), subtitle.Length == 0 ? null : subtitle, data, catalog.AsTable(data));
                });
                // The title's typed numbers are the chart's: their marks stand on its fence line, which the composer takes them out of.
                output.WriteSafeString($"\n\n```chart {id}{marks}\n```\n\n");
            }
            catch (ChartException e)
            {
                throw new TemplateException(e.Message, "chart");
            }
            catch (TemplateException e) when (e.Helper is null)
            {
                throw new TemplateException(e.Message, "chart");
            }
        }));
        env.RegisterHelper("chart_ref", new HandlebarsHelper((EncodedTextWriter output, Context _, Arguments arguments) =>
        {
            if (arguments.Length < 1 || arguments[0] is not string name || !ChartCatalog.Names.Contains(name))
                throw new TemplateException($"'chart_ref' needs a chart's name ({string.Join(", ", ChartCatalog.Names)}), as in {{{{chart_ref \"linkage\"}}}}", "chart_ref");
            output.WriteSafeString(charts.Refer(name, HashOf(arguments)));
        }));
    }

    /// <summary>Renders one template text; on failure adds a problem placed in the template and returns null.</summary>
    /// <param name="lineOffset">for the body: its lines are marked too (<see cref="TemplateLines"/>), counted from this line offset</param>
    private string? Render(IHandlebars env, CompiledTemplates templates, string text, object context, TemplateSource template, List<Problem> problems,
        FrontMatterEntry? entry, ReadLog log, int? lineOffset = null)
    {
        var budget = new RenderBudget(RenderLimit);
        var output = new BoundedWriter(budget);
        log.Budget = budget;
        // Rendered with its typed numbers marked (TypedNumbers); the sites are kept for the marks the output holds.
        var marked = TypedNumbers.Mark(text, 0);
        _renderedSites = marked.Sites;
        // The line marks go in last: the typed numbers' marks change no line.
        string? withLines = lineOffset is int offset ? TemplateLines.Mark(marked.Text, 0, offset) : null;
        try
        {
            var compiled = Compile(templates, marked.Text, withLines);
            log.Start(output.GetStringBuilder());
            compiled(output, context);
            return output.ToString();
        }
        catch (Exception e)
        {
            log.Stop();
            log.Budget = null; // what follows (locating the failure) is not the template's work
            if (budget.Exceeded)
            {
                // Not the text's fault but the work's: placed at the last line reached, and not run again to be located.
                problems.Add(OverBudget(budget, log, template, entry));
                return null;
            }
            // The marks move the columns the library reports: the failure is located on the text as written.
            if (!ReferenceEquals(marked.Text, text) || withLines is not null) e = FailureUnmarked(env, text, context, log) ?? e;
            // The last line the run reached: the failing mustache is on it or after it (a loop's lines are reached again and again).
            var reached = lineOffset is not null && log.Marks.Count > 0 ? log.Marks[^1] : null;
            problems.Add(Locate(e, text, template, entry, FailingOccurrence(env, text, context, e, log), env, reached));
            return null;
        }
        finally
        {
            log.Stop();
            log.Budget = null;
        }
    }

    /// <summary>The sites of the text last rendered (a front-matter value or the body).</summary>
    private IReadOnlyList<TemplateSite> _renderedSites = [];

    /// <summary>The problem of a run stopped by its budget: at the last template line it reached (a front-matter word at its entry), else at the file.</summary>
    private Problem OverBudget(RenderBudget budget, ReadLog log, TemplateSource template, FrontMatterEntry? entry)
    {
        if (entry is not null) return TemplateError.At(template.DisplayPath, entry.Line, entry.Column, budget.Message);
        if (log.Marks.Count == 0) return new Problem(template.DisplayPath, budget.Message);
        var last = log.Marks[^1];
        string file = last.File == 0 || last.File - 1 >= _partialSources.Count ? template.DisplayPath : _partialSources[last.File - 1].DisplayPath;
        return TemplateError.At(file, last.Line, last.Column, budget.Message);
    }

    /// <summary>A writer for a run again (to locate a failure), within a budget of its own.</summary>
    private BoundedWriter Rerun(ReadLog log)
    {
        var budget = new RenderBudget(RenderLimit);
        log.Budget = budget;
        return new BoundedWriter(budget);
    }

    /// <summary>How the text as written (without marks) fails, if it does.</summary>
    private Exception? FailureUnmarked(IHandlebars env, string text, object context, ReadLog log)
    {
        try { env.Compile(new StringReader(text))(Rerun(log), context); }
        catch (Exception e) { return e; }
        finally { log.Budget = null; } // what follows (the names for "did you mean") is not the template's work
        return null;
    }

    /// <summary>The text with its line marks compiled, if given and it compiles (it always should); else the text without them.</summary>
    private static HandlebarsTemplate<TextWriter, object, object> Compile(CompiledTemplates templates, string text, string? marked)
    {
        if (marked is not null)
            try { return templates.Compile(marked); }
            catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException)) { }
        return templates.Compile(text);
    }

    private static int LineArgument(Arguments arguments, int index) => Convert.ToInt32(arguments[index], CultureInfo.InvariantCulture);

    /// <summary>
    /// A problem Markdown reading found ("line 40: …" of the text the template produced), placed in
    /// the template where that line's words come from: the longest start of the line (up to the
    /// first value) that the template holds. Values come from data, so the template's own words
    /// are what finds the place.
    /// </summary>
    private static Problem LocateMarkdownProblem(string message, string markdown, TemplateSource template)
    {
        var m = Regex.Match(message, @"^line (\d+): (.*)$", RegexOptions.Singleline);
        if (!m.Success) return new Problem(template.DisplayPath, message);
        int lineNumber = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        string what = m.Groups[2].Value;
        string line = markdown.Split('\n').ElementAtOrDefault(lineNumber - 1) ?? "";
        string words = new string(line.TakeWhile(c => c is not (>= '\uE000' and <= '\uF8FF')).ToArray()).Trim();
        for (int length = Math.Min(words.Length, 40); length >= 3; length--)
        {
            int at = template.Body.IndexOf(words[..length], StringComparison.Ordinal);
            if (at >= 0)
            {
                var (l, c) = TemplateError.LineColumn(template.Body, at);
                return TemplateError.At(template.DisplayPath, l + template.BodyLineOffset, c, what);
            }
        }
        return new Problem(template.DisplayPath, $"{what} (in the text it produces, at '{(words.Length > 30 ? words[..30] + "…" : words)}')");
    }

    /// <summary>The names of the context being rendered (items' names without their list's "[]") and the helpers; and the names outside any list.</summary>
    private sealed record NameSet(IReadOnlyCollection<string> All, IReadOnlySet<string> Outer);

    /// <summary>The names of the context being rendered and the helpers, for "did you mean".</summary>
    private Lazy<NameSet> _names = new(() => new NameSet([], new HashSet<string>()));

    /// <summary>
    /// " (did you mean 'review.last.year'?)" for a mistyped name: the whole path, else its last part;
    /// never the very name written. A name that exists but failed was written where it means
    /// something else: inside a loop (names are the item's), or an item's name outside its loop.
    /// </summary>
    private string Suggestion(string path)
    {
        var (names, outer) = _names.Value;
        if (outer.Contains(path))
            return $"; inside {{{{#each}}}}, names refer to the item; use ../{path} or @root.{path} for the outer one";
        string whole = DidYouMean.Hint(path, names);
        if (whole.Length > 0) return whole;
        // Else the last part: "doc.organn" → the one name ending in "organ" (words.organ).
        string last = path.Split('.')[^1];
        if (DidYouMean.Closest(last, names.Select(n => n.Split('.')[^1])) is not { } close) return "";
        var full = names.Where(n => n.Split('.')[^1] == close).ToList();
        string suggested = full.Count == 1 ? full[0] : close;
        if (suggested != path && !names.Contains(path)) return $"; did you mean '{suggested}'?";
        // The name of a list's items ("year" of findings.region_leaders), written outside a loop over that list.
        var lists = (names.Contains(path) ? new[] { path } : full.Where(n => !outer.Contains(n)))
            .Select(n => n[..Math.Max(0, n.LastIndexOf('.'))]).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (lists.Count == 0) return "";
        string shown = string.Join(", ", lists.Take(3)) + (lists.Count > 3 ? " …" : "");
        return $"; '{last}' names a value of the items of {shown}, not a name here: inside {{{{#each}}}}, names are those of the items of the list it goes through";
    }

    private const string MarkerHelper = "__reportgen_at";

    /// <summary>
    /// When a helper used several times fails, which use was it? The text is rendered again (the
    /// output thrown away) with a marker before each mustache that uses the helper; the last
    /// marker reached before the failure names the occurrence. Returns its offset in the text.
    /// </summary>
    private int? FailingOccurrence(IHandlebars env, string text, object context, Exception failure, ReadLog log)
    {
        var inner = failure;
        while (inner is not TemplateException && inner.InnerException is not null) inner = inner.InnerException;
        if (inner is not TemplateException { Helper: { } helper }) return null;
        var starts = new List<int>();
        foreach (Match m in new Regex(@"(\{\{~?|\()\s*" + Regex.Escape(helper) + @"[\s})]").Matches(text))
        {
            int open = text.LastIndexOf("{{", m.Index + 1, StringComparison.Ordinal);
            if (open >= 0 && (starts.Count == 0 || starts[^1] != open)) starts.Add(open);
        }
        if (starts.Count < 2) return starts.Count == 1 ? starts[0] : null;
        var marked = new System.Text.StringBuilder(text.Length + starts.Count * 32);
        int from = 0;
        for (int k = 0; k < starts.Count; k++)
        {
            marked.Append(text, from, starts[k] - from);
            bool tilde = starts[k] + 2 < text.Length && text[starts[k] + 2] == '~';
            marked.Append(tilde ? "{{~" : "{{").Append(MarkerHelper).Append(' ').Append(k.ToString(CultureInfo.InvariantCulture)).Append("}}");
            from = starts[k];
        }
        marked.Append(text, from, text.Length - from);
        int last = -1;
        env.RegisterHelper(MarkerHelper, (in EncodedTextWriter _, in HelperOptions _, in Context _, in Arguments arguments) =>
            last = arguments.Length > 0 && arguments[0] is int k ? k : int.TryParse(Convert.ToString(arguments[0], CultureInfo.InvariantCulture), out int n) ? n : -1);
        try { env.Compile(new StringReader(marked.ToString()))(Rerun(log), context); }
        catch (Exception again)
        {
            var second = again;
            while (second is not TemplateException && second.InnerException is not null) second = second.InnerException;
            if (second is TemplateException t && t.Message == inner.Message && last >= 0) return starts[last];
        }
        finally { log.Budget = null; }
        return null;
    }

    /// <summary>
    /// The work one run of a template may do (<see cref="RenderBudget"/>): no template can fill the
    /// memory or keep a build or the watch mode busy, and a template stopped is a problem at the
    /// template like any other. Lowered by the tests only.
    /// </summary>
    public long RenderLimit { get; init; } = RenderBudget.MaxUnits;

    /// <summary>The text a template writes, each character charged to its run's budget.</summary>
    private sealed class BoundedWriter(RenderBudget budget) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value) { Check(1); base.Write(value); }

        public override void Write(string? value) { Check(value?.Length ?? 0); base.Write(value); }

        public override void Write(char[] buffer, int index, int count) { Check(count); base.Write(buffer, index, count); }

        public override void Write(ReadOnlySpan<char> buffer) { Check(buffer.Length); base.Write(buffer); }

        private void Check(int more) => budget.Spend(more);
    }

    private Problem Locate(Exception e, string text, TemplateSource template, FrontMatterEntry? entry, int? failedAt = null, IHandlebars? env = null,
        ReadLog.Mark? reached = null)
    {
        // Handlebars wraps exceptions thrown inside helpers; ours carry the useful message.
        var inner = e;
        while (inner is not TemplateException && inner.InnerException is not null) inner = inner.InnerException;

        Problem At(TemplateSource source, string body, int offset, string message)
        {
            var (line, column) = TemplateError.LineColumn(body, offset);
            if (entry is not null && ReferenceEquals(source, template)) return TemplateError.At(source.DisplayPath, entry.Line, entry.Column + column - 1, message);
            return TemplateError.At(source.DisplayPath, line + source.BodyLineOffset, column, message);
        }

        Problem Search(Regex pattern, string message)
        {
            var sources = new List<(TemplateSource Source, string Body)> { (template, text) };
            sources.AddRange(_partialSources.Select(p => (p, p.Body)));
            // First from the last line reached, in its file: the same name earlier in the file did not fail.
            if (reached is not null && reached.File < sources.Count)
            {
                var (source, body) = sources[reached.File];
                int from = 0;
                for (int line = source.BodyLineOffset + 1; line < reached.Line && from >= 0; line++) from = body.IndexOf('\n', from) is int n and >= 0 ? n + 1 : -1;
                if (from >= 0 && pattern.Match(body, from) is { Success: true } m) return At(source, body, m.Index, message);
            }
            foreach (var (source, body) in sources)
                if (pattern.Match(body) is { Success: true } m) return At(source, body, m.Index, message);
            return entry is not null ? TemplateError.At(template.DisplayPath, entry.Line, entry.Column, message) : new Problem(template.DisplayPath, message);
        }

        switch (inner)
        {
            case TemplateException te when te.Helper is not null && failedAt is int at:
                return At(template, text, at, te.Message);
            case TemplateException te:
                return te.Helper is { } helper
                    ? Search(new Regex(@"(\{\{~?|\()\s*" + Regex.Escape(helper) + @"[\s})]"), te.Message)
                    : Search(new Regex("$^"), te.Message);
            case HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException ub:
                string path = ub.Path ?? ub.MissingKey ?? "";
                return Search(new Regex(@"\{\{[^}]*?(?<![\w.])" + Regex.Escape(path) + @"(?![\w])"),
                    $"'{path}' is not a name this template can use (no such value, helper or partial){Suggestion(path)}");
        }
        var (message, line, column) = TemplateError.SplitLibraryMessage(inner.Message);
        if (line is int l && column is int c)
            return entry is not null
                ? TemplateError.At(template.DisplayPath, entry.Line, entry.Column + c - 1, message)
                : TemplateError.At(template.DisplayPath, l + template.BodyLineOffset, c, message);
        // The library said nothing of where: compile each expression alone to find the one it cannot read.
        if (env is not null && UnreadableExpression(env, text) is { } bad)
            return At(template, text, bad.Offset, $"'{bad.Text}' cannot be read: {PlainWords(message)}");
        return entry is not null ? TemplateError.At(template.DisplayPath, entry.Line, entry.Column, message) : new Problem(template.DisplayPath, message);
    }

    /// <summary>The first {{…}} that does not compile on its own (a block opener with an empty body), or null.</summary>
    private static (int Offset, string Text)? UnreadableExpression(IHandlebars env, string text)
    {
        foreach (Match m in Regex.Matches(text, @"\{\{~?([^{}]*?)~?\}\}"))
        {
            string tag = m.Groups[1].Value.Trim();
            if (tag.Length == 0 || tag.StartsWith('/') || tag.StartsWith('!') || tag == "else" || tag.StartsWith("else ") || tag.StartsWith('>')) continue;
            string probe = tag[0] is '#' or '^' ? $"{m.Value}{{{{/{tag[1..].Split(' ', 2)[0]}}}}}" : m.Value;
            try { env.Compile(new StringReader(probe)); }
            catch (Exception e) when (e is not OutOfMemoryException) { return (m.Index, m.Value); }
        }
        return null;
    }

    /// <summary>The library's words for what is wrong, in a translator's words where they are known.</summary>
    private static string PlainWords(string message) => message switch
    {
        _ when message.Contains("Sequence contains no matching element", StringComparison.Ordinal) =>
            "a block needs what it goes through or tests, as in {{#each review.years}} or {{#if findings.covid.any}}",
        _ when message.Contains("Invalid argument list for conditional block", StringComparison.Ordinal) =>
            "{{#if}} and {{#unless}} test one value; combine several with (and …) or (or …)",
        _ when message.Contains("expected an expression", StringComparison.Ordinal) =>
            "a value is missing after '=' or inside ( ), as in title=\"…\"",
        _ => message.TrimEnd('.'),
    };
}
