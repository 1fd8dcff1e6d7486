using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// The Arabic edition of the sample, as UN Arabic documents are written: right to left, Western
/// digits, "41 في المائة", "تشرين الأول/أكتوبر", chapters أولا - and sub-items (أ), ’1‘; the Word
/// file right to left from the profile (w:bidi, w:bidiVisual, w:rtl runs in the complex-script face,
/// w:lang w:bidi), the review page's Arabic cells dir="rtl", read back through LibreOffice.
/// </summary>
/// <remarks>
/// The PDF's drawing of Arabic (the bundled face, shaping, bidi, the mirrored page) has its own
/// tests (Typesetting/Bidi, the shaper, the right-to-left PDF); here the edition is built with the
/// shipped fonts as a user builds it.
/// </remarks>
public class ArabicEditionTests
{
    public static TheoryData<string> Documents => new(["portfolio-analysis", "annual-report-summary"]);

    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "ar"], ["docx", "pdf", "txt"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    [Fact]
    public void The_profile_is_arabic_right_to_left_and_registered_last()
    {
        var ar = LanguageProfiles.For("ar");
        Assert.True(ar.RightToLeft);
        Assert.Equal(WritingScript.Arabic, ar.Script);
        Assert.Equal(FontRole.Arabic, ar.Fonts.Text);
        Assert.Equal(("ar", "ar-SA", "ar-SA"), (ar.Tags.Tag, ar.Tags.Word, ar.Tags.WordBidi));
        Assert.Equal("Simplified Arabic", ar.Fonts.WordComplex);
        Assert.False(ar.ByDefault);
        Assert.Equal("ar", LanguageProfiles.All[^1].Code);
        Assert.DoesNotContain(LanguageProfiles.All, p => p.Code != "ar" && p.RightToLeft);
    }

    [Fact]
    public void Arabic_numbers_dates_lists_and_labels_follow_un_arabic_style()
    {
        var ar = Formatter.For("ar");
        Assert.Equal("41\u00A0في المائة", ar.Percent(0.4134)); // a no-break space binds the figure to its unit words
        Assert.Equal("41.3\u00A0في المائة", ar.Percent(0.4134, 1));
        Assert.Equal("41%", ar.PercentSign(0.41));
        Assert.Equal("9\u00A0800\u00A0000", ar.Figure(9_800_000));
        Assert.Equal(["1.3\u00A0مليون\u00A0دولار", "3\u00A0ملايين\u00A0دولار", "64\u00A0مليون\u00A0دولار", "2.5\u00A0بليون\u00A0دولار", "9\u00A0800\u00A0دولار"],
            [ar.Usd(1_300_000), ar.Usd(3_000_000), ar.Usd(64_000_000), ar.Usd(2_500_000_000), ar.Usd(9800)]);
        Assert.Equal("4 تشرين الأول/أكتوبر 2021", ar.Date(new DateOnly(2021, 10, 4)));
        Assert.Equal("7 حزيران/يونيه 2021", ar.Date(new DateOnly(2021, 6, 7)));
        Assert.Equal("15 و 16 تشرين الثاني/نوفمبر 2021", ar.DateRange(new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 16)));
        Assert.Equal("أفريقيا وأوروبا وآسيا والمحيط الهادئ", ar.List(["أفريقيا", "أوروبا", "آسيا والمحيط الهادئ"]));
        Assert.Equal("1.1 و 3.1 و 4.2", ar.List(["1.1", "3.1", "4.2"]));
        Assert.Equal(["4", "12"], [ar.Count(4), ar.Count(12)]); // figures: a word would agree with its noun
        Assert.Equal(["الثانية", "الشكل الأول", "الشكلان الأول والثاني", "الأشكال من الثالث إلى الثامن"],
            [ar.Ordinal(2), ar.ChartReference([1], roman: true, figure: true), ar.ChartReference([1, 2], roman: true, figure: true), ar.ChartReference([3, 4, 5, 6, 7, 8], roman: true, figure: true)]);
        Assert.Equal(["أولا -", "ثالثا -", "ألف -", "(أ)", "(هـ)", "’2‘"],
            [ReportGen.Document.Numbering.Chapter(1, "ar"), ReportGen.Document.Numbering.Chapter(3, "ar"), ReportGen.Document.Numbering.Section(1, "ar"),
             ReportGen.Document.Numbering.SubItem(1, 1, "ar"), ReportGen.Document.Numbering.SubItem(1, 5, "ar"), ReportGen.Document.Numbering.SubItem(2, 2, "ar")]);
        // Typed numbers: "100 في المائة" is a percentage, as "100 per cent" is.
        Assert.Equal(NumberKind.Percent, Assert.Single(NumberText.Find("بنسبة 100 في المائة كحد أقصى")).Kind);
        // The formatter's own form (a no-break space before the words) reads as a percentage too, and is the typed one's number.
        var formatted = Assert.Single(NumberText.Find($"بنسبة {ar.Percent(0.75)} كحد أقصى"));
        Assert.Equal((NumberKind.Percent, "75%"), (formatted.Kind, formatted.Same));
        Assert.Equal(Assert.Single(NumberText.Find("دون 75 في المائة")).Same, Assert.Single(NumberText.Find("دون 75\u00A0في المائة")).Same);
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void The_text_is_arabic_with_the_masthead_lines_kept_in_english(string document)
    {
        string text = Encoding.UTF8.GetString(Outputs.Value[$"{document}.ar.txt"]);
        foreach (string line in new[] { "الأمم المتحدة", "Distr.: General", "4 October 2021", "Arabic", "Original: English",
                     "المجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات البشرية", "نيروبي، 15 و 16 تشرين الثاني/نوفمبر 2021" })
            Assert.Contains(line, text);
        Assert.Contains("\u00A0في المائة", text);
        Assert.DoesNotMatch(@"\d (في المائة|مليون|ملايين|بليون|دولار)", text); // every figure bound to its unit words, typed ones too
        Assert.DoesNotContain("per cent", text);
        Assert.Matches(@"(?m)^\(أ\) ", text);
        if (document == "portfolio-analysis")
        {
            Assert.Matches("(?m)^أولا - مقدمة$", text);
            Assert.Matches("(?m)^ألف - ", text);
            Assert.Contains("64\u00A0مليون\u00A0دولار", text);
            Assert.Contains("’1‘ ", text);
        }
        else Assert.Contains("9\u00A0800\u00A0000", text);
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void No_pdf_line_ends_between_a_figure_and_its_unit_words(string document)
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        // pdftotext gives the lines in reading order, each between embedding marks; a line ending in a figure whose
        // next line starts with في المائة or مليون / دولار is the break the no-break space forbids (review B.4, C.4).
        var lines = Poppler.PdfToText(Outputs.Value[$"{document}.ar.pdf"]).Split('\n')
            .Select(l => Regex.Replace(l, "[\u202A-\u202E\u200E\u200F]", "").Trim()).Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => l.Contains("في المائة"));
        for (int i = 0; i + 1 < lines.Count; i++)
            Assert.False(Regex.IsMatch(lines[i], @"\d$") && Regex.IsMatch(lines[i + 1], "^(في المائة|مليون|ملايين|بليون|دولار)"),
                $"{document}: a line ends with a figure and the next begins with its unit: «{lines[i]}» / «{lines[i + 1]}»");
        foreach (string line in lines)
            Assert.DoesNotMatch("^(في المائة|مليون دولار|ملايين دولار|دولار)", line);
    }

    [SkippableFact]
    public void Figures_of_right_to_left_tables_end_at_the_same_edge()
    {
        ExternalTool.Require("pdftotext", "poppler-utils");
        // Review B.2: a mirrored table's figures are flush with the column's right edge, their units in line
        // ("85%" under "108%"), not flush left as the English right alignment mirrored would set them. Page 3: the annex table.
        var words = Regex.Matches(Poppler.PdfToText(Outputs.Value["annual-report-summary.ar.pdf"], "-f", "3", "-l", "3", "-bbox"),
                @"<word xMin=""([\d.]+)"" yMin=""[\d.]+"" xMax=""([\d.]+)"" yMax=""[\d.]+"">(\d+%)</word>")
            .Select(m => (XMin: D(m.Groups[1].Value), XMax: D(m.Groups[2].Value), Text: m.Groups[3].Value)).ToList();
        var wide = words.Where(w => w.Text.Length == 4).ToList();
        var narrow = words.Where(w => w.Text.Length == 3).ToList();
        Assert.NotEmpty(wide);
        Assert.All(wide, w => Assert.Contains(narrow, n => Math.Abs(n.XMax - w.XMax) < 0.5));
        Assert.All(wide, w => Assert.DoesNotContain(narrow, n => Math.Abs(n.XMin - w.XMin) < 0.5));
        // Word: in a right-to-left paragraph "left" is the start (the right edge); a figure cell's "right" would be its left edge.
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value["annual-report-summary.ar.docx"]));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        string body = reader.ReadToEnd();
        Assert.Contains("<w:pStyle w:val=\"TableText\"/><w:jc w:val=\"left\"/>", body);
        Assert.DoesNotContain("<w:jc w:val=\"right\"/>", body);
        using var english = new ZipArchive(new MemoryStream(Outputs.Value["annual-report-summary.en.docx"]));
        using var englishReader = new StreamReader(english.GetEntry("word/document.xml")!.Open());
        Assert.Contains("<w:pStyle w:val=\"TableText\"/><w:jc w:val=\"right\"/>", englishReader.ReadToEnd());
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void The_word_document_runs_right_to_left_from_the_profile(string document)
    {
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[$"{document}.ar.docx"]));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        string body = Part("word/document.xml"), styles = Part("word/styles.xml");
        // Paragraphs: every style is based on Normal, which runs right to left, as do the defaults.
        Assert.Contains("<w:pPrDefault><w:pPr><w:bidi/></w:pPr></w:pPrDefault>", styles);
        Assert.Matches("<w:style w:type=\"paragraph\" w:styleId=\"Normal\" w:default=\"1\">.*?<w:pPr><w:bidi/>", styles);
        Assert.Contains("w:cs=\"Simplified Arabic\"", styles);
        Assert.Contains("w:bidi=\"ar-SA\"", styles);
        // Tables from the right, the section right to left.
        int tables = Regex.Matches(body, "<w:tbl>").Count;
        Assert.True(tables > 0);
        Assert.Equal(tables, Regex.Matches(body, "<w:tbl><w:tblPr><w:bidiVisual/>").Count);
        Assert.Matches("<w:sectPr>.*<w:titlePg/><w:bidi/></w:sectPr>", body);
        // Every run with Arabic letters is w:rtl, tagged ar-SA, with its complex-script size from the styles; no Latin run is.
        var runs = Regex.Matches(body, "<w:r><w:rPr>(.*?)</w:rPr>(.*?)</w:r>").Select(m => (Props: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        var arabic = runs.Where(r => r.Text.Any(Script.IsArabicLetter)).ToList();
        Assert.NotEmpty(arabic);
        Assert.All(arabic, r => Assert.Contains("<w:rtl/><w:lang w:val=\"en-US\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>", r.Props));
        Assert.All(runs.Where(r => r.Text.Any(char.IsAsciiLetter) && !r.Text.Any(Script.IsArabicLetter) && !r.Text.Contains("w:fldChar")), r => Assert.DoesNotContain("<w:rtl/>", r.Props));
        Assert.Contains("<w:szCs w:val=", styles);
        // Bold Arabic is bold in its own script too.
        Assert.DoesNotMatch("<w:b/>(?!<w:bCs/>)[^<]*(<w:[a-z]+[^>]*>)*<w:rtl/>", body);
        // The English masthead lines run left to right; sub-items are lettered أ, ب and numbered ’1‘.
        Assert.Contains("<w:bidi w:val=\"0\"/>", body);
        string numbering = Part("word/numbering.xml");
        Assert.Contains("<w:numFmt w:val=\"arabicAbjad\"/><w:lvlText w:val=\"(%1)\"/>", numbering);
        Assert.Contains("<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"’%2‘\"/>", numbering);
        Assert.Contains("<dc:language>ar-SA</dc:language>", Part("docProps/core.xml"));
        // Native charts: categories from the right, the value axis at the right.
        foreach (var chart in zip.Entries.Where(e => e.FullName.StartsWith("word/charts/chart", StringComparison.Ordinal)))
        {
            string xml = Part(chart.FullName);
            Assert.Contains("<c:lang val=\"ar-SA\"/>", xml);
            Assert.Contains("<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"maxMin\"/>", xml);
            Assert.Contains("<c:axPos val=\"r\"/>", xml);
            // The value axis stands where the reversed categories start (crossing at the first category, at the right);
            // the category axis crosses it at zero, at the bottom.
            Assert.DoesNotContain("<c:crosses val=\"max\"/>", xml);
        }
        // A chart's paragraph runs left to right: LibreOffice draws a chart's labels backwards in a right-to-left one.
        int drawings = Regex.Matches(body, "<c:chart ").Count;
        Assert.True(drawings > 0);
        Assert.Equal(drawings, Regex.Matches(body, "<w:p><w:pPr><w:keepLines/><w:bidi w:val=\"0\"/><w:spacing [^>]*/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>").Count
            + Regex.Matches(body, "<w:p><w:pPr><w:keepNext/><w:bidi w:val=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>").Count);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_word_chart_caption_label_ends_in_a_no_break_space_before_its_tab(string document)
    {
        // Word's Arabic face is not the PDF's: the label's measure may fall short of the margin's tab stop, which
        // LibreOffice then set against the title ("الشكل الأولالروابط", issue 27); the no-break space keeps them apart.
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[$"{document}.ar.docx"]));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var labels = Regex.Matches(reader.ReadToEnd(), "<w:pStyle w:val=\"ChartTitle\"/>.*?</w:pPr><w:r>.*?<w:t xml:space=\"preserve\">(.*?)</w:t></w:r><w:r><w:tab/></w:r>")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.Matches("^الشكل .+\u00A0$", label));
    }

    [SkippableFact]
    public void The_other_editions_stay_left_to_right()
    {
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value["portfolio-analysis.en.docx"]));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        foreach (string marker in new[] { "<w:bidi/>", "<w:bidiVisual/>", "<w:rtl/>", "<w:bCs/>", "maxMin" })
            Assert.DoesNotContain(marker, Part("word/document.xml") + Part("word/styles.xml"));
        Assert.Contains("w:cs=\"Times New Roman\"", Part("word/styles.xml"));
    }

    [Fact]
    public void The_review_page_sets_the_arabic_column_right_to_left()
    {
        var result = ReviewPage.Build(Repo.Seed, Repo.Path("templates"), "annual-report-summary");
        string page = Encoding.UTF8.GetString(result.Page);
        Assert.Contains("<div class=\"cell\" lang=\"ar\" dir=\"rtl\">العربية (Arabic)</div>", page);
        Assert.Equal(Regex.Matches(page, "lang=\"ar\"").Count, Regex.Matches(page, "lang=\"ar\" dir=\"rtl\"").Count);
        Assert.DoesNotContain("lang=\"en\" dir=", page);
        // Arabic says the same thing as the English, part by part: no difference on the page.
        Assert.Empty(result.Differences);
    }

    [SkippableFact]
    public void Paragraph_numbers_read_1_dash_in_arabic_and_1_dot_elsewhere_in_pdf_word_and_text()
    {
        // One rule, the profile's ParagraphNumber: "{0} -" in Arabic, "{0}." in every other language.
        Assert.Equal("1 -", ReportGen.Document.Numbering.Paragraph(1, "ar"));
        foreach (var other in LanguageProfiles.All.Where(p => !p.RightToLeft)) Assert.Equal("12.", ReportGen.Document.Numbering.Paragraph(12, other.Code));
        string text = Encoding.UTF8.GetString(Outputs.Value["portfolio-analysis.ar.txt"]);
        Assert.Matches(@"(?m)^1 - \p{IsArabic}", text);
        Assert.Matches(@"(?m)^2 - \p{IsArabic}", text);
        Assert.Matches(@"(?m)^3 - \p{IsArabic}", text);
        Assert.Matches(@"(?m)^1\. \w", Encoding.UTF8.GetString(Outputs.Value["portfolio-analysis.en.txt"]));
        // Word: the body paragraphs' numbering level reads "%1 -" in Arabic (its space a no-break one, which LibreOffice keeps), "%1." in English.
        string Numbering(string name)
        {
            using var zip = new ZipArchive(new MemoryStream(Outputs.Value[name]));
            using var reader = new StreamReader(zip.GetEntry("word/numbering.xml")!.Open());
            return reader.ReadToEnd();
        }
        Assert.Contains("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1\u00A0-\"/>", Numbering("portfolio-analysis.ar.docx"));
        Assert.Contains("<w:lvlText w:val=\"%1.\"/>", Numbering("portfolio-analysis.en.docx"));
        // The PDF: the label drawn right to left, the number at the right and the dash at its left; pdftotext reads
        // a label alone on its line in the order drawn ("-1" or "- 1").
        string pdf = Regex.Replace(Poppler.PdfToText(Outputs.Value["portfolio-analysis.ar.pdf"]), "[\u202A-\u202C]", "");
        Assert.Matches(@"(?m)^- ?1$", pdf);
        Assert.Matches(@"(?m)^- ?2$", pdf);
        Assert.DoesNotMatch(@"(?m)^1 ?-$", pdf);
    }

    [Fact]
    public void The_arabic_pdf_is_drawn_with_the_shipped_arabic_face_and_tagged_ar()
    {
        // The shipped fonts cover Arabic: no build stops at the coverage check, and the PDF is tagged ar.
        Assert.True(FontSet.Load().FaceFor('ا', FontRole.Arabic, false, false) is { } face && face.Covers('ا'));
        var pdf = Outputs.Value["annual-report-summary.ar.pdf"];
        Assert.Contains("/Lang(ar)", Encoding.Latin1.GetString(pdf));
    }

    [Fact]
    public void A_build_asking_for_arabic_without_its_columns_names_the_sheet_and_column()
    {
        using var dir = new TempDir();
        string workbook = dir.File("no-ar.xlsx");
        var sheets = ReportGen.Sample.SampleWorkbook.Sheets()
            .Select(s => new ReportGen.Packaging.SheetData(s.Name, s.Header.Select(h => h == "name_ar" && s.Name == "Regions" ? "name_xx" : h).ToList(), s.Rows, s.ColumnWidths))
            .ToList();
        ReportGen.Packaging.SpreadsheetWriter.Write(workbook, sheets);
        var error = Assert.Throws<ReportGen.Core.InputException>(() =>
            BuildPipeline.Render(new BuildOptions(workbook, "unused", Repo.Path("templates"), ["ar"], ["txt"], null)));
        Assert.Contains(error.Problems, p => p.Place.StartsWith("Regions", StringComparison.Ordinal) && p.Message.Contains("name_ar"));
    }

    /// <summary>
    /// Every generated cycle (one to five review years, ties, empty years, no targets…) composes in Arabic in step with
    /// the English (the parity check passes part by part), its Word files run right to left, its PDFs render (every letter covered,
    /// tagged ar, read back as Arabic) and its review page has no difference.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Generated_cycles_build_in_arabic_in_step_with_the_english(Scenario s)
    {
        var fonts = FontSet.Load();
        using var dir = new TempDir();
        string path = dir.File(s.Name + ".xlsx");
        CycleGenerator.Write(s, path);
        List<ComposedDocument> documents;
        try { documents = BuildPipeline.Compose(new BuildOptions(path, "unused", Repo.Path("templates"), ["en", "ar"], ["docx", "txt"], null)).Documents; }
        catch (ReportGen.Core.InputException e) { throw new Xunit.Sdk.XunitException(string.Join("\n", e.Problems.Select(p => p.ToString()))); }
        var arabic = documents.Where(d => d.Doc.Language == "ar").ToList();
        Assert.Equal(2, arabic.Count);
        foreach (var document in arabic)
        {
            string text = ReportGen.Document.PlainText.Of(document.Doc);
            Assert.Contains("الأمم المتحدة", text);
            Assert.DoesNotContain("per cent", text);
            // Counts agree with their noun for every count the cycles have (review A2): no "(وعددها N)", no "2 من المشاريع",
            // a preposition set apart from a figure ("بـ 11"), never joined to it; no dual or plural noun after a figure of one or two.
            Assert.DoesNotContain("عددها", text);
            Assert.DoesNotMatch(@"(^|[\s(])[بل]\d", text);
            Assert.DoesNotMatch(@"(^|[\s(])[12] (مشروع|مشاريع|نتيجة|نتائج|مجال)", text);
            using var zip = new ZipArchive(new MemoryStream(ReportGen.Rendering.Docx.DocxWriter.Write(ReportGen.Document.Resolver.Resolve(document.Doc), fonts)));
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            string body = reader.ReadToEnd();
            Assert.Contains("<w:rtl/>", body);
            Assert.Contains("<w:bidi/></w:sectPr>", body);
            // The PDF too: every letter of the generated data covered (the build's coverage check), tagged ar,
            // and read back by pdftotext as Arabic with the symbol and the figures of the data in it.
            var (pdf, pages) = ReportGen.Rendering.Pdf.PdfWriter.Write(ReportGen.Document.Resolver.Resolve(document.Doc), fonts);
            Assert.True(pages > 0);
            Assert.Contains("/Lang(ar)", Encoding.Latin1.GetString(pdf));
            string read = Poppler.PdfToText(pdf);
            Assert.Contains("المتحدة", read);
            Assert.DoesNotContain("per cent", read);
            Assert.DoesNotContain("\uFFFD", read);
        }
        var review = ReviewPage.Build(path, Repo.Path("templates"), null);
        Assert.Empty(review.Differences);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", Encoding.UTF8.GetString(review.Page));
    }

    [SkippableFact]
    public void Libreoffice_renders_the_arabic_word_documents_with_their_logical_text()
    {
        ExternalTool.Require("soffice", "libreoffice-writer-nogui");
        using var dir = new TempDir();
        var docx = new List<string>();
        foreach (string document in new[] { "portfolio-analysis", "annual-report-summary" })
        {
            string path = dir.File($"{document}.ar.docx");
            File.WriteAllBytes(path, Outputs.Value[$"{document}.ar.docx"]);
            docx.Add(path);
        }
        LibreOffice.Convert(docx, "pdf", dir.File("lo"), dir.Path, "libreoffice-writer-nogui");
        foreach (string document in new[] { "portfolio-analysis", "annual-report-summary" })
        {
            byte[] pdf = File.ReadAllBytes(Path.Combine(dir.File("lo"), $"{document}.ar.pdf"));
            // pdftotext writes Arabic in logical order, each right-to-left line between embedding marks; Latin runs in their own.
            string text = Regex.Replace(Regex.Replace(Poppler.PdfToText(pdf), "[\u202A-\u202E]", ""), "[ \n]+", " ");
            // Phrases without the lam-alef ligature (which LibreOffice's PDF maps back as alef, lam) and not justified (no kashida).
            foreach (string phrase in new[] { "المجلس التنفيذي لبرنامج", "تقرير المدير التنفيذي", "مذكرة من", "نيروبي", "تشرين الثاني/نوفمبر", "Distr.: General", "Original: English" }
                         .Where(p => document == "portfolio-analysis" ? p != "مذكرة من" : p != "تقرير المدير التنفيذي"))
                Assert.Contains(phrase, text);
            Assert.DoesNotContain('\uFFFD', text);
            // The paragraph labels: the number at the right, a space, the dash at its left ("1 -" read from the right):
            // pdftotext finds "-" and "1" as two words on the first paragraph's line, a space's gap apart.
            var words = Regex.Matches(Poppler.PdfToText(pdf, "-bbox"), @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""[\d.]+"">([^<]*)</word>")
                .Select(m => (XMin: D(m.Groups[1].Value), Y: D(m.Groups[2].Value), XMax: D(m.Groups[3].Value), Text: m.Groups[4].Value)).ToList();
            var labels = (from n in words where n.Text is "1" or "2" or "3"
                          from d in words where d.Text == "-" && Math.Abs(d.Y - n.Y) < 1 && d.XMax <= n.XMin + 0.5 && d.XMax > n.XMin - 8
                          select (Number: n.Text, Gap: n.XMin - d.XMax)).ToList();
            Assert.True(labels.Count >= 3, $"{document}: {labels.Count} labels found");
            Assert.All(labels, l => Assert.True(l.Gap > 2, $"{document}: label {l.Number}: {l.Gap:0.0} pt between its dash and its number, no space"));
            // Charts: their labels read as written ("100%", "1.2"), not backwards ("%001", "2.1").
            if (document == "annual-report-summary")
            {
                Assert.Contains("100%", text);
                Assert.DoesNotContain("%001", text);
                Assert.DoesNotContain("%08", text);
            }
            // The page count: LibreOffice sets the Arabic Word file within one page of the English PDF (the Arabic PDF waits for its face).
            int arabic = Pages(pdf), english = Pages(Outputs.Value[$"{document}.en.pdf"]);
            Assert.True(Math.Abs(arabic - english) <= 1, $"{document}.ar: LibreOffice {arabic} pages, the English PDF {english}");
        }
    }

    private static double D(string value) => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static int Pages(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }
}
