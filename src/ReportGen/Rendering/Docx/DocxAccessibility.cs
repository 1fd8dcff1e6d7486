using System.Security;
using System.Text;
using ReportGen.Document;

namespace ReportGen.Rendering.Docx;

/// <summary>
/// What makes the Word document readable by assistive technology beyond its styles: the
/// document's title and language in its core properties, and space after tables given to the
/// paragraph that follows (an empty paragraph used for spacing is read out as "blank").
/// </summary>
internal static class DocxAccessibility
{
    /// <summary>Twips of space after a table, as the PDF leaves (8 pt ≈ 120 twips at Word's rounding).</summary>
    private const int SpaceAfterTable = 120;

    /// <summary>Paragraph styles with no space before of their own: the ones that take a table's space after.</summary>
    private static readonly HashSet<string> Unspaced = ["Body", "AnnexBody", "SubItem1", "SubItem2", "Normal", "ChartNote"];

    /// <summary>Elements that follow w:spacing in a paragraph's properties (ISO/IEC 29500 CT_PPrBase order).</summary>
    private static readonly string[] AfterSpacing = ["<w:ind", "<w:contextualSpacing", "<w:mirrorIndents", "<w:suppressOverlap", "<w:jc", "<w:textDirection",
        "<w:textAlignment", "<w:textboxTightWrap", "<w:outlineLvl", "<w:divId", "<w:cnfStyle", "<w:rPr", "<w:sectPr", "<w:pPrChange", "</w:pPr>"];

    /// <summary>
    /// The body with the space after each table moved onto the next paragraph. Two tables in a row
    /// keep one empty paragraph between them: Word would join them into one table otherwise.
    /// </summary>
    public static string SpaceAfterTables(string body)
    {
        var result = new StringBuilder(body.Length + 256);
        int at = 0;
        while (body.IndexOf("</w:tbl>", at, StringComparison.Ordinal) is int end and >= 0)
        {
            end += "</w:tbl>".Length;
            result.Append(body, at, end - at);
            at = end;
            var rest = body.AsSpan(end);
            if (rest.StartsWith("<w:tbl>"))
                result.Append("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>");
            else if (rest.StartsWith("<w:p>") && !rest.StartsWith("<w:p><w:pPr>"))
            {
                result.Append($"<w:p><w:pPr><w:spacing w:before=\"{SpaceAfterTable}\"/></w:pPr>");
                at += "<w:p>".Length;
            }
            else if (rest.StartsWith("<w:p><w:pPr>"))
            {
                int close = body.IndexOf("</w:pPr>", end, StringComparison.Ordinal);
                string properties = body[end..(close + "</w:pPr>".Length)];
                string style = properties.Contains("<w:pStyle w:val=\"", StringComparison.Ordinal)
                    ? properties.Split("<w:pStyle w:val=\"")[1].Split('"')[0] : "Normal";
                if (!Unspaced.Contains(style) || properties.Contains("<w:spacing", StringComparison.Ordinal)) continue;
                int insert = AfterSpacing.Select(e => properties.IndexOf(e, StringComparison.Ordinal)).Where(i => i >= 0).Min();
                result.Append(properties, 0, insert).Append($"<w:spacing w:before=\"{SpaceAfterTable}\"/>");
                at = end + insert;
            }
        }
        return result.Append(body, at, body.Length - at).ToString();
    }

    /// <summary>docProps/core.xml: title, subject (the symbol), language and date, from the document alone.</summary>
    public static string CoreProperties(Doc doc)
    {
        static string E(string text) => SecurityElement.Escape(text) ?? "";
        string date = doc.Masthead.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";
        return "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " +
               "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
               $"<dc:title>{E(doc.Masthead.Title)}</dc:title><dc:subject>{E(doc.Masthead.Symbol)}</dc:subject><dc:creator>ReportGen</dc:creator>" +
               $"<dc:language>{Typesetting.LanguageProfiles.For(doc.Language).Tags.Word}</dc:language>" +
               $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>" +
               "</cp:coreProperties>";
    }
}
