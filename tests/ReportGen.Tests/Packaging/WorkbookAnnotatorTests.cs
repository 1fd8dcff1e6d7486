using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportGen.Packaging;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Packaging;

/// <summary>The annotated copy of <c>check --annotate</c>, read back with the Open XML SDK and with LibreOffice.</summary>
public sealed class WorkbookAnnotatorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[][] ExpectedList =
    [
        ["Sheet or file", "Cell", "Problem"],
        ["Funding", "", "no row for the reporting year 2020 for outcome 1.2"],
        ["Projects", "C3", "title is required"],
        ["Projects", "F5", "outcome 9.9 is not on the Outcomes sheet"],
        ["Projects", "I6", "budget_usd must not be negative (-5)"],
        ["Services", "", "sheet 'Services' is missing from the workbook (its sheets are 'Settings', 'Documents', 'Domains', 'Outcomes', 'Indicators', 'IndicatorValues', 'Funding', 'Regions', 'Projects', 'Flagships', 'LinkageTargets'); add a sheet named Services"],
    ];

    private (string Path, IReadOnlyList<Problem> Problems, byte[] Annotated) AnnotateBadSample()
    {
        string path = BadSample.Write(_dir.File("bad.xlsx"));
        var problems = CycleReader.Read(path).Problems;
        Assert.Equal(ExpectedList.Skip(1).Select(r => r[1] == "" ? $"{r[0]}: {r[2]}" : $"{r[0]}!{r[1]}: {r[2]}"), problems.Select(p => p.ToString()));
        return (path, problems, WorkbookAnnotator.Annotate(path, problems));
    }

    [Fact]
    public void Problems_sheet_comes_first_with_a_row_and_a_link_for_each_problem()
    {
        var (_, _, annotated) = AnnotateBadSample();
        using var document = SpreadsheetDocument.Open(new MemoryStream(annotated), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Problems", "Settings", "Documents", "Domains", "Outcomes", "Indicators", "IndicatorValues", "Funding", "Regions", "Projects", "Flagships", "LinkageTargets"],
            workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var list = Part(document, "Problems");
        Assert.Equal(ExpectedList, Rows(list));
        // A problem with a whole sheet links to its A1; a sheet the workbook lacks has no link.
        Assert.Equal([("A2", "Funding!A1"), ("A3", "Projects!C3"), ("A4", "Projects!F5"), ("A5", "Projects!I6")],
            list.Worksheet.Descendants<Hyperlink>().Select(h => (h.Reference!.Value, h.Location!.Value)));
    }

    [Fact]
    public void Each_problem_cell_gets_a_note_with_its_message_and_a_red_fill_on_a_copy_of_its_format()
    {
        var (_, _, annotated) = AnnotateBadSample();
        using var document = SpreadsheetDocument.Open(new MemoryStream(annotated), false);
        var projects = Part(document, "Projects");
        Assert.Equal([("C3", "title is required"), ("F5", "outcome 9.9 is not on the Outcomes sheet"), ("I6", "budget_usd must not be negative (-5)")],
            projects.WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().Select(c => (c.Reference!.Value, c.InnerText)));
        Assert.Equal(["reportgen"], projects.WorksheetCommentsPart.Comments.Authors!.Elements<Author>().Select(a => a.Text));
        // Excel shows a note only through its shape in the sheet's legacy VML drawing.
        var vml = (VmlDrawingPart)projects.GetPartById(projects.Worksheet.GetFirstChild<LegacyDrawing>()!.Id!);
        string shapes = new StreamReader(vml.GetStream()).ReadToEnd();
        Assert.Equal(3, shapes.Split("ObjectType=\"Note\"").Length - 1);
        Assert.Contains("<x:Row>2</x:Row><x:Column>2</x:Column>", shapes);
        Assert.Contains("<x:Row>4</x:Row><x:Column>5</x:Column>", shapes);
        Assert.Contains("<x:Row>5</x:Row><x:Column>8</x:Column>", shapes);
        // A problem with the whole sheet is on the list only.
        Assert.Null(Part(document, "Funding").WorksheetCommentsPart);

        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var fills = styles.Fills!.Elements<Fill>().ToList();
        var cells = projects.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        foreach (var reference in new[] { "C3", "F5", "I6" })
        {
            var format = formats[(int)cells[reference].StyleIndex!.Value];
            var fill = fills[(int)format.FillId!.Value].PatternFill!;
            Assert.Equal(PatternValues.Solid, fill.PatternType!.Value);
            Assert.Equal("FFFFC7CE", fill.ForegroundColor!.Rgb!.Value);
            Assert.Equal((0u, 0u, 0u), (format.NumberFormatId!.Value, format.FontId!.Value, format.BorderId!.Value)); // the sample's plain cells
        }
        Assert.Null(cells["C4"].StyleIndex); // its neighbour is left alone
        Assert.False(cells["C3"].Any()); // the blank title stays blank, now a cell of its own to hold the fill
    }

    [Fact]
    public void A_marked_date_keeps_its_number_format_font_and_borders()
    {
        string path = BadSample.Write(_dir.File("bad.xlsx"));
        var annotated = WorkbookAnnotator.Annotate(path, [new Problem("Documents!D2", "the date is after the session; type the date the document is issued")]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(annotated), false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var date = Part(document, "Documents").Worksheet.Descendants<Cell>().Single(c => c.CellReference == "D2");
        var marked = formats[(int)date.StyleIndex!.Value];
        Assert.Equal(3, (int)date.StyleIndex!.Value); // a copy of format 2 (dates), added after the writer's three
        Assert.Equal((14u, formats[2].FontId!.Value, formats[2].BorderId!.Value, true), (marked.NumberFormatId!.Value, marked.FontId!.Value, marked.BorderId!.Value, marked.ApplyFill!.Value));
        Assert.Equal(0u, formats[2].FillId!.Value); // the original format is unchanged: other dates are not filled
    }

    [Fact]
    public void Nothing_else_changes_and_the_copy_reads_as_the_original()
    {
        var (path, problems, annotated) = AnnotateBadSample();
        var before = Entries(File.ReadAllBytes(path));
        var after = Entries(annotated);
        Assert.Equal(["/[Content_Types].xml", "/xl/_rels/workbook.xml.rels", "/xl/styles.xml", "/xl/workbook.xml", "/xl/worksheets/sheet9.xml"],
            before.Keys.Where(k => !after[k].SequenceEqual(before[k])).Order(StringComparer.Ordinal));
        Assert.Equal(["/xl/comments1.xml", "/xl/drawings/vmldrawing.vml", "/xl/worksheets/_rels/sheet9.xml.rels", "/xl/worksheets/sheet12.xml"],
            after.Keys.Except(before.Keys).Order(StringComparer.Ordinal));
        // The rewritten sheet holds the same values; the copy is still a workbook the tool reads, with the same problems.
        using (var original = SpreadsheetDocument.Open(path, false))
        using (var copy = SpreadsheetDocument.Open(new MemoryStream(annotated), false))
            Assert.Equal(Values(Part(original, "Projects")), Values(Part(copy, "Projects")));
        string copyPath = _dir.File("copy.xlsx");
        File.WriteAllBytes(copyPath, annotated);
        // (The missing sheet's message lists the sheets there are: the copy's list has Problems too.)
        static string WithoutSheetList(Problem p) => System.Text.RegularExpressions.Regex.Replace(p.ToString(), @" \(its sheets are [^)]*\)", "");
        Assert.Equal(problems.Select(WithoutSheetList), CycleReader.Read(copyPath).Problems.Select(WithoutSheetList));
    }

    [Fact]
    public void Same_workbook_same_bytes_and_the_workbook_is_not_touched()
    {
        var (path, problems, annotated) = AnnotateBadSample();
        byte[] hash = SHA256.HashData(File.ReadAllBytes(path));
        Assert.Equal(annotated, WorkbookAnnotator.Annotate(path, problems));
        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.All(new ZipArchive(new MemoryStream(annotated)).Entries, e => Assert.Equal(DeterministicZip.FixedTime.Year, e.LastWriteTime.Year));
    }

    [Fact]
    public void A_second_annotation_adds_to_the_notes_already_there()
    {
        var (_, problems, annotated) = AnnotateBadSample();
        string once = _dir.File("once.xlsx");
        File.WriteAllBytes(once, annotated);
        var again = WorkbookAnnotator.Annotate(once, [problems[2], new Problem("Projects!G7", "secondary outcome 8.8 is not on the Outcomes sheet")]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(again), false);
        Assert.Equal(["Problems 2", "Problems", "Settings"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Take(3).Select(s => s.Name!.Value));
        var projects = Part(document, "Projects");
        Assert.Equal([("C3", "title is required"), ("F5", "outcome 9.9 is not on the Outcomes sheet\noutcome 9.9 is not on the Outcomes sheet"),
                ("I6", "budget_usd must not be negative (-5)"), ("G7", "secondary outcome 8.8 is not on the Outcomes sheet")],
            projects.WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().Select(c => (c.Reference!.Value, c.InnerText)));
        Assert.Single(projects.VmlDrawingParts);
        string shapes = new StreamReader(projects.VmlDrawingParts.Single().GetStream()).ReadToEnd();
        Assert.Equal(4, shapes.Split("ObjectType=\"Note\"").Length - 1); // one more shape, for G7
        Assert.Single(shapes.Split("<v:shapetype").Skip(1));
        var ids = System.Text.RegularExpressions.Regex.Matches(shapes, "id=\"(_x0000_s\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // The added shape takes a block of ids of its own, declared beside the first annotation's.
        Assert.Contains("<o:idmap v:ext=\"edit\" data=\"1,2\"/>", shapes);
        Assert.Equal(["_x0000_s1025", "_x0000_s1026", "_x0000_s1027", "_x0000_s2049"], ids);
    }

    [Fact]
    public void A_workbook_saved_by_Calc_opens_on_the_list_with_its_formats_copied()
    {
        string path = Repo.Path("tests", "ReportGen.Tests", "Fixtures", "libreoffice-broken.xlsx");
        var problems = CycleReader.Read(path).Problems;
        using var document = SpreadsheetDocument.Open(new MemoryStream(WorkbookAnnotator.Annotate(path, problems)), false);
        using var original = SpreadsheetDocument.Open(path, false);
        var view = document.WorkbookPart!.Workbook.BookViews!.Elements<WorkbookView>().Single();
        Assert.Equal((0u, 0u), (view.ActiveTab!.Value, view.FirstSheet!.Value));
        Assert.True(Part(document, "Problems").Worksheet.Descendants<SheetView>().Single().TabSelected!.Value);
        Assert.True(Part(original, "Settings").Worksheet.Descendants<SheetView>().Single().TabSelected!.Value);
        Assert.Null(Part(document, "Settings").Worksheet.Descendants<SheetView>().Single().TabSelected); // not grouped with the list
        Assert.Equal([("D3", "the cell holds the error value #DIV/0!; correct its formula or type the value")],
            Part(document, "Funding").WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().Select(c => (c.Reference!.Value, c.InnerText)));
        // The error cell's own format (Calc's), copied with the fill; the original format is left to the cells that use it.
        CellFormat Format(SpreadsheetDocument d, string sheet, string cell) => d.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .ElementAt((int)(Part(d, sheet).Worksheet.Descendants<Cell>().Single(c => c.CellReference == cell).StyleIndex?.Value ?? 0));
        var before = Format(original, "Funding", "D3");
        var after = Format(document, "Funding", "D3");
        Assert.Equal((before.NumberFormatId?.Value, before.FontId?.Value, before.BorderId?.Value, before.FormatId?.Value),
            (after.NumberFormatId?.Value, after.FontId?.Value, after.BorderId?.Value, after.FormatId?.Value));
        Assert.NotEqual(before.FillId?.Value, after.FillId!.Value);
        // Two sheets with notes: each drawing its own block of shape ids.
        Assert.Equal(["1:_x0000_s1025", "2:_x0000_s2049"], new[] { "Funding", "Projects" }.Select(sheet =>
        {
            string vml = new StreamReader(Part(document, sheet).VmlDrawingParts.Single().GetStream()).ReadToEnd();
            return System.Text.RegularExpressions.Regex.Match(vml, "data=\"([^\"]+)\"").Groups[1].Value + ":" + System.Text.RegularExpressions.Regex.Match(vml, "<v:shape id=\"([^\"]+)\"").Groups[1].Value;
        }));
        Assert.Equal(before.OuterXml, Format(document, "Funding", "D2").OuterXml);
    }

    [Fact]
    public void A_problem_with_a_row_is_marked_at_its_first_cell()
    {
        string path = BadSample.Write(_dir.File("bad.xlsx"));
        var annotated = WorkbookAnnotator.Annotate(path, [new Problem("Projects!7", "the row is given twice")]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(annotated), false);
        Assert.Equal([["Sheet or file", "Cell", "Problem"], ["Projects", "A7", "the row is given twice"]], Rows(Part(document, "Problems")));
        Assert.Equal("Projects!A7", Part(document, "Problems").Worksheet.Descendants<Hyperlink>().Single().Location!.Value);
        Assert.Equal("A7", Part(document, "Projects").WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().Single().Reference!.Value);
    }

    [Fact]
    public void Links_quote_the_sheet_names_Excel_quotes()
    {
        string path = WorkbookBuilder.Minimal().Sheet("Bob's notes", ["a"], ["x"]).Sheet("C2", ["a"], ["x"]).Sheet("R", ["a"], ["x"])
            .Save(_dir.File("names.xlsx"));
        var annotated = WorkbookAnnotator.Annotate(path,
            [new Problem("Bob's notes!A2", "a"), new Problem("C2!A2", "b"), new Problem("R", "c"), new Problem("funding!B3", "d")]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(annotated), false);
        Assert.Equal(["'Bob''s notes'!A2", "'C2'!A2", "'R'!A1", "Funding!B3"], // a place's sheet in any case, as the reader matches it
            Part(document, "Problems").Worksheet.Descendants<Hyperlink>().Select(h => h.Location!.Value));
    }

    [SkippableFact]
    public void LibreOffice_reads_the_list_the_notes_and_the_links()
    {
        var (_, _, annotated) = AnnotateBadSample();
        string copy = _dir.File("annotated.xlsx");
        File.WriteAllBytes(copy, annotated);
        string converted = _dir.File("lo");
        string said = LibreOffice.Convert([copy], "fods", converted, _dir.Path, "libreoffice-calc-nogui");
        string fods = Path.Combine(converted, "annotated.fods");
        Assert.True(File.Exists(fods), $"LibreOffice did not read the annotated copy (is Calc installed? apt-get install libreoffice-calc-nogui): {said}");
        var ods = XDocument.Load(fods);
        XNamespace table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0", office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
            text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0", xlink = "http://www.w3.org/1999/xlink";
        var tables = ods.Descendants(table + "table").ToList();
        Assert.Equal("Problems", (string?)tables[0].Attribute(table + "name"));
        var cells = Grid(tables[0], table);
        Assert.Equal(ExpectedList, cells.Where(r => r.Any(c => c.Value.Length > 0)).Select(r => r.Take(3).Select(c => c.Value).ToArray()));
        // Calc turns most links into its own notation (#Projects.F5) but keeps a few as Excel wrote them (#Projects!C3).
        Assert.Equal(["#Funding.A1", "#Projects.C3", "#Projects.F5", "#Projects.I6"],
            tables[0].Descendants(text + "a").Select(a => ((string)a.Attribute(xlink + "href")!).Replace('!', '.')));
        // The notes, at their cells of the Projects sheet.
        var projects = Grid(tables.Single(t => (string?)t.Attribute(table + "name") == "Projects"), table);
        var notes = projects.SelectMany((row, r) => row.Select((cell, c) => (Cell: new CellRef(c + 1, r + 1).ToString(), cell.Element)))
            .Where(x => x.Element?.Element(office + "annotation") is not null)
            .Select(x => (x.Cell, string.Join("\n", x.Element!.Element(office + "annotation")!.Elements(text + "p").Select(p => p.Value))));
        Assert.Equal([("C3", "title is required"), ("F5", "outcome 9.9 is not on the Outcomes sheet"), ("I6", "budget_usd must not be negative (-5)")], notes);
    }

    /// <summary>An ODF table's cells by row and column, repeated rows and cells expanded (to 20 columns, 200 rows).</summary>
    private static List<List<(string Value, XElement? Element)>> Grid(XElement sheet, XNamespace table)
    {
        var rows = new List<List<(string, XElement?)>>();
        foreach (var row in sheet.Descendants(table + "table-row"))
        {
            var cells = new List<(string, XElement?)>();
            foreach (var cell in row.Elements().Where(e => e.Name.LocalName is "table-cell" or "covered-table-cell"))
            {
                int repeat = Math.Min((int?)cell.Attribute(table + "number-columns-repeated") ?? 1, 20);
                XNamespace text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
                string value = string.Join("\n", cell.Elements(text + "p").Select(p => p.Value));
                for (int i = 0; i < repeat && cells.Count < 20; i++) cells.Add((value, cell));
            }
            int rowRepeat = Math.Min((int?)row.Attribute(table + "number-rows-repeated") ?? 1, 200);
            for (int i = 0; i < rowRepeat && rows.Count < 200; i++) rows.Add(cells);
        }
        return rows;
    }

    private static WorksheetPart Part(SpreadsheetDocument document, string sheet)
    {
        var workbook = document.WorkbookPart!;
        return (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
    }

    /// <summary>A sheet of inline texts, three columns, blank cells as "".</summary>
    private static string[][] Rows(WorksheetPart part) =>
        [.. part.Worksheet.Descendants<Row>().Select(row =>
        {
            var values = new string[3];
            Array.Fill(values, "");
            foreach (var cell in row.Elements<Cell>())
            {
                Assert.True(CellRef.TryParse(cell.CellReference!.Value, out var at));
                values[at.Column - 1] = cell.InlineString!.InnerText;
            }
            return values;
        })];

    /// <summary>Every cell with a value: its reference, type and value as written.</summary>
    private static List<(string?, string?, string)> Values(WorksheetPart part) =>
        [.. part.Worksheet.Descendants<Cell>().Where(c => c.CellValue is not null).Select(c => (c.CellReference?.Value, c.DataType?.InnerText, c.CellValue!.Text))];

    private static Dictionary<string, byte[]> Entries(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        return zip.Entries.ToDictionary(e => "/" + e.FullName, e =>
        {
            using var stream = e.Open();
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }
}
