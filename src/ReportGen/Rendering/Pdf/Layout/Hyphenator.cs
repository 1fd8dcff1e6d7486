using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>
/// Hyphenation by Liang's algorithm over TeX's patterns as Debian's hyphen-* packages ship them
/// for LibreOffice: US English (hyph-en-us, <c>hyph_en_US.dic</c>), French (<c>hyph_fr.dic</c>),
/// Spanish (<c>hyph_es.dic</c>, ISO8859-1) and Russian (ruhyphal, <c>hyph_ru_RU.dic</c>, KOI8-R), each
/// read in the encoding its first line names. The letters a hyphen leaves before and after it, and
/// the shortest word hyphenated, are the language's (<see cref="Typesetting.LanguageProfile.HyphenMinimums"/>:
/// TeX's two and three; English three and three, words of eight letters or more). Only words all in lower-case letters of the
/// patterns' alphabet are hyphenated: words with capitals, digits or a hyphen of their own
/// (UN-Habitat, COVID-19, ООН-Хабитат, names) never are.
/// </summary>
public sealed class Hyphenator
{
    /// <summary>The fewest letters before and after a hyphen, and the shortest word hyphenated.</summary>
    private readonly Typesetting.HyphenationMinimums _minimums;
    /// <summary>The patterns of the Latin words of a language of another script (English's in a Russian document): their own minimums.</summary>
    private readonly Hyphenator? _also;
    private readonly Dictionary<string, byte[]> _patterns = new(StringComparer.Ordinal);
    // Looked up by slices of the word: no substring is made for each of the many candidates.
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _bySlice;
    private readonly int _longest;
    /// <summary>Words the patterns' file hyphenates itself (its \hyphenation list): the positions after which they break.</summary>
    private readonly Dictionary<string, int[]> _exceptions = new(StringComparer.Ordinal);
    /// <summary>The lower-case letters a word must be made of to be hyphenated by these patterns.</summary>
    private readonly HashSet<char> _alphabet;

    /// <summary>English: the letters a to z only, as English words have always been hyphenated (the patterns' few accented letters are left alone).</summary>
    public static Hyphenator English { get; } = new(Read(Typesetting.LanguageProfiles.English.HyphenationPatterns!), "abcdefghijklmnopqrstuvwxyz", Typesetting.LanguageProfiles.English.HyphenMinimums);

    private static readonly ConcurrentDictionary<string, Hyphenator> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The patterns of a language's words: its own (<see cref="Typesetting.LanguageProfile.HyphenationPatterns"/>),
    /// with English's for the Latin runs of a language of another script, which are English
    /// (<see cref="Typesetting.LanguageTags.ForeignRuns"/>): Chinese has English's, Russian its
    /// own and English's. A Latin language without patterns is not hyphenated (French).
    /// </summary>
    public static Hyphenator? ForLatinIn(Typesetting.LanguageProfile profile)
    {
        string? own = profile.HyphenationPatterns;
        bool latin = profile.Script == Typesetting.WritingScript.Latin;
        if (own is null) return latin ? null : English;
        if (own == Typesetting.LanguageProfiles.English.HyphenationPatterns) return English;
        return Loaded.GetOrAdd(own + (latin ? "" : "+en") + (profile.BreaksAfterHyphen ? "+compounds" : ""), _ =>
        {
            var file = Read(own);
            var hyphenator = new Hyphenator(file, null, profile.HyphenMinimums, latin ? null : English);
            hyphenator.BreaksAfterHyphen = profile.BreaksAfterHyphen;
            return hyphenator;
        });
    }

    /// <summary>A compound of lower-case words may break after its hyphen, the hyphen ending the line ("штаб-" / "квартиры"), as the language's profile says.</summary>
    public bool BreaksAfterHyphen { get; private set; }

    /// <summary>Whether <paramref name="c"/> is a letter of a word these patterns hyphenate (lower case).</summary>
    public bool HasLetter(char c) => _alphabet.Contains(c) || _also?.HasLetter(c) == true;

    private Hyphenator(PatternFile file, string? alphabet, Typesetting.HyphenationMinimums minimums, Hyphenator? also = null)
    {
        _minimums = minimums;
        _also = also;
        foreach (string pattern in file.Patterns)
        {
            var letters = new StringBuilder();
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
        foreach (string word in file.Exceptions)
        {
            var points = new List<int>();
            var letters = new StringBuilder();
            foreach (char c in word)
                if (c == '-') points.Add(letters.Length);
                else letters.Append(c);
            _exceptions[letters.ToString()] = [.. points];
        }
        _alphabet = alphabet is not null ? [.. alphabet]
            : [.. file.Patterns.SelectMany(p => p).Concat(file.Exceptions.SelectMany(w => w)).Where(char.IsLower)];
        _bySlice = _patterns.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private sealed record PatternFile(List<string> Patterns, List<string> Exceptions);

    /// <summary>
    /// A patterns file of the hyphen library: its first line names its encoding (UTF-8, or a legacy
    /// one as KOI8-R), then one pattern a line; % starts a comment; LEFTHYPHENMIN and the like are
    /// settings; words listed after a <c>\hyphenation{</c> line (up to its <c>}</c>) are exceptions,
    /// hyphenated as written ("ас-бест").
    /// </summary>
    private static PatternFile Read(string resource)
    {
        using var stream = typeof(Hyphenator).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"the hyphenation patterns {resource} are missing from the assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), resource);
    }

    /// <summary>Patterns from a file's bytes (a test's own file), hyphenating the letters of its patterns.</summary>
    internal static Hyphenator Read(byte[] bytes, string name) => new(Parse(bytes, name), null, Typesetting.HyphenationMinimums.TeX);

    /// <summary>Patterns from a stream (a test's own file).</summary>
    internal static Hyphenator Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), "patterns");
    }

    /// <summary>Whether <paramref name="c"/> is a lower-case letter of the patterns (the letters of a word they hyphenate).</summary>
    public bool IsLowerLetter(char c) => HasLetter(c);

    private static PatternFile Parse(byte[] bytes, string name)
    {
        int firstEnd = Array.IndexOf(bytes, (byte)'\n');
        string charset = Encoding.ASCII.GetString(bytes, 0, firstEnd < 0 ? bytes.Length : firstEnd).Trim();
        string text = EncodingOf(charset, name).GetString(bytes);
        var patterns = new List<string>();
        var exceptions = new List<string>();
        bool inExceptions = false;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('%') || line == charset || line.Contains("HYPHENMIN", StringComparison.Ordinal) || line.StartsWith("NEXTLEVEL", StringComparison.Ordinal)) continue;
            if (line.StartsWith("\\hyphenation", StringComparison.Ordinal)) { inExceptions = true; continue; }
            if (line.StartsWith('}')) { inExceptions = false; continue; }
            if (line.StartsWith('\\') || line.StartsWith('{')) continue;
            (inExceptions ? exceptions : patterns).Add(line);
        }
        return new PatternFile(patterns, exceptions);
    }

    /// <summary>
    /// The encoding a patterns file names on its first line, in the hyphen library's names (UTF-8,
    /// ISO8859-1, KOI8-R, microsoft-cp1251); the legacy code pages come from .NET's code pages provider.
    /// </summary>
    private static Encoding EncodingOf(string charset, string name)
    {
        string upper = charset.ToUpperInvariant();
        if (upper is "UTF-8" or "UTF8") return new UTF8Encoding(false, true);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string dotnetName = upper switch
        {
            _ when upper.StartsWith("ISO8859-", StringComparison.Ordinal) => "iso-8859-" + upper["ISO8859-".Length..],
            _ when upper.StartsWith("MICROSOFT-CP", StringComparison.Ordinal) => "windows-" + upper["MICROSOFT-CP".Length..],
            _ => charset,
        };
        try { return Encoding.GetEncoding(dotnetName, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
        catch (ArgumentException)
        {
            throw new InvalidDataException($"{name}:1:1: the first line names the encoding '{charset}', which this build cannot read: convert the file to UTF-8 and write UTF-8 on its first line");
        }
    }

    /// <summary>The positions (1 to length-1) after which <paramref name="word"/> may be hyphenated; empty for words it must not touch.</summary>
    public IReadOnlyList<int> Points(string word)
    {
        foreach (char c in word)
            if (!_alphabet.Contains(c)) return _also is not null ? _also.Points(word) : [];
        var (leftMin, rightMin) = (_minimums.Before, _minimums.After);
        if (word.Length < Math.Max(_minimums.Word, leftMin + rightMin)) return [];
        if (_exceptions.TryGetValue(word, out var listed)) return [.. listed.Where(p => p >= leftMin && p <= word.Length - rightMin)];
        string dotted = "." + word + ".";
        var values = new byte[dotted.Length + 1];
        for (int start = 0; start < dotted.Length; start++)
            for (int length = 1; length <= _longest && start + length <= dotted.Length; length++)
                if (_bySlice.TryGetValue(dotted.AsSpan(start, length), out var v))
                    for (int k = 0; k < v.Length; k++)
                        values[start + k] = Math.Max(values[start + k], v[k]);
        // values[i] sits before dotted[i]; a break after word[p-1] is before dotted[p + 1]... i.e. index p + 1 - 0.
        var points = new List<int>();
        for (int p = leftMin; p <= word.Length - rightMin; p++)
            if (values[p + 1] % 2 == 1) points.Add(p);
        return points;
    }
}
