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
    public void A_heading_moves_with_a_paragraph_too_short_to_split()
    {
        // The heading and two lines fit at the foot, but a three-line paragraph cannot leave two
        // lines on each page: it moves whole, and the heading with it, not left alone at the foot.
        var heading = new TestBox("H") { Height = 10, KeepWithNext = true };
        var pages = Pages([.. Paragraph("a", 7, 1), heading, .. Paragraph("b", 3, 2)]);
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "a6", "a7"], pages[0]);
        Assert.Equal(["H", "b1", "b2", "b3"], pages[1]);
    }

    [Fact]
    public void A_chart_with_its_caption_key_and_table_moves_whole()
    {
        // Caption (kept with what follows), drawing, key and two table rows: 60 points, 40 left on the page.
        var boxes = new List<Box>(Paragraph("a", 6, 1));
        var chart = new List<Box>
        {
            new TestBox("caption") { Height = 10, KeepWithNext = true, Group = 2 },
            new TestBox("drawing") { Height = 20 },
            new TestBox("key") { Height = 10 },
            new TestBox("row1") { Height = 10 },
            new TestBox("row2") { Height = 10 },
        };
        boxes.Add(new KeepTogether(chart));
        boxes.AddRange(Paragraph("b", 2, 3));
        var pages = Pages(boxes);
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "a6"], pages[0]);
        Assert.Equal(["caption", "drawing", "key", "row1", "row2", "b1", "b2"], pages[1]);
    }

    [Fact]
    public void A_keep_together_block_taller_than_a_page_flows()
    {
        var block = new KeepTogether([.. Enumerable.Range(1, 12).Select(i => new TestBox($"k{i}") { Height = 10 })]);
        var pages = Pages([.. Paragraph("a", 2, 1), block]);
        Assert.Equal(["a1", "a2", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"], pages[0]);
        Assert.Equal(["k9", "k10", "k11", "k12"], pages[1]);
    }

    [Fact]
    public void The_last_lines_before_an_annex_take_room_from_the_spaces_rather_than_stand_alone()
    {
        // Seven one-line paragraphs 4 points apart fill 73 of 100; a three-line paragraph before the
        // annex needs 4 + 30 more: 7 over, which the eight spaces (28 points) give by a quarter each.
        var boxes = Enumerable.Range(1, 7).Select(i => (Box)new TestBox($"p{i}") { Height = 7, Group = i, SpaceBefore = 4 }).ToList();
        boxes.AddRange(Enumerable.Range(1, 3).Select(i => new TestBox($"c{i}") { Height = 10, Group = 8, SpaceBefore = i == 1 ? 4 : 0 }));
        boxes.Add(new TestBox("Annex") { Height = 10, Group = 9, PageBreakBefore = true });
        var pages = Paginator.Paginate(boxes, _ => 0, 0, 100);
        Assert.Equal(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "c1", "c2", "c3"], pages[0].Items.Select(i => ((TestBox)i.Box).Name));
        var last = pages[0].Items[^1];
        Assert.Equal(100, last.Top + last.Box.Height, 6); // the spaces shrank by just what was over: to 3 points each
        Assert.Equal(10, pages[0].Items[1].Top, 6);
        Assert.Equal(["Annex"], pages[1].Items.Select(i => ((TestBox)i.Box).Name));
    }

    /// <summary>Pages of 300 points, where "only a few lines" is less than 45 (<see cref="Paginator.ShortPage"/>).</summary>
    private static List<List<string>> TallPages(IReadOnlyList<Box> boxes) =>
        Paginator.Paginate(boxes, _ => 0, 0, 300).Select(p => p.Items.Select(i => ((TestBox)i.Box).Name).ToList()).ToList();

    [Fact]
    public void A_short_tail_of_several_paragraphs_before_an_annex_goes_back_onto_the_page_before()
    {
        // Twenty one-line paragraphs 4 points apart fill 276 of 300; a three-line paragraph (34 with its
        // space) and a one-line one (14) would stand alone before the annex, 44 points: the 21 spaces
        // give up 24 of their 84 points and both stay on the first page.
        var boxes = Enumerable.Range(1, 20).Select(i => (Box)new TestBox($"p{i}") { Height = 10, Group = i, SpaceBefore = 4 }).ToList();
        boxes.AddRange(Paragraph("c", 3, 21).Select((b, k) => (Box)new TestBox(((TestBox)b).Name) { Height = 10, Group = 21, SpaceBefore = k == 0 ? 4 : 0 }));
        boxes.Add(new TestBox("d1") { Height = 10, Group = 22, SpaceBefore = 4 });
        boxes.Add(new TestBox("Annex") { Height = 10, Group = 23, PageBreakBefore = true });
        var pages = Paginator.Paginate(boxes, _ => 0, 0, 300);
        Assert.Equal(["c1", "c2", "c3", "d1"], pages[0].Items.TakeLast(4).Select(i => ((TestBox)i.Box).Name));
        Assert.Equal(300, pages[0].Items[^1].Top + pages[0].Items[^1].Box.Height, 6);
        Assert.Equal(["Annex"], pages[1].Items.Select(i => ((TestBox)i.Box).Name));
    }

    [Fact]
    public void A_short_page_before_an_annex_takes_more_from_the_page_before()
    {
        // 200 + 80 points of text, then a three-line paragraph that does not fit (310) and would stand
        // alone before the annex (30 points, 15 short of 45); no spaces to give: the page before ends
        // 15 points higher, so two lines of b go over with c (b still leaves six lines on the first page).
        var boxes = new List<Box>([.. Paragraph("a", 20, 1), .. Paragraph("b", 8, 2), .. Paragraph("c", 3, 3)]);
        boxes.Add(new TestBox("Annex") { Height = 10, Group = 4, PageBreakBefore = true });
        var pages = TallPages(boxes);
        Assert.Equal(3, pages.Count);
        Assert.Equal(["b1", "b2", "b3", "b4", "b5", "b6"], pages[0].TakeLast(6));
        Assert.Equal(["b7", "b8", "c1", "c2", "c3"], pages[1]);
        Assert.Equal(["Annex"], pages[2]);
    }

    [Fact]
    public void A_heading_and_its_lead_in_go_over_whole_to_a_short_page()
    {
        // The last chapter's heading, its one-line lead-in (kept with its list) and a three-line item end
        // the first page; the list's other item alone (20 points) would precede the annex: the heading,
        // lead-in and item go over with it, the heading never left at the foot.
        var boxes = new List<Box>(Paragraph("a", 24, 1))
        {
            new TestBox("H") { Height = 10, KeepWithNext = true },
            new TestBox("lead-in") { Height = 10, Group = 2, KeepWithNext = true },
        };
        boxes.AddRange([.. Paragraph("i", 3, 3), .. Paragraph("ii", 2, 4)]);
        boxes.Add(new TestBox("Annex") { Height = 10, Group = 5, PageBreakBefore = true });
        var pages = TallPages(boxes);
        Assert.Equal("a24", pages[0][^1]);
        Assert.Equal(["H", "lead-in", "i1", "i2", "i3", "ii1", "ii2"], pages[1]);
    }

    [Fact]
    public void A_page_before_an_annex_that_is_not_short_keeps_its_break()
    {
        var boxes = new List<Box>([.. Paragraph("a", 20, 1), .. Paragraph("b", 9, 2), .. Paragraph("c", 5, 3)]);
        boxes.Add(new TestBox("Annex") { Height = 10, Group = 4, PageBreakBefore = true });
        var pages = TallPages(boxes);
        Assert.Equal("b9", pages[0][^1]);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], pages[1]); // 50 points: not a few lines
    }

    [Fact]
    public void Spaces_do_not_give_way_for_a_paragraph_that_flows_on()
    {
        // As above, but the body goes on after the paragraph: it moves to the next page, the spaces stay.
        var boxes = Enumerable.Range(1, 7).Select(i => (Box)new TestBox($"p{i}") { Height = 7, Group = i, SpaceBefore = 4 }).ToList();
        boxes.AddRange(Enumerable.Range(1, 3).Select(i => new TestBox($"c{i}") { Height = 10, Group = 8, SpaceBefore = i == 1 ? 4 : 0 }));
        boxes.Add(new TestBox("next") { Height = 10, Group = 9 });
        var pages = Paginator.Paginate(boxes, _ => 0, 0, 100);
        Assert.Equal(7, pages[0].Items.Count);
        Assert.Equal(11, pages[0].Items[1].Top, 6);
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

    /// <summary>A seeded mix of everything pagination decides on: paragraphs, headings, table rows, breaks, footnotes.</summary>
    private static List<Box> Mixed(int seed, int count)
    {
        var random = new Random(seed);
        var notes = Enumerable.Range(0, 5).Select(i => new Footnote(null, Inlines.Of($"n{i}"))).ToList();
        var boxes = new List<Box>();
        int group = 0;
        TestBox? header = null;
        while (boxes.Count < count)
        {
            switch (random.Next(6))
            {
                case 0 or 1 or 2:
                    group++;
                    int lines = random.Next(1, 14);
                    bool breakBefore = random.Next(20) == 0;
                    for (int i = 1; i <= lines; i++)
                        boxes.Add(new TestBox($"p{group}.{i}")
                        {
                            Height = 5 + random.Next(6), Group = group, SpaceBefore = i == 1 ? 4 : 0, PageBreakBefore = breakBefore && i == 1,
                            Footnotes = random.Next(15) == 0 ? [notes[random.Next(notes.Count)]] : [],
                        });
                    break;
                case 3:
                    boxes.Add(new TestBox($"h{boxes.Count}") { Height = 12, KeepWithNext = true, SpaceBefore = 8 });
                    break;
                case 4:
                    header = new TestBox($"th{boxes.Count}") { Height = 8, KeepWithNext = true };
                    boxes.Add(header);
                    for (int r = random.Next(1, 30); r > 0; r--) boxes.Add(new TestBox($"r{boxes.Count}") { Height = 7, RepeatHeader = [header] });
                    break;
                default:
                    boxes.Add(new TestBox($"c{boxes.Count}") { Height = 20 + random.Next(60), PageBreakBefore = random.Next(10) == 0 });
                    break;
            }
        }
        return boxes;
    }

    private static List<string> Layout(IEnumerable<PageContent> pages) =>
        pages.Select(p => string.Join(" ", p.Items.Select(i => $"{((TestBox)i.Box).Name}@{i.Top:F1}"))
                          + " | " + string.Join(",", p.Footnotes.Select(n => Inlines.PlainText(n.Content)))).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Placing_box_by_box_gives_the_pages_of_placing_all_at_once(int seed)
    {
        var boxes = Mixed(seed, 3000);
        List<string> PagesWithBatch(int batch)
        {
            var pages = new List<PageContent>();
            var paginator = new Paginator(n => n.Count() * 6, 0, 100, p => pages.Add(Snapshot(p)), batch);
            foreach (var box in boxes) paginator.Add(box);
            pages.Add(paginator.Finish());
            return Layout(pages);
        }
        var whole = PagesWithBatch(int.MaxValue);
        Assert.True(whole.Count > 100, $"the mix should fill many pages, got {whole.Count}");
        foreach (int batch in new[] { 1, 2, 7, 64, Paginator.DefaultBatch })
            Assert.Equal(whole, PagesWithBatch(batch));
    }

    [Fact]
    public void Full_pages_are_handed_on_while_boxes_still_arrive()
    {
        var boxes = Mixed(4, 3000);
        int handedOn = 0;
        // Placing is tried at every box: what remains at the end is at most the last paragraph
        // (up to 13 lines of at most 10 points: two pages) and the page held back for the closing rule.
        var paginator = new Paginator(n => n.Count() * 6, 0, 100, _ => handedOn++, batch: 1);
        for (int added = 0; added < boxes.Count; added++)
        {
            paginator.Add(boxes[added]);
            if (added == boxes.Count / 2) Assert.True(handedOn > 50, $"only {handedOn} pages handed on after half the boxes");
        }
        int beforeTheEnd = handedOn;
        paginator.Finish();
        Assert.True(handedOn - beforeTheEnd <= 3, $"{handedOn - beforeTheEnd} pages were held back to the end");
    }

    /// <summary>A page as it was when handed on (the writer may clear a page once drawn).</summary>
    private static PageContent Snapshot(PageContent page)
    {
        var copy = new PageContent { Y = page.Y };
        copy.Items.AddRange(page.Items);
        copy.Footnotes.AddRange(page.Footnotes);
        return copy;
    }

    /// <summary>
    /// The space after a chart or table (a <see cref="SpaceBox"/>) that no longer fits at a page's foot
    /// once opened the next page, and the next chart's caption came below it and its own space (the
    /// zh portfolio analysis's figure III began 28 points below the top of page 7): plain space is
    /// dropped there; a rule is not.
    /// </summary>
    [Fact]
    public void Plain_space_never_opens_a_page()
    {
        var boxes = new List<Box>([.. Paragraph("a", 9, 1), new SpaceBox { Height = 12 }, new TestBox("b") { Height = 10, SpaceBefore = 18 }]);
        var pages = Paginator.Paginate(boxes, _ => 0, 0, 100);
        Assert.Equal(2, pages.Count);
        var (first, top) = pages[1].Items[0];
        Assert.Equal("b", ((TestBox)first).Name);
        Assert.Equal(0, top);
        Assert.DoesNotContain(pages.SelectMany(p => p.Items), item => item.Box is SpaceBox);

        // At the top of an empty page too (after a forced break), and where it fits it stays.
        var afterBreak = Paginator.Paginate([new SpaceBox { Height = 5 }, new TestBox("c") { Height = 10 }, new SpaceBox { Height = 5 }, new TestBox("d") { Height = 10 }], _ => 0, 0, 100);
        Assert.Equal([("c", 0.0), ("space", 10.0), ("d", 15.0)],
            afterBreak.Single().Items.Select(i => (i.Box is TestBox t ? t.Name : "space", i.Top)));

        var rule = Paginator.Paginate([.. Paragraph("a", 10, 1), new SpaceBox(0, 10, 0.5) { Height = 5 }], _ => 0, 0, 100);
        Assert.IsType<SpaceBox>(rule[^1].Items[0].Box);
    }

    /// <summary>
    /// Issue 23 (page-by-page review of a five-year cycle): the annual report's funding table began at a page's foot with its
    /// title, header and one row. A table's first row keeps with the second, and the row before its last with the last; the
    /// header is repeated above rows carried to a new page.
    /// </summary>
    [Fact]
    public void A_table_neither_starts_nor_ends_with_one_row_alone()
    {
        List<Box> Table(out TestBox header)
        {
            var h = new TestBox("h") { Height = 10, KeepWithNext = true };
            header = h;
            return [h, .. Enumerable.Range(1, 4).Select(r => new TestBox($"r{r}") { Height = 10, KeepWithNext = r is 1 or 3, RepeatHeader = [h] })];
        }
        // Eight lines used: the header and the first row would fit, not the second with them: all go over.
        var starts = Pages([.. Paragraph("a", 8, 1), .. Table(out _)]);
        Assert.Equal(["h", "r1", "r2", "r3", "r4"], starts[1]);
        // Six lines used: the header and three rows fit, but the last would stand alone: the one before goes with it, under the header again.
        var ends = Pages([.. Paragraph("a", 6, 1), .. Table(out _)]);
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "a6", "h", "r1", "r2"], ends[0]);
        Assert.Equal(["h", "r3", "r4"], ends[1]);
    }
}
