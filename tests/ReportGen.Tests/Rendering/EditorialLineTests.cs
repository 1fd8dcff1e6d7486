using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// What an editor sent back from the English PDF of the three-year cycle (issue 23, docs/editorial-review.md):
/// hyphens UN English documents do not set ("dis- / ease (COVID-19)", "long- / est"), and a heading whose
/// last line holds a fragment ("… (annex II, / figure X)"). Read back from the PDFs with pdftotext.
/// </summary>
public class EditorialLineTests
{
    private static readonly FontSet Fonts = FontSet.Load();
    private static readonly TextStyle Serif = new(FontRole.Serif, 10), Heading = new(FontRole.Serif, 12, Bold: true);

    /// <summary>The English PDFs of the three-year cycle, built once for the class.</summary>
    private static readonly Lazy<Dictionary<string, byte[]>> Cycle = new(() =>
    {
        using var dir = new TempDir();
        string workbook = CycleGenerator.WriteNamed("three-years-integration-falling-2022", dir);
        return BuildPipeline.Render(new BuildOptions(workbook, "unused", Repo.Path("templates"), ["en"], ["pdf"], null))
            .Where(o => o.FileName.EndsWith(".pdf", StringComparison.Ordinal)).ToDictionary(o => o.FileName, o => o.Bytes);
    });

    [Fact]
    public void Each_language_has_its_hyphenation_minimums_as_data()
    {
        // English as UN English documents hyphenate; French, Spanish and Russian as TeX sets them (2 and 3).
        Assert.Equal(new HyphenationMinimums(3, 3, 8), LanguageProfiles.English.HyphenMinimums);
        foreach (var profile in new[] { LanguageProfiles.French, LanguageProfiles.Spanish, LanguageProfiles.Russian })
            Assert.Equal(new HyphenationMinimums(2, 3, 5), profile.HyphenMinimums);
        var english = Hyphenator.English;
        Assert.Empty(english.Points("disease")); // seven letters: never "dis-ease"
        Assert.Empty(english.Points("longest")); // nor "long-est"
        Assert.Equal([6], english.Points("hyphenation")); // hyphen-ation: not "hy-", two letters
        Assert.All(english.Points("relatively"), p => Assert.InRange(p, 3, "relatively".Length - 3));
        // A Russian document's Latin words are English and keep English's minimums; its own words TeX's.
        var russian = Hyphenator.ForLatinIn(LanguageProfiles.Russian)!;
        Assert.Empty(russian.Points("disease"));
        Assert.Equal([6], russian.Points("hyphenation"));
        Assert.Contains(2, russian.Points("сотрудничества")); // со-труд-ни-че-ства: two letters before
        Assert.Equal([2, 4, 7, 9], Hyphenator.ForLatinIn(LanguageProfiles.French)!.Points("développement")); // dé-ve-lop-pe-ment
    }

    [Fact]
    public void A_word_before_an_opening_bracket_or_a_code_is_never_hyphenated()
    {
        var breaker = new LineBreaker(Fonts, Hyphenator.English);
        int Hyphens(string text) => breaker.Atoms(Inlines.Of(text), Serif, "a test").Count(a => a.Hyphen is not null);
        // The same words are hyphenated before a comma, never before their gloss or code.
        Assert.True(Hyphens("the pandemonium, which") > 0);
        Assert.Equal(0, Hyphens("the pandemonium (COVID-19) which"));
        Assert.True(Hyphens("urbanization, which") > 0);
        Assert.Equal(0, Hyphens("urbanization SDG 11 which"));
        Assert.Equal(0, Hyphens("urbanization 2030 which"));
        const string text = "The share of the portfolio designed to help respond to the coronavirus pandemonium (COVID-19) was considerable, "
                            + "and the programmes for sustainable urbanization SDG 11 supports grew in every year of the strategic plan.";
        for (double width = 120; width <= 320; width += 2.5)
        {
            var lines = breaker.Break(breaker.Atoms(Inlines.Of(text), Serif, "a test"), width, width, justify: true).Select(l => l.Text).ToList();
            for (int i = 0; i + 1 < lines.Count; i++)
            {
                if (!lines[i].EndsWith('-')) continue;
                string word = lines[i].Split(' ')[^1].TrimEnd('-') + lines[i + 1].Split(' ')[0];
                Assert.False(word is "pandemonium" or "urbanization", $"at {width} pt: [{lines[i]}] / [{lines[i + 1]}]");
            }
        }
    }

    /// <summary>
    /// Every hyphen at a line end of the cycle's English PDFs leaves three letters at least on each
    /// side, breaks a word of eight letters or more, and is not in a word followed by an opening
    /// bracket or a code ("dis- / ease (COVID-19)" and "long- / est" were).
    /// </summary>
    [Fact]
    public void Hyphens_of_the_three_year_cycle_are_as_un_english_documents_set_them()
    {
        var faults = new List<string>();
        int hyphens = 0;
        foreach (var (name, pdf) in Cycle.Value)
        {
            var lines = Poppler.PdfToText(pdf, "-layout").Split('\n').Select(l => l.Trim()).ToList();
            for (int i = 0; i + 1 < lines.Count; i++)
            {
                var match = Regex.Match(lines[i], @"(?<![\p{L}-])(\p{Ll}+)-$");
                if (!match.Success) continue;
                hyphens++;
                string before = match.Groups[1].Value;
                var next = lines[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string after = new([.. next[0].TakeWhile(char.IsLetter)]);
                string following = next.Length > 1 ? next[1] : "";
                string where = $"{name}: [{lines[i]}] / [{lines[i + 1]}]";
                if (before.Length < 3 || after.Length < 3) faults.Add("fewer than three letters beside the hyphen " + where);
                if (before.Length + after.Length < 8) faults.Add("a word of fewer than eight letters hyphenated " + where);
                if (next[0].Length == after.Length && (following.StartsWith('(') || following.Any(char.IsAsciiDigit)))
                    faults.Add("hyphenated before a bracket or a code " + where);
            }
        }
        Assert.True(faults.Count == 0, string.Join("\n", faults));
        Assert.True(hyphens > 0, "the cycle's English PDFs should still hyphenate some long words");
    }

    [Fact]
    public void A_two_line_heading_is_balanced()
    {
        var breaker = new LineBreaker(Fonts, Hyphenator.English);
        const string heading = "Balance between the normative and operational portfolio (annex II, figure X)";
        double width = breaker.Break(breaker.Atoms(Inlines.Of(heading), Heading, "a test"), 1e4, 1e4, false)[0].Width * 0.9;
        var greedy = breaker.Break(breaker.Atoms(Inlines.Of(heading), Heading, "a test"), width, width, false);
        var balanced = breaker.Balanced(breaker.Atoms(Inlines.Of(heading), Heading, "a test"), width, width);
        Assert.Equal(2, greedy.Count);
        Assert.Equal(greedy.Count, balanced.Count); // as many lines as filling them makes
        Assert.Equal(heading, string.Join(" ", balanced.Select(l => l.Text)));
        // Filled, the last line holds a fragment; balanced, the two lines are within a word of each other.
        Assert.True(greedy[1].Width < greedy[0].Width / 4, $"[{greedy[1].Text}]");
        Assert.True(Math.Abs(balanced[0].Width - balanced[1].Width) < balanced[0].Width / 3, $"[{balanced[0].Text}] / [{balanced[1].Text}]");
        // A heading of one line is left as it is.
        Assert.Single(breaker.Balanced(breaker.Atoms(Inlines.Of("Method"), Heading, "a test"), width, width));
    }

    /// <summary>
    /// The portfolio analysis's section C heading ("Balance between the normative and operational
    /// portfolio (annex II, figure X)") left "figure X)" alone on its second line: its lines, read back
    /// with their boxes, are now of even length, the last holding more than a word or two.
    /// </summary>
    [Fact]
    public void The_section_c_heading_of_the_cycle_leaves_no_fragment_alone()
    {
        var words = Words(Cycle.Value["portfolio-analysis.en.pdf"]);
        var first = words.First(w => w.Text == "Balance" && words.Any(v => v.Page == w.Page && v.Text == "C." && Math.Abs(v.Bottom - w.Bottom) < 0.5));
        var heading = words.Where(w => w.Page == first.Page && w.Bottom >= first.Bottom - 0.5 && w.Bottom < first.Bottom + 40 && w.Height > 12 && w.Text != "C.")
            .GroupBy(w => Math.Round(w.Bottom)).OrderBy(g => g.Key).Select(g => g.OrderBy(w => w.Left).ToList()).ToList();
        Assert.Equal(2, heading.Count);
        Assert.Equal("Balance between the normative and operational portfolio (annex II, figure X)", string.Join(" ", heading.SelectMany(l => l).Select(w => w.Text)));
        double Width(List<Word> line) => line[^1].Right - line[0].Left;
        Assert.True(heading[1].Count > 2 && Width(heading[1]) > Width(heading[0]) * 0.6,
            $"[{string.Join(" ", heading[0].Select(w => w.Text))}] / [{string.Join(" ", heading[1].Select(w => w.Text))}]");
    }

    /// <summary>
    /// Paragraph 8(c) of the cycle's portfolio analysis, its sub-items (i) and (ii) (the item on all review years is 8(d) now), read back with
    /// their boxes: every justified line keeps its word spaces within 85 % to 150 % of a space, or, where
    /// it is looser, no tighter break exists: the next line's first word would not fit on it even with
    /// every space at 85 % (the first lines after the labels are 272 pt wide, and "(Reduced", "space)"
    /// and "(outcome 2.2)" may not be hyphenated).
    /// </summary>
    [Fact]
    public void The_sub_items_of_paragraph_8_c_are_loose_only_where_no_tighter_break_exists()
    {
        const double space = 2.5; // a word space of the 10 pt body
        var words = Words(Cycle.Value["portfolio-analysis.en.pdf"]).Where(w => w.Height < 12).ToList();
        var start = words.First(w => w.Text == "closer");
        var lines = words.Where(w => w.Page == start.Page && w.Bottom > start.Bottom + 1)
            .GroupBy(w => Math.Round(w.Bottom, 1)).OrderBy(g => g.Key).Select(g => g.OrderBy(w => w.Left).ToList())
            .TakeWhile(l => l[0].Text is not ("9." or "(d)")).ToList();
        Assert.True(lines.Count >= 6, $"paragraph 8(c) has {lines.Count} lines");
        Assert.Equal(["(i)", "(ii)"], lines.Where(l => Regex.IsMatch(l[0].Text, @"^\([ivx]+\)$")).Select(l => l[0].Text));
        double right = lines.Max(l => l[^1].Right);
        var faults = new List<string>();
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            var line = Regex.IsMatch(lines[i][0].Text, @"^\([ivx]+\)$") ? lines[i].Skip(1).ToList() : lines[i];
            var next = lines[i + 1];
            if (Regex.IsMatch(next[0].Text, @"^\([ivx]+\)$") || Math.Abs(line[^1].Right - right) > 0.5) continue; // an item's last line is not justified
            var gaps = line.Zip(line.Skip(1), (a, b) => (b.Left - a.Right) / space).ToList();
            string text = string.Join(" ", line.Select(w => w.Text));
            Assert.All(gaps, g => Assert.True(g >= 0.85 - 0.01, $"word spaces at {g:P0}: [{text}]"));
            if (gaps.Max() <= 1.5 + 0.01) continue;
            // A tighter break: the next line's first word goes up, fits at 85 %, and the next line, without
            // it, stays within 150 % (or is its item's last line, set at its natural spaces).
            double available = right - line[0].Left;
            double tightest = line.Sum(w => w.Right - w.Left) + (next[0].Right - next[0].Left) + line.Count * 0.85 * space;
            if (tightest > available) continue;
            bool nextLast = i + 2 >= lines.Count || Regex.IsMatch(lines[i + 2][0].Text, @"^\([ivx]+\)$") || Math.Abs(next[^1].Right - right) > 0.5;
            var rest = next.Skip(1).ToList();
            double restSpaces = rest.Count > 1 ? (right - next[0].Left - rest.Sum(w => w.Right - w.Left)) / (rest.Count - 1) / space : 1;
            if (nextLast || restSpaces <= 1.5 + 0.01)
                faults.Add($"word spaces at {gaps.Max():P0} though [{next[0].Text}] fits at 85 % and the next line keeps {restSpaces:P0}: [{text}]");
        }
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    private sealed record Word(int Page, double Left, double Right, double Top, double Bottom, string Text)
    {
        public double Height => Bottom - Top;
    }

    /// <summary>Every word of a PDF with its box, as pdftotext -bbox reads it.</summary>
    private static List<Word> Words(byte[] pdf)
    {
        var words = new List<Word>();
        int page = 0;
        foreach (string line in Poppler.PdfToText(pdf, "-bbox").Split('\n'))
        {
            if (line.Contains("<page ", StringComparison.Ordinal)) page++;
            var m = Regex.Match(line, "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">(.*)</word>");
            if (!m.Success) continue;
            double N(int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            words.Add(new Word(page, N(1), N(3), N(2), N(4), System.Net.WebUtility.HtmlDecode(m.Groups[5].Value)));
        }
        return words;
    }
}
