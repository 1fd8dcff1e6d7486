using System.Globalization;
using HandlebarsDotNet;
using HandlebarsDotNet.PathStructure;

namespace ReportGen.Templating;

/// <summary>
/// The helpers templates may call. Formatting follows the language (<see cref="Formatter"/>);
/// lookups turn codes into names in the document's language. Sentences follow the data through
/// findings (<c>eq findings.trends.integrated_share.latest.direction "rose"</c>), never through
/// comparisons of figures: there are no <c>gt</c>, <c>lt</c> or arithmetic helpers, so every
/// judgement is made once, in Analysis, for both languages. Anything a template passes wrongly is
/// a <see cref="TemplateException"/> naming the helper.
/// </summary>
internal sealed class Helpers(Formatter format, IReadOnlyDictionary<string, object?> context, Func<string, string> word, TraceLog trace)
{
    public static readonly IReadOnlyList<string> Names =
    [
        "num", "num_start", "fig", "year_of", "pct", "pctsign", "usd", "date", "dates", "list", "outcome_title", "outcome_short",
        "domain_title", "region_name", "region_of", "flagship_name", "word", "flagship", "profile", "outcome_trend", "domain_trend", "integration", "eq", "ne",
        "and", "or", "not", "has", "len", "take", "ordinal", "status_word", "measure", "join", "chart", "chart_ref", "plural", "counted",
    ];

    /// <summary>Written between the items of a <c>join</c> block, and before its last item; the language's words replace them (<see cref="Formatter.ResolveJoins"/>).</summary>
    public const char JoinSeparator = '\uE003', JoinLast = '\uE004';

    /// <summary>Written around a whole <c>join</c> block, so the language can see all its items (English sets off items that hold "and" with commas).</summary>
    public const char JoinOpen = '\uE00B', JoinClose = '\uE00C';

    public void Register(IHandlebars env)
    {
        Return(env, "num", a => format.Count(Number(a, 0, "num")));
        Return(env, "num_start", a => format.CountAtSentenceStart(Number(a, 0, "num_start"))); // helper names ignore case: not "Num"
        // A figure that does not exist (null: no data) shows as a dash, never as nothing.
        Return(env, "fig", a => IsNull(a) ? "–" : format.Figure(Number(a, 0, "fig"), a.Length > 1 ? (int)Number(a, 1, "fig") : 0));
        Return(env, "pct", a => IsNull(a) ? "–" : format.Percent(Number(a, 0, "pct"), a.Length > 1 ? (int)Number(a, 1, "pct") : 0));
        Return(env, "pctsign", a => IsNull(a) ? "–" : format.PercentSign(Number(a, 0, "pctsign"), a.Length > 1 ? (int)Number(a, 1, "pctsign") : 0));
        Return(env, "has", a => Normal(Arg(a, 0, "has")) is not null);
        Return(env, "usd", a => format.Usd(Number(a, 0, "usd")));
        // Dates of the data (Day) are traced as figures are: a year to its date ("doc.session_start.year"), a range to both ends ("doc.session_start…doc.session_end").
        Return(env, "year_of", a => Dated(a, 1, Date(a, 0, "year_of").Year, Date(a, 0, "year_of").Year.ToString(CultureInfo.InvariantCulture), "year_of", YearSuffix));
        Return(env, "date", a => Dated(a, 1, Day.Number(Date(a, 0, "date")), format.Date(Date(a, 0, "date")), "date"));
        Return(env, "dates", a => Dated(a, 2, Day.Number(Date(a, 0, "dates")), format.DateRange(Date(a, 0, "dates"), Date(a, 1, "dates")), "dates"));
        Return(env, "list", a =>
        {
            if (a.Length == 1 && a[0] is TrackedList printed)
            {
                printed.Log.Printed(printed);
                // Items that are data and read as numbers (outcome codes "1.3, 2.2 and 4.3") are traced, each to its place in the list.
                return format.List(Strings(a, "list").Select((item, i) => double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                    ? trace.Mark(new Fig(value, $"{printed.Path}[{i}]"), item, "list") : item).ToList());
            }
            return format.List(Strings(a, "list"));
        });
        // Lookup helpers have names no data field has: Handlebars prefers a helper to a field of the same name.
        Return(env, "outcome_title", a => Named("outcomes", "code", "title", Text(a, 0, "outcome_title"), "outcome_title"));
        Return(env, "outcome_short", a => Named("outcomes", "code", "short", Text(a, 0, "outcome_short"), "outcome_short"));
        Return(env, "domain_title", a => Named("domains", "code", "title", Text(a, 0, "domain_title"), "domain_title"));
        Return(env, "region_name", a => Named("regions", "code", "name", Text(a, 0, "region_name"), "region_name"));
        Return(env, "region_of", a => Named("regions", "code", "of", Text(a, 0, "region_of"), "region_of"));
        Return(env, "flagship_name", a => Named("flagships", "code", "name", Text(a, 0, "flagship_name"), "flagship_name"));
        Return(env, "word", a => word(Text(a, 0, "word")));
        Return(env, "profile", a => Profile(Text(a, 0, "profile"), a.Length > 1 ? (int)Number(a, 1, "profile") : 0));
        // The figures of a flagship programme, by code (or the first code of a ranking, whose ties share the value).
        Return(env, "flagship", a =>
        {
            string code = Normal(Arg(a, 0, "flagship")) is List<object?> codes && codes.Count > 0 ? Text([codes[0]], 0, "flagship") : Text(a, 0, "flagship");
            return ((List<object?>)context["flagships"]!).Cast<TrackedMap>().FirstOrDefault(f => (string)f.Peek("code")! == code)
                   ?? throw new TemplateException($"'flagship': no flagship programme '{code}'", "flagship");
        });
        Return(env, "outcome_trend", a => Find("outcome_trends", r => (string)r.Peek("outcome")! == Text(a, 0, "outcome_trend"), "outcome_trend", $"outcome {Text(a, 0, "outcome_trend")}"));
        Return(env, "domain_trend", a => Find("domain_trends", r => TemplateContext.Num(r.Peek("domain")) == Number(a, 0, "domain_trend"), "domain_trend", $"domain {Text(a, 0, "domain_trend")}"));
        Return(env, "integration", a => Find("domain_integration", r => TemplateContext.Num(r.Peek("year")) == Number(a, 0, "integration") && TemplateContext.Num(r.Peek("domain")) == Number(a, 1, "integration"),
            "integration", $"year {Text(a, 0, "integration")}, domain {Text(a, 1, "integration")}"));
        Return(env, "eq", a => Equals(Normal(Arg(a, 0, "eq")), Normal(Arg(a, 1, "eq"))));
        Return(env, "ne", a => !Equals(Normal(Arg(a, 0, "ne")), Normal(Arg(a, 1, "ne"))));
        Return(env, "ordinal", a => format.Ordinal((int)Number(a, 0, "ordinal")));
        // {{plural n "проект" "проекта" "проектов"}}: the form of the noun that agrees with n, by the language's plural rule (Typesetting.Plurals).
        Return(env, "plural", a =>
        {
            var rule = ReportGen.Typesetting.LanguageProfiles.For(format.Language).Plural;
            var forms = ReportGen.Typesetting.Plurals.Forms(rule);
            string example = string.Join(" ", forms.Select(c => $"\"{c.ToString().ToLowerInvariant()}\""));
            if (a.Length != forms.Length + 1)
                throw new TemplateException($"'plural' needs a number and {forms.Length} form{(forms.Length == 1 ? "" : "s")} of the noun in this language ({string.Join(", ", forms.Select(c => c.ToString().ToLowerInvariant()))}), as in {{{{plural n {example}}}}}", "plural");
            return format.Plural(Number(a, 0, "plural"), a.Skip(1).Select((_, i) => Text(a, i + 1, "plural")).ToList());
        });
        // {{counted n "نتيجة" "نتيجتين" "نتائج" "نتيجة" gender="f"}}: the count and its noun agreeing (Arabic: "ثلاث نتائج", "20 مشروعا");
        // definite=true: the forms definite and the number their adjective ("مجالات التغيير الأربعة"); case="gen" or "acc" where the adjective declines ("الاثنتي عشرة").
        Return(env, "counted", (a, hash) =>
        {
            a = a.Where(v => v is not IDictionary<string, object>).ToArray(); // the named arguments come as a last argument too
            if (a.Length != 5)
                throw new TemplateException("'counted' needs a number and 4 forms of the noun (singular, dual, plural, accusative singular), as in {{counted n \"نتيجة\" \"نتيجتين\" \"نتائج\" \"نتيجة\" gender=\"f\"}}", "counted");
            string gender = hash.TryGetValue("gender", out var g) ? Convert.ToString(Normal(g), CultureInfo.InvariantCulture) ?? "" : "";
            if (gender is not ("m" or "f"))
                throw new TemplateException($"'counted' needs the noun's gender: gender=\"m\" or gender=\"f\"{(gender.Length > 0 ? $", not '{gender}'" : "")}", "counted");
            bool definite = hash.TryGetValue("definite", out var d) && Truthy(d);
            string grammaticalCase = hash.TryGetValue("case", out var c) ? Convert.ToString(Normal(c), CultureInfo.InvariantCulture) ?? "" : "nom";
            if (grammaticalCase is not ("nom" or "acc" or "gen"))
                throw new TemplateException($"'counted': case is \"nom\", \"acc\" or \"gen\", not '{grammaticalCase}'", "counted");
            try
            {
                return format.Counted(Number(a, 0, "counted"), a.Skip(1).Select((_, i) => Text(a, i + 1, "counted")).ToList(), gender == "f", definite, grammaticalCase == "nom",
                    hash.TryGetValue("prefix", out var p) ? Convert.ToString(Normal(p), CultureInfo.InvariantCulture) ?? "" : "");
            }
            catch (NotSupportedException e)
            {
                throw new TemplateException($"'counted': {e.Message}", "counted");
            }
        });
        Return(env, "and", a => a.All(Truthy));
        Return(env, "or", a => a.Any(Truthy));
        Return(env, "not", a => !Truthy(Arg(a, 0, "not")));
        Return(env, "len", a => (double)List(a, 0, "len").Count);
        Return(env, "take", a => List(a, 0, "take").Take((int)Number(a, 1, "take")).ToList());
        Return(env, "status_word", a => word("status_" + Text(a, 0, "status_word")));
        Return(env, "measure", a => Normal(Arg(a, 0, "measure")) is null ? "–" : format.Measure(Number(a, 0, "measure"), a.Length > 1 ? Text(a, 1, "measure") : "number"));
        // {{#join LIST}}…{{/join}}: the block for each item, joined as the language joins a list ("a, b and c" / "a、b 和 c").
        env.RegisterHelper("join", new HandlebarsBlockHelper((EncodedTextWriter output, BlockHelperOptions options, Context _, Arguments arguments) =>
        {
            if (arguments.Length != 1) throw new TemplateException("'join' needs one list, as in {{#join review.years}}…{{/join}}", "join");
            var items = List([arguments[0]], 0, "join");
            if (arguments[0] is TrackedList printed) printed.Log.Printed(printed);
            if (items.Count == 0) return;
            output.Write(JoinOpen);
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) output.Write(i == items.Count - 1 ? JoinLast : JoinSeparator);
                options.Template(output, items[i]);
            }
            output.Write(JoinClose);
        }));
    }

    /// <summary>Helpers that print a number: what they print from a figure is traced to it, words included ("five", "second", 第二).</summary>
    private static readonly HashSet<string> Traced = ["counted", "num", "num_start", "fig", "pct", "pctsign", "usd", "measure", "ordinal"];

    /// <summary>Helpers whose output may be a traced figure (the traced ones, lists of codes, dates of the data).</summary>
    internal static readonly HashSet<string> Printing = [.. Traced, "list", "year_of", "date", "dates"];

    private void Return(IHandlebars env, string name, Func<object?[], object?> body) => Return(env, name, (a, _) => body(a));

    /// <summary>A helper that also reads its named arguments (gender="f").</summary>
    private void Return(IHandlebars env, string name, Func<object?[], IReadOnlyDictionary<string, object?>, object?> body) =>
        env.RegisterHelper(name, new HandlebarsReturnHelper((Context _, Arguments arguments) =>
        {
            var values = new object?[arguments.Length];
            for (int i = 0; i < arguments.Length; i++) values[i] = arguments[i];
            var hash = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in arguments.Hash) hash[pair.Key] = pair.Value;
            try
            {
                object? result = body(values, hash);
                return Traced.Contains(name) && values.Length > 0 && values[0] is Fig figure && result is string text ? trace.Mark(figure, text, name) : result;
            }
            catch (TemplateException e) when (e.Helper is null)
            {
                throw new TemplateException(e.Message, name);
            }
        }));

    /// <summary>What a date helper prints, traced when its first <paramref name="count"/> arguments are dates of the data.</summary>
    private string Dated(object?[] a, int count, double value, string text, string helper, string suffix = "")
    {
        var days = a.Take(count).OfType<Day>().ToList();
        return days.Count == count ? trace.Mark(new Fig(value, string.Join(DateRangeSeparator, days.Select(d => d.Path)) + suffix), text, helper) : text;
    }

    /// <summary>After the path of a date whose year alone is printed: "doc.session_start.year".</summary>
    public const string YearSuffix = ".year";

    /// <summary>Between the two paths of a traced date range: "doc.session_start…doc.session_end".</summary>
    public const string DateRangeSeparator = "…";

    private static bool IsNull(object?[] a) => a.Length > 0 && Normal(a[0]) is null;

    private static object? Arg(object?[] a, int i, string helper) =>
        i < a.Length ? a[i] : throw new TemplateException($"'{helper}' needs {i + 1} argument{(i == 0 ? "" : "s")}", helper);

    private static object? Normal(object? value) => value switch
    {
        Fig f => f.Value,
        Day d => d.Value,
        int or long or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        UndefinedBindingResult => null,
        _ => value,
    };

    private static bool Truthy(object? value) => Normal(value) switch
    {
        null => false,
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0,
        System.Collections.IEnumerable e => e.GetEnumerator().MoveNext(),
        _ => true,
    };

    private static double Number(object?[] a, int i, string helper) => Normal(Arg(a, i, helper)) switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        null => throw new TemplateException($"'{helper}' got no value (null) as argument {i + 1}", helper),
        var other => throw new TemplateException($"'{helper}' needs a number as argument {i + 1}, not '{other}'", helper),
    };

    private static string Text(object?[] a, int i, string helper) => Normal(Arg(a, i, helper)) switch
    {
        null => throw new TemplateException($"'{helper}' got no value (null) as argument {i + 1}", helper),
        double d => d.ToString(CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
    };

    private static DateOnly Date(object?[] a, int i, string helper) => Arg(a, i, helper) switch
    {
        DateOnly d => d,
        Day d => d.Value,
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        var other => throw new TemplateException($"'{helper}' needs a date as argument {i + 1}, not '{other}'", helper),
    };

    private static List<object?> List(object?[] a, int i, string helper) => Arg(a, i, helper) switch
    {
        List<object?> list => list,
        System.Collections.IEnumerable e and not string => e.Cast<object?>().ToList(),
        var other => throw new TemplateException($"'{helper}' needs a list as argument {i + 1}, not '{other}'", helper),
    };

    /// <summary>The items to join: a list argument, or the arguments themselves ("list a b c").</summary>
    private static List<string> Strings(object?[] a, string helper)
    {
        var items = a.Length == 1 && a[0] is System.Collections.IEnumerable e and not string ? e.Cast<object?>() : a;
        return items.Select(x => Normal(x) switch
        {
            double d => d.ToString(CultureInfo.InvariantCulture),
            null => throw new TemplateException($"'{helper}' got a null item", helper),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
        }).ToList();
    }

    private string Named(string table, string key, string field, string code, string helper)
    {
        var rows = (List<object?>)((Dictionary<string, object?>)context["plan"]!)[table]!;
        foreach (var row in rows.Cast<Dictionary<string, object?>>())
            if (Text([row[key]], 0, helper) == code) return (string)row[field]!;
        throw new TemplateException($"'{helper}': no {table[..^1]} '{code}'", helper);
    }

    private TrackedMap Profile(string outcome, int year) =>
        Find("link_profiles", r => (string)r.Peek("outcome")! == outcome && TemplateContext.Num(r.Peek("year")) == year, "profile",
            year == 0 ? $"outcome {outcome}" : $"outcome {outcome} in {year}");

    private TrackedMap Find(string list, Func<TrackedMap, bool> match, string helper, string what)
    {
        var findings = (TrackedMap)context["findings"]!;
        return ((List<object?>)findings.Peek(list)!).Cast<TrackedMap>().FirstOrDefault(match)
               ?? throw new TemplateException($"'{helper}': no figures for {what}", helper);
    }
}
