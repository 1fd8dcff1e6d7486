using System.Reflection;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// Hyphenation by Liang's algorithm over a language's patterns as LibreOffice's hyphen library
/// ships them (the profile's <c>HyphenationPatterns</c>): TeX's US English patterns (Debian's
/// hyphen-en-us), Spanish's (Debian's hyphen-es). At least two letters before a hyphen and three
/// after it, as TeX sets English. Words with capitals, digits or a hyphen of their own
/// (UN-Habitat, COVID-19, names) are never hyphenated.
/// </summary>
public sealed class Hyphenator
{
    private const int LeftMin = 2, RightMin = 3;
    private readonly Dictionary<string, byte[]> _patterns = new(StringComparer.Ordinal);
    // Looked up by slices of the word: no substring is made for each of the many candidates.
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _bySlice;
    private readonly int _longest;

    public static Hyphenator English { get; } = Load(Typesetting.LanguageProfiles.English.HyphenationPatterns!);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Hyphenator> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The patterns of a language's Latin words: its own for a Latin-script language (none: not
    /// hyphenated, as French until its patterns come; Spanish's are <c>hyph_es.dic</c>), English's for the Latin runs of another
    /// script, which are English (<see cref="Typesetting.LanguageTags.ForeignRuns"/>).
    /// </summary>
    public static Hyphenator? ForLatinIn(Typesetting.LanguageProfile profile) =>
        profile.Script != Typesetting.WritingScript.Latin || profile.HyphenationPatterns == Typesetting.LanguageProfiles.English.HyphenationPatterns ? English
        : profile.HyphenationPatterns is null ? null
        : Loaded.GetOrAdd(profile.HyphenationPatterns, Load);

    /// <summary>The letters a word may hold to be hyphenated: English's a to z (as always), another language's the lower-case letters of its patterns (Spanish á, é, í, ñ, ó, ú).</summary>
    private readonly System.Buffers.SearchValues<char> _letters;

    private Hyphenator(IEnumerable<string> patterns, string? letters = null)
    {
        var alphabet = new SortedSet<char>();
        foreach (string pattern in patterns)
        {
            var key = new System.Text.StringBuilder();
            var values = new List<byte> { 0 };
            foreach (char c in pattern)
            {
                if (char.IsAsciiDigit(c)) values[^1] = (byte)(c - '0');
                else { key.Append(c); values.Add(0); if (char.IsLower(c)) alphabet.Add(c); }
            }
            string word = key.ToString();
            _patterns[word] = values.ToArray();
            _longest = Math.Max(_longest, word.Length);
        }
        _bySlice = _patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        _letters = System.Buffers.SearchValues.Create(letters ?? string.Concat(alphabet));
    }

    /// <summary>
    /// Reads a pattern file as LibreOffice's hyphen library writes them: its first line names the
    /// encoding (UTF-8, or ISO8859-1 in older files), then options (LEFTHYPHENMIN…) and patterns.
    /// </summary>
    private static Hyphenator Load(string resource)
    {
        using var stream = typeof(Hyphenator).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"the hyphenation patterns {resource} are missing from the assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), resource, resource == Typesetting.LanguageProfiles.English.HyphenationPatterns ? "abcdefghijklmnopqrstuvwxyz" : null);
    }

    /// <summary>Patterns from a file's bytes, in the encoding its first line names; <paramref name="name"/> places an error.</summary>
    internal static Hyphenator Read(byte[] bytes, string name, string? letters = null)
    {
        int firstLine = Array.IndexOf(bytes, (byte)'\n');
        if (firstLine < 0) firstLine = bytes.Length;
        string header = System.Text.Encoding.ASCII.GetString(bytes, 0, firstLine).Trim();
        var encoding = header.ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => (System.Text.Encoding)new System.Text.UTF8Encoding(false),
            "ISO8859-1" or "ISO-8859-1" or "ISO8859-15" or "ISO-8859-15" => System.Text.Encoding.Latin1,
            _ => throw new InvalidDataException($"{name}:1:1: the first line names the encoding '{header}'; the pattern reader knows UTF-8 and ISO8859-1: convert the file to UTF-8 and write UTF-8 on its first line"),
        };
        var patterns = new List<string>();
        int start = Math.Min(firstLine + 1, bytes.Length);
        using var reader = new StringReader(encoding.GetString(bytes, start, bytes.Length - start));
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('%') || line.Contains("HYPHENMIN", StringComparison.Ordinal) || line.StartsWith("NEXTLEVEL", StringComparison.Ordinal)) continue;
            patterns.Add(line);
        }
        return new Hyphenator(patterns, letters);
    }

    /// <summary>The positions (1 to length-1) after which <paramref name="word"/> may be hyphenated; empty for words it must not touch.</summary>
    public IReadOnlyList<int> Points(string word)
    {
        if (word.Length < LeftMin + RightMin || word.AsSpan().ContainsAnyExcept(_letters)) return [];
        string dotted = "." + word + ".";
        var values = new byte[dotted.Length + 1];
        for (int start = 0; start < dotted.Length; start++)
            for (int length = 1; length <= _longest && start + length <= dotted.Length; length++)
                if (_bySlice.TryGetValue(dotted.AsSpan(start, length), out var v))
                    for (int k = 0; k < v.Length; k++)
                        values[start + k] = Math.Max(values[start + k], v[k]);
        // values[i] sits before dotted[i]; a break after word[p-1] is before dotted[p + 1]... i.e. index p + 1 - 0.
        var points = new List<int>();
        for (int p = LeftMin; p <= word.Length - RightMin; p++)
            if (values[p + 1] % 2 == 1) points.Add(p);
        return points;
    }
}
