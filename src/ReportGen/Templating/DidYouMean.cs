namespace ReportGen.Templating;

/// <summary>"did you mean …": the known name closest to a mistyped one, by edit distance.</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate within a distance that a slip of the keyboard makes (about a third of the word), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        int limit = typed.Length <= 4 ? 1 : Math.Max(2, typed.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates.Distinct().Order(StringComparer.Ordinal))
        {
            int d = Distance(typed, candidate, limit);
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"; did you mean 'x'?", or nothing.</summary>
    public static string Hint(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } close && close != typed ? $"; did you mean '{close}'?" : "";

    /// <summary>Optimal string alignment distance (a swap of two letters counts once), stopping early past the limit.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int rowMin = int.MaxValue;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                rowMin = Math.Min(rowMin, d[i, j]);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }
}
