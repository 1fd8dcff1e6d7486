namespace ReportGen.Rendering;

/// <summary>Layout rules both writers share, so a table looks the same in Word and in the PDF.</summary>
public static class TableGeometry
{
    /// <summary>
    /// Column widths from weights in half-ems of the table's type: short columns (figures, codes,
    /// status words) keep their natural width; when the table is too narrow, the long text
    /// columns give up the difference; when it is wider, every column grows in proportion.
    /// </summary>
    public static double[] ColumnWidths(IReadOnlyList<double> weights, double width, double halfEm)
    {
        var natural = weights.Select(w => w * halfEm).ToArray();
        double total = natural.Sum();
        if (total > width)
        {
            var flexible = Enumerable.Range(0, natural.Length).Where(i => weights[i] > 14).ToList();
            double flexibleTotal = flexible.Sum(i => natural[i]);
            double excess = total - width;
            if (flexible.Count > 0 && flexibleTotal - excess > flexible.Count * 10 * halfEm)
                foreach (int i in flexible) natural[i] -= excess * natural[i] / flexibleTotal;
        }
        double sum = natural.Sum();
        return natural.Select(n => n * width / sum).ToArray();
    }

    /// <summary>
    /// Widths that give every column at least its minimum (the widest piece of its cells that no
    /// line break may divide: （美元）, a two-character word at a cell's end), taking the difference
    /// from the columns with room to spare, in proportion to their room. Where the room does not
    /// suffice, the columns short of their minimum share what there is.
    /// </summary>
    public static double[] Rebalance(IReadOnlyList<double> widths, IReadOnlyList<double> minimums)
    {
        var result = widths.ToArray();
        double needed = 0, room = 0;
        for (int i = 0; i < result.Length; i++)
        {
            double gap = minimums[i] - result[i];
            if (gap > 0) needed += gap; else room -= gap;
        }
        if (needed <= 0 || room <= 0) return result;
        double give = Math.Min(1, room / needed), take = Math.Min(1, needed / room);
        for (int i = 0; i < result.Length; i++)
        {
            double gap = minimums[i] - result[i];
            result[i] += gap > 0 ? gap * give : gap * take;
        }
        return result;
    }

    /// <summary>
    /// For each body row, whether its first cell repeats the one above (Annex I's domain of change on
    /// each of its outcomes): the writers merge such a run into one cell that names it once (Word's
    /// <c>w:vMerge</c>; in the PDF the name at the run's top, a rule between runs). The document
    /// keeps every row whole, for the text, the trace and the diff.
    /// </summary>
    public static bool[] ContinuesAbove(IReadOnlyList<IReadOnlyList<Document.TableCell>> rows)
    {
        var continues = new bool[rows.Count];
        for (int r = 1; r < rows.Count; r++)
            continues[r] = rows[r].Count > 1 && rows[r - 1].Count > 1 && FirstText(rows[r]) is { Length: > 0 } text && text == FirstText(rows[r - 1]);
        return continues;
    }

    private static string FirstText(IReadOnlyList<Document.TableCell> row) => Document.Inlines.PlainText(row[0].Content);

    /// <summary>Tables with more columns than this span the full text width rather than starting at the body indent.</summary>
    public const int WideTableColumns = 6;
}
