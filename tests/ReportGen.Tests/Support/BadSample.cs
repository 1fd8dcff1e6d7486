using ReportGen.Packaging;
using ReportGen.Sample;

namespace ReportGen.Tests.Support;

/// <summary>
/// The sample with mistakes staff make, one of each kind of place: no 2020 row for outcome 1.2
/// (the Funding sheet), a blank title (Projects!C3, a cell the sheet does not have), an unknown
/// outcome (Projects!F5), a negative budget (Projects!I6) and no Services sheet at all.
/// </summary>
public static class BadSample
{
    public static string Write(string path)
    {
        SpreadsheetWriter.Write(path, SampleWorkbook.Sheets().Where(s => s.Name != "Services").Select(s => s.Name switch
        {
            "Funding" => s with { Rows = s.Rows.Where((_, i) => i != 2).ToList() },
            "Projects" => s with { Rows = s.Rows.Select((r, i) => i == 3 ? Changed(r, 5, 9.9) : i == 1 ? Changed(r, 2, null) : i == 4 ? Changed(r, 8, -5.0) : r).ToList() },
            _ => s,
        }));
        return path;
    }

    private static object?[] Changed(object?[] row, int column, object? value) => row.Select((v, i) => i == column ? value : v).ToArray();
}
