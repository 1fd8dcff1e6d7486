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
        HeadingBold = true, TableHeaderItalic = true, WordNormalLine = 240, WordTitleLine = 300, Body = 10, BodyLeading = 12.5, ParagraphSpace = 6,
        Heading1 = 14, Heading2 = 12, Heading3 = 10, Title = 17, Subtitle = 12,
        Small = 8.5, SmallLeading = 10.5, Footnote = 8, FootnoteLeading = 10,
        MastheadOrgan = 12,
    };

    public static readonly TypeSizes Zh = new()
    {
        HeadingBold = false, TableHeaderItalic = false, WordNormalLine = 300, WordTitleLine = 360, Body = 11.5, BodyLeading = 19, ParagraphSpace = 4,
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
    /// <summary>Word's line spacing (240ths of a line) of the Normal and Title styles, which hold no body text.</summary>
    public required int WordNormalLine { get; init; }
    public required int WordTitleLine { get; init; }
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
    /// <summary>Space between a heading and what follows it.</summary>
    public static double HeadingSpaceAfter(int level) => level == 1 ? 6 : 3;
}
