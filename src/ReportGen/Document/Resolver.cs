using System.Globalization;
using System.Text;

namespace ReportGen.Document;

/// <summary>One figure printed in the document, at one place: the n-th occurrence in reading order.</summary>
public sealed record FigureOccurrence(int Number, FigureRef Figure, string Anchor);

/// <summary>A reference to charts, resolved: where it stands (the anchor of its paragraph) and the anchors of the charts it names, in order.</summary>
public sealed record ChartReference(ChartRef Reference, string At, IReadOnlyList<string> Charts);

/// <summary>
/// A composed document with every number and anchor assigned once (<see cref="Resolver"/>):
/// writers read marks and anchors from here and number nothing themselves; they write the
/// anchors into their output (DOCX bookmarks, PDF named destinations, HTML ids) and the audit
/// reads them back to key paragraphs.
/// </summary>
public sealed class ResolvedDocument
{
    private readonly Dictionary<Block, string> _anchors = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Footnote, (string Mark, string Anchor)> _notes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FigureRef, List<int>> _figureNumbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ChartRef, ChartReference> _chartRefs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Paragraph, int> _paragraphNumbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SubItem, string> _itemLabels = new(ReferenceEqualityComparer.Instance);

    internal ResolvedDocument(Doc doc) => Doc = doc;

    public Doc Doc { get; }

    /// <summary>Every footnote, in the order of their marks (the masthead's first).</summary>
    public List<Footnote> Notes { get; } = [];

    /// <summary>Every figure printed in the text, in reading order (a footnote's at its first reference).</summary>
    public List<FigureOccurrence> Figures { get; } = [];

    /// <summary>The anchor of a block ("8", "8(a)", "III.A", "chart-II", "annex-II-table-1"); null for a page break.</summary>
    public string? AnchorOf(Block block) => _anchors.GetValueOrDefault(block);

    /// <summary>A numbered paragraph's number (1, 2, 3… through the body); null for an unnumbered one.</summary>
    public int? NumberOf(Paragraph paragraph) => _paragraphNumbers.TryGetValue(paragraph, out int n) ? n : null;

    /// <summary>A numbered paragraph's label as the document's language writes it ("8.", Arabic "8 -"); null for an unnumbered one.</summary>
    public string? LabelOf(Paragraph paragraph) => NumberOf(paragraph) is int n ? Numbering.Paragraph(n, Doc.Language) : null;

    /// <summary>A sub-item's label in the document's language: (a), (i); (一) in Chinese; a), i) in French; (أ) in Arabic. Empty for an item the resolver has not seen.</summary>
    public string LabelOf(SubItem item) => _itemLabels.GetValueOrDefault(item, "");

    /// <summary>The mark a footnote shows: its custom mark (*, **) or its number.</summary>
    public string MarkOf(Footnote note) => _notes.TryGetValue(note, out var n) ? n.Mark : note.CustomMark ?? "";

    /// <summary>The anchor of a footnote's text ("note-1").</summary>
    public string NoteAnchorOf(Footnote note) => _notes.TryGetValue(note, out var n) ? n.Anchor : Anchors.Masthead;

    /// <summary>
    /// The occurrence numbers of a figure object, in reading order: a writer takes the n-th the n-th
    /// time it prints the figure (a footnote referred to twice prints its figures twice).
    /// </summary>
    public IReadOnlyList<int> NumbersOf(FigureRef figure) => _figureNumbers.TryGetValue(figure, out var numbers) ? numbers : [];

    /// <summary>Every reference to charts in the text, in reading order (a footnote's at its first reference).</summary>
    public List<ChartReference> ChartReferences { get; } = [];

    /// <summary>The anchor a chart reference links to: its first chart's; null for a reference this document does not hold.</summary>
    public string? LinkOf(ChartRef reference) => _chartRefs.TryGetValue(reference, out var r) && r.Charts.Count > 0 ? r.Charts[0] : null;

    internal void AddChartReference(ChartReference reference)
    {
        if (!_chartRefs.TryAdd(reference.Reference, reference)) return;
        ChartReferences.Add(reference);
    }

    internal void SetAnchor(Block block, string anchor) => _anchors[block] = anchor;

    internal void SetNumber(Paragraph paragraph, int number) => _paragraphNumbers[paragraph] = number;

    internal void SetLabel(SubItem item, string label) => _itemLabels[item] = label;

    internal bool HasNote(Footnote note) => _notes.ContainsKey(note);

    internal void SetNote(Footnote note, string mark, string anchor)
    {
        _notes[note] = (mark, anchor);
        Notes.Add(note);
    }

    internal void AddFigure(FigureRef figure, string anchor)
    {
        var occurrence = new FigureOccurrence(Figures.Count + 1, figure, anchor);
        Figures.Add(occurrence);
        if (!_figureNumbers.TryGetValue(figure, out var numbers)) _figureNumbers[figure] = numbers = [];
        numbers.Add(occurrence.Number);
    }
}

/// <summary>
/// The one step after composition that numbers the document: the numbers of body paragraphs
/// (1, 2, 3… in reading order, annexes and sub-items left out), the labels of sub-items, anchors of chapters, sections,
/// paragraphs, sub-items, tables, charts, annexes and footnotes, footnote marks, and the
/// occurrence numbers of the figures in the text. Anchors are the same in every language (chapter
/// 一 of the Chinese edition is "I") and do not move when another block is removed: paragraphs keep
/// their numbers, charts their own numbers, and tables and unnumbered texts count within their
/// chapter-less scope (the body or one annex).
/// </summary>
public static class Resolver
{
    public static ResolvedDocument Resolve(Doc doc)
    {
        var resolved = new ResolvedDocument(doc);
        new Walk(resolved).Document(doc);
        return resolved;
    }

    private sealed class Walk(ResolvedDocument resolved) : IBlockVisitor<Done>, IInlineVisitor<Done>
    {
        private int _notes, _numbered, _chapter, _section, _annex, _chart, _paragraphs;
        private string _scope = "";          // "" in the body, "annex-II-" in an annex
        private int _table, _text, _heading;  // per scope
        private string _paragraph = "";      // the anchor sub-items hang from
        private string _at = "";             // the anchor of the inlines being walked

        public void Document(Doc doc)
        {
            var m = doc.Masthead;
            foreach (var note in m.TitleFootnotes.Prepend(m.AgendaFootnote)) Note(note, Anchors.Masthead);
            Blocks(doc.Body);
            // References are linked once every chart has its anchor: text may name a chart that comes later.
            foreach (var (reference, at) in _chartRefs)
                resolved.AddChartReference(new ChartReference(reference, at,
                    reference.Charts.Select(resolved.AnchorOf).OfType<string>().ToList()));
        }

        private readonly List<(ChartRef, string)> _chartRefs = [];

        private void Note(Footnote note, string at)
        {
            if (resolved.HasNote(note)) return;
            int n = ++_notes;
            string mark = note.CustomMark ?? (++_numbered).ToString(CultureInfo.InvariantCulture);
            resolved.SetNote(note, mark, "note-" + n.ToString(CultureInfo.InvariantCulture));
            Inlines(note.Content, at);
        }

        private void Inlines(IEnumerable<Inline> inlines, string anchor)
        {
            _at = anchor;
            foreach (var inline in inlines) inline.Accept(this);
        }

        public Done Visit(Text text) => default;

        public Done Visit(LineBreak lineBreak) => default;

        public Done Visit(Strong strong)
        {
            Inlines(strong.Content, _at);
            return default;
        }

        public Done Visit(Emphasis emphasis)
        {
            Inlines(emphasis.Content, _at);
            return default;
        }

        public Done Visit(FootnoteRef footnote)
        {
            string at = _at;
            Note(footnote.Footnote, at);
            _at = at;
            return default;
        }

        public Done Visit(FigureRef figure)
        {
            resolved.AddFigure(figure, _at);
            return default;
        }

        public Done Visit(ChartRef chartRef)
        {
            _chartRefs.Add((chartRef, _at));
            return default;
        }

        private string Set(Block block, string anchor)
        {
            resolved.SetAnchor(block, anchor);
            return anchor;
        }

        private void Blocks(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks) block.Accept(this);
        }

        public Done Visit(Heading h)
        {
            // Chapters and sections of the body are numbered; other headings (an annex's, level 3) counted.
            string anchor;
            if (h.Number is null || _scope.Length > 0 || h.Level > 2) anchor = $"{_scope}heading-{++_heading}";
            else if (h.Level == 1)
            {
                _chapter++;
                _section = 0;
                anchor = Numbering.Roman(_chapter);
            }
            else anchor = $"{Numbering.Roman(_chapter)}.{Numbering.Section(++_section).TrimEnd('.')}";
            Inlines(h.Content, Set(h, anchor));
            return default;
        }

        public Done Visit(Paragraph p)
        {
            if (p.Numbered && _scope.Length == 0) resolved.SetNumber(p, ++_paragraphs);
            _paragraph = Set(p, resolved.NumberOf(p) is int n ? n.ToString(CultureInfo.InvariantCulture) : $"{_scope}text-{++_text}");
            Inlines(p.Content, _paragraph);
            return default;
        }

        public Done Visit(SubItems s)
        {
            Items(s, _paragraph);
            return default;
        }

        public Done Visit(Table t)
        {
            string table = Set(t, $"{_scope}table-{++_table}");
            var rows = t.Header.Concat(t.Rows).ToList();
            for (int r = 0; r < rows.Count; r++)
                foreach (var cell in rows[r]) Inlines(cell.Content, Anchors.Row(table, r + 1));
            return default;
        }

        public Done Visit(ChartSlot c)
        {
            Set(c, $"{_scope}chart-{ChartNumber(c.Number, ++_chart)}");
            return default;
        }

        public Done Visit(Annex a)
        {
            _scope = Set(a, $"annex-{Numbering.Roman(++_annex)}") + "-";
            _table = _text = _heading = 0;
            Blocks(a.Body);
            _scope = "";
            return default;
        }

        public Done Visit(PageBreak pageBreak) => default;

        private void Items(SubItems list, string parent)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                resolved.SetLabel(list.Items[i], Numbering.SubItem(list.Level, i + 1, resolved.Doc.Language));
                string label = list.Level == 1 ? $"({Numbering.Letter(i + 1)})" : $"({Numbering.Roman(i + 1).ToLowerInvariant()})";
                string item = parent + label;
                int paragraphs = 0;
                ItemBlocks.Walk(list.Items[i], resolved.LabelOf(list.Items[i]), (p, _) =>
                {
                    // A sub-item's later paragraphs (rare) are "8(a)+2", "8(a)+3".
                    string anchor = ++paragraphs == 1 ? item : $"{item}+{paragraphs}";
                    Set(p, anchor);
                    Inlines(p.Content, anchor);
                }, nested => Items(nested, item));
            }
        }

        /// <summary>A chart keeps the number its caption shows ("II", "图二" → "II"), so removing one chart moves no other.</summary>
        private static string ChartNumber(string number, int count)
        {
            string last = number.Split(' ').Last().TrimEnd('.');
            if (last.Length > 0 && last.All(char.IsAsciiLetterOrDigit)) return last;
            return Numbering.Roman(Anchors.ChineseNumber(last) ?? count);
        }
    }
}

/// <summary>
/// Anchors as names in files: a DOCX bookmark name or a PDF destination name may hold only
/// letters, digits and underscores (Word's rule), so an anchor is written with its punctuation
/// spelled out, reversibly: "8(a)" is "rg_8_oa_c", "annex-II-table-1" "rg_annex_hII_htable_h1".
/// </summary>
public static class Anchors
{
    public const string Masthead = "masthead";

    /// <summary>Names of regions that hold a block's drawing (a chart's bars and axes, the linkage matrix): "rgx_chart_hII" is "chart-II-drawing".</summary>
    public const string DrawingPrefix = "rgx_";

    /// <summary>Names of regions that hold no text of the document (running headers, page numbers, repeated table headers).</summary>
    public const string NoTextPrefix = "rgn_";

    /// <summary>The suffix of a drawing's region: comparisons across formats leave drawings out (Word draws charts its own way).</summary>
    public const string DrawingSuffix = "-drawing";

    private const string Prefix = "rg_";

    public static string Row(string table, int row) => $"{table}-row-{row.ToString(CultureInfo.InvariantCulture)}";

    public static string Encode(string anchor)
    {
        var name = new StringBuilder(Prefix);
        foreach (char c in anchor)
            name.Append(c switch
            {
                '(' => "_o", ')' => "_c", '.' => "_d", '-' => "_h", '+' => "_p", '_' => "__",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => throw new ArgumentException($"an anchor holds letters, digits and ( ) . - + only: {anchor}"),
            });
        return name.ToString();
    }

    /// <summary>The name of the drawing region of a block (a chart's bars and axes).</summary>
    public static string DrawingName(string anchor) => DrawingPrefix + Encode(anchor)[Prefix.Length..];

    /// <summary>
    /// The region a bookmark or destination name starts: an anchor ("8(a)"), a drawing
    /// ("chart-II-drawing"), or null for a region whose text is not the document's (and for names
    /// ReportGen did not write).
    /// </summary>
    public static string? RegionOf(string name) =>
        name.StartsWith(DrawingPrefix, StringComparison.Ordinal) && Decode(Prefix + name[DrawingPrefix.Length..]) is { } drawn ? drawn + DrawingSuffix : Decode(name);

    /// <summary>Whether a name is one of ReportGen's region names (which end the region before them).</summary>
    public static bool IsRegionName(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) || name.StartsWith(DrawingPrefix, StringComparison.Ordinal) || name.StartsWith(NoTextPrefix, StringComparison.Ordinal);

    /// <summary>The anchor a bookmark or destination name stands for; null for any other name.</summary>
    public static string? Decode(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        // LibreOffice renames a bookmark whose name it has seen ("…_Copy_1"): a footnote's, which it reads twice.
        int copy = name.LastIndexOf("_Copy_", StringComparison.Ordinal);
        if (copy > 0 && name[(copy + 6)..] is { Length: > 0 } n && n.All(char.IsAsciiDigit)) name = name[..copy];
        var anchor = new StringBuilder();
        for (int i = Prefix.Length; i < name.Length; i++)
        {
            if (name[i] != '_') { anchor.Append(name[i]); continue; }
            if (++i >= name.Length) return null;
            char? c = name[i] switch { 'o' => '(', 'c' => ')', 'd' => '.', 'h' => '-', 'p' => '+', '_' => '_', _ => null };
            if (c is null) return null;
            anchor.Append(c.Value);
        }
        return anchor.ToString();
    }

    /// <summary>A trace key for a place inside an anchored part (a chart's value): the anchor, then its place in words.</summary>
    public static string TraceKey(string anchor, params string[] place) => string.Join(", ", place.Prepend(anchor));

    /// <summary>A trace key as a reader says it: the anchor described, then the place: "Annex II, chart X, FP4 …, Portfolio (USD million)".</summary>
    public static string DescribeKey(string key, IReadOnlyDictionary<string, string>? annexLabels = null)
    {
        int comma = key.IndexOf(", ", StringComparison.Ordinal);
        return comma < 0 ? Describe(key, annexLabels) : Describe(key[..comma], annexLabels) + key[comma..];
    }

    /// <summary>
    /// The anchor as a reader says it: "8" → "paragraph 8", "annex-II-table-2-row-3" → "Annex II,
    /// table 2, row 3", "III.A" → "heading III.A". An annex is named as <paramref name="annexLabels"/>
    /// (by annex anchor, <see cref="AnnexLabels"/>) says where it has the annex: a lone annex the
    /// document labels "Annex" (附件) is "Annex", not "Annex I".
    /// </summary>
    public static string Describe(string anchor, IReadOnlyDictionary<string, string>? annexLabels = null)
    {
        if (anchor.Length > 0 && char.IsAsciiDigit(anchor[0])) return "paragraph " + anchor;
        if (anchor.Length > 0 && "IVXLC".Contains(anchor[0]) && !anchor.Contains('-')) return "heading " + anchor;
        var parts = anchor.Split('-');
        if (parts.Length >= 2 && parts[0] == "annex" && annexLabels is not null && annexLabels.TryGetValue($"annex-{parts[1]}", out var label))
            return parts.Length == 2 ? label : $"{label}, {Describe(string.Join('-', parts[2..]))}";
        var text = new StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            bool value = i > 0 && (char.IsAsciiDigit(parts[i][0]) || parts[i].All(c => "IVXLC".Contains(c)) || parts[i][0] == '(');
            text.Append(i == 0 ? "" : value ? " " : ", ").Append(parts[i] == "annex" ? "Annex" : parts[i]);
        }
        return text.ToString();
    }

    /// <summary>
    /// How <see cref="Describe"/> names the annexes the document prints without a number ("Annex",
    /// 附件: a lone annex), by anchor: "Annex"; empty when every annex is numbered ("Annex II", 附件二).
    /// </summary>
    public static Dictionary<string, string> AnnexLabels(ResolvedDocument resolved)
    {
        static bool Numbered(string label, string anchor)
        {
            string text = label.TrimEnd();
            return text.EndsWith(" " + anchor["annex-".Length..], StringComparison.Ordinal) || (text.Length > 0 && "一二三四五六七八九十".Contains(text[^1]));
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var annex in resolved.Doc.AllBlocks().OfType<Annex>())
            if (resolved.AnchorOf(annex) is { } anchor && !Numbered(annex.Label, anchor))
                labels.Add(anchor, "Annex");
        return labels;
    }

    /// <summary>The value of a Chinese numeral up to 99 (二 → 2, 十二 → 12), as <see cref="Numbering.Chinese"/> writes them.</summary>
    public static int? ChineseNumber(string text)
    {
        for (int n = 1; n < 100; n++)
            if (Numbering.Chinese(n) == text) return n;
        return null;
    }
}
