using HarfBuzzSharp;

namespace ReportGen.Rendering.Pdf.Fonts;

/// <summary>One glyph of shaped text: its id in the face, the UTF-16 index of its cluster in the text, its advance and offsets in ems.</summary>
public readonly record struct ShapedGlyph(ushort Glyph, int Cluster, double Advance, double OffsetX, double OffsetY);

/// <summary>Text shaped in one face and direction: its glyphs in visual order (left to right), and its width in ems.</summary>
public sealed record ShapedRun(string Text, bool RightToLeft, IReadOnlyList<ShapedGlyph> Glyphs, double Width)
{
    /// <summary>
    /// The text each glyph stands for, in <see cref="Glyphs"/>' order, for a PDF's ToUnicode map: a
    /// cluster's characters all go to one glyph of it, the letter's (the first glyph with an
    /// advance: a ligature for all its letters, a letter for itself and its marks), and the cluster's
    /// other glyphs (a mark, drawn before its letter in right-to-left order; lām-alif's empty glyph)
    /// stand for nothing. So a word with marks reads back whole: "جُمعت", not "ُججمعت".
    /// </summary>
    public IEnumerable<(ushort Glyph, string Text)> GlyphTexts()
    {
        var starts = Glyphs.Select(g => g.Cluster).Distinct().Order().ToList();
        var carriers = new Dictionary<int, int>();
        for (int i = 0; i < Glyphs.Count; i++)
        {
            int cluster = Glyphs[i].Cluster;
            if (!carriers.TryGetValue(cluster, out int carrier)) carriers[cluster] = i;
            else if (Glyphs[carrier].Advance == 0 && Glyphs[i].Advance > 0) carriers[cluster] = i;
        }
        for (int i = 0; i < Glyphs.Count; i++)
        {
            var g = Glyphs[i];
            if (carriers[g.Cluster] != i) { yield return (g.Glyph, ""); continue; }
            int next = starts.FindIndex(c => c > g.Cluster);
            int end = next < 0 ? Text.Length : starts[next];
            yield return (g.Glyph, MarksFirst(Text[g.Cluster..end]));
        }
    }

    /// <summary>
    /// A right-to-left letter with its marks ("جُ", "قَّ") as its ToUnicode text: reversed (the marks,
    /// last first, then the letter), the order poppler (pdftotext) turns back into the logical one. Poppler reverses a
    /// glyph's text only when every character of it is right to left (a ligature: "لا" stays as it
    /// is); a letter with marks (marks are not right-to-left characters) it splits over the glyph's
    /// width in the order given and then reads the word from the right, so the logical order came
    /// back mark first ("ُجمعت"). Other clusters keep their logical order. A screen reader reads
    /// the tagged line's ActualText, which is logical whatever this order.
    /// </summary>
    private string MarksFirst(string cluster) =>
        RightToLeft && cluster.Length > 1 && !IsMark(cluster[0]) && cluster.Skip(1).All(IsMark)
            ? new string(cluster.Reverse().ToArray())
            : cluster;

    private static bool IsMark(char c) => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}

/// <summary>
/// Shapes text with HarfBuzz (the OpenType shaper of Chrome, Firefox, LibreOffice): Arabic letters
/// take their joining forms (initial, medial, final, isolated), lām-alif its ligature, marks their
/// places, as the face's GSUB and GPOS tables say. Results are kept per face, text and direction
/// (a document repeats its words); the same text always gives the same glyphs.
/// </summary>
public static class Shaper
{
    private static readonly object Gate = new();
    private static readonly Dictionary<TrueTypeFace, Font> Fonts = new(ReferenceEqualityComparer.Instance);
    private static readonly Dictionary<string, ShapedRun> Runs = new(StringComparer.Ordinal);
    private static readonly Dictionary<TrueTypeFace, int> FaceIds = new(ReferenceEqualityComparer.Instance);
    private static readonly List<(Blob, Face)> KeptAlive = [];

    /// <summary>Shapes <paramref name="text"/> in <paramref name="face"/>, right to left or left to right.</summary>
    public static ShapedRun Shape(TrueTypeFace face, string text, bool rightToLeft)
    {
        lock (Gate)
        {
            if (!FaceIds.TryGetValue(face, out int id)) FaceIds[face] = id = FaceIds.Count;
            string key = string.Concat(id.ToString(System.Globalization.CultureInfo.InvariantCulture), rightToLeft ? "<" : ">", text);
            if (Runs.TryGetValue(key, out var run)) return run;
            if (!Fonts.TryGetValue(face, out var font))
            {
                // HarfBuzz reads the font's bytes where they lie for as long as the font lives: they are
                // copied to memory the garbage collector never moves, kept (with the blob and the face)
                // for the process's life. (Managed bytes handed over without a lasting pin were moved
                // under a long test run: shaping came out unjoined, with absurd advances.)
                byte[] bytes = face.StandaloneBytes;
                IntPtr data = System.Runtime.InteropServices.Marshal.AllocHGlobal(bytes.Length);
                System.Runtime.InteropServices.Marshal.Copy(bytes, 0, data, bytes.Length);
                var blob = new Blob(data, bytes.Length, MemoryMode.ReadOnly);
                var hbFace = new Face(blob, 0);
                font = new Font(hbFace);
                font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
                font.SetFunctionsOpenType();
                Fonts[face] = font;
                KeptAlive.Add((blob, hbFace));
            }
            using var buffer = new HarfBuzzSharp.Buffer();
            buffer.AddUtf16(text);
            buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
            buffer.GuessSegmentProperties();
            font.Shape(buffer);
            var infos = buffer.GlyphInfos;
            var positions = buffer.GlyphPositions;
            var glyphs = new ShapedGlyph[infos.Length];
            double em = face.UnitsPerEm, width = 0;
            for (int i = 0; i < infos.Length; i++)
            {
                glyphs[i] = new ShapedGlyph((ushort)infos[i].Codepoint, (int)infos[i].Cluster, positions[i].XAdvance / em, positions[i].XOffset / em, positions[i].YOffset / em);
                width += glyphs[i].Advance;
            }
            return Runs[key] = new ShapedRun(text, rightToLeft, glyphs, width);
        }
    }
}
