using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// The Spanish edition of the sample, as the UN's Spanish documents are written: the masthead in
/// Spanish (Naciones Unidas, Distr. general, Español, Original: inglés), numbers "1.234,5" and
/// "41%", money "64 millones de dólares", dates "4 de octubre de 2021", lists "a, b y c" ("e"
/// before the sound of i), sub-items a) and i), Word runs in es-ES, Spanish hyphenation; read back
/// from the PDF with pdftotext and from the Word document with LibreOffice.
/// </summary>
public class SpanishEditionTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["es"], ["docx", "pdf", "txt"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    public static TheoryData<string> Documents => new(["portfolio-analysis", "annual-report-summary"]);

    [Fact]
    public void Spanish_numbers_dates_and_money_follow_un_spanish_style_from_the_profile_words()
    {
        var es = Formatter.For("es");
        Assert.IsType<WordedFormatter>(es);
        Assert.Equal(["41%", "41,3%", "41%"], [es.Percent(0.4134), es.Percent(0.4134, 1), es.PercentSign(0.41)]);
        Assert.Equal(["1.234,5", "9.800.000", "46,5%"], [es.Figure(1234.5, 1), es.Figure(9_800_000), es.Measure(46.5, "percent")]);
        // The scale word singular only for exactly one; English billions are thousands of millions.
        Assert.Equal(["1,3 millones de dólares", "1 millón de dólares", "64 millones de dólares", "1.200 millones de dólares", "9.800 dólares"],
            [es.Usd(1_300_000), es.Usd(1_000_000), es.Usd(64_000_000), es.Usd(1_200_000_000), es.Usd(9800)]);
        Assert.Equal(["4 de octubre de 2021", "1 de agosto de 2021"], [es.Date(new DateOnly(2021, 10, 4)), es.Date(new DateOnly(2021, 8, 1))]);
        Assert.Equal(["15 y 16 de noviembre de 2021", "5 a 9 de mayo de 2021", "30 de marzo a 3 de abril de 2021", "30 de diciembre de 2021 a 2 de enero de 2022"],
            [es.DateRange(new(2021, 11, 15), new(2021, 11, 16)), es.DateRange(new(2021, 5, 5), new(2021, 5, 9)),
             es.DateRange(new(2021, 3, 30), new(2021, 4, 3)), es.DateRange(new(2021, 12, 30), new(2022, 1, 2))]);
        // Two to ten in words, as the manual writes them; one and zero as figures (un or una would need the noun).
        Assert.Equal(["1", "cuatro", "diez", "11", "Cuatro", "2,5"], [es.Count(1), es.Count(4), es.Count(10), es.Count(11), es.CountAtSentenceStart(4), es.Count(2.5)]);
        // Ordinals before "año", masculine: primer, tercer; 11.º on.
        Assert.Equal(["primer", "segundo", "tercer", "décimo", "11.º"], [es.Ordinal(1), es.Ordinal(2), es.Ordinal(3), es.Ordinal(10), es.Ordinal(11)]);
        Assert.Equal(["figuras I a III", "gráfico IV", "Figura II"], [es.ChartReference([1, 2, 3], roman: true, figure: true), es.ChartReference([4], roman: true), es.ChartCaption(2, roman: true, figure: true)]);
        Assert.Equal(["a)", "c)", "ii)"], [ReportGen.Document.Numbering.SubItem(1, 1, "es"), ReportGen.Document.Numbering.SubItem(1, 3, "es"), ReportGen.Document.Numbering.SubItem(2, 2, "es")]);
    }

    [Fact]
    public void Spanish_lists_take_e_before_the_sound_of_i_and_y_elsewhere()
    {
        var es = Formatter.For("es");
        Assert.Equal("África, Europa y Asia y el Pacífico", es.List(["África", "Europa", "Asia y el Pacífico"]));
        Assert.Equal(["tecnologías e innovación", "agua e higiene", "España e Italia", "agua y hielo", "cobre y hierro"],
            [es.List(["tecnologías", "innovación"]), es.List(["agua", "higiene"]), es.List(["España", "Italia"]), es.List(["agua", "hielo"]), es.List(["cobre", "hierro"])]);
        // A numeral or a symbol in capitals is not read with the sound of i: "figuras I y II", "y UN-Habitat".
        Assert.Equal("figuras I y II", es.ChartReference([1, 2], roman: true, figure: true));
        Assert.Equal("ONU y ISO", es.List(["ONU", "ISO"]));
        // The joins a template's {{#join}} leaves, past a trace mark around the next item.
        string joined = $"{Helpers.JoinOpen}ciencia{Helpers.JoinSeparator}arte{Helpers.JoinLast}\uE000 7\uE001innovación\uE002{Helpers.JoinClose}";
        Assert.Equal("ciencia, arte e \uE000 7\uE001innovación\uE002", es.ResolveJoins(joined));
    }

    [Fact]
    public void A_join_in_the_body_chooses_y_or_e_by_its_last_item_as_the_front_matter_does()
    {
        // The body's joins and the front matter's read the one rule (Formatter.JoinMarkWords):
        // a last item that starts with the sound of i takes "e" in the text of the document too.
        using var dir = ShippedTemplates.Copy(("es/portfolio-analysis.md.hbs",
            "{{#join review.years}}{{num projects}} en {{year}}{{/join}}", "{{#join review.years}}inversión de {{num projects}} en {{year}}{{/join}}"));
        using var output = new TempDir();
        var (code, _, error) = Cli.CliTests.Run("build", Repo.Seed, "--templates", dir.Path, "--out", output.File("out"), "--format", "txt",
            "--lang", "en,es", "--doc", "portfolio-analysis");
        Assert.True(code == 0, error);
        string text = File.ReadAllText(output.File("out/portfolio-analysis.es.txt")).ReplaceLineEndings(" ");
        Assert.Contains("142 en total: inversión de 88 en 2020 e inversión de 54 en 2021.", Regex.Replace(text, @"\s+", " "));
    }

    [Fact]
    public void Spanish_words_are_hyphenated_with_spanish_patterns_accented_letters_included()
    {
        var hyphenator = Hyphenator.ForLatinIn(LanguageProfiles.Spanish);
        Assert.NotNull(hyphenator);
        Assert.NotSame(Hyphenator.English, hyphenator);
        string Hyphenated(string word) { var s = new StringBuilder(word); foreach (int p in hyphenator!.Points(word).Reverse()) s.Insert(p, '-'); return s.ToString(); }
        Assert.Equal("de-si-gual-dad", Hyphenated("desigualdad"));
        Assert.Equal("pro-gra-ma-ción", Hyphenated("programación"));
        Assert.Equal("em-ble-má-ti-cos", Hyphenated("emblemáticos"));
        // English keeps its patterns and its letters a to z; French has its own.
        Assert.Same(Hyphenator.English, Hyphenator.ForLatinIn(LanguageProfiles.English));
        Assert.NotSame(Hyphenator.English, Hyphenator.ForLatinIn(LanguageProfiles.French));
    }

    [Fact]
    public void The_pattern_reader_reads_the_encoding_the_first_line_names()
    {
        // ISO8859-1 (older LibreOffice files): "ñ" is one byte, 0xF1.
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("ISO8859-1\nLEFTHYPHENMIN 2\n1ba\n1"), 0xF1, .. Encoding.ASCII.GetBytes("a\n")];
        var old = Hyphenator.Read(latin1, "old.dic");
        Assert.Equal([3], old.Points("abañaba"));
        var utf8 = Hyphenator.Read(Encoding.UTF8.GetBytes("UTF-8\n1ba\n1ña\n"), "new.dic");
        Assert.Equal([3], utf8.Points("abañaba"));
        var e = Assert.Throws<InvalidDataException>(() => Hyphenator.Read(Encoding.ASCII.GetBytes("EBCDIC-XX\n1ba\n"), "odd.dic"));
        Assert.StartsWith("odd.dic:1:1:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_text_output_is_in_spanish_with_spanish_sub_items(string document)
    {
        string text = Encoding.UTF8.GetString(Outputs.Value[$"{document}.es.txt"]);
        Assert.Contains("Naciones Unidas", text);
        Assert.Contains("ONU-Hábitat", text);
        Assert.DoesNotContain("UN-Habitat", text);
        Assert.DoesNotContain("per cent", text);
        Assert.Matches(@"(?m)^a\) ", text);
        Assert.DoesNotMatch(@"(?m)^\(a\) ", text);
        // Percentages with no space, decimals with a comma.
        Assert.Matches("[0-9]%", text);
        Assert.DoesNotMatch("[0-9] %", text);
        // "e" before the sound of i, never "y i…"; never "e" before a capital numeral.
        Assert.DoesNotMatch(@"\by [iíIÍ][a-zá-ú]", text);
        Assert.DoesNotMatch(@"\be [IVX]+\b", text);
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void The_spanish_pdf_read_back_carries_the_masthead_and_spanish_numbers_with_no_glyph_missing(string document)
    {
        string text = Regex.Replace(Poppler.PdfToText(Outputs.Value[$"{document}.es.pdf"]), "[ \n]+", " ");
        foreach (string line in new[] { "Naciones Unidas", "Distr. general", "4 de octubre de 2021", "Español", "Original: inglés",
                     "Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos", "Nairobi, 15 y 16 de noviembre de 2021" })
            Assert.Contains(line, text);
        Assert.Contains("ONU-Hábitat", text);
        Assert.Matches("[0-9]%", text);
        Assert.DoesNotContain("per cent", text);
        if (document == "annual-report-summary") Assert.Contains("9.800.000", text);
        else Assert.Contains("64 millones de dólares", text);
        // No glyph the fonts lack (pdftotext gives U+FFFD or nothing for one), and the Spanish letters are there.
        Assert.DoesNotContain('\uFFFD', text);
        foreach (char c in "áéíóñ“”") Assert.Contains(c, text);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_word_document_is_in_spanish_with_spanish_sub_item_labels(string document)
    {
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[$"{document}.es.docx"]));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        string body = Part("word/document.xml");
        Assert.Equal(["es-ES"], Regex.Matches(body, "<w:lang w:val=\"([^\"]+)\"/>").Select(m => m.Groups[1].Value).Distinct());
        Assert.Contains("<dc:language>es-ES</dc:language>", Part("docProps/core.xml"));
        Assert.Contains("<w:lvlText w:val=\"%1)\"/>", Part("word/numbering.xml"));
        Assert.Contains("<w:lvlText w:val=\"%2)\"/>", Part("word/numbering.xml"));
        Assert.Contains("Original: inglés", body);
    }

    [Fact]
    public void A_missing_spanish_column_is_a_problem_at_its_sheet_and_column_when_spanish_is_asked()
    {
        using var dir = new TempDir();
        var sheets = ReportGen.Sample.SampleWorkbook.Sheets().Select(s => s.Name != "Flagships" ? s
            : new ReportGen.Packaging.SheetData(s.Name, [.. s.Header.Where(h => h != "name_es")],
                s.Rows.Select(row => (object?[])[.. row.Where((_, i) => s.Header[i] != "name_es")]).ToList())).ToList();
        string path = dir.File("cycle.xlsx");
        ReportGen.Packaging.SpreadsheetWriter.Write(path, sheets);
        var e = Assert.Throws<InputException>(() => BuildPipeline.Render(new BuildOptions(path, dir.File("out"), Repo.Path("templates"), ["es"], ["txt"], null)));
        Assert.Contains(e.Problems, p => p.ToString().StartsWith("Flagships", StringComparison.Ordinal) && p.ToString().Contains("name_es", StringComparison.Ordinal));
        // English and Chinese do not need it.
        BuildPipeline.Render(new BuildOptions(path, dir.File("out"), Repo.Path("templates"), ["en"], ["txt"], null));
    }

    [SkippableFact]
    public void Libreoffice_renders_each_spanish_word_document_within_one_page_of_the_pdf()
    {
        LibreOffice.RenderEachWithinOnePageOfThePdf(Outputs.Value, "es");
    }
}
