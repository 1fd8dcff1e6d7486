using ReportGen.Model;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

public class CellTextTests
{
    [Theory]
    [InlineData(1.1000000000000001, "1.1")]
    [InlineData(2.2999999999999998, "2.3")]
    [InlineData(4.3, "4.3")]
    [InlineData(2020, "2020")]
    public void Binary_noise_in_stored_numbers_is_removed(double stored, string expected)
    {
        string text = SheetTable.CellText(new RawCell(CellKind.Number, null, stored));
        Assert.Equal(expected, text);
        if (text.Contains('.')) Assert.True(OutcomeCode.TryParse(text, out _));
    }

    [Theory]
    [InlineData("1.10", true)] // outcome 10 of domain 1
    [InlineData("1.01", false)]
    [InlineData("0.1", false)]
    [InlineData("1.", false)]
    [InlineData(" 3.2 ", true)]
    public void Outcome_code_syntax(string text, bool valid) => Assert.Equal(valid, OutcomeCode.TryParse(text, out _));

    [Fact]
    public void Outcome_codes_sort_numerically() =>
        Assert.Equal(["1.2", "1.10", "2.1"], new[] { OutcomeCode.Parse("2.1"), OutcomeCode.Parse("1.10"), OutcomeCode.Parse("1.2") }.Order().Select(c => c.ToString()));
}
