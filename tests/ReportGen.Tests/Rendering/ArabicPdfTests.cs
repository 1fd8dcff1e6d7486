using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Charts;
using ReportGen.Document;
using ReportGen.Rendering.Pdf;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Arabic in the PDF: shaped by HarfBuzz (checked against HarfBuzz's own hb-shape), drawn by glyph,
/// read back by pdftotext in logical order, right to left with Latin runs kept in order, on a
/// mirrored page. The language is a made-up right-to-left one ("xa": the English profile set right
/// to left in the Arabic face), added for the test only: the Arabic profile is not this test's.
/// </summary>
public class ArabicPdfTests
{
    private static LanguageProfile RightToLeftish => LanguageProfiles.English with
    {
        Code = "xa", Name = "Right-to-leftish", ReviewName = "Right-to-leftish",
        Tags = new("ar", "ar-SA", "en-US", "zh-CN", "ar-SA", [(WritingScript.Han, "zh-CN")]),
        RightToLeft = true,
        Fonts = new(FontRole.Arabic, FontRole.Arabic, HeadingLatinInHeadingFace: false),
        HyphenationPatterns = null,
        ByDefault = false,
    };

    private const string Symbol = "HSP/EB.2021/19";
    // "The Executive Board took note of document HSP/EB.2021/19 on outcome 3.1 in 2021."
    private const string First = "أحاط المجلس التنفيذي علما بالوثيقة HSP/EB.2021/19 بشأن النتيجة 3.1 في عام 2021.";
    // "UN-Habitat supported 41% of the projects (outcome 2.2) with the Government of Kenya."
    private const string Second = "ودعم برنامج الأمم المتحدة للمستوطنات البشرية (UN-Habitat) نسبة 41% من المشاريع (النتيجة 2.2) مع حكومة كينيا.";

    private static Doc Document()
    {
        var star = new Footnote("*", Inlines.Of("HSP/EB.2021/12."));
        var note = new Footnote(null, Inlines.Of("انظر الوثيقة HSP/EB.2021/12."));
        var masthead = new Masthead(Symbol, "Distr.: General", "4 October 2021", "Arabic", "Original: English",
            "المجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات البشرية", "الدورة الثانية لعام 2021", "نيروبي، 15 و16 تشرين الثاني/نوفمبر 2021",
            "البند 6 من جدول الأعمال المؤقت", "", star, "تنفيذ الخطة الاستراتيجية", "تقرير موجز",
            "تقرير المديرة التنفيذية", [], "الأمم المتحدة", Symbol) { Date = new DateOnly(2021, 10, 4) };
        var body = new List<Block>
        {
            new Heading(1, "أولا -", Inlines.Of("مقدمة")),
            new Paragraph(true, [new Text(First), new FootnoteRef(note)]),
            new Paragraph(true, Inlines.Of(Second)),
            new SubItems(1, [new SubItem([new Paragraph(false, Inlines.Of("المدن والمستوطنات البشرية؛"))])]),
            new Table([[new TableCell(Inlines.Of("النتيجة")), new TableCell(Inlines.Of("المشاريع"))]],
                [[new TableCell(Inlines.Of("1.1")), new TableCell(Inlines.Of("88"), Alignment.Right)]], [2, 1]),
        };
        return new Doc(masthead, body, "xa");
    }

    private static (byte[] Pdf, int Pages) Write()
    {
        using var _ = LanguageProfiles.Add(RightToLeftish);
        return PdfWriter.Write(Document());
    }

    private static TrueTypeFace Arabic => FontSet.Load().Arabic!;

    [SkippableTheory]
    [InlineData("السلام")]
    [InlineData("المستوطنات البشرية")]
    [InlineData("لا")]
    [InlineData("جُمعت")]
    [InlineData("تحقَّق")]
    public void Words_are_shaped_as_harfbuzz_shapes_them(string text)
    {
        ExternalTool.Require("hb-shape", "libharfbuzz-bin");
        var start = new ProcessStartInfo("hb-shape", ["--no-glyph-names", Repo.Path("fonts", "NotoNaskhArabic-Regular.ttf"), text]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        // [482=5+489|1565=4+0|...]: glyph=cluster+advance (font units), with @x,y offsets when not zero.
        var expected = Regex.Matches(output, @"(\d+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+)")
            .Select(m => (Glyph: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Cluster: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                Advance: int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture))).ToList();
        var run = Shaper.Shape(Arabic, text, rightToLeft: true);
        Assert.Equal(expected, run.Glyphs.Select(g => (Glyph: (int)g.Glyph, g.Cluster, Advance: (int)Math.Round(g.Advance * Arabic.UnitsPerEm))).ToList());
    }

    [Fact]
    public void Letters_join_and_lam_alif_is_one_glyph()
    {
        // Each letter of a word takes its joining form, not the isolated one it has alone.
        var word = Shaper.Shape(Arabic, "سلم", rightToLeft: true);
        var alone = "سلم".Select(c => Shaper.Shape(Arabic, c.ToString(), rightToLeft: true).Glyphs.Single().Glyph).ToList();
        Assert.Equal(3, word.Glyphs.Count);
        Assert.All(word.Glyphs, g => Assert.NotEqual(alone[g.Cluster], g.Glyph));
        // Visual order: the first letter (cluster 0) is drawn rightmost.
        Assert.Equal([2, 1, 0], word.Glyphs.Select(g => g.Cluster));
        var lamAlif = Shaper.Shape(Arabic, "لا", rightToLeft: true);
        // Noto Naskh sets lām-alif as one ligature glyph, followed by an empty glyph (no advance) for the alif.
        var drawn = lamAlif.Glyphs.Where(g => g.Advance > 0).ToList();
        Assert.Single(drawn);
        Assert.DoesNotContain(drawn[0].Glyph, "لا".Select(c => Shaper.Shape(Arabic, c.ToString(), rightToLeft: true).Glyphs.Single().Glyph));
        Assert.Equal("لا", string.Concat(lamAlif.GlyphTexts().Select(t => t.Text).Reverse()));
    }

    /// <summary>pdftotext's text without the embedding marks (U+202A–202C) it puts around the runs it reorders.</summary>
    private static string Extracted(byte[] pdf, params string[] options) => Regex.Replace(Poppler.PdfToText(pdf, options), "[\u202A-\u202C]", "");

    [SkippableFact]
    public void Pdftotext_reads_the_arabic_text_in_logical_order()
    {
        var (pdf, _) = Write();
        string flat = Regex.Replace(Extracted(pdf), @"[ \t]+", " ");
        // Right-to-left lines come back in reading order: each glyph maps to the letters it was
        // shaped from (joining forms and the lam-alif ligature to plain letters).
        Assert.Contains("المجلس التنفيذي لبرنامج الأمم المتحدة للمستوطنات", flat);
        Assert.Contains("الدورة الثانية لعام 2021", flat);
        Assert.Contains("أحاط المجلس التنفيذي علما بالوثيقة", flat);
        Assert.Contains("بشأن النتيجة", flat);
        Assert.Contains("المدن والمستوطنات البشرية؛", flat);
        Assert.Contains("تنفيذ الخطة الاستراتيجية", flat);
        Assert.Contains("HSP/EB.2021/19", flat);
        Assert.Contains("UN-Habitat", flat);
        Assert.Contains("Original: English", flat);
        Assert.Contains("4 October 2021", flat); // an English line of a right-to-left document stays left to right
    }

    /// <summary>
    /// The order the words are drawn in, right to left, checked by their boxes (pdftotext -bbox):
    /// what the reader sees, whatever order a text extractor puts them back in.
    /// </summary>
    [SkippableFact]
    public void Words_are_drawn_right_to_left_with_latin_runs_kept_in_their_place()
    {
        var (pdf, _) = Write();
        var words = Words(pdf);
        var line = words.Where(w => Math.Abs(w.Y - words.First(v => v.Text == "أحاط").Y) < 2).OrderByDescending(w => w.XMax).Select(w => w.Text).ToList();
        // From the right: the sentence in its logical order, the symbol, code and year inside it as they are written.
        // The label "1." (this profile's ParagraphNumber) has no letter: it takes the document's direction, its stop at the left of the 1.
        Assert.Equal([".1", "أحاط", "المجلس", "التنفيذي", "علما", "بالوثيقة", "HSP/EB.2021/19", "بشأن", "النتيجة", "3.1", "في", "عام"], line.Take(12));
        var second = words.Where(w => Math.Abs(w.Y - words.First(v => v.Text == "ودعم").Y) < 2).OrderByDescending(w => w.XMax).Select(w => w.Text).ToList();
        int name = second.FindIndex(t => t.Contains("UN-Habitat", StringComparison.Ordinal)), after = second.IndexOf("نسبة");
        Assert.True(name >= 0 && after == name + 1, string.Join(" | ", second));
    }

    private static List<(double XMin, double XMax, double Y, string Text)> Words(byte[] pdf) => WordsOf(Extracted(pdf, "-bbox"));

    private static List<(double XMin, double XMax, double Y, string Text)> WordsOf(string bbox) =>
        Regex.Matches(bbox, @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Logical(System.Net.WebUtility.HtmlDecode(m.Groups[5].Value)))).ToList();

    /// <summary>A word as -bbox gives it: an Arabic word's characters in the order they are drawn (left to right), put back in reading order.</summary>
    private static string Logical(string word) => word.Any(c => Script.IsArabic(c)) && !word.Any(char.IsAsciiLetterOrDigit) ? new string(word.Reverse().ToArray()) : word;

    [SkippableFact]
    public void The_page_is_mirrored_text_to_the_right_margin_numbers_and_labels_on_the_right()
    {
        var (pdf, _) = Write();
        var words = Words(pdf);
        double rightMargin = PageDesign.PageWidth - PageDesign.Left, bodyRight = PageDesign.PageWidth - PageDesign.BodyLeft;
        // The paragraph number stands right of the paragraph's first line, at the body's right edge.
        var number = words.First(w => w.Text == ".1"); // "1." drawn right to left, as the document runs
        Assert.InRange(number.XMax, bodyRight - 20, bodyRight + 1);
        var firstLine = words.Where(w => Math.Abs(w.Y - number.Y) < 2 && w.Text != ".1").ToList();
        Assert.NotEmpty(firstLine);
        Assert.All(firstLine, w => Assert.True(w.XMax < number.XMin, $"'{w.Text}' ends at {w.XMax}, right of the number at {number.XMin}"));
        // The running symbol of the masthead is at the left (mirrored from the right), "United Nations" at the right.
        var symbol = words.First(w => w.Text.StartsWith(Symbol, StringComparison.Ordinal));
        Assert.InRange(symbol.XMin, PageDesign.Left - 1, PageDesign.Left + 5);
        var un = words.Where(w => w.Text == "الأمم").MinBy(w => w.Y);
        Assert.InRange(un.XMax, rightMargin - 5, rightMargin + 1);
        // The table's first column is on the right: "1.1" right of "88".
        var code = words.First(w => w.Text == "1.1");
        var count = words.First(w => w.Text == "88");
        Assert.True(code.XMin > count.XMax, $"1.1 at {code.XMin}, 88 ends at {count.XMax}");
    }

    /// <summary>
    /// A paragraph's direction is its document's (UAX #9 rule HL1), decided by block, not by a line's first
    /// strong letter: in a right-to-left document a paragraph, footnote or table cell written only in Latin
    /// letters is right to left, its full stop at its left end and its text flush right; a masthead line the
    /// edition keeps in another language (the date, in English) keeps that language's direction, starts at the
    /// left margin and is tagged with its language. Read back by position (pdftotext -bbox).
    /// </summary>
    [SkippableFact]
    public void A_paragraph_takes_the_documents_direction_unless_its_block_is_in_another_language()
    {
        var doc = Document();
        doc = doc with
        {
            Body = [.. doc.Body, new Paragraph(true, Inlines.Of("See HSP/EB.2021/12.")),
                new Table([[new TableCell(Inlines.Of("النتيجة"))]], [[new TableCell(Inlines.Of("RISE UP."))]], [1])],
        };
        byte[] pdf;
        using (LanguageProfiles.Add(RightToLeftish)) pdf = PdfWriter.Write(doc).Bytes;
        var words = Words(pdf);
        double bodyRight = PageDesign.PageWidth - PageDesign.BodyLeft;

        // The body paragraph in Latin letters: its label ".3" at the right, the sentence flush right beside it, the full stop at its left end.
        var label = words.Single(w => w.Text == ".3");
        var line = words.Where(w => Math.Abs(w.Y - label.Y) < 2 && w.Text != ".3").OrderBy(w => w.XMin).ToList();
        Assert.Equal([".See", "HSP/EB.2021/12"], line.Select(w => w.Text));
        Assert.InRange(label.XMax, bodyRight - 20, bodyRight + 1);
        // Its first line starts where an Arabic paragraph's does: at the right, after the label.
        Assert.Equal(words.First(w => w.Text == "أحاط").XMax, line[^1].XMax, 0);

        // The footnote of the title ("*"), in Latin letters only: its full stop at the left.
        Assert.Contains(words, w => w.Text == ".HSP/EB.2021/12");
        Assert.DoesNotContain(words, w => w.Text == "HSP/EB.2021/12.");
        // A table cell: "RISE UP." reads ".RISE UP" from the left, its first word at the cell's right.
        var rise = words.Single(w => w.Text.Contains("RISE", StringComparison.Ordinal));
        var up = words.Single(w => w.Text.Contains("UP", StringComparison.Ordinal));
        Assert.Equal((".RISE", "UP"), (rise.Text, up.Text));
        Assert.True(rise.XMax < up.XMin);

        // The masthead's date is kept in English: left to right, from the left margin.
        var date = words.Where(w => w.Text is "4" or "October" && w.Y < 200).OrderBy(w => w.XMin).ToList();
        Assert.Equal(["4", "October"], date.Select(w => w.Text));
        Assert.InRange(date[0].XMin, PageDesign.Left - 1, PageDesign.Left + 1);
        Assert.Equal(date[0].Y, date[1].Y, 1);
        // ... and tagged as English in the structure (its paragraph's /Lang).
        using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var tagged = new List<(string Role, string Lang)>();
        void Walk(PdfSharp.Pdf.PdfItem? item)
        {
            if (item is PdfSharp.Pdf.Advanced.PdfReference r) item = r.Value;
            if (item is PdfSharp.Pdf.PdfArray array) { foreach (var kid in array.Elements) Walk(kid); return; }
            if (item is not PdfSharp.Pdf.PdfDictionary d || d.Elements.GetName("/Type") is "/MCR" or "/OBJR") return;
            if (d.Elements.ContainsKey("/Lang")) tagged.Add((d.Elements.GetName("/S"), d.Elements.GetString("/Lang")));
            Walk(d.Elements["/K"]);
        }
        Walk(read.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!.Elements["/K"]);
        Assert.Contains(("/P", "en"), tagged);
    }

    /// <summary>
    /// A right-to-left language's charts are mirrored, as the UN's Arabic documents draw them: the
    /// first category at the right, the value axis and its labels at the right of the plot (in the
    /// right indent of the mirrored page), read back from the PDF's words. The profile's
    /// <c>RightToLeft</c> decides it: the chart code knows no language.
    /// </summary>
    [SkippableFact]
    public void Charts_are_mirrored_first_category_and_value_axis_at_the_right()
    {
        static List<(double XMin, double XMax, double Y, string Text)> ChartWords(string language)
        {
            using var _ = LanguageProfiles.Add(RightToLeftish);
            var doc = Tests.Document.SmallDocument.Build(withSecondChart: false) with { Language = language };
            // The chart's own words: on its page (the one with its headline), from its value title down to its category title.
            string page = Extracted(PdfWriter.Write(doc).Bytes, "-bbox").Split("<page ").Single(p => p.Contains(">Total<", StringComparison.Ordinal));
            var words = WordsOf(page);
            double top = words.First(w => w.Text == "projects:").Y, bottom = words.First(w => w.Text == "Outcome").Y;
            return [.. words.Where(w => w.Y > top + 2 && w.Y < bottom - 2)];
        }
        var ltr = ChartWords("en");
        var rtl = ChartWords("xa");
        (double XMin, double XMax) Find(List<(double XMin, double XMax, double Y, string Text)> words, string text) =>
            words.Where(w => w.Text == text).Select(w => (w.XMin, w.XMax)).First();

        // Categories: 1.1 left of 1.2 in English, right of it when mirrored, each at the mirror of its place.
        Assert.True(Find(ltr, "1.1").XMax < Find(ltr, "1.2").XMin);
        Assert.True(Find(rtl, "1.1").XMin > Find(rtl, "1.2").XMax);
        Assert.Equal(PageDesign.PageWidth - Find(ltr, "1.1").XMax, Find(rtl, "1.1").XMin, 0);
        // Value labels: ending the tick gap before the body's left edge in English; starting the tick gap after the body's right edge when mirrored.
        var labels = new[] { "0", "2", "4", "6" };
        double bodyRight = PageDesign.PageWidth - PageDesign.BodyLeft;
        foreach (string label in labels)
        {
            Assert.Equal(PageDesign.BodyLeft - ChartFrame.TickGap, Find(ltr, label).XMax, 0);
            Assert.Equal(bodyRight + ChartFrame.TickGap, Find(rtl, label).XMin, 0);
        }
    }

    /// <summary>
    /// Words that carry a mark (damma, shadda, tanwin, fatha, kasra): HarfBuzz gives the mark its own
    /// glyph, drawn before its letter (visual order); each glyph maps to its own characters, so the
    /// extracted word is the logical one, not the letter doubled or the mark first (issue 28, E).
    /// </summary>
    [SkippableTheory]
    [InlineData("جُمعت")]   // damma on the first letter
    [InlineData("مُول")]    // damma, initial form
    [InlineData("سُجل")]
    [InlineData("حُللت")]
    [InlineData("صُممت")]
    [InlineData("ويقيّم")]  // shadda inside the word
    [InlineData("أمثلةً")]  // tanwin on the last letter
    [InlineData("تحقَّق")]  // shadda and fatha on one letter
    [InlineData("مدينةٍ")]  // kasratan
    public void Pdftotext_reads_vocalized_words_in_logical_order(string word)
    {
        var doc = Document();
        // The word between two plain ones, so that other words' uses of the same glyphs come first.
        doc = doc with { Body = [new Paragraph(true, Inlines.Of("جمعت مول سجل حللت صممت يقيم أمثلة تحقق مدينة " + word + " في عام 2021."))] };
        using var _ = LanguageProfiles.Add(RightToLeftish);
        var (pdf, _) = PdfWriter.Write(doc);
        string text = Extracted(pdf);
        Assert.True(Regex.Split(text, @"\s+").Contains(word), $"'{word}' not in: {text[..Math.Min(text.Length, 400)]}");
    }

    [Fact]
    public void The_arabic_face_is_embedded_whole_with_a_tounicode_map_and_the_same_bytes_every_time()
    {
        var (a, _) = Write();
        var (b, _) = Write();
        Assert.True(a.AsSpan().SequenceEqual(b), "two builds of the same Arabic document differ");
        string pdf = System.Text.Encoding.Latin1.GetString(a);
        Assert.Contains("/CIDFontType2", pdf);
        Assert.Contains("/BaseFont/NotoNaskhArabicRegular", pdf.Replace(" /", "/"));
        Assert.Contains("/ToUnicode", pdf);
    }
}
