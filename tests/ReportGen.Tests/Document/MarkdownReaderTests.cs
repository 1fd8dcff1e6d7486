using ReportGen.Document;

namespace ReportGen.Tests.Document;

/// <summary>The Markdown reader on its own: Markdown in, the document model out.</summary>
public class MarkdownReaderTests
{
    private static IReadOnlyList<Block> Read(string markdown, string language = "en", Func<int, (string Path, double Value)?>? traces = null,
        IReadOnlyDictionary<string, ChartSlot>? charts = null)
    {
        var (blocks, problems) = MarkdownReader.Read(markdown, language, charts, traces);
        Assert.Empty(problems);
        return blocks;
    }

    [Fact]
    public void Headings_and_paragraphs_are_numbered_as_in_UN_documents()
    {
        var blocks = Read("# Introduction\n\nFirst.\n\n## Scope\n\nSecond.\n\n# Results\n\nThird.\n");
        Assert.Equal(["I.", "A.", "II."], blocks.OfType<Heading>().Select(h => h.Number));
        // The reader marks body paragraphs numbered; their numbers are the resolver's (ResolverTests).
        Assert.Equal([true, true, true], blocks.OfType<Paragraph>().Select(p => p.Numbered));
        Assert.Equal(["一、", "A."], Read("# 导言\n\n## 范围\n", "zh").OfType<Heading>().Select(h => h.Number));
    }

    [Fact]
    public void A_list_is_the_sub_items_of_the_paragraph_before_it()
    {
        var blocks = Read("The work covers:\n\n- cities\n- regions\n  - rural ones\n");
        var items = Assert.IsType<SubItems>(blocks[1]);
        // The labels are the resolver's, in the document's language.
        var resolved = Resolver.Resolve(SmallDocument.Build() with { Body = blocks });
        Assert.Equal(["(a)", "(b)"], items.Items.Select(resolved.LabelOf));
        var nested = Assert.IsType<SubItems>(items.Items[1].Blocks[1]);
        Assert.Equal("(i)", resolved.LabelOf(nested.Items.Single()));
        var french = Resolver.Resolve(SmallDocument.Build() with { Body = blocks, Language = "fr" });
        Assert.Equal(["a)", "b)", "i)"], items.Items.Append(nested.Items.Single()).Select(french.LabelOf));
        Assert.False(Assert.IsType<Paragraph>(items.Items[0].Blocks[0]).Numbered);
    }

    [Fact]
    public void A_trace_mark_is_a_figure_reference_with_its_escapes_resolved()
    {
        // What the pct helper writes for figure 7: its text escaped as all data is (MarkdownEncoder).
        string mark = "\uE0007\uE00141\\%\uE002";
        var paragraph = Assert.IsType<Paragraph>(Read($"A share of **{mark}** of the projects.", traces: id => id == 7 ? ("portfolio.share", 0.41) : null).Single());
        var strong = Assert.IsType<Strong>(paragraph.Content[1]);
        Assert.Equal(new FigureRef("portfolio.share", 0.41, "41%"), Assert.Single(strong.Content));
        Assert.Equal("A share of 41% of the projects.", Inlines.PlainText(paragraph.Content));
    }

    [Fact]
    public void A_mark_with_no_trace_or_damaged_is_plain_text_without_its_mark_characters()
    {
        var unknown = Assert.IsType<Paragraph>(Read("Seen \uE0009\uE0013\uE002 times.").Single());
        Assert.Equal([new Text("Seen 3 times.")], unknown.Content);
        var damaged = Assert.IsType<Paragraph>(Read("Seen \uE0009 times.").Single());
        Assert.DoesNotContain('\uE000', Inlines.PlainText(damaged.Content));
    }

    [Fact]
    public void A_chart_fence_places_its_chart_and_an_annex_holds_unnumbered_paragraphs()
    {
        var slot = new ChartSlot("bars", "I", "Projects", null,
            new ChartData(ChartKind.ClusteredBars, ["1.1"], [new ChartSeries("2021", [3])], null, null, [], [], "alt"),
            new Table([], [], [1]));
        var blocks = Read("Before.\n\n```chart c1\n```\n\n::: annex Annex I\n# Data\n\nUnnumbered.\n:::\n", charts: new Dictionary<string, ChartSlot> { ["c1"] = slot });
        Assert.Same(slot, blocks[1]);
        var annex = Assert.IsType<Annex>(blocks[2]);
        Assert.Equal(("Annex I", "Data"), (annex.Label, annex.Title));
        Assert.False(Assert.IsType<Paragraph>(annex.Body.Single()).Numbered);
    }

    [Fact]
    public void A_chart_block_names_its_chart_and_other_fences_stay_code()
    {
        var (_, problems) = MarkdownReader.Read("```chart c9\n```\n\n```text\ncode\n```\n", "en");
        Assert.Equal("line 1: no chart 'c9'", problems[0]);
        Assert.Equal(2, problems.Count); // the second fence is code, which the model has no place for
        Assert.StartsWith("line 4: ", problems[1]);
    }

    [Fact]
    public void A_footnote_reference_holds_its_note()
    {
        var paragraph = Assert.IsType<Paragraph>(Read("Text.[^1]\n\n[^1]: The note.\n").Single());
        var note = Assert.IsType<FootnoteRef>(paragraph.Content[^1]);
        Assert.Equal("The note.", Inlines.PlainText(note.Footnote.Content));
        Assert.Null(note.Footnote.CustomMark);
    }

    [Fact]
    public void Constructs_the_model_has_no_place_for_are_problems_with_their_line()
    {
        var (_, problems) = MarkdownReader.Read("Fine.\n\n    indented code\n", "en");
        Assert.Equal(["line 3: text indented by four spaces or more reads as code; remove the indentation"], problems);
    }
}
