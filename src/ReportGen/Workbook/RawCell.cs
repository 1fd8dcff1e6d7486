namespace ReportGen.Workbook;

/// <summary>How a cell is stored; <see cref="Invalid"/>: the file stores something no spreadsheet writes there (Text says what).</summary>
public enum CellKind { Blank, Number, Text, Boolean, Error, IsoDate, MissingCachedValue, Invalid }

/// <summary>
/// A cell as stored in the file, before any interpretation by column type.
/// Formula cells are represented by their cached value.
/// </summary>
public readonly record struct RawCell(CellKind Kind, string? Text = null, double Number = 0)
{
    public static readonly RawCell Blank = new(CellKind.Blank);

    public bool IsBlank => Kind == CellKind.Blank || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));
}

/// <summary>A row of a sheet: its 1-based number and its non-blank cells.</summary>
public sealed record SheetRow(int Row, RowCells Cells);

/// <summary>A cell and its 1-based column.</summary>
public readonly record struct ColumnCell(int Column, RawCell Cell);

/// <summary>The non-blank cells of a row by 1-based column, in column order; a cell set again replaces the first.</summary>
/// <remarks>
/// Not a <c>SortedList&lt;int, RawCell&gt;</c>: the framework's collections over a project struct are
/// generic code that ReadyToRun cannot precompile, JIT-compiled in every cold start of the ReadyToRun and
/// portable tools (see docs/benchmarks.md#generic-code-and-the-cold-start). Rows hold a
/// few dozen cells at most (columns are bounded), so an insertion keeps the arrays in order.
/// </remarks>
public sealed class RowCells
{
    private int[] _columns = new int[4];
    private RawCell[] _cells = new RawCell[4];

    public int Count { get; private set; }

    /// <summary>The cell of a column (<see cref="KeyNotFoundException"/> when the row has none).</summary>
    public RawCell this[int column] => TryGetValue(column, out var cell) ? cell : throw new KeyNotFoundException($"row has no cell in column {column}");

    /// <summary>The columns with a cell, ascending.</summary>
    public int[] Columns => _columns[..Count];

    public bool TryGetValue(int column, out RawCell cell)
    {
        int at = Find(column);
        cell = at >= 0 ? _cells[at] : default;
        return at >= 0;
    }

    public void Set(int column, RawCell cell)
    {
        int at = Find(column);
        if (at >= 0)
        {
            _cells[at] = cell;
            return;
        }
        at = ~at;
        if (Count == _columns.Length)
        {
            var columns = new int[Count * 2];
            var cells = new RawCell[Count * 2];
            Array.Copy(_columns, columns, Count);
            Array.Copy(_cells, cells, Count);
            _columns = columns;
            _cells = cells;
        }
        for (int i = Count; i > at; i--)
        {
            _columns[i] = _columns[i - 1];
            _cells[i] = _cells[i - 1];
        }
        _columns[at] = column;
        _cells[at] = cell;
        Count++;
    }

    /// <summary>The index of a column, or the complement of where it would go.</summary>
    private int Find(int column)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (_columns[middle] == column) return middle;
            if (_columns[middle] < column) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator(RowCells row)
    {
        private int _index = -1;

        public readonly ColumnCell Current => new(row._columns[_index], row._cells[_index]);

        public bool MoveNext() => ++_index < row.Count;
    }
}
