using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Rendering.Pdf.Layout;

namespace ReportGen.Rendering.Pdf;

/// <summary>
/// The page design in points, the same as the DOCX writer's (A4, the same margins and indents),
/// and the type of each element per language.
/// </summary>
internal sealed class PdfLook(string language)
{
    public const double PageWidth = 595.28, PageHeight = 841.89;
    public const double Left = 56.7, Right = 56.7, Top = 70.9, Bottom = 70.9;
    public const double Indent = 62.35, Tab = 28.35;
    public const double TextWidth = PageWidth - Left - Right;
    public const double BodyLeft = Left + Indent;
    public const double BodyWidth = TextWidth - 2 * Indent;
    public const double TableRight = Left + TextWidth;

    public bool Chinese { get; } = language == "zh";
    private FontRole Text => Chinese ? FontRole.Song : FontRole.Serif;
    private FontRole Heading => Chinese ? FontRole.Hei : FontRole.Serif;
    private bool HeadingBold => !Chinese; // Chinese headings are set in Hei, not in bold Song

    public TextStyle Body => new(Text, Chinese ? 11.5 : 10);
    public double BodyLeading => Chinese ? 19 : 12.5;
    public double ParagraphSpace => Chinese ? 4 : 6;
    public TextStyle Heading1 => new(Heading, Chinese ? 15 : 14, HeadingBold);
    public TextStyle Heading2 => new(Heading, Chinese ? 13 : 12, HeadingBold);
    public TextStyle Heading3 => new(Heading, Chinese ? 11.5 : 10, HeadingBold);
    public TextStyle Title => new(Heading, Chinese ? 16 : 17, HeadingBold);
    public TextStyle Subtitle => new(Heading, Chinese ? 14 : 12, HeadingBold);
    public TextStyle Small => new(Text, Chinese ? 9.5 : 8.5);
    public double SmallLeading => Chinese ? 13 : 10.5;
    public TextStyle TableHeader => new(Text, Chinese ? 9.5 : 8.5, Italic: !Chinese);
    public TextStyle Footnote => new(Text, Chinese ? 9 : 8);
    public double FootnoteLeading => Chinese ? 12 : 10;
    public TextStyle Running => new(FontRole.Serif, 8.5, Bold: true);
    public TextStyle MastheadUn => new(Text, 14);
    public TextStyle MastheadSymbol => new(FontRole.Serif, 20, Bold: true);
    public TextStyle MastheadOrgan => new(Heading, Chinese ? 14 : 12, HeadingBold);
    public TextStyle Strong => Body with { Bold = HeadingBold, Role = Heading };
}
