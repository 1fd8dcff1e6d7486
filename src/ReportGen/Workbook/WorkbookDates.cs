namespace ReportGen.Workbook;

/// <summary>
/// The one home of how a workbook's dates are read: a date cell's serial number in the workbook's
/// date system, and the range of dates a reporting cycle can hold (docs/workbook.md, "Dates").
/// </summary>
internal static class WorkbookDates
{
    /// <summary>The earliest date a cycle may hold: the United Nations' founding year; anything before is a mistyped year.</summary>
    public static readonly DateOnly Earliest = new(1945, 1, 1);

    /// <summary>The latest date a cycle may hold.</summary>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>Excel's 1900 system has a 29 February 1900 that never was (kept from Lotus 1-2-3): serial 60.</summary>
    public const int FictitiousLeapDay = 60;

    /// <summary>The largest serial Excel shows as a date: 31 December 9999 in the 1900 system.</summary>
    private const double MaxSerial = 2958465;

    /// <summary>
    /// The day a serial number names (its time of day dropped); null for a number no date cell holds,
    /// with <paramref name="problem"/> set for serial 60. In the 1900
    /// system serial 1 is 1 January 1900 and 59 is 28 February 1900, 60 the day Excel invented, 61
    /// 1 March 1900; in the 1904 system serial 0 is 1 January 1904.
    /// </summary>
    public static DateOnly? FromSerial(double serial, bool date1904, out string? problem)
    {
        problem = null;
        double day = Math.Floor(serial);
        if (date1904) return day is >= 0 and <= MaxSerial - 1462 ? new DateOnly(1904, 1, 1).AddDays((int)day) : null;
        if (day == FictitiousLeapDay)
        {
            problem = "is serial 60, the 29 February 1900 that Excel invented (1900 was not a leap year)";
            return null;
        }
        if (day is < 1 or > MaxSerial) return null;
        // Before the invented day the serials count from 31 December 1899; after it, one day later.
        return new DateOnly(1899, 12, day < FictitiousLeapDay ? 31 : 30).AddDays((int)day);
    }

    /// <summary>Null when a date lies in the range a cycle may hold, else why not (for a message).</summary>
    public static string? OutOfRange(DateOnly date) => date < Earliest || date > Latest
        ? $"{Iso(date)} lies outside the dates a reporting cycle holds ({Iso(Earliest)} to {Iso(Latest)})"
        : null;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
