using System.Text;

namespace ReportGen.Typesetting;

/// <summary>
/// The one rule for spacing Chinese text that mixes in Latin letters and digits, as UN Chinese
/// documents set it (and clreq recommends): one space between a Han character and a Latin word or
/// a number ("2020 年", "有 41% 涵盖", "成果 1.2"); none beside full-width punctuation ("（COVID-19）",
/// "为 23%。"). The templates' text is brought to it once (Templating.ChineseFormatter.Space); the PDF
/// draws each such space as its ¼-em gap; the Word writer leaves it to Word's East Asian autospacing
/// (<see cref="ForWord"/>) and binds what must not break with word joiners.
/// </summary>
public static class MixedSpacing
{
    public enum Gap { AsWritten, None, One }

    /// <summary>The Latin side of a mixed join: a letter, a digit, or the percent sign that ends a number.</summary>
    public static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || c == '%';

    /// <summary>Full-width punctuation: wide but not Han (，。、；：（）“” and the like).</summary>
    public static bool IsFullWidthMark(char c) => !char.IsSurrogate(c) && Script.IsEastAsian(c) && !Script.IsHan(c);

    /// <summary>The space the rule wants between two visible characters; anything else is left as written.</summary>
    public static Gap Between(char left, char right)
    {
        if ((Script.IsHan(left) && IsLatin(right)) || (IsLatin(left) && Script.IsHan(right))) return Gap.One;
        if (left != ' ' && right != ' ' && !char.IsControl(left) && !char.IsControl(right) && (IsFullWidthMark(left) || IsFullWidthMark(right))) return Gap.None;
        return Gap.AsWritten;
    }

    /// <summary>Measure words and units a number is kept with (clreq: a number and its unit are not separated).</summary>
    public const string MeasureWords = "年月日个项万亿元岁次名人%％倍美分";

    /// <summary>Words that number a figure, an annex, a table…: kept with their numerals ("图 2", "附件二", "图十一").</summary>
    public static readonly string[] NumberedHan = ["图", "附件", "表", "章", "段", "节", "成果", "领域"];

    public const string HanNumerals = "一二三四五六七八九十〇零百";

    /// <summary>U+2060 WORD JOINER: no line break here (Word and LibreOffice honour it), nothing drawn.</summary>
    public const char Joiner = '\u2060';

    /// <summary>
    /// U+202F NARROW NO-BREAK SPACE: the gap at a join between Han and a number ("2020 年", "成果 1.2"),
    /// written after the <see cref="Joiner"/>. Measured in LibreOffice 7.4: a joiner alone stops its
    /// autospacing (no gap beside U+2060); the pair gives the autospace's width. Before a number the pair
    /// opens the number's run, tagged en-US for both scripts (DocxWriter): LibreOffice takes the
    /// line-breaking rules at a line's end from the language of the portion there, and an en-US portion
    /// is broken by rules that keep a joiner and a no-break space, where a zh-CN one may break before either.
    /// </summary>
    public const char SpacedJoiner = '\u202F';

    /// <summary>U+200B ZERO WIDTH SPACE: a break opportunity after the 、 of a list of codes (成果 1.2、1.3、2.1…), which LibreOffice otherwise
    /// sets as one unbreakable word and letter-spaces the line before it.</summary>
    public const char BreakOpportunity = '\u200B';

    /// <summary>
    /// A text as the Word documents carry it: without the rule's spaces between Han and Latin
    /// (Word's East Asian autospacing, w:autoSpaceDE/DN, sets that gap), a number joined to its
    /// measure word ("2020⁠ 年": a joiner and a narrow no-break space, <see cref="SpacedJoiner"/>), 图, 附件, 成果… to their
    /// numerals ("成果⁠ 1.2", "图⁠七"), and a year range to both sides of its dash ("2020⁠–⁠2023"), so that Word breaks no line between them
    /// (LibreOffice 7.4's Chinese line breaker knows no joiners: where the first character past a line's end is Han, it breaks
    /// before it whatever comes before; it holds only the joins before a number and inside a year range);
    /// a break allowed after each 、 of a list of codes (<see cref="BreakOpportunity"/>).
    /// The last two Han characters of a paragraph are joined too (no one-character last line).
    /// <paramref name="before"/> is the paragraph's text before this one (as Word has it), <paramref name="after"/> the character after it.
    /// </summary>
    public static string ForWord(string text, string before = "", char after = EndOfParagraph, string rest = "")
    {
        // The text before stands in front while joining (成果|1.2 and 8|项 across runs), and is then cut off.
        int context = Math.Min(before.Length, 3);
        var result = new StringBuilder(before[^context..], text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char left = ' ';
            for (int k = result.Length - 1; k >= 0; k--) if (result[k] is not (Joiner or SpacedJoiner or BreakOpportunity)) { left = result[k]; break; }
            if (c == ' ' && (i + 1 < text.Length ? text[i + 1] : after) is var right && Between(left, right) == Gap.One)
            {
                // Autospacing sets the gap beside letters and digits only: after a percent sign it is written ("41% 涵盖").
                if (left == '%') result.Append(SpacedJoiner);
                continue;
            }
            if (result.Length > 0 && result[^1] is not (Joiner or SpacedJoiner) && (Binds(result, c, i + 1 < text.Length ? text[i + 1] : after) || LastOfParagraph(text, i, after, rest, result)))
            {
                result.Append(Joiner);
                // Han beside a number: the gap autospacing would set, which the joiner suppresses in LibreOffice.
                if (Between(left, c) == Gap.One) result.Append(SpacedJoiner);
            }
            result.Append(c);
            if (c == '、' && char.IsAsciiDigit(i + 1 < text.Length ? text[i + 1] : after)) result.Append(BreakOpportunity);
        }
        return result.ToString(context, result.Length - context);
    }

    /// <summary>
    /// The last Han character of a paragraph (before its closing marks) is joined to the one before it,
    /// so that no paragraph ends on a line of one character ("作。", "家；"). <paramref name="after"/> is
    /// <see cref="EndOfParagraph"/> when the text ends its paragraph.
    /// </summary>
    /// <param name="rest">the paragraph's text after this text, when it is only its closing mark (a sub-item's "；" is an inline of its own)</param>
    private static bool LastOfParagraph(string text, int i, char after, string rest, StringBuilder written)
    {
        string tail = text[(i + 1)..] + rest;
        // Running text only: a paragraph that ends with its full stop or semicolon (not a heading, a table cell, a label).
        if ((after != EndOfParagraph && rest.Length == 0) || tail.Length == 0 || !Script.IsHan(text[i]) || !Script.IsHan(written[^1])) return false;
        foreach (char c in tail) if (!"。；！？".Contains(c)) return false;
        return true;
    }


    /// <summary>What <see cref="ForWord"/> is told comes after a text that ends its paragraph.</summary>
    public const char EndOfParagraph = '\n';

    /// <summary>Whether <paramref name="c"/> (followed by <paramref name="next"/>) must stay on the line of what <paramref name="written"/> ends with.</summary>
    private static bool Binds(StringBuilder written, char c, char next)
    {
        char left = written[^1];
        // 2020 年, 41 个, 130 万美元
        if (char.IsAsciiDigit(left) && MeasureWords.Contains(c) && c != '%') return true;
        // 2020–2023, 2020-2023: the dash of a range between digits
        if (char.IsAsciiDigit(left) && c is '–' or '-' && char.IsAsciiDigit(next)) return true;
        if (left is '–' or '-' && char.IsAsciiDigit(c) && written.Length >= 2 && written[^2] == Joiner) return true;
        // 图 2, 图七, 附件二
        if (char.IsAsciiDigit(c) || HanNumerals.Contains(c))
            foreach (string word in NumberedHan)
                if (EndsWith(written, word)) return true;
        return false;
    }

    private static bool EndsWith(StringBuilder text, string word)
    {
        if (text.Length < word.Length) return false;
        for (int k = 0; k < word.Length; k++)
            if (text[text.Length - word.Length + k] != word[k]) return false;
        return true;
    }

    /// <summary>A Word document's text read back as the document model has it: the joiners out, the rule's spaces in.</summary>
    public static string FromWord(string text)
    {
        if (text.Length == 0) return text;
        var result = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is Joiner or SpacedJoiner or BreakOpportunity) continue;
            if (result.Length > 0 && Between(result[^1], c) == Gap.One) result.Append(' ');
            result.Append(c);
        }
        return result.ToString();
    }
}
