using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Typesetting;

namespace ReportGen.Rendering.Pdf;

/// <summary>
/// The house style (<see cref="PageDesign"/>, <see cref="TypeSizes"/>) as the PDF writer sets it:
/// the page in points, and each element's size with its face (Song or Hei for Chinese, the Latin
/// serif for English).
/// </summary>
internal sealed class PdfLook(string language)
{
    public const double PageWidth = PageDesign.PageWidth, PageHeight = PageDesign.PageHeight;
    public const double Left = PageDesign.Left, Top = PageDesign.Top, Bottom = PageDesign.Bottom;
    public const double Indent = PageDesign.Indent, Tab = PageDesign.Tab;
    public const double TextWidth = PageDesign.TextWidth;
    public const double BodyLeft = PageDesign.BodyLeft;
    public const double BodyWidth = PageDesign.BodyWidth;
    public const double TableRight = Left + TextWidth;

    public LanguageProfile Profile { get; } = LanguageProfiles.For(language);
    private TypeSizes _type => Profile.Type;

    private FontRole Text => Profile.Fonts.Text;
    private FontRole Heading => Profile.Fonts.Heading;

    public TextStyle Body => new(Text, _type.Body);
    public double BodyLeading => _type.BodyLeading;
    public double ParagraphSpace => _type.ParagraphSpace;
    public TextStyle Heading1 => new(Heading, _type.Heading1, _type.HeadingBold);
    public TextStyle Heading2 => new(Heading, _type.Heading2, _type.HeadingBold);
    public TextStyle Heading3 => new(Heading, _type.Heading3, _type.HeadingBold);
    public TextStyle Title => new(Heading, _type.Title, _type.HeadingBold);
    public TextStyle Subtitle => new(Heading, _type.Subtitle, _type.HeadingBold);
    public TextStyle Small => new(Text, _type.Small);
    public double SmallLeading => _type.SmallLeading;
    public TextStyle TableHeader => new(Text, _type.Small, Italic: _type.TableHeaderItalic);
    public TextStyle Footnote => new(Text, _type.Footnote);
    public double FootnoteLeading => _type.FootnoteLeading;
    public TextStyle Running => new(FontRole.Serif, _type.Running, Bold: true);
    public TextStyle MastheadUn => new(Text, _type.MastheadUnitedNations);
    public TextStyle MastheadSymbol => new(FontRole.Serif, _type.MastheadSymbol, Bold: true);
    public TextStyle MastheadOrgan => new(Heading, _type.MastheadOrgan, _type.HeadingBold);
    public TextStyle Strong => Body with { Bold = _type.HeadingBold, Role = Heading };

    /// <summary>How charts are drawn: a right-to-left language's (the profile's <c>RightToLeft</c>) are mirrored about the page's middle, as its text is.</summary>
    public Charts.ChartDirection Charts => new(Profile.RightToLeft, PageWidth);
}
