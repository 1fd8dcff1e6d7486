using System.IO.Compression;
using System.Xml;

namespace ReportGen.Workbook;

/// <summary>
/// The parts of an .xlsx package that <see cref="XlsxFile"/> reads, found as the Open Packaging
/// Conventions find them: <c>_rels/.rels</c> names the workbook part (its content type, from
/// <c>[Content_Types].xml</c>, a spreadsheet's), the workbook's relationships name its sheets and
/// shared strings, and each relationship's target resolves against the folder of the part it
/// belongs to (<c>worksheets/sheet1.xml</c>, <c>../xl/x.xml</c> or <c>/xl/x.xml</c>). Transitional
/// and Strict relationship types are both understood.
/// </summary>
/// <remarks>
/// Every part is read through <see cref="LimitedStream"/> (<see cref="XlsxFile.MaxPartBytes"/>)
/// with <see cref="XlsxFile.ReaderSettings"/> (no DTD, no resolver) and a depth limit; the zip
/// itself (entry count, sizes, total size, checksums) is checked beforehand by
/// <see cref="IO.PackageCheck"/>. What is malformed throws <see cref="InvalidDataException"/>,
/// <see cref="XmlException"/> or <see cref="LimitException"/>, which <see cref="XlsxFile.Open"/>
/// reports with the file's name.
/// </remarks>
internal sealed class XlsxPackage : IDisposable
{
    private const string Transitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Strict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    /// <summary>The content types of a spreadsheet's main part (workbook, template, macro-enabled, add-in).</summary>
    private static readonly string[] WorkbookContentTypes =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
        "application/vnd.ms-excel.addin.macroEnabled.main+xml",
    ];

    private readonly Stream _file;
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _parts = new(StringComparer.OrdinalIgnoreCase); // "/xl/workbook.xml" -> entry

    /// <summary>The workbook part's name ("/xl/workbook.xml"), or null when the package has none.</summary>
    public string? WorkbookPart { get; private set; }

    /// <summary>The shared strings part's name, or null when the workbook has none.</summary>
    public string? SharedStringsPart { get; private set; }

    /// <summary>Whether the workbook counts dates in the 1904 date system (a Mac Excel option): serial 0 is 1 January 1904.</summary>
    public bool Date1904 { get; private set; }

    /// <summary>The sheets in workbook order: name as the workbook gives it (trimmed), worksheet part name.</summary>
    /// <remarks>Classes rather than tuples here: collections of reference types run the framework's precompiled shared code, where a tuple's would be JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</remarks>
    public List<Sheet> Sheets { get; } = [];

    internal sealed record Sheet(string Name, string Part);

    private sealed record Relationship(string? Type, string? Target);

    /// <summary>A &lt;sheet&gt; of workbook.xml: its name and its relationship's id.</summary>
    private sealed record SheetEntry(string Name, string? Id);

    private XlsxPackage(Stream file, ZipArchive zip)
    {
        _file = file;
        _zip = zip;
    }

    /// <summary>Opens the zip and finds the workbook part (<see cref="WorkbookPart"/> null when it is not a spreadsheet).</summary>
    public static XlsxPackage Open(string path)
    {
        var file = File.OpenRead(path);
        XlsxPackage? package = null;
        try
        {
            package = new XlsxPackage(file, new ZipArchive(file, ZipArchiveMode.Read));
            foreach (var entry in package._zip.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                string name = "/" + Uri.UnescapeDataString(entry.FullName);
                if (!package._parts.TryAdd(name, entry))
                    throw new InvalidDataException($"the package has two parts named {name}");
            }
            package.FindWorkbook();
            return package;
        }
        catch
        {
            if (package is not null) package.Dispose();
            else file.Dispose();
            throw;
        }
    }

    private void FindWorkbook()
    {
        if (!_parts.ContainsKey("/[Content_Types].xml")) return; // not a package of parts at all
        var relationships = Relationships("/");
        if (First(relationships, "officeDocument") is not { } main) return;
        if (!_parts.ContainsKey(main))
            throw new InvalidDataException($"the package names {main} as its document, but has no such part");
        if (Array.IndexOf(WorkbookContentTypes, ContentType(main)) >= 0) WorkbookPart = main;
    }

    /// <summary>Reads workbook.xml (its sheets) and the workbook's relationships (each sheet's part, the shared strings).</summary>
    public void ReadWorkbook()
    {
        string workbook = WorkbookPart!;
        var sheets = new List<SheetEntry>();
        using (var stream = OpenPart(workbook))
        using (var reader = XmlReader.Create(stream, XlsxFile.ReaderSettings))
        {
            bool any = false;
            bool inSheets = false;
            while (reader.Read())
            {
                if (reader.Depth > XlsxFile.MaxXmlDepth) throw new LimitException(workbook, $"its XML is nested more than {XlsxFile.MaxXmlDepth} levels deep");
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1) inSheets = false;
                if (reader.NodeType != XmlNodeType.Element) continue;
                any = true;
                // <workbook><sheets><sheet name="…" r:id="rId1"/>…</sheets></workbook>
                if (reader.Depth == 1 && reader.LocalName == "workbookPr" && IsSpreadsheet(reader.NamespaceURI))
                    Date1904 = reader.GetAttribute("date1904") is "1" or "true"; // <workbookPr date1904="1"/>: serials count from 1 Jan 1904
                if (reader.Depth == 1) inSheets = reader.LocalName == "sheets" && IsSpreadsheet(reader.NamespaceURI) && !reader.IsEmptyElement;
                else if (reader.Depth == 2 && inSheets && reader.LocalName == "sheet" && IsSpreadsheet(reader.NamespaceURI))
                    sheets.Add(new((reader.GetAttribute("name") ?? "").Trim(), reader.GetAttribute("id", Transitional) ?? reader.GetAttribute("id", Strict)));
            }
            if (!any) throw new InvalidDataException($"{workbook} is empty");
        }
        var relationships = Relationships(workbook);
        foreach (var (name, id) in sheets)
        {
            if (id is null || name.Length == 0) continue;
            if (relationships.TryGetValue(id, out var r) && IsType(r.Type, "worksheet") && r.Target is not null)
                Sheets.Add(new(name, Existing(r.Target, workbook)));
        }
        if (First(relationships, "sharedStrings") is { } shared) SharedStringsPart = Existing(shared, workbook);
    }

    /// <summary>Whether a part holds no bytes at all.</summary>
    public bool IsEmpty(string part) => _parts[part].Length == 0;

    /// <summary>The media type an OpenDocument package names in its <c>mimetype</c> part (an .ods names a spreadsheet's), or null.</summary>
    public string? OpenDocumentType()
    {
        if (!_parts.ContainsKey("/mimetype")) return null;
        using var reader = new StreamReader(OpenPart("/mimetype"));
        var buffer = new char[100]; // the longest OpenDocument type is under 60 characters
        return new string(buffer, 0, reader.ReadBlock(buffer)).Trim();
    }

    /// <summary>A part's bytes, refused beyond <see cref="XlsxFile.MaxPartBytes"/>.</summary>
    public Stream OpenPart(string part) => new LimitedStream(_parts[part].Open(), XlsxFile.MaxPartBytes, part);

    private string Existing(string target, string source) => _parts.ContainsKey(target)
        ? target
        : throw new InvalidDataException($"{RelationshipsPart(source)} names the part {target}, which the package does not have");

    private static bool IsSpreadsheet(string ns) =>
        ns is "http://schemas.openxmlformats.org/spreadsheetml/2006/main" or "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private static bool IsType(string? type, string name) =>
        type is not null && type.EndsWith("/" + name, StringComparison.Ordinal)
        && (type.Length == Transitional.Length + 1 + name.Length && type.StartsWith(Transitional, StringComparison.Ordinal)
            || type.Length == Strict.Length + 1 + name.Length && type.StartsWith(Strict, StringComparison.Ordinal));

    /// <summary>"/xl/workbook.xml" -> "/xl/_rels/workbook.xml.rels"; "/" (the package) -> "/_rels/.rels".</summary>
    private static string RelationshipsPart(string source)
    {
        int slash = source.LastIndexOf('/');
        return source[..(slash + 1)] + "_rels/" + source[(slash + 1)..] + ".rels";
    }

    /// <summary>
    /// The internal relationships of a part by id: type and target part name (null when the target
    /// cannot be a part of this package). A part without a relationships part has none.
    /// </summary>
    private Dictionary<string, Relationship> Relationships(string source)
    {
        var result = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        string rels = RelationshipsPart(source);
        if (!_parts.ContainsKey(rels)) return result;
        ForEachElement(rels, reader =>
        {
            if (reader.LocalName != "Relationship" || reader.Depth != 1) return;
            if (reader.GetAttribute("TargetMode") is "External") return;
            if (reader.GetAttribute("Id") is not { } id || reader.GetAttribute("Target") is not { } target) return;
            result.TryAdd(id, new(reader.GetAttribute("Type"), Resolve(source, target)));
        });
        return result;
    }

    /// <summary>The target of the first relationship (in document order) of a type.</summary>
    private static string? First(Dictionary<string, Relationship> relationships, string type)
    {
        foreach (var r in relationships.Values)
            if (IsType(r.Type, type) && r.Target is not null) return r.Target;
        return null;
    }

    /// <summary>A relationship's target as a part name, resolved against the source part's folder as a URI reference is.</summary>
    internal static string? Resolve(string source, string target)
    {
        var root = new Uri("http://package/");
        if (!Uri.TryCreate(new Uri(root, source), target.Trim(), out var resolved) || resolved.Host != root.Host || resolved.Scheme != root.Scheme) return null;
        return Uri.UnescapeDataString(resolved.AbsolutePath);
    }

    /// <summary>A part's content type: its Override in [Content_Types].xml, else the Default for its extension.</summary>
    private string? ContentType(string part)
    {
        string? byOverride = null, byDefault = null;
        string extension = Path.GetExtension(part).TrimStart('.');
        ForEachElement("/[Content_Types].xml", reader =>
        {
            if (reader.Depth != 1) return;
            if (reader.LocalName == "Override" && byOverride is null
                && string.Equals(reader.GetAttribute("PartName") is { } name ? Uri.UnescapeDataString(name) : null, part, StringComparison.OrdinalIgnoreCase))
                byOverride = reader.GetAttribute("ContentType");
            else if (reader.LocalName == "Default" && byDefault is null && string.Equals(reader.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
                byDefault = reader.GetAttribute("ContentType");
        });
        return (byOverride ?? byDefault)?.Trim();
    }

    /// <summary>Calls <paramref name="onElement"/> on every element of a part, the depth limit kept.</summary>
    private void ForEachElement(string part, Action<XmlReader> onElement)
    {
        using var stream = OpenPart(part);
        using var reader = XmlReader.Create(stream, XlsxFile.ReaderSettings);
        while (reader.Read())
        {
            if (reader.Depth > XlsxFile.MaxXmlDepth) throw new LimitException(part, $"its XML is nested more than {XlsxFile.MaxXmlDepth} levels deep");
            if (reader.NodeType == XmlNodeType.Element) onElement(reader);
        }
    }

    public void Dispose()
    {
        _zip.Dispose();
        _file.Dispose();
    }
}
