using System.Text;

namespace ReportGen.Templating;

/// <summary>
/// A place in a template the typed-number check follows into the text it produces: a number the
/// template writes itself (<see cref="Number"/>), or a mustache that prints a figure
/// (<see cref="Expression"/>, "{{pct findings.reporting_year_funded_share}}").
/// </summary>
public sealed class TemplateSite(int offset, NumberToken? number, string? expression)
{
    /// <summary>Where it is, in the template text as written.</summary>
    public int Offset { get; } = offset;
    public NumberToken? Number { get; } = number;
    public string? Expression { get; } = expression;
}

/// <summary>A template text with a mark before each of its sites, and the sites.</summary>
public sealed class MarkedTemplate(string text, IReadOnlyList<TemplateSite> sites)
{
    public string Text { get; } = text;
    public IReadOnlyList<TemplateSite> Sites { get; } = sites;
}

/// <summary>
/// Finds the numbers a template types in its own text, so that the languages can be compared
/// on them (<see cref="TypedNumberCheck"/>). Only the template's literal text counts (outside
/// <c>{{ }}</c>, plus the title and subtitle of a <c>chart</c>): whatever a mustache inserts
/// (names, codes, years) is data, not typed. Each number gets a mark before it, carrying which
/// site it is; the marks travel through Handlebars into the text produced, where the composer
/// takes them out and notes where they were (as it does for figures: <see cref="TraceLog"/>).
/// A mark is also put before each mustache that prints a figure, so that a figure printed in a
/// part can be named as the template wrote it.
/// </summary>
/// <remarks>
/// A mark is private-use characters only (U+E007, the site's source and index in private-use
/// digits, U+E008): nothing visible, so the words joining lists and the Chinese spacing, which
/// look past marks (<see cref="Formatter.VisibleNeighbour"/>), see the text as written.
/// </remarks>
public static class TypedNumbers
{
    public const char Open = '\uE007', Close = '\uE008';
    private const char Zero = '\uE010', Separator = '\uE01A';

    /// <summary>
    /// Marks every site of a template text. <paramref name="source"/> tells the texts whose
    /// output mixes apart (0: the template itself, 1…: its partials); the marked text depends on
    /// the text and source alone, so compiled templates can be kept by it.
    /// </summary>
    public static MarkedTemplate Mark(string text, int source)
    {
        var sites = new List<TemplateSite>();
        var marked = new StringBuilder(text.Length + 64);
        int literal = 0, i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 2 < text.Length && text[i + 1] == '{' && text[i + 2] == '{') { i += 3; continue; } // an escaped mustache is text
            if (text[i] != '{' || i + 1 >= text.Length || text[i + 1] != '{') { i++; continue; }
            int end = MustacheEnd(text, i);
            Literal(text, literal, i, source, sites, marked);
            string? helper = HelperOf(text, i, end);
            if (helper is not null && Helpers.Printing.Contains(helper) && !(i + 2 < text.Length && text[i + 2] == '~'))
            {
                // Before the mustache, not inside: a mark at the end of the text before "{{~" would keep "~" from trimming it.
                Append(marked, source, sites.Count);
                sites.Add(new TemplateSite(i, null, text[i..end]));
            }
            if (helper == "chart") ChartWords(text, i, end, source, sites, marked);
            else marked.Append(text, i, end - i);
            literal = i = end;
        }
        Literal(text, literal, text.Length, source, sites, marked);
        return new MarkedTemplate(sites.Count == 0 ? text : marked.ToString(), sites);
    }

    /// <summary>Copies literal text, with a mark before each number in it.</summary>
    private static void Literal(string text, int from, int to, int source, List<TemplateSite> sites, StringBuilder marked)
    {
        if (to <= from) return;
        int copied = from;
        foreach (var number in NumberText.Find(text, from, to))
        {
            marked.Append(text, copied, number.Start - copied);
            Append(marked, source, sites.Count);
            sites.Add(new TemplateSite(number.Start, number, null));
            copied = number.Start;
        }
        marked.Append(text, copied, to - copied);
    }

    /// <summary>A chart's title and subtitle are its template's words: their numbers are marked inside the quotes.</summary>
    private static void ChartWords(string text, int start, int end, int source, List<TemplateSite> sites, StringBuilder marked)
    {
        int copied = start;
        for (int i = start; i < end; i++)
        {
            if (!(At(text, i, "title=") || At(text, i, "subtitle=")) || !char.IsWhiteSpace(text[i - 1])) continue;
            int quote = text.IndexOf('=', i) + 1;
            if (quote >= end || text[quote] is not ('"' or '\'')) continue;
            int close = text.IndexOf(text[quote], quote + 1);
            if (close < 0 || close >= end) break;
            marked.Append(text, copied, quote + 1 - copied);
            Literal(text, quote + 1, close, source, sites, marked);
            copied = i = close;
        }
        marked.Append(text, copied, end - copied);
    }

    private static bool At(string text, int i, string word) => string.CompareOrdinal(text, i, word, 0, word.Length) == 0;

    /// <summary>Where the mustache starting at <paramref name="start"/> ends (past its "}}"), quotes and comments respected.</summary>
    private static int MustacheEnd(string text, int start)
    {
        if (At(text, start, "{{!--"))
        {
            int close = text.IndexOf("--}}", start + 5, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 4;
        }
        if (At(text, start, "{{{{"))
        {
            // A raw block: its content is not Handlebars, and not the template's words either.
            int closing = text.IndexOf("{{{{/", start + 4, StringComparison.Ordinal);
            int close = closing < 0 ? -1 : text.IndexOf("}}}}", closing, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 4;
        }
        string closer = At(text, start, "{{{") ? "}}}" : "}}";
        char quote = '\0';
        for (int i = start + 2; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (At(text, i, closer)) return i + closer.Length;
        }
        return text.Length;
    }

    /// <summary>The helper a plain mustache calls ("pct" in "{{pct x}}"); null for blocks, partials, comments and else.</summary>
    private static string? HelperOf(string text, int start, int end)
    {
        int i = start + 2;
        while (i < end && (text[i] == '{' || text[i] == '~' || text[i] == ' ')) i++;
        int name = i;
        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
        return i > name && i < end && (char.IsWhiteSpace(text[i]) || text[i] is '}' or '~') ? text[name..i] : null;
    }

    private static void Append(StringBuilder marked, int source, int site)
    {
        marked.Append(Open);
        Digits(marked, source);
        marked.Append(Separator);
        Digits(marked, site);
        marked.Append(Close);
    }

    private static void Digits(StringBuilder s, int n)
    {
        int at = s.Length;
        do { s.Insert(at, (char)(Zero + n % 10)); n /= 10; } while (n > 0);
    }

    /// <summary>
    /// Reads the mark at <paramref name="at"/> (an <see cref="Open"/>): its source and site, and
    /// where the text goes on after it. False for anything else (an <see cref="Open"/> from the data).
    /// </summary>
    public static bool TryRead(string text, int at, out int source, out int site, out int next)
    {
        source = site = 0;
        next = at + 1;
        int i = at + 1, value = 0;
        bool separated = false, any = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= Zero && c < Zero + 10) { value = value * 10 + (c - Zero); any = true; }
            else if (c == Separator && !separated && any) { source = value; value = 0; separated = true; any = false; }
            else if (c == Close && separated && any) { site = value; next = i + 1; return true; }
            else return false;
        }
        return false;
    }

    /// <summary>
    /// A text with its marks taken out (a chart's title, given to the <c>chart</c> helper), the
    /// marks appended to <paramref name="marks"/> to be put back where the chart stands.
    /// </summary>
    public static string Strip(string text, StringBuilder? marks = null)
    {
        if (text.IndexOf(Open) < 0) return text;
        var clean = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length;)
        {
            if (text[i] == Open && TryRead(text, i, out _, out _, out int next))
            {
                marks?.Append(text, i, next - i);
                i = next;
                continue;
            }
            clean.Append(text[i++]);
        }
        return clean.ToString();
    }
}
