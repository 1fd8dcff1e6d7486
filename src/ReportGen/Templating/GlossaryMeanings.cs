using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ReportGen.Templating;

/// <summary>
/// The glossary's words in each language, as data: <c>Templating/Glossary/meanings.&lt;lang&gt;.tsv</c>, embedded,
/// one line <c>name&lt;TAB&gt;meaning</c> per name, and <c>@…</c> keys for the words around the meanings (kinds,
/// types, true/false/null, a trend's parts, the listing's headings). English and Chinese meanings are written
/// beside each name in <see cref="Glossary"/>, so their files carry the <c>@…</c> words only; every other
/// language's file carries everything. Adding a language is adding its file (docs/languages.md).
/// </summary>
public static class GlossaryMeanings
{
    private const string Prefix = "ReportGen.glossary.meanings.";

    /// <summary>The meanings written in Glossary.cs, by language.</summary>
    private static readonly Dictionary<string, Func<GlossaryEntry, string>> Columns = new(StringComparer.Ordinal) { ["en"] = e => e.En, ["zh"] = e => e.Zh };

    /// <summary>The words <c>reportgen names</c> prints around the glossary (a legend, headings, a line's layout).</summary>
    public static IReadOnlyList<string> ListingWords { get; } =
        ["@names.legend", "@names.value_legend", "@names.line", "@names.heading", "@names.words_heading", "@names.names_heading", "@names.language"];

    private static readonly string[] ValueWords = ["@value.null", "@value.true", "@value.false", "@value.items", "@value.separator"];

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Files = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Tables = new(StringComparer.Ordinal);

    /// <summary>Every language with a meanings file, in the registry's order.</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. typeof(GlossaryMeanings).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".tsv".Length])
        .OrderBy(Order).ThenBy(l => l, StringComparer.Ordinal)];

    /// <summary>The languages whose meanings are all in their file (not written in Glossary.cs): docs/names/&lt;lang&gt;.md.</summary>
    public static IReadOnlyList<string> Translated => [.. Languages.Where(l => !Columns.ContainsKey(l))];

    private static int Order(string language)
    {
        var all = Typesetting.LanguageProfiles.All;
        for (int i = 0; i < all.Count; i++) if (all[i].Code == language) return i;
        return all.Count;
    }

    /// <summary>A language's file as read (empty when the language has none).</summary>
    public static IReadOnlyDictionary<string, string> File(string language) => Files.GetOrAdd(language, Read);

    private static IReadOnlyDictionary<string, string> Read(string language)
    {
        using var stream = typeof(GlossaryMeanings).Assembly.GetManifestResourceStream(Prefix + language + ".tsv");
        if (stream is null) return new Dictionary<string, string>();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        return Parse($"src/ReportGen/Templating/Glossary/meanings.{language}.tsv", reader.ReadToEnd());
    }

    /// <summary>
    /// A meanings file: one <c>key&lt;TAB&gt;text</c> a line; blank lines and lines starting with <c>#</c> are
    /// skipped. The text is taken as it is, except <c>\uXXXX</c>, a character by its code (for a space at
    /// either end, <c>\u0020</c>, and the no-break spaces <c>\u00A0</c> and <c>\u202F</c>, which are
    /// otherwise invisible). A line without a tab, an empty text or a key given twice is an error at file:line:col.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parse(string file, string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0)
                throw new FormatException($"{file}:{i + 1}:1: a line is a name, a tab and its meaning; this one has {(tab == 0 ? "no name" : "no tab")} (a comment starts with #)");
            string key = line[..tab], value = line[(tab + 1)..];
            if (value.Contains('\t')) throw new FormatException($"{file}:{i + 1}:{tab + 2 + value.IndexOf('\t')}: a second tab; a meaning is one text (write the tab out of it)");
            if (value.Trim().Length == 0) throw new FormatException($"{file}:{i + 1}:{tab + 2}: '{key}' has no meaning; write it after the tab");
            if (!map.TryAdd(key, Unescape(value))) throw new FormatException($"{file}:{i + 1}:1: '{key}' is given twice; keep one line");
        }
        return map;
    }

    private static string Unescape(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"\\u([0-9A-Fa-f]{4})", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    /// <summary>Every meaning of a language: its file, and the meanings Glossary.cs writes in it.</summary>
    private static IReadOnlyDictionary<string, string> Table(string language) => Tables.GetOrAdd(language, l =>
    {
        var table = new Dictionary<string, string>(File(l), StringComparer.Ordinal);
        if (Columns.TryGetValue(l, out var column))
            foreach (var e in Glossary.Entries.Where(e => e.OwnMeaning))
                if (!table.TryAdd(e.Name, column(e)))
                    throw new InvalidOperationException($"src/ReportGen/Templating/Glossary/meanings.{l}.tsv: '{e.Name}' is written in Glossary.cs; remove its line from the file");
        return table;
    });

    /// <summary>A word of the language's file (<c>@…</c>); the English one when the language has none.</summary>
    public static string Word(string language, string key) =>
        File(language).TryGetValue(key, out var word) || File("en").TryGetValue(key, out word) ? word
            : throw new InvalidOperationException($"src/ReportGen/Templating/Glossary/meanings.en.tsv has no '{key}'");

    private static string? Lookup(string language, string key) =>
        key.StartsWith('@') ? Word(language, key)
            : Table(language).TryGetValue(key, out var meaning) || Table("en").TryGetValue(key, out meaning) ? meaning : null;

    /// <summary>An entry's meaning in a language, made as its <see cref="GlossaryEntry.Frame"/> says (<paramref name="known"/>: meanings given before the glossary is built).</summary>
    public static string Compose(GlossaryEntry entry, string language, Func<string, string?>? known = null)
    {
        string Of(string key) => known?.Invoke(key) ?? Lookup(language, key) ?? "";
        object[] parts = [.. entry.Parts.Select(Of)];
        return entry.Frame is null ? (string)parts[0] : string.Format(CultureInfo.InvariantCulture, Of(entry.Frame), parts);
    }

    /// <summary>Every key a language's file must give: each entry's own meaning (unless Glossary.cs writes it in that language) and every word.</summary>
    public static IReadOnlyList<string> Needed(string language)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in Glossary.Entries)
        {
            if (e.Frame is { } frame) keys.Add(frame);
            foreach (string part in e.Parts) if (part.StartsWith('@')) keys.Add(part);
            if (e.OwnMeaning && !Columns.ContainsKey(language)) keys.Add(e.Name);
            if (!Glossary.IsLiteralType(e.Type)) keys.Add("@type." + e.Type);
        }
        foreach (string kind in Glossary.Kinds) keys.Add("@kind." + kind);
        keys.UnionWith(ValueWords);
        keys.UnionWith(ListingWords);
        return [.. keys];
    }

    /// <summary>The keys a language's file lacks (its names then read the English).</summary>
    public static IReadOnlyList<string> Missing(string language) => [.. Needed(language).Where(k => !File(language).ContainsKey(k))];

    /// <summary>The keys a language's file gives that the glossary does not have (a name removed or misspelt).</summary>
    public static IReadOnlyList<string> Unknown(string language)
    {
        var needed = Needed(language).ToHashSet(StringComparer.Ordinal);
        return [.. File(language).Keys.Where(k => !needed.Contains(k)).Order(StringComparer.Ordinal)];
    }
}
