namespace ReportGen.Typesetting;

/// <summary>
/// The line-start and line-end prohibitions of Chinese text (W3C clreq, "basic" level; kinsoku in
/// Word's terms): one table, read by the PDF's line breaker and written into the Word document's
/// settings (<c>w:noLineBreaksBefore</c>, <c>w:noLineBreaksAfter</c>), so that both formats keep the
/// same rules.
/// </summary>
public static class Kinsoku
{
    /// <summary>
    /// May not start a line: closing brackets and quotes, pause and stop marks, connectors, the
    /// iteration and prolonged-sound marks, and signs that follow a number (%, ℃, °). The straight
    /// quotes (" ' ＂ ＇) are left out: they open as well as close.
    /// </summary>
    public const string NoLineStart =
        "，。、；：？！）」』》】〕〗〙〛〉”’．｡・ー…‥〜—·%‰)]},.;:!?" +
        "％］｝～｠｣〞〟〃〆¢°℃∶†‡›﹚﹜";

    /// <summary>May not end a line: opening brackets and quotes, and currency signs that precede a number.</summary>
    public const string NoLineEnd = "（「『《【〔〖〘〚〈“‘([{［｛〝﹙﹛﹝$£¥＄￡￥";

    /// <summary>Full-width marks whose right half is blank: set half-width at the end of a line, or before another mark.</summary>
    public const string CompressibleClosing = "，。、；：）」』》】”’";

    /// <summary>Full-width marks whose left half is blank.</summary>
    public const string CompressibleOpening = "（「『《【〔“‘";

    /// <summary>
    /// Brackets around a unit (（美元）, （%）, (US$)): in a PDF table cell, a bracketed group of at most
    /// <see cref="UnitLength"/> characters between them is one piece, never broken inside (a
    /// justified paragraph may break in （人居署） rather than letter-space a line).
    /// </summary>
    public const string UnitOpening = "（(［[";

    /// <summary>The closing bracket of each of <see cref="UnitOpening"/>, in the same order.</summary>
    public const string UnitClosing = "）)］]";

    /// <summary>The longest bracketed group, brackets excluded, kept whole as a unit: （百万美元） is four.</summary>
    public const int UnitLength = 4;

    public static bool ProhibitedAtLineStart(char c) => NoLineStart.Contains(c);

    public static bool ProhibitedAtLineEnd(char c) => NoLineEnd.Contains(c);
}
