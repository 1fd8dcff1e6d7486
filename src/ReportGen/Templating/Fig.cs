using System.Globalization;
using System.Text;

namespace ReportGen.Templating;

/// <summary>
/// A figure in the template context: its value and its path in figures.json
/// (<c>portfolio.years[1].all_domains_share</c>), so that whatever a template prints from it can
/// be traced back. Aliases such as <c>review.last</c> hold the same objects, so the path is
/// always the canonical one.
/// </summary>
public sealed class Fig(double value, string path)
{
    public double Value { get; } = value;
    public string Path { get; } = path;
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>One number a template printed from a figure.</summary>
public sealed record TraceEntry(int Id, string Path, double Value, string Text)
{
    /// <summary>The helper that printed it ("pct"): what a translator is told to use where a number is typed instead.</summary>
    public string Helper { get; init; } = "";
}

/// <summary>
/// Records what helpers print from figures, and marks it in the Markdown with private-use
/// characters (U+E000 id U+E001 text U+E002) that the Markdown reader's parser
/// (<see cref="Document.FigureMarkParser"/>, the marks' one home) turns into
/// <see cref="Document.FigureRef"/> inlines.
/// </summary>
public sealed class TraceLog
{
    public const char Open = Document.FigureMarkParser.Open, Middle = Document.FigureMarkParser.Middle, Close = Document.FigureMarkParser.Close;
    private readonly List<TraceEntry> _entries = [];

    public IReadOnlyList<TraceEntry> Entries => _entries;

    public string Mark(Fig figure, string text, string helper = "")
    {
        int id = _entries.Count + 1;
        _entries.Add(new TraceEntry(id, figure.Path, figure.Value, text) { Helper = helper });
        return new StringBuilder().Append(Open).Append(id.ToString(CultureInfo.InvariantCulture)).Append(Middle).Append(text).Append(Close).ToString();
    }

    public TraceEntry? this[int id] => id >= 1 && id <= _entries.Count ? _entries[id - 1] : null;
}

/// <summary>
/// A date of the data in the template context (the Documents row's <c>doc.date</c>,
/// <c>doc.session_start</c>, <c>doc.session_end</c>) with its name, so that what the date helpers
/// print from it is traced as a figure is (<see cref="Fig"/>): to the Documents sheet's cell.
/// </summary>
public sealed class Day(DateOnly value, string path)
{
    public DateOnly Value { get; } = value;
    public string Path { get; } = path;

    /// <summary>A date's value in trace.json: yyyymmdd (20211004), a number that orders as the dates do.</summary>
    public static double Number(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public override string ToString() => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
