namespace ReportGen.Document;

/// <summary>
/// Rules of UN editorial style that the document model enforces whatever a template writes, so
/// that an item a condition leaves out never leaves the list wrongly punctuated.
/// </summary>
public static class HouseStyle
{
    /// <summary>
    /// Sub-items end with ";" (zh "；") and the last of the list with "." (zh "。"). Under a nested list,
    /// the lead-in keeps its own ending (":"), and the nested list's last item takes the ending its
    /// parent item would have. An item ending in other punctuation (":" or a closing quotation
    /// mark's full stop, say) is left as written.
    /// </summary>
    public static SubItems PunctuateSubItems(SubItems list, string language) => Punctuate(list, final: true, language);

    private static SubItems Punctuate(SubItems list, bool final, string language)
    {
        var items = new List<SubItem>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            bool last = final && i == list.Items.Count - 1;
            var blocks = list.Items[i].Blocks.ToList();
            if (blocks.Count > 0)
            {
                blocks[^1] = blocks[^1] switch
                {
                    SubItems nested => Punctuate(nested, last, language),
                    Paragraph p => p with { Content = End(p.Content, last ? Stop(language) : Semicolon(language)) },
                    var other => other,
                };
            }
            items.Add(list.Items[i] with { Blocks = blocks });
        }
        return list with { Items = items };
    }

    // A language's marks are its profile's (Typesetting.LanguageProfile: Stop, Semicolon, chapter numbering).
    public static string Stop(string language) => Typesetting.LanguageProfiles.For(language).Stop;

    public static string Semicolon(string language) => Typesetting.LanguageProfiles.For(language).Semicolon;

    /// <summary>
    /// A lead-in: the block at <paramref name="index"/> is a paragraph that ends with a colon (":" or
    /// "：") and the block after it is the sub-item list it introduces. It never ends a page apart
    /// from that list: the PDF keeps its last line with the list's first lines, the Word document
    /// marks it keep-with-next. The one home of the rule, for both writers.
    /// </summary>
    public static bool IntroducesList(IReadOnlyList<Block> blocks, int index) =>
        index + 1 < blocks.Count && blocks[index + 1] is SubItems && blocks[index] is Paragraph p
        && Inlines.PlainText(p.Content).TrimEnd() is [.., ':' or '：'];

    /// <summary>Whether <paramref name="block"/>, one of <paramref name="blocks"/>, is a lead-in (<see cref="IntroducesList(IReadOnlyList{Block}, int)"/>).</summary>
    public static bool IntroducesList(IReadOnlyList<Block> blocks, Block block)
    {
        for (int i = 0; i < blocks.Count; i++)
            if (ReferenceEquals(blocks[i], block)) return IntroducesList(blocks, i);
        return false;
    }

    /// <summary>
    /// The last chapter before the first annex (its level-1 heading up to the annex), as a range of
    /// <paramref name="body"/>, when it holds only headings, paragraphs and sub-items; else null. When
    /// it is short (<see cref="WholeChapterLines"/>) it goes onto a page whole rather than leave a few
    /// lines alone on the page before the annex: the PDF rebalances that page (Rendering/Pdf/Layout,
    /// Paginator.Rebalance), the Word document keeps the chapter's paragraphs each with the next.
    /// </summary>
    public static (int Start, int End)? FinalChapter(IReadOnlyList<Block> body)
    {
        int annex = -1;
        for (int i = 0; i < body.Count && annex < 0; i++) if (body[i] is Annex) annex = i;
        if (annex < 0) return null;
        int start = -1;
        for (int i = annex - 1; i >= 0 && start < 0; i--) if (body[i] is Heading { Level: 1 }) start = i;
        if (start < 0) return null;
        for (int i = start; i < annex; i++)
            if (body[i] is not (Heading or Paragraph or SubItems)) return null;
        return (start, annex);
    }

    /// <summary>A final chapter of at most this many lines of text (a third of a page or so) is kept whole (<see cref="FinalChapter"/>).</summary>
    public const int WholeChapterLines = 15;

    /// <summary>
    /// A table never starts with its first row alone at the foot of a page, nor ends with its last
    /// row alone at the top of one: its first two rows stand together under its title and header (the
    /// PDF), and its last two together (the PDF, and the Word document, which keeps the row before
    /// the last with it). A table of this many rows or fewer is not held.
    /// </summary>
    public const int TableTailRows = 2;

    private const string Replaceable = ";.,；。，";

    private static IReadOnlyList<Inline> End(IReadOnlyList<Inline> content, string ending)
    {
        var inlines = content.ToList();
        // Trailing spaces never end an item.
        while (inlines.Count > 0 && inlines[^1] is Text t && t.Value.TrimEnd().Length == 0) inlines.RemoveAt(inlines.Count - 1);
        if (inlines.Count > 0 && inlines[^1] is Text text)
        {
            string value = text.Value.TrimEnd();
            // French sets its semicolon off with a no-break space: the mark replaced takes it along.
            if (value.Length > 0 && Replaceable.Contains(value[^1])) value = value[..^1].TrimEnd('\u00A0', '\u202F');
            else if (value.Length > 0 && (char.IsPunctuation(value[^1]) && value[^1] is not (')' or '）' or '"' or '”' or '’'))) return inlines;
            inlines[^1] = new Text(value + ending);
            return inlines;
        }
        inlines.Add(new Text(ending));
        return inlines;
    }
}
