using System.IO.Compression;
using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Word's automatic hyphenation is on in the Word files of the languages whose profile asks for it
/// (<see cref="LanguageProfile.HyphenatesInWord"/>: French, Spanish, Russian), so their justified lines
/// are not loose; English and Chinese stay unhyphenated. LibreOffice, with the language's dictionary (Debian
/// hyphen-fr, hyphen-es, hyphen-ru), hyphenates them, the narrow header cells of the funding table too.
/// </summary>
public class DocxHyphenationTests
{
    private const string Hyphenation = "<w:autoHyphenation/><w:consecutiveHyphenLimit w:val=\"2\"/><w:doNotHyphenateCaps/>";

    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh", "fr", "es", "ru"], ["docx", "pdf"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    private static string Settings(string file)
    {
        using var zip = new ZipArchive(new MemoryStream(Outputs.Value[file]));
        using var reader = new StreamReader(zip.GetEntry("word/settings.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Theory]
    [InlineData("fr", true)]
    [InlineData("es", true)]
    [InlineData("ru", true)]
    [InlineData("en", false)]
    [InlineData("zh", false)]
    public void Word_hyphenates_the_languages_whose_profile_says_so(string language, bool hyphenates)
    {
        Assert.Equal(hyphenates, LanguageProfiles.For(language).HyphenatesInWord);
        foreach (string document in new[] { "portfolio-analysis", "annual-report-summary" })
        {
            string settings = Settings($"{document}.{language}.docx");
            if (hyphenates)
                // In the schema's order: after the default tab stop, before the odd and even headers.
                Assert.Contains($"<w:defaultTabStop w:val=\"{PageDesign.Twips(PageDesign.Tab)}\"/>{Hyphenation}<w:evenAndOddHeaders/>", settings);
            else
                Assert.DoesNotContain("autoHyphenation", settings);
        }
    }

    [SkippableTheory]
    [InlineData("fr", "hyph_fr.dic", null)]
    [InlineData("es", "hyph_es_ES.dic", "Infrafinanciad")]
    [InlineData("ru", "hyph_ru_RU.dic", "Доля финансировани")]
    public void Libreoffice_hyphenates_the_word_files(string language, string dictionary, string? cutHeader)
    {
        string path = Path.Combine("/usr/share/hyphen", dictionary);
        if (!File.Exists(path)) ExternalTool.Unavailable($"{path} is not installed: sudo apt-get install hyphen-{language} (.ci/run installs it)");
        var rendered = LibreOffice.RenderEachWithinOnePageOfThePdf(Outputs.Value, language);
        // pdftotext joins a word hyphenated at a line's end; its layout mode keeps the line as drawn.
        string text = Poppler.PdfToText(rendered["annual-report-summary"], "-layout") + Poppler.PdfToText(rendered["portfolio-analysis"], "-layout");
        // A word broken at a line's end whose halves are one word in the PDF's text: a hyphen LibreOffice put in
        // (not a compound such as sous-programme, broken after its own hyphen).
        string pdf = Poppler.PdfToText(Outputs.Value[$"annual-report-summary.{language}.pdf"]) + Poppler.PdfToText(Outputs.Value[$"portfolio-analysis.{language}.pdf"]);
        var broken = Regex.Matches(text, @"(\p{Ll}+)-$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(broken, half => half.Length >= 2 && !Regex.IsMatch(pdf, $@"(?<![\p{{L}}-]){half}-"));
        // The funding table's narrow header: a hyphen where the cell breaks its word, never a cut with none (issue 27 item 2).
        if (cutHeader is not null) Assert.DoesNotMatch(new Regex(Regex.Escape(cutHeader) + @"[ \n]"), text);
    }
}
