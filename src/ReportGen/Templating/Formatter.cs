using System.Globalization;

using ReportGen.Charts;
using ReportGen.Typesetting;

namespace ReportGen.Templating;

/// <summary>
/// Numbers, percentages, money, dates and lists in each language's UN editorial style.
/// English: words below 10 in running text, figures from 10, "41 per cent", "USD 1.3 million",
/// "15 and 16 November 2021", "1.1, 3.1 and 4.2". Chinese: Arabic numerals, "41%", "130 万美元",
/// "2021 年 11 月 15 日和 16 日", "1.1、3.1 和 4.2". The culture is fixed here, never the machine's.
/// </summary>
public abstract class Formatter : INumberFormat
{
    protected static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The formatter of a language's number style (<see cref="LanguageProfile.Numbers"/>), writing for that language.</summary>
    public static Formatter For(string language) => LanguageProfiles.For(language).Numbers.Style switch
    {
        NumberStyle.English => new EnglishFormatter(language),
        NumberStyle.Chinese => new ChineseFormatter(language),
        NumberStyle.Worded => new WordedFormatter(language),
        NumberStyle.Russian => new RussianFormatter(language),
        NumberStyle.Arabic => new ArabicFormatter(language),
        var style => throw new ArgumentOutOfRangeException(nameof(language), style, "no formatter for this number style"),
    };

    public abstract string Language { get; }

    /// <summary>A count in running text.</summary>
    public abstract string Count(double value);

    /// <summary>A count at the start of a sentence.</summary>
    public virtual string CountAtSentenceStart(double value) => Count(value);

    /// <summary>A plain figure, for tables: group separators in English, none in Chinese.</summary>
    public abstract string Figure(double value, int decimals = 0);

    /// <summary>A share (0–1) as a percentage, rounded to <paramref name="decimals"/> places, half away from zero.</summary>
    public abstract string Percent(double share, int decimals = 0);

    /// <summary>A compact percentage for tables and charts: "41%" in English and Chinese, "41 %" in French.</summary>
    public virtual string PercentSign(double share, int decimals = 0) => Round(share * 100, decimals).ToString(Grouped(decimals), Invariant) + PercentMark;

    /// <summary>A percentage in a chart's headline line ("Projects covering all four domains: 11%"): the compact form, or the running text's where the language writes headlines as sentences (Arabic "11 في المائة").</summary>
    public virtual string HeadlinePercent(double share, int decimals = 0) => PercentSign(share, decimals);

    /// <summary>What follows a figure to make it a percentage in tables: "%", or French's narrow no-break space and "%".</summary>
    protected virtual string PercentMark => "%";

    public abstract string Usd(double amount);

    /// <summary>An indicator value in its unit (number, percent, usd), with the decimals it needs (at most two).</summary>
    public string Measure(double value, string unit)
    {
        int decimals = Round(value, 0) == value ? 0 : Round(value, 1) == value ? 1 : 2;
        return unit switch
        {
            "percent" => Figure(value, decimals) + PercentMark,
            "usd" => Usd(value),
            _ => Figure(value, decimals),
        };
    }

    public abstract string Date(DateOnly date);

    public abstract string DateRange(DateOnly start, DateOnly end);

    /// <summary>Joins items as a list: "a, b and c" / "a、b 和 c".</summary>
    public abstract string List(IReadOnlyList<string> items);

    /// <summary>
    /// The form of a noun that agrees with <paramref name="n"/>, by the language's plural rule
    /// (<see cref="LanguageProfile.Plural"/>): forms given in the rule's order ("project" "projects";
    /// "проект" "проекта" "проектов"). A wrong number of forms is an <see cref="ArgumentException"/>.
    /// </summary>
    public string Plural(double n, IReadOnlyList<string> forms) => Plurals.Choose(LanguageProfiles.For(Language).Plural, n, forms);

    /// <summary>
    /// A count with its noun, agreeing in gender and number by the profile's count words
    /// (<see cref="NumberFormats.Counts"/>) and plural rule (the <c>count</c> helper; docs/arabic.md, "Counts").
    /// <paramref name="forms"/>: the noun's singular, dual (in the case the sentence needs), plural and
    /// accusative singular ("نتيجة" "نتيجتين" "نتائج" "نتيجة"; "مشروع" "مشروعان" "مشاريع" "مشروعا").
    /// Indefinite: "مشروع واحد", "مشروعان", "ثلاث نتائج", "ستة مجالات", "11 نتيجة", "20 مشروعا", "100 مشروع",
    /// "103 مشاريع". Definite (the forms definite, the number their adjective): "المشروع الوحيد", "المجالين",
    /// "مجالات التغيير الأربعة", "النتائج الاثنتي عشرة" (<paramref name="nominative"/> false), "النتائج الـ 25".
    /// </summary>
    public string Counted(double n, IReadOnlyList<string> forms, bool feminine, bool definite = false, bool nominative = true, string prefix = "")
    {
        string text = Counted(n, forms, feminine, definite, nominative);
        if (prefix.Length == 0) return text;
        var words = LanguageProfiles.For(Language).Numbers.Counts!;
        if (char.IsLetter(text[0])) return prefix + text;
        return (!words.SpacedPrefixes.IsDefault && words.SpacedPrefixes.Contains(prefix) ? prefix + " " : string.Format(Invariant, words.PrefixBeforeFigure, prefix)) + text;
    }

    private string Counted(double n, IReadOnlyList<string> forms, bool feminine, bool definite, bool nominative)
    {
        var profile = LanguageProfiles.For(Language);
        var words = profile.Numbers.Counts ?? throw new NotSupportedException($"{profile.Name} has no count words (LanguageProfile.Numbers.Counts): write the count with num and plural");
        if (forms.Count != 4) throw new ArgumentException($"4 forms of the noun are needed (singular, dual, plural, accusative singular), not {forms.Count}", nameof(forms));
        var category = Plurals.Of(profile.Plural, n);
        string Form(PluralCategory c) => c switch
        {
            PluralCategory.Two => forms[1],
            PluralCategory.Few => forms[2],
            PluralCategory.Many => forms[3],
            _ => forms[0], // one, and the genitive singular of a hundred, 101, 102, zero and fractions
        };
        bool whole = n == Math.Floor(n) && n >= 0;
        int i = whole && n < int.MaxValue ? (int)n : -1;
        if (definite)
        {
            var adjectives = feminine ? words.DefiniteFeminine : words.DefiniteMasculine;
            if (i == 1) return $"{forms[0]} {(feminine ? words.DefiniteOne.Feminine : words.DefiniteOne.Masculine)}";
            if (i == 2) return forms[1];
            if (i > 2 && i < adjectives.Length && adjectives[i].Length > 0)
            {
                string[] cases = adjectives[i].Split('|');
                return $"{forms[2]} {(nominative ? cases[0] : cases[^1])}";
            }
            return $"{forms[2]} {string.Format(Invariant, words.DefiniteFigure, Count(n))}";
        }
        if (i >= 1 && i <= words.InWordsTo)
        {
            string word = (feminine ? words.Feminine : words.Masculine)[i];
            if (word.Length == 0) return Form(category);
            return words.FollowsNoun.Contains(i) ? $"{Form(category)} {word}" : $"{word} {Form(category)}";
        }
        return $"{Count(n)} {Form(category)}";
    }

    /// <summary>An ordinal in words: "second" / "第二".</summary>
    public abstract string Ordinal(int n);

    /// <summary>A chart's number: Roman numerals (Chinese numerals in Chinese) or Arabic digits.</summary>
    public virtual string ChartNumber(int n, bool roman) => roman ? Document.Numbering.Roman(n) : n.ToString(Invariant);

    /// <summary>
    /// The words of chart references in a language that writes "chart IV", "charts I and II", "charts III to VIII":
    /// the word for a chart and for a figure (the profile's caption words in lower case, as in running text), and the word of a range.
    /// </summary>
    protected virtual (string Chart, string Figure, string Range) ChartWords
    {
        get
        {
            var profile = LanguageProfiles.For(Language);
            string range = profile.ChartRangeWord ?? throw new NotSupportedException($"{Language} words its chart references itself");
            return (profile.ChartWord.ToLowerInvariant(), (profile.FigureWord ?? profile.ChartWord).ToLowerInvariant(), range);
        }
    }

    /// <summary>A reference to charts by number: "chart IV", "charts I and II", "charts III to VIII" / "图四", "图一和图二", "图三至图八".</summary>
    public string ChartReference(IReadOnlyList<int> numbers, bool roman, bool figure = false)
    {
        var sorted = numbers.Distinct().Order().ToList();
        bool consecutive = sorted.Count >= 3 && sorted[^1] - sorted[0] == sorted.Count - 1;
        return ChartReference(sorted.Select(n => ChartNumber(n, roman)).ToList(), consecutive, figure);
    }

    /// <param name="figure">the document calls its charts figures (UN style for the annual report: "Figure I", "figures I and II")</param>
    protected virtual string ChartReference(IReadOnlyList<string> numbers, bool range, bool figure)
    {
        string word = figure ? ChartWords.Figure : ChartWords.Chart;
        return numbers.Count switch
        {
            1 => $"{word} {numbers[0]}",
            _ when range => $"{word}s {numbers[0]} {ChartWords.Range} {numbers[^1]}",
            _ => $"{word}s " + List(numbers),
        };
    }

    /// <summary>A chart's caption label: "Chart II" / "Figure I" / "图二" / "图 1".</summary>
    public virtual string ChartCaption(int n, bool roman, bool figure) => Charts.ChartCaption.Label(ChartNumber(n, roman), LanguageProfiles.For(Language), figure);

    /// <summary>The words between two items of a list ("last": before the last item), given the visible characters around them.</summary>
    /// <param name="commas">the items hold "and" themselves (<see cref="JoinNeedsCommas"/>)</param>
    public abstract string JoinWord(bool last, char before, char after, bool commas = false);

    /// <summary>
    /// The language's spacing of the whole text, and where each character of it went: the profile's
    /// <see cref="LanguageProfile.Spacing"/> (French, Russian), whatever spaces the templates and the
    /// workbook typed; none (English): as written. A space typed before a mark of its
    /// <c>Before</c>, after one of its <c>After</c> or between a digit and "%" becomes the rule's
    /// no-break space. Only a space already there is changed (a colon in "https:" or a Markdown
    /// table's "|:--" has none; a line's indentation is left alone), so every character stays where it was.
    /// </summary>
    public virtual (string Text, int[] At) Space(string text)
    {
        var at = new int[text.Length + 1];
        for (int k = 0; k <= text.Length; k++) at[k] = k;
        if (LanguageProfiles.For(Language).Spacing is not { } rule) return (text, at);
        char[] marks = [.. rule.Before.Select(m => m.Mark), .. rule.After.Select(m => m.Mark), .. rule.BeforePercent is null ? "" : "%"];
        if (text.IndexOfAny(marks) < 0 && rule.UnitWords.IsDefaultOrEmpty) return (text, at);
        var result = text.ToCharArray();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ') continue;
            char before = i > 0 ? text[i - 1] : '\n', after = VisibleNeighbour(text, i, +1), previous = VisibleNeighbour(text, i, -1);
            // A workbook value comes Markdown-escaped ("Villes inclusives \: renforcer"): the mark is the one after the backslash.
            if (after == '\\') after = VisibleNeighbour(text, text.IndexOf('\\', i), +1);
            if (before is '\n' or ' ') continue; // a line's indentation, Markdown's
            if (SpaceAt(rule, after, previous) is { } space) result[i] = space;
            else if (rule.BeforePercent is { } noBreak && char.IsAsciiDigit(previous) && UnitWordAt(rule, text, i + 1)) result[i] = noBreak;
        }
        return (new string(result), at);
    }

    /// <summary>Whether one of the rule's unit words ("году") starts at <paramref name="at"/> of <paramref name="text"/>, as a whole word.</summary>
    private static bool UnitWordAt(PunctuationSpacing rule, string text, int at)
    {
        foreach (string word in rule.UnitWords)
            if (string.CompareOrdinal(text, at, word, 0, word.Length) == 0 && (at + word.Length >= text.Length || !char.IsLetter(text[at + word.Length]))) return true;
        return false;
    }

    /// <summary>The no-break space of <paramref name="rule"/> between <paramref name="previous"/> and <paramref name="after"/>, or null (an ordinary space).</summary>
    private static char? SpaceAt(PunctuationSpacing rule, char after, char previous)
    {
        foreach (var (mark, space) in rule.Before) if (after == mark) return space;
        foreach (var (mark, space) in rule.After) if (previous == mark) return space;
        return after == '%' && char.IsAsciiDigit(previous) ? rule.BeforePercent : null;
    }

    /// <summary>
    /// Whether the join opening at <paramref name="open"/> has items that hold the word "and" outside
    /// brackets and quotation marks ("Asia and the Pacific"): English then sets every item off with
    /// commas ("Africa, and Asia and the Pacific, each had…"), so the list cannot be misread.
    /// </summary>
    public virtual bool JoinNeedsCommas(string text, int open) => false;

    /// <summary>What ends a join: the closing comma of a list set off with commas, unless punctuation follows.</summary>
    public virtual string JoinEnd(bool commas, char after) => "";

    /// <summary>Replaces the marks a <c>join</c> block leaves around and between its items with the language's list words.</summary>
    public string ResolveJoins(string text)
    {
        if (text.IndexOfAny([Helpers.JoinSeparator, Helpers.JoinLast, Helpers.JoinOpen]) < 0) return text;
        var result = new System.Text.StringBuilder(text.Length + 16);
        var commas = new Stack<bool>();
        for (int i = 0; i < text.Length; i++)
            if (JoinMarkWords(text, i, commas) is { } words) result.Append(words);
            else result.Append(text[i]);
        return result.ToString();
    }

    /// <summary>
    /// The one rule for a join mark (<see cref="Helpers.JoinOpen"/>, <see cref="Helpers.JoinSeparator"/>,
    /// <see cref="Helpers.JoinLast"/>, <see cref="Helpers.JoinClose"/>) at <paramref name="at"/> of
    /// <paramref name="text"/>: the words that stand for it ("" for an opening), or null when the
    /// character there is no join mark. <paramref name="commas"/> holds, per open join, whether its
    /// items are set off with commas (<see cref="JoinNeedsCommas"/>); pass the same stack along the text.
    /// Both the front matter's words (<see cref="ResolveJoins"/>) and a body's text read joins here.
    /// </summary>
    public string? JoinMarkWords(string text, int at, Stack<bool> commas)
    {
        char c = text[at];
        if (c == Helpers.JoinOpen) { commas.Push(JoinNeedsCommas(text, at)); return ""; }
        if (c == Helpers.JoinClose) return JoinEnd(commas.Count > 0 && commas.Pop(), VisibleNeighbour(text, at, +1));
        if (c is Helpers.JoinSeparator or Helpers.JoinLast) return JoinWordAt(text, at, c == Helpers.JoinLast, commas.Count > 0 && commas.Peek());
        return null;
    }

    /// <summary>The words of the join at <paramref name="at"/> of <paramref name="text"/>: <see cref="JoinWord"/> from the characters around it, unless a language needs to see more of the next item (Spanish "y" or "e").</summary>
    protected virtual string JoinWordAt(string text, int at, bool last, bool commas) =>
        JoinWord(last, VisibleNeighbour(text, at, -1), VisibleNeighbour(text, at, +1), commas);

    /// <summary>The nearest character of text beside position <paramref name="from"/>, looking past marks (private-use characters) and trace ids.</summary>
    public static char VisibleNeighbour(string text, int from, int step)
    {
        for (int i = from + step; i >= 0 && i < text.Length; i += step)
        {
            // A trace mark's id (U+E000 id U+E001) is not text: skip to the text it wraps.
            if (step > 0 && text[i] == TraceLog.Open) { int middle = text.IndexOf(TraceLog.Middle, i); if (middle > 0) { i = middle; continue; } }
            if (!char.IsSurrogate(text[i]) && text[i] is not (>= '\uE000' and <= '\uF8FF')) return text[i];
        }
        return ' ';
    }

    /// <summary>A number written with invariant separators ("4,000.5"), in a profile's ("4.000,5", "4 000,5"): the one rule of every formatter's separators.</summary>
    protected static string Separated(string invariant, NumberFormats numbers)
    {
        if (numbers.GroupSeparator == "," && numbers.DecimalSeparator == ".") return invariant;
        var text = new System.Text.StringBuilder(invariant.Length + 4);
        foreach (char c in invariant) text.Append(c switch { ',' => numbers.GroupSeparator, '.' => numbers.DecimalSeparator, _ => c.ToString() });
        return text.ToString();
    }

    public static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    protected static string Fixed(int decimals) => decimals == 0 ? "0" : "0." + new string('0', decimals);

    /// <summary>As <see cref="Fixed"/>, with the digits grouped by thousands: a percentage of four digits reads "1,800 per cent" (UN style), as a table's sums do.</summary>
    protected static string Grouped(int decimals) => decimals == 0 ? "#,0" : "#,0." + new string('0', decimals);

    /// <summary>A money figure scaled and trimmed: 1,300,000 at 1e6 → "1.3".</summary>
    protected static string Scaled(double amount, double unit)
    {
        double scaled = amount / unit;
        int decimals = scaled >= 100 ? 0 : 1;
        return Round(scaled, decimals).ToString(decimals == 0 ? "#,0" : "#,0.#", Invariant);
    }
}

/// <summary>
/// The English style of numbers, with the profile's conventions (<see cref="NumberFormats"/>): its
/// separators, percentage, currency and date patterns, and whether counts below ten are words.
/// </summary>
public sealed class EnglishFormatter(string language = "en") : Formatter
{
    private readonly NumberFormats _numbers = LanguageProfiles.For(language).Numbers;

    public override string Language => language;

    private string Separators(string invariant) => Separated(invariant, _numbers);

    public override string Count(double value) =>
        _numbers.SmallCountsInWords && value >= 0 && value < 10 && value == Math.Floor(value) ? NumberText.EnglishCardinal((int)value) : Figure(value, value == Math.Floor(value) ? 0 : 1);

    public override string CountAtSentenceStart(double value)
    {
        string text = Count(value);
        return char.IsAsciiLetterLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    public override string Figure(double value, int decimals = 0) =>
        Separators(Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Invariant));

    public override string Percent(double share, int decimals = 0) =>
        string.Format(Invariant, _numbers.Percent, Separators(Round(share * 100, decimals).ToString(Grouped(decimals), Invariant)));

    public override string Usd(double amount) => string.Format(Invariant, _numbers.Currency, amount switch
    {
        >= 1e9 => $"{Separators(Scaled(amount, 1e9))} billion",
        >= 1e6 => $"{Separators(Scaled(amount, 1e6))} million",
        _ => Figure(amount),
    });

    public override string Date(DateOnly date) => date.ToString(_numbers.Date, Invariant);

    public override string DateRange(DateOnly start, DateOnly end)
    {
        if (start == end) return Date(start);
        string year = end.ToString("yyyy", Invariant);
        if (start.Year == end.Year && start.Month == end.Month)
        {
            string link = end.DayNumber - start.DayNumber == 1 ? " and " : "–";
            return $"{start.Day}{link}{end.Day} {end.ToString("MMMM", Invariant)} {year}";
        }
        return start.Year == end.Year
            ? $"{start.ToString("d MMMM", Invariant)}–{Date(end)}"
            : $"{Date(start)}–{Date(end)}";
    }

    public override string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    // Words up to "tenth", as for counts below ten; "11th" on.
    public override string Ordinal(int n) => n >= 0 && n <= 10 ? NumberText.EnglishOrdinal(n) : NumberText.OrdinalSuffixed(n);


    public override string JoinWord(bool last, char before, char after, bool commas = false) => last ? (commas ? ", and " : " and ") : ", ";

    public override bool JoinNeedsCommas(string text, int open)
    {
        int depth = 0, items = 1;
        bool and = false;
        for (int i = open + 1; i < text.Length && depth >= 0; i++)
        {
            char c = text[i];
            if (c == Helpers.JoinOpen) depth++;
            else if (c == Helpers.JoinClose) depth--;
            else if (c is Helpers.JoinSeparator or Helpers.JoinLast)
            {
                if (depth == 0) items++;
                else if (c == Helpers.JoinLast) and = true; // a list inside an item reads "… and …"
            }
            else if (c is '(' or '“') i = Skip(text, i, c == '(' ? ')' : '”');
            else if (c == ' ' && string.CompareOrdinal(text, i, " and ", 0, 5) == 0) and = true;
        }
        return and && items > 1;
    }

    /// <summary>The position of <paramref name="close"/> after <paramref name="from"/>, or of the join's end if it comes first.</summary>
    private static int Skip(string text, int from, char close)
    {
        for (int i = from + 1; i < text.Length; i++)
            if (text[i] == close) return i;
            else if (text[i] is Helpers.JoinClose or Helpers.JoinSeparator or Helpers.JoinLast) return i - 1;
        return text.Length;
    }

    public override string JoinEnd(bool commas, char after) => commas && after is not ('.' or ',' or ';' or ':' or ')' or '?' or '!') ? "," : "";
}

public sealed class ChineseFormatter(string language = "zh") : Formatter
{
    public override string Language => language;

    /// <summary>
    /// The one rule for counts in Chinese running text (docs/templates.md): a whole count below ten is
    /// written in Chinese numerals, joined to its measure word (四个, 两项, 零项), as the English
    /// spells it and as 第一 writes an ordinal, so that no paragraph sets 4 个 beside 第一部分; ten
    /// and above, and decimals, in digits without grouping ("12 项", "142 项"; FAO Chinese style).
    /// Templates write {{num x}}个 with no space: the spacing rule sets "12 个" and leaves "四个".
    /// </summary>
    public override string Count(double value) =>
        value >= 0 && value < 10 && value == Math.Floor(value) ? SmallCounts[(int)value].ToString()
        : Round(value, value == Math.Floor(value) ? 0 : 1).ToString(Fixed(value == Math.Floor(value) ? 0 : 1), Invariant);

    /// <summary>0–9 before a measure word: 两, not 二, for two (两个, 两项).</summary>
    private const string SmallCounts = "零一两三四五六七八九";

    // Tables group digits by thousands, as the English tables do, so a column of sums reads the same in both editions ("9,800,000").
    public override string Figure(double value, int decimals = 0) => Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Invariant);

    // Running text groups no digits (as Count); the tables' percentages do (PercentSign), as their sums.
    public override string Percent(double share, int decimals = 0) => Round(share * 100, decimals).ToString(Fixed(decimals), Invariant) + "%";

    /// <summary>
    /// Sums in 万 and 亿, their digits grouped by thousands as the tables group them, with a no-break
    /// space rather than a comma (UN Chinese style: "6 400 万美元", "1 250 亿美元"), so a line never breaks
    /// inside the number.
    /// </summary>
    public override string Usd(double amount) => amount switch
    {
        >= 1e8 => $"{Grouped(Scaled(amount, 1e8))} 亿美元",
        >= 1e4 => $"{Grouped(Scaled(amount, 1e4))} 万美元",
        _ => $"{Grouped(Figure(amount))} 美元",
    };

    /// <summary>The thousands separator of a Chinese sum in running text (U+00A0 NO-BREAK SPACE; NumberText reads it as a group).</summary>
    public const char GroupSeparator = '\u00A0';

    private static string Grouped(string figure) => figure.Replace(',', GroupSeparator);

    public override string Date(DateOnly date) => $"{date.Year} 年 {date.Month} 月 {date.Day} 日";

    public override string DateRange(DateOnly start, DateOnly end)
    {
        if (start == end) return Date(start);
        if (start.Year == end.Year && start.Month == end.Month)
            return end.DayNumber - start.DayNumber == 1
                ? $"{Date(start)}和 {end.Day} 日"
                : $"{Date(start)}至 {end.Day} 日";
        return start.Year == end.Year
            ? $"{Date(start)}至 {end.Month} 月 {end.Day} 日"
            : $"{Date(start)}至{Date(end)}";
    }

    public override string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => Spaced(Spaced(string.Join("、", items.Take(items.Count - 1)), "和"), items[^1]),
    };

    public override string Ordinal(int n) => "第" + Document.Numbering.Chinese(n);

    public override string ChartNumber(int n, bool roman) => roman ? Document.Numbering.Chinese(n) : n.ToString(Invariant);

    // Each number keeps its 图: "图一和图二", "图三至图八" (a digit is set apart by a space: "图 1").
    protected override string ChartReference(IReadOnlyList<string> numbers, bool range, bool figure)
    {
        var refs = numbers.Select(n => Spaced(ChartWords.Chart, n)).ToList();
        return range ? Spaced(Spaced(refs[0], ChartWords.Range), refs[^1]) : List(refs);
    }


    /// <summary>"、" between items and "和" before the last, spaced from a Latin letter or digit beside it (<see cref="MixedSpacing"/>).</summary>
    public override string JoinWord(bool last, char before, char after, bool commas = false) =>
        !last ? "、" : (MixedSpacing.Between(before, '和') == MixedSpacing.Gap.One ? " " : "") + "和" + (MixedSpacing.Between('和', after) == MixedSpacing.Gap.One ? " " : "");

    /// <summary>
    /// Concatenates with a space only where Han meets a Latin letter or digit, as Chinese UN texts
    /// set mixed runs ("和 4.2", but "非洲和亚洲"): the rule of <see cref="MixedSpacing"/>.
    /// </summary>
    public static string Spaced(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0) return left + right;
        // What shows beside the join, past trace marks (a traced list item "\uE0001\uE0014.2\uE002" shows as 4.2).
        char l = VisibleNeighbour(left, left.Length, -1), r = VisibleNeighbour(right, -1, +1);
        return MixedSpacing.Between(l, r) == MixedSpacing.Gap.One ? left + " " + right : left + right;
    }

    /// <summary>
    /// Brings the whole text of a Chinese document to the one spacing rule (<see cref="MixedSpacing"/>),
    /// whatever spaces the templates typed: one space between Han and a Latin word or number, none
    /// beside full-width punctuation. Trace marks (U+E000 id U+E001 text U+E002) stay around their
    /// text: a space goes before a mark that opens, after one that closes. Spaces at the start or
    /// end of a line (Markdown's) are left alone. <c>At[k]</c> is where character k of the text went.
    /// </summary>
    public override (string Text, int[] At) Space(string text)
    {
        var result = new System.Text.StringBuilder(text.Length + 32);
        var at = new int[text.Length + 1];
        char previous = '\n'; // the last visible character written (a space, a line's start, or text)
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ' ')
            {
                int end = i;
                while (end < text.Length && text[end] == ' ') end++;
                char next = VisibleNeighbour(text, end - 1, +1);
                var gap = previous is '\n' or ' ' || next is '\n' or ' ' ? MixedSpacing.Gap.AsWritten : MixedSpacing.Between(previous, next);
                for (int k = i; k < end; k++) at[k] = result.Length;
                if (gap == MixedSpacing.Gap.AsWritten) result.Append(' ', end - i);
                else if (gap == MixedSpacing.Gap.One) result.Append(' ');
                previous = gap == MixedSpacing.Gap.None ? previous : ' ';
                i = end;
                continue;
            }
            bool opens = c == TraceLog.Open;
            if (opens || !IsMark(c))
            {
                char next = opens ? VisibleNeighbour(text, i - 1, +1) : c;
                if (previous is not ('\n' or ' ') && next is not ('\n' or ' ') && MixedSpacing.Between(previous, next) == MixedSpacing.Gap.One)
                {
                    result.Append(' ');
                    previous = ' ';
                }
            }
            at[i] = result.Length;
            if (opens && text.IndexOf(TraceLog.Middle, i) is int middle and > 0)
            {
                // The mark and its id, as they are.
                for (int k = i; k <= middle; k++) { at[k] = result.Length; result.Append(text[k]); }
                i = middle + 1;
                continue;
            }
            result.Append(c);
            if (!IsMark(c)) previous = c;
            i++;
        }
        at[text.Length] = result.Length;
        return (result.ToString(), at);
    }

    private static bool IsMark(char c) => c is >= '\uE000' and <= '\uF8FF';

}

/// <summary>
/// The number style whose every word and pattern is the profile's (<see cref="NumberWords"/>):
/// separators, percentage and currency patterns, months, list words, counts and ordinals in words,
/// money scales with their singular and plural (by the profile's plural rule). Spanish: "1.234,5",
/// "41%", "1,3 millones de dólares", "1 millón de dólares", "4 de octubre de 2021", "5 a 9 de mayo
/// de 2021", "a, b y c", "a, b e innovación", "cuatro esferas" (the profile's words: Spanish 2 to 10),
/// "tercer año", "11.º". French: "1 234,5", "41 %", "1,3 million de dollars", "64 millions de
/// dollars", "1er octobre 2021", "5–9 mai 2021", "a, b et c", "quatre domaines", "deuxième année", "11e".
/// </summary>
public sealed class WordedFormatter : Formatter
{
    private readonly NumberFormats _numbers;
    private readonly NumberWords _words;
    private readonly PluralRule _plural;

    public WordedFormatter(string language)
    {
        Language = language;
        var profile = LanguageProfiles.For(language);
        _numbers = profile.Numbers;
        _plural = profile.Plural;
        _words = WordedText.Of(language);
    }

    public override string Language { get; }

    private string Separators(string invariant) => Separated(invariant, _numbers);

    private bool Whole(double value) => value == Math.Floor(value);

    public override string Count(double value) =>
        _numbers.SmallCountsInWords && value >= 0 && value < _words.Cardinals.Length && Whole(value) && _words.Cardinals[(int)value].Length > 0
            ? _words.Cardinals[(int)value] : Figure(value, Whole(value) ? 0 : 1);

    public override string CountAtSentenceStart(double value)
    {
        string text = Count(value);
        return char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    public override string Figure(double value, int decimals = 0) =>
        Separators(Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Invariant));

    private string PercentFigure(double share, int decimals) =>
        Separators(Round(share * 100, decimals).ToString(_words.GroupsPercentages ? Grouped(decimals) : Fixed(decimals), Invariant));

    public override string Percent(double share, int decimals = 0) => string.Format(Invariant, _numbers.Percent, PercentFigure(share, decimals));

    public override string PercentSign(double share, int decimals = 0) => string.Format(Invariant, _numbers.CompactPercent, PercentFigure(share, decimals));

    protected override string PercentMark => _numbers.CompactPercent.Replace("{0}", "", StringComparison.Ordinal);

    // The largest scale the sum reaches, its word agreeing with the scaled figure by the profile's plural rule
    // ("1 millón de", "1,3 millones de"; French "1,3 million de", "2 millions de").
    public override string Usd(double amount)
    {
        foreach (var (unit, one, many) in _words.Scales)
        {
            if (amount < unit) continue;
            double scaled = Round(amount / unit, amount / unit >= 100 ? 0 : 1);
            return string.Format(Invariant, _numbers.Currency, $"{Separators(Scaled(amount, unit))} {(Plurals.Of(_plural, scaled) == PluralCategory.One ? one : many)}");
        }
        return string.Format(Invariant, _numbers.Currency, Figure(amount));
    }

    public override string Date(DateOnly date) => WordedText.Date(_words, date);

    public override string DateRange(DateOnly start, DateOnly end) => WordedText.DateRange(_words, start, end);

    public override string List(IReadOnlyList<string> items) => WordedText.List(_words, items);

    public override string Ordinal(int n) => WordedText.Ordinal(_words, n);

    public override string JoinWord(bool last, char before, char after, bool commas = false) => last ? _words.And : ", ";

    protected override string JoinWordAt(string text, int at, bool last, bool commas) => last ? WordedText.And(_words, text, at + 1) : ", ";
}

/// <summary>
/// Dates, ranges of dates, lists and ordinals written from a profile's <see cref="NumberWords"/>:
/// the one home of that machinery, read by the worded formatter (French, Spanish) and the Russian one.
/// </summary>
public static class WordedText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The words of a language's profile; a profile without them is an <see cref="ArgumentException"/>.</summary>
    public static NumberWords Of(string language) =>
        LanguageProfiles.For(language).Numbers.Words ?? throw new ArgumentException($"the profile of '{language}' gives no words for its numbers", nameof(language));

    private static string Day(NumberWords words, DateOnly date) => date.Day == 1 && words.FirstDay is { } first ? first : date.Day.ToString(Invariant);

    private static string DayMonth(NumberWords words, DateOnly date) => Day(words, date) + words.DateLink + words.Months[date.Month - 1];

    /// <summary>"4 de octubre de 2021", "1er octobre 2021", "4 октября 2021 года".</summary>
    public static string Date(NumberWords words, DateOnly date) => DayMonth(words, date) + words.DateLink + date.Year.ToString(Invariant) + words.YearWord;

    /// <summary>
    /// Two consecutive days linked by the list word ("15 y 16 de noviembre de 2021", "15 et 16 novembre 2021"),
    /// more by <see cref="NumberWords.Through"/> ("5 a 9 de mayo de 2021", "5–9 mai 2021"), across months
    /// or years by <see cref="NumberWords.ThroughMonths"/> ("30 марта — 3 апреля 2021 года").
    /// </summary>
    public static string DateRange(NumberWords words, DateOnly start, DateOnly end)
    {
        if (start == end) return Date(words, start);
        if (start.Year == end.Year && start.Month == end.Month)
            return Day(words, start) + (end.DayNumber - start.DayNumber == 1 ? words.And : words.Through) + Date(words, end);
        return (start.Year == end.Year ? DayMonth(words, start) : Date(words, start)) + (words.ThroughMonths ?? words.Through) + Date(words, end);
    }

    /// <summary>"a, b y c" (no comma before the list word; "e" before the sound of i where the words say so).</summary>
    public static string List(NumberWords words, IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + And(words, items[^1], 0) + items[^1],
    };

    /// <summary>An ordinal in words where the profile gives one ("tercer", "deuxième", "второй"), else the figure and its suffix ("11.º", "11e", "11-й").</summary>
    public static string Ordinal(NumberWords words, int n) =>
        n >= 0 && n < words.Ordinals.Length && words.Ordinals[n].Length > 0 ? words.Ordinals[n] : n.ToString(Invariant) + words.OrdinalSuffix;

    /// <summary>The list word before the item that starts at <paramref name="from"/> of <paramref name="text"/>: "e" before the sound of i ("e innovación", "e hidrógeno", "e Italia"), else "y" ("y hielo", "figuras I y II").</summary>
    public static string And(NumberWords words, string text, int from)
    {
        if (words.AndBeforeStarts.IsDefaultOrEmpty) return words.And;
        var start = new System.Text.StringBuilder(4);
        for (int i = from; i < text.Length && start.Length < 3; i++)
        {
            char c = text[i];
            // A trace mark's id (U+E000 id U+E001) is not text: skip to the text it wraps.
            if (c == TraceLog.Open && text.IndexOf(TraceLog.Middle, i) is int middle and > 0) { i = middle; continue; }
            if (c is >= '\uE000' and <= '\uF8FF') continue;
            if (!char.IsLetter(c)) break;
            start.Append(c);
        }
        // A word in capitals only is a numeral or a symbol ("figuras I y II", "y UN-Habitat"), not read with the sound of i.
        if (!start.ToString().Any(char.IsLower)) return words.And;
        string word = start.ToString().ToLowerInvariant();
        bool before = words.AndBeforeStarts.Any(s => word.StartsWith(s, StringComparison.Ordinal))
                      && !words.AndBeforeUnless.Any(s => word.StartsWith(s, StringComparison.Ordinal));
        return before ? words.AndBefore : words.And;
    }
}

/// <summary>
/// Russian as UN Russian documents write numbers: figures grouped by a no-break space with a
/// decimal comma ("9 800 000", "46,5"), a four-digit number in running text ungrouped ("9800"),
/// "41 %", "1,3 млн долл. США", "4 октября 2021 года", "15 и 16 ноября 2021 года", "a, b и c",
/// "второй". Counts are figures: a Russian numeral in words declines by case and gender (два/две,
/// четырех), which only the sentence knows; the noun after it agrees through the <c>plural</c>
/// helper (<see cref="Formatter.Plural"/>). Its months, list words, ordinals and scales are the profile's
/// words (<see cref="NumberWords"/>, written by <see cref="WordedText"/>); its spacing (a no-break space in
/// "41 %") the profile's <see cref="LanguageProfile.Spacing"/>.
/// </summary>
public sealed class RussianFormatter(string language = "ru") : Formatter
{
    /// <summary>The no-break space: thousands, before % and inside "млн долл. США".</summary>
    public const char NoBreak = '\u00A0';

    private readonly NumberFormats _numbers = LanguageProfiles.For(language).Numbers;
    /// <summary>Months (genitive), list words, ordinals and the scales of sums: the profile's (<see cref="NumberWords"/>).</summary>
    private readonly NumberWords _words = WordedText.Of(language);

    public override string Language => language;

    private string Separators(string invariant) => Separated(invariant, _numbers);

    /// <summary>A number of running text: grouped from five digits ("9800", "12 500"), as Russian typography sets them.</summary>
    private string Running(double value, int decimals)
    {
        double rounded = Round(value, decimals);
        string format = (Math.Abs(rounded) >= 10_000 ? "#,0" : "0") + (decimals == 0 ? "" : "." + new string('0', decimals));
        return Separators(rounded.ToString(format, Invariant));
    }

    public override string Count(double value) => Running(value, value == Math.Floor(value) ? 0 : 1);

    // Tables group every figure by thousands, so a column of sums lines up ("9 800 000", "4 000").
    public override string Figure(double value, int decimals = 0) =>
        Separators(Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Invariant));

    public override string Percent(double share, int decimals = 0) =>
        string.Format(Invariant, _numbers.Percent, Separators(Round(share * 100, decimals).ToString(Fixed(decimals), Invariant)));

    public override string PercentSign(double share, int decimals = 0) => Percent(share, decimals);

    protected override string PercentMark => NoBreak + "%";

    // "1,3 млн долл. США", "64 млн долл. США", "1,3 млрд долл. США": the profile's abbreviated scales, which do not decline, bound by no-break spaces.
    public override string Usd(double amount)
    {
        foreach (var (unit, one, many) in _words.Scales)
        {
            if (amount < unit) continue;
            double scaled = Round(amount / unit, amount / unit >= 100 ? 0 : 1);
            return string.Format(Invariant, _numbers.Currency, $"{Separators(Scaled(amount, unit))}{NoBreak}{(Plurals.Of(LanguageProfiles.For(Language).Plural, scaled) == PluralCategory.One ? one : many)}");
        }
        return string.Format(Invariant, _numbers.Currency, Running(amount, 0));
    }

    public override string Date(DateOnly date) => WordedText.Date(_words, date);

    // "15 и 16 ноября 2021 года", "5–9 мая 2021 года", "30 марта — 3 апреля 2021 года".
    public override string DateRange(DateOnly start, DateOnly end) => WordedText.DateRange(_words, start, end);

    public override string List(IReadOnlyList<string> items) => WordedText.List(_words, items);

    public override string Ordinal(int n) => WordedText.Ordinal(_words, n);

    // UN Russian calls charts and figures alike "диаграмма": "диаграмма IV", "диаграммы I и II", "диаграммы III–VIII".
    protected override string ChartReference(IReadOnlyList<string> numbers, bool range, bool figure) => numbers.Count switch
    {
        1 => $"диаграмма {numbers[0]}",
        _ when range => $"диаграммы {numbers[0]}–{numbers[^1]}",
        _ => "диаграммы " + List(numbers),
    };

    public override string JoinWord(bool last, char before, char after, bool commas = false) => last ? _words.And : ", ";
}

/// <summary>
/// Arabic as UN Arabic documents write numbers: Western digits, counts always in figures (a number
/// word would agree with its noun in gender and case), thousands grouped by a no-break space and a
/// decimal point ("9 800 000", "1.3"), "41 في المائة", "1.3 مليون دولار", "3 ملايين دولار",
/// "4 تشرين الأول/أكتوبر 2021" (the Levantine month name, then the other after a slash), lists
/// joined by "و" before each item after the first ("1.1 و 3.1 و 4.2", "أفريقيا وأوروبا"), charts numbered by ordinal words
/// ("الشكل الأول", "الشكلان الأول والثاني", "الأشكال من الثالث إلى الثامن").
/// </summary>
public sealed class ArabicFormatter(string language = "ar") : Formatter
{
    private static readonly string[] Months =
    [
        "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
        "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
    ];

    /// <summary>Ordinal adjectives, masculine (a chart: الشكل الأول) and feminine (a year: السنة الثانية), to the twentieth.</summary>
    private static readonly string[] Masculine =
        ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
         "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر", "العشرون"];
    private static readonly string[] Feminine =
        ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"];

    private readonly NumberFormats _numbers = LanguageProfiles.For(language).Numbers;

    public override string Language => language;

    private string Separators(string invariant) => Separated(invariant, _numbers);

    public override string Count(double value) => Figure(value, value == Math.Floor(value) ? 0 : 1);

    public override string Figure(double value, int decimals = 0) =>
        Separators(Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Invariant));

    public override string Percent(double share, int decimals = 0) =>
        string.Format(Invariant, _numbers.Percent, Separators(Round(share * 100, decimals).ToString(Fixed(decimals), Invariant)));

    /// <summary>UN Arabic writes a chart's headline lines as sentences: "11 في المائة", as the body does (the table cells keep "11%").</summary>
    public override string HeadlinePercent(double share, int decimals = 0) => Percent(share, decimals);

    /// <summary>"1.3 مليون دولار", "3 ملايين دولار" (a whole count from three to ten takes the plural), "64 مليون دولار", "2 بليون دولار" (UN Arabic: بليون for a thousand million);
    /// no-break spaces bind the figure, the scale and the currency (the profile's Currency pattern), so no line breaks inside.</summary>
    public override string Usd(double amount)
    {
        string Scale(double unit, string singular, string plural)
        {
            double scaled = Round(amount / unit, amount / unit >= 100 ? 0 : 1);
            return $"{Separators(Scaled(amount, unit))}\u00A0{(scaled is >= 3 and <= 10 && scaled == Math.Floor(scaled) ? plural : singular)}";
        }
        return string.Format(Invariant, _numbers.Currency, amount switch
        {
            >= 1e9 => Scale(1e9, "بليون", "بلايين"),
            >= 1e6 => Scale(1e6, "مليون", "ملايين"),
            _ => Figure(amount),
        });
    }

    private static string Month(DateOnly date) => Months[date.Month - 1];

    public override string Date(DateOnly date) => $"{date.Day.ToString(Invariant)} {Month(date)} {date.Year.ToString(Invariant)}";

    public override string DateRange(DateOnly start, DateOnly end)
    {
        if (start == end) return Date(start);
        if (start.Year == end.Year && start.Month == end.Month)
            return end.DayNumber - start.DayNumber == 1 ? $"{start.Day.ToString(Invariant)} و {Date(end)}" : $"{start.Day.ToString(Invariant)}-{Date(end)}";
        return start.Year == end.Year ? $"{start.Day.ToString(Invariant)} {Month(start)} إلى {Date(end)}" : $"{Date(start)} إلى {Date(end)}";
    }

    public override string List(IReadOnlyList<string> items)
    {
        if (items.Count == 0) return "";
        var text = new System.Text.StringBuilder(items[0]);
        for (int i = 1; i < items.Count; i++)
            text.Append(JoinWord(i == items.Count - 1, VisibleNeighbour(items[i - 1], items[i - 1].Length, -1), VisibleNeighbour(items[i], -1, +1))).Append(items[i]);
        return text.ToString();
    }

    /// <summary>A year's ordinal (the templates write "السنة {{ordinal n}}"): الأولى … العاشرة, then the figure.</summary>
    public override string Ordinal(int n) => n is >= 1 and <= 10 ? Feminine[n] : n.ToString(Invariant);

    public override string ChartNumber(int n, bool roman) => roman && n is >= 1 and <= 20 ? Masculine[n] : n.ToString(Invariant);

    /// <summary>"الشكل الأول"; two: "الشكلان الأول والثاني"; a range: "الأشكال من الثالث إلى الثامن"; more: "الأشكال الأول والثاني والرابع".</summary>
    protected override string ChartReference(IReadOnlyList<string> numbers, bool range, bool figure)
    {
        var (one, two, many) = figure ? ("الشكل", "الشكلان", "الأشكال") : ("الرسم البياني", "الرسمان البيانيان", "الرسوم البيانية");
        return numbers.Count switch
        {
            1 => $"{one} {numbers[0]}",
            2 => $"{two} {List(numbers)}",
            _ when range => $"{many} من {numbers[0]} إلى {numbers[^1]}",
            _ => $"{many} {List(numbers)}",
        };
    }

    public override string ChartCaption(int n, bool roman, bool figure) => $"{(figure ? "الشكل" : "الرسم البياني")} {ChartNumber(n, roman)}";

    /// <summary>"و" before every item after the first, joined to a word ("وأوروبا"), set apart from a figure or a Latin letter ("و 4.2").</summary>
    public override string JoinWord(bool last, char before, char after, bool commas = false) =>
        Script.IsArabicLetter(after) ? " و" : " و ";
}
