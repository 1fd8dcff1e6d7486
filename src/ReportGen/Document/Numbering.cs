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

    /// <summary>A number in a profile's numerals: IV or 四.</summary>
    public static string In(Typesetting.Numerals numerals, int n) => numerals switch
    {
        Typesetting.Numerals.Chinese => Chinese(n),
        _ => Roman(n),
    };

    /// <summary>"I." in English, "一、" in Chinese: the language's profile says which.</summary>
    public static string Chapter(int n, string language)
    {
        var profile = Typesetting.LanguageProfiles.For(language);
        return In(profile.ChapterNumerals, n) + profile.ChapterEnd;
    }

    public static string Section(int n) => Letter(n).ToUpperInvariant() + ".";

    /// <summary>(a), (b) at the first level; (i), (ii) at the second, (一), (二) in Chinese; a), i) in French (the profile's <c>SubItemLabel</c>).</summary>
    public static string SubItem(int level, int n, string language = "en")
    {
        var profile = Typesetting.LanguageProfiles.For(language);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, profile.SubItemLabel,
            level == 1 ? Letter(n) : In(profile.SubItemNumerals, n).ToLowerInvariant());
    }
}
