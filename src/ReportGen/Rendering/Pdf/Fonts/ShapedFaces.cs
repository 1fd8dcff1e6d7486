using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Filters;

namespace ReportGen.Rendering.Pdf.Fonts;

/// <summary>
/// The shaped faces (Arabic) of one PDF, drawn by glyph id: PDFsharp draws text by character and
/// cannot set the joining forms and ligatures a shaper chooses, so these faces are embedded here
/// as composite fonts (Type0, CIDFontType2, Identity-H: a glyph id is its own code) with the whole
/// font file (Noto Naskh Arabic is 180 KB; no subset, so the bytes depend only on the face), a /W
/// array of the glyphs used and a ToUnicode map from each glyph to the characters it was shaped
/// from, written when the document is saved (<see cref="Finish"/>).
/// </summary>
public sealed class ShapedFaces(PdfDocument pdf)
{
    private sealed class Type0(PdfDocument document) : PdfFont(document);

    private sealed class Embedded
    {
        public required Type0 Font { get; init; }
        public required PdfDictionary Descendant { get; init; }
        public required PdfDictionary ToUnicode { get; init; }
        public required TrueTypeFace Face { get; init; }
        /// <summary>The text of each code drawn (a glyph id, or an alias of one).</summary>
        public SortedDictionary<ushort, string> Texts { get; } = [];
        /// <summary>Codes past the face's glyphs that draw a glyph already mapped to another text: code → glyph.</summary>
        public SortedDictionary<ushort, ushort> Aliases { get; } = [];
        private readonly Dictionary<(ushort, string), ushort> _codes = [];
        public required int GlyphCount { get; init; }

        /// <summary>
        /// The code that draws <paramref name="glyph"/> standing for <paramref name="text"/>: the glyph
        /// id itself the first time, another code (past the face's last glyph, mapped to the glyph by
        /// /CIDToGIDMap) when the glyph already stands for another text: the letter that carries a
        /// mark ("جُ") is the same glyph as the letter alone ("ج"), and a ToUnicode map has one text per code.
        /// </summary>
        public ushort Code(ushort glyph, string text)
        {
            if (_codes.TryGetValue((glyph, text), out ushort code)) return code;
            if (Texts.TryAdd(glyph, text)) return _codes[(glyph, text)] = glyph;
            int alias = GlyphCount + Aliases.Count;
            if (alias > ushort.MaxValue) throw new InvalidOperationException($"{Face.FullName}: more than {ushort.MaxValue + 1} glyph codes in one PDF");
            code = (ushort)alias;
            Aliases[code] = glyph;
            Texts[code] = text;
            return _codes[(glyph, text)] = code;
        }
    }

    private readonly Dictionary<TrueTypeFace, Embedded> _embedded = new(ReferenceEqualityComparer.Instance);
    private readonly List<Embedded> _order = [];

    private Embedded Embed(TrueTypeFace face)
    {
        if (_embedded.TryGetValue(face, out var e)) return e;
        string name = "/" + new string(face.FullName.Where(char.IsAsciiLetterOrDigit).ToArray());
        byte[] bytes = face.StandaloneBytes;
        var file = new PdfDictionary(pdf);
        file.CreateStream(Filtering.FlateDecode.Encode(bytes, PdfFlateEncodeMode.Default));
        file.Elements.SetName("/Filter", "/FlateDecode");
        file.Elements.SetInteger("/Length1", bytes.Length);
        pdf.Internals.AddObject(file);
        var descriptor = new PdfDictionary(pdf);
        int ascent = (int)Math.Round(face.Ascent * 1000), descent = -(int)Math.Round(face.Descent * 1000);
        descriptor.Elements.SetName("/Type", "/FontDescriptor");
        descriptor.Elements.SetName("/FontName", name);
        descriptor.Elements.SetInteger("/Flags", 32);
        descriptor.Elements["/FontBBox"] = new PdfLiteral(string.Create(CultureInfo.InvariantCulture, $"[-500 {descent} 1500 {ascent}]"));
        descriptor.Elements.SetInteger("/ItalicAngle", 0);
        descriptor.Elements.SetInteger("/Ascent", ascent);
        descriptor.Elements.SetInteger("/Descent", descent);
        descriptor.Elements.SetInteger("/CapHeight", ascent);
        descriptor.Elements.SetInteger("/StemV", 80);
        descriptor.Elements.SetReference("/FontFile2", file);
        pdf.Internals.AddObject(descriptor);
        var descendant = new PdfDictionary(pdf);
        descendant.Elements.SetName("/Type", "/Font");
        descendant.Elements.SetName("/Subtype", "/CIDFontType2");
        descendant.Elements.SetName("/BaseFont", name);
        descendant.Elements["/CIDSystemInfo"] = new PdfLiteral("<</Registry (Adobe)/Ordering (Identity)/Supplement 0>>");
        descendant.Elements.SetReference("/FontDescriptor", descriptor);
        descendant.Elements.SetName("/CIDToGIDMap", "/Identity");
        pdf.Internals.AddObject(descendant);
        var toUnicode = new PdfDictionary(pdf);
        pdf.Internals.AddObject(toUnicode);
        var font = new Type0(pdf);
        font.Elements.SetName("/Type", "/Font");
        font.Elements.SetName("/Subtype", "/Type0");
        font.Elements.SetName("/BaseFont", name);
        font.Elements.SetName("/Encoding", "/Identity-H");
        font.Elements["/DescendantFonts"] = new PdfArray(pdf, descendant.Reference!);
        font.Elements.SetReference("/ToUnicode", toUnicode);
        e = new Embedded { Font = font, Descendant = descendant, ToUnicode = toUnicode, Face = face, GlyphCount = GlyphCount(bytes) };
        _embedded[face] = e;
        _order.Add(e);
        return e;
    }

    /// <summary>
    /// Draws shaped text with its left end at <paramref name="x"/> on the baseline (top-down page
    /// coordinates, as XGraphics takes them), in graphics mode, within q/Q so PDFsharp's own idea of
    /// the text state stays true.
    /// </summary>
    public void Draw(XGraphics graphics, PdfPage page, TrueTypeFace face, double size, ShapedRun run, double x, double baseline, XBrush brush)
    {
        var e = Embed(face);
        string resource = page.Resources.AddFont(e.Font);
        var codes = run.GlyphTexts().Select(t => e.Code(t.Glyph, t.Text)).ToList();
        PdfSharp.UniversalAccessibility.PdfRendererExtensions.BeginGraphicMode(graphics);
        var content = graphics.Internals.ContentStringBuilder!;
        var color = brush is XSolidBrush solid ? solid.Color : XColors.Black;
        var c = CultureInfo.InvariantCulture;
        content.Append("q\nBT\n");
        content.Append((color.R / 255.0).ToString("0.###", c)).Append(' ').Append((color.G / 255.0).ToString("0.###", c)).Append(' ')
            .Append((color.B / 255.0).ToString("0.###", c)).Append(" rg\n");
        content.Append(resource).Append(' ').Append(size.ToString("0.####", c)).Append(" Tf\n");
        double pen = x, height = page.Height.Point;
        for (int i = 0; i < run.Glyphs.Count; i++)
        {
            var g = run.Glyphs[i];
            double gx = pen + g.OffsetX * size, gy = height - baseline + g.OffsetY * size;
            content.Append("1 0 0 1 ").Append(gx.ToString("0.####", c)).Append(' ').Append(gy.ToString("0.####", c)).Append(" Tm <")
                .Append(codes[i].ToString("X4", c)).Append("> Tj\n");
            pen += g.Advance * size;
        }
        content.Append("ET\nQ\n");
    }

    /// <summary>The face's number of glyphs (maxp's numGlyphs): the first code free for an alias.</summary>
    private static int GlyphCount(byte[] font)
    {
        int tables = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + i * 16);
            if (record[..4].SequenceEqual("maxp"u8))
                return System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan((int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(record[8..]) + 4));
        }
        throw new InvalidDataException("the font has no maxp table");
    }

    /// <summary>Writes each embedded face's widths and ToUnicode map (the glyphs the document drew): before the document is saved.</summary>
    public void Finish()
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var e in _order)
        {
            var w = new StringBuilder("[");
            foreach (var code in e.Texts.Keys)
            {
                ushort glyph = e.Aliases.TryGetValue(code, out ushort aliased) ? aliased : code;
                w.Append(code.ToString(c)).Append('[').Append((e.Face.GlyphAdvanceUnits(glyph) * 1000 / e.Face.UnitsPerEm).ToString(c)).Append(']');
            }
            e.Descendant.Elements["/W"] = new PdfLiteral(w.Append(']').ToString());
            if (e.Aliases.Count > 0)
            {
                // Codes below the face's glyph count are the glyph ids; the aliases after them name their glyphs.
                int count = e.GlyphCount + e.Aliases.Count;
                var map = new byte[count * 2];
                for (int code = 0; code < count; code++)
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(map.AsSpan(code * 2), code < e.GlyphCount ? (ushort)code : e.Aliases[(ushort)code]);
                var stream = new PdfDictionary(pdf);
                stream.CreateStream(Filtering.FlateDecode.Encode(map, PdfFlateEncodeMode.Default));
                stream.Elements.SetName("/Filter", "/FlateDecode");
                pdf.Internals.AddObject(stream);
                e.Descendant.Elements.SetReference("/CIDToGIDMap", stream);
            }
            var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .Append("/CIDSystemInfo <</Registry (Adobe)/Ordering (UCS)/Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
            var mapped = e.Texts.Where(t => t.Value.Length > 0).ToList();
            for (int start = 0; start < mapped.Count; start += 100)
            {
                var chunk = mapped.Skip(start).Take(100).ToList();
                cmap.Append(chunk.Count.ToString(c)).Append(" beginbfchar\n");
                foreach (var (glyph, text) in chunk)
                    cmap.Append('<').Append(glyph.ToString("X4", c)).Append("> <").Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))).Append(">\n");
                cmap.Append("endbfchar\n");
            }
            cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
            e.ToUnicode.CreateStream(Filtering.FlateDecode.Encode(Encoding.ASCII.GetBytes(cmap.ToString()), PdfFlateEncodeMode.Default));
            e.ToUnicode.Elements.SetName("/Filter", "/FlateDecode");
        }
    }
}
