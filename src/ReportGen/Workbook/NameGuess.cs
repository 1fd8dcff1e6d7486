namespace ReportGen.Workbook;

/// <summary>
/// Which expected name (a column, a sheet) a name typed by staff most likely meant: names are
/// compared after <see cref="Normalise"/>, then by edit distance.
/// </summary>
/// <remarks>
/// Local to Workbook rather than Templating's DidYouMean: Workbook is the first stage and uses no
/// later one; and headers need the normalisation (spaces, hyphens) that template names do not.
/// </remarks>
internal static class NameGuess
{
    /// <summary>
    /// A name as staff may write it, reduced to its letters and digits joined by single
    /// underscores, in lower case, without bracketed notes: "Budget-USD", "budget usd" and
    /// "Services (old)" become "budget_usd", "budget_usd" and "services".
    /// </summary>
    public static string Normalise(string name)
    {
        var result = new System.Text.StringBuilder(name.Length);
        int depth = 0;
        foreach (char c in name)
        {
            if (c is '(' or '[') { depth++; continue; }
            if (c is ')' or ']') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) continue;
            if (char.IsLetterOrDigit(c)) result.Append(char.ToLowerInvariant(c));
            else if (result.Length > 0 && result[^1] != '_') result.Append('_');
        }
        return result.ToString().TrimEnd('_');
    }

    /// <summary>
    /// The candidate <paramref name="typed"/> most likely stands for: the same once normalised, or
    /// within a slip of the keyboard (one edit for short names, about a third of the word for
    /// longer ones); the first in <paramref name="candidates"/>' order on a tie; null when none is close.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string t = Normalise(typed);
        if (t.Length == 0) return null;
        int limit = t.Length <= 4 ? 1 : Math.Max(2, t.Length / 3);
        string? best = null;
        int bestDistance = limit + 1;
        foreach (string candidate in candidates)
        {
            int d = Distance(t, Normalise(candidate));
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return best;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
