using System.Globalization;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using ReportGen.Typesetting;

namespace ReportGen.Document;

/// <summary>
/// Reads the Markdown a template produces into the document model, numbering as UN documents
/// do: <c>#</c> chapters (I., II.; zh 一., 二.), <c>##</c> sections (A., B., restarting in each
/// chapter), <c>###</c> unnumbered headings; body paragraphs numbered (1, 2, 3… through the whole
/// document, by the <see cref="Resolver"/>); a bullet list after a paragraph gives its sub-items (a), (b)…, nested ones (i), (ii)… (labelled by the resolver).
/// <c>::: annex LABEL</c> … <c>:::</c> holds an annex (its first heading is the title, its
/// paragraphs unnumbered); <c>```chart ID</c> (written by the chart helper) marks a chart; <c>[^n]</c> makes a footnote.
/// </summary>
public sealed class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseCustomContainers()
        .DisableHtml()
        .Use<FigureMarkExtension>()
        .Use<ChartBlockExtension>()
        .Use<ChartRefExtension>()
        .Build();

    private readonly string _language;
    private readonly IReadOnlyDictionary<string, ChartSlot> _charts;
    private readonly Func<int, (string Path, double Value)?> _traces;
    private readonly List<string> _problems = [];
    private readonly List<BlockSpan>? _spans;
    private int _chapter, _section;

    private MarkdownReader(string language, IReadOnlyDictionary<string, ChartSlot> charts, Func<int, (string Path, double Value)?>? traces, List<BlockSpan>? spans)
    {
        _language = language;
        _charts = charts;
        _traces = traces ?? (_ => null);
        _spans = spans;
    }

    /// <summary>Where in the Markdown a block of the model came from (character offsets, end exclusive): headings, paragraphs, tables, charts, an annex's title.</summary>
    public sealed record BlockSpan(Block Block, int Start, int End);

    private T Spanned<T>(T block, Markdig.Syntax.Block source) where T : Block
    {
        _spans?.Add(new BlockSpan(block, source.Span.Start, source.Span.End + 1));
        return block;
    }

    /// <summary>Reads the body; problems (constructs the model has no place for) are returned with their Markdown line.</summary>
    public static (IReadOnlyList<Block> Blocks, IReadOnlyList<string> Problems) Read(string markdown, string language,
        IReadOnlyDictionary<string, ChartSlot>? charts = null, Func<int, (string Path, double Value)?>? traces = null, List<BlockSpan>? spans = null)
    {
        var reader = new MarkdownReader(language, charts ?? new Dictionary<string, ChartSlot>(), traces, spans);
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = reader.Blocks(document, inAnnex: false);
        return (blocks, reader._problems);
    }

    private List<Block> Blocks(ContainerBlock container, bool inAnnex)
    {
        var result = new List<Block>();
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock h:
                    result.Add(Spanned(Heading(h, inAnnex), h));
                    break;
                case ParagraphBlock p:
                    var inlines = Inlines(p.Inline);
                    if (Document.Inlines.PlainText(inlines).Trim() == "\\pagebreak") { result.Add(new PageBreak()); break; }
                    result.Add(Spanned(new Paragraph(!inAnnex, inlines), p));
                    break;
                case ListBlock list:
                    var items = SubItems(list, 1);
                    var punctuated = HouseStyle.PunctuateSubItems(items, _language);
                    Rebind(items, punctuated);
                    result.Add(punctuated);
                    break;
                case MdTable table:
                    result.Add(Spanned(Table(table), table));
                    break;
                case ChartBlock place:
                    if (_charts.TryGetValue(place.Id, out var chart)) result.Add(Spanned(chart, place));
                    else _problems.Add($"line {place.Line + 1}: no chart '{place.Id}'");
                    break;
                case CustomContainer c when c.Info == "annex":
                    result.Add(Annex(c));
                    break;
                case CustomContainer c:
                    _problems.Add($"line {c.Line + 1}: unknown block '::: {c.Info}' (known: annex)");
                    break;
                case FootnoteGroup:
                case ThematicBreakBlock:
                case LinkReferenceDefinitionGroup:
                    break;
                case CodeBlock code:
                    _problems.Add($"line {code.Line + 1}: text indented by four spaces or more reads as code; remove the indentation");
                    break;
                default:
                    _problems.Add($"line {block.Line + 1}: unsupported Markdown ({block.GetType().Name})");
                    break;
            }
        }
        return result;
    }

    /// <summary>Points the spans of blocks that were rewritten (the same shape, new records) at the new blocks.</summary>
    private void Rebind(Block before, Block after)
    {
        if (_spans is null || ReferenceEquals(before, after)) return;
        int i = _spans.FindIndex(x => ReferenceEquals(x.Block, before));
        if (i >= 0) _spans[i] = _spans[i] with { Block = after };
        if (before is SubItems a && after is SubItems b)
            for (int item = 0; item < a.Items.Count; item++)
                for (int k = 0; k < a.Items[item].Blocks.Count; k++) Rebind(a.Items[item].Blocks[k], b.Items[item].Blocks[k]);
    }

    private Heading Heading(HeadingBlock h, bool inAnnex)
    {
        var content = Inlines(h.Inline);
        if (inAnnex || h.Level >= 3) return new Heading(Math.Min(h.Level, 3), null, content);
        if (h.Level == 1)
        {
            _chapter++;
            _section = 0;
            return new Heading(1, Numbering.Chapter(_chapter, _language), content);
        }
        _section++;
        return new Heading(2, Numbering.Section(_section, _language), content);
    }

    private Annex Annex(CustomContainer c)
    {
        string label = (c.Arguments ?? "").Trim();
        var body = Blocks(c, inAnnex: true);
        string title = "";
        BlockSpan? titleSpan = null;
        if (body.Count > 0 && body[0] is Heading first)
        {
            title = Document.Inlines.PlainText(first.Content);
            body.RemoveAt(0);
            titleSpan = _spans?.LastOrDefault(x => ReferenceEquals(x.Block, first));
            if (titleSpan is not null) _spans!.Remove(titleSpan);
        }
        var annex = new Annex(label, title, body);
        if (titleSpan is not null) _spans!.Add(titleSpan with { Block = annex });
        return annex;
    }

    private SubItems SubItems(ListBlock list, int level)
    {
        var items = new List<SubItem>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var blocks = new List<Block>();
            foreach (var child in item)
            {
                switch (child)
                {
                    case ParagraphBlock p: blocks.Add(Spanned(new Paragraph(false, Inlines(p.Inline)), p)); break;
                    case ListBlock nested: blocks.Add(SubItems(nested, level + 1)); break;
                    default: _problems.Add($"line {child.Line + 1}: only paragraphs and lists may stand in a sub-item"); break;
                }
            }
            items.Add(new SubItem(blocks));
        }
        return new SubItems(level, items);
    }

    private Table Table(MdTable table)
    {
        var header = new List<IReadOnlyList<TableCell>>();
        var rows = new List<IReadOnlyList<TableCell>>();
        var alignments = table.ColumnDefinitions.Select(d => d.Alignment switch
        {
            Markdig.Extensions.Tables.TableColumnAlign.Right => Alignment.Right,
            Markdig.Extensions.Tables.TableColumnAlign.Center => Alignment.Center,
            _ => Alignment.Left,
        }).ToList();
        int columns = alignments.Count;
        var widths = new double[columns];
        foreach (var row in table.OfType<MdTableRow>())
        {
            var cells = new List<TableCell>();
            foreach (var cell in row.OfType<MdTableCell>())
            {
                int index = cells.Count;
                if (index >= columns) break;
                var content = cell.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline)).ToList();
                widths[index] = Math.Max(widths[index], Math.Min(40, DisplayWidth(Document.Inlines.PlainText(content))));
                cells.Add(new TableCell(content, alignments[index]));
            }
            while (cells.Count < columns) cells.Add(new TableCell([], alignments[cells.Count]));
            (row.IsHeader ? header : rows).Add(cells);
        }
        return new Table(header, rows, [.. widths.Select(w => Math.Max(7, w) + 4)]); // at least a figure such as 46.5%, plus cell padding and slack for font metrics
    }

    /// <summary>How deep emphasis may nest in the model (real text nests two or three deep).</summary>
    public const int MaxEmphasisDepth = 32;

    private int _emphasisDepth;

    private bool _tooDeep; // reported once: a run nests deep on every branch

    private List<Inline> Inlines(ContainerInline? container)
    {
        var result = new List<Inline>();
        if (container is null) return result;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: Append(result, literal.Content.ToString()); break;
                case HtmlEntityInline entity: Append(result, entity.Transcoded.ToString()); break;
                case CodeInline code: Append(result, code.Content); break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard) result.Add(new LineBreak());
                    else Append(result, " ");
                    break;
                case EmphasisInline emphasis:
                    if (_emphasisDepth == MaxEmphasisDepth)
                    {
                        // Thousands of '*' a loop wrote nest thousands deep: every walk of the model would overflow the stack.
                        if (!_tooDeep) _problems.Add($"line {emphasis.Line + 1}: emphasis ('*' or '_') is nested more than {MaxEmphasisDepth} deep");
                        _tooDeep = true;
                        return result;
                    }
                    _emphasisDepth++;
                    var inner = Inlines(emphasis);
                    _emphasisDepth--;
                    result.Add(emphasis.DelimiterCount >= 2 ? new Strong(inner) : new Emphasis(inner));
                    break;
                case FootnoteLink link when !link.IsBackLink:
                    var paragraphs = link.Footnote.OfType<ParagraphBlock>().Select(p => Inlines(p.Inline)).ToList();
                    var content = new List<Inline>();
                    foreach (var p in paragraphs)
                    {
                        if (content.Count > 0) content.Add(new LineBreak());
                        content.AddRange(p);
                    }
                    result.Add(new FootnoteRef(new Footnote(null, content)));
                    break;
                case AutolinkInline autolink: Append(result, autolink.Url); break;
                case FigureMarkInline mark:
                    if (mark.Id is int id && _traces(id) is { } trace) result.Add(new FigureRef(trace.Path, trace.Value, mark.Text));
                    else Append(result, mark.Text);
                    break;
                case ChartRefInline reference:
                    // The charts it names are the slots the chart helper placed ("c" and the placement number).
                    var named = reference.Charts.Select(n => _charts.GetValueOrDefault("c" + n.ToString(CultureInfo.InvariantCulture))).ToList();
                    if (named.Count > 0 && named.All(c => c is not null)) result.Add(new ChartRef(named.OfType<ChartSlot>().ToList(), reference.Text));
                    else Append(result, reference.Text);
                    break;
                case ContainerInline nested: result.AddRange(Inlines(nested)); break;
            }
        }
        return result;
    }

    /// <summary>Width in half-em units: East Asian wide characters count twice, so Chinese columns get their due.</summary>
    internal static int DisplayWidth(string text)
    {
        int width = 0;
        foreach (System.Text.Rune r in text.EnumerateRunes()) width += Script.IsWide(r.Value) ? 2 : 1;
        return width;
    }

    /// <summary>Adds text, merging with a preceding text run so writers get whole runs.</summary>
    private static void Append(List<Inline> inlines, string text)
    {
        if (text.Length == 0) return;
        if (inlines.Count > 0 && inlines[^1] is Text previous) inlines[^1] = new Text(previous.Value + text);
        else inlines.Add(new Text(text));
    }
}

public static class MarkdownInlines
{
    /// <summary>Reads one line of Markdown (a front-matter value) as inlines; escapes are resolved.</summary>
    public static IReadOnlyList<Inline> Read(string markdown)
    {
        var (blocks, _) = MarkdownReader.Read(markdown.ReplaceLineEndings(" "), "en");
        return blocks.FirstOrDefault() is Paragraph p ? p.Content : [];
    }

    public static string PlainText(string markdown) => Inlines.PlainText(Read(markdown));
}
