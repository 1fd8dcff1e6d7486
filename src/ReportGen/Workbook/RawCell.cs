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
