using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportGen.Workbook;
using SheetColumns = DocumentFormat.OpenXml.Spreadsheet.Columns;
using SheetRows = DocumentFormat.OpenXml.Spreadsheet.SheetData;

namespace ReportGen.Packaging;

/// <summary>
/// A copy of a workbook with its problems marked where staff fix them: a note (comment) on each
/// problem's cell carrying its messages, that cell filled red, and a first sheet, "Problems",
/// listing every problem with a link to its cell. Only the parts that must change are rewritten
/// (workbook.xml, styles.xml, the sheets with a problem at a cell, relationships, content types);
/// every other part is copied as it is, and the same inputs give the same bytes.
/// </summary>
public static partial class WorkbookAnnotator
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string NoteAuthor = "reportgen";

    /// <summary>The name of the added first sheet (with " 2", " 3"… when the workbook already has one).</summary>
    public const string ProblemsSheet = "Problems";

    /// <summary>Excel's light red "Bad" fill.</summary>
    private const string HighlightColor = "FFFFC7CE";

    /// <summary>Excel's limit on the text of one cell or note; longer text is cut with an ellipsis.</summary>
    private const int MaxText = 32_767;

    /// <summary>Where a problem is in the workbook: its sheet and its cell, either null when it has none; the label names the sheet or the place.</summary>
    private sealed record Mark(Problem Problem, string Label, Sheet? Sheet, CellRef? Cell);

    /// <summary>The annotated copy's bytes.</summary>
    /// <exception cref="InputException">The workbook cannot be opened as a package to annotate; the problem says why.</exception>
    public static byte[] Annotate(string workbookPath, IReadOnlyList<Problem> problems)
    {
        var buffer = new MemoryStream();
        try
        {
            using (var source = File.OpenRead(workbookPath)) source.CopyTo(buffer);
            using (var document = SpreadsheetDocument.Open(buffer, true, new OpenSettings { AutoSave = true }))
                Annotate(document, problems);
        }
        // What a package our reader accepts may still hold for the SDK: a part it cannot parse, an attribute out of range.
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
            or UnauthorizedAccessException or FormatException or OverflowException)
        {
            throw new InputException(new Problem(Path.GetFileName(workbookPath),
                $"the package cannot be annotated ({e.Message.TrimEnd('.')}); save it again in Excel or LibreOffice"));
        }
        return DeterministicZip.Normalize(buffer.ToArray());
    }

    private static void Annotate(SpreadsheetDocument document, IReadOnlyList<Problem> problems)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook part");
        var sheets = workbookPart.Workbook.Sheets ?? throw new InvalidDataException("the workbook lists no sheets");
        var sheetList = sheets.Elements<Sheet>().Where(s => s.Name?.Value is not null).ToList();
        // Longest names first, so "Funding 2!C3" is not taken for a sheet "Funding"; names of one length in workbook order, the reader's.
        var byLength = sheetList.Where(s => s.Name!.Value!.Trim().Length > 0).OrderByDescending(s => s.Name!.Value!.Trim().Length).ToList();
        var marks = problems.Select(p => Locate(p, byLength)).ToList();

        var highlight = new Highlighter(workbookPart);
        var blocks = new ShapeBlocks(workbookPart);
        foreach (var sheet in sheetList)
        {
            var atCells = marks.Where(m => m.Sheet == sheet && m.Cell is not null).ToList();
            if (atCells.Count == 0 || sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var found) || found is not WorksheetPart part) continue;
            var byCell = atCells.GroupBy(m => m.Cell!.Value).OrderBy(g => g.Key.Row).ThenBy(g => g.Key.Column)
                .Select(g => (Cell: g.Key, Text: Cut(string.Join("\n", g.Select(m => Problem.Visible(m.Problem.Message)))))).ToList();
            MarkCells(part, byCell.Select(c => c.Cell), highlight);
            AddNotes(part, byCell, blocks);
        }
        AddProblemsSheet(workbookPart, sheets, marks);
    }

    /// <summary>
    /// A problem's sheet and cell: <c>Funding!C7</c> that cell, <c>Projects!12</c> the row's first
    /// cell, <c>Funding</c> the sheet alone. A place naming no sheet of the workbook (a missing
    /// sheet, a template, the file) is listed but not linked.
    /// </summary>
    private static Mark Locate(Problem problem, List<Sheet> sheets)
    {
        string place = problem.Place;
        // Names are matched as the reader matches them: trimmed, in any case.
        foreach (var sheet in sheets)
        {
            string trimmed = sheet.Name!.Value!.Trim();
            if (string.Equals(place, trimmed, StringComparison.OrdinalIgnoreCase)) return new(problem, trimmed, sheet, null);
            if (place.Length > trimmed.Length && place[trimmed.Length] == '!' && place.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                string rest = place[(trimmed.Length + 1)..];
                if (CellRef.TryParse(rest, out var cell) && cell.Row <= XlsxFile.MaxRow && cell.Column <= XlsxFile.MaxColumn)
                    return new(problem, trimmed, sheet, cell);
                if (int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int row) && row is >= 1 and <= XlsxFile.MaxRow)
                    return new(problem, trimmed, sheet, new CellRef(1, row));
                return new(problem, trimmed, sheet, null);
            }
        }
        return new(problem, place, null, null);
    }

    private static string Cut(string text) => text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";

    /// <summary>Gives each cell a highlighted copy of its format, adding the cell (and its row) where the sheet has none.</summary>
    private static void MarkCells(WorksheetPart part, IEnumerable<CellRef> cells, Highlighter highlight)
    {
        var worksheet = part.Worksheet;
        var sheetData = worksheet.GetFirstChild<SheetRows>() ?? throw new InvalidDataException($"{part.Uri} has no sheetData");
        var rows = new SortedDictionary<uint, Row>();
        uint previous = 0;
        foreach (var row in sheetData.Elements<Row>())
        {
            // A row without r follows the one before it, as Excel reads it.
            uint index = row.RowIndex?.Value ?? previous + 1;
            rows.TryAdd(index, row);
            previous = index;
        }
        var columnStyles = worksheet.Elements<SheetColumns>().SelectMany(c => c.Elements<Column>()).ToList();
        foreach (var cellRef in cells)
        {
            var row = RowAt(sheetData, rows, (uint)cellRef.Row);
            var (cell, added) = CellAt(row, cellRef);
            // A cell the sheet did not have shows its row's format, else its column's, as Excel shows an empty cell.
            uint style = !added ? cell.StyleIndex?.Value ?? 0
                : (row.CustomFormat?.Value == true ? row.StyleIndex?.Value : null)
                  ?? columnStyles.FirstOrDefault(c => c.Min?.Value <= cellRef.Column && c.Max?.Value >= cellRef.Column)?.Style?.Value
                  ?? 0;
            cell.StyleIndex = highlight.Of(style);
        }
    }

    private static Row RowAt(SheetRows sheetData, SortedDictionary<uint, Row> rows, uint index)
    {
        if (rows.TryGetValue(index, out var row)) return row;
        row = new Row { RowIndex = index };
        var next = rows.FirstOrDefault(r => r.Key > index).Value;
        if (next is not null) sheetData.InsertBefore(row, next);
        else sheetData.Append(row);
        rows[index] = row;
        return row;
    }

    private static (Cell Cell, bool Added) CellAt(Row row, CellRef at)
    {
        string reference = at.ToString();
        int column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            // A cell without r follows the one before it.
            column = cell.CellReference?.Value is { } r && CellRef.TryParse(r, out var parsed) ? parsed.Column : column + 1;
            if (column == at.Column) return (cell, false);
            if (column > at.Column) return (row.InsertBefore(new Cell { CellReference = reference }, cell), true);
        }
        var added = new Cell { CellReference = reference };
        // After the last cell, before the row's extLst if it has one.
        if (row.Elements<Cell>().LastOrDefault() is { } last) row.InsertAfter(added, last);
        else row.PrependChild(added);
        return (added, true);
    }

    /// <summary>
    /// Highlighted copies of cell formats: one fill added to styles.xml, and for each format a
    /// marked cell uses, one copy of it with that fill (number format, font, borders kept).
    /// </summary>
    private sealed class Highlighter(WorkbookPart workbookPart)
    {
        private readonly Dictionary<uint, uint> _copies = [];
        private Stylesheet? _stylesheet;
        private uint _fill;

        public uint Of(uint style)
        {
            if (_copies.TryGetValue(style, out uint copy)) return copy;
            var stylesheet = Stylesheet();
            var formats = stylesheet.CellFormats!;
            var original = formats.Elements<CellFormat>().ElementAtOrDefault((int)style) ?? formats.Elements<CellFormat>().First();
            var highlighted = (CellFormat)original.CloneNode(true);
            highlighted.FillId = _fill;
            highlighted.ApplyFill = true;
            formats.Append(highlighted);
            copy = (uint)formats.Elements<CellFormat>().Count() - 1;
            formats.Count = copy + 1;
            return _copies[style] = copy;
        }

        private Stylesheet Stylesheet()
        {
            if (_stylesheet is not null) return _stylesheet;
            var part = workbookPart.WorkbookStylesPart ?? workbookPart.AddNewPart<WorkbookStylesPart>(FreeId(workbookPart, "rIdStyles"));
            var stylesheet = part.Stylesheet ??= new Stylesheet();
            stylesheet.Fonts ??= new Fonts(new Font()) { Count = 1 };
            // Fills 0 and 1 are reserved (none, gray125): Excel ignores what a workbook puts there.
            stylesheet.Fills ??= new Fills();
            while (stylesheet.Fills.Elements<Fill>().Count() < 2)
                stylesheet.Fills.Append(new Fill(new PatternFill { PatternType = stylesheet.Fills.Elements<Fill>().Any() ? PatternValues.Gray125 : PatternValues.None }));
            stylesheet.Borders ??= new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };
            stylesheet.CellFormats ??= new CellFormats();
            if (!stylesheet.CellFormats.Elements<CellFormat>().Any())
                stylesheet.CellFormats.Append(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
            stylesheet.Fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = HighlightColor }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
            _fill = (uint)stylesheet.Fills.Elements<Fill>().Count() - 1;
            stylesheet.Fills.Count = _fill + 1;
            return _stylesheet = stylesheet;
        }
    }

    /// <summary>A note on each cell (its messages, one a line), added to the sheet's comments and to the legacy VML drawing Excel shows notes with.</summary>
    private static void AddNotes(WorksheetPart part, List<(CellRef Cell, string Text)> notes, ShapeBlocks blocks)
    {
        var commentsPart = part.WorksheetCommentsPart ?? part.AddNewPart<WorksheetCommentsPart>(FreeId(part, "rIdNotes"));
        var comments = commentsPart.Comments ??= new Comments(new Authors(), new CommentList());
        var authors = comments.Authors ??= new Authors();
        var list = comments.CommentList ??= new CommentList();
        var authorNames = authors.Elements<Author>().Select(a => a.Text).ToList();
        int authorId = authorNames.IndexOf(NoteAuthor);
        if (authorId < 0)
        {
            authors.Append(new Author(NoteAuthor));
            authorId = authorNames.Count;
        }
        var existing = list.Elements<Comment>().Where(c => c.Reference?.Value is not null)
            .GroupBy(c => c.Reference!.Value!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var newShapes = new List<(CellRef Cell, string Text)>();
        foreach (var (cell, text) in notes)
        {
            if (existing.TryGetValue(cell.ToString(), out var comment))
            {
                // A cell already has a note (one per cell): the problems are added under its text.
                var body = comment.CommentText ??= new CommentText();
                var added = new Run(new Text("\n" + text) { Space = SpaceProcessingModeValues.Preserve });
                // Runs follow the text and come before any phonetic runs.
                if (body.ChildElements.LastOrDefault(e => e is Text or Run) is { } lastRun) body.InsertAfter(added, lastRun);
                else body.PrependChild(added);
                continue;
            }
            list.Append(new Comment(new CommentText(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            { Reference = cell.ToString(), AuthorId = (uint)authorId });
            newShapes.Add((cell, text));
        }
        if (newShapes.Count == 0) return;

        var worksheet = part.Worksheet;
        var legacy = worksheet.GetFirstChild<LegacyDrawing>();
        if (legacy?.Id?.Value is { } vmlId && part.TryGetPartById(vmlId, out var drawingPart) && drawingPart is VmlDrawingPart vml)
        {
            string xml;
            using (var reader = new StreamReader(vml.GetStream(FileMode.Open, FileAccess.Read))) xml = reader.ReadToEnd();
            int end = xml.LastIndexOf("</xml>", StringComparison.Ordinal);
            if (end < 0) throw new InvalidDataException($"{vml.Uri} is not a VML drawing");
            var (data, first) = blocks.Take(newShapes.Count);
            string shapes = Shapes(newShapes, first, withType: !xml.Contains("_x0000_t202", StringComparison.Ordinal));
            xml = IdMap().Replace(xml[..end], m => $"{m.Groups[1].Value}{m.Groups[2].Value},{data}{m.Groups[3].Value}", 1) + shapes + xml[end..];
            WriteText(vml, xml);
        }
        else
        {
            var (data, first) = blocks.Take(newShapes.Count);
            var added = part.AddNewPart<VmlDrawingPart>(FreeId(part, "rIdNoteShapes"));
            WriteText(added, "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
                + $"<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{data}\"/></o:shapelayout>"
                + Shapes(newShapes, first, withType: true) + "</xml>");
            if (legacy is not null) legacy.Id = part.GetIdOfPart(added);
            else InsertInOrder(worksheet, new LegacyDrawing { Id = part.GetIdOfPart(added) }, AfterLegacyDrawing);
        }
    }

    /// <summary>
    /// Shape ids for notes. Excel numbers the shapes of every VML drawing in a workbook from one
    /// space, in blocks of 1024 (block b: ids b×1024 to b×1024+1023), each drawing declaring its
    /// blocks in its idmap; new shapes take blocks no drawing of the workbook uses.
    /// </summary>
    private sealed class ShapeBlocks
    {
        private int _next = 1;

        public ShapeBlocks(WorkbookPart workbookPart)
        {
            foreach (var vml in workbookPart.WorksheetParts.SelectMany(p => p.VmlDrawingParts))
            {
                string xml;
                using (var reader = new StreamReader(vml.GetStream(FileMode.Open, FileAccess.Read))) xml = reader.ReadToEnd();
                foreach (Match m in IdMap().Matches(xml))
                    foreach (var block in m.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        if (int.TryParse(block, NumberStyles.None, CultureInfo.InvariantCulture, out int b) && b < int.MaxValue / 2048) _next = Math.Max(_next, b + 1);
                foreach (Match m in ShapeNumbers().Matches(xml))
                    if (int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && id < int.MaxValue / 2) _next = Math.Max(_next, id / 1024 + 1);
            }
        }

        /// <summary>Blocks for <paramref name="shapes"/> shapes: the idmap's data ("5" or "5,6") and the first shape's id.</summary>
        public (string Data, int FirstShape) Take(int shapes)
        {
            int count = shapes / 1024 + 1; // ids b×1024+1 onwards: n shapes fit in n/1024+1 blocks
            string data = string.Join(",", Enumerable.Range(_next, count).Select(b => b.ToString(CultureInfo.InvariantCulture)));
            int first = _next * 1024 + 1;
            _next += count;
            return (data, first);
        }
    }

    [GeneratedRegex("(<o:idmap\\b[^>]*\\bdata=\")([^\"]*)(\")")]
    private static partial Regex IdMap();

    [GeneratedRegex("_x0000_s(\\d+)")]
    private static partial Regex ShapeNumbers();

    /// <summary>The elements a worksheet may have after legacyDrawing, in the schema's order.</summary>
    private static readonly string[] AfterLegacyDrawing = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

    private static void InsertInOrder(OpenXmlCompositeElement parent, OpenXmlElement child, string[] followers)
    {
        var before = parent.ChildElements.FirstOrDefault(e => followers.Contains(e.LocalName));
        if (before is not null) parent.InsertBefore(child, before);
        else parent.Append(child);
    }

    /// <summary>Hidden note boxes as Excel writes them, anchored beside their cells (VML rows and columns count from 0).</summary>
    private static string Shapes(List<(CellRef Cell, string Text)> notes, int firstShape, bool withType)
    {
        var text = new StringBuilder();
        if (withType)
            text.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">")
                .Append("<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        for (int i = 0; i < notes.Count; i++)
        {
            int row = notes[i].Cell.Row - 1, column = notes[i].Cell.Column - 1;
            int lines = Math.Clamp(notes[i].Text.Length / 40 + notes[i].Text.Count(c => c == '\n') + 1, 4, 20);
            text.Append(CultureInfo.InvariantCulture, $"<v:shape id=\"_x0000_s{firstShape + i}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:0;margin-top:0;width:240pt;height:{lines * 15}pt;z-index:{i + 1};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">")
                .Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
                .Append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
                .Append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>")
                .Append(CultureInfo.InvariantCulture, $"<x:Anchor>{column + 1}, 15, {Math.Max(row - 1, 0)}, 2, {column + 5}, 15, {Math.Max(row - 1, 0) + lines}, 2</x:Anchor>")
                .Append(CultureInfo.InvariantCulture, $"<x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
        }
        return text.ToString();
    }

    private static void WriteText(OpenXmlPart part, string text)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        stream.Write(new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>A relationship id the part does not use yet: explicit, since generated ids are random and would change the bytes.</summary>
    private static string FreeId(OpenXmlPartContainer container, string stem)
    {
        var used = container.Parts.Select(p => p.RelationshipId)
            .Concat(container.ExternalRelationships.Select(r => r.Id))
            .Concat(container.HyperlinkRelationships.Select(r => r.Id))
            .Concat(container.DataPartReferenceRelationships.Select(r => r.Id))
            .ToHashSet(StringComparer.Ordinal);
        string id = stem;
        for (int n = 2; used.Contains(id); n++) id = stem + n.ToString(CultureInfo.InvariantCulture);
        return id;
    }

    /// <summary>
    /// The first sheet: one row per problem (sheet or file, cell, message), the sheet's name a link
    /// to the problem's cell, or to A1 for a problem with the whole sheet. The copy opens on
    /// it; sheet-local names, which count sheets by position, move up by one.
    /// </summary>
    private static void AddProblemsSheet(WorkbookPart workbookPart, Sheets sheets, List<Mark> marks)
    {
        var names = sheets.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        string name = ProblemsSheet;
        for (int n = 2; names.Contains(name); n++) name = $"{ProblemsSheet} {n.ToString(CultureInfo.InvariantCulture)}";

        var part = workbookPart.AddNewPart<WorksheetPart>(FreeId(workbookPart, "rIdProblems"));
        using (var stream = part.GetStream(FileMode.Create, FileAccess.Write)) WriteProblemsSheet(stream, marks);
        uint sheetId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        sheets.PrependChild(new Sheet { Name = name, SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) });

        var workbook = workbookPart.Workbook;
        foreach (var view in workbook.BookViews?.Elements<WorkbookView>() ?? [])
        {
            view.ActiveTab = 0;
            if (view.FirstSheet is not null) view.FirstSheet = 0; // the list's tab in view
        }
        foreach (var definedName in workbook.DefinedNames?.Elements<DefinedName>() ?? [])
            if (definedName.LocalSheetId?.Value is uint local) definedName.LocalSheetId = local + 1;
        // The copy opens on the list. A sheet still marked selected would be grouped with it (an edit would go to both).
        foreach (var sheet in sheets.Elements<Sheet>())
            if (sheet.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var other) && other is WorksheetPart sheetPart && other != part && IsSelected(sheetPart))
                foreach (var view in sheetPart.Worksheet.GetFirstChild<SheetViews>()?.Elements<SheetView>() ?? [])
                    view.TabSelected = null;
    }

    /// <summary>Whether a sheet's view marks its tab selected, read from the part's XML so that other sheets are not rewritten.</summary>
    private static bool IsSelected(WorksheetPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "sheetData") return false; // the views come before the cells
            if (reader.LocalName == "sheetView" && reader.GetAttribute("tabSelected") is "1" or "true") return true;
        }
        return false;
    }

    /// <summary>A sheet's name as a reference writes it: quoted (quotes doubled) unless it is a plain word, as Excel writes it.</summary>
    private static string SheetInFormula(string sheet) =>
        sheet.Length > 0 && !char.IsAsciiDigit(sheet[0]) && sheet.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && !CellRef.TryParse(sheet, out _) && !RowColumnReference().IsMatch(sheet)
            ? sheet : $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>Names Excel would read as an R1C1 reference ("R", "C3", "R2C"), which it quotes too.</summary>
    [GeneratedRegex("^(?:[Rr][0-9]*(?:[Cc][0-9]*)?|[Cc][0-9]*)$")]
    private static partial Regex RowColumnReference();

    private static void WriteProblemsSheet(Stream stream, List<Mark> marks)
    {
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        w.WriteStartElement("worksheet", Main);
        SpreadsheetWriter.FrozenHeaderView(w, selected: true); // the copy opens on its list of problems
        w.WriteStartElement("cols", Main);
        foreach (var (column, width) in new[] { (1, "24"), (2, "8"), (3, "120") })
        {
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", column.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("max", column.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("width", width);
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("sheetData", Main);
        WriteRow(w, 1, ["Sheet or file", "Cell", "Problem"]);
        for (int i = 0; i < marks.Count; i++)
            WriteRow(w, i + 2, [Problem.Visible(marks[i].Label), marks[i].Cell?.ToString() ?? "", Cut(Problem.Visible(marks[i].Problem.Message))]);
        w.WriteEndElement();
        if (marks.Any(m => m.Sheet is not null))
        {
            w.WriteStartElement("hyperlinks", Main);
            for (int i = 0; i < marks.Count; i++)
            {
                if (marks[i].Sheet?.Name?.Value is not { } sheet) continue;
                string cell = marks[i].Cell?.ToString() ?? "A1";
                w.WriteStartElement("hyperlink", Main);
                w.WriteAttributeString("ref", "A" + (i + 2).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("location", $"{SheetInFormula(sheet)}!{cell}");
                w.WriteAttributeString("display", Problem.Visible(marks[i].Label));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>A row of inline texts: the workbook's shared strings are left as they are.</summary>
    private static void WriteRow(XmlWriter w, int row, string[] values)
    {
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
        for (int c = 0; c < values.Length; c++)
        {
            if (values[c].Length == 0) continue;
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", CellRef.ColumnLetters(c + 1) + row.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("t", "inlineStr");
            w.WriteStartElement("is", Main);
            w.WriteStartElement("t", Main);
            if (char.IsWhiteSpace(values[c][0]) || char.IsWhiteSpace(values[c][^1])) w.WriteAttributeString("xml", "space", null, "preserve");
            w.WriteString(values[c]);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
