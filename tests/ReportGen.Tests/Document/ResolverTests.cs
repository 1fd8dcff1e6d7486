using ReportGen.Document;

namespace ReportGen.Tests.Document;

public class ResolverTests
{
    [Fact]
    public void Every_block_has_its_anchor_by_UN_numbering()
    {
        var doc = SmallDocument.Build();
        var resolved = Resolver.Resolve(doc);
        var anchors = doc.AllBlocks().Select(resolved.AnchorOf).ToList();
        Assert.Equal(
        [
            "I", "1", "I.A", "2", null, "2(a)", "2(b)", null, "2(b)(i)", "II", "3", "chart-I", "chart-II", "4",
            "annex-I", "annex-I-text-1", "annex-I-table-1",
        ], anchors);
    }

    [Fact]
    public void Body_paragraphs_are_numbered_by_the_resolver_through_the_body_and_labelled_in_the_language()
    {
        var doc = SmallDocument.Build();
        var resolved = Resolver.Resolve(doc);
        var paragraphs = doc.AllBlocks().OfType<Paragraph>().ToList();
        // Body paragraphs 1 to 4; a sub-item's and an annex's paragraphs have no number.
        Assert.Equal([1, 2, null, null, null, 3, 4, null], paragraphs.Select(resolved.NumberOf));
        Assert.Equal(["1.", "2.", null, null, null, "3.", "4.", null], paragraphs.Select(resolved.LabelOf));
        var arabic = Resolver.Resolve(doc with { Language = "ar" });
        Assert.Equal("4 -", arabic.LabelOf(paragraphs[6]));
        // Removing a paragraph renumbers the ones after it, as a UN document does.
        var shorter = Resolver.Resolve(doc with { Body = doc.Body.Where(b => !ReferenceEquals(b, paragraphs[5])).ToList() });
        Assert.Equal(3, shorter.NumberOf(paragraphs[6]));
    }

    [Fact]
    public void Footnotes_are_marked_once_custom_marks_kept_others_numbered()
    {
        var doc = SmallDocument.Build();
        var resolved = Resolver.Resolve(doc);
        var numbered = doc.Body.OfType<Paragraph>().First().Content.OfType<FootnoteRef>().Single().Footnote;
        Assert.Equal(("*", "note-1"), (resolved.MarkOf(doc.Masthead.AgendaFootnote), resolved.NoteAnchorOf(doc.Masthead.AgendaFootnote)));
        Assert.Equal(("1", "note-2"), (resolved.MarkOf(numbered), resolved.NoteAnchorOf(numbered)));
    }

    [Fact]
    public void Each_occurrence_of_a_figure_has_its_own_number_and_anchor()
    {
        var resolved = Resolver.Resolve(SmallDocument.Build());
        Assert.Equal([(1, "portfolio.share", "1"), (2, "portfolio.share", "2(a)"), (3, "portfolio.count", "annex-I-table-1-row-2")],
            resolved.Figures.Select(f => (f.Number, f.Figure.Path, f.Anchor)));
        Assert.Equal([1, 2], resolved.NumbersOf(SmallDocument.Share));
    }

    [Fact]
    public void Removing_a_chart_moves_no_other_anchor()
    {
        var with = Resolver.Resolve(SmallDocument.Build(withSecondChart: true));
        var without = Resolver.Resolve(SmallDocument.Build(withSecondChart: false));
        Assert.Equal(
            with.Doc.AllBlocks().Select(with.AnchorOf).Where(a => a != "chart-II"),
            without.Doc.AllBlocks().Select(without.AnchorOf));
    }

    [Fact]
    public void A_Chinese_edition_has_the_same_anchors()
    {
        var en = SmallDocument.Build();
        var zh = en with
        {
            Language = "zh",
            Body = en.Body.Select(b => b switch
            {
                Heading { Number: "I." } h => h with { Number = "一、" },
                Heading { Number: "II." } h => h with { Number = "二、" },
                ChartSlot { Number: "II" } c => c with { Number = "二" },
                _ => b,
            }).ToList(),
        };
        var (a, b) = (Resolver.Resolve(en), Resolver.Resolve(zh));
        Assert.Equal(en.AllBlocks().Select(a.AnchorOf), zh.AllBlocks().Select(b.AnchorOf));
    }

    [Theory]
    [InlineData("8", "rg_8")]
    [InlineData("8(a)(i)", "rg_8_oa_c_oi_c")]
    [InlineData("III.A", "rg_III_dA")]
    [InlineData("annex-II-table-1-row-3", "rg_annex_hII_htable_h1_hrow_h3")]
    public void Anchors_are_written_as_bookmark_names_and_read_back(string anchor, string name)
    {
        Assert.Equal(name, Anchors.Encode(anchor));
        Assert.Equal(anchor, Anchors.Decode(name));
        Assert.Equal(anchor, Anchors.Decode(name + "_Copy_1")); // as LibreOffice renames a bookmark it saw twice
        Assert.Equal(anchor + "-drawing", Anchors.RegionOf(Anchors.DrawingName(anchor)));
    }

    [Theory]
    [InlineData("8(a)", "paragraph 8(a)")]
    [InlineData("III.A", "heading III.A")]
    [InlineData("annex-II-table-2-row-3", "Annex II, table 2, row 3")]
    [InlineData("annex-II-chart-II-headlines", "Annex II, chart II, headlines")]
    public void Anchors_are_described_as_a_reader_says_them(string anchor, string description) =>
        Assert.Equal(description, Anchors.Describe(anchor));
}
