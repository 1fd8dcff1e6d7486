using System.Globalization;

namespace ReportGen.Model;

/// <summary>
/// A strategic-plan outcome code <c>D.N</c>: domain of change D, outcome N within it.
/// Ordered numerically, so 1.10 sorts after 1.9.
/// </summary>
/// <remarks>
/// A class, not a struct: the collections and LINQ over a reference type run the framework's
/// shared code, precompiled (ReadyToRun), whereas every generic over a project struct is
/// JIT-compiled in each new process of the ReadyToRun and portable tools (a cold build of the sample: 2,515
/// methods JIT-compiled as a struct, 2,284 as a class; see docs/benchmarks.md#generic-code-and-the-cold-start).
/// </remarks>
public sealed record OutcomeCode(int Domain, int Number) : IComparable<OutcomeCode>
{
    public int CompareTo(OutcomeCode? other) => other is null ? 1 :
        Domain != other.Domain ? Domain.CompareTo(other.Domain) : Number.CompareTo(other.Number);

    public override string ToString() =>
        Domain.ToString(CultureInfo.InvariantCulture) + "." + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>2.3</c> (text, surrounding spaces allowed). Domains are 1-9, outcomes 1-99.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OutcomeCode? code)
    {
        code = null;
        if (text is null) return false;
        var parts = text.Trim().Split('.');
        if (parts.Length != 2) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int domain) || domain is < 1 or > 9) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 99) return false;
        if (parts[1].Length > 1 && parts[1][0] == '0') return false;
        code = new OutcomeCode(domain, number);
        return true;
    }

    public static OutcomeCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an outcome code");
}
