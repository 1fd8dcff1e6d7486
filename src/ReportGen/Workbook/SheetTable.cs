using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Workbook;

/// <summary>
/// One sheet read as a table: row 1 is the header (names matched case-insensitively after
/// trimming, any order, unknown columns ignored), every later non-blank row is data.
/// </summary>
internal sealed partial class SheetTable
{
    private readonly Dictionary<string, int> _columns;

    public string Name { get; }
    public IReadOnlyList<TableRow> Rows { get; }
    internal List<Problem> Problems { get; }

    private SheetTable(string name, Dictionary<string, int> columns, List<TableRow> rows, List<Problem> problems)
    {
        Name = name;
        _columns = columns;
        Rows = rows;
        Problems = problems;
        foreach (var row in rows) row.Table = this;
    }

    /// <summary>Whether the workbook's date serials count from 1904 (<see cref="WorkbookDates"/>).</summary>
    internal bool Date1904 { get; private init; }

    internal int? ColumnIndex(string column) => _columns.TryGetValue(column, out int index) ? index : null;

    /// <summary>The columns by name (row 1), with their index.</summary>
    internal IReadOnlyDictionary<string, int> Columns => _columns;

    /// <summary>
    /// Reads a sheet, reporting a missing sheet (unless optional), duplicate headers and missing
    /// required columns. Bilingual columns are named by their base (<c>title</c> for
    /// <c>title_en</c>/<c>title_zh</c>) in <paramref name="bilingual"/>; a missing one is a problem of that language only.
    /// </summary>
    public static SheetTable? Load(XlsxFile file, string sheet, List<Problem> problems,
        string[] required, string[]? bilingual = null, bool optional = false)
    {
        if (!file.HasSheet(sheet))
        {
            // An optional sheet saved under a near name is reported too: its rows would silently go unread.
            string? near = NearSheet(file, sheet);
            if (!optional || near is not null) problems.Add(Problem.AtSheet(sheet, MissingSheet(file, sheet, near)));
            return null;
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<TableRow>();
        bool headerSeen = false;
        try
        {
            foreach (var (rowNumber, cells) in file.ReadRows(sheet)) Take(rowNumber, cells);
        }
        catch (InputException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
        void Take(int rowNumber, RowCells cells)
        {
            if (rowNumber == 1)
            {
                headerSeen = true;
                foreach (var (column, cell) in cells)
                {
                    string name = CellText(cell).Trim();
                    if (name.Length == 0) continue;
                    if (!columns.TryAdd(name, column))
                        problems.Add(Problem.AtCell(sheet, new CellRef(column, 1),
                            $"duplicate column '{Problem.Visible(name)}' (also in column {CellRef.ColumnLetters(columns[name])}); delete or rename one of them"));
                }
                return;
            }
            rows.Add(new TableRow(rowNumber, cells));
        }
        if (!headerSeen)
        {
            problems.Add(rows.Count == 0
                ? Problem.AtSheet(sheet, "sheet is empty; row 1 must hold the column names")
                : Problem.AtSheet(sheet, "row 1 is empty; it must hold the column names"));
            return null;
        }
        var merged = file.MergedRanges(sheet);
        ReportMergedRanges(sheet, merged, problems);
        ReportMissingColumns(sheet, columns, required, bilingual, problems);
        return new SheetTable(sheet, columns, rows, problems) { _merged = merged, Date1904 = file.Date1904 };
    }

    /// <summary>A column the reader asks for; <see cref="Language"/> set for a text of one language.</summary>
    private sealed record ExpectedColumn(string Name, string? Language);

    /// <summary>
    /// A missing column is reported at the header that most likely stands for it ("budget usd",
    /// "budgt_usd"), with the name to type; when no header is close, at the sheet, saying where
    /// to add it. Headers close to no missing column stay ignored (notes, helper columns).
    /// </summary>
    private static void ReportMissingColumns(string sheet, Dictionary<string, int> columns, string[] required, string[]? bilingual, List<Problem> problems)
    {
        var expected = new List<ExpectedColumn>();
        foreach (string column in required) expected.Add(new ExpectedColumn(column, null));
        foreach (string column in bilingual ?? [])
            foreach (string language in Languages.All) expected.Add(new ExpectedColumn($"{column}_{language}", language));
        var unknown = columns.Keys.Where(h => !expected.Any(e => e.Name.Equals(h, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(h => columns[h]).ToList();
        foreach (var column in expected)
        {
            if (columns.ContainsKey(column.Name)) continue;
            if (NameGuess.Closest(column.Name, unknown) is { } header)
            {
                unknown.Remove(header);
                problems.Add(Problem.AtCell(sheet, new CellRef(columns[header], 1),
                    $"'{Problem.Visible(header)}' is not a column of {sheet}; did you mean {column.Name}?", column.Language));
            }
            else problems.Add(Problem.AtSheet(sheet, $"missing column '{column.Name}'; add a column headed {column.Name} in row 1", column.Language));
        }
    }

    /// <summary>
    /// Merged header cells: a spreadsheet keeps only the first cell's text, so the other columns
    /// lose their names. Merged data cells are reported once the rows are read (<see cref="ReportMergedData"/>).
    /// </summary>
    private static void ReportMergedRanges(string sheet, IReadOnlyList<CellRange> merged, List<Problem> problems)
    {
        foreach (var range in merged)
            if (range.First.Row == 1)
                problems.Add(new Problem($"{sheet}!{range}", "the cells are merged; unmerge them so each column has its own header"));
    }

    private IReadOnlyList<CellRange> _merged = [];

    /// <summary>The columns in which a blank cell was read, and the "is required" problems of blank cells: what a merged range may explain.</summary>
    private readonly HashSet<int> _blankColumns = [];
    private readonly List<BlankCell> _blankRequired = [];

    private sealed record BlankCell(CellRef Cell, Problem Problem);

    internal void NoteBlank(int column) => _blankColumns.Add(column);

    internal void NoteBlankRequired(CellRef cell, Problem problem) => _blankRequired.Add(new BlankCell(cell, problem));

    /// <summary>
    /// Once the rows are read: merged data cells in a column where a blank was read are reported
    /// at the range (a spreadsheet keeps only the range's first value), replacing the "is
    /// required" of each cell the merge blanked. Merged cells in columns no one reads (notes) do not matter.
    /// </summary>
    internal void ReportMergedData()
    {
        var reported = _merged.Where(r => r.First.Row > 1 && _blankColumns.Any(r.HasColumn)).ToList();
        if (reported.Count == 0) return;
        var explained = _blankRequired.Where(b => reported.Any(r => r.Covers(b.Cell) && r.First != b.Cell))
            .Select(b => b.Problem).ToHashSet(ReferenceEqualityComparer.Instance);
        Problems.RemoveAll(explained.Contains);
        foreach (var range in reported)
            Problems.Add(new Problem($"{Name}!{range}",
                $"the cells are merged, so only {range.First} holds a value and the others read as blank; unmerge them and fill in each cell"));
    }

    /// <summary>How many sheet names a message lists at most.</summary>
    private const int MaxSheetsListed = 20;

    /// <summary>A sheet of the workbook that is not one the reader knows and is close to <paramref name="sheet"/> ("Services (old)", "Service").</summary>
    private static string? NearSheet(XlsxFile file, string sheet) =>
        NameGuess.Closest(sheet, file.SheetNames.Where(n => !CycleReader.SheetOrder.Contains(n, StringComparer.OrdinalIgnoreCase)));

    private static string MissingSheet(XlsxFile file, string sheet, string? near)
    {
        if (near is not null)
            return $"sheet '{sheet}' is missing from the workbook; there is a sheet '{XlsxFile.Quote(near)}' — rename it to {sheet}";
        if (file.SheetNames.Count == 0) return $"sheet '{sheet}' is missing from the workbook; add a sheet named {sheet}";
        var listed = file.SheetNames.Take(MaxSheetsListed).Select(n => $"'{XlsxFile.Quote(n)}'");
        string more = file.SheetNames.Count > MaxSheetsListed ? $" and {file.SheetNames.Count - MaxSheetsListed} more" : "";
        return $"sheet '{sheet}' is missing from the workbook (its sheets are {string.Join(", ", listed)}{more}); add a sheet named {sheet}";
    }

    /// <summary>The text a cell shows, for header names and free text.</summary>
    internal static string CellText(RawCell cell) => cell.Kind switch
    {
        CellKind.Text or CellKind.IsoDate or CellKind.Error => cell.Text ?? "",
        CellKind.Number => FormatNumber(cell.Number),
        CellKind.Boolean => cell.Number != 0 ? "TRUE" : "FALSE",
        _ => "",
    };

    /// <summary>
    /// Formats a number as a person typed it: 15 significant digits removes the binary noise
    /// that spreadsheets store (1.1 saved as 1.1000000000000001).
    /// </summary>
    internal static string FormatNumber(double number) =>
        double.Parse(number.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    internal static partial Regex GroupedNumber();
}

/// <summary>The problems of one workbook: cell problems beyond <see cref="MaxListed"/> are counted, not kept, so a workbook of a million bad rows stays cheap.</summary>
internal sealed class ProblemList : List<Problem>
{
    public const int MaxListed = 10_000;

    public int Unlisted { get; set; }

    public bool Full => Count >= MaxListed;
}

/// <summary>What a trailing % means in a number column.</summary>
internal enum PercentMode { Refused, Share, Points }

/// <summary>One data row with getters that convert a cell by its column's type and report problems at the cell.</summary>
internal sealed partial class TableRow(int number, RowCells cells)
{
    public int RowNumber { get; } = number;
    public SheetTable Table { get; internal set; } = null!;

    public SourceRow Source => new(Table.Name, RowNumber);

    /// <summary>The row's cells as read, for checks of the text itself (the fonts that must show it).</summary>
    public RowCells Cells => cells;

    public CellRef? CellOf(string column) => Table.ColumnIndex(column) is int index ? new CellRef(index, RowNumber) : null;

    private void Report(string column, string message, string? language = null)
    {
        if (Table.Problems is ProblemList { Full: true } list)
        {
            list.Unlisted++;
            return;
        }
        Table.Problems.Add(CellOf(column) is { } cell
            ? Problem.AtCell(Table.Name, cell, message, language)
            : Problem.AtSheet(Table.Name, message, language));
    }

    public void ReportAt(string column, string message) => Report(column, message);

    /// <summary>The cell of a column; false when the column is absent (already reported) or the cell blank or unusable (reported).</summary>
    /// <remarks>Not a <c>RawCell?</c>: a nullable of a project struct is generic code JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</remarks>
    private bool TryCell(string column, bool required, out RawCell cell, string? language = null)
    {
        if (Table.ColumnIndex(column) is not int index)
        {
            cell = default;
            return false;
        }
        if (!cells.TryGetValue(index, out cell) || cell.IsBlank)
        {
            Table.NoteBlank(index);
            if (required)
            {
                int before = Table.Problems.Count;
                Report(column, $"{column} is required", language);
                if (Table.Problems.Count > before) Table.NoteBlankRequired(new CellRef(index, RowNumber), Table.Problems[^1]);
            }
            return false;
        }
        string? problem = cell.Kind switch
        {
            CellKind.Error => $"the cell holds the error value {cell.Text}; correct its formula or type the value",
            CellKind.MissingCachedValue => "the cell holds a formula that was never calculated; open and save the workbook in Excel or LibreOffice",
            CellKind.Invalid => cell.Text!,
            _ => null,
        };
        if (problem is null) return true;
        Report(column, problem);
        return false;
    }

    public bool IsBlank(string column) =>
        Table.ColumnIndex(column) is not int index || !cells.TryGetValue(index, out var cell) || cell.IsBlank;

    public string? Text(string column, bool required = true) =>
        TryCell(column, required, out var cell) ? SheetTable.CellText(cell).Trim() : null;

    public LocalizedText Localized(string baseName, bool required = true)
    {
        string? Side(string language)
        {
            string column = $"{baseName}_{language}";
            return TryCell(column, required, out var cell, language) ? SheetTable.CellText(cell).Trim() : null;
        }
        return new LocalizedText(Languages.All.Select(language => new KeyValuePair<string, string?>(language, Side(language))));
    }

    /// <summary>The largest magnitude a number may have: far above any budget, and sums of millions of them stay finite.</summary>
    public const double MaxMagnitude = 1e15;

    /// <param name="percent">
    /// What a trailing <c>%</c> means: <see cref="PercentMode.Refused"/> (the column is not a share:
    /// "29%" in a count is a mistake), <see cref="PercentMode.Share"/> ("75%" is 0.75) or
    /// <see cref="PercentMode.Points"/> ("45%" is 45, for indicators measured in per cent).
    /// </param>
    public double? Number(string column, bool required = true, bool nonNegative = false, PercentMode percent = PercentMode.Refused)
    {
        if (!TryCell(column, required, out var cell)) return null;
        string shown = SheetTable.CellText(cell).Trim();
        if (cell.Kind == CellKind.Text && shown.EndsWith('%') && percent == PercentMode.Refused)
        {
            Report(column, $"{column} holds '{shown}', but it is not a share or a percentage; give the number without '%'");
            return null;
        }
        double? value = cell.Kind switch
        {
            CellKind.Number => cell.Number,
            CellKind.Text => ParseNumber(cell.Text!, percent == PercentMode.Points ? 1 : 0.01),
            _ => null,
        };
        if (value is null || !double.IsFinite(value.Value))
        {
            Report(column, $"{column} must be a number, not '{shown}'{ValueHints.ForNumber(column, shown)}");
            return null;
        }
        if (Math.Abs(value.Value) > MaxMagnitude)
        {
            Report(column, $"{column} is too large ({SheetTable.FormatNumber(value.Value)}); no figure may exceed 1,000,000,000,000,000");
            return null;
        }
        if (nonNegative && value < 0)
        {
            Report(column, $"{column} must not be negative ({SheetTable.FormatNumber(value.Value)})");
            return null;
        }
        return value == 0 ? 0 : value; // never -0
    }

    /// <summary>Numbers typed as text: "1200", " 1,200.50 ", "75%" (a share: <paramref name="percentScale"/> 0.01).</summary>
    internal static double? ParseNumber(string text, double percentScale = 0.01)
    {
        // Spaces group thousands in many countries ("5 000 000"), some with a no-break or thin space.
        string t = text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2009', ' ').Replace(" ", "");
        double scale = 1;
        if (t.EndsWith('%')) { scale = percentScale; t = t[..^1]; }
        if (SheetTable.GroupedNumber().IsMatch(t)) t = t.Replace(",", "");
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value * scale : null;
    }

    public int? Integer(string column, bool required = true, int? min = null, int? max = null)
    {
        if (Number(column, required) is not double value) return null;
        if (value != Math.Floor(value) || value > int.MaxValue || value < int.MinValue)
        {
            Report(column, $"{column} must be a whole number such as 12, not {SheetTable.FormatNumber(value)}");
            return null;
        }
        int whole = (int)value;
        if ((min is int lo && whole < lo) || (max is int hi && whole > hi))
        {
            Report(column, max is null ? $"{column} must be {min} or more, not {whole}" : $"{column} must be between {min} and {max}, not {whole}");
            return null;
        }
        return whole;
    }

    public bool? Boolean(string column, bool required = true)
    {
        if (!TryCell(column, required, out var cell)) return null;
        if (cell.Kind is CellKind.Boolean or CellKind.Number && cell.Number is 0 or 1) return cell.Number == 1;
        switch (SheetTable.CellText(cell).Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "1" or "y" or "是": return true;
            case "no" or "false" or "0" or "n" or "否": return false;
        }
        Report(column, $"{column} must be yes or no (also true/false, 1/0, y/n, 是/否), not '{SheetTable.CellText(cell).Trim()}'");
        return null;
    }

    /// <param name="byName">The code of an outcome given by its title, for a hint.</param>
    public OutcomeCode? Outcome(string column, bool required = true, Func<string, string?>? byName = null)
    {
        if (!TryCell(column, required, out var cell)) return null;
        string text = SheetTable.CellText(cell).Trim();
        if (OutcomeCode.TryParse(text, out var code)) return code;
        string hint = byName?.Invoke(text) is { } named ? $"; did you mean {named}?" : ValueHints.ForOutcomeCode(text);
        Report(column, $"'{text}' is not an outcome code; give one such as 3.1 (the domain, a point, the outcome){hint}");
        return null;
    }

    /// <summary>A list of outcome codes separated by ';' or ','. A single number cell (1.2) is one code.</summary>
    public IReadOnlyList<OutcomeCode>? OutcomeList(string column)
    {
        if (!TryCell(column, required: false, out var cell)) return [];
        string text = SheetTable.CellText(cell);
        var codes = new List<OutcomeCode>();
        var bad = new List<string>();
        foreach (string item in text.Split([';', ',', '；', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (OutcomeCode.TryParse(item, out var code)) codes.Add(code);
            else bad.Add(item);
        }
        if (bad.Count > 0)
        {
            Report(column, $"not outcome codes: {string.Join(", ", bad.Select(b => $"'{b}'"))} (expected a list such as 3.1; 4.2)");
            return null;
        }
        return codes;
    }

    public DateOnly? Date(string column, bool required = true)
    {
        if (!TryCell(column, required, out var cell)) return null;
        DateOnly? date = null;
        if (cell.Kind == CellKind.Number)
        {
            date = WorkbookDates.FromSerial(cell.Number, Table.Date1904, out string? invalid);
            if (invalid is not null)
            {
                Report(column, $"{column} {invalid}; type the date as 2021-11-15");
                return null;
            }
        }
        string text = SheetTable.CellText(cell).Trim();
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ"];
        if (date is null && DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            date = DateOnly.FromDateTime(parsed);
        if (date is null)
        {
            Report(column, $"{column} must be a date such as 2021-03-15 (a date cell, or text written year-month-day), not '{text}'");
            return null;
        }
        if (WorkbookDates.OutOfRange(date.Value) is { } outside)
        {
            Report(column, $"{column} {outside}; check the year and retype the date");
            return null;
        }
        return date;
    }

    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> choices, bool required = true) where T : struct
    {
        if (Text(column, required) is not { } text) return null;
        if (choices.TryGetValue(text.ToLowerInvariant(), out var value)) return value;
        Report(column, $"{column} must be one of {string.Join(", ", choices.Keys)}, not '{text}'");
        return null;
    }
}
