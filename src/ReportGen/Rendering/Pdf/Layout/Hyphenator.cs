using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using ReportGen.Typesetting;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// Hyphenation by Liang's algorithm over a language's patterns, in the format of the hyphen library
/// (LibreOffice's, as Debian's <c>hyphen-*</c> packages ship them): a first line naming the file's
/// encoding (UTF-8, ISO8859-1, KOI8-R, microsoft-cp1251…), optional LEFTHYPHENMIN and
/// RIGHTHYPHENMIN lines, NEXTLEVEL (the levels are merged) and one pattern a line. English is TeX's
/// US English patterns (hyph-en-us), French the LibreOffice French ones (hyph_fr.dic). At least two
/// letters before a hyphen and three after it (house style, as TeX sets English), or more where the
/// file asks. Words with capitals, digits or a hyphen of their own (UN-Habitat, COVID-19, names) are
/// never hyphenated (<see cref="LineBreaker"/> picks the words).
/// </summary>
public sealed class Hyphenator
{
    private const int HouseLeftMin = 2, HouseRightMin = 3;
    private readonly int _leftMin, _rightMin;
    private readonly Dictionary<string, byte[]> _patterns = new(StringComparer.Ordinal);
    // Looked up by slices of the word: no substring is made for each of the many candidates.
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _bySlice;
    private readonly int _longest;
    // The lower-case letters the patterns are written in, and their capitals: a word of other characters is not the patterns'.
    private readonly SearchValues<char> _lower, _letters;

    // Before English: static fields are set in the order they are written.
    private static readonly ConcurrentDictionary<string, Hyphenator> Loaded = new(StringComparer.Ordinal);

    public static Hyphenator English { get; } = Of(LanguageProfiles.English.HyphenationPatterns!);

    /// <summary>
    /// The patterns of a language's Latin words: its own for a Latin-script language (none: never
    /// hyphenated), English's for the Latin runs of another script, which are English
    /// (<see cref="LanguageTags.ForeignRuns"/>).
    /// </summary>
    public static Hyphenator? ForLatinIn(LanguageProfile profile) =>
        profile.Script != WritingScript.Latin ? English
        : profile.HyphenationPatterns is null ? null
        : Of(profile.HyphenationPatterns);

    /// <summary>The patterns of an embedded resource (<see cref="LanguageProfile.HyphenationPatterns"/>), read once.</summary>
    public static Hyphenator Of(string resource) => Loaded.GetOrAdd(resource, static name =>
    {
        using var stream = typeof(Hyphenator).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"the hyphenation patterns {name} are missing from the assembly");
        return Read(stream);
    });

    private Hyphenator(IEnumerable<string> patterns, int leftMin, int rightMin)
    {
        _leftMin = Math.Max(HouseLeftMin, leftMin);
        _rightMin = Math.Max(HouseRightMin, rightMin);
        var lower = new SortedSet<char>();
        foreach (string pattern in patterns)
        {
            var letters = new StringBuilder();
            var values = new List<byte> { 0 };
            foreach (char c in pattern)
            {
                if (char.IsAsciiDigit(c)) values[^1] = (byte)(c - '0');
                else
                {
                    letters.Append(c);
                    values.Add(0);
                    if (char.IsLetter(c) && char.IsLower(c)) lower.Add(c);
                }
            }
            string key = letters.ToString();
            _patterns[key] = values.ToArray();
            _longest = Math.Max(_longest, key.Length);
        }
        _bySlice = _patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        _lower = SearchValues.Create([.. lower]);
        _letters = SearchValues.Create([.. lower.Concat(lower.Select(char.ToUpperInvariant)).Distinct().Order()]);
    }

    /// <summary>Reads a pattern file, decoded as its first line says.</summary>
    internal static Hyphenator Read(Stream stream)
    {
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var data = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        int end = data.IndexOfAny((byte)'\n', (byte)'\r');
        string charset = Encoding.ASCII.GetString(end < 0 ? data : data[..end]).Trim();
        var text = EncodingOf(charset).GetString(data[(end < 0 ? data.Length : end)..]);
        var patterns = new List<string>();
        int leftMin = HouseLeftMin, rightMin = HouseRightMin;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('%') || line.StartsWith("NEXTLEVEL", StringComparison.Ordinal)) continue;
            if (Minimum(line, "LEFTHYPHENMIN") is int left) leftMin = left;
            else if (Minimum(line, "RIGHTHYPHENMIN") is int right) rightMin = right;
            else if (line.Contains("HYPHENMIN", StringComparison.Ordinal)) continue; // COMPOUND…HYPHENMIN: compounds are not split apart here
            else patterns.Add(line);
        }
        return new Hyphenator(patterns, leftMin, rightMin);
    }

    private static int? Minimum(string line, string key) =>
        line.StartsWith(key + " ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(key.Length + 1), System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;

    /// <summary>The encoding a pattern file's first line names (the hyphen library's names); an unknown name is an error that says so.</summary>
    internal static Encoding EncodingOf(string charset)
    {
        switch (charset.ToUpperInvariant())
        {
            case "UTF-8": return new UTF8Encoding(false, throwOnInvalidBytes: true);
            case "ISO8859-1" or "ISO-8859-1": return Encoding.Latin1;
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string name = charset.ToUpperInvariant() switch
        {
            var iso when iso.StartsWith("ISO8859-", StringComparison.Ordinal) => "iso-8859-" + iso["ISO8859-".Length..],
            var cp when cp.StartsWith("MICROSOFT-CP", StringComparison.Ordinal) => "windows-" + cp["MICROSOFT-CP".Length..],
            var other => other,
        };
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { throw new InvalidDataException($"hyphenation patterns: the first line names the encoding '{charset}', which is not known; write UTF-8, ISO8859-1, ISO8859-15, KOI8-R or microsoft-cp1251 there"); }
    }

    /// <summary>A letter of the patterns' alphabet, lower-case or capital: where a word's letters begin and end.</summary>
    public bool IsLetter(char c) => _letters.Contains(c);

    /// <summary>A lower-case letter of the patterns' alphabet: only words of these are hyphenated.</summary>
    public bool IsLowerLetter(char c) => _lower.Contains(c);

    /// <summary>True when every character is a lower-case letter of the patterns.</summary>
    public bool AllLower(ReadOnlySpan<char> word) => !word.ContainsAnyExcept(_lower);

    /// <summary>The positions (1 to length-1) after which <paramref name="word"/> may be hyphenated; empty for words it must not touch.</summary>
    public IReadOnlyList<int> Points(string word)
    {
        if (word.Length < _leftMin + _rightMin || !AllLower(word)) return [];
        string dotted = "." + word + ".";
        var values = new byte[dotted.Length + 1];
        for (int start = 0; start < dotted.Length; start++)
            for (int length = 1; length <= _longest && start + length <= dotted.Length; length++)
                if (_bySlice.TryGetValue(dotted.AsSpan(start, length), out var v))
                    for (int k = 0; k < v.Length; k++)
                        values[start + k] = Math.Max(values[start + k], v[k]);
        // values[i] sits before dotted[i]; a break after word[p-1] is before dotted[p + 1]... i.e. index p + 1 - 0.
        var points = new List<int>();
        for (int p = _leftMin; p <= word.Length - _rightMin; p++)
            if (values[p + 1] % 2 == 1) points.Add(p);
        return points;
    }
}
