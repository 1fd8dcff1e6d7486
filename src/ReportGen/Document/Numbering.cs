namespace ReportGen.Document;

/// <summary>The labels UN documents use: I., II. (zh 一、二、) for chapters, A., B. for sections, (a), (i) for sub-items.</summary>
public static class Numbering
{
    public static string Roman(int n)
    {
        if (n <= 0) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (int Value, string Symbol)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var result = new System.Text.StringBuilder();
        foreach (var (value, symbol) in table)
            while (n >= value) { result.Append(symbol); n -= value; }
        return result.ToString();
    }

    public static string Letter(int n) => n <= 26 ? ((char)('a' + n - 1)).ToString() : Letter((n - 1) / 26) + Letter((n - 1) % 26 + 1);

    /// <summary>Chinese numerals up to 99: 一, 十, 十一, 二十三.</summary>
    public static string Chinese(int n)
    {
        const string digits = "〇一二三四五六七八九";
        if (n is <= 0 or >= 100) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        int tens = n / 10, ones = n % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }

    /// <summary>The letters of Arabic sub-items, in the abjad order UN Arabic documents follow: (أ), (ب), (ج), (د), (هـ), (و) …</summary>
    private static readonly string[] ArabicLetters =
        ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"];

    /// <summary>An Arabic sub-item's letter: أ, ب, ج … (past the 28th, two letters, as <see cref="Letter"/> does).</summary>
    public static string ArabicLetter(int n) =>
        n <= ArabicLetters.Length ? ArabicLetters[n - 1] : ArabicLetter((n - 1) / ArabicLetters.Length) + ArabicLetter((n - 1) % ArabicLetters.Length + 1);

    /// <summary>The ordinal adverbs of UN Arabic chapter headings: أولا, ثانيا … عاشرا; then حادي عشر, ثاني عشر …; past twenty, digits.</summary>
    private static readonly string[] ArabicChapters =
        ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا",
         "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر", "سادس عشر", "سابع عشر", "ثامن عشر", "تاسع عشر", "عشرون"];

    public static string ArabicChapter(int n) => n is >= 1 and <= 20 ? ArabicChapters[n - 1] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The section letters of UN Arabic headings, the letters' names in the abjad order: ألف, باء, جيم …</summary>
    private static readonly string[] ArabicSections =
        ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء"];

    /// <summary>A number in a profile's numerals: IV, 四, أولا (a chapter) or 4 (an Arabic sub-item).</summary>
    public static string In(Typesetting.Numerals numerals, int n) => numerals switch
    {
        Typesetting.Numerals.Chinese => Chinese(n),
        Typesetting.Numerals.Arabic => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Roman(n),
    };

    /// <summary>"I." in English, "一、" in Chinese: the language's profile says which.</summary>
    public static string Chapter(int n, string language)
    {
        var profile = Typesetting.LanguageProfiles.For(language);
        return (profile.ChapterNumerals == Typesetting.Numerals.Arabic ? ArabicChapter(n) : In(profile.ChapterNumerals, n)) + profile.ChapterEnd;
    }

    public static string Section(int n) => Letter(n).ToUpperInvariant() + ".";

    /// <summary>"A." in English and Chinese; "ألف -" in Arabic (the letters' names, with the chapter's ending).</summary>
    public static string Section(int n, string language)
    {
        var profile = Typesetting.LanguageProfiles.For(language);
        return profile.SubItemLetters == Typesetting.Letters.Arabic && n <= ArabicSections.Length ? ArabicSections[n - 1] + profile.ChapterEnd : Section(n);
    }

    /// <summary>A numbered body paragraph's label: "1." or, in Arabic, "1 -" (the profile's <c>ParagraphNumber</c>).</summary>
    public static string Paragraph(int n, string language) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Typesetting.LanguageProfiles.For(language).ParagraphNumber, n);

    /// <summary>(a), (b) at the first level; (i), (ii) at the second, (一), (二) in Chinese; a), i) in French (the profile's <c>SubItemLabel</c>).</summary>
    public static string SubItem(int level, int n, string language = "en")
    {
        var profile = Typesetting.LanguageProfiles.For(language);
        return level == 1
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, profile.SubItemLabel, profile.SubItemLetters == Typesetting.Letters.Arabic ? ArabicLetter(n) : Letter(n))
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, profile.SubItemLabel2 ?? profile.SubItemLabel, In(profile.SubItemNumerals, n).ToLowerInvariant());
    }

    /// <summary>
    /// An agenda item as the language writes it: its number, then its sub-item's letter in the
    /// language's sub-item label (<see cref="SubItem"/>), joined by the profile's <c>AgendaItem</c>
    /// pattern: "6 (a)" (English), "6 a)" (French, Spanish, Russian), "6(a)" (Chinese), "6 (أ)" (Arabic).
    /// </summary>
    public static string AgendaItem(Model.AgendaItem item, string language = "en")
    {
        string number = item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return item.Sub == 0 ? number
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, Typesetting.LanguageProfiles.For(language).AgendaItem, number, SubItem(1, item.Sub, language));
    }
}
