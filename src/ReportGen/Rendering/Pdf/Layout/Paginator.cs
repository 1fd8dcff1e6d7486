using ReportGen.Document;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>A page's boxes with their tops, and the footnotes cited on it.</summary>
public sealed class PageContent
{
    public List<(Box Box, double Top)> Items { get; } = [];
    public List<Footnote> Footnotes { get; } = [];
    public double Y { get; set; }
    public bool Empty => Items.Count == 0;

    /// <summary>Where the page's boxes came from, for placing them again (<see cref="Paginator"/>'s rebalancing): each keep-together block placed whole, by its first box…</summary>
    internal Dictionary<Box, KeepTogether> Kept { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>…and the table header rows repeated on it, which are not the table's own.</summary>
    internal HashSet<Box> Repeats { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>
/// Places measured boxes on pages: a paragraph splits across pages leaving at least two lines on
/// each (no widow, no orphan), a heading stays with what follows it, plain space never opens a page, a table row that does not
/// fit starts a new page under a repeat of the table's header, and each footnote lands at the
/// foot of the page whose line cites it.
/// </summary>
/// <remarks>
/// Boxes are placed as they come (<see cref="Add"/>), and each page is handed on as soon as it is
/// full, so a writer can draw it and let its boxes go: a long document never holds more than a
/// page or two of layout. A decision waits only until the boxes it looks at have all arrived
/// (a whole paragraph, a heading with the first lines after it), so placing box by box gives
/// exactly the pages that placing the whole list at once would.
/// </remarks>
public sealed class Paginator
{
    public const int MinimumLines = 2;

    /// <summary>How many boxes wait before placing is tried: enough to hold a paragraph or two.</summary>
    public const int DefaultBatch = 256;

    private readonly Func<IEnumerable<Footnote>, double> _footnoteHeight;
    private readonly double _top, _bottom;
    private readonly Action<PageContent> _pageDone;
    private readonly List<Box> _pending = [];
    private readonly int _batch;
    private int _nextTry;
    private PageContent _page;
    // The last full page is held back one step: when the document ends on a page break, the page
    // before is the last one, and its writer may still add to it (the closing rule).
    private PageContent? _held;
    private bool _finished;

    /// <param name="pageDone">Receives each page, in order, once nothing more goes on it (all but the last).</param>
    /// <param name="batch">Boxes gathered before placing is tried (any value gives the same pages).</param>
    public Paginator(Func<IEnumerable<Footnote>, double> footnoteHeight, double top, double bottom, Action<PageContent> pageDone,
        int batch = DefaultBatch)
    {
        _batch = _nextTry = Math.Max(1, batch);
        _footnoteHeight = footnoteHeight;
        _top = top;
        _bottom = bottom;
        _pageDone = pageDone;
        _page = new PageContent { Y = top };
    }

    /// <summary>Pages of a whole list of boxes, at once.</summary>
    public static List<PageContent> Paginate(IReadOnlyList<Box> boxes, Func<IEnumerable<Footnote>, double> footnoteHeight, double top, double bottom)
    {
        var pages = new List<PageContent>();
        var paginator = new Paginator(footnoteHeight, top, bottom, pages.Add);
        foreach (var box in boxes) paginator.Add(box);
        pages.Add(paginator.Finish());
        return pages;
    }

    // Boxes gathered for a keep-together block (BeginKeep…EndKeep), or null.
    private List<Box>? _keeping;

    /// <summary>Starts a block kept on one page (a chart with its caption, key and table): boxes added until <see cref="EndKeep"/> go in it.</summary>
    public void BeginKeep()
    {
        if (_keeping is not null) throw new InvalidOperationException("keep-together blocks do not nest");
        _keeping = [];
    }

    /// <summary>Ends the block begun by <see cref="BeginKeep"/> and adds it as one <see cref="KeepTogether"/>.</summary>
    public void EndKeep()
    {
        var boxes = _keeping ?? throw new InvalidOperationException("EndKeep without BeginKeep");
        _keeping = null;
        if (boxes.Count > 0) Add(new KeepTogether(boxes));
    }

    public void Add(Box box)
    {
        if (_finished) throw new InvalidOperationException("boxes added after the last page");
        if (_keeping is not null) { _keeping.Add(box); return; }
        _pending.Add(box);
        if (_pending.Count < _nextTry) return;
        Place(final: false);
        _nextTry = _pending.Count + _batch; // a paragraph still arriving is not rescanned box by box
    }

    /// <summary>Places what is left and returns the last page, which has not been handed on.</summary>
    public PageContent Finish()
    {
        Place(final: true);
        _finished = true;
        if (_page.Empty && _held is not null) return _held; // a trailing empty page is dropped
        if (_held is not null) _pageDone(_held);
        _held = null;
        return _page;
    }

    private void NewPage()
    {
        _raise = 0;
        if (_held is not null) _pageDone(_held);
        _held = _page;
        _page = new PageContent { Y = _top };
    }

    private double NotesHeight(PageContent page, IEnumerable<Footnote> extra)
    {
        var all = page.Footnotes.Concat(extra.Where(n => !page.Footnotes.Contains(n))).ToList();
        return all.Count == 0 ? 0 : _footnoteHeight(all) + 10; // 10: the separator
    }

    /// <summary>A paragraph of at most this many lines before a forced break is not left alone on a page when spaces can give way.</summary>
    public const int TailLines = 4;

    /// <summary>The share of the space before each block that a page may give up to hold such a tail (<see cref="TailLines"/>).</summary>
    public const double SpaceGiven = 0.5;

    /// <summary>Does the run fit on the page, when the page's spaces (and the run's) may give up <paramref name="give"/> of themselves?</summary>
    private bool Fits(IReadOnlyList<Box> run, double give = 0)
    {
        double y = _page.Y, spaces = give * PageSpaces(_page);
        for (int i = 0; i < run.Count; i++)
        {
            double space = _page.Empty && i == 0 ? 0 : run[i].SpaceBefore;
            y += space + run[i].Height;
            spaces += give * space;
        }
        return y - spaces + NotesHeight(_page, run.SelectMany(b => b.Footnotes)) <= _bottom - _raise + 0.01;
    }

    /// <summary>The spaces before the blocks of a page (the first box's is not set).</summary>
    private static double PageSpaces(PageContent page)
    {
        double spaces = 0;
        for (int k = 1; k < page.Items.Count; k++) spaces += page.Items[k].Box.SpaceBefore;
        return spaces;
    }

    /// <summary>Takes what the page runs over its foot from the spaces before its blocks, by an equal share of each.</summary>
    private void Tighten(PageContent page)
    {
        double over = page.Y + NotesHeight(page, []) - _bottom, spaces = PageSpaces(page);
        if (over <= 0 || spaces <= 0) return;
        double keep = 1 - Math.Min(SpaceGiven, over / spaces), y = _top;
        for (int k = 0; k < page.Items.Count; k++)
        {
            var box = page.Items[k].Box;
            y += k == 0 ? 0 : box.SpaceBefore * keep;
            page.Items[k] = (box, y);
            y += box.Height;
        }
        page.Y = y;
    }

    private void Place(Box box)
    {
        double space = _page.Empty ? 0 : box.SpaceBefore;
        _page.Items.Add((box, _page.Y + space));
        _page.Y += space + box.Height;
        foreach (var note in box.Footnotes)
            if (!_page.Footnotes.Contains(note)) _page.Footnotes.Add(note);
    }

    /// <summary>
    /// How many of a paragraph's <paramref name="lines"/> must stand on a page for it to start there:
    /// two, or all of it when it is too short to split (it leaves two on each page or none).
    /// </summary>
    private static int FirstPart(int lines) => lines < 2 * MinimumLines ? lines : MinimumLines;

    /// <summary>The index after the paragraph (group) that starts at <paramref name="start"/>, or -1 when it may not have ended yet.</summary>
    private int GroupEnd(int start, bool final)
    {
        int group = _pending[start].Group, end = start + 1;
        while (end < _pending.Count && _pending[end].Group == group) end++;
        return end < _pending.Count || final ? end : -1;
    }

    /// <summary>
    /// A page before a forced break (an annex) holding less than this share of the page's height is
    /// "only a few lines" (six or so lines of English, four of Chinese): the break before it is moved (<see cref="Rebalance"/>).
    /// </summary>
    public const double ShortPage = 0.15;

    // The forced break last rebalanced before (each is, once), and how far the foot of the page
    // being filled again is raised (0 on every other page).
    private Box? _balanced;
    private double _raise;

    /// <summary>
    /// The page before the forced break at <paramref name="at"/> holds only a few lines (less than
    /// <see cref="ShortPage"/> of the page) after a full page: the break between the two pages moves.
    /// The short page's boxes go back onto the page before when they fit there with its spaces giving
    /// up to <see cref="SpaceGiven"/>; otherwise the two pages are placed again with the first one's
    /// foot raised by what the short page lacks, so that more of the text goes onto it, under the
    /// same rules (no widow or orphan, headings and lead-ins with what follows, charts whole).
    /// Each forced break is rebalanced once.
    /// Returns whether the pages changed (the boxes to place again are back in the pending list).
    /// </summary>
    private bool Rebalance(int at)
    {
        var held = _held;
        double height = _bottom - _top, filled = _page.Y - _top;
        if (held is null || held.Empty || filled >= ShortPage * height) return false;
        // Boxes the short page took from the one before (a repeated header) are not its own.
        var tail = _page.Items.Select(i => i.Box).Where(b => !_page.Repeats.Contains(b)).ToList();
        if (tail.Count == 0) return false;
        // Back onto the page before, when its spaces (and the tail's) can make the room.
        double y = held.Y, spaces = PageSpaces(held);
        foreach (var box in tail)
        {
            y += box.SpaceBefore + box.Height;
            spaces += box.SpaceBefore;
        }
        if (y - SpaceGiven * spaces + NotesHeight(held, tail.SelectMany(b => b.Footnotes)) <= _bottom + 0.01)
        {
            foreach (var (first, keep) in _page.Kept) held.Kept[first] = keep;
            _page = held;
            _held = null;
            foreach (var box in tail) Place(box);
            Tighten(_page);
            return true;
        }
        // Or more onto the short page: both placed again, the first with its foot raised, unless
        // that would leave the page before less than half full (it is short itself: nothing to give).
        double foot = held.Y - (ShortPage * height - filled);
        if (foot < _top + height / 2) return false;
        var again = new List<Box>();
        foreach (var page in new[] { held, _page })
        {
            for (int k = 0; k < page.Items.Count; k++)
            {
                var box = page.Items[k].Box;
                if (page.Repeats.Contains(box)) continue;
                if (page.Kept.TryGetValue(box, out var keep))
                {
                    again.Add(keep);
                    k += keep.Boxes.Count - 1;
                }
                else again.Add(box);
            }
        }
        _pending.InsertRange(at, again);
        _held = null;
        _page = new PageContent { Y = _top };
        _raise = _bottom - foot; // the foot where the page before ended, less what the short page lacks
        return true;
    }

    /// <summary>
    /// What a box kept with the next must stand on the page with, from <paramref name="end"/>: the
    /// next paragraph's first part (<see cref="FirstPart"/>) or the next box; null when it has not come yet.
    /// </summary>
    private List<Box>? Following(int end, bool final)
    {
        if (end >= _pending.Count) return final ? [] : null;
        if (_pending[end].Group < 0) return [_pending[end]];
        int groupEnd = GroupEnd(end, final);
        return groupEnd < 0 ? null : _pending.GetRange(end, FirstPart(groupEnd - end));
    }

    private void Place(bool final)
    {
        var boxes = _pending;
        int i = 0;
        while (i < boxes.Count)
        {
            var box = boxes[i];
            if (box.PageBreakBefore && !_page.Empty && !ReferenceEquals(box, _balanced))
            {
                _balanced = box;
                if (Rebalance(i)) continue;
            }

            // A run of boxes kept with what follows (headings, table headers): they and the first
            // lines after them must fit together.
            if (box.KeepWithNext)
            {
                int j = i;
                while (j < boxes.Count && boxes[j].KeepWithNext) j++;
                if (j == boxes.Count && !final) break; // what follows the run has not come yet
                var run = boxes.GetRange(i, j - i);
                if (j < boxes.Count)
                {
                    int groupEnd = boxes[j].Group >= 0 ? GroupEnd(j, final) : j + 1;
                    if (groupEnd < 0) break;
                    run.AddRange(boxes.GetRange(j, FirstPart(groupEnd - j)));
                }
                if (box.PageBreakBefore && !_page.Empty) NewPage();
                if (!Fits(run) && !_page.Empty)
                {
                    NewPage();
                    Repeat(box); // a table's row kept with its last: the table's header above it again
                }
                Place(box);
                i++;
                continue;
            }

            if (box is KeepTogether keep)
            {
                // Unwrapped: placed here whole, or flowing as they would alone when taller than a page.
                boxes.RemoveAt(i);
                boxes.InsertRange(i, keep.Boxes);
                if (keep.Height > _bottom - _top) continue;
                if (keep.PageBreakBefore && !_page.Empty) NewPage();
                if (!Fits([keep]) && !_page.Empty) NewPage();
                _page.Kept[keep.Boxes[0]] = keep;
                for (int k = 0; k < keep.Boxes.Count; k++) Place(boxes[i + k]);
                i += keep.Boxes.Count;
                continue;
            }

            if (box.Group >= 0)
            {
                int end = GroupEnd(i, final);
                if (end < 0) break; // the paragraph's last lines have not come yet
                if (box.PageBreakBefore && !_page.Empty) NewPage();
                var lines = boxes.GetRange(i, end - i);
                // A lead-in (its last line kept with what follows) fits only with the list's first lines.
                var after = lines[^1].KeepWithNext ? Following(end, final) : [];
                if (after is null) break; // what follows has not come yet
                if (Fits([.. lines, .. after])) { lines.ForEach(Place); i = end; continue; }
                // The last lines before a forced break (an annex, the end) would stand alone on a page:
                // the page's spaces between blocks give way instead, as far as they can.
                bool beforeBreak = end < boxes.Count ? boxes[end].PageBreakBefore : final;
                if (beforeBreak && after.Count == 0 && !_page.Empty && lines.Count <= TailLines && Fits(lines, SpaceGiven))
                {
                    lines.ForEach(Place);
                    Tighten(_page);
                    i = end;
                    continue;
                }
                int fit = 0;
                while (fit < lines.Count && Fits(lines.GetRange(0, fit + 1))) fit++;
                if (_page.Empty) fit = Math.Max(fit, 1); // taller than a page (or with what it keeps with): place what fits
                else
                {
                    // Leave at least two lines here and two on the next page, or move the whole paragraph.
                    fit = Math.Min(fit, lines.Count - MinimumLines);
                    if (fit < MinimumLines) { NewPage(); continue; }
                }
                for (int k = 0; k < fit; k++) Place(lines[k]);
                i += fit;
                if (fit == lines.Count) continue; // a lead-in with its list taller than a page: the list goes on below it
                NewPage();
                continue;
            }

            // Plain space between blocks (after a chart or a table) never starts a page: at the top of
            // a page, or where it would run over the foot, it is dropped, and the next block starts
            // the page at its top (the space before a block is already not set there).
            if (box is SpaceBox { IsRule: false, KeepWithNext: false, PageBreakBefore: false } && (_page.Empty || !Fits([box])))
            {
                i++;
                continue;
            }
            if (box.PageBreakBefore && !_page.Empty) NewPage();
            if (!Fits([box]) && !_page.Empty)
            {
                NewPage();
                Repeat(box);
            }
            Place(box);
            i++;
        }
        boxes.RemoveRange(0, i); // placed: their pages hold them now
    }

    /// <summary>At the top of a new page, the header rows of the table whose row <paramref name="box"/> is (none for other boxes).</summary>
    private void Repeat(Box box)
    {
        if (box.RepeatHeader is not { Count: > 0 } header) return;
        foreach (var h in header)
        {
            _page.Repeats.Add(h);
            Place(h);
        }
    }
}
