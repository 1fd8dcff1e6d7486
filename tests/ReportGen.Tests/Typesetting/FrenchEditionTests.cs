using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Templating;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// The French edition of the sample, as the UN's French documents are written: the masthead in
/// French, numbers "1 234,5" and "41 %" with narrow no-break spaces, no-break spaces before the
/// high punctuation and inside « », sub-items a) and i), Word runs in fr-FR; read back from the
/// PDF with pdftotext and from the Word document with LibreOffice.
/// </summary>
public partial class FrenchEditionTests
{
    private const char Narrow = '\u202F', NoBreak = '\u00A0';

    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["fr"], ["docx", "pdf", "txt"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    public static TheoryData<string> Documents => new(["portfolio-analysis", "annual-report-summary"]);

    [Fact]
    public void French_numbers_dates_lists_and_money_follow_un_french_style()
    {
        var fr = Formatter.For("fr");
        Assert.Equal($"41{Narrow}%", fr.Percent(0.4134));
        Assert.Equal($"41,3{Narrow}%", fr.Percent(0.4134, 1));
        Assert.Equal($"41{Narrow}%", fr.PercentSign(0.41));
        Assert.Equal($"1{Narrow}234,5", fr.Figure(1234.5, 1));
        Assert.Equal($"9{Narrow}800{Narrow}000", fr.Figure(9_800_000));
        Assert.Equal("1,3 million de dollars", fr.Usd(1_300_000));
        Assert.Equal("64 millions de dollars", fr.Usd(64_000_000));
        Assert.Equal($"9{Narrow}800 dollars", fr.Usd(9800));
        Assert.Equal("7 décembre 2026", fr.Date(new DateOnly(2026, 12, 7)));
        Assert.Equal("1er août 2021", fr.Date(new DateOnly(2021, 8, 1)));
        Assert.Equal("15 et 16 novembre 2021", fr.DateRange(new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 16)));
        Assert.Equal("Afrique, Europe et Asie et Pacifique", fr.List(["Afrique", "Europe", "Asie et Pacifique"]));
        // Two to nine in words; one and zero as figures (un or une would need the noun).
        Assert.Equal(["1", "quatre", "neuf", "12", "Quatre"], [fr.Count(1), fr.Count(4), fr.Count(9), fr.Count(12), fr.CountAtSentenceStart(4)]);
        Assert.Equal(["deuxième", "figures I à III", "graphique IV"], [fr.Ordinal(2), fr.ChartReference([1, 2, 3], roman: true, figure: true), fr.ChartReference([4], roman: true)]);
        // Every word from the profile's NumberWords, through the worded formatter that writes Spanish too.
        Assert.IsType<WordedFormatter>(fr);
        Assert.NotNull(ReportGen.Typesetting.LanguageProfiles.French.Numbers.Words);
        Assert.Equal(["5–9 mai 2021", "30 mars–3 avril 2021", "1er–3 juin 2021", "30 décembre 2021–2 janvier 2022"],
            [fr.DateRange(new(2021, 5, 5), new(2021, 5, 9)), fr.DateRange(new(2021, 3, 30), new(2021, 4, 3)), fr.DateRange(new(2021, 6, 1), new(2021, 6, 3)), fr.DateRange(new(2021, 12, 30), new(2022, 1, 2))]);
        Assert.Equal(["première", "dixième", "11e", "Afrique et innovation"], [fr.Ordinal(1), fr.Ordinal(10), fr.Ordinal(11), fr.List(["Afrique", "innovation"])]);
        // The scale agrees by the French plural rule (singular below two); percentages of four digits are grouped, as sums.
        Assert.Equal(["1 million de dollars", "1,9 million de dollars", "2 millions de dollars", "1,5 milliard de dollars", "3 milliards de dollars", $"1{Narrow}800{Narrow}%"],
            [fr.Usd(1_000_000), fr.Usd(1_940_000), fr.Usd(2_000_000), fr.Usd(1_500_000_000), fr.Usd(3e9), fr.Percent(18)]);
        // Chart labels and axes: the invariant label in the language's conventions; English's as they are.
        var french = ReportGen.Typesetting.LanguageProfiles.French.Numbers;
        Assert.Equal([$"40{Narrow}%", $"1{Narrow}234,5", "9,8"], [ReportGen.Charts.ChartValues.In("40%", french), ReportGen.Charts.ChartValues.In("1,234.5", french), ReportGen.Charts.ChartValues.In("9.8", french)]);
        Assert.Equal("1,234.5", ReportGen.Charts.ChartValues.In("1,234.5", ReportGen.Typesetting.LanguageProfiles.English.Numbers));
        Assert.Equal(["a)", "c)", "ii)"], [ReportGen.Document.Numbering.SubItem(1, 1, "fr"), ReportGen.Document.Numbering.SubItem(1, 3, "fr"), ReportGen.Document.Numbering.SubItem(2, 2, "fr")]);
    }

    [Fact]
    public void French_spacing_turns_the_spaces_before_high_punctuation_and_inside_guillemets_into_no_break_spaces()
    {
        var (text, at) = Formatter.For("fr").Space("Total : 88 ; voir « Villes \\: inclusives » ! 41 % ? https://x 10:30 |:--|");
        Assert.Equal($"Total{NoBreak}: 88{Narrow}; voir «{Narrow}Villes{NoBreak}\\: inclusives{Narrow}»{Narrow}! 41{Narrow}%{Narrow}? https://x 10:30 |:--|", text);
        Assert.Equal(Enumerable.Range(0, text.Length + 1), at); // every character stays where it was
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_text_output_keeps_french_spacing_everywhere(string document)
    {
        string text = Encoding.UTF8.GetString(Outputs.Value[$"{document}.fr.txt"]);
        Assert.Contains("Nations Unies", text);
        // No breaking space before ; : ! ? » or a percent sign, none after «, and no such mark glued to its word.
        Assert.Equal([], Regex.Matches(text, @".{0,20} [;:!?»]").Select(m => m.Value).ToList());
        Assert.Empty(Regex.Matches(text, @"[0-9] %|« |\w[;!?»]|[0-9][0-9] [0-9]{3}\b").Select(m => m.Value));
        Assert.Matches($"[0-9]{Narrow}%", text);
        Assert.Matches($"[a-zé]{NoBreak}:", text);
        // Sub-items a), b) without the opening parenthesis.
        Assert.Matches(@"(?m)^a\) ", text);
        Assert.DoesNotMatch(@"(?m)^\(a\) ", text);
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void The_french_pdf_read_back_carries_the_masthead_and_french_numbers_with_no_glyph_missing(string document)
    {
        // Lines joined (the organ's name wraps); the no-break space shares the space's glyph, which pdftotext reads as a space.
        string text = Regex.Replace(Poppler.PdfToText(Outputs.Value[$"{document}.fr.pdf"]), "[ \n]+", " ");
        foreach (string line in new[] { "Nations Unies", "Distr. générale", "4 octobre 2021", "Français", "Original : anglais",
                     "Conseil exécutif du Programme des Nations Unies pour les établissements humains", "Nairobi, 15 et 16 novembre 2021" })
            Assert.Contains(line, text);
        Assert.Contains("ONU-Habitat", text);
        // A percentage with its space (the narrow no-break space too shares the space's glyph in the PDF's font).
        // (pdftotext writes the narrow space only where its gap is wide enough for its own rule: not every "0 %" reads back with it.)
        Assert.Matches("[0-9][ \u202F]%", text);
        Assert.DoesNotContain("per cent", text);
        // The no-break spaces hold: no line of the PDF starts with the mark they bind.
        Assert.DoesNotMatch(@"(?m)^[%:;»?!]", Poppler.PdfToText(Outputs.Value[$"{document}.fr.pdf"]));
        if (document == "annual-report-summary") Assert.Matches("9[ \u202F]800[ \u202F]000", text);
        else Assert.Contains("64 millions de dollars", text);
        // No glyph the fonts lack (pdftotext gives U+FFFD or nothing for one), and the French letters are there.
        Assert.DoesNotContain('\uFFFD', text);
        foreach (char c in "éèàçœ«»’") Assert.Contains(c, text);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_word_document_is_in_french_with_french_sub_item_labels(string document)
    {
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[$"{document}.fr.docx"]));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        string body = Part("word/document.xml");
        Assert.Equal(["fr-FR"], Regex.Matches(body, "<w:lang w:val=\"([^\"]+)\"/>").Select(m => m.Groups[1].Value).Distinct());
        Assert.Contains("<dc:language>fr-FR</dc:language>", Part("docProps/core.xml"));
        Assert.Contains("<w:lvlText w:val=\"%1)\"/>", Part("word/numbering.xml"));
        Assert.Contains("<w:lvlText w:val=\"%2)\"/>", Part("word/numbering.xml"));
        Assert.Contains("Original" + NoBreak + ": anglais", body);
    }

    [SkippableFact]
    public void Libreoffice_renders_each_french_word_document_within_one_page_of_the_pdf()
    {
        LibreOffice.RenderEachWithinOnePageOfThePdf(Outputs.Value, "fr");
    }
}
