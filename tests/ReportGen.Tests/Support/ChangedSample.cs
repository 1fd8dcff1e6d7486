using ReportGen.Packaging;
using ReportGen.Sample;

namespace ReportGen.Tests.Support;

/// <summary>The sample workbook with one project changed, for the audit's tests of what a change changes.</summary>
public static class ChangedSample
{
    /// <summary>Writes the sample with PRC21-001 no longer serving outcome 4.1 (its secondary outcomes "3.1; 2.1") into <paramref name="dir"/>.</summary>
    public static string Write(TempDir dir)
    {
        string path = dir.File("changed.xlsx");
        SpreadsheetWriter.Write(path, SampleWorkbook.Sheets().Select(s => s.Name != "Projects" ? s : s with
        {
            Rows = s.Rows.Select(r => (string)r[0]! == "PRC21-001" ? r.Select((v, i) => i == 6 ? (object?)"3.1; 2.1" : v).ToArray() : r).ToList(),
        }));
        return path;
    }
}
