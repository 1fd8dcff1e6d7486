namespace ReportGen.Typesetting;

/// <summary>
/// The page of a UN document, in points: A4, its margins, the indent of body text inside them and
/// the tab from a paragraph number to its text. The PDF writer sets the page in these points; the
/// Word writer converts them to twentieths of a point (<see cref="Twips"/>). The one home of the
/// page geometry.
/// </summary>
public static class PageDesign
{
    public const double PageWidth = 595.28, PageHeight = 841.89;
    public const double Left = 56.7, Right = 56.7, Top = 70.9, Bottom = 70.9;
    /// <summary>From the top and bottom edges to the running header and footer (Word's header and footer distance).</summary>
    public const double HeaderDistance = 35.45;
    /// <summary>Body text sits inside the margins by this much on both sides, as in UN documents.</summary>
    public const double Indent = 62.35;
    /// <summary>From a paragraph number or sub-item label to its text.</summary>
    public const double Tab = 28.35;
    public const double TextWidth = PageWidth - Left - Right;
    public const double BodyLeft = Left + Indent;
    public const double BodyWidth = TextWidth - 2 * Indent;

    /// <summary>Points in twentieths of a point, as Word stores lengths.</summary>
    public static int Twips(double points) => (int)Math.Round(points * 20, MidpointRounding.AwayFromZero);

    /// <summary>Points in half-points, as Word stores type sizes.</summary>
    public static int HalfPoints(double points) => (int)Math.Round(points * 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The masthead of page 1, in points, as the PDF sets it: the Word writer builds its paragraphs to the same heights
/// (exact leading, spacing in place of the PDF's boxes), so body text starts at the same height on page 1 in both.
/// </summary>
public static class MastheadDesign
{
    /// <summary>The first band ("United Nations" and the symbol): its height, their baseline and the thin rule under them, from its top.</summary>
    public const double TopHeight = 30, TopBaseline = 22, TopRule = 28, TopRuleWidth = 0.5;
    /// <summary>The second band (organ at the left, distribution lines at the right): padding above the lines and below the organ; the band is the taller column plus <see cref="SecondPadding"/>.</summary>
    public const double LinesInset = 6, SecondPadding = 12, ThickRuleWidth = 2.2;
    /// <summary>The distribution column's rows: distribution, date, languages (blank if none), a blank row, original language.</summary>
    public const int RightRows = 5;
    /// <summary>The columns' leading: the organ's against its size, the distribution lines' against body leading.</summary>
    public const double OrganLeading = 1.25, RightLeading = 0.95;
    /// <summary>The organ column's width and the distribution column's distance from the left margin.</summary>
    public const double OrganWidth = 250, RightX = 300;
    /// <summary>Space above the session line (below the thick rule), the title and the subtitle, and after the subtitle.</summary>
    public const double SessionSpace = 10, TitleSpace = 24, SubtitleSpace = 12, AfterSubtitle = 14;
    /// <summary>The masthead's lines and the title are set at 1.25 times their size; the agenda item's title in this share of the text width.</summary>
    public const double Leading = 1.25, AgendaTitleWidth = 0.62;
}

/// <summary>
/// The type of a document in one language, in points: sizes, leading (baseline to baseline) and
/// spacing of each element. The PDF writer sets these; the Word writer's styles are these sizes
/// converted, with the same exact leading, so that Word and LibreOffice set as many lines on a
/// page as the PDF does and the page counts agree. Chinese is set larger and looser than English,
/// as in the UN's Chinese editions; its headings are in Hei, which is heavy already, so not bold.
/// </summary>
public sealed record TypeSizes
{
    public static readonly TypeSizes En = new()
    {
        HeadingBold = true, TableHeaderItalic = true, WordNormalLine = 240, Body = 10, BodyLeading = 12.5, ParagraphSpace = 6,
        Heading1 = 14, Heading2 = 12, Heading3 = 10, Title = 17, Subtitle = 12,
        Small = 8.5, SmallLeading = 10.5, Footnote = 8, FootnoteLeading = 10,
        MastheadOrgan = 12,
    };

    public static readonly TypeSizes Zh = new()
    {
        HeadingBold = false, TableHeaderItalic = false, WordNormalLine = 300, Body = 11.5, BodyLeading = 19, ParagraphSpace = 4,
        Heading1 = 15, Heading2 = 13, Heading3 = 11.5, Title = 16, Subtitle = 14,
        Small = 9.5, SmallLeading = 13, Footnote = 9, FootnoteLeading = 12,
        MastheadOrgan = 14,
    };

    /// <summary>The sizes of a language's profile.</summary>
    public static TypeSizes For(string language) => LanguageProfiles.For(language).Type;

    /// <summary>Headings are bold in English; in Chinese they are set in Hei, not in a bold Song.</summary>
    public required bool HeadingBold { get; init; }
    /// <summary>Table headers are italic in English; Chinese is never slanted.</summary>
    public required bool TableHeaderItalic { get; init; }
    /// <summary>Word's line spacing (240ths of a line) of the Normal style, which holds no body text.</summary>
    public required int WordNormalLine { get; init; }
    /// <summary>Body text: numbered paragraphs, sub-items, annex text, the masthead's details.</summary>
    public required double Body { get; init; }
    public required double BodyLeading { get; init; }
    /// <summary>Space before each paragraph of body text.</summary>
    public required double ParagraphSpace { get; init; }
    public required double Heading1 { get; init; }
    public required double Heading2 { get; init; }
    public required double Heading3 { get; init; }
    public required double Title { get; init; }
    public required double Subtitle { get; init; }
    /// <summary>Tables, chart notes and labels.</summary>
    public required double Small { get; init; }
    public required double SmallLeading { get; init; }
    public required double Footnote { get; init; }
    public required double FootnoteLeading { get; init; }
    public required double MastheadOrgan { get; init; }

    /// <summary>The running header and footer (symbol and page number), in both languages.</summary>
    public double Running => 8.5;
    /// <summary>"United Nations" / "联 合 国" in the masthead.</summary>
    public double MastheadUnitedNations => 14;
    /// <summary>The document symbol in the masthead.</summary>
    public double MastheadSymbol => 20;

    /// <summary>Space above a heading of a level.</summary>
    public static double HeadingSpaceBefore(int level) => level == 1 ? 18 : 12;
    /// <summary>The leading of headings (and of other lines that are not body text) against their size.</summary>
    public const double HeadingLeading = 1.3;
    /// <summary>Space between a heading and what follows it.</summary>
    public static double HeadingSpaceAfter(int level) => level == 1 ? 6 : 3;
}
