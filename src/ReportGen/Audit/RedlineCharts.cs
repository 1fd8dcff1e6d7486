using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ChartReference = DocumentFormat.OpenXml.Drawing.Charts.ChartReference;

namespace ReportGen.Audit;

/// <summary>
/// The data of a redline's charts. A Word chart is DrawingML, whose XML has no place for a
/// revision, so a redline cannot mark a changed bar; under each chart whose values changed it adds
/// one line per changed value, "series, category: old new" with the old value deleted and the new
/// one inserted. The values are read from the charts' own caches (what Word draws), formatted with
/// their number format. A line is the redline's, in neither document: it starts a region whose text
/// is not the document's (<see cref="Document.Anchors.NoTextPrefix"/>), so reading the redline's
/// text back leaves it out.
/// </summary>
internal static class RedlineCharts
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /// <summary>A value a chart draws: its series, its category and the value as labelled ("41%"; "–" for none).</summary>
    private sealed record Point(string Series, string Category, string Value);

    /// <summary>A chart in the body: the paragraph that holds it and its points; the key pairs it with its counterpart (the drawing region before it, and its place after that region's start).</summary>
    private sealed record DrawnChart(string Key, Paragraph Paragraph, List<Point> Points);

    private const string Missing = "–";

    /// <summary>Adds the lines of changed values under each chart of <paramref name="body"/> that the earlier document also has.</summary>
    public static void Mark(MainDocumentPart oldMain, Body oldBody, MainDocumentPart main, Body body, Func<string> nextId, Func<DeletedRun> deletion, Func<InsertedRun> insertion)
    {
        var olds = Charts(oldMain, oldBody).ToDictionary(c => c.Key, StringComparer.Ordinal);
        int line = 0;
        foreach (var chart in Charts(main, body))
        {
            if (!olds.TryGetValue(chart.Key, out var old)) continue; // a chart added: its title and words are marked inserted
            var before = old.Points.GroupBy(p => (p.Series, p.Category)).ToDictionary(g => g.Key, g => g.First().Value);
            var after = chart.Points.GroupBy(p => (p.Series, p.Category)).ToDictionary(g => g.Key, g => g.First().Value);
            var changes = chart.Points.Select(p => (p.Series, p.Category, Old: before.GetValueOrDefault((p.Series, p.Category), Missing), New: p.Value))
                .Concat(old.Points.Where(p => !after.ContainsKey((p.Series, p.Category))).Select(p => (p.Series, p.Category, Old: p.Value, New: Missing)))
                .Where(c => c.Old != c.New)
                .DistinctBy(c => (c.Series, c.Category))
                .ToList();
            DocumentFormat.OpenXml.OpenXmlElement anchor = chart.Paragraph;
            foreach (var (series, category, oldValue, newValue) in changes)
            {
                string id = nextId();
                var paragraph = new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = "ChartNote" }),
                    new BookmarkStart { Id = id, Name = $"{Document.Anchors.NoTextPrefix}chart-data-{++line}" },
                    new BookmarkEnd { Id = id },
                    new Run(new Text($"{series}, {category}: ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                var removed = deletion();
                removed.AppendChild(new Run(new DeletedText(oldValue) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                var added = insertion();
                added.AppendChild(new Run(new Text(newValue) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                paragraph.Append(removed, added);
                anchor.InsertAfterSelf(paragraph);
                anchor = paragraph;
            }
        }
    }

    /// <summary>The body's charts in order, each keyed by the drawing region it is in and its place in it.</summary>
    private static List<DrawnChart> Charts(MainDocumentPart main, Body body)
    {
        var charts = new List<DrawnChart>();
        string region = "";
        int place = 0;
        foreach (var element in body.Descendants())
        {
            if (element is BookmarkStart { Name.Value: { } name } && Document.Anchors.RegionOf(name) is { } r && r.EndsWith(Document.Anchors.DrawingSuffix, StringComparison.Ordinal))
                (region, place) = (r, 0);
            else if (element is ChartReference { Id.Value: { } id } && main.TryGetPartById(id, out var part) && part is ChartPart chart
                     && element.Ancestors<Paragraph>().FirstOrDefault() is { } paragraph)
                charts.Add(new DrawnChart($"{region}#{place++}", paragraph, Points(chart)));
        }
        return charts;
    }

    /// <summary>The values a chart draws, series by series, from its cache: categories by index, values in the series' number format.</summary>
    private static List<Point> Points(ChartPart part)
    {
        XDocument xml;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read)) xml = XDocument.Load(stream);
        var points = new List<Point>();
        foreach (var series in xml.Descendants(C + "ser"))
        {
            string name = series.Element(C + "tx")?.Descendants(C + "v").FirstOrDefault()?.Value ?? "";
            var categories = Cache(series.Element(C + "cat"));
            var values = Cache(series.Element(C + "val"));
            string format = series.Element(C + "val")?.Descendants(C + "formatCode").FirstOrDefault()?.Value ?? "General";
            foreach (int index in categories.Keys.Union(values.Keys).Order())
                points.Add(new Point(name, categories.GetValueOrDefault(index, index.ToString(CultureInfo.InvariantCulture)),
                    values.TryGetValue(index, out string? value) ? Formatted(value, format) : Missing));
        }
        return points;
    }

    private static Dictionary<int, string> Cache(XElement? reference)
    {
        var cache = new Dictionary<int, string>();
        foreach (var point in reference?.Descendants(C + "pt") ?? [])
            if (int.TryParse((string?)point.Attribute("idx"), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                cache[index] = point.Element(C + "v")?.Value ?? "";
        return cache;
    }

    /// <summary>A cached value as the chart labels it: ReportGen's format codes read the same in .NET (<see cref="Charts.ChartValues.FormatCode"/>); "General" as written.</summary>
    private static string Formatted(string value, string format) =>
        format != "General" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number.ToString(format, CultureInfo.InvariantCulture)
            : value;
}
