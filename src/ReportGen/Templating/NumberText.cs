using System.Globalization;
using System.Text;

namespace ReportGen.Templating;

/// <summary>How a number is meant: a count (or any plain quantity), a rank, or a percentage.</summary>
public enum NumberKind { Count, Ordinal, Percent }

/// <summary>
/// A number found in a text: where it stands, as written ("62%", "five", "第二", "130 万"), its
/// value and kind.
/// </summary>
public sealed class NumberToken(int start, int length, string text, double value, NumberKind kind, string? literal)
{
    public int Start { get; } = start;
    public int Length { get; } = length;
    public string Text { get; } = text;
    public double Value { get; } = value;
    public NumberKind Kind { get; } = kind;

    /// <summary>
    /// What two languages must agree on: the number, however written ("four", "4", "四", "fourth",
    /// "第四" alike), a percentage apart ("100 per cent" is "100%"), and a numeral that is not a
    /// plain number ("1/1", "1.1.2") as written.
    /// </summary>
    public string Same => literal ?? (Value.ToString("R", CultureInfo.InvariantCulture) + (Kind == NumberKind.Percent ? "%" : ""));

    /// <summary>One form for every way of writing the number and its kind: "5" (five, 五), "2nd" (second, 第二), "41%" (41 per cent).</summary>
    public string Form => Kind switch
    {
        NumberKind.Ordinal when literal is null => NumberText.OrdinalSuffixed(Value),
        NumberKind.Percent => Same,
        _ => literal ?? Value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Written in words (五, "five", 第二) rather than in digits.</summary>
    public bool InWords
    {
        get
        {
            foreach (char c in Text) if (NumberText.IsDigit(c)) return false;
            return true;
        }
    }
}

/// <summary>
/// The one home of what counts as a number in running text, English or Chinese: numerals
/// ("62", "1.1", "9,800,000", "1/1", "６２"), percentages ("62%", "62 per cent", "百分之六十二"),
/// number words ("five", "twenty-one", "million"; 五, 两, 十一, 百万), ordinals ("second", "2nd",
/// 第二, "第 1"), Roman numerals after a label ("Annex II"), and numerals with a scale word
/// ("1.3 million", "130 万"). Words that hold a number character without stating a quantity
/// (进一步, 统一, 这一, "one another") are not numbers: <see cref="NotNumbers"/>.
/// Used by the typed-number check of the templates, by the English formatter's words and by
/// <c>explain</c>. Plain loops, no LINQ: it runs over every template in every build.
/// </summary>
public static class NumberText
{
    private static readonly string[] Cardinals =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Ordinals =
    [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];

    private static readonly string[] TensOrdinals = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    private static readonly string[] ScaleWords = ["hundred", "thousand", "million", "billion"];
    private static readonly double[] ScaleValues = [100, 1e3, 1e6, 1e9];

    /// <summary>Labels after which a Roman numeral is a number ("Annex II", "chart IV").</summary>
    private static readonly string[] RomanLabels = ["annex", "chart", "figure", "table", "chapter", "part", "section", "appendix", "volume"];

    /// <summary>
    /// Words that hold a number character but state no quantity that the other language would
    /// write as a number: "further" (进一步), "unified" (统一), "this" (这一), "another" (另一),
    /// "the only" (唯一), "next" (下一), "very" (十分), "percentage point" (百分点); appositions that count what
    /// was just named ("at the regional and country levels": 区域和国家两级; "the two": 二者); "none"
    /// (为零: "linked to no other outcome").
    /// 之一 ("one of") and 某一 ("one …") are numbers, as "one" is in the English.
    /// </summary>
    public static readonly IReadOnlyList<string> NotNumbers =
    [
        "进一步", "下一", "上一", "统一", "一体", "一致", "一些", "一般", "一直", "同一", "唯一", "一切", "一起", "十分", "一方面", "一系列",
        "一定", "另一", "这一", "那一", "每一", "一道", "一同", "一并", "一贯", "一向", "一律", "一旦", "一再", "万一", "一样",
        "单一", "逐一", "一带一路", "一线", "最后一", "没有一", "不一", "一流", "一味", "一时", "一番", "一概", "千万", "百姓",
        "一手", "一边", "一路", "一面", "一环", "一部分", "一半", "一下", "一点", "一揽子", "三角", "千年", "百分点", "两级",
        "两方面", "两者", "二者", "为零",
        "one another", "no one",
    ];

    /// <summary>"one", "two" … "nineteen" for 0–19 (the formatter's words for counts).</summary>
    public static string EnglishCardinal(int n) => Cardinals[n];

    /// <summary>"zeroth", "first" … "nineteenth" for 0–19 (the formatter's words for ordinals).</summary>
    public static string EnglishOrdinal(int n) => Ordinals[n];

    /// <summary>How many number words <see cref="EnglishCardinal"/> and <see cref="EnglishOrdinal"/> know.</summary>
    public const int EnglishWords = 20;

    /// <summary>"1st", "2nd", "3rd", "11th", "22nd".</summary>
    public static string OrdinalSuffixed(double value)
    {
        long n = (long)value;
        string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    internal static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    private static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private const string ChineseNumerals = "〇零一二两三四五六七八九十百千万亿";

    private static bool IsChineseNumeral(char c) => ChineseNumerals.Contains(c);

    private static int ChineseDigit(char c) => c switch
    {
        '〇' or '零' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
    };

    private static double ChineseUnit(char c) => c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 1e4, '亿' => 1e8, _ => 0 };

    /// <summary>Every number in <paramref name="text"/>[<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public static List<NumberToken> Find(string text, int from = 0, int to = -1)
    {
        if (to < 0) to = text.Length;
        var found = new List<NumberToken>();
        int i = from;
        while (i < to)
        {
            char c = text[i];
            NumberToken? token = null;
            if (IsDigit(c)) token = Numeral(text, i, to);
            else if (IsChineseNumeral(c) || (c == '第' && i + 1 < to)) token = Chinese(text, i, to);
            else if (IsAsciiLetter(c) && (i == 0 || !IsAsciiLetter(text[i - 1]) && !IsDigit(text[i - 1]))) token = English(text, i, to, from);
            if (token is null) { i++; continue; }
            if (token.Length == 0) { i = Math.Max(token.Start, i + 1); continue; } // not a number: go on after it
            found.Add(token);
            i = token.Start + token.Length;
        }
        return found;
    }

    /// <summary>Text that is not a number (an identifier such as "FP4", a word): the search goes on at <paramref name="next"/>.</summary>
    private static NumberToken NotANumber(int next) => new(next, 0, "", 0, NumberKind.Count, null);

    /// <summary>Digits, with decimals, groups or a slash ("1.1", "9,800,000", "1/1"), then a percent sign, a scale or an ordinal suffix.</summary>
    private static NumberToken? Numeral(string text, int start, int to)
    {
        int i = start;
        while (i < to && IsDigit(text[i])) i++;
        // A code glued to letters ("FP4", "A3"), or a footnote's label ([^1]), names something: it is not a number.
        bool glued = start > 0 && IsAsciiLetter(text[start - 1]);
        bool footnote = start >= 2 && text[start - 1] == '^' && text[start - 2] == '[';
        while (i + 1 < to && text[i] is '.' or ',' or '/' or '\u00A0' or ' ' && IsDigit(text[i + 1]))
        {
            // A comma groups thousands ("9,800,000"), and so does a no-break space in a Chinese sum ("6 400 万"), or a
            // plain space when the sum's 万 or 亿 follows (as typed to explain); any other comma or space ends the number ("1,2").
            if (text[i] is ',' or '\u00A0' or ' ' && Digits(text, i + 1, to) != 3) break;
            if (text[i] == ' ' && !BeforeWanOrYi(text, i + 4, to)) break;
            i++;
            while (i < to && IsDigit(text[i])) i++;
        }
        int end = i;
        if (end < to && IsAsciiLetter(text[end]))
        {
            // "2nd", "21st"; any other letter glued after makes an identifier ("3D").
            string suffix = end + 1 < to ? text.Substring(end, 2).ToLowerInvariant() : "";
            bool ordinal = suffix is "st" or "nd" or "rd" or "th" && (end + 2 >= to || !IsAsciiLetter(text[end + 2]));
            if (!ordinal || glued || footnote) return SkipWord(text, start, to);
            string digits = Normalized(text, start, end);
            return new NumberToken(start, end + 2 - start, text[start..(end + 2)], Parse(digits), NumberKind.Ordinal, Plain(digits) ? null : digits);
        }
        if (glued || footnote) return NotANumber(end);
        string written = Normalized(text, start, end);
        double value = Parse(written);
        string? literal = Plain(written) ? null : written;
        var kind = Chinese第(text, start) ? NumberKind.Ordinal : NumberKind.Count;
        int first = kind == NumberKind.Ordinal ? PrefixStart(text, start) : start;
        // A percentage: "62%", "62 %", "62 per cent", "62 percent", Arabic "62 في المائة".
        int after = end;
        if (after < to && text[after] is '%' or '％') return Token(text, first, after + 1, value, NumberKind.Percent, literal);
        if (after + 1 < to && text[after] == ' ' && text[after + 1] is '%' or '％') return Token(text, first, after + 2, value, NumberKind.Percent, literal);
        // The space before the words may be a no-break space (Arabic binds a figure to its unit words).
        foreach (string words in (string[])[" per cent", " percent", " في المائة"])
            if (after < to && text[after] is ' ' or '\u00A0' && At(text, after + 1, to, words[1..]) && WordEnds(text, after + words.Length, to))
                return Token(text, first, after + words.Length, value, NumberKind.Percent, literal);
        // A scale: "1.3 million", "130 万", "6400万".
        if (literal is null || !written.Contains('/'))
        {
            var (scaled, scaleEnd) = Scale(text, end, to);
            if (scaleEnd > end) return Token(text, first, scaleEnd, value * scaled, kind, null);
        }
        return Token(text, first, end, value, kind, literal);
    }

    /// <summary>Whether 万 or 亿 (one space at most before it) stands at <paramref name="at"/>, after more groups of three digits if any.</summary>
    private static bool BeforeWanOrYi(string text, int at, int to)
    {
        while (at < to && text[at] is ' ' or '\u00A0' && Digits(text, at + 1, to) == 3) at += 4;
        if (at < to && text[at] == ' ') at++;
        return at < to && text[at] is '万' or '亿';
    }

    private static int Digits(string text, int at, int to)
    {
        int n = 0;
        while (at + n < to && IsDigit(text[at + n])) n++;
        return n;
    }

    private static NumberToken SkipWord(string text, int start, int to)
    {
        int i = start;
        while (i < to && (IsDigit(text[i]) || IsAsciiLetter(text[i]))) i++;
        return NotANumber(i);
    }

    private static NumberToken Token(string text, int start, int end, double value, NumberKind kind, string? literal) =>
        new(start, end - start, text[start..end], value, kind, literal);

    /// <summary>The digits as ASCII, without group separators.</summary>
    private static string Normalized(string text, int start, int end)
    {
        var s = new StringBuilder(end - start);
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (IsDigit(c)) s.Append((char)('0' + DigitValue(c)));
            else if (c is not (',' or '\u00A0' or ' ')) s.Append(c);
        }
        return s.ToString();
    }

    /// <summary>A plain number (not "1/1", not "1.1.2", not "1.10" whose written zero would be lost).</summary>
    private static bool Plain(string written)
    {
        if (written.Contains('/')) return false;
        int dot = written.IndexOf('.');
        if (dot < 0) return true;
        return written.IndexOf('.', dot + 1) < 0 && written[^1] != '0';
    }

    private static double Parse(string written) =>
        double.TryParse(written, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;

    /// <summary>Whether "第" (with one space at most) stands before <paramref name="start"/>: "第 1 部分".</summary>
    private static bool Chinese第(string text, int start) =>
        (start >= 1 && text[start - 1] == '第') || (start >= 2 && text[start - 1] == ' ' && text[start - 2] == '第');

    private static int PrefixStart(string text, int start) => text[start - 1] == '第' ? start - 1 : start - 2;

    /// <summary>A scale word after a number: " million" (×1e6), "万" or " 万" (×1e4), "百万" (×1e6). Returns 1 and <paramref name="end"/> when there is none.</summary>
    private static (double Scale, int End) Scale(string text, int end, int to)
    {
        int i = end < to && text[end] == ' ' ? end + 1 : end;
        if (i < to && ChineseUnit(text[i]) >= 100)
        {
            double scale = 1;
            while (i < to && ChineseUnit(text[i]) >= 100) scale *= ChineseUnit(text[i++]);
            return (scale, i);
        }
        if (i == end + 1)
            for (int k = 0; k < ScaleWords.Length; k++)
                if (At(text, i, to, ScaleWords[k]) && WordEnds(text, i + ScaleWords[k].Length, to)) return (ScaleValues[k], i + ScaleWords[k].Length);
        return (1, end);
    }

    private static bool At(string text, int at, int to, string word) =>
        at + word.Length <= to && string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool WordEnds(string text, int at, int to) => at >= to || !IsAsciiLetter(text[at]) && !IsDigit(text[at]);

    /// <summary>Chinese numerals (五, 十一, 两, 百万, 二〇二一), with 第 (an ordinal) or 百分之 (a percentage) before them.</summary>
    private static NumberToken? Chinese(string text, int start, int to)
    {
        int i = start;
        var kind = NumberKind.Count;
        if (text[i] == '第')
        {
            int next = i + 1 < to && text[i + 1] == ' ' ? i + 2 : i + 1;
            if (next >= to) return null;
            if (IsDigit(text[next])) return null; // "第 1": the numeral finds its 第
            if (!IsChineseNumeral(text[next])) return null;
            kind = NumberKind.Ordinal;
            i = next;
        }
        else if (At(text, i, to, "百分之") && i + 3 < to && IsChineseNumeral(text[i + 3]))
        {
            kind = NumberKind.Percent;
            i += 3;
        }
        int runStart = i;
        while (i < to && IsChineseNumeral(text[i])) i++;
        if (IsNotNumber(text, runStart, i)) return NotANumber(i);
        double value = ChineseValue(text, runStart, i);
        return Token(text, start, i, value, kind, null);
    }

    /// <summary>Whether a word of <see cref="NotNumbers"/> covers a character of the run.</summary>
    private static bool IsNotNumber(string text, int start, int end)
    {
        for (int p = start; p < end; p++)
            foreach (string word in NotNumbers)
                for (int j = word.IndexOf(text[p]); j >= 0; j = word.IndexOf(text[p], j + 1))
                    if (p - j >= 0 && string.CompareOrdinal(text, p - j, word, 0, word.Length) == 0) return true;
        return false;
    }

    /// <summary>The value of Chinese numerals: 十一 = 11, 二十 = 20, 一百零五 = 105, 百万 = 1000000, 二〇二一 = 2021 (digit by digit).</summary>
    private static double ChineseValue(string text, int start, int end)
    {
        bool units = false;
        for (int i = start; i < end; i++) if (ChineseUnit(text[i]) > 0) units = true;
        if (!units)
        {
            double digits = 0;
            for (int i = start; i < end; i++) digits = digits * 10 + ChineseDigit(text[i]);
            return digits;
        }
        double total = 0, section = 0, number = 0;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            int digit = ChineseDigit(c);
            if (digit >= 0) { number = digit; continue; }
            double unit = ChineseUnit(c);
            if (unit < 1e4)
            {
                section += (number == 0 ? 1 : number) * unit;
                number = 0;
            }
            else
            {
                section += number;
                total = (total + (section == 0 ? 1 : section)) * unit;
                section = 0;
                number = 0;
            }
        }
        return total + section + number;
    }

    /// <summary>An English number word ("five", "Twenty-one", "second", "million"), or a Roman numeral after a label ("Annex II").</summary>
    private static NumberToken? English(string text, int start, int to, int from)
    {
        int i = start;
        while (i < to && IsAsciiLetter(text[i])) i++;
        int end = i;
        if (end < to && IsDigit(text[end])) return SkipWord(text, start, to); // an identifier ("FP4")
        // A word that goes on in an accented Latin letter is another language's ("tenía", "séptimo"), not "ten".
        if (end < to && char.IsLetter(text[end]) && text[end] < '\u0250')
        {
            while (i < to && char.IsLetter(text[i]) && text[i] < '\u0250') i++;
            return NotANumber(i);
        }
        string word = text[start..end].ToLowerInvariant();
        if (Roman(text, start, end, to, from) is { } roman) return roman;
        int value = Word(word, out var kind);
        if (value < 0) return NotANumber(end);
        // "twenty-one", "twenty-first"
        if (value >= 20 && value < 100 && kind == NumberKind.Count && end + 1 < to && text[end] == '-' && IsAsciiLetter(text[end + 1]))
        {
            int j = end + 1;
            while (j < to && IsAsciiLetter(text[j])) j++;
            int unit = Word(text[(end + 1)..j].ToLowerInvariant(), out var unitKind);
            if (unit is >= 1 and <= 9) { value += unit; kind = unitKind; end = j; }
        }
        foreach (string phrase in NotNumbers)
        {
            int at = phrase.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && at <= start && At(text, start - at, to, phrase) && WordEnds(text, start - at + phrase.Length, to)
                && (start - at == 0 || !IsAsciiLetter(text[start - at - 1])))
                return NotANumber(end);
        }
        double number = value;
        if (kind == NumberKind.Count)
        {
            // "62 per cent" is found from its numeral; "sixty per cent" from its word.
            if (At(text, end, to, " per cent") && WordEnds(text, end + 9, to)) return Token(text, start, end + 9, number, NumberKind.Percent, null);
            var (scale, scaleEnd) = Scale(text, end, to);
            if (scaleEnd > end && value < 100) return Token(text, start, scaleEnd, number * scale, kind, null);
        }
        return Token(text, start, end, number, kind, null);
    }

    /// <summary>A number word's value (−1 for any other word) and kind.</summary>
    private static int Word(string word, out NumberKind kind)
    {
        kind = NumberKind.Count;
        int n = Array.IndexOf(Cardinals, word);
        if (n >= 0) return n;
        n = Array.IndexOf(Tens, word);
        if (n >= 2) return n * 10;
        kind = NumberKind.Ordinal;
        n = Array.IndexOf(Ordinals, word);
        if (n >= 1) return n;
        n = Array.IndexOf(TensOrdinals, word);
        if (n >= 2) return n * 10;
        kind = NumberKind.Count;
        for (int k = 0; k < ScaleWords.Length; k++)
            if (word == ScaleWords[k]) return (int)ScaleValues[k];
        return -1;
    }

    /// <summary>"II" in "Annex II", "IV" in "chart IV": capitals that read as a Roman numeral after a label.</summary>
    private static NumberToken? Roman(string text, int start, int end, int to, int from)
    {
        for (int i = start; i < end; i++) if ("IVXLC".IndexOf(text[i]) < 0) return null;
        int labelEnd = start - 1;
        if (labelEnd <= from || text[labelEnd] != ' ') return null;
        int labelStart = labelEnd;
        while (labelStart > from && IsAsciiLetter(text[labelStart - 1])) labelStart--;
        string label = text[labelStart..labelEnd].ToLowerInvariant();
        if (label.EndsWith("es", StringComparison.Ordinal) && Array.IndexOf(RomanLabels, label[..^2]) >= 0) label = label[..^2];
        else if (label.EndsWith('s') && Array.IndexOf(RomanLabels, label[..^1]) >= 0) label = label[..^1];
        if (Array.IndexOf(RomanLabels, label) < 0) return null;
        int value = RomanValue(text, start, end);
        return value > 0 ? Token(text, start, end, value, NumberKind.Count, null) : null;
    }

    /// <summary>A Roman numeral's value, or 0 when the letters are not one as <see cref="Document.Numbering.Roman"/> writes it ("IIII").</summary>
    private static int RomanValue(string text, int start, int end)
    {
        int value = 0;
        for (int i = start; i < end; i++)
        {
            int v = Letter(text[i]), next = i + 1 < end ? Letter(text[i + 1]) : 0;
            value += v < next ? -v : v;
        }
        return value > 0 && string.CompareOrdinal(Document.Numbering.Roman(value), 0, text, start, end - start) == 0 && Document.Numbering.Roman(value).Length == end - start ? value : 0;
        static int Letter(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 0 };
    }
}
