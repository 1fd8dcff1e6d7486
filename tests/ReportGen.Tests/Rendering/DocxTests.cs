using ReportGen.Build;
using ReportGen.Audit;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportGen.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>The Word documents actually produced from the sample, read back.</summary>
public class DocxTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(Options(Repo.Seed)).ToDictionary(o => o.FileName, o => o.Bytes));

    internal static BuildOptions Options(string workbook, string? templates = null) =>
        new(workbook, "unused", templates ?? Repo.Path("templates"), ["en", "zh"], ["docx"], null);

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    /// <summary>Body paragraphs' text, in order, outside tables.</summary>
    private static List<string> BodyParagraphs(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => DocumentText.TextOf(p)).ToList();

    /// <summary>The masthead's paragraphs: name and symbol, organ, distribution lines (before the session line).</summary>
    internal static List<Paragraph> Masthead(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().TakeWhile(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value != "Session").ToList();

    private static string AllText(WordprocessingDocument doc) => DocumentText.TextOf(doc.MainDocumentPart!.Document.Body!);

    [Fact]
    public void Four_documents_and_the_figures_are_built() =>
        Assert.Equal(["annual-report-summary.en.docx", "annual-report-summary.zh.docx", "figures.json", "manifest.json", "portfolio-analysis.en.docx", "portfolio-analysis.zh.docx", "trace.json"],
            Outputs.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("portfolio-analysis.en.docx")] [InlineData("portfolio-analysis.zh.docx")]
    [InlineData("annual-report-summary.en.docx")] [InlineData("annual-report-summary.zh.docx")]
    public void Valid_against_the_office_2019_schema(string name)
    {
        using var doc = Open(Outputs.Value[name]);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Headings_carry_un_numbers_in_each_language()
    {
        using var en = Open(Outputs.Value["portfolio-analysis.en.docx"]);
        using var zh = Open(Outputs.Value["portfolio-analysis.zh.docx"]);
        List<string> Headings(WordprocessingDocument d, string style) => d.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => DocumentText.TextOf(p)).ToList();
        Assert.Equal(["I.Introduction", "II.Focusing the implementation of the strategic plan", "III.Normative and operational work of UN-Habitat, 2020–2021", "IV.Next steps"],
            Headings(en, "Heading1"));
        Assert.Equal(["A.Method", "B.Findings", "C.Balance between the normative and operational portfolio (annex II, figure IX)", "D.Progress of the flagship programmes (annex II, figure X)"],
            Headings(en, "Heading2"));
        Assert.Equal(["一、导言", "二、使战略计划的执行更加聚焦", "三、2020-2021 年人居署的规范工作和业务工作", "四、下一步行动"], Headings(zh, "Heading1"));
        Assert.Equal(["Annex I", "Annex II"], Headings(en, "AnnexLabel"));
    }

    [Fact]
    public void Body_paragraphs_are_numbered_through_word_numbering_and_sub_items_restart()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.en.docx"]);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var numbered = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value == 1).ToList();
        Assert.Equal(13, numbered.Count); // paragraphs 1 to 13 of the English template
        Assert.StartsWith("The present report sets out how UN-Habitat", DocumentText.TextOf(numbered[0]));
        var numbering = doc.MainDocumentPart.NumberingDefinitionsPart!.Numbering;
        var bodyLevel = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == 0).Elements<Level>().Single();
        Assert.Equal(("%1.", NumberFormatValues.Decimal), (bodyLevel.LevelText!.Val!.Value, bodyLevel.NumberingFormat!.Val!.Value));
        var subLevels = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == 1).Elements<Level>().ToList();
        Assert.Equal(["(%1)", "(%2)"], subLevels.Select(l => l.LevelText!.Val!.Value));
        // every block of sub-items has its own list instance starting again at (a)
        var subLists = paragraphs.Select(p => p.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value).Where(id => id > 1).Distinct().ToList();
        Assert.Equal(4, subLists.Count);
        Assert.All(numbering.Elements<NumberingInstance>().Where(n => n.NumberID!.Value > 1),
            n => Assert.Equal(1, n.Elements<LevelOverride>().First().StartOverrideNumberingValue!.Val!.Value));
    }

    [Theory]
    [InlineData("annual-report-summary.en.docx", "HSP/EB.2021/19", "Item 6 (a) of the provisional agenda*")]
    [InlineData("portfolio-analysis.zh.docx", "HSP/EB.2021/19/Add.1", "临时议程*项目 6")]
    public void Masthead_footnote_and_running_header(string name, string symbol, string agendaLine)
    {
        using var doc = Open(Outputs.Value[name]);
        var masthead = string.Concat(Masthead(doc).Select(p => p.InnerText));
        Assert.Contains(symbol, masthead);
        Assert.Contains("Distr.: General", masthead);
        Assert.Contains("Original: English", masthead);
        Assert.Contains(agendaLine, BodyParagraphs(doc));
        var footnote = doc.MainDocumentPart!.FootnotesPart!.Footnotes.Elements<Footnote>().Single(f => f.Id!.Value == 1);
        Assert.Equal("*HSP/EB.2021/12" + (name.Contains(".zh.") ? "。" : "."), footnote.InnerText.Replace("\t", ""));
        var reference = doc.MainDocumentPart.Document.Descendants<FootnoteReference>().First();
        Assert.True(reference.CustomMarkFollows?.Value);
        Assert.All(doc.MainDocumentPart.HeaderParts.Where(h => h.Header.InnerText.Length > 0), h => Assert.Equal(symbol, h.Header.InnerText));
        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        Assert.NotNull(section.GetFirstChild<TitlePage>()); // no running header on the masthead page
        Assert.Equal((11906u, 16838u), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value)); // A4
    }

    [Fact]
    public void English_text_states_the_seed_figures_in_un_style()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.en.docx"]);
        string text = AllText(doc);
        Assert.Contains("142 in all: 88 in 2020 and 54 in 2021", text);
        Assert.Contains("41 per cent of the projects reviewed in 2021 contribute to all four domains of change, against 11 per cent in 2020", text);
        Assert.Contains("the share of the portfolio designed to help respond to the coronavirus disease (COVID-19) pandemic was 23 per cent in 2020 and 11 per cent in 2021", text);
        Assert.Contains("Nairobi, 15 and 16 November 2021", text);
    }

    [Fact]
    public void Chinese_text_states_the_seed_figures_in_chinese_style()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.zh.docx"]);
        string text = AllText(doc);
        Assert.Contains("共计 142 项：2020 年 88 项和 2021 年 54 项", text);
        Assert.Contains("有 41% 涵盖全部四个变革领域，而 2020 年为 11%", text);
        Assert.Contains("2021 年 11 月 15 日和 16 日，内罗毕", text);
        var settings = doc.MainDocumentPart!.DocumentSettingsPart!.Settings;
        Assert.NotNull(settings.GetFirstChild<NoLineBreaksBeforeKinsoku>());
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("SimSun", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);
        Assert.Equal("en-US", defaults.Languages!.Val!.Value); // Latin text in a Chinese document is English
        Assert.NotNull(styles.DocDefaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.Kinsoku);
    }

    /// <summary>
    /// Issue 23, item 5: a Chinese table cell the PDF sets on two lines is written as those two lines ("已获资金" over "（美元）"),
    /// in cells with the PDF's gutter as their margins and columns that hold the PDF's widest line ("预算（美元）" whole).
    /// </summary>
    [Fact]
    public void Chinese_table_cells_are_written_as_the_pdf_breaks_them()
    {
        using var doc = Open(Outputs.Value["annual-report-summary.zh.docx"]);
        var cells = doc.MainDocumentPart!.Document.Body!.Descendants<TableCell>().ToList();
        var funded = cells.First(c => c.InnerText.StartsWith("已获资金", StringComparison.Ordinal));
        Assert.Equal(["已获资金", "（美元）"], funded.Elements<Paragraph>().Select(p => p.InnerText));
        var budget = cells.First(c => c.InnerText.StartsWith("预算", StringComparison.Ordinal));
        Assert.Equal(["预算（美元）"], budget.Elements<Paragraph>().Select(p => p.InnerText));
        // Six characters of 9.5 points, no line-end compression in Word: 57 points and the margins (2.8 points each) at least.
        var table = budget.Ancestors<Table>().First();
        int column = budget.ElementsBefore().OfType<TableCell>().Count();
        int width = int.Parse(table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().ElementAt(column).Width!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(width, 57 * 20 + 2 * 56, 8391);
        var margins = table.GetFirstChild<TableProperties>()!.GetFirstChild<TableCellMarginDefault>()!;
        Assert.Equal(("56", "56"), (margins.TableCellLeftMargin?.Width?.Value.ToString(), margins.TableCellRightMargin?.Width?.Value.ToString()));
    }

    /// <summary>Issue 23, items 1, 7 and 10: no literal Han–Latin spaces; a joiner and a narrow no-break space (the gap) keep numbers with their measure words and 图 with its numeral; a year range whole.</summary>
    [Fact]
    public void Chinese_word_text_has_no_literal_han_latin_spaces_and_joins_what_must_not_break()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.zh.docx"]);
        var body = doc.MainDocumentPart!.Document.Body!;
        string written = string.Concat(body.Descendants<Text>().Select(t => t.Text));
        Assert.DoesNotMatch(@"[0-9%] [\u4E00-\u9FFF]|[\u4E00-\u9FFF] [0-9A-Za-z]", written);
        Assert.Contains("共计142\u2060\u202F项：2020\u2060\u202F年88\u2060\u202F项和2021\u2060\u202F年54\u2060\u202F项", written);
        Assert.Contains("（附件\u2060二，图\u2060九）", written);
        Assert.Contains("2020\u2060-\u20602023\u2060\u202F年期间", written);
        // Issue 23 (DOCX item 3): the gap before a number too ("成果1.1" had none in LibreOffice), opening the number's run,
        // and a Latin run en-US for both scripts, so LibreOffice breaks no line between the joiner, the gap and the number.
        Assert.Contains("（成果\u2060\u202F1.2）", written);
        var latin = body.Descendants<Run>().Where(r => r.InnerText.Any(char.IsAsciiDigit)).ToList();
        Assert.NotEmpty(latin);
        Assert.All(latin, r => Assert.Equal(("en-US", "en-US"), (r.RunProperties?.Languages?.Val?.Value, r.RunProperties?.Languages?.EastAsia?.Value)));
        Assert.Contains(latin, r => r.InnerText.StartsWith("\u2060\u202F1.2", StringComparison.Ordinal));
        var paragraph = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!;
        Assert.True(paragraph.AutoSpaceDE is { } de && (de.Val is null || de.Val.Value), "w:autoSpaceDE is on");
        Assert.True(paragraph.AutoSpaceDN is { } dn && (dn.Val is null || dn.Val.Value), "w:autoSpaceDN is on");
        using var en = Open(Outputs.Value["portfolio-analysis.en.docx"]);
        Assert.Contains("for the period 2020\u2060–\u20602023", string.Concat(en.MainDocumentPart!.Document.Body!.Descendants<Text>().Select(t => t.Text)));
    }

    [Fact]
    public void Annual_report_states_the_underfunded_outcomes_and_carries_the_results_table()
    {
        using var doc = Open(Outputs.Value["annual-report-summary.en.docx"]);
        Assert.Contains("Of the 12 outcome areas of the strategic plan, six (outcomes 1.3, 2.2, 2.3, 3.2, 4.1 and 4.3) were relatively underfunded in 2020", AllText(doc));
        var results = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Single(t => t.InnerText.Contains("Baseline"));
        var header = results.Elements<TableRow>().First();
        Assert.NotNull(header.TableRowProperties!.GetFirstChild<TableHeader>()); // repeats on every page
        var row = results.Elements<TableRow>().Single(r => r.InnerText.StartsWith("1.2.2"));
        Assert.Equal(["1.2.2 Share of urban residents in supported cities living in slums", "1.2", "32%", "30%", "31%", "50%", "Off track"],
            row.Elements<TableCell>().Select(c => DocumentText.TextOf(c)));
        using var zh = Open(Outputs.Value["annual-report-summary.zh.docx"]);
        Assert.Contains("战略计划 12 个成果领域中有六个（成果 1.3、2.2、2.3、3.2、4.1 和 4.3）资金相对不足", AllText(zh));
    }

    [Fact]
    public void Two_builds_are_byte_identical()
    {
        var again = BuildPipeline.Render(Options(Repo.Seed));
        foreach (var output in again) Assert.True(output.Bytes.AsSpan().SequenceEqual(Outputs.Value[output.FileName]), output.FileName);
    }

    [Fact]
    public void Hostile_data_text_appears_literally()
    {
        const string hostile = "*Bold* _under_ <b>x</b> & {{doc.symbol}} # [link](http://x) | `code` \\ 50%";
        using var dir = new TempDir();
        string workbook = WorkbookBuilder.Minimal()
            .Set("Outcomes", 2, "title_en", hostile)
            .Set("Outcomes", 2, "title_zh", hostile)
            .Save(dir.File("hostile.xlsx"));
        var outputs = BuildPipeline.Render(Options(workbook));
        foreach (var output in outputs.Where(o => o.FileName.EndsWith(".docx")))
        {
            using var doc = Open(output.Bytes);
            var cell = doc.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Select(c => DocumentText.TextOf(c)).Single(t => t.StartsWith("1.1 "));
            Assert.Equal("1.1 " + hostile, cell);
        }
    }

    [Fact]
    public void Runs_are_tagged_by_script_and_han_is_never_italic()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.zh.docx"]);
        var runs = doc.MainDocumentPart!.Document.Body!.Descendants<Run>()
            .Where(r => r.GetFirstChild<Text>() is not null && r.RunProperties?.RunStyle is null).ToList(); // footnote marks aside
        foreach (var run in runs)
        {
            string text = run.GetFirstChild<Text>()!.Text;
            var lang = run.RunProperties?.GetFirstChild<Languages>();
            Assert.NotNull(lang);
            if (lang!.EastAsia?.Value == "zh-CN")
            {
                Assert.Null(run.RunProperties!.GetFirstChild<Italic>());
                Assert.DoesNotContain(text, c => char.IsAsciiLetterOrDigit(c)); // digits and Latin are in their own en-US runs
            }
            else
            {
                Assert.Equal("en-US", lang.Val?.Value);
                Assert.DoesNotContain(text, c => c is >= '\u4E00' and <= '\u9FFF');
            }
        }
        // "2021 年": the number is one run, whole.
        Assert.Contains(runs, r => r.InnerText == "2021");
        var header = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(st => st.StyleId == "TableHeader");
        Assert.Null(header.StyleRunProperties!.GetFirstChild<Italic>());
    }

    [Fact]
    public void Un_habitat_has_a_non_breaking_hyphen()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.en.docx"]);
        var body = doc.MainDocumentPart!.Document.Body!;
        Assert.DoesNotContain("UN-Habitat", body.InnerText); // no breakable hyphen-minus in it
        Assert.Contains("UN-Habitat", DocumentText.TextOf(body));
        Assert.NotEmpty(body.Descendants<NoBreakHyphen>());
    }

    [Fact]
    public void A_two_character_footnote_mark_is_written_once_in_the_note()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.en.docx"]);
        var note = doc.MainDocumentPart!.FootnotesPart!.Footnotes.Elements<Footnote>().Single(f => f.Id!.Value == 2);
        // The reference-mark field shows the custom mark; the mark is not also written as text.
        Assert.Single(note.Descendants<FootnoteReferenceMark>());
        Assert.DoesNotContain("*", note.InnerText);
    }

    [Theory]
    [InlineData("portfolio-analysis.en.docx", 20, 250)]
    [InlineData("portfolio-analysis.zh.docx", 23, 380)]
    public void Body_type_and_leading_are_the_pdfs(string name, int halfPoints, int twips)
    {
        using var doc = Open(Outputs.Value[name]);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        Assert.Equal(halfPoints.ToString(), styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.FontSize!.Val!.Value);
        var body = styles.Elements<Style>().Single(st => st.StyleId == "Body");
        var spacing = body.StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal((twips.ToString(), LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
    }

    [Theory]
    [InlineData("portfolio-analysis.en.docx", "Figure I", ": ")]
    [InlineData("portfolio-analysis.zh.docx", "图一", "：")]
    [InlineData("annual-report-summary.en.docx", "Figure I", null)]
    [InlineData("annual-report-summary.zh.docx", "图一", null)]
    public void Charts_are_captioned_as_the_text_names_them_and_documents_end_with_the_short_rule(string name, string caption, string? colon)
    {
        using var doc = Open(Outputs.Value[name]);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var captions = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "ChartTitle").Select(p => DocumentText.TextOf(p)).ToList();
        Assert.StartsWith(caption, captions[0]);
        if (colon is not null)
            Assert.Contains(paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "ChartNote").Select(p => DocumentText.TextOf(p)), t => t.Contains(colon));
        Assert.Equal("__________", DocumentText.TextOf(paragraphs[^1]));
    }

    [Fact]
    public void The_chinese_masthead_spaces_united_nations_and_matrices_share_one_scale()
    {
        using var doc = Open(Outputs.Value["portfolio-analysis.zh.docx"]);
        var un = Masthead(doc).SelectMany(p => p.Descendants<Run>()).First(r => r.InnerText == "联合国");
        Assert.Equal(240, un.RunProperties!.GetFirstChild<Spacing>()!.Val!.Value);
        // The darkest count of every matrix has the same shade: one scale for the document.
        var matrices = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Where(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableDescription>() is not null
            && t.Descendants<Shading>().Any(sh => sh.Fill?.Value is { } f && f != "FFFFFF")).ToList();
        Assert.True(matrices.Count >= 2);
        var pairs = matrices.SelectMany(t => t.Descendants<TableCell>().Where(c => int.TryParse(DocumentText.TextOf(c), out _))
            .Select(c => (Count: DocumentText.TextOf(c), Fill: c.Descendants<Shading>().First().Fill!.Value))).ToList();
        var byCount = pairs.GroupBy(p => p.Count).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(byCount);
        Assert.All(byCount, g => Assert.Single(g.Select(p => p.Fill).Distinct()));
    }

    /// <summary>
    /// Issue 23 (page-by-page review, Word): the linkage matrices' corner cell held both axis titles ("Primary outcome \\ Secondary
    /// outcome"), squeezed onto four lines in its 70-point column, and the spanning "Secondary outcome" header of the PDF's heat map
    /// was missing. Two header rows now, both repeated (w:tblHeader): the value axis's title spanning the outcome columns
    /// (w:gridSpan) over an empty corner, then the category axis's title alone in the corner beside the outcomes.
    /// </summary>
    [Theory]
    [InlineData("portfolio-analysis.en.docx", "Primary outcome", "Secondary outcome")]
    [InlineData("portfolio-analysis.zh.docx", "首要成果", "次级成果")]
    public void Matrices_have_a_spanning_header_over_their_columns_and_one_title_in_the_corner(string file, string rows, string columns)
    {
        using var doc = Open(Outputs.Value[file]);
        var matrices = doc.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Where(t => t.Descendants<Shading>().Any(sh => sh.Fill?.Value is { } f && f != "FFFFFF")).ToList();
        Assert.True(matrices.Count >= 2, $"{file}: {matrices.Count} matrices");
        foreach (var matrix in matrices)
        {
            var trs = matrix.Elements<TableRow>().ToList();
            int outcomes = matrix.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count() - 1;
            var top = trs[0].Elements<TableCell>().ToList();
            Assert.Equal(2, top.Count);
            Assert.Equal("", DocumentText.TextOf(top[0]));
            Assert.Equal(columns, DocumentText.TextOf(top[1]));
            Assert.Equal(outcomes, top[1].TableCellProperties!.GridSpan!.Val!.Value);
            var second = trs[1].Elements<TableCell>().ToList();
            Assert.Equal(rows, DocumentText.TextOf(second[0]));
            Assert.Equal(outcomes + 1, second.Count);
            Assert.All(trs.Take(2), tr => Assert.NotNull(tr.TableRowProperties!.GetFirstChild<TableHeader>()));
            Assert.All(trs.Skip(2), tr => Assert.Null(tr.TableRowProperties!.GetFirstChild<TableHeader>()));
        }
    }

    private static bool Kept(OpenXmlElement p) => p.Descendants<ParagraphProperties>().Any(pp => pp.KeepNext is not null);

    /// <summary>
    /// Issue 23 (page-by-page review): LibreOffice carried the last row of both annex tables of the zh annual report, alone,
    /// to the next page under a repeated header. The first two and the last two rows of every table stand together: each
    /// paragraph of the first row and of the row before the last keeps with the next, the last row's do not.
    /// </summary>
    [Theory]
    [InlineData("portfolio-analysis.en.docx")] [InlineData("portfolio-analysis.zh.docx")]
    [InlineData("annual-report-summary.en.docx")] [InlineData("annual-report-summary.zh.docx")]
    public void A_table_keeps_its_first_two_and_last_two_rows_together(string file)
    {
        using var doc = Open(Outputs.Value[file]);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        Assert.NotEmpty(tables);
        int held = 0;
        foreach (var table in tables)
        {
            var rows = table.Elements<TableRow>().Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is null).ToList();
            if (rows.Count <= 2) continue;
            // A chart set as a table (Annex II's matrices, figure X's panels) is kept whole with its key, every row with the next.
            if (rows.Take(rows.Count - 2).All(r => r.Descendants<Paragraph>().All(Kept))) continue;
            Assert.True(rows[^2].Descendants<Paragraph>().All(Kept), $"{file}: the row before the last is not kept with it: {DocumentText.TextOf(rows[^2])}");
            Assert.DoesNotContain(rows[^1].Descendants<Paragraph>(), Kept);
            // The first row stands with the second (a table never starts with one row alone at a page's foot); the others between are free.
            Assert.True(rows[0].Descendants<Paragraph>().All(Kept), $"{file}: the first row is not kept with the second");
            Assert.All(rows.Skip(1).Take(rows.Count - 3), r => Assert.DoesNotContain(r.Descendants<Paragraph>(), Kept));
            held++;
        }
        Assert.True(held > 0, $"{file}: no table of more than two rows");
    }

    /// <summary>
    /// Issue 23 (page-by-page review): LibreOffice left items 13(b) and (c) of the English portfolio analysis, five lines,
    /// alone on page 4 before annex I, where the PDF carries chapter IV over whole. A short last chapter before the annexes
    /// (HouseStyle.WholeChapterLines) is kept whole: each of its paragraphs keeps with the next, but its last.
    /// </summary>
    [Theory]
    [InlineData("portfolio-analysis.en.docx", "Next steps")]
    [InlineData("portfolio-analysis.zh.docx", "下一步行动")]
    public void A_short_final_chapter_is_kept_whole(string file, string heading)
    {
        using var doc = Open(Outputs.Value[file]);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        int start = paragraphs.FindIndex(p => DocumentText.TextOf(p).EndsWith(heading, StringComparison.Ordinal));
        int annex = paragraphs.FindIndex(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "AnnexLabel");
        Assert.True(start > 0 && annex > start + 2, $"{file}: chapter '{heading}' not found before the annex");
        var chapter = paragraphs.GetRange(start + 1, annex - start - 1).Where(p => DocumentText.TextOf(p).Length > 0).ToList();
        Assert.True(chapter.Count >= 4, $"{file}: chapter '{heading}' has {chapter.Count} paragraphs");
        Assert.All(chapter.Take(chapter.Count - 1), p => Assert.True(Kept(p), $"{file}: not kept with the next: {DocumentText.TextOf(p)}"));
        Assert.False(Kept(chapter[^1]));
        // The chapters before it are not held.
        Assert.False(Kept(paragraphs[start - 1]), $"{file}: the paragraph before '{heading}' is kept with it");
    }
}
