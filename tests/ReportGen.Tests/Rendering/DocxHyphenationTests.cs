using System.IO.Compression;
using ReportGen.Build;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Word's automatic hyphenation is on in the Word files of the languages whose profile asks for it
/// (<see cref="LanguageProfile.HyphenatesInWord"/>: French, Spanish, Russian), so their justified lines
/// are not loose; English and Chinese stay unhyphenated. (LibreOffice's render is not checked: this
/// machine's LibreOffice 7.4 has no hyphenation component, libhyphenlo, and breaks no word even in a plain ODF file.)
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
}
