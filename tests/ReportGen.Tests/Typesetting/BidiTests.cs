using System.Globalization;
using System.Text;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// The bidi algorithm (Typesetting/Bidi.cs) against the Unicode Consortium's own test data, and on
/// the sentences an Arabic UN document has: document symbols, outcome codes, years, percentages and
/// English names inside Arabic text keep their order; brackets mirror.
/// </summary>
public class BidiTests
{
    private const string TestData = "/usr/share/unicode/BidiCharacterTest.txt";

    /// <summary>
    /// Every case of BidiCharacterTest.txt (Unicode 15, Debian's unicode-data) without explicit
    /// embeddings, overrides, isolates or boundary neutrals (which Bidi does not support: see
    /// docs/arabic.md): the resolved levels and the visual order, at the test's paragraph direction.
    /// </summary>
    [SkippableFact]
    public void Matches_the_unicode_reference_test_data()
    {
        if (!File.Exists(TestData)) ExternalTool.Unavailable($"{TestData} is missing: sudo apt-get install unicode-data (.ci/run installs it)");
        int run = 0, unsupported = 0;
        var failures = new List<string>();
        foreach (string line in File.ReadLines(TestData))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split(';');
            var codes = f[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            if (codes.Any(c => Bidi.ClassOf(c) is BidiClass.BN or BidiClass.LRE or BidiClass.RLE or BidiClass.LRO or BidiClass.RLO or BidiClass.PDF
                    or BidiClass.LRI or BidiClass.RLI or BidiClass.FSI or BidiClass.PDI)) { unsupported++; continue; }
            var text = new StringBuilder();
            var starts = new List<int>();
            foreach (int c in codes) { starts.Add(text.Length); text.Append(char.ConvertFromUtf32(c)); }
            string s = text.ToString();
            int paragraph = f[1] switch { "0" => 0, "1" => 1, _ => Bidi.ParagraphLevel(s) };
            var levels = Bidi.Levels(s, paragraph);
            var got = starts.Select(i => levels[i]).ToArray();
            var expected = f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(byte.Parse).ToArray();
            var order = Bidi.VisualOrder(got);
            var expectedOrder = f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            run++;
            if (paragraph.ToString(CultureInfo.InvariantCulture) != f[2] || !got.SequenceEqual(expected) || !order.SequenceEqual(expectedOrder))
                failures.Add($"{line}\n   got level {paragraph}; {string.Join(' ', got)}; {string.Join(' ', order)}");
        }
        Assert.True(run > 90_000, $"only {run} cases were run ({unsupported} unsupported)");
        Assert.True(failures.Count == 0, $"{failures.Count} of {run} cases differ, first:\n{string.Join("\n", failures.Take(10))}");
    }

    /// <summary>The logical text in visual order: characters by <see cref="Bidi.VisualOrder"/>, mirrored at odd levels.</summary>
    private static string Visual(string text, int paragraph)
    {
        var levels = Bidi.Levels(text, paragraph);
        var order = Bidi.VisualOrder(levels);
        return string.Concat(order.Select(i => levels[i] % 2 == 1 ? (char)Bidi.Mirror(text[i]) : text[i]));
    }

    [Fact]
    public void Keeps_symbols_codes_years_percentages_and_english_names_in_order_inside_arabic()
    {
        // "The document HSP/EB.2021/19 reports on outcome (3.1) in 2021: 41% for UN-Habitat."
        string sentence = "تقدم الوثيقة HSP/EB.2021/19 تقريرا عن النتيجة (3.1) في عام 2021: 41% لموئل الأمم المتحدة UN-Habitat.";
        var levels = Bidi.Levels(sentence, 1);
        int Level(string part) => levels[sentence.IndexOf(part, StringComparison.Ordinal)];
        Assert.Equal(1, Level("تقدم"));
        Assert.Equal(2, Level("HSP/EB.2021/19"));
        Assert.All(Enumerable.Range(sentence.IndexOf("HSP", StringComparison.Ordinal), "HSP/EB.2021/19".Length), i => Assert.Equal(2, levels[i]));
        Assert.Equal(2, Level("3.1"));
        Assert.Equal(2, Level("UN-Habitat"));
        Assert.Equal(1, levels[sentence.Length - 1]); // the full stop ends the Arabic sentence, on the left
        string visual = Visual(sentence, 1);
        // Left-to-right runs read left to right in the visual line; the Arabic reads from the right.
        Assert.Contains("HSP/EB.2021/19", visual);
        Assert.Contains("UN-Habitat", visual);
        // After Arabic letters, European digits are Arabic numbers (W2): "41%" reads right to left as the
        // number then its sign, so the sign stands at the number's left, as Arabic typesetting has it.
        Assert.Contains("%41", visual);
        Assert.Contains(" :2021 ", visual);
        Assert.Contains("(3.1)", visual); // the brackets mirror: the visual "(" is the logical ")"
        Assert.StartsWith(".UN-Habitat", visual);
        Assert.EndsWith("مدقت", visual); // the first word, its letters reversed, at the right end
    }

    [Fact]
    public void An_arabic_name_inside_english_is_reversed_alone()
    {
        string sentence = "Cairo (القاهرة) hosts 12 projects.";
        var levels = Bidi.Levels(sentence, 0);
        Assert.Equal(0, levels[0]);
        Assert.Equal(1, levels[sentence.IndexOf('ق')]);
        Assert.Equal(0, levels[sentence.IndexOf('(')]);
        Assert.Equal("Cairo (ةرهاقلا) hosts 12 projects.", Visual(sentence, 0));
    }
}
