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
