using System.Globalization;
using ReportGen.Document;

namespace ReportGen.Templating;

/// <summary>
/// The charts a document places, numbered in order of placement (I, II, III / 一、二、三 with
/// <c>chart_numbers: roman</c> in the front matter, else 1, 2, 3), and the references to them
/// (<c>chart_ref</c>), which are resolved once every chart is placed, so text can name charts
/// that come later and a third review year renumbers everything after its chart.
/// </summary>
internal sealed class ChartRegistry(Formatter format, bool roman, IReadOnlyDictionary<string, int> domainOfOutcome, bool figure = false)
{
    /// <summary>Marks around a reference's id in the rendered text; the composer replaces them by the reference's mark for the Markdown reader (its charts and words, Document.ChartRefParser).</summary>
    public const char RefOpen = '\uE005', RefClose = '\uE006';

    private readonly Dictionary<string, ChartSlot> _slots = new(StringComparer.Ordinal);
    private readonly List<(string Name, IReadOnlyDictionary<string, object?> Args)> _placed = [];
    private readonly List<(string Name, IReadOnlyDictionary<string, object?> Args)> _references = [];

    public bool Roman => roman;

    /// <summary>The document calls its charts figures (<c>chart_label: figure</c> in the front matter).</summary>
    public bool Figure => figure;

    public IReadOnlyDictionary<string, ChartSlot> Slots => _slots;

    /// <summary>Places a chart; <paramref name="build"/> receives its number and label. Returns its id for the Markdown reader.</summary>
    public string Place(string name, IReadOnlyDictionary<string, object?> args, Func<int, string, ChartSlot> build)
    {
        int number = _placed.Count + 1;
        _placed.Add((name, args));
        string id = "c" + number.ToString(CultureInfo.InvariantCulture);
        _slots[id] = build(number, format.ChartNumber(number, roman)) with { Caption = format.ChartCaption(number, roman, figure) };
        return id;
    }

    /// <summary>A mark standing for the charts of <paramref name="name"/> whose arguments match <paramref name="args"/>.</summary>
    public string Refer(string name, IReadOnlyDictionary<string, object?> args)
    {
        _references.Add((name, args));
        return $"{RefOpen}{(_references.Count - 1).ToString(CultureInfo.InvariantCulture)}{RefClose}";
    }

    public (IReadOnlyList<int> Numbers, string Description) Reference(int id)
    {
        var (name, args) = _references[id];
        var numbers = new List<int>();
        for (int i = 0; i < _placed.Count; i++)
            if (_placed[i].Name == name && args.All(a => Matches(_placed[i].Args, a.Key, a.Value))) numbers.Add(i + 1);
        string description = $"\"{name}\"" + string.Concat(args.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $" {a.Key}={Text(a.Value)}"));
        return (numbers, description);
    }

    private bool Matches(IReadOnlyDictionary<string, object?> chart, string key, object? value)
    {
        if (key == "domain")
            return chart.TryGetValue("outcome", out var o) && domainOfOutcome.TryGetValue(Text(o), out int d) && Text(d) == Text(value);
        return chart.TryGetValue(key, out var v) && Text(v) == Text(value);
    }

    private static string Text(object? value) => value switch
    {
        double d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
