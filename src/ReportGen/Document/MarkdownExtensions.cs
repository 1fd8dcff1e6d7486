using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax.Inlines;

namespace ReportGen.Document;

/// <summary>
/// A number printed from a figure, as the Markdown parser reads it: the trace id the template
/// stage gave it and the text it shows (escapes resolved). <see cref="MarkdownReader"/> turns it
/// into a <see cref="FigureRef"/>.
/// </summary>
public sealed class FigureMarkInline(int? id, string text) : LeafInline
{
    /// <summary>The trace id (Templating.TraceLog); null when the mark is damaged.</summary>
    public int? Id { get; } = id;

    public string Text { get; } = text;
}

/// <summary>
/// The one place that reads the trace marks helpers write around a number printed from a figure
/// (U+E000 id U+E001 text U+E002, Templating.TraceLog): a Markdig inline parser, registered in the
/// reader's pipeline, that makes each one a <see cref="FigureMarkInline"/>. The text inside is
/// escaped as all inserted data is (MarkdownEncoder: a backslash before ASCII punctuation), so the
/// parser resolves those escapes itself.
/// </summary>
public sealed class FigureMarkParser : InlineParser
{
    public const char Open = '\uE000', Middle = '\uE001', Close = '\uE002';

    public FigureMarkParser() => OpeningCharacters = [Open];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        string text = slice.Text;
        int start = slice.Start;
        int middle = text.IndexOf(Middle, start, slice.End - start + 1);
        int close = middle < 0 ? -1 : text.IndexOf(Close, middle, slice.End - middle + 1);
        if (middle < 0 || close < 0)
        {
            // A damaged mark: the mark character goes, the text stays.
            processor.Inline = new FigureMarkInline(null, "") { Span = new Markdig.Syntax.SourceSpan(start, start) };
            slice.Start = start + 1;
            return true;
        }
        int? id = int.TryParse(text.AsSpan(start + 1, middle - start - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
        processor.Inline = new FigureMarkInline(id, Unescape(text[(middle + 1)..close])) { Span = new Markdig.Syntax.SourceSpan(start, close) };
        slice.Start = close + 1;
        return true;
    }

    private static string Unescape(string escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (int i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\' && i + 1 < escaped.Length && char.IsAsciiLetterOrDigit(escaped[i + 1]) is false && escaped[i + 1] < 128 && escaped[i + 1] > ' ') i++;
            if (escaped[i] is not (Open or Middle or Close)) text.Append(escaped[i]);
        }
        return text.ToString();
    }
}

/// <summary>Registers <see cref="FigureMarkParser"/> in a Markdig pipeline.</summary>
public sealed class FigureMarkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<FigureMarkParser>()) pipeline.InlineParsers.Insert(0, new FigureMarkParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // The reader walks the syntax tree itself; no renderer writes these nodes.
    }
}

/// <summary>A reference to charts, as the Markdown parser reads it: the placement numbers of the charts it names, and its words.</summary>
public sealed class ChartRefInline(IReadOnlyList<int> charts, string text) : LeafInline
{
    public IReadOnlyList<int> Charts { get; } = charts;

    public string Text { get; } = text;
}

/// <summary>
/// Reads the mark the composer writes for a chart reference, U+E005, one character per chart
/// named (U+E100 + its placement number), U+E009, the reference's words, U+E006, as a
/// <see cref="ChartRefInline"/>. Every character of the mark is private-use, so the language's
/// spacing looks through it as through a figure's mark. <see cref="MarkdownReader"/> turns it into a <see cref="ChartRef"/>.
/// </summary>
public sealed class ChartRefParser : InlineParser
{
    public const char Open = '\uE005', Middle = '\uE009', Close = '\uE006', Number = '\uE100';

    public ChartRefParser() => OpeningCharacters = [Open];

    /// <summary>The mark of a reference to the charts placed <paramref name="charts"/>-th (1, 2…), worded <paramref name="text"/>.</summary>
    public static string Mark(IEnumerable<int> charts, string text) =>
        Open + string.Concat(charts.Select(n => (char)(Number + n))) + Middle + text + Close;

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        string text = slice.Text;
        int start = slice.Start;
        int middle = text.IndexOf(Middle, start, slice.End - start + 1);
        int close = middle < 0 ? -1 : text.IndexOf(Close, middle, slice.End - middle + 1);
        if (middle < 0 || close < 0)
        {
            // Not a whole mark (the template stage's own, left in a front-matter word): the mark character goes.
            processor.Inline = new ChartRefInline([], "") { Span = new Markdig.Syntax.SourceSpan(start, start) };
            slice.Start = start + 1;
            return true;
        }
        var charts = new List<int>();
        for (int i = start + 1; i < middle; i++) charts.Add(text[i] - Number);
        processor.Inline = new ChartRefInline(charts, text[(middle + 1)..close]) { Span = new Markdig.Syntax.SourceSpan(start, close) };
        slice.Start = close + 1;
        return true;
    }
}

/// <summary>Registers <see cref="ChartRefParser"/> in a Markdig pipeline.</summary>
public sealed class ChartRefExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<ChartRefParser>()) pipeline.InlineParsers.Insert(0, new ChartRefParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // The reader walks the syntax tree itself; no renderer writes these nodes.
    }
}

/// <summary>Where a chart goes, as the Markdown parser reads it: the id the chart helper gave it (Templating.ChartRegistry).</summary>
public sealed class ChartBlock(BlockParser parser, string id) : Markdig.Syntax.LeafBlock(parser)
{
    public string Id { get; } = id;
}

/// <summary>
/// Reads the chart helper's block, <c>```chart ID</c> followed by <c>```</c>, as a
/// <see cref="ChartBlock"/>: a Markdig block parser, before the fenced-code parser in the reader's
/// pipeline. Data cannot write one (its backticks are escaped), and any other fence stays code.
/// </summary>
public sealed class ChartBlockParser : BlockParser
{
    private const string Opening = "```chart ";

    public ChartBlockParser() => OpeningCharacters = ['`'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        string line = processor.Line.ToString();
        if (!line.StartsWith(Opening, StringComparison.Ordinal)) return BlockState.None;
        string id = line[Opening.Length..].Trim();
        if (id.Length == 0 || !id.All(char.IsAsciiLetterOrDigit)) return BlockState.None;
        processor.NewBlocks.Push(new ChartBlock(this, id)
        {
            Line = processor.LineIndex, Column = processor.Column, Span = new Markdig.Syntax.SourceSpan(processor.Start, processor.Line.End),
            ProcessInlines = false,
        });
        return BlockState.Continue;
    }

    public override BlockState TryContinue(BlockProcessor processor, Markdig.Syntax.Block block)
    {
        // The closing fence ends the block; the helper writes nothing between the two.
        if (processor.Line.ToString().Trim() != "```") return BlockState.Continue;
        block.UpdateSpanEnd(processor.Line.End);
        return BlockState.BreakDiscard;
    }
}

/// <summary>Registers <see cref="ChartBlockParser"/> in a Markdig pipeline, before the fenced-code parser.</summary>
public sealed class ChartBlockExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<ChartBlockParser>()) pipeline.BlockParsers.Insert(0, new ChartBlockParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // The reader walks the syntax tree itself; no renderer writes these nodes.
    }
}
