using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Core;
using ReportGen.Packaging;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Sample;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// The Russian edition of the sample, as the UN's Russian documents are written: the masthead's
/// distribution, date, language and original lines in English, the rest in Russian; numbers
/// "9 800 000", "41 %", "1,3 млн долл. США" with no-break spaces; dates "4 октября 2021 года";
/// nouns that agree with their number (142 проекта, 88 проектов); sub-items a) and i); Word runs in
/// ru-RU; Cyrillic drawn by the PDF's serif face and hyphenated with Russian patterns; read back
/// from the PDF with pdftotext and from the Word document with LibreOffice.
/// </summary>
public class RussianEditionTests
{
    private const char NoBreak = '\u00A0';

    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["ru"], ["docx", "pdf", "txt"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    public static TheoryData<string> Documents => new(["portfolio-analysis", "annual-report-summary"]);

    [Fact]
    public void Russian_numbers_dates_lists_and_money_follow_un_russian_style()
    {
        var ru = Formatter.For("ru");
        Assert.IsType<RussianFormatter>(ru);
        Assert.Equal($"41{NoBreak}%", ru.Percent(0.4134));
        Assert.Equal($"41,3{NoBreak}%", ru.Percent(0.4134, 1));
        Assert.Equal($"41{NoBreak}%", ru.PercentSign(0.41));
        Assert.Equal($"9{NoBreak}800{NoBreak}000", ru.Figure(9_800_000));
        Assert.Equal($"1{NoBreak}234,5", ru.Figure(1234.5, 1));
        // Running text groups from five digits: 9800, but 12 500.
        Assert.Equal(["9800", $"12{NoBreak}500", "142", "4", "2,5"], [ru.Count(9800), ru.Count(12_500), ru.Count(142), ru.Count(4), ru.Count(2.5)]);
        Assert.Equal($"1,3{NoBreak}млн{NoBreak}долл.{NoBreak}США", ru.Usd(1_300_000));
        Assert.Equal($"64{NoBreak}млн{NoBreak}долл.{NoBreak}США", ru.Usd(64_000_000));
        Assert.Equal($"1,3{NoBreak}млрд{NoBreak}долл.{NoBreak}США", ru.Usd(1_300_000_000));
        Assert.Equal($"9800{NoBreak}долл.{NoBreak}США", ru.Usd(9800));
        Assert.Equal("4 октября 2021 года", ru.Date(new DateOnly(2021, 10, 4)));
        Assert.Equal("15 и 16 ноября 2021 года", ru.DateRange(new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 16)));
        Assert.Equal("15–19 ноября 2021 года", ru.DateRange(new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 19)));
        Assert.Equal("30 ноября — 2 декабря 2021 года", ru.DateRange(new DateOnly(2021, 11, 30), new DateOnly(2021, 12, 2)));
        Assert.Equal("Африка, Европа и Азия и Тихий океан", ru.List(["Африка", "Европа", "Азия и Тихий океан"]));
        Assert.Equal(["второй", "11-й"], [ru.Ordinal(2), ru.Ordinal(11)]);
        // Months, list words, ordinals, scales and the spacing rule are the profile's data; the formatter keeps what is Russian (running numbers).
        var words = LanguageProfiles.Russian.Numbers.Words!;
        Assert.Equal(["октября", " и ", "второй", " года", " — "], [words.Months[9], words.And, words.Ordinals[2], words.YearWord, words.ThroughMonths!]);
        Assert.Equal("30 декабря 2021 года — 2 января 2022 года", ru.DateRange(new DateOnly(2021, 12, 30), new DateOnly(2022, 1, 2)));
        Assert.Equal(NoBreak, LanguageProfiles.Russian.Spacing!.BeforePercent);
        Assert.Equal(["диаграммы I–III", "диаграмма IV", "диаграммы I и III", "Диаграмма II"],
            [ru.ChartReference([1, 2, 3], roman: true, figure: true), ru.ChartReference([4], roman: true), ru.ChartReference([1, 3], roman: true), ru.ChartCaption(2, roman: true, figure: true)]);
        // Chart labels and axes in the profile's conventions.
        var russian = LanguageProfiles.Russian.Numbers;
        Assert.Equal([$"40{NoBreak}%", $"1{NoBreak}234,5", "9,8"], [ReportGen.Charts.ChartValues.In("40%", russian), ReportGen.Charts.ChartValues.In("1,234.5", russian), ReportGen.Charts.ChartValues.In("9.8", russian)]);
        // The one spacing rule: a typed space between a digit and % is a no-break space; every character keeps its place.
        var (spaced, at) = ru.Space("не более чем на 100 % и 5%");
        Assert.Equal($"не более чем на 100{NoBreak}% и 5%", spaced);
        Assert.Equal(Enumerable.Range(0, spaced.Length + 1), at);
        Assert.Equal(["a)", "c)", "ii)"], [ReportGen.Document.Numbering.SubItem(1, 1, "ru"), ReportGen.Document.Numbering.SubItem(1, 3, "ru"), ReportGen.Document.Numbering.SubItem(2, 2, "ru")]);
    }

    [Fact]
    public void Nouns_agree_with_their_number_by_each_languages_plural_rule()
    {
        string[] project = ["проект", "проекта", "проектов"];
        var ru = Formatter.For("ru");
        // one: 1, 21, 101 (not 11); few: 2–4, 22–24 (not 12–14); many: 0, 5–20, 25…; a fraction takes the few form.
        var expected = new Dictionary<double, string>
        {
            [0] = "проектов", [1] = "проект", [2] = "проекта", [4] = "проекта", [5] = "проектов", [11] = "проектов", [12] = "проектов",
            [14] = "проектов", [20] = "проектов", [21] = "проект", [22] = "проекта", [25] = "проектов", [101] = "проект", [111] = "проектов",
            [112] = "проектов", [142] = "проекта", [1.5] = "проекта",
        };
        foreach (var (n, form) in expected) Assert.Equal((n, form), (n, ru.Plural(n, project)));
        Assert.Equal(["one", "few", "many", "other"],
            new double[] { 31, 43, 88, 0.5 }.Select(n => Plurals.Of(PluralRule.EastSlavic, n).ToString().ToLowerInvariant()));
        // Every language has a rule: English one for 1 only, French one for 0 and 1, Chinese one form.
        Assert.Equal(["project", "projects", "projects"], new double[] { 1, 0, 2 }.Select(n => Formatter.For("en").Plural(n, ["project", "projects"])));
        Assert.Equal(["projet", "projet", "projets"], new double[] { 0, 1, 2 }.Select(n => Formatter.For("fr").Plural(n, ["projet", "projets"])));
        Assert.Equal("项目", Formatter.For("zh").Plural(5, ["项目"]));
        // A wrong number of forms says how many the language needs.
        var e = Assert.Throws<ArgumentException>(() => ru.Plural(2, ["проект", "проекта"]));
        Assert.Contains("3 forms (one, few, many)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Russian_patterns_are_read_in_their_koi8_r_encoding_and_hyphenate_russian_and_english_words()
    {
        var hyphenator = Hyphenator.ForLatinIn(LanguageProfiles.Russian)!;
        Assert.True(hyphenator.BreaksAfterHyphen);
        // The patterns' letters are Cyrillic (read as KOI8-R, not as Latin-1), the English's stay.
        Assert.True(hyphenator.HasLetter('ж') && hyphenator.HasLetter('я') && hyphenator.HasLetter('a'));
        Assert.False(hyphenator.HasLetter('Ж'));
        Assert.Equal("ин-те-гри-ро-ван-ными", Hyphenated(hyphenator, "интегрированными"));
        Assert.Equal("со-труд-ни-че-ства", Hyphenated(hyphenator, "сотрудничества"));
        // The file's own exceptions (its \hyphenation list) win over the patterns: "ас-бест".
        Assert.Equal("ас-бест", Hyphenated(hyphenator, "асбест"));
        // Latin words in a Russian document are English, hyphenated as English's patterns do.
        Assert.Equal(Hyphenator.English.Points("programming"), hyphenator.Points("programming"));
        // Capitals and digits are never hyphenated; French has no patterns and English keeps a to z only.
        Assert.Empty(hyphenator.Points("Интегрированными"));
        Assert.NotSame(Hyphenator.English, Hyphenator.ForLatinIn(LanguageProfiles.French)); // French has its own patterns
        Assert.Empty(Hyphenator.English.Points("интегрированными"));
        Assert.False(Hyphenator.English.BreaksAfterHyphen);
    }

    private static string Hyphenated(Hyphenator hyphenator, string word)
    {
        var text = new StringBuilder(word);
        foreach (int point in hyphenator.Points(word).Reverse()) text.Insert(point, '-');
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_text_output_is_russian_with_nouns_that_agree(string document)
    {
        string text = Encoding.UTF8.GetString(Outputs.Value[$"{document}.ru.txt"]);
        Assert.Contains("Организация Объединенных Наций", text);
        Assert.Contains("Original: English", text);
        Assert.Contains("ООН-Хабитат", text);
        Assert.DoesNotContain("UN-Habitat", text);
        Assert.DoesNotContain("per cent", text);
        Assert.Matches($"[0-9]{NoBreak}%", text);
        Assert.DoesNotMatch("[0-9] %", text);
        // Sub-items a), b) without the opening parenthesis.
        Assert.Matches(@"(?m)^a\) ", text);
        Assert.DoesNotMatch(@"(?m)^\(a\) ", text);
        if (document == "portfolio-analysis")
        {
            // 142 (few), 12 (many), 4 areas (few), 5 programmes (many), 2 projects (few).
            foreach (string agreed in new[] { "всего 142 проекта", "4 области изменений", "12 итоговых результатов", "5 флагманских программ", "более чем на 2 проекта",
                         "для 14 проектов", "64" + NoBreak + "млн" + NoBreak + "долл." + NoBreak + "США" })
                Assert.Contains(agreed, text);
        }
        else
        {
            Assert.Contains("Из 12 итоговых результатов", text);
            Assert.Matches($"9{NoBreak}800{NoBreak}000", text);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void The_russian_pdf_read_back_carries_the_masthead_russian_numbers_and_every_cyrillic_glyph(string document)
    {
        string raw = Poppler.PdfToText(Outputs.Value[$"{document}.ru.pdf"]);
        // Lines joined (the organ's name wraps; hyphenated words are joined again); the no-break space shares the space's glyph.
        string text = Regex.Replace(Regex.Replace(raw, "(?<=[а-я])[-\u00AD]\n(?=[а-я])", ""), "[ \u00A0\n]+", " ");
        foreach (string line in new[] { "Организация Объединенных Наций", "Distr.: General", "4 October 2021", "Russian", "Original: English",
                     "Исполнительный совет Программы Организации Объединенных Наций по населенным пунктам", "Вторая сессия 2021 года",
                     "Найроби, 15 и 16 ноября 2021 года", "предварительной повестки дня" })
            Assert.Contains(line, text);
        Assert.Matches(@"Пункт 6( a\))? предварительной", text);
        Assert.Contains("ООН-Хабитат", text);
        Assert.Matches("[0-9] %", text);
        Assert.DoesNotContain("per cent", text);
        if (document == "annual-report-summary") Assert.Contains("9 800 000", text);
        else
        {
            Assert.Contains("всего 142 проекта", text);
            Assert.Contains("64 млн долл. США", text);
            Assert.Contains("Диаграмма VIII", text);
        }
        // No glyph the fonts lack (pdftotext gives U+FFFD or nothing for one), and the Cyrillic letters and marks are there.
        Assert.DoesNotContain('\uFFFD', text);
        foreach (char c in "абвгдежзийклмнопрстуфхцчшщыьэюяОИП«»—") Assert.Contains(c, text);
        // No line of the PDF starts with a percent sign (bound to its number by the no-break space).
        Assert.DoesNotMatch(@"(?m)^%", raw);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_word_document_is_in_russian_with_russian_sub_item_labels(string document)
    {
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[$"{document}.ru.docx"]));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        string body = Part("word/document.xml");
        Assert.Equal(["ru-RU"], Regex.Matches(body, "<w:lang w:val=\"([^\"]+)\"/>").Select(m => m.Groups[1].Value).Distinct());
        Assert.Contains("<dc:language>ru-RU</dc:language>", Part("docProps/core.xml"));
        Assert.Contains("<w:lvlText w:val=\"%1)\"/>", Part("word/numbering.xml"));
        Assert.Contains("<w:lvlText w:val=\"%2)\"/>", Part("word/numbering.xml"));
        Assert.Contains("Организация Объединенных Наций", body);
        Assert.Contains("Original: English", body);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_chart_caption_label_wider_than_the_margin_moves_its_title_along_in_word(string document)
    {
        // "Диаграмма II" ends less than half an em before the margin: the title stops half an em after it,
        // as in the PDF, never a point after it ("Диаграмма IIБюджет" in LibreOffice, issue 27).
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[$"{document}.ru.docx"]));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        string body = reader.ReadToEnd();
        int margin = PageDesign.Twips(PageDesign.Indent);
        var captions = Regex.Matches(body, "<w:p><w:pPr><w:pStyle w:val=\"ChartTitle\"/>(.*?)</w:pPr><w:r>.*?<w:t xml:space=\"preserve\">(.*?)</w:t></w:r><w:r><w:tab/></w:r>");
        Assert.NotEmpty(captions);
        foreach (Match caption in captions)
        {
            string label = caption.Groups[2].Value;
            Assert.StartsWith("Диаграмма ", label);
            var stop = Regex.Match(caption.Groups[1].Value, $"^<w:tabs><w:tab w:val=\"clear\" w:pos=\"{margin}\"/><w:tab w:val=\"left\" w:pos=\"(\\d+)\"/></w:tabs>$");
            Assert.True(stop.Success, $"{label}: {caption.Groups[1].Value}");
            Assert.True(int.Parse(stop.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > margin, label);
            Assert.EndsWith(NoBreak.ToString(), label);
        }
        Assert.Contains(captions, c => c.Groups[2].Value == $"Диаграмма II{NoBreak}");
    }

    [Fact]
    public void A_missing_or_blank_russian_column_is_a_problem_at_its_sheet_and_column_only_when_russian_is_asked()
    {
        using var dir = new TempDir();
        // The Regions sheet without name_ru, a Services cell of name_ru blank.
        var sheets = SampleWorkbook.Sheets().Select(s => s.Name switch
        {
            "Regions" => Without(s, "name_ru"),
            "Services" => Blank(s, "name_ru", 0),
            _ => s,
        }).ToList();
        string path = dir.File("cycle.xlsx");
        SpreadsheetWriter.Write(path, sheets);
        var e = Assert.Throws<InputException>(() => BuildPipeline.Render(new BuildOptions(path, dir.File("out"), Repo.Path("templates"), ["ru"], ["txt"], null)));
        var problems = e.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("Regions", StringComparison.Ordinal) && p.Contains("name_ru", StringComparison.Ordinal));
        int column = sheets.Single(s => s.Name == "Services").Header.ToList().IndexOf("name_ru");
        Assert.Contains(problems, p => p.StartsWith($"Services!{(char)('A' + column)}2", StringComparison.Ordinal) && p.Contains("name_ru", StringComparison.Ordinal));
        // English and Chinese still build from that workbook.
        Assert.NotEmpty(BuildPipeline.Render(new BuildOptions(path, dir.File("out"), Repo.Path("templates"), ["en", "zh"], ["txt"], null)));
    }

    private static SheetData Without(SheetData sheet, string column)
    {
        int c = sheet.Header.ToList().IndexOf(column);
        return new SheetData(sheet.Name, [.. sheet.Header.Where((_, i) => i != c)], sheet.Rows.Select(row => (object?[])[.. row.Where((_, i) => i != c)]).ToList());
    }

    private static SheetData Blank(SheetData sheet, string column, int rowIndex)
    {
        int c = sheet.Header.ToList().IndexOf(column);
        return sheet with { Rows = sheet.Rows.Select((row, i) => i != rowIndex ? row : (object?[])[.. row.Select((v, k) => k == c ? null : v)]).ToList() };
    }

    [SkippableFact]
    public void Libreoffice_renders_each_russian_word_document_within_one_page_of_the_pdf()
    {
        var rendered = LibreOffice.RenderEachWithinOnePageOfThePdf(Outputs.Value, "ru");
        foreach (var pdf in rendered.Values)
        {
            // LibreOffice draws the Cyrillic of the Word file too (Times New Roman, here Liberation Serif).
            string text = Poppler.PdfToText(pdf);
            Assert.Contains("Организация Объединенных Наций", text);
            Assert.DoesNotContain('\uFFFD', text);
            // Every chart's caption label stands apart from its title (issue 27: "Диаграмма IIБюджет").
            Assert.Matches(new Regex("Диаграмма II[\\s\u00A0]+[А-Я]"), text);
            Assert.DoesNotMatch(new Regex("Диаграмма [IVX]+[А-Яа-я]"), text);
        }
    }
}
