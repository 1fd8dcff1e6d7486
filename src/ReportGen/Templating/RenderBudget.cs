using System.Globalization;

namespace ReportGen.Templating;

/// <summary>
/// The work one run of a template may do, counted rather than timed: a clock would make the
/// result depend on the machine's speed. Each character written costs one unit, each value read
/// or line reached <see cref="ReadCost"/> (the record it leaves weighs about that much), each item
/// a loop takes one, so loops inside loops are stopped whether they write much, read much or
/// nothing at all. A document is a few dozen kilobytes; the limit is a hundred times that and more.
/// </summary>
public sealed class RenderBudget(long limit = RenderBudget.MaxUnits)
{
    /// <summary>The default limit: 2,000,000 characters' worth (a document of 2 MB would be a thousand pages).</summary>
    public const long MaxUnits = 2_000_000;

    /// <summary>What reading a value or reaching a template line costs, in characters.</summary>
    public const int ReadCost = 16;

    private long _spent;

    /// <summary>Whether the run was stopped here (its failure is the budget's, not the template's text).</summary>
    public bool Exceeded { get; private set; }

    public long Limit { get; } = limit;

    public void Spend(long units)
    {
        _spent += units;
        if (_spent <= Limit) return;
        Exceeded = true;
        throw new TemplateException(Message);
    }

    public string Message =>
        $"this template writes more than {Size(Limit)} (loops inside loops?) — a document is a few dozen KB: take the inner loop out of the outer one";

    private static string Size(long units) => units >= 1_000_000 && units % 1_000_000 == 0
        ? (units / 1_000_000).ToString(CultureInfo.InvariantCulture) + " MB"
        : units.ToString("N0", CultureInfo.InvariantCulture) + " characters";
}
