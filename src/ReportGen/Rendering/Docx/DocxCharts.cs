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
/// Native Word charts (DrawingML): bars, with targets and thresholds as line series (dashed, or a
/// dash marker per category where only some have one), each with its data cached in the chart and
/// embedded as a workbook so that Word's "Edit Data" shows it. The value axis is the PDF's
/// (<see cref="ChartValues.Scale"/>: the same maximum and step) and its labels the same format
/// (<see cref="ChartValues.FormatCode(ValueFormat, Typesetting.NumberFormats)"/>, in the language's conventions); the legend has an entry for the highlight colour.
/// </summary>
internal static class DocxCharts
{
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int CategoryAxis = 1001, ValueAxis = 1002;

    public static PendingChart Build(string relationshipId, ChartData chart, IReadOnlyList<ChartSeries> series, DocxLook look, string? valueTitle)
    {
        var sheet = new ChartSheet(chart, series, look.Profile.Numbers);
        string lang = look.Profile.Tags.Chart;
        var xml = new StringBuilder();
        xml.Append($"<c:chartSpace xmlns:c=\"{C}\" xmlns:a=\"{A}\" xmlns:r=\"{R}\"><c:date1904 val=\"0\"/><c:lang val=\"{lang}\"/><c:roundedCorners val=\"0\"/>");
        xml.Append("<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>");
        xml.Append(BarSeries(sheet)).Append(TargetSeries(sheet));
        xml.Append(Axes(chart, series, lang, valueTitle, look.Profile.Numbers, look.Profile.RightToLeft, look.Profile.StacksVerticalTitles));
        xml.Append("</c:plotArea>");
        if (series.Count > 1) xml.Append($"<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>{AxisText(lang)}</c:legend>");
        xml.Append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>");
        string ea = look.Profile.Script == Typesetting.WritingScript.Han ? $"<a:ea typeface=\"{look.EastAsian}\"/>" : "";
        xml.Append($"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"><a:latin typeface=\"{look.Latin}\"/>{ea}</a:defRPr></a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr>");
        xml.Append("<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>");
        return new PendingChart(relationshipId, xml.ToString(), sheet.Workbook());
    }

    /// <summary>The bar series, clustered; after the series whose bars are highlighted, a legend entry for the highlight colour.</summary>
    private static string BarSeries(ChartSheet sheet)
    {
        var xml = new StringBuilder("<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>");
        for (int i = 0; i < sheet.Series.Count; i++)
        {
            if (sheet.Series[i].Dashed) continue;
            string colour = Palette.SeriesColour(i);
            xml.Append(sheet.SeriesStart(i)).Append($"<c:spPr><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>");
            bool first = !sheet.Series.Take(i).Any(s => !s.Dashed);
            foreach (int k in Enumerable.Range(0, sheet.Chart.Categories.Count).Where(sheet.Chart.IsHighlighted))
                xml.Append($"<c:dPt><c:idx val=\"{k}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill><a:srgbClr val=\"{(first ? colour : Palette.Highlight)}\"/></a:solidFill>{Outline}</c:spPr></c:dPt>");
            xml.Append(sheet.SeriesData(i)).Append("</c:ser>");
        }
        xml.Append($"<c:gapWidth val=\"60\"/><c:overlap val=\"-10\"/><c:axId val=\"{CategoryAxis}\"/><c:axId val=\"{ValueAxis}\"/></c:barChart>");
        return xml.ToString();
    }

    /// <summary>The half-height of a target's error bar: nothing visible, so only its two end caps show, as one stroke.</summary>
    private const string TargetStroke = "0.0001";

    private const string Outline = "<a:ln w=\"12700\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln>";

    /// <summary>
    /// Targets as line series over the bars: a dashed (first) or dotted (second) line through all
    /// categories, or, where only some categories have a target, a short dashed stroke on each (a line
    /// between them would mislead). Highlight legend entries are series of this chart with no values: a square
    /// marker of the highlight colour in the legend, nothing in the plot, no slot among the bars.
    /// </summary>
    private static string TargetSeries(ChartSheet sheet)
    {
        var xml = new StringBuilder();
        int rank = 0;
        for (int i = 0; i < sheet.Series.Count; i++)
        {
            var s = sheet.Series[i];
            if (s.Dashed)
            {
                string colour = Palette.TargetColour(rank), pattern = Palette.TargetDotted(rank) ? "sysDot" : "dash";
                rank++;
                string line = $"<a:ln w=\"19050\"><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill><a:prstDash val=\"{pattern}\"/></a:ln>";
                // The series' line is dashed (dotted): the legend's key, as in the PDF.
                xml.Append(sheet.SeriesStart(i)).Append($"<c:spPr>{line}</c:spPr><c:marker><c:symbol val=\"none\"/></c:marker>");
                if (s.Values.Any(v => v is null))
                {
                    // Each target a short dashed (dotted) stroke: the end cap of a vanishing error bar, and no line
                    // between the points (each point's segment unstroked). LibreOffice draws every marker filled,
                    // so a hollow dash marker showed there as a small bar of the target's colour.
                    for (int k = 0; k < s.Values.Count; k++)
                        if (ChartValues.Shown(s.Values[k], s.Format) is double)
                            xml.Append($"<c:dPt><c:idx val=\"{k}\"/><c:bubble3D val=\"0\"/><c:spPr><a:ln w=\"19050\"><a:noFill/></a:ln></c:spPr></c:dPt>");
                    xml.Append("<c:errBars><c:errDir val=\"y\"/><c:errBarType val=\"both\"/><c:errValType val=\"fixedVal\"/><c:noEndCap val=\"0\"/>")
                       .Append($"<c:val val=\"{TargetStroke}\"/><c:spPr>{line}</c:spPr></c:errBars>");
                }
                xml.Append(sheet.SeriesData(i)).Append("<c:smooth val=\"0\"/></c:ser>");
            }
            else if (BarPlot.HasHighlightedBars(sheet.Chart, sheet.Series, i))
            {
                int index = sheet.Series.Count + i;
                xml.Append($"<c:ser><c:idx val=\"{index}\"/><c:order val=\"{index}\"/><c:tx><c:v>{Esc(BarPlot.HighlightLegend(s.Name))}</c:v></c:tx>")
                   .Append("<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>")
                   .Append($"<c:marker><c:symbol val=\"square\"/><c:size val=\"6\"/><c:spPr><a:solidFill><a:srgbClr val=\"{Palette.Highlight}\"/></a:solidFill>{Outline}</c:spPr></c:marker>")
                   .Append($"<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"{sheet.Chart.Categories.Count}\"/></c:numLit></c:val><c:smooth val=\"0\"/></c:ser>");
            }
        }
        if (xml.Length == 0) return "";
        return "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>" + xml +
               $"<c:marker val=\"1\"/><c:axId val=\"{CategoryAxis}\"/><c:axId val=\"{ValueAxis}\"/></c:lineChart>";
    }

    /// <summary>The category axis, and the value axis on the PDF's scale: from 0 to its maximum in its steps, labelled in its format.</summary>
    /// <param name="rightToLeft">the language is written right to left: the categories run from the right (the axis reversed) and the value axis
    /// stands at the right, where the reversed axis starts: it crosses the category axis at its first category (the category axis's
    /// <c>c:crosses autoZero</c>); the value axis's own <c>c:crosses</c> is where the category axis crosses it, at zero</param>
    /// <param name="stacked">the value axis's title stands upright, a character under the other (<see cref="Typesetting.LanguageProfile.StacksVerticalTitles"/>)</param>
    private static string Axes(ChartData chart, IReadOnlyList<ChartSeries> series, string lang, string? valueTitle, Typesetting.NumberFormats numbers, bool rightToLeft = false, bool stacked = false)
    {
        var xml = new StringBuilder();
        string axisText = AxisText(lang);
        xml.Append($"<c:catAx><c:axId val=\"{CategoryAxis}\"/><c:scaling><c:orientation val=\"{(rightToLeft ? "maxMin" : "minMax")}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>");
        if (chart.CategoryAxisTitle is { Length: > 0 } cat) xml.Append(Title(cat, lang));
        xml.Append($"<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{axisText}<c:crossAx val=\"{ValueAxis}\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>");
        var scale = ChartValues.Scale(series);
        xml.Append($"<c:valAx><c:axId val=\"{ValueAxis}\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"{Number(scale.Max)}\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{(rightToLeft ? "r" : "l")}\"/>");
        xml.Append($"<c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"{Palette.Grid}\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>");
        if (valueTitle is { Length: > 0 }) xml.Append(Title(valueTitle, lang, stacked ? StackedText : ""));
        xml.Append($"<c:numFmt formatCode=\"{Esc(ChartValues.AxisFormatCode(ChartValues.AxisFormat(series), scale, numbers))}\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{axisText}<c:crossAx val=\"{CategoryAxis}\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/><c:majorUnit val=\"{Number(scale.Step)}\"/></c:valAx>");
        return xml.ToString();
    }

    private static string AxisText(string lang) =>
        $"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr>";

    /// <summary>
    /// A title's text body set upright, each character under the one before: DrawingML's stacked WordArt text (Excel's and Word's
    /// "Stacked" text direction), which LibreOffice imports as stacked characters. (<c>eaVert</c>, East Asian vertical text, is set
    /// by LibreOffice 7.4 as a title turned a quarter right, its characters on their side.)
    /// </summary>
    private const string StackedText = " rot=\"0\" vert=\"wordArtVert\"";

    private static string Title(string text, string lang, string bodyAttributes = "") =>
        $"<c:title><c:tx><c:rich><a:bodyPr{bodyAttributes}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\" b=\"0\"/></a:pPr><a:r><a:rPr lang=\"{lang}\" sz=\"800\" b=\"0\"/><a:t>{Esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// The chart's data as its embedded sheet holds it (categories in column A, one column per series)
    /// and as each series refers to it, with the values cached in the chart.
    /// </summary>
    private sealed class ChartSheet(ChartData chart, IReadOnlyList<ChartSeries> series, Typesetting.NumberFormats numbers)
    {
        public ChartData Chart => chart;
        public IReadOnlyList<ChartSeries> Series => series;
        private int N => chart.Categories.Count;

        private static string Column(int i) => CellRef.ColumnLetters(i + 1);

        /// <summary>A series' opening: its index, order and name (the sheet's header cell).</summary>
        public string SeriesStart(int index) =>
            $"<c:ser><c:idx val=\"{index}\"/><c:order val=\"{index}\"/><c:tx><c:strRef><c:f>Sheet1!${Column(index + 1)}$1</c:f>{StrCache([series[index].Name])}</c:strRef></c:tx>";

        /// <summary>A series' categories and values, referring to the sheet, with their cache.</summary>
        public string SeriesData(int index)
        {
            var s = series[index];
            var values = new StringBuilder($"<c:numCache><c:formatCode>{Esc(ChartValues.FormatCode(s.Format, numbers))}</c:formatCode><c:ptCount val=\"{N}\"/>");
            for (int i = 0; i < N; i++)
                if (ChartValues.Shown(s.Values[i], s.Format) is double v) values.Append($"<c:pt idx=\"{i}\"><c:v>{Number(v)}</c:v></c:pt>");
            values.Append("</c:numCache>");
            return $"<c:cat><c:strRef><c:f>Sheet1!${Column(0)}$2:${Column(0)}${N + 1}</c:f>{StrCache(chart.Categories)}</c:strRef></c:cat>" +
                   $"<c:val><c:numRef><c:f>Sheet1!${Column(index + 1)}$2:${Column(index + 1)}${N + 1}</c:f>{values}</c:numRef></c:val>";
        }

        private static string StrCache(IReadOnlyList<string> values)
        {
            var s = new StringBuilder($"<c:strCache><c:ptCount val=\"{values.Count}\"/>");
            for (int i = 0; i < values.Count; i++) s.Append($"<c:pt idx=\"{i}\"><c:v>{Esc(values[i])}</c:v></c:pt>");
            return s.Append("</c:strCache>").ToString();
        }

        /// <summary>The same numbers as a workbook, for "Edit Data".</summary>
        public byte[] Workbook()
        {
            var rows = chart.Categories.Select((category, i) => new object?[] { category }
                .Concat(series.Select(s => (object?)ChartValues.Shown(s.Values[i], s.Format))).ToArray());
            return SpreadsheetWriter.ToBytes([new SheetData("Sheet1", [chart.CategoryAxisTitle ?? "", .. series.Select(s => s.Name)], rows)]);
        }
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
