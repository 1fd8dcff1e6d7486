using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary><c>check WORKBOOK --annotate OUT.xlsx</c>: the problems printed, and the same problems in a copy of the workbook.</summary>
public sealed class CheckAnnotateTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Printed = """
        Funding: no row for the reporting year 2020 for outcome 1.2
        Projects!C3: title is required
        Projects!F5: outcome 9.9 is not on the Outcomes sheet
        Projects!I6: budget_usd must not be negative (-5)
        Services: sheet 'Services' is missing from the workbook (its sheets are 'Settings', 'Documents', 'Domains', 'Outcomes', 'Indicators', 'IndicatorValues', 'Funding', 'Regions', 'Projects', 'Flagships', 'LinkageTargets'); add a sheet named Services
        templates: not checked, as the documents cannot be composed until the workbook's problems above are fixed
        5 problems found.

        """;

    [Fact]
    public void Writes_the_copy_with_what_it_prints_replacing_an_earlier_one()
    {
        string workbook = BadSample.Write(_dir.File("bad.xlsx"));
        string annotated = _dir.File("bad-annotated.xlsx");
        File.WriteAllText(annotated, "an earlier copy");
        var (code, output, error) = CliTests.Run("check", workbook, "--annotate", annotated);
        Assert.Equal(1, code);
        Assert.Equal(Printed.ReplaceLineEndings(), error);
        Assert.Equal($"annotated copy: {annotated} (5 problems listed on its first sheet, \"Problems\", and noted at their cells).\n".ReplaceLineEndings(), output);
        using (var document = SpreadsheetDocument.Open(annotated, false))
        {
            var first = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
            Assert.Equal("Problems", first.Name!.Value);
            var list = (WorksheetPart)document.WorkbookPart.GetPartById(first.Id!);
            Assert.Equal(6, list.Worksheet.Descendants<Row>().Count()); // the header and the five problems printed
        }
        Assert.Equal(["bad-annotated.xlsx", "bad.xlsx"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)); // no temporary file left
    }

    [Fact]
    public void A_template_problem_is_listed_as_printed_without_a_link()
    {
        BuildCommandTests.CopyFolder(Repo.Path("templates"), _dir.File("templates"));
        File.AppendAllText(_dir.File("templates/en/annual-report-summary.md.hbs"), "\n{{#each plan.outcomes}}\n");
        string annotated = _dir.File("annotated.xlsx");
        var (code, _, error) = CliTests.Run("check", Repo.Seed, "--templates", _dir.File("templates"), "--annotate", annotated);
        Assert.Equal(1, code);
        // Every problem line printed, and only those, is a row of the list: place, blank cell, message.
        var printed = error.ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains(".md.hbs:")).ToList();
        Assert.NotEmpty(printed);
        using var document = SpreadsheetDocument.Open(annotated, false);
        var workbook = document.WorkbookPart!;
        var list = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = list.Worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().Select(c => (c.CellReference!.Value![..1], c.InnerText)).ToList()).ToList();
        Assert.Equal(printed, rows.Select(r => $"{r.Single(c => c.Item1 == "A").InnerText}: {r.Single(c => c.Item1 == "C").InnerText}"));
        Assert.All(rows, r => Assert.DoesNotContain(r, c => c.Item1 == "B"));
        Assert.Empty(list.Worksheet.Descendants<Hyperlink>());
        Assert.DoesNotContain(workbook.WorksheetParts, p => p.WorksheetCommentsPart is not null);
    }

    [Fact]
    public void The_workbook_itself_is_refused_and_left_as_it_was()
    {
        string workbook = BadSample.Write(_dir.File("bad.xlsx"));
        byte[] hash = SHA256.HashData(File.ReadAllBytes(workbook));
        var (code, output, error) = CliTests.Run("check", workbook, "--annotate", Path.Combine(_dir.Path, ".", "bad.xlsx"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"reportgen: --annotate {Path.Combine(_dir.Path, ".", "bad.xlsx")}: that is the workbook itself; write the annotated copy to another file\n".ReplaceLineEndings(), error);
        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(workbook)));
    }

    [Fact]
    public void A_folder_cannot_take_the_copy()
    {
        string workbook = BadSample.Write(_dir.File("bad.xlsx"));
        string folder = Directory.CreateDirectory(_dir.File("out")).FullName;
        var (code, output, error) = CliTests.Run("check", workbook, "--annotate", folder);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal((Printed + $"no annotated copy written: {folder}: is a folder; name a file to write\n").ReplaceLineEndings(), error);
    }

    [Fact]
    public void No_problems_no_copy()
    {
        string annotated = _dir.File("annotated.xlsx");
        var (code, output, _) = CliTests.Run("check", Repo.Seed, "--templates", Repo.Path("templates"), "--annotate", annotated);
        Assert.Equal(0, code);
        Assert.EndsWith($"no problems; no annotated copy written ({annotated} was left as it was).\n".ReplaceLineEndings(), output);
        Assert.False(File.Exists(annotated));
    }

    [Fact]
    public void An_unreadable_workbook_is_not_annotated_and_says_why()
    {
        string workbook = _dir.File("cycle.xlsx");
        File.WriteAllText(workbook, "outcome,year\n1.1,2020\n");
        string annotated = _dir.File("annotated.xlsx");
        var (code, output, error) = CliTests.Run("check", workbook, "--annotate", annotated);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($$"""
            cycle.xlsx: this is a text file (CSV or similar), not an .xlsx workbook; open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)
            templates: not checked, as the documents cannot be composed until the workbook's problems above are fixed
            1 problem found.
            no annotated copy written: the workbook cannot be read, so it cannot be annotated ({{annotated}} was left as it was).

            """.ReplaceLineEndings(), error);
        Assert.False(File.Exists(annotated));
    }
}
