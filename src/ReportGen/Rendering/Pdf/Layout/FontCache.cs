using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Fonts;

namespace ReportGen.Rendering.Pdf.Layout;

/// <summary>XFonts by face, size and style, made once per document.</summary>
public sealed class FontCache(FontSet fonts, LineBreaker breaker)
{
    private readonly Dictionary<(TrueTypeFace, double, bool, bool), XFont> _fonts = [];

    public XFont Get(TrueTypeFace face, TextStyle style, double size)
    {
        // A real bold or italic Latin face is used as it is; Chinese faces have none, so PDFsharp simulates them.
        bool simulateBold = style.Bold && face != fonts.LatinBold && face != fonts.LatinBoldItalic;
        bool simulateItalic = style.Italic && face != fonts.LatinItalic && face != fonts.LatinBoldItalic && !fonts.IsEastAsianFace(face);
        var key = (face, size, simulateBold, simulateItalic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var fontStyle = (simulateBold, simulateItalic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(FontRegistry.NameOf(face), size, fontStyle, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[key] = font;
        }
        return font;
    }

    /// <summary>A short text on one line (labels, headers): shaped, never broken.</summary>
    public Line ShapeSingle(string text, TextStyle style)
    {
        // Labels recur (paragraph numbers, sub-item letters, the running header on every page):
        // each is shaped once per document. A line is never changed once made.
        if (_shaped.TryGetValue((text, style), out var shaped)) return shaped;
        var atoms = breaker.Atoms(Inlines.Of(text), style, "a label");
        shaped = breaker.Break(atoms, double.MaxValue / 4, double.MaxValue / 4, justify: false).FirstOrDefault()
                 ?? new Line([], 0, 0, 0, []);
        _shaped[(text, style)] = shaped;
        return shaped;
    }

    private readonly Dictionary<(string, TextStyle), Line> _shaped = [];
}
