using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>A row's cells by column (<see cref="RowCells"/>) behave as the sorted list they replace.</summary>
public class RowCellsTests
{
    [Fact]
    public void Cells_set_in_any_order_read_back_in_column_order_the_last_set_winning()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var r = new Random(seed);
            var row = new RowCells();
            var expected = new SortedList<int, RawCell>();
            for (int n = r.Next(0, 60); n > 0; n--)
            {
                int column = r.Next(1, 40);
                var cell = new RawCell(CellKind.Number, Number: r.Next());
                row.Set(column, cell);
                expected[column] = cell;
            }
            Assert.Equal(expected.Count, row.Count);
            Assert.Equal(expected.Keys, row.Columns);
            Assert.Equal(expected.Select(p => new ColumnCell(p.Key, p.Value)), [.. Enumerate(row)]);
            for (int column = 0; column < 42; column++)
            {
                Assert.Equal(expected.TryGetValue(column, out var want), row.TryGetValue(column, out var got));
                Assert.Equal(want, got);
            }
        }
    }

    [Fact]
    public void A_column_without_a_cell_is_not_found()
    {
        var row = new RowCells();
        row.Set(3, new RawCell(CellKind.Text, "x"));
        Assert.Equal("x", row[3].Text);
        Assert.Throws<KeyNotFoundException>(() => row[2]);
        Assert.False(row.TryGetValue(4, out _));
    }

    private static List<ColumnCell> Enumerate(RowCells row)
    {
        var cells = new List<ColumnCell>();
        foreach (var cell in row) cells.Add(cell);
        return cells;
    }
}
