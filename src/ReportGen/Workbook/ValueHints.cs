using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Model;

namespace ReportGen.Workbook;

/// <summary>
/// The likely fix of a value that could not be read, for the end of its message: a decimal comma,
/// a letter typed for a digit (l for 1, O for 0), a currency sign or word in a money column.
/// </summary>
internal static partial class ValueHints
{
    /// <summary>Letters that look like a digit, and that digit.</summary>
    private static readonly (char Letter, char Digit)[] Lookalikes = [('l', '1'), ('I', '1'), ('O', '0'), ('o', '0')];

    /// <summary>
    /// Currency signs and words staff type before or after an amount: US dollars are the unit of
    /// every money column (their names end in <c>_usd</c>), so these are removed; any other
    /// currency must be converted first.
    /// </summary>
    private static readonly (string Text, string Named, bool UsDollars)[] Currencies =
    [
        ("US$", "the US$ sign", true), ("$", "the $ sign", true), ("USD", "'USD'", true), ("US dollars", "'US dollars'", true),
        ("€", "the € sign", false), ("EUR", "'EUR'", false), ("£", "the £ sign", false), ("GBP", "'GBP'", false),
        ("¥", "the ¥ sign", false), ("CNY", "'CNY'", false), ("RMB", "'RMB'", false),
    ];

    /// <summary>A money column: amounts in US dollars.</summary>
    private static bool IsMoney(string column) => column.EndsWith("_usd", StringComparison.Ordinal);

    /// <summary>"; did you mean 3.1? …" for a number that could not be read, or nothing.</summary>
    public static string ForNumber(string column, string shown)
    {
        if (DecimalComma().IsMatch(shown)) return $" (did you mean {shown.Replace(',', '.')}? decimals take a point)";
        if (IsMoney(column) && Currency(shown) is { } currency) return currency;
        return Lookalike(shown, t => TableRow.ParseNumber(t) is double d && double.IsFinite(d)) ?? "";
    }

    /// <summary>"; did you mean 3.1?" for an outcome code typed with a comma or a letter for a digit, or nothing.</summary>
    public static string ForOutcomeCode(string text)
    {
        string comma = text.Replace(',', '.').Replace('，', '.');
        if (comma != text && OutcomeCode.TryParse(comma, out var code)) return $"; did you mean {code}? codes take a point";
        return Lookalike(text, t => OutcomeCode.TryParse(t, out _)) ?? "";
    }

    /// <summary>The text read with each look-alike letter made its digit, when that reads: the letter named at its place.</summary>
    private static string? Lookalike(string text, Func<string, bool> reads)
    {
        string trimmed = text.Trim();
        var chars = trimmed.ToCharArray();
        int first = -1;
        for (int i = 0; i < chars.Length; i++)
            foreach (var (letter, digit) in Lookalikes)
                if (chars[i] == letter)
                {
                    chars[i] = digit;
                    if (first < 0) first = i;
                }
        string fixedText = new(chars);
        if (first < 0 || !reads(fixedText)) return null;
        char typed = trimmed[first], meant = fixedText[first];
        string place = first == trimmed.Length - 1 ? "the last character" : first == 0 ? "the first character"
            : $"character {(first + 1).ToString(CultureInfo.InvariantCulture)}";
        return $"; {place} is the letter {typed}, not the digit {meant}: did you mean {fixedText}?";
    }

    /// <summary>"; remove the $ sign: amounts are in US dollars (did you mean 5000000?)", when a currency is all that stops the amount from reading.</summary>
    private static string? Currency(string shown)
    {
        foreach (var (text, named, usDollars) in Currencies)
        {
            string rest;
            if (shown.StartsWith(text, StringComparison.OrdinalIgnoreCase)) rest = shown[text.Length..];
            else if (shown.EndsWith(text, StringComparison.OrdinalIgnoreCase)) rest = shown[..^text.Length];
            else continue;
            if (TableRow.ParseNumber(rest) is not double amount || !double.IsFinite(amount)) continue;
            return usDollars
                ? $"; remove {named}: amounts are in US dollars (did you mean {SheetTable.FormatNumber(amount)}?)"
                : $"; amounts are in US dollars: convert the amount to US dollars and give the number alone, without {named}";
        }
        return null;
    }

    [GeneratedRegex(@"^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$")]
    private static partial Regex DecimalComma();
}
