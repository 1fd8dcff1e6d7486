using ReportGen.Analysis;

namespace ReportGen.Tests.Analysis;

/// <summary>
/// The analysis's sums and extremes (<see cref="Numbers"/>, loops instead of LINQ for a cold start)
/// give exactly what LINQ gives: the same doubles, NaN and infinities included, and the same errors.
/// </summary>
public class NumbersTests
{
    private sealed record Item(int Count, double Amount);

    private static List<Item> Random(int seed)
    {
        var r = new Random(seed);
        double[] special = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.1, 1e308];
        return Enumerable.Range(0, r.Next(1, 40)).Select(_ => new Item(r.Next(-50, 50),
            r.Next(10) == 0 ? special[r.Next(special.Length)] : (r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-3, 9)))).ToList();
    }

    [Fact]
    public void Sums_and_extremes_are_linqs_to_the_bit()
    {
        for (int seed = 0; seed < 500; seed++)
        {
            var items = Random(seed);
            Assert.Equal(items.Sum(i => i.Count), Numbers.Sum(items, i => i.Count));
            Assert.Equal(BitConverter.DoubleToInt64Bits(items.Sum(i => i.Amount)), BitConverter.DoubleToInt64Bits(Numbers.Sum(items, i => i.Amount)));
            Assert.Equal(items.Max(i => i.Count), Numbers.Max(items, i => i.Count));
            Assert.Equal(items.Min(i => i.Count), Numbers.Min(items, i => i.Count));
            Assert.Equal(items.Max(i => i.Amount), Numbers.Max(items, i => i.Amount)); // xunit: NaN equals NaN
            Assert.Equal(items.Min(i => i.Amount), Numbers.Min(items, i => i.Amount));
            Assert.Equal(items.Select(i => i.Count).Distinct().Order(), Numbers.DistinctSorted(items, i => i.Count));
        }
    }

    [Fact]
    public void An_empty_list_has_no_extreme_and_an_overflowing_sum_fails_as_linqs_does()
    {
        List<Item> none = [];
        Assert.Throws<InvalidOperationException>(() => Numbers.Max(none, i => i.Count));
        Assert.Throws<InvalidOperationException>(() => Numbers.Min(none, i => i.Amount));
        Assert.Equal(0, Numbers.Sum(none, i => i.Count));
        Assert.Empty(Numbers.DistinctSorted(none, i => i.Count));
        Assert.Throws<OverflowException>(() => Numbers.Sum([new Item(int.MaxValue, 0), new Item(1, 0)], i => i.Count));
    }
}
