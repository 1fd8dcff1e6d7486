using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ReportGen.Templating;

/// <summary>
/// What a template read while it rendered: each figure or finding, with where the output stood
/// at that moment, so the reads can be given to the paragraph they produced. The parity check
/// compares them between the languages (<see cref="LanguageParity"/>).
/// </summary>
public sealed class ReadLog
{
    public sealed record Read(int Position, string Path, string Value, bool IsFigure);

    /// <summary>A template line reached while rendering (<see cref="TemplateLines"/>): where the output stood, and the line's file (0 the template, 1… its partials), line and column.</summary>
    public sealed record Mark(int Position, int File, int Line, int Column);

    private readonly List<Read> _reads = [];
    private readonly List<Mark> _marks = [];
    private StringBuilder? _output;

    /// <summary>The budget of the run under way, charged for every read, line and loop step, started or not (re-runs that locate a failure are bounded too).</summary>
    internal RenderBudget? Budget { get; set; }

    /// <summary>A loop took an item of a list (<see cref="TrackedList"/>).</summary>
    internal void Step() => Budget?.Spend(1);

    public IReadOnlyList<Read> Reads => _reads;

    /// <summary>The template lines reached, in the order they were (so positions never decrease).</summary>
    public IReadOnlyList<Mark> Marks => _marks;

    /// <summary>Records reads against <paramref name="output"/> until <see cref="Stop"/>; reads at other times are not recorded.</summary>
    public void Start(StringBuilder output)
    {
        _reads.Clear();
        _marks.Clear();
        _output = output;
    }

    public void Stop() => _output = null;

    internal void Line(int file, int line, int column)
    {
        Budget?.Spend(RenderBudget.ReadCost);
        if (_output is not null) _marks.Add(new Mark(_output.Length, file, line, column));
    }

    /// <summary>Records that a list was printed (by <c>list</c> or <c>join</c>), not only tested.</summary>
    internal void Printed(TrackedList list) =>
        Record(list.Path + " (printed)", list);

    internal void Record(string path, object? value)
    {
        Budget?.Spend(RenderBudget.ReadCost);
        if (_output is null) return;
        switch (value)
        {
            case Fig f: _reads.Add(new Read(_output.Length, f.Path, f.ToString(), true)); break;
            case string or bool or null: _reads.Add(new Read(_output.Length, path, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null", false)); break;
            // A list of codes (outcomes, regions, flagships) is a finding in itself: what it names must be the same in every language.
            case List<object?> list when list.All(x => x is string or Fig):
                _reads.Add(new Read(_output.Length, path, "[" + string.Join(", ", list.Select(x => x is Fig f ? f.ToString() : (string)x!)) + "]", false));
                break;
        }
    }
}

/// <summary>
/// A list of the template context whose every item a loop takes is a step of the run's
/// <see cref="RenderBudget"/>, so loops that write and read nothing are bounded too. Handlebars
/// walks a list through its interfaces, which this class implements anew.
/// </summary>
public class CountedList(ReadLog log, IEnumerable<object?> items) : List<object?>(items), IList<object?>, IReadOnlyList<object?>, IList
{
    public ReadLog Log { get; } = log;

    object? IList<object?>.this[int index] { get { Log.Step(); return this[index]; } set => this[index] = value; }

    object? IReadOnlyList<object?>.this[int index] { get { Log.Step(); return this[index]; } }

    object? IList.this[int index] { get { Log.Step(); return this[index]; } set => this[index] = value; }

    IEnumerator<object?> IEnumerable<object?>.GetEnumerator() => Counted();

    IEnumerator IEnumerable.GetEnumerator() => Counted();

    private IEnumerator<object?> Counted()
    {
        var items = (List<object?>)this; // List<T>'s own enumerator, not this class's
        foreach (var item in items)
        {
            Log.Step();
            yield return item;
        }
    }
}

/// <summary>A list of the template context, with its path in figures.json, so that printing it can be recorded.</summary>
public sealed class TrackedList(string path, ReadLog log, IEnumerable<object?> items) : CountedList(log, items)
{
    public string Path { get; } = path;
}

/// <summary>
/// A dictionary of the template context (one object of figures.json) that records every value a
/// template reads from it in a <see cref="ReadLog"/>. Handlebars reads through the dictionary
/// interfaces; code reads through <see cref="Peek"/>, which records nothing.
/// </summary>
public sealed class TrackedMap : IDictionary<string, object?>, IReadOnlyDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _values;

    public TrackedMap(string path, ReadLog log, IEnumerable<KeyValuePair<string, object?>> values)
    {
        Path = path;
        Log = log;
        _values = new Dictionary<string, object?>(values);
    }

    /// <summary>The object's path in figures.json (<c>findings.link_profiles[3]</c>).</summary>
    public string Path { get; }

    public ReadLog Log { get; }

    public object? Peek(string key) => _values.TryGetValue(key, out var v) ? v : null;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// A copy with more keys, reading into the same log. The keys added are names in the
    /// document's language (an outcome's title beside its figures): words, not figures or
    /// findings, so their reads are not recorded.
    /// </summary>
    public TrackedMap With(IReadOnlyDictionary<string, object?> names)
    {
        var copy = new TrackedMap(Path, Log, _values);
        copy._names.UnionWith(_names);
        foreach (var (key, value) in names)
        {
            copy._values[key] = value;
            copy._names.Add(key);
        }
        return copy;
    }

    private object? Get(string key)
    {
        var value = _values[key];
        if (!_names.Contains(key)) Log.Record(Path.Length == 0 ? key : Path + "." + key, value);
        return value;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (!_values.ContainsKey(key)) { value = null; return false; }
        value = Get(key);
        return true;
    }

    public object? this[string key]
    {
        get => Get(key);
        set => _values[key] = value;
    }

    public ICollection<string> Keys => _values.Keys;
    public ICollection<object?> Values => _values.Values;
    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => _values.Keys;
    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => _values.Values;
    public int Count => _values.Count;
    public bool IsReadOnly => false;
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public void Add(string key, object? value) => _values.Add(key, value);
    public bool Remove(string key) => _values.Remove(key);
    public void Add(KeyValuePair<string, object?> item) => _values.Add(item.Key, item.Value);
    public void Clear() => _values.Clear();
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_values).Contains(item);
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object?>>)_values).CopyTo(array, arrayIndex);
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_values).Remove(item);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
