using System.Globalization;
using ReportGen.Document;

namespace ReportGen.Templating;

/// <summary>
/// One part of a document for the parity check: where it stands (a key that is the same in every
/// language: "paragraph 8 item 3.2"), how it reads to a person in English ("8 (c) (ii)"), its shape
/// (a paragraph, a table of 13 rows and 7 columns, a "linkage" chart…, with its footnotes), and the
/// figures and findings the template used to write it.
/// </summary>
public sealed record OutlineUnit(string Key, string Display, string Shape, IReadOnlySet<string> Figures, IReadOnlySet<string> Findings)
{
    /// <summary>The numbers the part writes, in order: typed in the template, or printed from a figure (<see cref="TypedNumberCheck"/>).</summary>
    public IReadOnlyList<PartNumber> Numbers { get; init; } = [];
}

/// <summary>
/// A number a part writes: typed by its template (<see cref="Typed"/>, placed at
/// <see cref="Place"/>, file:line:col), or printed from the figure <see cref="Path"/> by
/// <see cref="Helper"/>, through the mustache <see cref="Expression"/> when it is known.
/// </summary>
public sealed class PartNumber
{
    public NumberToken? Typed { get; private init; }
    public string Place { get; private init; } = "";
    public string Path { get; private init; } = "";
    public string Helper { get; private init; } = "";
    public string? Expression { get; private init; }

    public static PartNumber TypedAt(string place, NumberToken number) => new() { Place = place, Typed = number };

    public static PartNumber Printed(string path, string helper, string? expression) => new() { Path = path, Helper = helper, Expression = expression };
}

/// <summary>A number a part writes, at its position in the Markdown the template produced.</summary>
public sealed class NumberAt(int position, PartNumber number)
{
    public int Position { get; } = position;
    public PartNumber Number { get; } = number;
}

/// <summary>
/// What a composed document says where: its parts in reading order, each with the figures (by
/// their path in figures.json) and the findings (path = value) its template read while writing it.
/// Reads are given to the part whose Markdown they fell in, or else to the next part.
/// </summary>
public sealed class DocumentOutline(IReadOnlyList<OutlineUnit> units)
{
    public IReadOnlyList<OutlineUnit> Units { get; } = units;

    /// <param name="bodyNumbers">the numbers the body writes, at their positions (<see cref="TypedNumbers"/>), given to parts as reads are</param>
    /// <param name="mastheadNumbers">the numbers the front matter writes</param>
    public static DocumentOutline Build(Doc doc, IReadOnlyList<MarkdownReader.BlockSpan> spans, IReadOnlyList<ReadLog.Read> bodyReads,
        IReadOnlyList<ReadLog.Read> mastheadReads, IReadOnlyList<NumberAt>? bodyNumbers = null, IReadOnlyList<PartNumber>? mastheadNumbers = null)
    {
        var ordered = spans.OrderBy(s => s.Start).ToList();
        var readsOf = new Dictionary<Block, List<ReadLog.Read>>(ReferenceEqualityComparer.Instance);
        foreach (var read in bodyReads)
        {
            if (ordered.Count == 0) break;
            var owner = Owner(ordered, read.Position);
            if (!readsOf.TryGetValue(owner, out var list)) readsOf[owner] = list = [];
            list.Add(read);
        }
        var numbersOf = new Dictionary<Block, List<PartNumber>>(ReferenceEqualityComparer.Instance);
        foreach (var number in bodyNumbers ?? [])
        {
            if (ordered.Count == 0) break;
            var owner = Owner(ordered, number.Position);
            if (!numbersOf.TryGetValue(owner, out var list)) numbersOf[owner] = list = [];
            list.Add(number.Number);
        }

        var units = new List<OutlineUnit>();
        foreach (var part in DocumentParts.Of(doc))
        {
            if (part.Block is null)
            {
                units.Add(Unit("masthead", "the masthead", "masthead", mastheadReads, []) with { Numbers = mastheadNumbers ?? [] });
                continue;
            }
            var reads = readsOf.TryGetValue(part.Block, out var r) ? r : [];
            var (shape, inlines) = ShapeOf(part);
            int notes = inlines.OfType<FootnoteRef>().Count();
            string display = part.Block is Paragraph { Numbered: true } ? part.Key : part.Display; // "paragraph 8"
            units.Add(Unit(part.Key, display, notes == 0 ? shape : $"{shape} with {notes} footnote{(notes == 1 ? "" : "s")}", reads,
                inlines.OfType<FigureRef>().Select(f => f.Path)) with { Numbers = numbersOf.TryGetValue(part.Block, out var numbers) ? numbers : [] });
        }
        return new DocumentOutline(units);
    }

    /// <summary>Where each unit (at the same index in <see cref="Units"/>) is written in the templates; empty when not known.</summary>
    public IReadOnlyList<TemplatePlace?> Places { get; private init; } = [];

    /// <summary>
    /// How many characters each unit's text has (0 for a chart, a page break, the masthead): the
    /// languages' lengths differ, but in proportion, which tells otherwise alike parts apart.
    /// </summary>
    public IReadOnlyList<int> Lengths { get; private init; } = [];

    /// <summary>
    /// The outline with the place and length of each unit. Its place is the template line that was
    /// writing when the unit's first character was written (the last line mark at or before it,
    /// <see cref="TemplateLines"/>); the masthead is at <paramref name="masthead"/>; a unit with no
    /// span of its own (a page break) is where the unit before it is. <paramref name="files"/>
    /// names the files the marks number.
    /// </summary>
    public DocumentOutline Placed(Doc doc, IReadOnlyList<MarkdownReader.BlockSpan> spans, IReadOnlyList<ReadLog.Mark> marks, TemplatePlace masthead,
        IReadOnlyList<string> files)
    {
        var spanOf = new Dictionary<Block, MarkdownReader.BlockSpan>(ReferenceEqualityComparer.Instance);
        foreach (var span in spans) spanOf.TryAdd(span.Block, span);
        var places = new List<TemplatePlace?>(Units.Count);
        var lengths = new List<int>(Units.Count);
        TemplatePlace? previous = null;
        foreach (var part in DocumentParts.Of(doc))
        {
            var place = part.Block is null ? masthead : previous;
            if (part.Block is not null && spanOf.TryGetValue(part.Block, out var own) && LastAtOrBefore(marks, own.Start) is { } mark)
                place = new TemplatePlace(files[mark.File], mark.Line, mark.Column);
            places.Add(previous = place);
            lengths.Add(part.Block is null ? 0 : Inlines.PlainText(ShapeOf(part).Inlines).Length);
        }
        return new DocumentOutline(Units) { Places = places, Lengths = lengths };
    }

    /// <summary>The same outline, its places and lengths kept, with other units (a check that reconciles units, <see cref="TypedNumberCheck"/>, keeps where they are written).</summary>
    public DocumentOutline WithUnits(IReadOnlyList<OutlineUnit> units) => new(units) { Places = Places, Lengths = Lengths };

    /// <summary>The last mark at or before a position (marks are in the order they were reached, so by position).</summary>
    private static ReadLog.Mark? LastAtOrBefore(IReadOnlyList<ReadLog.Mark> marks, int position)
    {
        int low = 0, high = marks.Count - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (marks[middle].Position <= position) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        return found < 0 ? null : marks[found];
    }

    /// <summary>The part a position of the Markdown belongs to: the last part starting at or before it, if it lies within it (or right at its end, on its line); else the next part.</summary>
    private static Block Owner(List<MarkdownReader.BlockSpan> ordered, int position)
    {
        int i = ordered.Count - 1;
        while (i >= 0 && ordered[i].Start > position) i--;
        return (i >= 0 && position <= ordered[i].End ? ordered[i] : i + 1 < ordered.Count ? ordered[i + 1] : ordered[^1]).Block;
    }

    /// <summary>What a part is, as the parity check compares it, and the inlines whose figures and footnotes count.</summary>
    private static (string Shape, IEnumerable<Inline> Inlines) ShapeOf(DocumentPart part) => part.Block!.Accept(new Shape(part.Key));

    /// <summary>One method per kind of block; <paramref name="key"/> is the part's (a sub-item's tells its level).</summary>
    private sealed class Shape(string key) : IBlockVisitor<(string, IEnumerable<Inline>)>
    {
        public (string, IEnumerable<Inline>) Visit(Heading h) => h switch
        {
            { Level: 1, Number: not null } => ("chapter heading", h.Content),
            { Level: 2, Number: not null } => ("section heading", h.Content),
            _ => ($"heading at level {h.Level}", h.Content),
        };

        public (string, IEnumerable<Inline>) Visit(Paragraph p)
        {
            if (p.Numbered) return ("numbered paragraph", p.Content);
            int item = key.IndexOf(" item.", StringComparison.Ordinal);
            return item >= 0 ? ($"sub-item at level {key[(item + 6)..].Count(c => c == '.') + 1}", p.Content) : ("unnumbered paragraph", p.Content);
        }

        /// <summary>A list's items are parts of their own, so a list is never one part.</summary>
        public (string, IEnumerable<Inline>) Visit(SubItems s) => ("sub-items", []);

        public (string, IEnumerable<Inline>) Visit(Table t) => ($"table of {t.Header.Count + t.Rows.Count} rows and {t.ColumnWeights.Count} columns",
            t.Header.Concat(t.Rows).SelectMany(row => row).SelectMany(cell => cell.Content));

        public (string, IEnumerable<Inline>) Visit(ChartSlot c) =>
            ($"chart '{c.Name}' of {c.Chart.Series.Count} series over " + string.Join(", ", c.Chart.CategoryCodes), []);

        public (string, IEnumerable<Inline>) Visit(Annex a) => ("annex", []);
        public (string, IEnumerable<Inline>) Visit(PageBreak pageBreak) => ("page break", []);
    }

    private static OutlineUnit Unit(string key, string display, string shape, IEnumerable<ReadLog.Read> reads, IEnumerable<string> printed)
    {
        var list = reads.ToList();
        var figures = new SortedSet<string>(list.Where(r => r.IsFigure).Select(r => r.Path).Concat(printed), StringComparer.Ordinal);
        var findings = new SortedSet<string>(list.Where(r => !r.IsFigure).Select(r => $"{r.Path} = {r.Value}"), StringComparer.Ordinal);
        return new OutlineUnit(key, display, shape, figures, findings);
    }
}
