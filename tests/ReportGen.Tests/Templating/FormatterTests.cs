using ReportGen.Templating;

namespace ReportGen.Tests.Templating;

public class FormatterTests
{
    private static readonly Formatter En = Formatter.For("en"), Zh = Formatter.For("zh");

    [Theory]
    [InlineData(0, "zero")] [InlineData(8, "eight")] [InlineData(9, "nine")] [InlineData(10, "10")] [InlineData(142, "142")] [InlineData(12500, "12,500")]
    public void English_counts_in_words_below_ten(double n, string expected) => Assert.Equal(expected, En.Count(n));

    [Fact]
    public void English_sentence_start_capitalizes() => Assert.Equal(("Six", "12"), (En.CountAtSentenceStart(6), En.CountAtSentenceStart(12)));

    [Theory]
    [InlineData(0, "零")] [InlineData(1, "一")] [InlineData(2, "两")] [InlineData(8, "八")] [InlineData(9, "九")]
    [InlineData(10, "10")] [InlineData(12500, "12500")] [InlineData(2.5, "2.5")]
    public void Chinese_counts_below_ten_in_chinese_numerals_from_ten_in_digits(double n, string expected) => Assert.Equal(expected, Zh.Count(n));

    [Fact]
    public void Chinese_tables_group_thousands_as_the_english_do_and_running_text_does_not() =>
        Assert.Equal(("9,800,000", "9800000", "9,800,000"), (Zh.Figure(9_800_000), Zh.Count(9_800_000), En.Figure(9_800_000)));

    [Theory]
    [InlineData(0.4074, "41 per cent", "41%")]
    [InlineData(0.1136, "11 per cent", "11%")]
    [InlineData(0.125, "13 per cent", "13%")] // half away from zero, not to even
    [InlineData(0, "0 per cent", "0%")]
    public void Percentages(double share, string en, string zh) => Assert.Equal((en, zh), (En.Percent(share), Zh.Percent(share)));

    /// <summary>
    /// Issue 23 (page-by-page review of a five-year cycle): an achievement of 18 times the target read "1800%" in both tables,
    /// beside sums grouped by thousands. Percentages group their digits as figures do: "1,800 per cent", "1,800%" in the
    /// tables of both languages; Chinese running text groups none, as its counts.
    /// </summary>
    [Fact]
    public void Percentages_of_four_digits_are_grouped_by_thousands() =>
        Assert.Equal(("1,800 per cent", "1,800%", "1,800%", "1800%", "1,234.5%"),
            (En.Percent(18), En.PercentSign(18), Zh.PercentSign(18), Zh.Percent(18), En.PercentSign(12.345, 1)));

    [Theory]
    [InlineData(1_300_000, "USD 1.3 million", "130 万美元")]
    [InlineData(64_000_000, "USD 64 million", "6\u00A0400 万美元")]
    [InlineData(125_000_000_000, "USD 125 billion", "1\u00A0250 亿美元")]
    [InlineData(9_999, "USD 9,999", "9\u00A0999 美元")]
    [InlineData(2_500_000_000, "USD 2.5 billion", "25 亿美元")]
    [InlineData(8_500, "USD 8,500", "8\u00A0500 美元")]
    public void Money(double amount, string en, string zh) => Assert.Equal((en, zh), (En.Usd(amount), Zh.Usd(amount)));

    [Fact]
    public void Dates_and_ranges()
    {
        var (a, b, c, d) = (new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 16), new DateOnly(2021, 11, 19), new DateOnly(2021, 12, 2));
        Assert.Equal("4 October 2021", En.Date(new DateOnly(2021, 10, 4)));
        Assert.Equal("15 and 16 November 2021", En.DateRange(a, b));
        Assert.Equal("15–19 November 2021", En.DateRange(a, c));
        Assert.Equal("15 November–2 December 2021", En.DateRange(a, d));
        Assert.Equal("2021 年 10 月 4 日", Zh.Date(new DateOnly(2021, 10, 4)));
        Assert.Equal("2021 年 11 月 15 日和 16 日", Zh.DateRange(a, b));
        Assert.Equal("2021 年 11 月 15 日至 19 日", Zh.DateRange(a, c));
        Assert.Equal("2021 年 11 月 15 日至 12 月 2 日", Zh.DateRange(a, d));
    }

    [Fact]
    public void Lists()
    {
        Assert.Equal("1.1, 3.1 and 4.2", En.List(["1.1", "3.1", "4.2"]));
        Assert.Equal("1.1 and 3.1", En.List(["1.1", "3.1"]));
        Assert.Equal("1.1、3.1 和 4.2", Zh.List(["1.1", "3.1", "4.2"]));
        Assert.Equal("非洲、欧洲和亚洲", Zh.List(["非洲", "欧洲", "亚洲"])); // no space between Han characters
    }

    [Theory]
    [InlineData(46.5, "number", "46.5")] [InlineData(32, "percent", "32%")] [InlineData(1.25, "number", "1.25")]
    public void Measures_keep_the_decimals_they_need(double value, string unit, string expected) => Assert.Equal(expected, En.Measure(value, unit));
}
