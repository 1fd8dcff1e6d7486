namespace ReportGen.Workbook;

/// <summary>
/// One problem found in the input, with its place: <c>Sheet!F12</c>, <c>Sheet</c>, or a file name.
/// <see cref="Language"/> is set when the problem only matters if that language is built
/// (a missing <c>_zh</c> text does not stop an English-only build).
/// </summary>
public sealed record Problem(string Place, string Message, string? Language = null)
{
    public static Problem AtCell(string sheet, CellRef cell, string message, string? language = null) =>
        new($"{sheet}!{cell}", message, language);

    public static Problem AtSheet(string sheet, string message, string? language = null) =>
        new(sheet, message, language);

    /// <summary>One line, always: text from the input that reached the message has its control characters made visible.</summary>
    public override string ToString() => $"{Visible(Place)}: {Visible(Message)}";

    /// <summary>
    /// Text from the input made safe to echo in a message: control characters (line breaks,
    /// escapes, tabs), lone surrogates and invisible format characters are shown as <c>\n</c>
    /// or <c>\u001B</c>, so a cell can never start a problem line of its own.
    /// </summary>
    public static string Visible(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { result.Append(c).Append(text[i + 1]); i++; continue; }
            switch (c)
            {
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    var category = char.GetUnicodeCategory(c);
                    if (char.IsControl(c) || char.IsSurrogate(c) || category is System.Globalization.UnicodeCategory.Format
                            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
                        result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }
}

/// <summary>Raised when the input cannot be used at all; carries every problem found.</summary>
public sealed class InputException(IReadOnlyList<Problem> problems)
    : Exception(problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems in the input")
{
    public IReadOnlyList<Problem> Problems { get; } = problems;

    public InputException(Problem problem) : this([problem]) { }
}

/// <summary>A cell address such as <c>F12</c> (1-based row and column).</summary>
public readonly record struct CellRef(int Column, int Row)
{
    public override string ToString() => ColumnLetters(Column) + Row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ColumnLetters(int column) => Packaging.Columns.Letters(column);

    /// <summary>Parses <c>F12</c>; returns false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CellRef cell)
    {
        cell = default;
        int i = 0, column = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == text.Length) return false;
        if (!int.TryParse(text[i..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int row) || row < 1)
            return false;
        cell = new CellRef(column, row);
        return true;
    }
}

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
