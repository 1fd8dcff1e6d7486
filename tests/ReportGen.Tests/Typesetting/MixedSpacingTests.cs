using ReportGen.Templating;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Typesetting;

/// <summary>The one spacing rule of mixed Chinese text, and the Word documents' form of it (issue 23, items 4, 7, 10).</summary>
public class MixedSpacingTests
{
    private static string Space(string text) => Formatter.For("zh").Space(text).Text;

    [Theory]
    [InlineData("2020 年 23%和 2021 年 11%；", "2020 年 23% 和 2021 年 11%；")]   // issue 23: "23%和" beside "41% 涵盖"
    [InlineData("有41%涵盖全部4个变革领域", "有 41% 涵盖全部 4 个变革领域")]
    [InlineData("成果  1.2 和 COVID-19", "成果 1.2 和 COVID-19")]
    [InlineData("冠状病毒病（ COVID-19 ）大流行 。", "冠状病毒病（COVID-19）大流行。")]
    [InlineData("- 成果 1.1；\n# 导言\n", "- 成果 1.1；\n# 导言\n")]               // Markdown's own spaces stay
    public void Chinese_text_gets_one_space_between_han_and_latin_and_none_by_full_width_marks(string typed, string expected) =>
        Assert.Equal(expected, Space(typed));

    [Fact]
    public void The_space_stays_outside_a_trace_mark()
    {
        // 年 + traced "41%" + 和: the spaces go before the mark opens and after it closes, the mark's id untouched.
        var (text, at) = Formatter.For("zh").Space("年\uE00012\uE00141%\uE002和");
        Assert.Equal("年 \uE00012\uE00141%\uE002 和", text);
        Assert.Equal(2, at[1]); // the mark moved one place on, past the inserted space
    }

    [Fact]
    public void English_text_is_left_as_written() => Assert.Equal("in 2020  and", Formatter.For("en").Space("in 2020  and").Text);

    [Theory]
    [InlineData("2020 年", "2020\u2060\u202F年")]
    [InlineData("全部 4 个变革领域", "全部4\u2060\u202F个变革领域")]
    [InlineData("（附件二，图 2）", "（附件\u2060二，图\u2060\u202F2）")]   // issue 23: the gap before a number too, as the PDF sets it
    [InlineData("图六至图八", "图\u2060六至图\u2060八")]
    [InlineData("2020-2023 年期间", "2020\u2060-\u20602023\u2060\u202F年期间")]
    [InlineData("for the period 2020–2023 of", "for the period 2020\u2060–\u20602023 of")]
    [InlineData("有 41% 涵盖", "有41%\u202F涵盖")]                       // autospacing sets no gap after a percent sign
    public void Word_text_drops_the_rule_spaces_and_joins_what_must_not_break(string text, string word) =>
        Assert.Equal(word, MixedSpacing.ForWord(text, after: ' '));

    /// <summary>Issue 23, item 3: LibreOffice sets a list of codes without a break opportunity as one word and letter-spaces the line before it.</summary>
    [Fact]
    public void A_list_of_codes_may_break_after_each_of_its_commas() =>
        Assert.Equal("（成果\u2060\u202F1.2、\u200B1.3、\u200B2.1和4.3）", MixedSpacing.ForWord("（成果 1.2、1.3、2.1 和 4.3）"));

    [Fact]
    public void A_paragraph_never_ends_on_a_line_of_one_character() =>
        Assert.Equal("并确定优先国\u2060家；", MixedSpacing.ForWord("并确定优先国家；"));

    [Fact]
    public void A_sub_item_whose_semicolon_is_its_own_run_ends_on_two_characters_too() =>
        Assert.Equal("有待加\u2060强", MixedSpacing.ForWord("有待加强", rest: "；"));

    [Fact]
    public void Joins_look_across_runs()
    {
        // "88" is a figure's run, " 项和" the text after it: the space goes, the joiner binds the measure word.
        Assert.Equal("\u2060\u202F项和", MixedSpacing.ForWord(" 项和", before: "年88", after: ' '));
        Assert.Equal("\u2060\u202F1.2", MixedSpacing.ForWord("1.2", before: "成果", after: ' '));
    }

    [Theory]
    [InlineData("2020 年 23% 和 2021 年")]
    [InlineData("（附件二，图 2）2020-2023 年期间")]
    [InlineData("数目为：2020 年 1 项。")]
    [InlineData("（成果 1.2、1.3、2.1 和 4.3）")]
    public void Word_text_reads_back_as_the_document_model_has_it(string text) =>
        Assert.Equal(text, MixedSpacing.FromWord(MixedSpacing.ForWord(text)));
}
