namespace ReportGen.Analysis;

/// <summary>
/// Sums, extremes and sets of numbers for the analysis, which runs once in every (cold) build.
/// </summary>
/// <remarks>
/// Why not LINQ: its operators over a value type (<c>Sum</c> of ints, <c>Max</c> of doubles,
/// <c>Distinct</c> of years, anything over a tuple) are the framework's generic code instantiated
/// over that type, which ReadyToRun cannot precompile outside the framework: every new process
/// JIT-compiles them (the figures of the sample: some 250 methods, most of their cold time; see docs/benchmarks.md#generic-code-and-the-cold-start).
/// These are generic over reference types only (or not generic), in this assembly, so they are
/// precompiled. LINQ over reference types (<c>Where</c>, <c>Select</c> of records) is precompiled
/// in the framework and stays. Sums add in order, as LINQ's do, so every figure is the same double.
/// </remarks>
internal static class Numbers
{
    public static int Sum<T>(IEnumerable<T> items, Func<T, int> value)
    {
        int sum = 0;
        foreach (var item in items) sum = checked(sum + value(item));
        return sum;
    }

    public static double Sum<T>(IEnumerable<T> items, Func<T, double> value)
    {
        double sum = 0;
        foreach (var item in items) sum += value(item);
        return sum;
    }

    /// <summary>The largest value (of at least one item).</summary>
    public static int Max<T>(IReadOnlyList<T> items, Func<T, int> value) => Extreme(items, value, largest: true);

    /// <summary>The smallest value (of at least one item).</summary>
    public static int Min<T>(IReadOnlyList<T> items, Func<T, int> value) => Extreme(items, value, largest: false);

    public static double Max<T>(IReadOnlyList<T> items, Func<T, double> value) => Extreme(items, value, largest: true);

    public static double Min<T>(IReadOnlyList<T> items, Func<T, double> value) => Extreme(items, value, largest: false);

    private static int Extreme<T>(IReadOnlyList<T> items, Func<T, int> value, bool largest)
    {
        if (items.Count == 0) throw new InvalidOperationException("no items");
        int best = value(items[0]);
        for (int i = 1; i < items.Count; i++)
        {
            int v = value(items[i]);
            if (largest ? v > best : v < best) best = v;
        }
        return best;
    }

    // As LINQ's Max and Min of doubles: NaN is the smallest value.
    private static double Extreme<T>(IReadOnlyList<T> items, Func<T, double> value, bool largest)
    {
        if (items.Count == 0) throw new InvalidOperationException("no items");
        double best = value(items[0]);
        for (int i = 1; i < items.Count; i++)
        {
            double v = value(items[i]);
            if (largest ? v > best || double.IsNaN(best) : v < best || double.IsNaN(v)) best = v;
        }
        return best;
    }

    /// <summary>The distinct values, in ascending order.</summary>
    public static List<int> DistinctSorted<T>(IEnumerable<T> items, Func<T, int> value)
    {
        var sorted = new List<int>();
        foreach (var item in items) Insert(sorted, value(item));
        return sorted;
    }

    /// <summary>Adds a value to an ascending list of distinct values, unless it holds it already.</summary>
    public static void Insert(List<int> sorted, int value)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (sorted[middle] == value) return;
            if (sorted[middle] < value) low = middle + 1;
            else high = middle - 1;
        }
        sorted.Insert(low, value);
    }
}
