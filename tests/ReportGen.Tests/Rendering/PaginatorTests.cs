using ReportGen.Document;
using ReportGen.Rendering.Pdf.Layout;

namespace ReportGen.Tests.Rendering;

/// <summary>Pagination on boxes of known height: a page holds 100 points.</summary>
public class PaginatorTests
{
    private sealed class TestBox(string name) : Box
    {
        public string Name { get; } = name;
        public override void Draw(PageCanvas canvas, double top) { }
        public override string ToString() => Name;
    }

    private static List<List<string>> Pages(IReadOnlyList<Box> boxes, double notePerFootnote = 10) =>
        Paginator.Paginate(boxes, notes => notes.Count() * notePerFootnote, 0, 100)
            .Select(p => p.Items.Select(i => ((TestBox)i.Box).Name).ToList()).ToList();

    private static IEnumerable<Box> Paragraph(string name, int lines, int group, double height = 10) =>
        Enumerable.Range(1, lines).Select(i => new TestBox($"{name}{i}") { Height = height, Group = group });

    [Fact]
    public void A_paragraph_that_fits_stays_whole() =>
        Assert.Equal([["a1", "a2", "a3"]], Pages([.. Paragraph("a", 3, 1)]));

    [Fact]
    public void No_orphan_a_single_first_line_moves_with_its_paragraph()
    {
        // 9 lines fill 90; the next paragraph would leave only one line at the foot: it moves whole.
        var pages = Pages([.. Paragraph("a", 9, 1), .. Paragraph("b", 5, 2)]);
        Assert.Equal(["b1", "b2", "b3", "b4", "b5"], pages[1]);
    }

    [Fact]
    public void No_widow_the_last_line_never_stands_alone()
    {
        // 6 lines used; 4 fit of the next 5-line paragraph, which would leave one: three go, two follow.
        var pages = Pages([.. Paragraph("a", 6, 1), .. Paragraph("b", 5, 2)]);
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "a6", "b1", "b2", "b3"], pages[0]);
        Assert.Equal(["b4", "b5"], pages[1]);
    }

    [Fact]
    public void A_heading_is_kept_with_what_follows()
    {
        var heading = new TestBox("H") { Height = 10, KeepWithNext = true };
        var pages = Pages([.. Paragraph("a", 8, 1), heading, .. Paragraph("b", 4, 2)]);
        Assert.Equal(["H", "b1", "b2", "b3", "b4"], pages[1]);
    }

    [Fact]
    public void A_long_table_repeats_its_header_on_each_page()
    {
        var header = new TestBox("header") { Height = 10, KeepWithNext = true };
        var rows = Enumerable.Range(1, 15).Select(i => (Box)new TestBox($"r{i}") { Height = 10, RepeatHeader = [header] }).ToList();
        var pages = Pages([header, .. rows]);
        Assert.Equal(2, pages.Count);
        Assert.Equal("header", pages[0][0]);
        Assert.Equal(["header", "r10", "r11", "r12", "r13", "r14", "r15"], pages[1]);
    }

    [Fact]
    public void A_footnote_lands_on_the_page_of_the_line_that_cites_it()
    {
        var note = new Footnote(null, Inlines.Of("note"));
        var boxes = Paragraph("a", 8, 1).ToList();
        boxes.Add(new TestBox("cites") { Height = 10, Footnotes = [note] });
        var pages = Paginator.Paginate(boxes, n => n.Count() * 10, 0, 100);
        // 8 lines + the citing line (90) + the note (10) + separator (10) exceed 100: the citing line moves with its note.
        Assert.DoesNotContain(pages[0].Footnotes, n => n == note);
        Assert.Contains(pages[1].Items, i => ((TestBox)i.Box).Name == "cites");
        Assert.Equal([note], pages[1].Footnotes);
    }

    [Fact]
    public void A_page_break_starts_a_new_page() =>
        Assert.Equal([["a1"], ["b1"]], Pages([.. Paragraph("a", 1, 1), new TestBox("b1") { Height = 10, Group = 2, PageBreakBefore = true }]));
}
