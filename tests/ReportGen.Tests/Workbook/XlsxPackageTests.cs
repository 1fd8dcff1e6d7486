using System.IO.Compression;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>
/// The package layer read without the Open XML SDK: relationships found and resolved as the Open
/// Packaging Conventions say, for packages written by hand the way other programs write them.
/// </summary>
public class XlsxPackageTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const string SheetXml = $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>""";
    private const string SharedXml = $"""<sst xmlns="{Main}"><si><t>hello</t></si></sst>""";

    private static string Zip(TempDir dir, params (string Name, string Text)[] entries)
    {
        string path = dir.File("hand.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }
        return path;
    }

    private static string ContentTypes(string workbookPart = "/xl/workbook.xml", string type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") =>
        $"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="{workbookPart}" ContentType="{type}"/></Types>""";

    private static string Rels(string ns, params (string Id, string Type, string Target)[] rels) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(rels.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{ns}/{r.Type}\" Target=\"{r.Target}\"/>")) + "</Relationships>";

    private static string Workbook(string relNs = Rel, string sheetName = "Data") =>
        $"""<workbook xmlns="{Main}" xmlns:r="{relNs}"><sheets><sheet name=" {sheetName} " sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId9"/></sheets></workbook>""";

    [Theory]
    [InlineData("worksheets/sheet1.xml", "sharedStrings.xml")]        // Excel: relative to /xl/
    [InlineData("/xl/worksheets/sheet1.xml", "/xl/sharedStrings.xml")] // the Open XML SDK: absolute
    [InlineData("../xl/./worksheets/sheet1.xml", "../xl/sharedStrings.xml")]
    public void Sheets_and_shared_strings_are_found_through_relative_and_absolute_targets(string sheetTarget, string sharedTarget)
    {
        using var dir = new TempDir();
        string path = Zip(dir,
            ("[Content_Types].xml", ContentTypes()),
            ("_rels/.rels", Rels(Rel, ("rId1", "officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook()),
            ("xl/_rels/workbook.xml.rels", Rels(Rel, ("rId1", "worksheet", sheetTarget), ("rId2", "sharedStrings", sharedTarget), ("rId9", "chartsheet", "chartsheets/sheet1.xml"))),
            ("xl/worksheets/sheet1.xml", SheetXml),
            ("xl/sharedStrings.xml", SharedXml));
        using var file = XlsxFile.Open(path);
        Assert.Equal(["Data"], file.SheetNames); // trimmed; the chart sheet is not a worksheet
        var cells = Assert.Single(file.ReadRows("Data")).Cells;
        Assert.Equal((CellKind.Text, "hello"), (cells[1].Kind, cells[1].Text));
        Assert.Equal(7.0, cells[2].Number);
    }

    [Fact]
    public void Strict_relationship_types_are_understood()
    {
        using var dir = new TempDir();
        string path = Zip(dir,
            ("[Content_Types].xml", ContentTypes()),
            ("_rels/.rels", Rels(StrictRel, ("rId1", "officeDocument", "/xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook(StrictRel)),
            ("xl/_rels/workbook.xml.rels", Rels(StrictRel, ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", "sharedStrings.xml"))),
            ("xl/worksheets/sheet1.xml", SheetXml),
            ("xl/sharedStrings.xml", SharedXml));
        using var file = XlsxFile.Open(path);
        Assert.Equal("hello", Assert.Single(file.ReadRows("Data")).Cells[1].Text);
    }

    [Fact]
    public void A_relationship_to_a_missing_part_names_both()
    {
        using var dir = new TempDir();
        string path = Zip(dir,
            ("[Content_Types].xml", ContentTypes()),
            ("_rels/.rels", Rels(Rel, ("rId1", "officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook()),
            ("xl/_rels/workbook.xml.rels", Rels(Rel, ("rId1", "worksheet", "worksheets/gone.xml"))));
        var e = Assert.Throws<InputException>(() => XlsxFile.Open(path));
        Assert.Equal("hand.xlsx: not a readable .xlsx workbook (/xl/_rels/workbook.xml.rels names the part /xl/worksheets/gone.xml, which the package does not have)",
            e.Problems[0].ToString());
    }

    [Fact]
    public void A_word_document_named_xlsx_is_not_a_workbook()
    {
        using var dir = new TempDir();
        string path = Zip(dir,
            ("[Content_Types].xml", ContentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
            ("_rels/.rels", Rels(Rel, ("rId1", "officeDocument", "word/document.xml"))),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));
        var e = Assert.Throws<InputException>(() => XlsxFile.Open(path));
        Assert.Equal("hand.xlsx: not an .xlsx workbook (the package has no workbook part)", e.Problems[0].ToString());
    }

    [Theory]
    [InlineData("/xl/workbook.xml", "worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml")]
    [InlineData("/xl/workbook.xml", "/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml")]
    [InlineData("/xl/workbook.xml", "../docProps/app.xml", "/docProps/app.xml")]
    [InlineData("/xl/workbook.xml", "worksheets/sheet%201.xml", "/xl/worksheets/sheet 1.xml")]
    [InlineData("/", "xl/workbook.xml", "/xl/workbook.xml")]
    [InlineData("/xl/workbook.xml", "https://example.org/x.xml", null)]
    public void Targets_resolve_against_the_source_parts_folder(string source, string target, string? expected) =>
        Assert.Equal(expected, XlsxPackage.Resolve(source, target));
}
