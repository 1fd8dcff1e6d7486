using ReportGen.Document;
using ReportGen.Typesetting;

namespace ReportGen.Rendering.Docx;

/// <summary>
/// The house style (<see cref="PageDesign"/>, <see cref="TypeSizes"/>, in points) converted for
/// Word: lengths in twentieths of a point (twips), sizes in half-points; the leading and spacing are
/// the PDF's, exact, so that Word and LibreOffice set as many lines on a page as the PDF does,
/// whatever the line height of the fonts they substitute.
/// </summary>
internal sealed record DocxLook(string Language)
{
    public static readonly int PageWidth = PageDesign.Twips(PageDesign.PageWidth), PageHeight = PageDesign.Twips(PageDesign.PageHeight);
    public static readonly int MarginTop = PageDesign.Twips(PageDesign.Top), MarginBottom = PageDesign.Twips(PageDesign.Bottom),
        MarginLeft = PageDesign.Twips(PageDesign.Left), MarginRight = PageDesign.Twips(PageDesign.Right),
        HeaderDistance = PageDesign.Twips(PageDesign.HeaderDistance), FooterDistance = PageDesign.Twips(PageDesign.HeaderDistance);
    public static readonly int TextWidth = PageDesign.Twips(PageDesign.TextWidth);
    public static readonly int BodyIndent = PageDesign.Twips(PageDesign.Indent);
    public static readonly int NumberTab = PageDesign.Twips(PageDesign.Tab);

    public LanguageProfile Profile { get; } = LanguageProfiles.For(Language);
    public TypeSizes Type => Profile.Type;
    public string Latin => Profile.Fonts.WordLatin;
    public string EastAsian => Profile.Fonts.WordEastAsian;                 // 宋体
    public string EastAsianHeading => Profile.Fonts.WordEastAsianHeading;   // 黑体
    /// <summary>The complex-script face (<c>w:cs</c>): Simplified Arabic in Arabic, the Latin face otherwise.</summary>
    public string Complex => Profile.Fonts.WordComplex;
    /// <summary>Bold, and in a right-to-left language bold complex-script text too (<c>w:bCs</c>: Word emboldens Arabic runs by it).</summary>
    public string Bold => Profile.RightToLeft ? "<w:b/><w:bCs/>" : "<w:b/>";
    /// <summary>
    /// The direction of a paragraph that holds a native chart: left to right in a right-to-left language
    /// (<c>w:bidi w:val="0"</c>, in pPr before the spacing). The chart is mirrored by its own axes
    /// (<c>DocxCharts</c>); LibreOffice sets a chart's labels in its paragraph's direction and, in a
    /// right-to-left one, draws every label backwards ("1.2" as "2.1", "100%" as "%001"). Word draws a
    /// chart whatever its paragraph's direction, and a centred chart stands in the same place either way.
    /// </summary>
    public string ChartParagraphDirection => Profile.RightToLeft ? "<w:bidi w:val=\"0\"/>" : "";
    /// <summary>A table's properties open with <c>w:bidiVisual</c> in a right-to-left language: its first column on the right.</summary>
    public string TableDirection => Profile.RightToLeft ? "<w:bidiVisual/>" : "";
    /// <summary>Lines break between characters under the kinsoku rules (Chinese), not between words.</summary>
    public bool BreaksCharacters => Profile.LineBreaking == LineBreaking.Characters;

    /// <summary>
    /// Whether a table cell the PDF sets on several lines is written as those lines: a language broken between characters
    /// (Chinese), which LibreOffice breaks at whichever character passes a line's end, never at the break a word or unit needs ("预算（美|元）").
    /// </summary>
    public bool CellLinesAsThePdf => BreaksCharacters;
    public int SmallSize => PageDesign.HalfPoints(Type.Small);

    public int BodyLine => PageDesign.Twips(Type.BodyLeading);
    public int BodyAfter => PageDesign.Twips(Type.ParagraphSpace);
    public int SmallLine => PageDesign.Twips(Type.SmallLeading);
    public int FootnoteLine => PageDesign.Twips(Type.FootnoteLeading);

    /// <summary>A run size in points as Word's size and complex-script size.</summary>
    public static string Size(double points) => $"<w:sz w:val=\"{PageDesign.HalfPoints(points)}\"/><w:szCs w:val=\"{PageDesign.HalfPoints(points)}\"/>";

    /// <summary>
    /// A heading's spacing and exact leading, as the PDF sets it. There, body text has its paragraph space above it; here, below.
    /// LibreOffice sets the larger of one paragraph's space below and the next one's space above, not their sum: the space above
    /// a heading holds the body's below it, and its space below adds the body's above, which the paragraph after it does not have.
    /// </summary>
    public string HeadingSpacing(int level, double size) =>
        $"<w:spacing w:before=\"{PageDesign.Twips(TypeSizes.HeadingSpaceBefore(level))}\" w:after=\"{PageDesign.Twips(TypeSizes.HeadingSpaceAfter(level) + Type.ParagraphSpace)}\" " +
        $"w:line=\"{PageDesign.Twips(size * TypeSizes.HeadingLeading)}\" w:lineRule=\"exact\"/>";
}

internal static class DocxStyles
{
    /// <summary>The height the PDF gives the footnote separator (its rule and the space around it), in points.</summary>
    public const double FootnoteSeparator = 10;

    /// <summary>
    /// The height LibreOffice gives its own footnote separator, in points (measured on LibreOffice 7.4: it ignores the separator
    /// paragraph). A note has the rest above it, so that a page's notes take the PDF's height and the text above them ends where it does.
    /// </summary>
    public const double LibreOfficeSeparator = 4;

    public static string Xml(DocxLook look)
    {
        // Chinese headings set their digits and Latin letters in the Hei face too, as the PDF does: their
        // weight then matches the Han characters beside them.
        string fonts(bool heading = false) => heading && look.Profile.Fonts.HeadingLatinInHeadingFace
            ? $"<w:rFonts w:ascii=\"{look.EastAsianHeading}\" w:hAnsi=\"{look.EastAsianHeading}\" w:eastAsia=\"{look.EastAsianHeading}\" w:cs=\"{look.Complex}\"/>"
            : $"<w:rFonts w:ascii=\"{look.Latin}\" w:hAnsi=\"{look.Latin}\" w:eastAsia=\"{(heading ? look.EastAsianHeading : look.EastAsian)}\" w:cs=\"{look.Complex}\"/>";
        string lang = $"<w:lang w:val=\"{look.Profile.Tags.WordLatin}\" w:eastAsia=\"{look.Profile.Tags.WordEastAsia}\" w:bidi=\"{look.Profile.Tags.WordBidi}\"/>";
        // A language written right to left: every paragraph (all styles are based on Normal) runs right to left, its indents and alignment mirrored.
        string bidi = look.Profile.RightToLeft ? "<w:bidi/>" : "";
        // Word's and LibreOffice's automatic Han–Latin and Han–digit spacing makes the gap the PDF draws: the
        // text carries no space there (a literal space would let them break a number from its measure word).
        string eastAsianParagraph = look.BreaksCharacters ? "<w:kinsoku/><w:overflowPunct/><w:autoSpaceDE/><w:autoSpaceDN/>" : "";
        // Chinese headings are set in Hei, which is heavy already: not emboldened (a synthetic bold), as in the PDF.
        string headingBold = look.Type.HeadingBold ? look.Bold : "";
        var t = look.Type;
        string Style(string id, string name, string pPr, string rPr, string type = "paragraph", string basedOn = "Normal", string next = "") =>
            $"<w:style w:type=\"{type}\" w:styleId=\"{id}\"{(id == "Normal" ? " w:default=\"1\"" : "")}><w:name w:val=\"{name}\"/>" +
            (id == "Normal" || basedOn.Length == 0 ? "" : $"<w:basedOn w:val=\"{basedOn}\"/>") +
            (next.Length > 0 ? $"<w:next w:val=\"{next}\"/>" : "") + "<w:qFormat/>" +
            (pPr.Length > 0 ? $"<w:pPr>{pPr}</w:pPr>" : "") + (rPr.Length > 0 ? $"<w:rPr>{rPr}</w:rPr>" : "") + "</w:style>";
        int indent = DocxLook.BodyIndent, tab = DocxLook.NumberTab;
        string bodyRight = $"w:right=\"{indent}\"";
        // The masthead's title and subtitle: the PDF's space above and leading (the subtitle's space below is the writer's: it depends on what follows).
        static string Exact(double leading, double before, double after = 0) =>
            $"<w:spacing w:before=\"{PageDesign.Twips(before)}\" w:after=\"{PageDesign.Twips(after)}\" w:line=\"{PageDesign.Twips(leading)}\" w:lineRule=\"exact\"/>";
        string bodySpacing = $"<w:spacing w:after=\"{look.BodyAfter}\" w:line=\"{look.BodyLine}\" w:lineRule=\"exact\"/>";
        var styles = new[]
        {
            Style("Normal", "Normal", $"{eastAsianParagraph}{bidi}<w:spacing w:after=\"0\" w:line=\"{t.WordNormalLine}\" w:lineRule=\"auto\"/>",
                $"{fonts()}{DocxLook.Size(t.Body)}{lang}"),
            Style("Body", "Body text (numbered)", $"<w:tabs><w:tab w:val=\"left\" w:pos=\"{indent + tab}\"/></w:tabs>{bodySpacing}<w:ind w:left=\"{indent}\" {bodyRight}/><w:jc w:val=\"both\"/>", ""),
            Style("SubItem1", "Sub-item (a)", $"<w:tabs><w:tab w:val=\"left\" w:pos=\"{indent + 2 * tab}\"/></w:tabs>{bodySpacing}<w:ind w:left=\"{indent}\" {bodyRight} w:firstLine=\"{tab}\"/><w:jc w:val=\"both\"/>", ""),
            Style("SubItem2", "Sub-item (i)", $"<w:tabs><w:tab w:val=\"left\" w:pos=\"{indent + 3 * tab}\"/></w:tabs>{bodySpacing}<w:ind w:left=\"{indent + tab}\" {bodyRight} w:firstLine=\"{tab}\"/><w:jc w:val=\"both\"/>", ""),
            Style("Heading1", "heading 1", $"<w:keepNext/><w:keepLines/><w:tabs><w:tab w:val=\"left\" w:pos=\"{indent}\"/></w:tabs>{look.HeadingSpacing(1, t.Heading1)}<w:ind w:left=\"{indent}\" {bodyRight} w:hanging=\"{indent}\"/><w:outlineLvl w:val=\"0\"/>",
                $"{fonts(true)}{headingBold}{DocxLook.Size(t.Heading1)}", next: "Body"),
            Style("Heading2", "heading 2", $"<w:keepNext/><w:keepLines/><w:tabs><w:tab w:val=\"left\" w:pos=\"{indent}\"/></w:tabs>{look.HeadingSpacing(2, t.Heading2)}<w:ind w:left=\"{indent}\" {bodyRight} w:hanging=\"{indent}\"/><w:outlineLvl w:val=\"1\"/>",
                $"{fonts(true)}{headingBold}{DocxLook.Size(t.Heading2)}", next: "Body"),
            Style("Heading3", "heading 3", $"<w:keepNext/><w:keepLines/>{look.HeadingSpacing(3, t.Heading3)}<w:ind w:left=\"{indent}\" {bodyRight}/><w:outlineLvl w:val=\"2\"/>",
                $"{fonts(true)}{headingBold}{DocxLook.Size(t.Heading3)}", next: "Body"),
            Style("Title", "Title", $"<w:keepNext/>{Exact(t.Title * MastheadDesign.Leading, MastheadDesign.TitleSpace)}<w:ind w:left=\"{indent}\" {bodyRight}/>",
                $"{fonts(true)}{headingBold}{DocxLook.Size(t.Title)}", next: "Subtitle"),
            Style("Subtitle", "Subtitle", $"<w:keepNext/>{Exact(t.Subtitle * MastheadDesign.Leading, MastheadDesign.SubtitleSpace)}<w:ind w:left=\"{indent}\" {bodyRight}/>",
                $"{fonts(true)}{headingBold}{DocxLook.Size(t.Subtitle)}", next: "Body"),
            Style("MastheadUN", "Masthead: United Nations", "", DocxLook.Size(t.MastheadUnitedNations)),
            Style("MastheadSymbol", "Masthead: symbol", "<w:jc w:val=\"right\"/>", $"{look.Bold}{DocxLook.Size(t.MastheadSymbol)}"),
            Style("MastheadOrgan", "Masthead: organ", "", $"{fonts(true)}{headingBold}{DocxLook.Size(t.MastheadOrgan)}"),
            Style("MastheadDistr", "Masthead: distribution", "", $"{DocxLook.Size(t.Body)}"),
            Style("MastheadLine", "Masthead: date and languages", "", ""),
            Style("Session", "Session", "", $"{fonts(true)}{headingBold}"),
            Style("AgendaTitle", "Agenda item title", $"<w:ind w:right=\"{PageDesign.Twips(PageDesign.TextWidth * (1 - MastheadDesign.AgendaTitleWidth))}\"/>", $"{fonts(true)}{headingBold}"),
            Style("AnnexLabel", "Annex label", $"<w:keepNext/><w:pageBreakBefore/><w:spacing w:after=\"240\"/><w:outlineLvl w:val=\"0\"/>", $"{fonts(true)}{headingBold}{DocxLook.Size(t.Heading1)}", next: "Heading1"),
            Style("AnnexTitle", "Annex title", $"<w:keepNext/><w:spacing w:after=\"360\"/><w:ind w:left=\"{indent}\" {bodyRight}/><w:outlineLvl w:val=\"1\"/>", $"{fonts(true)}{headingBold}{DocxLook.Size(t.Heading1)}", next: "Body"),
            Style("AnnexBody", "Annex body", $"{bodySpacing}<w:ind w:left=\"{indent}\" {bodyRight}/><w:jc w:val=\"both\"/>", ""),
            Style("ChartTitle", "Chart title", $"<w:keepNext/><w:keepLines/><w:tabs><w:tab w:val=\"left\" w:pos=\"{indent}\"/></w:tabs><w:spacing w:before=\"360\" w:after=\"60\"/><w:ind w:left=\"{indent}\" w:hanging=\"{indent}\"/>", $"{fonts(true)}{headingBold}", next: "ChartNote"),
            Style("ChartNote", "Chart note", $"<w:keepNext/><w:spacing w:after=\"60\"/><w:ind w:left=\"{indent}\"/>", $"{DocxLook.Size(t.Small)}"),
            Style("TableText", "Table text", $"<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"{look.SmallLine}\" w:lineRule=\"exact\"/><w:jc w:val=\"left\"/>", $"{DocxLook.Size(t.Small)}"),
            Style("TableHeader", "Table header", $"<w:keepNext/><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"{look.SmallLine}\" w:lineRule=\"exact\"/>", $"{(t.TableHeaderItalic ? "<w:i/>" : "")}{DocxLook.Size(t.Small)}", basedOn: "TableText"),
            Style("FootnoteText", "footnote text", $"<w:tabs><w:tab w:val=\"left\" w:pos=\"{indent}\"/></w:tabs><w:spacing w:before=\"{PageDesign.Twips(FootnoteSeparator - LibreOfficeSeparator)}\" w:after=\"40\" w:line=\"{look.FootnoteLine}\" w:lineRule=\"exact\"/><w:ind w:left=\"{indent}\" {bodyRight} w:hanging=\"{tab}\"/>", $"{DocxLook.Size(t.Footnote)}"),
            Style("FootnoteReference", "footnote reference", "", "<w:vertAlign w:val=\"superscript\"/>", type: "character", basedOn: ""),
            Style("Header", "header", "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>", $"{look.Bold}{DocxLook.Size(t.Running)}"),
            Style("Footer", "footer", "", $"{look.Bold}{DocxLook.Size(t.Running)}"),
            "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
        };
        return "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
               $"<w:docDefaults><w:rPrDefault><w:rPr>{fonts()}{DocxLook.Size(t.Body)}{lang}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{eastAsianParagraph}{bidi}</w:pPr></w:pPrDefault></w:docDefaults>" +
               string.Concat(styles) + "</w:styles>";
    }

    /// <summary>
    /// Numbering: 1 = body paragraphs "1.", "2.", … through the whole document (Word counts them);
    /// each block of sub-items gets its own instance of list 2, "(a)" then "(i)", restarting at 1.
    /// </summary>
    /// <param name="paragraphNumber">the body paragraphs' label, {0} the number: "{0}." ("%1."), Arabic "{0} -" ("%1 -")</param>
    /// <param name="subItemLabel2">the second level's label when it differs (Arabic ’{0}‘)</param>
    /// <param name="letters">the first level's letters: Word's lowerLetter, or arabicAbjad (أ، ب، ج) in Arabic</param>
    /// <param name="rightToLeft">
    /// the language is written right to left: a space in the paragraphs' label is a no-break space ("%1\u00A0-"). LibreOffice
    /// drops a plain space from a label of a right-to-left paragraph, so "%1 -" showed as "-1"; with the no-break space both
    /// it and Word show the number at the right, a space, then the dash at its left (reading "1 -" from the right), and
    /// the label cannot break. (pdftotext of LibreOffice's PDF reads the label in drawn order, "-1", with a space's gap
    /// between the two words it finds, "-" and "1".)
    /// </param>
    public static string Numbering(int subItemLists, Numerals subItemNumerals = Numerals.Roman, string subItemLabel = "({0})", string? subItemLabel2 = null, Letters letters = Letters.Latin, string paragraphNumber = "{0}.",
        bool rightToLeft = false)
    {
        if (rightToLeft) paragraphNumber = paragraphNumber.Replace(' ', '\u00A0');
        int indent = DocxLook.BodyIndent, tab = DocxLook.NumberTab;
        string Level(int ilvl, string format, string text, int left, int firstLine, int tabPos) =>
            $"<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>" +
            $"<w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"{tabPos}\"/></w:tabs><w:ind w:left=\"{left}\" w:firstLine=\"{firstLine}\"/></w:pPr></w:lvl>";
        var xml = new System.Text.StringBuilder("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        xml.Append("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>")
           .Append(Level(0, "decimal", string.Format(System.Globalization.CultureInfo.InvariantCulture, paragraphNumber, "%1"), indent, 0, indent + tab)).Append("</w:abstractNum>");
        xml.Append("<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"multilevel\"/>")
           .Append(Level(0, letters == Letters.Arabic ? "arabicAbjad" : "lowerLetter", string.Format(System.Globalization.CultureInfo.InvariantCulture, subItemLabel, "%1"), indent, tab, indent + 2 * tab))
           // The third level is (i), (ii) in English, (一), (二) in Chinese and ’1‘, ’2‘ in Arabic, as Numbering.SubItem labels it.
           .Append(Level(1, subItemNumerals switch { Numerals.Chinese => "chineseCounting", Numerals.Arabic => "decimal", _ => "lowerRoman" },
               string.Format(System.Globalization.CultureInfo.InvariantCulture, subItemLabel2 ?? subItemLabel, "%2"), indent + tab, tab, indent + 3 * tab)).Append("</w:abstractNum>");
        xml.Append("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
        for (int i = 0; i < subItemLists; i++)
            xml.Append($"<w:num w:numId=\"{i + 2}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride><w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>");
        return xml.Append("</w:numbering>").ToString();
    }

    /// <summary>Settings: separators for footnotes, odd/even headers, and for Chinese the kinsoku sets (clreq "basic").</summary>
    public static string Settings(DocxLook look)
    {
        // The line-start and line-end prohibitions are the PDF line breaker's (one table, Typesetting.Kinsoku).
        string kinsoku = look.BreaksCharacters
            ? $"<w:noLineBreaksAfter w:lang=\"{look.Profile.Tags.WordEastAsia}\" w:val=\"{System.Security.SecurityElement.Escape(Kinsoku.NoLineEnd)}\"/><w:noLineBreaksBefore w:lang=\"{look.Profile.Tags.WordEastAsia}\" w:val=\"{System.Security.SecurityElement.Escape(Kinsoku.NoLineStart)}\"/>"
            : "";
        // Word's automatic hyphenation, where the profile asks for it: never two hyphenated lines in a row nor a word in
        // capitals, as the PDF's house rules (the PDF's other rules are its own; Word and LibreOffice apply their dictionaries).
        string hyphenation = look.Profile.HyphenatesInWord
            ? "<w:autoHyphenation/><w:consecutiveHyphenLimit w:val=\"2\"/><w:doNotHyphenateCaps/>"
            : "";
        return "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
               // Children in the schema's order.
               $"<w:defaultTabStop w:val=\"{DocxLook.NumberTab}\"/>{hyphenation}<w:evenAndOddHeaders/><w:characterSpacingControl w:val=\"compressPunctuation\"/>" + kinsoku +
               "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>" +
               "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>" +
               $"<w:themeFontLang w:val=\"{look.Profile.Tags.WordLatin}\" w:eastAsia=\"{look.Profile.Tags.WordEastAsia}\"/>" +
               "</w:settings>";
    }
}
