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
