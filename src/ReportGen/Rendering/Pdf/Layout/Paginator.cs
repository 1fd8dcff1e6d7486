using ReportGen.Document;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>A page's boxes with their tops, and the footnotes cited on it.</summary>
public sealed class PageContent
{
    public List<(Box Box, double Top)> Items { get; } = [];
    public List<Footnote> Footnotes { get; } = [];
    public double Y { get; set; }
    public bool Empty => Items.Count == 0;
}

/// <summary>
/// Places measured boxes on pages: a paragraph splits across pages leaving at least two lines on
/// each (no widow, no orphan), a heading stays with what follows it, a table row that does not
/// fit starts a new page under a repeat of the table's header, and each footnote lands at the
/// foot of the page whose line cites it.
/// </summary>
public static class Paginator
{
    public const int MinimumLines = 2;

    public static List<PageContent> Paginate(IReadOnlyList<Box> boxes, Func<IEnumerable<Footnote>, double> footnoteHeight, double top, double bottom)
    {
        var pagination = new Pagination(boxes, footnoteHeight, top, bottom);
        int i = 0;
        while (i < boxes.Count)
        {
            var box = boxes[i];
            if (box.PageBreakBefore && !pagination.Page.Empty) pagination.NewPage();
            i = box.KeepWithNext ? pagination.PlaceKept(i) : box.Group >= 0 ? pagination.PlaceLines(i) : pagination.PlaceAlone(i);
        }
        return pagination.Pages();
    }

    /// <summary>The pages being filled, and the three ways a box is placed on them.</summary>
    private sealed class Pagination(IReadOnlyList<Box> boxes, Func<IEnumerable<Footnote>, double> footnoteHeight, double top, double bottom)
    {
        private readonly List<PageContent> _pages = [new() { Y = top }];

        public PageContent Page => _pages[^1];

        public void NewPage() => _pages.Add(new PageContent { Y = top });

        public List<PageContent> Pages()
        {
            if (_pages.Count > 1 && _pages[^1].Empty) _pages.RemoveAt(_pages.Count - 1);
            return _pages;
        }

        private double NotesHeight(PageContent page, IEnumerable<Footnote> extra)
        {
            var all = page.Footnotes.Concat(extra.Where(n => !page.Footnotes.Contains(n))).ToList();
            return all.Count == 0 ? 0 : footnoteHeight(all) + 10; // 10: the separator
        }

        private bool Fits(IReadOnlyList<Box> run)
        {
            var page = Page;
            double y = page.Y;
            for (int i = 0; i < run.Count; i++) y += (page.Empty && i == 0 ? 0 : run[i].SpaceBefore) + run[i].Height;
            return y + NotesHeight(page, run.SelectMany(b => b.Footnotes)) <= bottom + 0.01;
        }

        private void Place(Box box)
        {
            var page = Page;
            double space = page.Empty ? 0 : box.SpaceBefore;
            page.Items.Add((box, page.Y + space));
            page.Y += space + box.Height;
            foreach (var note in box.Footnotes)
                if (!page.Footnotes.Contains(note)) page.Footnotes.Add(note);
        }

        /// <summary>
        /// A box kept with what follows (a heading, a table header): the run of such boxes and the
        /// first lines after them must fit together. Returns the index of the next box.
        /// </summary>
        public int PlaceKept(int i)
        {
            var run = new List<Box>();
            int j = i;
            while (j < boxes.Count && boxes[j].KeepWithNext) run.Add(boxes[j++]);
            if (j < boxes.Count)
            {
                run.Add(boxes[j]);
                int group = boxes[j].Group;
                for (int k = j + 1; k < boxes.Count && k < j + MinimumLines && group >= 0 && boxes[k].Group == group; k++) run.Add(boxes[k]);
            }
            if (!Fits(run) && !Page.Empty) NewPage();
            Place(boxes[i]);
            return i + 1;
        }

        /// <summary>The lines of a paragraph: all here, or split leaving two on each page, or all on the next page.</summary>
        public int PlaceLines(int i)
        {
            int end = i;
            while (end + 1 < boxes.Count && boxes[end + 1].Group == boxes[i].Group) end++;
            var lines = boxes.Skip(i).Take(end - i + 1).ToList();
            if (Fits(lines)) { lines.ForEach(Place); return end + 1; }
            int fit = 0;
            while (fit < lines.Count && Fits(lines.Take(fit + 1).ToList())) fit++;
            if (Page.Empty) fit = Math.Max(fit, 1); // taller than a page: place what fits
            else
            {
                // Leave at least two lines here and two on the next page, or move the whole paragraph.
                fit = Math.Min(fit, lines.Count - MinimumLines);
                if (fit < MinimumLines) { NewPage(); return i; }
            }
            for (int k = 0; k < fit; k++) Place(lines[k]);
            NewPage();
            return i + fit;
        }

        /// <summary>Any other box (a table row, a chart): here, or on a new page under the table's header repeated.</summary>
        public int PlaceAlone(int i)
        {
            var box = boxes[i];
            if (!Fits([box]) && !Page.Empty)
            {
                NewPage();
                if (box.RepeatHeader is { Count: > 0 } header) foreach (var h in header) Place(h);
            }
            Place(box);
            return i + 1;
        }
    }
}
