using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using ReportGen.Build;
using ReportGen.Packaging;
using ReportGen.Sample;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;
using ReportGen.Workbook;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// Adding a language is data: a profile, a templates folder and workbook columns. "xx", a made-up
/// language, is the English profile with its own code and tags, the English templates copied to
/// templates/xx and the sample's <c>_en</c> columns copied to <c>_xx</c>: nothing else in the code
/// knows it, yet it builds every format, each output saying it is in xx.
/// </summary>
public class AddedLanguageTests
{
    private static LanguageProfile Testish => LanguageProfiles.English with
    {
        Code = "xx", Name = "Testish", ReviewName = "Testish",
        Tags = new("xx", "xx", "xx", "zh-CN", "xx", [(WritingScript.Han, "zh-CN")]),
        ByDefault = false,
    };

    /// <summary>The shipped templates with en/ copied to xx/.</summary>
    private static string Templates(TempDir dir)
    {
        string root = dir.File("templates");
        Copy(Repo.Path("templates"), root);
        Copy(Repo.Path("templates", "en"), Path.Combine(root, "xx"));
        return root;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The sample workbook with every <c>_en</c> column copied to a <c>_xx</c> column beside the others.</summary>
    private static string Workbook(TempDir dir, bool withColumns = true)
    {
        string path = dir.File("cycle.xlsx");
        SpreadsheetWriter.Write(path, SampleWorkbook.Sheets().Select(s => withColumns ? WithXx(s) : s));
        return path;
    }

    [Fact]
    public void A_language_made_of_a_profile_templates_and_workbook_columns_builds_every_format_tagged_with_its_code()
    {
        using var dir = new TempDir();
        using var registered = LanguageProfiles.Add(Testish);
        string workbook = Workbook(dir), templates = Templates(dir);
        var outputs = BuildPipeline.Render(new BuildOptions(workbook, dir.File("out"), templates, ["xx", "en"], ["docx", "pdf", "txt"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes);

        foreach (string doc in new[] { "portfolio-analysis", "annual-report-summary" })
        {
            Assert.Contains($"{doc}.xx.docx", outputs.Keys);
            // Same words, same formatter, same workbook texts: the made-up edition reads exactly as the English.
            Assert.Equal(Encoding.UTF8.GetString(outputs[$"{doc}.en.txt"]), Encoding.UTF8.GetString(outputs[$"{doc}.xx.txt"]));

            // PDF: the catalog's /Lang, and no element tagged as another language than xx except Han runs (none here).
            using (var pdf = PdfReader.Open(new MemoryStream(outputs[$"{doc}.xx.pdf"]), PdfDocumentOpenMode.Import))
            {
                Assert.Equal("xx", pdf.Internals.Catalog.Elements.GetString("/Lang"));
                Assert.Equal(PageCount(outputs[$"{doc}.en.pdf"]), pdf.PageCount);
                Assert.Empty(ElementLanguages(pdf));
            }

            // DOCX: every run's language, the defaults, the theme, the core properties and the charts.
            using var zip = new ZipArchive(new MemoryStream(outputs[$"{doc}.xx.docx"]));
            string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
            string body = Part("word/document.xml");
            var runLanguages = Regex.Matches(body, "<w:lang w:val=\"([^\"]+)\"/>").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Equal(["xx"], runLanguages);
            Assert.DoesNotContain("en-US", body);
            Assert.Contains("<w:lang w:val=\"xx\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>", Part("word/styles.xml"));
            Assert.Contains("<w:themeFontLang w:val=\"xx\" w:eastAsia=\"zh-CN\"/>", Part("word/settings.xml"));
            Assert.Contains("<dc:language>xx</dc:language>", Part("docProps/core.xml"));
            var charts = zip.Entries.Where(e => e.FullName.StartsWith("word/charts/chart", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(charts);
            Assert.All(charts, c => { using var r = new StreamReader(c.Open()); Assert.Contains("<c:lang val=\"xx\"/>", r.ReadToEnd()); });
        }
    }

    [Fact]
    public void The_review_page_gives_the_added_language_its_own_column_marked_with_its_tag()
    {
        using var dir = new TempDir();
        using var registered = LanguageProfiles.Add(Testish);
        var result = ReviewPage.Build(Workbook(dir), Templates(dir), "annual-report-summary");
        string page = Encoding.UTF8.GetString(result.Page);
        Assert.Contains("<div class=\"cell\" lang=\"xx\">Testish</div>", page);
        Assert.Contains("<div class=\"cell\" lang=\"zh-CN\">中文 (Chinese)</div>", page);
        Assert.Contains("<div class=\"cell\" lang=\"en\">English</div>", page);
    }

    [Fact]
    public void A_language_asked_for_without_its_workbook_columns_is_a_problem_at_each_sheet_and_column()
    {
        using var dir = new TempDir();
        using var registered = LanguageProfiles.Add(Testish);
        string workbook = Workbook(dir, withColumns: false), templates = Templates(dir);
        var e = Assert.Throws<InputException>(() => BuildPipeline.Render(new BuildOptions(workbook, dir.File("out"), templates, ["xx"], ["txt"], null)));
        var problems = e.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.Contains("Regions", StringComparison.Ordinal) && p.Contains("missing column 'name_xx'; add a column headed name_xx in row 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Outcomes", StringComparison.Ordinal) && p.Contains("'short_xx'", StringComparison.Ordinal));
        // English alone still builds from the same workbook: the missing columns matter only to xx.
        Assert.NotEmpty(BuildPipeline.Render(new BuildOptions(workbook, dir.File("out-en"), templates, ["en"], ["txt"], null)));
    }

    [Fact]
    public void A_blank_cell_of_the_asked_language_is_a_problem_at_its_cell_not_an_english_fallback()
    {
        using var dir = new TempDir();
        using var registered = LanguageProfiles.Add(Testish);
        var sheets = SampleWorkbook.Sheets().Select(s => s.Name != "Regions" ? s
            : new SheetData(s.Name, [.. s.Header, "name_xx"], s.Rows.Select((row, i) => (object?[])[.. row, i == 0 ? null : row[1]]).ToList())).ToList();
        // Every other sheet's columns too, so that the one blank cell is the only problem.
        string path = dir.File("cycle.xlsx");
        SpreadsheetWriter.Write(path, sheets.Select(s => s.Name == "Regions" ? s : WithXx(s)));
        var e = Assert.Throws<InputException>(() => BuildPipeline.Render(new BuildOptions(path, dir.File("out"), Templates(dir), ["xx"], ["txt"], null)));
        // The one workbook problem, then the note that the templates wait for it.
        Assert.Equal(2, e.Problems.Count);
        // Columns: code, name_en, name_zh, regional, name_fr, name_es, name_ru, name_ar, name_of_fr, name_of_es, then name_xx.
        Assert.Equal("Regions!K2: name_xx is required", e.Problems[0].ToString());
        Assert.Contains("not checked", e.Problems[1].Message, StringComparison.Ordinal);
    }

    private static SheetData WithXx(SheetData sheet)
    {
        var english = sheet.Header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith("_en", StringComparison.Ordinal)).ToList();
        return english.Count == 0 ? sheet : new SheetData(sheet.Name, [.. sheet.Header, .. english.Select(c => c.h[..^3] + "_xx")],
            sheet.Rows.Select(row => (object?[])[.. row, .. english.Select(c => row[c.i])]).ToList());
    }

    [Fact]
    public void The_english_style_of_numbers_takes_its_separators_patterns_and_words_from_the_profile()
    {
        // A language written like English but with the conventions of, say, French: narrow no-break
        // thousands, decimal comma, "41 %", a currency after the number, counts as figures.
        var profile = Testish with
        {
            Numbers = new(NumberStyle.English, "\u202F", ",", "{0}\u00A0%", "{0} dollars", "yyyy-MM-dd", SmallCountsInWords: false),
        };
        using var registered = LanguageProfiles.Add(profile);
        var format = ReportGen.Templating.Formatter.For("xx");
        Assert.Equal("xx", format.Language);
        Assert.Equal("41,3\u00A0%", format.Percent(0.4134, 1));
        Assert.Equal("4\u202F000", format.Figure(4000));
        Assert.Equal("1,3 million dollars", format.Usd(1_300_000));
        Assert.Equal("9\u202F800 dollars", format.Usd(9800));
        Assert.Equal("5", format.Count(5));
        Assert.Equal("2021-10-04", format.Date(new DateOnly(2021, 10, 4)));
        // English itself, from its profile: the words and patterns the documents have always printed.
        var english = ReportGen.Templating.Formatter.For("en");
        Assert.Equal(["41.3 per cent", "4,000", "USD 1.3 million", "USD 9,800", "five", "4 October 2021"],
            [english.Percent(0.4134, 1), english.Figure(4000), english.Usd(1_300_000), english.Usd(9800), english.Count(5), english.Date(new DateOnly(2021, 10, 4))]);
    }

    [Fact]
    public void A_language_written_like_french_or_spanish_is_words_and_a_spacing_rule_in_its_profile()
    {
        // Italian-like words on the French profile: no formatter knows them, the worded one writes them.
        var french = LanguageProfiles.French.Numbers;
        var profile = LanguageProfiles.French with
        {
            Code = "xx", Name = "Testish", ReviewName = "Testish",
            Tags = new("xx", "xx", "xx", "zh-CN", "xx", [(WritingScript.Han, "zh-CN")]),
            Numbers = french with
            {
                Currency = "{0} dollari",
                Words = french.Words! with
                {
                    Months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
                    And = " e ", AndBefore = " ed ", AndBeforeStarts = ["e"], Through = " al ",
                    Cardinals = ["", "", "due", "tre", "quattro"], Ordinals = ["", "primo", "secondo"], OrdinalSuffix = "º",
                    Scales = [(1e6, "milione di", "milioni di")], FirstDay = "1º", ThroughMonths = " – ", GroupsPercentages = false,
                },
            },
            Plural = PluralRule.OneOther,
            Spacing = new(Before: [('?', '\u00A0')], After: [], BeforePercent: null),
        };
        using var registered = LanguageProfiles.Add(profile);
        var format = ReportGen.Templating.Formatter.For("xx");
        Assert.IsType<ReportGen.Templating.WordedFormatter>(format);
        Assert.Equal(["1º agosto 2021", "5 al 9 maggio 2021", "15 e 16 maggio 2021", "30 marzo – 3 aprile 2021"],
            [format.Date(new(2021, 8, 1)), format.DateRange(new(2021, 5, 5), new(2021, 5, 9)), format.DateRange(new(2021, 5, 15), new(2021, 5, 16)), format.DateRange(new(2021, 3, 30), new(2021, 4, 3))]);
        Assert.Equal(["Africa e Asia", "Africa ed Europa", "tre", "5", "secondo", "3º"],
            [format.List(["Africa", "Asia"]), format.List(["Africa", "Europa"]), format.Count(3), format.Count(5), format.Ordinal(2), format.Ordinal(3)]);
        Assert.Equal(["1 milione di dollari", "1,3 milioni di dollari", "1800\u202F%"], [format.Usd(1_000_000), format.Usd(1_300_000), format.Percent(18)]);
        Assert.Equal("Perché\u00A0? 41 % : «\u202Fsì »", format.Space("Perché ? 41 % : «\u202Fsì »").Text);
    }

    [Fact]
    public void The_registry_holds_en_zh_and_fr_builds_en_and_zh_by_default_and_the_added_language_only_in_its_own_flow()
    {
        Assert.Equal(["en", "zh", "fr", "es", "ru", "ar"], LanguageProfiles.All.Select(p => p.Code));
        Assert.Equal(["en", "zh"], Model.Languages.Default);
        using (LanguageProfiles.Add(Testish))
        {
            Assert.Equal(["en", "zh", "fr", "es", "ru", "ar", "xx"], Model.Languages.All);
            Assert.Equal(["en", "zh"], Model.Languages.Default);
            Assert.Throws<ArgumentException>(() => LanguageProfiles.Add(Testish));
        }
        Assert.Equal(["en", "zh", "fr", "es", "ru", "ar"], Model.Languages.All);
        Assert.Throws<ArgumentOutOfRangeException>(() => LanguageProfiles.For("xx"));
    }

    private static int PageCount(byte[] pdf)
    {
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return doc.PageCount;
    }

    /// <summary>Every /Lang of the structure tree's elements.</summary>
    private static List<string> ElementLanguages(PdfDocument pdf)
    {
        var found = new List<string>();
        void Walk(PdfItem? item)
        {
            if (item is PdfReference r) item = r.Value;
            if (item is PdfArray array) { foreach (var kid in array.Elements) Walk(kid); return; }
            if (item is not PdfDictionary d || d.Elements.GetName("/Type") is "/MCR" or "/OBJR") return;
            if (d.Elements.ContainsKey("/Lang")) found.Add(d.Elements.GetString("/Lang"));
            Walk(d.Elements["/K"]);
        }
        Walk(pdf.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!.Elements["/K"]);
        return found;
    }
}
