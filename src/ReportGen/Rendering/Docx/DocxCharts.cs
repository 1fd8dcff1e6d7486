using System.Globalization;
using System.Security;
using System.Text;
using ReportGen.Packaging;
using ReportGen.Charts;
using ReportGen.Document;

namespace ReportGen.Rendering.Docx;

/// <summary>A chart part to add to the package: its relationship id, chart XML and embedded workbook.</summary>
internal sealed record PendingChart(string RelationshipId, string Xml, byte[] Workbook);

/// <summary>
/// Native Word charts (DrawingML): bars, with targets and thresholds as dashed line series, each
/// with its data cached in the chart and embedded as a workbook so that Word's "Edit Data" shows it.
/// </summary>
internal static class DocxCharts
{
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static string FormatCode(ValueFormat format) => format switch
    {
        ValueFormat.Percent => "0%",
        ValueFormat.UsdMillions => "#,##0.0",
        _ => "0",
    };

    public static PendingChart Build(string relationshipId, ChartData chart, IReadOnlyList<ChartSeries> series, DocxLook look, string? valueTitle)
    {
        var xml = new StringBuilder();
        string lang = look.Chinese ? "zh-CN" : "en-GB";
        int n = chart.Categories.Count;
        string Col(int i) => Columns.Letters(i + 1);
        string catRef = $"Sheet1!${Col(0)}$2:${Col(0)}${n + 1}";

        string StrCache(IEnumerable<string> values)
        {
            var list = values.ToList();
            var s = new StringBuilder($"<c:strCache><c:ptCount val=\"{list.Count}\"/>");
            for (int i = 0; i < list.Count; i++) s.Append($"<c:pt idx=\"{i}\"><c:v>{Esc(list[i])}</c:v></c:pt>");
            return s.Append("</c:strCache>").ToString();
        }

        string NumCache(ChartSeries s)
        {
            var c = new StringBuilder($"<c:numCache><c:formatCode>{Esc(FormatCode(s.Format))}</c:formatCode><c:ptCount val=\"{n}\"/>");
            for (int i = 0; i < n; i++)
                if (ChartScale.Shown(s.Values[i], s.Format) is double v) c.Append($"<c:pt idx=\"{i}\"><c:v>{v.ToString("R", CultureInfo.InvariantCulture)}</c:v></c:pt>");
            return c.Append("</c:numCache>").ToString();
        }

        string Series(ChartSeries s, int index, bool line)
        {
            // Targets: the first black and dashed, the second blue and dotted (told apart by more than grey).
            int dashedRank = series.Take(index).Count(x => x.Dashed);
            string colour = line ? (dashedRank % 2 == 0 ? Palette.Target : Palette.SecondTarget) : Palette.SeriesColour(index);
            string pattern = dashedRank % 2 == 0 ? "dash" : "sysDot";
            var x = new StringBuilder($"<c:ser><c:idx val=\"{index}\"/><c:order val=\"{index}\"/>");
            x.Append($"<c:tx><c:strRef><c:f>Sheet1!${Col(index + 1)}$1</c:f>{StrCache([s.Name])}</c:strRef></c:tx>");
            if (line && s.Values.All(v => v is not null))
                x.Append($"<c:spPr><a:ln w=\"19050\"><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill><a:prstDash val=\"{pattern}\"/></a:ln></c:spPr><c:marker><c:symbol val=\"none\"/></c:marker>");
            else if (line)
                // Targets for only some categories: a dash across each category that has one (a line between them would mislead).
                x.Append($"<c:spPr><a:ln w=\"19050\"><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val=\"dash\"/><c:size val=\"20\"/>" +
                         $"<c:spPr><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>");
            else
            {
                x.Append($"<c:spPr><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>");
                foreach (int i in Enumerable.Range(0, n).Where(i => chart.HighlightedCategories.Contains(chart.Categories[i])))
                    x.Append($"<c:dPt><c:idx val=\"{i}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill><a:srgbClr val=\"{(index == 0 ? colour : Palette.Highlight)}\"/></a:solidFill><a:ln w=\"12700\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln></c:spPr></c:dPt>");
            }
            x.Append($"<c:cat><c:strRef><c:f>{catRef}</c:f>{StrCache(chart.Categories)}</c:strRef></c:cat>");
            x.Append($"<c:val><c:numRef><c:f>Sheet1!${Col(index + 1)}$2:${Col(index + 1)}${n + 1}</c:f>{NumCache(s)}</c:numRef></c:val>");
            if (line) x.Append("<c:smooth val=\"0\"/>");
            return x.Append("</c:ser>").ToString();
        }

        string Title(string text) =>
            $"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\" b=\"0\"/></a:pPr><a:r><a:rPr lang=\"{lang}\" sz=\"800\" b=\"0\"/><a:t>{Esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>";

        var format = series.FirstOrDefault(s => !s.Dashed)?.Format ?? ValueFormat.Count;
        xml.Append($"<c:chartSpace xmlns:c=\"{C}\" xmlns:a=\"{A}\" xmlns:r=\"{R}\"><c:date1904 val=\"0\"/><c:lang val=\"{lang}\"/><c:roundedCorners val=\"0\"/>");
        xml.Append("<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>");
        xml.Append("<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>");
        for (int i = 0; i < series.Count; i++) if (!series[i].Dashed) xml.Append(Series(series[i], i, line: false));
        xml.Append("<c:gapWidth val=\"60\"/><c:overlap val=\"-10\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>");
        if (series.Any(s => s.Dashed))
        {
            xml.Append("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>");
            for (int i = 0; i < series.Count; i++) if (series[i].Dashed) xml.Append(Series(series[i], i, line: true));
            xml.Append("<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>");
        }
        string axisText = $"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr>";
        xml.Append("<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>");
        if (chart.CategoryAxisTitle is { Length: > 0 } cat) xml.Append(Title(cat));
        xml.Append($"<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{axisText}<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>");
        xml.Append("<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>");
        xml.Append($"<c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"{Palette.Grid}\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>");
        if (valueTitle is { Length: > 0 }) xml.Append(Title(valueTitle));
        xml.Append($"<c:numFmt formatCode=\"{Esc(FormatCode(format))}\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{axisText}<c:crossAx val=\"1001\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>");
        xml.Append("</c:plotArea>");
        if (series.Count > 1) xml.Append($"<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>{axisText}</c:legend>");
        xml.Append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>");
        string ea = look.Chinese ? $"<a:ea typeface=\"{look.EastAsian}\"/>" : "";
        xml.Append($"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"><a:latin typeface=\"{look.Latin}\"/>{ea}</a:defRPr></a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr>");
        xml.Append("<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>");

        // The same numbers as a workbook, for "Edit Data": categories in A, one column per series.
        var rows = chart.Categories.Select((category, i) => new object?[] { category }
            .Concat(series.Select(s => (object?)ChartScale.Shown(s.Values[i], s.Format))).ToArray());
        byte[] workbook = SpreadsheetWriter.ToBytes([new SheetData("Sheet1", [chart.CategoryAxisTitle ?? "", .. series.Select(s => s.Name)], rows)]);
        return new PendingChart(relationshipId, xml.ToString(), workbook);
    }

    /// <summary>The run that shows a chart inline, with its title and alt text.</summary>
    public static string Drawing(string relationshipId, int id, string title, string description, long widthEmu, long heightEmu) =>
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">" +
        $"<wp:extent cx=\"{widthEmu}\" cy=\"{heightEmu}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>" +
        $"<wp:docPr id=\"{id}\" name=\"Chart {id}\" descr=\"{Esc(description)}\" title=\"{Esc(title)}\"/><wp:cNvGraphicFramePr/>" +
        $"<a:graphic xmlns:a=\"{A}\"><a:graphicData uri=\"{C}\"><c:chart xmlns:c=\"{C}\" xmlns:r=\"{R}\" r:id=\"{relationshipId}\"/></a:graphicData></a:graphic>" +
        "</wp:inline></w:drawing></w:r>";

    private static string Esc(string text) => SecurityElement.Escape(new string(text.Where(c => c >= 0x20).ToArray())) ?? "";
}
