using ReportGen.Build;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Typesetting;

namespace ReportGen.Tests.Typesetting;

/// <summary>
/// Counts in Arabic as UN Arabic documents write them (review issue 28, A2): one to ten in words that
/// agree with the noun (one and two after it, three to ten before the plural with the gender
/// reversed), eleven and up in figures with the noun CLDR's Arabic plural rule chooses; the
/// <c>counted</c> helper in the templates, and the sample's Arabic text built with it.
/// </summary>
public class ArabicCountTests
{
    private static readonly string[] Project = ["مشروع", "مشروعان", "مشاريع", "مشروعا"];
    private static readonly string[] Outcome = ["نتيجة", "نتيجتان", "نتائج", "نتيجة"];

    [Fact]
    public void The_arabic_plural_rule_is_cldrs()
    {
        var expected = new (double N, PluralCategory Category)[]
        {
            (0, PluralCategory.Zero), (1, PluralCategory.One), (2, PluralCategory.Two), (3, PluralCategory.Few), (10, PluralCategory.Few),
            (11, PluralCategory.Many), (99, PluralCategory.Many), (100, PluralCategory.Other), (101, PluralCategory.Other), (102, PluralCategory.Other),
            (103, PluralCategory.Few), (111, PluralCategory.Many), (1000, PluralCategory.Other), (1.5, PluralCategory.Other),
        };
        foreach (var (n, category) in expected) Assert.Equal((n, category), (n, Plurals.Of(PluralRule.Arabic, n)));
        Assert.Equal(PluralRule.Arabic, LanguageProfiles.For("ar").Plural);
        // The plural helper takes CLDR's six forms in Arabic.
        Assert.Equal("مشروعا", Formatter.For("ar").Plural(20, ["zero", "one", "two", "few", "مشروعا", "other"]));
    }

    [Fact]
    public void Counts_agree_with_their_noun_for_every_number()
    {
        var ar = Formatter.For("ar");
        var expected = new (double N, string Masculine, string Feminine)[]
        {
            (0, "0 مشروع", "0 نتيجة"),
            (1, "مشروع واحد", "نتيجة واحدة"),
            (2, "مشروعان", "نتيجتان"),
            (3, "ثلاثة مشاريع", "ثلاث نتائج"),
            (8, "ثمانية مشاريع", "ثماني نتائج"),
            (10, "عشرة مشاريع", "عشر نتائج"),
            (11, "11 مشروعا", "11 نتيجة"),
            (20, "20 مشروعا", "20 نتيجة"),
            (99, "99 مشروعا", "99 نتيجة"),
            (100, "100 مشروع", "100 نتيجة"),
            (101, "101 مشروع", "101 نتيجة"),
            (102, "102 مشروع", "102 نتيجة"),
            (103, "103 مشاريع", "103 نتائج"),
            (1000, "1\u00A0000 مشروع", "1\u00A0000 نتيجة"),
        };
        foreach (var (n, masculine, feminine) in expected)
        {
            Assert.Equal((n, masculine), (n, ar.Counted(n, Project, feminine: false)));
            Assert.Equal((n, feminine), (n, ar.Counted(n, Outcome, feminine: true)));
        }
    }

    [Fact]
    public void Definite_counts_follow_their_noun_as_its_adjective()
    {
        var ar = Formatter.For("ar");
        string[] domains = ["مجال التغيير", "مجالي التغيير", "مجالات التغيير", "مجالا"];
        string[] outcomes = ["نتيجة الخطة", "نتيجتي الخطة", "نتائج الخطة", "نتيجة"];
        Assert.Equal("مجالات التغيير الأربعة", ar.Counted(4, domains, false, definite: true));
        Assert.Equal("مجالي التغيير", ar.Counted(2, domains, false, definite: true));
        Assert.Equal("مجال التغيير الوحيد", ar.Counted(1, domains, false, definite: true));
        Assert.Equal("نتائج الخطة الاثنتا عشرة", ar.Counted(12, outcomes, true, definite: true));
        Assert.Equal("نتائج الخطة الاثنتي عشرة", ar.Counted(12, outcomes, true, definite: true, nominative: false));
        Assert.Equal("مجالات التغيير الاثني عشر", ar.Counted(12, domains, false, definite: true, nominative: false));
        Assert.Equal("نتائج الخطة الثلاث", ar.Counted(3, outcomes, true, definite: true));
        Assert.Equal("نتائج الخطة الـ 25", ar.Counted(25, outcomes, true, definite: true));
    }

    [Fact]
    public void A_preposition_joins_a_word_and_stands_apart_from_a_figure()
    {
        var ar = Formatter.For("ar");
        Assert.Equal("بثماني نتائج", ar.Counted(8, Outcome, true, prefix: "ب"));
        Assert.Equal("بنتيجتين", ar.Counted(2, ["نتيجة", "نتيجتين", "نتائج", "نتيجة"], true, prefix: "ب"));
        Assert.Equal("لـ 14 مشروعا", ar.Counted(14, Project, false, prefix: "ل"));
        Assert.Equal(["و 12 نتيجة", "وخمس نتائج"], [ar.Counted(12, Outcome, true, prefix: "و"), ar.Counted(5, Outcome, true, prefix: "و")]);
    }

    [Fact]
    public void Languages_without_count_words_are_told_to_use_num_and_plural()
    {
        var e = Assert.Throws<NotSupportedException>(() => Formatter.For("en").Counted(3, ["a", "b", "c", "d"], false));
        Assert.Contains("plural", e.Message);
    }

    private static readonly Lazy<Dictionary<string, string>> Texts = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "ar"], ["txt"], null))
            .ToDictionary(o => o.FileName, o => System.Text.Encoding.UTF8.GetString(o.Bytes)));

    private static string Text(string name) => System.Text.RegularExpressions.Regex.Replace(Texts.Value[name], @"\s+", " ");

    [Fact]
    public void The_sample_writes_its_counts_as_un_arabic_does()
    {
        string ars = Text("annual-report-summary.ar.txt"), pa = Text("portfolio-analysis.ar.txt");
        Assert.DoesNotContain("عددها", ars + pa);
        // ARS 3, 4, 5, 6, 8 (review A2)
        Assert.Contains("من بين نتائج الخطة الاستراتيجية الاثنتي عشرة (المرفق، الشكل الأول)، حققت ثلاث نتائج أهدافها", ars);
        Assert.Contains("وظل التقدم المحرز في تسع نتائج منها", ars);
        Assert.Contains("صُمم 20 مشروعا", ars);
        Assert.Contains("من بين مجالات نتائج الخطة الاستراتيجية الاثني عشر، كانت ستة مجالات", ars);
        Assert.Contains("البرامج الرائدة الخمسة", ars);
        Assert.Contains("في مجالات التغيير الأربعة كلها", ars);
        // PA 2, 8, 9, 12 (A1.2, A1.3, A2)
        Assert.Contains("أربعة مجالات للتغيير و 12 نتيجة", pa);
        Assert.Contains("خمسة برامج رائدة", pa);
        Assert.Contains("بلغت تسع نتائج أخرى", pa);
        Assert.Contains("في المجالين 3", pa);
        Assert.Contains("لا يقوم على أكثر من مشروعين", pa);
        Assert.Contains("بثماني نتائج أخرى", pa);
        Assert.Contains("نتيجة أخرى واحدة في عام 2020 وثماني نتائج أخرى في عام 2021", pa);
        Assert.Contains("بخمس نتائج أخرى في عام 2020 وبثماني نتائج أخرى في عام 2021", pa);
        Assert.Contains("لـ 14 مشروعا في عام 2020 ولـ 12 مشروعا في عام 2021", pa);
        Assert.Contains("(أداتان)", pa);
    }

    [Fact]
    public void The_sample_reads_as_the_reviewer_asked()
    {
        string ars = Text("annual-report-summary.ar.txt"), pa = Text("portfolio-analysis.ar.txt");
        // A3: ordinals in words, the head noun before a programme's title, the currency spelled out.
        foreach (string part in new[] { "الجزء الأول", "الجزء الثاني", "الجزء الثالث", "الجزء الرابع" }) Assert.Contains(part, ars);
        Assert.DoesNotMatch(@"الجزء \d", ars);
        Assert.Contains("(بدولارات الولايات المتحدة)", ars);
        Assert.DoesNotContain("(بالدولارات)", ars);
        Assert.Contains("حصل برنامج «", pa);
        Assert.Contains("وحصل برنامج «", pa);
        // A1 items 4 to 7 and A3's meaning fixes.
        Assert.Contains("خطط المناطق الحضرية الكبرى والخطط الإقليمية", ars);
        Assert.Contains("ينبغي تكييف الاستجابات", ars);
        Assert.Contains("وهو مجال يمكن فيه تعزيز الروابط", pa);
        Assert.Contains("ولا تدخل في ترتيب المناطق", pa);
        Assert.Contains("ويوجه مواصلة مواءمة الحافظة", pa);
        Assert.Contains("وتسدي المشورة بشأن الكيفية التي يمكن بها للمشروع", pa);
        Assert.Contains("إجراء حوارات", pa);
    }
}
