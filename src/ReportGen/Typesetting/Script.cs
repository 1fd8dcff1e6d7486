namespace ReportGen.Typesetting;

/// <summary>
/// Which script a character belongs to, for every stage that treats Chinese and Latin text apart:
/// the spacing of mixed text in templates, the width of table columns, the PDF's choice of face and
/// its line breaking, the language tag of each Word run, the review page's estimate of text width
/// and the reading back of PDF text. The one home of these ranges.
/// </summary>
public static class Script
{
    /// <summary>Han characters (CJK unified ideographs, extension A, compatibility ideographs, the supplementary planes' extensions).</summary>
    public static bool IsHan(int c) =>
        c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF;

    /// <summary>
    /// East Asian wide characters (Unicode's East Asian Width W and F): Han, kana, Hangul, CJK symbols
    /// and punctuation, full-width forms. They take a full em and belong to the Chinese faces.
    /// </summary>
    public static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFF;

    /// <summary>Marks both scripts use (curly quotes, the em dash, the ellipsis, the middle dot): full-width in Chinese text, proportional in English text.</summary>
    public static bool IsAmbiguous(int c) => c is 0x201C or 0x201D or 0x2018 or 0x2019 or 0x2014 or 0x2026 or 0x00B7;

    /// <summary>Set as East Asian text in Chinese: the wide characters and the ambiguous marks.</summary>
    public static bool IsEastAsian(int c) => IsWide(c) || IsAmbiguous(c);

    /// <summary>
    /// The same for one UTF-16 unit, where text is handled by <see cref="char"/>: half of a surrogate pair
    /// counts as East Asian (the supplementary characters a document holds are Han extensions).
    /// </summary>
    public static bool IsEastAsian(char c) => char.IsSurrogate(c) || IsEastAsian((int)c);

    /// <summary>A wide character, or half of a surrogate pair (see <see cref="IsEastAsian(char)"/>).</summary>
    public static bool IsWide(char c) => char.IsSurrogate(c) || IsWide((int)c);

    /// <summary>
    /// Arabic letters, marks, digits and punctuation (the Arabic blocks, supplement, extended-A and
    /// the presentation forms): set in the Arabic face and shaped (joined) before they are drawn.
    /// </summary>
    public static bool IsArabic(int c) =>
        c is >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x0870 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;

    /// <summary>Characters of the right-to-left scripts (Hebrew and the Arabic blocks, by their default bidi class): a line with one is reordered (<see cref="Bidi"/>).</summary>
    public static bool IsRightToLeft(int c) => c is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;

    /// <summary>
    /// A letter of the Arabic script (<see cref="IsArabic"/> and a letter): a strong right-to-left
    /// character. Word runs of such text carry <c>w:rtl</c>; digits and punctuation take the
    /// direction of the letters around them.
    /// </summary>
    public static bool IsArabicLetter(char c) => IsArabic(c) && char.IsLetter(c);
}
