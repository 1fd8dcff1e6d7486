using ReportGen.Document;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Typesetting;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>Line breaking with the bundled fonts: Latin by words, Chinese under the clreq "basic" rules.</summary>
public class LineBreakerTests
{
    private static readonly FontSet Fonts = FontSet.Load();
    private static readonly LineBreaker Breaker = new(Fonts);
    private static readonly TextStyle Song = new(FontRole.Song, 10), Serif = new(FontRole.Serif, 10);

    private static List<string> Lines(string text, double width, TextStyle? style = null, bool justify = false) =>
        Breaker.Break(Breaker.Atoms(Inlines.Of(text), style ?? Song, "a test"), width, width, justify)
            .Select(l => string.Concat(l.Atoms.Select(a => a.Atom.Kind == AtomKind.Space ? " " : a.Atom.Text))).ToList();

    [Fact]
    public void Chinese_breaks_between_characters()
    {
        var lines = Lines("人居署规范工作与业务工作之间的联系", 50); // five characters of 10 pt a line
        Assert.Equal(["人居署规范", "工作与业务", "工作之间的", "联系"], lines);
    }

    [Theory]
    [InlineData("一二三四，五六七八", "一二三", "四，五六")] // four characters a line; the comma may not start line 2, so 四 goes with it
    [InlineData("一二三四。五六七八", "一二三", "四。五六")]
    [InlineData("一二三四、五六七八", "一二三", "四、五六")]
    [InlineData("一二三四）五六七八", "一二三", "四）五六")]
    [InlineData("一二三四；五六七八", "一二三", "四；五六")]
    [InlineData("一二三四：五六七八", "一二三", "四：五六")]
    [InlineData("一二三四！五六七八", "一二三", "四！五六")]
    [InlineData("一二三四》五六七八", "一二三", "四》五六")]
    public void No_line_starts_with_a_closing_or_pause_mark(string text, string first, string second)
    {
        var lines = Lines(text, 40);
        Assert.Equal(first, lines[0]);
        Assert.StartsWith(second, lines[1]);
        Assert.All(lines, l => Assert.False(Kinsoku.ProhibitedAtLineStart(l[0]), l));
    }

    [Theory]
    [InlineData("一二三（四五六七八", "一二三")]
    [InlineData("一二三《四五六七八", "一二三")]
    [InlineData("一二三「四五六七八", "一二三")]
    public void No_line_ends_with_an_opening_mark(string text, string first)
    {
        var lines = Lines(text, 40);
        Assert.Equal(first, lines[0]);
        Assert.All(lines, l => Assert.False(Kinsoku.ProhibitedAtLineEnd(l[^1]), l));
    }

    [Fact]
    public void A_full_width_mark_at_line_end_is_compressed_so_it_may_still_fit()
    {
        // Four characters and a comma are 50 pt; compressed by half the comma they fit in 46.
        Assert.Equal("一二三四，", Lines("一二三四，五六", 46)[0]);
    }

    [Theory]
    [InlineData("一二三——四五六")]
    [InlineData("一二三……四五六")]
    public void Two_em_dash_and_ellipsis_are_never_split(string text)
    {
        foreach (double width in new[] { 35.0, 40, 45, 50 })
        {
            var lines = Lines(text, width);
            Assert.DoesNotContain(lines, l => l.EndsWith('—') && !l.EndsWith("——") || l.EndsWith('…') && !l.EndsWith("……"));
        }
    }

    [Fact]
    public void Two_full_width_marks_in_a_row_take_one_and_a_half_ems_and_do_not_stretch_apart()
    {
        var atoms = Breaker.Atoms(Inlines.Of("图一）。二三四五六"), Song, "a test");
        var close = atoms.Single(a => a.Text == "）");
        Assert.Equal(5, close.Width, 6); // half of 10 pt
        // The paragraph breaker sets 。 inside the first line half-width (compression before stretching)
        // to take 三 as well; nothing is stretched between ）and 。.
        var line = Breaker.Break(atoms, 50, 50, justify: true)[0];
        Assert.Equal("图一）。二三", string.Concat(line.Atoms.Select(a => a.Atom.Text)));
        double xClose = line.Atoms.Single(a => a.Atom.Text == "）").X, xStop = line.Atoms.Single(a => a.Atom.Text == "。").X;
        Assert.Equal(5, xStop - xClose, 6); // no stretch between the two marks
    }

    [Fact]
    public void Latin_breaks_between_words_never_inside()
    {
        var lines = Lines("The analysis of the project portfolio shows the links between outcomes", 120, Serif);
        Assert.True(lines.Count > 1);
        var words = "The analysis of the project portfolio shows the links between outcomes".Split(' ');
        Assert.Equal(words, string.Join(' ', lines).Split(' '));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_broken_by_characters()
    {
        var lines = Lines("Supercalifragilisticexpialidocious", 60, Serif);
        Assert.True(lines.Count > 1);
        Assert.Equal("Supercalifragilisticexpialidocious", string.Concat(lines));
    }

    [Fact]
    public void Mixed_runs_get_a_quarter_em_between_han_and_latin()
    {
        var atoms = Breaker.Atoms(Inlines.Of("共计142项和UN-Habitat"), Song, "a test");
        var gaps = atoms.Where(a => a.Kind == AtomKind.Gap).ToList();
        Assert.Equal(3, gaps.Count); // 计|142, 142|项, 和|UN-Habitat
        Assert.All(gaps, g => Assert.Equal(2.5, g.Width, 6)); // ¼ em of 10 pt
        // A typed space at the boundary becomes the same gap, not a full space.
        var spaced = Breaker.Atoms(Inlines.Of("2021 年"), Song, "a test");
        Assert.Equal([AtomKind.Word, AtomKind.Gap, AtomKind.Han], spaced.Select(a => a.Kind));
    }

    [Fact]
    public void No_gap_next_to_chinese_punctuation()
    {
        var atoms = Breaker.Atoms(Inlines.Of("成果，2021"), Song, "a test");
        Assert.DoesNotContain(atoms, a => a.Kind == AtomKind.Gap);
    }

    [Fact]
    public void Justified_lines_fill_the_measure_by_stretching_between_han_characters_not_inside_words()
    {
        var atoms = Breaker.Atoms(Inlines.Of("人居署的 UN-Habitat 项目组合分析显示了各项成果之间的联系和整合程度"), Song, "a test");
        var lines = Breaker.Break(atoms, 103, 103, justify: true);
        var first = lines[0];
        var (lastAtom, lastX) = first.Atoms[^1];
        Assert.Equal(103, lastX + lastAtom.Width - lastAtom.EndCompression, 1);
        var word = first.Atoms.Single(a => a.Atom.Text == "UN-Habitat");
        Assert.Single(word.Atom.Pieces); // drawn as one piece: no stretch inside it
        Assert.True(lines[^1].Width < 103); // the last line is not justified
    }

    [Fact]
    public void Fallback_by_coverage_sets_han_in_the_chinese_face_and_latin_in_the_serif()
    {
        var atoms = Breaker.Atoms(Inlines.Of("UN 人居署"), Serif, "a test");
        Assert.Equal(Fonts.Latin, atoms.First(a => a.Kind == AtomKind.Word).Pieces[0].Face);
        Assert.Equal(Fonts.Song, atoms.First(a => a.Kind == AtomKind.Han).Pieces[0].Face);
        var hei = Breaker.Atoms(Inlines.Of("导言"), new TextStyle(FontRole.Hei, 10), "a test");
        Assert.Equal(Fonts.Hei, hei[0].Pieces[0].Face);
    }

    [Fact]
    public void A_character_no_font_covers_is_an_error_naming_it_and_its_place()
    {
        var e = Assert.Throws<UncoveredCharacterException>(() => Breaker.Atoms(Inlines.Of("Data 🏠 here"), Serif, "paragraph 12"));
        Assert.StartsWith("paragraph 12: no configured font has the character '🏠' (U+1F3E0)", e.Message);
    }

    [Fact]
    public void Collections_are_read_face_by_face()
    {
        var faces = TrueTypeFace.Load(Path.Combine(FontSet.BundledFolder(), "uming.ttc"));
        Assert.Equal(["AR PL UMing CN", "AR PL UMing HK", "AR PL UMing TW", "AR PL UMing TW MBE"], faces.Select(f => f.FullName));
        var standalone = TrueTypeFace.Load(faces[0].StandaloneBytes, "extracted")[0];
        Assert.Equal("AR PL UMing CN", standalone.FullName);
        Assert.True(standalone.Covers('人'));
        Assert.Equal(faces[0].Advance('人'), standalone.Advance('人'));
    }

    // ---- paragraph-wide breaking (ParagraphBreaker) ---------------------------------------

    private static List<Line> Justified(string text, double width, TextStyle? style = null) =>
        Breaker.Break(Breaker.Atoms(Inlines.Of(text), style ?? Song, "a test"), width, width, justify: true);

    internal static string ChineseText => Chinese;

    private static string TextOf(Line line) => string.Concat(line.Atoms.Select(a => a.Atom.Kind == AtomKind.Space ? " " : a.Atom.Text));

    private const string Chinese = "这项分析考察人居署在战略计划每项成果上的工作与其他成果工作的结合程度，有助于确定更加聚焦的工作方案所需的综合方案拟订方式，" +
                                   "并指导规范和业务项目组合的进一步调整。2020-2021 年审查的所有提案均已分析，共计 142 项：2020 年 88 项和 2021 年 54 项（附件二，图一和图二）。" +
                                   "至少有一项次级成果不在其首要成果所属变革领域的项目所占比例从 49% 升至 70%，资金为 980 万美元（2 项）。";

    private const string English = "The share of projects with at least one secondary outcome outside the domain of change of their primary outcome " +
                                   "rose from 49 per cent to 70 per cent, and the normative and operational work of UN-Habitat (annex II, chart IX) " +
                                   "was better aligned, notwithstanding considerable differences between regions in the implementation of the strategic plan.";

    [Fact]
    public void Numbers_stay_with_their_measure_words_and_units()
    {
        for (double width = 80; width <= 260; width += 3)
            foreach (var lines in new[] { Justified(Chinese, width), Breaker.Break(Breaker.Atoms(Inlines.Of(Chinese), Song, "a test"), width, width, false) })
                for (int i = 0; i + 1 < lines.Count; i++)
                {
                    string end = TextOf(lines[i]).TrimEnd(), next = TextOf(lines[i + 1]);
                    Assert.False(char.IsAsciiDigit(end[^1]) && "年月日个项万%".Contains(next[0]), $"width {width}: {end} | {next}");
                }
    }

    [Fact]
    public void A_chinese_sum_grouped_by_thousands_is_never_broken_between_its_groups()
    {
        // "6 400 万美元": the no-break space of ChineseFormatter.Usd, in a paragraph long enough to break anywhere.
        const string text = "而后者的业务项目组合最大（6\u00A0400 万美元），但规范工具最少（两项），需要支持以加强其规范层面；另一方案为 1\u00A0250 亿美元。";
        int broken = 0;
        for (double width = 60; width <= 260; width += 2)
            foreach (var lines in new[] { Justified(text, width), Breaker.Break(Breaker.Atoms(Inlines.Of(text), Song, "a test"), width, width, false) })
                for (int i = 0; i + 1 < lines.Count; i++)
                {
                    string end = TextOf(lines[i]).TrimEnd(), next = TextOf(lines[i + 1]);
                    Assert.False(char.IsAsciiDigit(end[^1]) && char.IsAsciiDigit(next[0]), $"width {width}: {end} | {next}");
                    broken++;
                }
        Assert.True(broken > 100, "the widths break the paragraph into lines");
    }

    [Fact]
    public void Figure_and_annex_stay_with_their_numerals()
    {
        for (double width = 80; width <= 260; width += 3)
        {
            var lines = Justified(Chinese, width);
            for (int i = 0; i + 1 < lines.Count; i++)
            {
                string end = TextOf(lines[i]), next = TextOf(lines[i + 1]);
                Assert.False((end.EndsWith('图') || end.EndsWith("附件")) && "一二三四五六七八九十0123456789".Contains(next[0]), $"width {width}: {end} | {next}");
            }
        }
        // 图十一 is one unit too.
        var atoms = Breaker.Atoms(Inlines.Of("见图十一"), Song, "a test");
        Assert.Equal([true, true, false, false], atoms.Select((a, i) => i == 0 || a.BreakBefore));
    }

    [Fact]
    public void No_last_line_of_a_single_character()
    {
        int avoided = 0;
        for (double width = 80; width <= 260; width += 1)
        {
            var greedy = Breaker.Break(Breaker.Atoms(Inlines.Of(Chinese), Song, "a test"), width, width, false);
            var lines = Justified(Chinese, width);
            string last = TextOf(lines[^1]);
            Assert.True(last.Count(c => c is >= '\u4E00' and <= '\u9FFF') + last.Count(char.IsAsciiDigit) >= 2, $"width {width}: last line {last}");
            if (TextOf(greedy[^1]).Count(c => c is >= '\u4E00' and <= '\u9FFF') == 1) avoided++;
        }
        Assert.True(avoided > 0, "the test text never ends greedily in a one-character line; it tests nothing");
    }

    [Fact]
    public void Stretch_is_bounded_in_chinese_and_english()
    {
        for (double width = 250; width <= 360; width += 7) // 25 to 36 ems: the measures of the documents (body 31 em in Chinese, 36 in English)
        {
            foreach (var (text, style) in new[] { (Chinese, Song), (English, Serif) })
            {
                var lines = Justified(text, width, style);
                foreach (var line in lines.SkipLast(1))
                    // Beyond the limits only where no breaking keeps them (set loose, flush), never squeezed.
                    Assert.True((line.Setting!.Loose || SetLines.Stretch(line) <= 1 + 1e-6)
                        && line.Setting.WordSpace >= LineStretch.WordSpaceMin - 1e-6, $"width {width}: {TextOf(line)} set {line.Setting}");
            }
        }
    }

    /// <summary>
    /// A line of Chinese text that holds Latin words and full-width marks but no Han character
    /// ("（People-Centred Smart Cities）、"): the breaking, the setting and this test judge it by one
    /// definition (<see cref="LineStretch"/>): the Latin limit, by its paragraph's measure, and the
    /// stretch drawn is the stretch reported.
    /// </summary>
    [Fact]
    public void A_line_of_full_width_marks_and_latin_text_has_one_limit()
    {
        const string text = "方案包括：（Inclusive Vibrant Neighbourhoods and Communities）、（People-Centred Smart Cities）、"
                            + "（RISE-UP Resilient Settlements for the Urban Poor）、（Urban Crisis Response）和其他方案，均已开展。";
        int found = 0;
        for (double width = 120; width <= 320; width += 5)
        {
            var atoms = Breaker.Atoms(Inlines.Of(text), Song, "a test");
            var measure = LineStretch.Of(atoms);
            var lines = Breaker.Break(atoms, width, width, justify: true);
            foreach (var line in lines.SkipLast(1))
            {
                Assert.Equal(measure, line.Setting!.Measure); // every line judged by its paragraph's measure, as the breaking judged it
                Assert.Equal(SetLines.Stretch(line), line.Setting.Stretch, 6); // what is drawn is what is reported
                if (SetLines.HasHan(line) || !line.Atoms.Any(a => LineBreaker.IsFullWidthMark(a.Atom))) continue;
                found++;
                Assert.False(line.Setting.Han, TextOf(line));
                Assert.Equal(SetLines.AddedPerPoint(line) / ((LineStretch.WordSpaceMax - 1) * measure.Space / 2), line.Setting.Stretch, 6);
                Assert.True(line.Setting.Loose || line.Setting.Stretch <= 1 + 1e-6, $"width {width}: [{TextOf(line)}] {line.Setting}");
            }
        }
        Assert.True(found > 0, "no line of full-width marks and Latin text without a Han character: the test tests nothing");
    }

    [Fact]
    public void Punctuation_is_compressed_before_space_is_stretched()
    {
        // 一二三，四五六 is 70 pt; with the comma set half-width it fits 65 pt, and the breaker prefers that to stretching 一二三，四五 by 5 pt.
        var lines = Justified("一二三，四五六七八九十。", 65);
        Assert.Equal("一二三，四五六", TextOf(lines[0]));
        var comma = lines[0].Atoms.Single(a => a.Atom.Text == "，");
        var after = lines[0].Atoms.Single(a => a.Atom.Text == "四");
        Assert.Equal(5, after.X - comma.X, 3); // the comma takes half an em
    }

    [Fact]
    public void English_is_hyphenated_by_the_tex_patterns_but_not_names_or_per_cent()
    {
        Assert.Equal([6], Hyphenator.English.Points("hyphenation")); // hyphen-ation: UN English leaves three letters at least (not "hy-")
        Assert.Equal([3, 6], Hyphenator.English.Points("considerable").Take(2)); // con-sid-er-able
        Assert.Empty(Hyphenator.English.Points("UN-Habitat"));
        bool hyphenated = false;
        for (double width = 120; width <= 300; width += 5)
        {
            var lines = Justified(English, width, Serif).Select(TextOf).ToList();
            hyphenated |= lines.Any(l => l.EndsWith('-') && !l.EndsWith("UN-"));
            Assert.DoesNotContain(lines, l => l.EndsWith("UN-"));
            for (int i = 0; i + 1 < lines.Count; i++)
            {
                Assert.False(char.IsAsciiDigit(lines[i].TrimEnd()[^1]) && lines[i + 1].StartsWith("per"), $"{lines[i]} | {lines[i + 1]}");
                Assert.False(lines[i].TrimEnd().EndsWith(" per") && lines[i + 1].StartsWith("cent"), $"{lines[i]} | {lines[i + 1]}");
                Assert.False(lines[i].TrimEnd().EndsWith("chart") && lines[i + 1].StartsWith("IX"), $"{lines[i]} | {lines[i + 1]}");
            }
            Assert.Equal(English.Replace(" ", ""), string.Concat(lines.Select(l => l.EndsWith('-') && !l.EndsWith("UN-") ? l[..^1] : l)).Replace(" ", ""));
        }
        Assert.True(hyphenated);
    }

    [Fact]
    public void French_is_hyphenated_by_the_french_patterns_with_the_house_rules()
    {
        var french = Hyphenator.ForLatinIn(LanguageProfiles.French)!;
        Assert.NotSame(Hyphenator.English, french);
        // Accented letters are the patterns' own; three letters at least after a hyphen (the file allows two).
        Assert.Equal([2, 4, 7, 9], french.Points("développement")); // dé-ve-lop-pe-ment
        Assert.Equal([3, 5], french.Points("réalisation").Take(2)); // réa-li-sa-tion: never between two vowels
        Assert.Empty(french.Points("Afrique"));
        Assert.Empty(french.Points("ONU-Habitat"));
        var breaker = new LineBreaker(Fonts, french);
        bool hyphenated = false;
        for (double width = 120; width <= 300; width += 5)
        {
            var lines = breaker.Break(breaker.Atoms(Inlines.Of(French), Serif, "a test"), width, width, justify: true).Select(TextOf).ToList();
            hyphenated |= lines.Any(l => l.EndsWith('-') && !l.EndsWith("ONU-"));
            for (int i = 0; i + 1 < lines.Count; i++)
            {
                // Never two hyphens in a row, never after an elided article (l’-), a capital, a numbered word or in the last word.
                Assert.False(lines[i].EndsWith('-') && lines[i + 1].EndsWith('-') && !lines[i + 1].EndsWith("ONU-"), $"{lines[i]} | {lines[i + 1]}");
                Assert.False(lines[i].EndsWith("’-") || lines[i].EndsWith("’") && !lines[i].EndsWith(" "), lines[i]);
                Assert.DoesNotMatch(@"(^| )\p{Lu}[^ ]*-$", lines[i].Replace("ONU-", "ONU"));
                Assert.False(lines[i].TrimEnd().EndsWith("graphique") && lines[i + 1].StartsWith("IX"), $"{lines[i]} | {lines[i + 1]}");
                Assert.False(lines[i].TrimEnd().EndsWith("réalisation") && lines[i + 1].StartsWith("1.1"), $"{lines[i]} | {lines[i + 1]}");
                Assert.False(lines[i].EndsWith("réa-") || lines[i].EndsWith("réali-") || lines[i].EndsWith("réalisa-"), lines[i]);
            }
            Assert.False(lines[^2].EndsWith('-') && lines[^1].Split(' ').Length == 1, $"{lines[^2]} | {lines[^1]}");
            Assert.Equal(French.Replace(" ", ""), string.Concat(lines.Select(l => l.EndsWith('-') && !l.EndsWith("ONU-") ? l[..^1] : l)).Replace(" ", ""));
        }
        Assert.True(hyphenated);
    }

    [Fact]
    public void A_pattern_file_is_read_in_the_encoding_its_first_line_names()
    {
        // "é" in ISO8859-1 is one byte, 0xE9: read as UTF-8 it would not be a letter of the patterns.
        byte[] latin1 = [.. "ISO8859-1\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n"u8, .. new byte[] { (byte)'1', 0xE9, (byte)'1' }, .. "\na\nb\nc\n"u8];
        var patterns = Hyphenator.Read(new MemoryStream(latin1));
        Assert.Equal([3, 4], patterns.Points("abcéabc"));
        Assert.True(patterns.IsLowerLetter('é'));
        // KOI8-R (Debian's Russian patterns): "ж" is 0xD6 there.
        var koi8 = Hyphenator.Read(new MemoryStream([.. "KOI8-R\n"u8, (byte)'1', 0xD6, (byte)'1', (byte)'\n']));
        Assert.True(koi8.IsLowerLetter('ж'));
        var unknown = Assert.Throws<InvalidDataException>(() => Hyphenator.Read(new MemoryStream("EBCDIC-X\n1a1\n"u8.ToArray())));
        Assert.Contains("'EBCDIC-X'", unknown.Message);
    }

    private const string French = "La part des projets ayant au moins une réalisation secondaire hors du domaine de changement de leur réalisation principale " +
                                  "est passée de 49 % à 70 %, et l’articulation entre les activités normatives et opérationnelles d’ONU-Habitat (annexe II, graphique IX) " +
                                  "s’est améliorée, malgré des différences considérables entre les régions dans la mise en œuvre du plan stratégique " +
                                  "et dans les projets relatifs à la réalisation 1.1.";

    [Fact]
    public void Quotes_are_latin_in_english_and_full_width_in_chinese()
    {
        var english = Breaker.Atoms(Inlines.Of("the year’s “plan”"), Serif, "a test");
        Assert.Contains(english, a => a.Kind == AtomKind.Word && a.Text == "year’s" && a.Pieces.All(p => p.Face == Fonts.Latin));
        Assert.DoesNotContain(english, a => a.Kind == AtomKind.Han);
        // In Chinese, a colon before an opening quote is set half-width: no gap between them.
        var chinese = Breaker.Atoms(Inlines.Of("不一：“可持续”"), Song, "a test");
        Assert.Equal(5, chinese.Single(a => a.Text == "：").Width, 6);
    }
}
