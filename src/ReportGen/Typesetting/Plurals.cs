using System.Collections.Immutable;

namespace ReportGen.Typesetting;

/// <summary>The CLDR plural categories a noun's form is chosen by (zero and two: Arabic only).</summary>
public enum PluralCategory { One, Few, Many, Other, Zero, Two }

/// <summary>
/// How a language's nouns agree with a number, as the CLDR plural rules (cardinal) state it; each
/// profile names its rule (<see cref="LanguageProfile.Plural"/>). <see cref="Invariable"/>: one
/// form (Chinese). <see cref="OneOther"/>: "1 project", "2 projects" (English: one for 1 only).
/// <see cref="French"/>: one for 0 and 1 ("0 projet", "1,5 projet"), other from 2. <see cref="EastSlavic"/>:
/// Russian (and Ukrainian, Belarusian): one for 1, 21, 31… (not 11), few for 2–4, 22–24… (not 12–14),
/// many for 0, 5–20, 25–30…; other for fractions ("1,5 проекта"), which takes the few form.
/// <see cref="Arabic"/>: zero for 0, one for 1, two for 2, few for 3–10, 103–110… (n % 100), many for
/// 11–99, 111–199… (n % 100), other for 100–102, 200–202… and fractions: "3 نتائج" (plural), "11 نتيجة"
/// / "20 مشروعا" (accusative singular), "100 مشروع" (genitive singular).
/// </summary>
public enum PluralRule { Invariable, OneOther, French, EastSlavic, Arabic }

/// <summary>The one home of the plural rules: a number's category, and the forms a template gives for each rule.</summary>
public static class Plurals
{
    /// <summary>
    /// The categories whose forms a template gives, in order (the <c>plural</c> helper's arguments):
    /// English "project" "projects"; Russian "проект" "проекта" "проектов" (the fractional other takes the second).
    /// </summary>
    public static ImmutableArray<PluralCategory> Forms(PluralRule rule) => rule switch
    {
        PluralRule.Invariable => [PluralCategory.Other],
        PluralRule.OneOther or PluralRule.French => [PluralCategory.One, PluralCategory.Other],
        PluralRule.EastSlavic => [PluralCategory.One, PluralCategory.Few, PluralCategory.Many],
        PluralRule.Arabic => [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>The CLDR category of <paramref name="n"/> (as printed: 1.5 is a fraction, 2.0 a whole number).</summary>
    public static PluralCategory Of(PluralRule rule, double n)
    {
        double a = Math.Abs(n);
        bool whole = a == Math.Floor(a);
        long i = (long)Math.Floor(a);
        return rule switch
        {
            PluralRule.Invariable => PluralCategory.Other,
            PluralRule.OneOther => whole && i == 1 ? PluralCategory.One : PluralCategory.Other,
            PluralRule.French => i is 0 or 1 ? PluralCategory.One : PluralCategory.Other,
            PluralRule.EastSlavic => !whole ? PluralCategory.Other
                : i % 10 == 1 && i % 100 != 11 ? PluralCategory.One
                : i % 10 is >= 2 and <= 4 && i % 100 is not (>= 12 and <= 14) ? PluralCategory.Few
                : PluralCategory.Many,
            PluralRule.Arabic => !whole ? PluralCategory.Other
                : i == 0 ? PluralCategory.Zero
                : i == 1 ? PluralCategory.One
                : i == 2 ? PluralCategory.Two
                : i % 100 is >= 3 and <= 10 ? PluralCategory.Few
                : i % 100 is >= 11 and <= 99 ? PluralCategory.Many
                : PluralCategory.Other,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }

    /// <summary>
    /// The form of <paramref name="forms"/> (given in the order of <see cref="Forms"/>) that agrees with
    /// <paramref name="n"/>; a category without a form of its own (Russian fractions) takes the few form.
    /// </summary>
    public static string Choose(PluralRule rule, double n, IReadOnlyList<string> forms)
    {
        var categories = Forms(rule);
        if (forms.Count != categories.Length)
            throw new ArgumentException($"{categories.Length} form{(categories.Length == 1 ? "" : "s")} ({string.Join(", ", categories.Select(c => c.ToString().ToLowerInvariant()))}) are needed, not {forms.Count}", nameof(forms));
        var category = Of(rule, n);
        int at = categories.IndexOf(category);
        if (at < 0) at = categories.IndexOf(PluralCategory.Few);
        return forms[at < 0 ? categories.Length - 1 : at];
    }
}
