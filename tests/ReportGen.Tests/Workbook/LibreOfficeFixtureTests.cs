using ReportGen.Analysis;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>
/// Workbooks saved by LibreOffice Calc (Fixtures/make-libreoffice-fixtures.py): the sample with
/// numbers typed as text, 是/否 booleans, a recalculated formula, an ISO text date, a blank row,
/// an extra column and headers in odd case; and a broken variant with real error values.
/// </summary>
public class LibreOfficeFixtureTests
{
    private static string Fixture(string name) => Repo.Path("tests", "ReportGen.Tests", "Fixtures", name);

    [Fact]
    public void Quirky_workbook_saved_by_calc_gives_the_same_figures_as_the_sample()
    {
        var result = CycleReader.Read(Fixture("libreoffice-quirks.xlsx"));
        Assert.Empty(result.Problems);
        var expected = FigureCalculator.Compute(CycleReader.ReadValid(Repo.Seed));
        Assert.Equal(expected.ToJson(), FigureCalculator.Compute(result.Cycle!).ToJson());
        Assert.Equal(new DateOnly(2021, 10, 4), result.Cycle!.Documents[0].Date);
    }

    [Fact]
    public void Broken_workbook_saved_by_calc_reports_error_values_at_their_cells()
    {
        var problems = CycleReader.Read(Fixture("libreoffice-broken.xlsx")).Problems.Select(p => p.ToString());
        Assert.Equal(["Funding!D3: the cell holds the error value #DIV/0!; correct its formula or type the value", "Projects!F5: outcome 9.9 is not on the Outcomes sheet"], problems);
    }

    [Fact]
    public void Formula_without_a_cached_value_and_an_error_cell()
    {
        using var dir = new TempDir();
        var problems = CycleReader.Read(WorkbookBuilder.Minimal()
            .SaveWithRawCell(dir.File("a.xlsx"), "Funding", "D2", "<c r=\"D2\"><f>C2*0.6</f></c>")).Problems.Select(p => p.ToString());
        Assert.Equal(["Funding!D2: the cell holds a formula that was never calculated; open and save the workbook in Excel or LibreOffice"], problems);

        problems = CycleReader.Read(WorkbookBuilder.Minimal()
            .SaveWithRawCell(dir.File("b.xlsx"), "Projects", "I3", "<c r=\"I3\" t=\"e\"><f>#REF!*2</f><v>#REF!</v></c>")).Problems.Select(p => p.ToString());
        Assert.Equal(["Projects!I3: the cell holds the error value #REF!; correct its formula or type the value"], problems);
    }

    [Fact]
    public void Formula_cell_is_read_through_its_cached_value()
    {
        using var dir = new TempDir();
        var cycle = CycleReader.ReadValid(WorkbookBuilder.Minimal()
            .SaveWithRawCell(dir.File("a.xlsx"), "Funding", "D2", "<c r=\"D2\"><f>C2*0.6</f><v>60</v></c>"));
        Assert.Equal(60, cycle.Funding[0].FundedUsd);
    }
}
