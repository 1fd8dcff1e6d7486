using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Fonts;
using ReportGen.Typesetting;

namespace ReportGen.Rendering.Pdf.Fonts;

/// <summary>
/// The fonts a user chose, each a file (<c>simsun.ttc#0</c> picks a face of a collection) or a
/// family name looked up in the system's font folders; null takes the bundled font.
/// </summary>
public sealed record FontChoice(string? Latin = null, string? Song = null, string? Hei = null, string? Arabic = null);

/// <summary>Raised when a configured font cannot be used; the message says which and why.</summary>
public sealed class FontException(string message) : Exception(message);

/// <summary>
/// The faces a PDF is set in, and the fallback order by character coverage: a character is set
/// in its role's face if that face has it, otherwise in the first other face that does.
/// </summary>
public sealed class FontSet
{
    public required TrueTypeFace Latin { get; init; }
    public TrueTypeFace? LatinBold { get; init; }
    public TrueTypeFace? LatinItalic { get; init; }
    public TrueTypeFace? LatinBoldItalic { get; init; }
    public required TrueTypeFace Song { get; init; }
    /// <summary>A second Song face for characters the first lacks (AR PL SungtiL GB covers GB 2312 only; AR PL UMing much more).</summary>
    public TrueTypeFace? SongFallback { get; init; }
    public required TrueTypeFace Hei { get; init; }
    /// <summary>
    /// The Arabic face (Noto Naskh Arabic, bundled) and its bold: Arabic letters in any role are set
    /// in it, shaped by HarfBuzz (<see cref="Shaper"/>) and drawn by glyph (<see cref="ShapedFaces"/>),
    /// not by PDFsharp. Not in <see cref="All"/> (PDFsharp never sets it).
    /// </summary>
    public TrueTypeFace? Arabic { get; init; }
    public TrueTypeFace? ArabicBold { get; init; }

    private static readonly ConcurrentDictionary<string, FontSet> Cache = new();

    /// <summary>The fonts shipped in the repository's (or the installed tool's) fonts/ folder.</summary>
    public static string BundledFolder()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null)
            {
                string candidate = Path.Combine(dir.FullName, "fonts");
                if (File.Exists(Path.Combine(candidate, "LiberationSerif-Regular.ttf"))) return candidate;
                dir = dir.Parent;
            }
        }
        throw new FontException("the bundled fonts were not found (a fonts/ folder with LiberationSerif-Regular.ttf beside reportgen or above the current folder)");
    }

    /// <summary>Loads (once per process and choice) the fonts for a build.</summary>
    public static FontSet Load(FontChoice? choice = null)
    {
        choice ??= new FontChoice();
        return Cache.GetOrAdd($"{choice.Latin}|{choice.Song}|{choice.Hei}|{choice.Arabic}", _ =>
        {
            string bundled = BundledFolder();
            // Only the face used is read from a collection (uming.ttc holds four, each nearly the whole file).
            TrueTypeFace Bundled(string file, int index = 0) => TrueTypeFace.Load(Path.Combine(bundled, file), index);
            var set = new FontSet
            {
                Latin = choice.Latin is null ? Bundled("LiberationSerif-Regular.ttf") : Find(choice.Latin, "Latin", "Regular"),
                LatinBold = choice.Latin is null ? Bundled("LiberationSerif-Bold.ttf") : FindVariant(choice.Latin, "Bold"),
                LatinItalic = choice.Latin is null ? Bundled("LiberationSerif-Italic.ttf") : FindVariant(choice.Latin, "Italic"),
                LatinBoldItalic = choice.Latin is null ? Bundled("LiberationSerif-BoldItalic.ttf") : FindVariant(choice.Latin, "Bold Italic"),
                // AR PL SungtiL GB: mainland punctuation placement (。、 at the lower left); UMing for what it lacks.
                Song = choice.Song is null ? Bundled("gbsn00lp.ttf") : Find(choice.Song, "Song", null),
                SongFallback = choice.Song is null ? Bundled("uming.ttc", 0) : null,
                Hei = choice.Hei is null ? Bundled("wqy-microhei.ttc", 0) : Find(choice.Hei, "Hei", null),
                Arabic = choice.Arabic is null ? Bundled("NotoNaskhArabic-Regular.ttf") : Find(choice.Arabic, "Arabic", "Regular"),
                ArabicBold = choice.Arabic is null ? Bundled("NotoNaskhArabic-Bold.ttf") : FindVariant(choice.Arabic, "Bold"),
            };
            foreach (var face in set.All()) FontRegistry.Register(face);
            return set;
        });
    }

    public IEnumerable<TrueTypeFace> All() =>
        new[] { Latin, LatinBold, LatinItalic, LatinBoldItalic, Song, SongFallback, Hei }.OfType<TrueTypeFace>().Distinct();

    /// <summary>The face a character is set in, for a role, by coverage; null when no face covers it.</summary>
    public TrueTypeFace? FaceFor(int codePoint, FontRole role, bool bold, bool italic)
    {
        // Arabic letters take the Arabic face in every role (its bold for bold text; Arabic has no italic).
        if (Arabic is not null && Script.IsArabic(codePoint))
        {
            if (bold && ArabicBold is not null && ArabicBold.Covers(codePoint)) return ArabicBold;
            if (Arabic.Covers(codePoint)) return Arabic;
        }
        // Digits and Latin letters in Hei text (Chinese headings) are Hei's own, whose weight matches its Han
        // characters; beside Song they are the Latin serif's.
        // Brackets in Hei text come from the Song face, which sets them against the text they enclose
        // (（ in the right half of its box, ） in the left), where WenQuanYi centres them and leaves gaps.
        bool bracket = role == FontRole.Hei && Brackets.Contains((char)codePoint) && Song.Covers(codePoint);
        // Quotes, dashes, the ellipsis and the middle dot are East Asian in Chinese text and Latin in English text.
        bool eastAsian = Script.IsEastAsian(codePoint) && !(role == FontRole.Serif && Script.IsAmbiguous(codePoint));
        // Asked for every character laid out: the faces in order of preference, without an array each time.
        return eastAsian
            ? (role == FontRole.Hei && !bracket ? FirstCovering(codePoint, Hei, Song, SongFallback) : FirstCovering(codePoint, Song, SongFallback, Hei))
            : role == FontRole.Hei && !bold && !italic && Hei != Song
                ? FirstCovering(codePoint, Hei, Latin, Song, SongFallback)
                : FirstCovering(codePoint, LatinFace(bold, italic), Latin, role == FontRole.Hei ? Hei : Song, role == FontRole.Hei ? Song : Hei, SongFallback);
    }

    private static TrueTypeFace? FirstCovering(int codePoint, params ReadOnlySpan<TrueTypeFace?> faces)
    {
        foreach (var face in faces)
            if (face is not null && face.Covers(codePoint)) return face;
        return null;
    }

    private const string Brackets = "（）〔〕【】《》「」『』〈〉";

    public TrueTypeFace LatinFace(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => LatinBoldItalic ?? LatinBold ?? Latin,
        (true, false) => LatinBold ?? Latin,
        (false, true) => LatinItalic ?? Latin,
        _ => Latin,
    };

    /// <summary>Whether a face's text is shaped and drawn by glyph (the Arabic faces), not drawn by PDFsharp.</summary>
    public bool IsShaped(TrueTypeFace face) => face == Arabic || face == ArabicBold;

    public bool IsEastAsianFace(TrueTypeFace face) => face == Song || face == Hei || face == SongFallback;

    private static TrueTypeFace Find(string spec, string what, string? subfamily)
    {
        // "file.ttc#2": a face of a collection.
        string path = spec;
        int index = -1;
        int hash = spec.LastIndexOf('#');
        if (hash > 0 && int.TryParse(spec[(hash + 1)..], out int parsed)) { path = spec[..hash]; index = parsed; }
        if (File.Exists(path))
        {
            int count;
            TrueTypeFace face;
            try
            {
                count = TrueTypeFace.FaceCount(path);
                if (index >= count) throw new FontException($"{what} font {path} has {count} faces (#0 to #{count - 1}), not #{index}");
                face = TrueTypeFace.Load(path, Math.Max(index, 0));
            }
            catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new FontException($"{what} font {path}: {e.Message}");
            }
            if (face.HasCffOutlines)
                throw new FontException($"{what} font {path} has PostScript (CFF) outlines, which PDFsharp cannot embed properly; use a TrueType-outline font");
            return face;
        }
        var found = SystemFaces().Where(f => string.Equals(f.Family, spec, StringComparison.OrdinalIgnoreCase) && !f.HasCffOutlines)
            .OrderBy(f => subfamily is null || string.Equals(f.Subfamily, subfamily, StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        return found ?? throw new FontException($"{what} font '{spec}' is neither a file nor a TrueType family in the system's font folders ({string.Join(", ", SystemFolders())})");
    }

    private static TrueTypeFace? FindVariant(string spec, string subfamily) =>
        File.Exists(spec.Split('#')[0]) ? null
            : SystemFaces().FirstOrDefault(f => string.Equals(f.Family, spec, StringComparison.OrdinalIgnoreCase)
                                                && string.Equals(f.Subfamily, subfamily, StringComparison.OrdinalIgnoreCase) && !f.HasCffOutlines);

    public static IEnumerable<string> SystemFolders()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        return new[] { windows, "/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".fonts"),
                Path.Combine(home, ".local/share/fonts"), "/Library/Fonts", "/System/Library/Fonts", Path.Combine(home, "Library/Fonts") }
            .Where(d => !string.IsNullOrEmpty(d) && Directory.Exists(d));
    }

    private static IEnumerable<TrueTypeFace> SystemFaces()
    {
        foreach (string folder in SystemFolders())
            foreach (string file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!file.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase)) continue;
                IReadOnlyList<TrueTypeFace> faces;
                try { faces = TrueTypeFace.Load(file); }
                catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or IOException) { continue; }
                foreach (var face in faces) yield return face;
            }
    }
}

/// <summary>
/// The one PDFsharp font resolver of the process (PDFsharp takes it once, before any font is
/// used). Each face is registered under a family name derived from its content, so different
/// builds with different fonts can share it.
/// </summary>
public sealed class FontRegistry : IFontResolver
{
    private static readonly ConcurrentDictionary<string, TrueTypeFace> Faces = new();
    private static readonly ConcurrentDictionary<TrueTypeFace, string> Names = new();
    private static readonly object Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver = new FontRegistry();
            _installed = true;
        }
    }

    public static string Register(TrueTypeFace face) => Names.GetOrAdd(face, f =>
    {
        string name = "RG" + f.Sha256[..12].ToUpperInvariant() + "-" + new string(f.FullName.Where(char.IsAsciiLetterOrDigit).ToArray());
        Faces[name] = f; // its bytes made only if PDFsharp asks for them (a face a build sets)
        return name;
    });

    public static string NameOf(TrueTypeFace face) => Register(face);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var face) ? face.StandaloneBytes : null;
}
