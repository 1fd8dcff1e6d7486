using System.Reflection;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// English hyphenation by Liang's algorithm over TeX's US English patterns (hyph-en-us, as
/// Debian's hyphen-en-us package ships them for LibreOffice): at least two letters before a
/// hyphen and three after it, as TeX sets them. Words with capitals, digits or a hyphen of their
/// own (UN-Habitat, COVID-19, names) are never hyphenated.
/// </summary>
public sealed class Hyphenator
{
    private const int LeftMin = 2, RightMin = 3;
    private readonly Dictionary<string, byte[]> _patterns = new(StringComparer.Ordinal);
    // Looked up by slices of the word: no substring is made for each of the many candidates.
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _bySlice;
    private readonly int _longest;

    public static Hyphenator English { get; } = Load();

    /// <summary>
    /// The patterns of a language's Latin words: its own for a Latin-script language (none: not
    /// hyphenated, as French until its patterns come), English's for the Latin runs of another
    /// script, which are English (<see cref="Typesetting.LanguageTags.ForeignRuns"/>).
    /// </summary>
    public static Hyphenator? ForLatinIn(Typesetting.LanguageProfile profile) =>
        profile.Script != Typesetting.WritingScript.Latin || profile.HyphenationPatterns == Typesetting.LanguageProfiles.English.HyphenationPatterns ? English
        : profile.HyphenationPatterns is null ? null
        : throw new NotSupportedException($"hyphenation patterns {profile.HyphenationPatterns} are not loaded yet; only English's are");

    private Hyphenator(IEnumerable<string> patterns)
    {
        foreach (string pattern in patterns)
        {
            var letters = new System.Text.StringBuilder();
            var values = new List<byte> { 0 };
            foreach (char c in pattern)
            {
                if (char.IsAsciiDigit(c)) values[^1] = (byte)(c - '0');
                else { letters.Append(c); values.Add(0); }
            }
            string key = letters.ToString();
            _patterns[key] = values.ToArray();
            _longest = Math.Max(_longest, key.Length);
        }
        _bySlice = _patterns.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static Hyphenator Load()
    {
        using var stream = typeof(Hyphenator).Assembly.GetManifestResourceStream(Typesetting.LanguageProfiles.English.HyphenationPatterns!)
                           ?? throw new InvalidOperationException("the hyphenation patterns are missing from the assembly");
        using var reader = new StreamReader(stream);
        var patterns = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('%') || line == "UTF-8" || line.Contains("HYPHENMIN", StringComparison.Ordinal) || line.StartsWith("NEXTLEVEL", StringComparison.Ordinal)) continue;
            patterns.Add(line);
        }
        return new Hyphenator(patterns);
    }

    /// <summary>The positions (1 to length-1) after which <paramref name="word"/> may be hyphenated; empty for words it must not touch.</summary>
    public IReadOnlyList<int> Points(string word)
    {
        if (word.Length < LeftMin + RightMin || word.AsSpan().ContainsAnyExceptInRange('a', 'z')) return [];
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
