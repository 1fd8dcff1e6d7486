namespace ReportGen.Document;

// The document model: what templates produce and every writer reads (like Pandoc's AST).
// It knows nothing of workbooks or figures, and nothing of DOCX or PDF.

/// <summary>A whole document in one language: masthead data and the body.</summary>
public sealed record Doc(Masthead Masthead, IReadOnlyList<Block> Body, string Language)
{
    public IEnumerable<Block> AllBlocks() => Flatten(Body);

    private static IEnumerable<Block> Flatten(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            foreach (var child in Flatten(block.Accept(Children.Instance))) yield return child;
        }
    }

    /// <summary>The blocks a block holds (an annex's body, a list's items'), one method per kind.</summary>
    private sealed class Children : IBlockVisitor<IEnumerable<Block>>
    {
        public static readonly Children Instance = new();
        public IEnumerable<Block> Visit(Heading heading) => [];
        public IEnumerable<Block> Visit(Paragraph paragraph) => [];
        public IEnumerable<Block> Visit(SubItems subItems) => subItems.Items.SelectMany(i => i.Blocks);
        public IEnumerable<Block> Visit(Table table) => [];
        public IEnumerable<Block> Visit(ChartSlot chart) => [];
        public IEnumerable<Block> Visit(Annex annex) => annex.Body;
        public IEnumerable<Block> Visit(PageBreak pageBreak) => [];
    }
}

/// <summary>
/// The first page of an Executive Board document. Words (organ, session, titles) come from the
/// template's front matter in the document's language; symbols and dates from the data.
/// </summary>
public sealed record Masthead(
    string Symbol,
    string Distribution,        // "Distr.: General"
    string DateLine,            // "4 October 2021"
    string LanguageLine,        // "Chinese" on the Chinese edition, empty otherwise
    string OriginalLine,        // "Original: English"
    string Organ,               // "Executive Board of the United Nations Human Settlements Programme"
    string Session,             // "Second session of 2021"
    string PlaceAndDates,       // "Nairobi, 15 and 16 November 2021"
    string AgendaItemBefore,    // "Item 6 (a) of the provisional agenda" / "临时议程"
    string AgendaItemAfter,     // "" / "项目 6 (a)": the footnote mark stands between the two
    Footnote AgendaFootnote,    // "* HSP/EB.2021/12."
    string AgendaTitle,         // the agenda item's title
    string Title,
    string Subtitle,            // "Report of the Executive Director" / "Note by the secretariat"
    IReadOnlyList<Footnote> TitleFootnotes,
    string UnitedNations,       // "United Nations" / "联合国"
    string RunningHeader)       // the symbol, on later pages
{
    /// <summary>The document's date (from the data): the PDF's creation date, never the clock.</summary>
    public DateOnly Date { get; init; }

    /// <summary>What the masthead prints from the data (its date line, the session's dates), for the audit trail; its lines hold the same text.</summary>
    public IReadOnlyList<FigureRef> Data { get; init; } = [];
}

/// <summary>A block of the body. The set is closed (no type outside this assembly derives from it): each writer and walk handles every kind, as NodeTypeTests checks.</summary>
public abstract record Block
{
    private protected Block() { }

    /// <summary>Calls the visitor's method for this kind of block: every visitor has one for each kind.</summary>
    public abstract T Accept<T>(IBlockVisitor<T> visitor);
}

/// <summary>A chapter (level 1: I., II. / 一., 二.) or section (level 2: A., B.) heading, or an unnumbered level 3.</summary>
public sealed record Heading(int Level, string? Number, IReadOnlyList<Inline> Content) : Block
{
    public override T Accept<T>(IBlockVisitor<T> visitor) => visitor.Visit(this);
}

/// <summary>
/// A body paragraph; <paramref name="Numbered"/> says it takes the next paragraph number (a body
/// paragraph outside annexes and sub-items). The number itself is the resolver's
/// (<see cref="ResolvedDocument.NumberOf(Paragraph)"/>).
/// </summary>
public sealed record Paragraph(bool Numbered, IReadOnlyList<Inline> Content, ParagraphRole Role = ParagraphRole.Body) : Block
{
    public override T Accept<T>(IBlockVisitor<T> visitor) => visitor.Visit(this);
}

public enum ParagraphRole { Body, Centered, Note }

/// <summary>Sub-items of the paragraph before them: (a), (b) at level 1; (i), (ii) at level 2.</summary>
public sealed record SubItems(int Level, IReadOnlyList<SubItem> Items) : Block
{
    public override T Accept<T>(IBlockVisitor<T> visitor) => visitor.Visit(this);
}

/// <summary>One sub-item: its paragraphs and nested lists. Its label ((a), (一), a), (أ)) is the resolver's (<see cref="ResolvedDocument.LabelOf(SubItem)"/>).</summary>
public sealed record SubItem(IReadOnlyList<Block> Blocks);

public enum Alignment { Left, Right, Center }

public sealed record TableCell(IReadOnlyList<Inline> Content, Alignment Alignment = Alignment.Left);

/// <summary>A table; its header rows repeat on every page it spans.</summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<TableCell>> Header, IReadOnlyList<IReadOnlyList<TableCell>> Rows,
    IReadOnlyList<double> ColumnWeights, string? Caption = null) : Block
{
    public override T Accept<T>(IBlockVisitor<T> visitor) => visitor.Visit(this);
}

/// <summary>
/// Where a chart goes: its name (which chart, built from the figures by code), its number and
/// title in the document's language, and its data as a table for writers that do not draw it.
/// </summary>
public sealed record ChartSlot(string Name, string Number, string Title, string? Subtitle, ChartData Chart, Table Data) : Block
{
    public override T Accept<T>(IBlockVisitor<T> visitor) => visitor.Visit(this);

    /// <summary>The caption's label as the document words it ("Figure I", "Chart II", "图二"); null: the writers' default from the number.</summary>
    public string? Caption { get; init; }
}

/// <summary>An annex: starts on a new page with its label ("Annex II") and title; its paragraphs are unnumbered.</summary>
public sealed record Annex(string Label, string Title, IReadOnlyList<Block> Body) : Block
{
    public override T Accept<T>(IBlockVisitor<T> visitor) => visitor.Visit(this);
}

public sealed record PageBreak : Block
{
    public override T Accept<T>(IBlockVisitor<T> visitor) => visitor.Visit(this);
}

/// <summary>An inline of a block's text; a closed set, as <see cref="Block"/>.</summary>
public abstract record Inline
{
    private protected Inline() { }

    /// <summary>Calls the visitor's method for this kind of inline: every visitor has one for each kind.</summary>
    public abstract T Accept<T>(IInlineVisitor<T> visitor);
}

public sealed record Text(string Value) : Inline
{
    public override T Accept<T>(IInlineVisitor<T> visitor) => visitor.Visit(this);
}

public sealed record Strong(IReadOnlyList<Inline> Content) : Inline
{
    public override T Accept<T>(IInlineVisitor<T> visitor) => visitor.Visit(this);
}

public sealed record Emphasis(IReadOnlyList<Inline> Content) : Inline
{
    public override T Accept<T>(IInlineVisitor<T> visitor) => visitor.Visit(this);
}

public sealed record LineBreak : Inline
{
    public override T Accept<T>(IInlineVisitor<T> visitor) => visitor.Visit(this);
}

/// <summary>A footnote reference; <paramref name="Footnote"/> holds the note. Custom marks (*, **) are kept, others numbered.</summary>
public sealed record FootnoteRef(Footnote Footnote) : Inline
{
    public override T Accept<T>(IInlineVisitor<T> visitor) => visitor.Visit(this);
}

public sealed record Footnote(string? CustomMark, IReadOnlyList<Inline> Content);

/// <summary>Text printed from a figure: the figure's path in figures.json and value, for the audit trail.</summary>
public sealed record FigureRef(string Path, double Value, string Text) : Inline
{
    public override T Accept<T>(IInlineVisitor<T> visitor) => visitor.Visit(this);
}

/// <summary>
/// A reference to charts of the document ("chart IV", "charts III to VIII"): the charts it names,
/// in order, and its words. Writers link it to its first chart (<see cref="ResolvedDocument.LinkOf"/>).
/// </summary>
public sealed record ChartRef(IReadOnlyList<ChartSlot> Charts, string Text) : Inline
{
    public override T Accept<T>(IInlineVisitor<T> visitor) => visitor.Visit(this);
}

public static class Inlines
{
    public static IReadOnlyList<Inline> Of(string text) => [new Text(text)];

    public static string PlainText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(PlainText));

    public static string PlainText(Inline inline) => inline.Accept(PlainTextOf.Instance);

    private sealed class PlainTextOf : IInlineVisitor<string>
    {
        public static readonly PlainTextOf Instance = new();
        public string Visit(Text text) => text.Value;
        public string Visit(Strong strong) => PlainText(strong.Content);
        public string Visit(Emphasis emphasis) => PlainText(emphasis.Content);
        public string Visit(LineBreak lineBreak) => "\n";
        public string Visit(FootnoteRef footnote) => footnote.Footnote.CustomMark ?? "";
        public string Visit(FigureRef figure) => figure.Text;
        public string Visit(ChartRef chartRef) => chartRef.Text;
    }
}

public enum ChartKind { ClusteredBars, StackedBars, BarsWithTargets, Matrix, Dashboard }

public enum ValueFormat { Count, Percent, UsdMillions }

/// <summary>One series of a chart; <c>Dashed</c> marks targets drawn as dashed lines.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, bool Dashed = false, ValueFormat Format = ValueFormat.Count)
{
    /// <summary>Each value's figure (its path in figures.json), for the audit trail; null where a value is not one figure's.</summary>
    public IReadOnlyList<string?>? Paths { get; init; }
}

/// <summary>A headline figure shown beside a chart ("Total number of projects analysed: 88").</summary>
public sealed record Headline(string Label, string Value)
{
    /// <summary>The figure the value shows, for the audit trail (null for a value not taken from one figure).</summary>
    public FigureRef? Figure { get; init; }
}

/// <summary>
/// A chart's data in the document's language, built from the figures by code. Writers draw it
/// (or show it as a table); nothing here depends on a format. <see cref="Categories"/> are the
/// labels as the chart prints them in full (a highlighted category with its asterisk, a flagship
/// with its name); <see cref="CategoryCodes"/> the short labels of the same categories (the
/// outcome or flagship code) where a chart has no room for more; <see cref="Highlighted"/> says,
/// per category, which are highlighted (an empty list: none).
/// </summary>
public sealed record ChartData(
    ChartKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string? CategoryAxisTitle,
    string? ValueAxisTitle,
    IReadOnlyList<Headline> Headlines,
    IReadOnlyList<bool> Highlighted,
    string AltText)
{
    private readonly IReadOnlyList<string>? _codes;

    /// <summary>Each category's short label (its code: "1.3", "FP1"); the full labels where no shorter one was given.</summary>
    public IReadOnlyList<string> CategoryCodes { get => _codes ?? Categories; init => _codes = value; }

    /// <summary>Whether category <paramref name="k"/> is highlighted.</summary>
    public bool IsHighlighted(int k) => k < Highlighted.Count && Highlighted[k];

    /// <summary>Each category's figure (its path in figures.json, as an outcome code), for the audit trail; null where it is not one.</summary>
    public IReadOnlyList<string?>? CategoryPaths { get; init; }
}
