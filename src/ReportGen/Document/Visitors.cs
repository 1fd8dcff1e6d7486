namespace ReportGen.Document;

/// <summary>
/// One method per kind of block. A walk over the document implements it, so that adding a kind of
/// block (one record, with its Accept) is a compile error in every walk until each handles it.
/// </summary>
public interface IBlockVisitor<out T>
{
    T Visit(Heading heading);
    T Visit(Paragraph paragraph);
    T Visit(SubItems subItems);
    T Visit(Table table);
    T Visit(ChartSlot chart);
    T Visit(Annex annex);
    T Visit(PageBreak pageBreak);
}

/// <summary>One method per kind of inline, as <see cref="IBlockVisitor{T}"/> for blocks.</summary>
public interface IInlineVisitor<out T>
{
    T Visit(Text text);
    T Visit(Strong strong);
    T Visit(Emphasis emphasis);
    T Visit(LineBreak lineBreak);
    T Visit(FootnoteRef footnote);
    T Visit(FigureRef figure);
    T Visit(ChartRef chartRef);
}

/// <summary>The result of a visit that returns nothing (a walk that writes or collects).</summary>
public readonly record struct Done;
