using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportGen.Model;

/// <summary>
/// An item of a session's provisional agenda: its number and, for a sub-item, its letter's place
/// (<see cref="Sub"/> 1 for a, 2 for b; 0 for none). The workbook types it as the English writes it
/// ("6", "6 (a)"); each edition writes it as its language does (<c>Document.Numbering.AgendaItem</c>:
/// "6 (a)", "6 a)", "6(a)", "6 (أ)").
/// </summary>
public sealed partial record AgendaItem(int Number, int Sub)
{
    /// <summary>The letter of the sub-item ("a"), or none.</summary>
    public char? Letter => Sub == 0 ? null : (char)('a' + Sub - 1);

    /// <summary>As the workbook types it and the English writes it: "6", "6 (a)".</summary>
    public override string ToString() =>
        Number.ToString(CultureInfo.InvariantCulture) + (Letter is { } letter ? $" ({letter})" : "");

    /// <summary>
    /// Reads "6", "6 (a)", "6(a)", "6 a)", "6 a" or "6a" (a letter in either case; spaces around it allowed):
    /// a number of one to three digits, from 1, and at most one letter. Anything else ("Item 6",
    /// "6 (a) (i)", "6.1", "six") is not an agenda item.
    /// </summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AgendaItem? item)
    {
        item = null;
        if (text is null) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        int number = int.Parse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number < 1) return false;
        string letter = match.Groups["a"].Success ? match.Groups["a"].Value : "";
        item = new AgendaItem(number, letter.Length == 0 ? 0 : char.ToLowerInvariant(letter[0]) - 'a' + 1);
        return true;
    }

    [GeneratedRegex(@"^\s*(?<n>[0-9]{1,3})\s*(?:\(\s*(?<a>[A-Za-z])\s*\)|(?<a>[A-Za-z])\s*\)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
