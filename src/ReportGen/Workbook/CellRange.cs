namespace ReportGen.Workbook;

/// <summary>A rectangle of cells such as <c>C1:D1</c>, as merged cells are stored.</summary>
/// <remarks>A class, not a struct: a list of a project struct is generic code JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</remarks>
public sealed record CellRange(CellRef First, CellRef Last)
{
    public override string ToString() => $"{First}:{Last}";

    public bool HasColumn(int column) => column >= First.Column && column <= Last.Column;

    public bool Covers(CellRef cell) => HasColumn(cell.Column) && cell.Row >= First.Row && cell.Row <= Last.Row;

    /// <summary>Parses <c>C1:D1</c> (corners in either order); false for anything else, a single cell included.</summary>
    public static bool TryParse(string? text, out CellRange range)
    {
        range = null!;
        int colon = text?.IndexOf(':') ?? -1;
        if (colon < 0 || !CellRef.TryParse(text.AsSpan(0, colon), out var a) || !CellRef.TryParse(text.AsSpan(colon + 1), out var b)) return false;
        range = new CellRange(new CellRef(Math.Min(a.Column, b.Column), Math.Min(a.Row, b.Row)), new CellRef(Math.Max(a.Column, b.Column), Math.Max(a.Row, b.Row)));
        return true;
    }
}
