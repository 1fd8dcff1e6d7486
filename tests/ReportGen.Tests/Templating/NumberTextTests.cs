using ReportGen.Templating;

namespace ReportGen.Tests.Templating;

/// <summary>What counts as a number in running text, in English and Chinese (NumberText, the rule's one home).</summary>
public class NumberTextTests
{
    private static string Found(string text) =>
        string.Join(" | ", NumberText.Find(text).Select(n => $"{n.Text} = {n.Same} {n.Kind}"));

    [Theory]
    [InlineData("当年预算的 62% 获得了资金", "62% = 62% Percent")]
    [InlineData("funded 62 per cent of it", "62 per cent = 62% Percent")]
    [InlineData("百分之六十二", "百分之六十二 = 62% Percent")]
    [InlineData("报告还介绍了五个旗舰方案", "五 = 5 Count")]
    [InlineData("两个项目和十一项成果、二十个", "两 = 2 Count | 十一 = 11 Count | 二十 = 20 Count")]
    [InlineData("一百零五项，百万美元，130 万美元", "一百零五 = 105 Count | 百万 = 1000000 Count | 130 万 = 1300000 Count")]
    [InlineData("2021 年第二次会议，第 1 部分", "2021 = 2021 Count | 第二 = 2 Ordinal | 第 1 = 1 Ordinal")]
    [InlineData("In its resolution 1/1, outcome 1.1 and 9,800,000", "1/1 = 1/1 Count | 1.1 = 1.1 Count | 9,800,000 = 9800000 Count")]
    [InlineData("Five of the twenty-one outcomes; the second year, the 3rd", "Five = 5 Count | twenty-one = 21 Count | second = 2 Ordinal | 3rd = 3 Ordinal")]
    [InlineData("USD 1.3 million (annex II, chart IV)", "1.3 million = 1300000 Count | II = 2 Count | IV = 4 Count")]
    [InlineData("full-width ６２％", "６２％ = 62% Percent")]
    // A Chinese sum grouped by a no-break space is one number (ChineseFormatter.Usd); a group of other than three digits is not.
    [InlineData("6\u00A0400 万美元和 1\u00A0250 亿美元", "6\u00A0400 万 = 64000000 Count | 1\u00A0250 亿 = 125000000000 Count")]
    [InlineData("6\u00A040 项", "6 = 6 Count | 40 = 40 Count")]
    [InlineData("6 400 万美元，2020 年 100 项", "6 400 万 = 64000000 Count | 2020 = 2020 Count | 100 = 100 Count")]
    public void Numbers_are_found_with_their_value_and_kind(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("进一步研究、统一标准、一体化、一致、一些、一般、一直、同一、唯一、一切、一起、十分、一方面、一系列、一定")]
    [InlineData("这一分析、另一变革领域、下一步行动、下一个战略计划、最后一年、没有一项、一道研究、在区域和国家两级、从数量和内容两方面、二者")]
    [InlineData("they support one another; no one doubts it; FP4 and A3 are codes; a note[^1]")]
    [InlineData("I think (a pronoun, not after a label)")]
    public void Words_that_hold_a_number_character_but_state_no_quantity_are_not_numbers(string text) => Assert.Equal("", Found(text));

    [Fact]
    public void One_of_and_one_domain_are_numbers_as_their_chinese_is()
    {
        Assert.Equal("one = 1 Count | one = 1 Count", Found("one of the means, in one domain of change"));
        Assert.Equal("一 = 1 Count | 一 = 1 Count", Found("手段之一，某一变革领域"));
    }

    [Theory]
    [InlineData(0, "zero", "zeroth")]
    [InlineData(5, "five", "fifth")]
    [InlineData(10, "ten", "tenth")]
    public void The_english_formatter_takes_its_words_from_the_same_home(int n, string count, string ordinal)
    {
        var en = Formatter.For("en");
        if (n < 10) Assert.Equal(count, en.Count(n));
        Assert.Equal(ordinal, en.Ordinal(n));
        Assert.Equal(count, NumberText.EnglishCardinal(n));
        Assert.Equal("11th", en.Ordinal(11));
    }

    [Theory]
    [InlineData("five", "5")]
    [InlineData("Six", "6")]
    [InlineData("ten", "10")]
    [InlineData("四", "4")]
    [InlineData("second", "2nd")]
    [InlineData("第二", "2nd")]
    [InlineData("2nd", "2nd")]
    [InlineData("41 per cent", "41%")]
    [InlineData("7856 万美元", "7856万美元")]
    [InlineData("9,800,000", "9800000")]
    public void Explain_reads_a_number_however_it_is_written(string text, string form) => Assert.Equal(form, ReportGen.Audit.Explainer.NumberForm(text));
}
