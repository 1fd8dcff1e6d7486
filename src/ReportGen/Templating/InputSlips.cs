using System.Text.RegularExpressions;

namespace ReportGen.Templating;

/// <summary>
/// What a Chinese input method or a word processor's habits put into a template where the
/// template language needs plain ASCII: full-width braces, ＃ headings, ｜ table rows, － list
/// marks, a mistyped annex marker, and inside <c>{{ }}</c> full-width punctuation (＃ ／ （ ） ．
/// ： ， …), the ideographic space and smart quotes. Each is an error at its file:line:col saying
/// what to type instead, because each otherwise prints wrong without a word (the braces print,
/// the heading becomes a numbered paragraph, the chapters renumber) or gets a confusing message
/// from the library ("block never opened" at the end of the line).
/// </summary>
public static partial class InputSlips
{
    public static List<Problem> Check(string file, string source, int lineOffset = 0) => Check(file, source, lineOffset, InTags(source));

    private static List<Problem> Check(string file, string source, int lineOffset, List<Slip> inTags)
    {
        var problems = new List<Problem>();
        int next = 0; // the next slip in or around {{ }}, in order
        var lines = source.Split('\n');
        for (int n = 0, lineStart = 0; n < lines.Length; lineStart += lines[n].Length + 1, n++)
        {
            string line = lines[n];
            void Add(int column, string message) => problems.Add(TemplateError.At(file, n + 1 + lineOffset, column + 1, message));
            int indent = line.Length - line.TrimStart(' ', '\t', '\u3000').Length;
            string start = line[indent..];

            if (start.StartsWith('＃'))
                Add(indent, "'＃' is a full-width hash (from a Chinese input method): a heading starts with the half-width '#' and a space, as in '# 导言'");
            else if (start.StartsWith('－') || start.StartsWith('•') || start.StartsWith('・'))
                Add(indent, $"'{start[0]}' does not start a sub-item: start the line with a half-width '-' and a space, as in '- 第一项'");
            if (start.StartsWith('｜') || (start.StartsWith('|') && line.Contains('｜')))
                Add(line.IndexOf('｜'), "'｜' is a full-width bar (from a Chinese input method): table cells are separated by the half-width '|'");
            if (line.Contains('\u3000') && indent > 0 && line[..indent].Contains('\u3000'))
                Add(line.IndexOf('\u3000'), "a full-width space (U+3000) at the start of a line: use ordinary spaces, or none");
            if (AnnexLike().Match(line) is { Success: true } annex && annex.Value.TrimEnd() != ":::")
            {
                string marker = annex.Groups[1].Value, word = annex.Groups[2].Value;
                if (marker != ":::")
                    Add(annex.Index, $"'{marker}' is not the annex marker: an annex opens with ':::' (three half-width colons) followed by 'annex' and its label, as in '::: annex Annex II', and closes with ':::'");
                else if (word.Length > 0 && word != "annex")
                    Add(annex.Groups[2].Index, $"'::: {word}' is not a block ReportGen knows: did you mean '::: annex'? (as in '::: annex Annex II')");
            }
            for (; next < inTags.Count && inTags[next].Offset <= lineStart + line.Length; next++)
                if (inTags[next].Message is { } message) Add(inTags[next].Offset - lineStart, message);
        }
        return problems;
    }

    /// <summary>
    /// The problems of a template text: its slips, and the linter's. So that each slip is one
    /// problem, not also "'{{/if}}' closes a block that was never opened" or "')' never opened",
    /// the linter reads the text with the slips typed as meant, and what it says on a line that
    /// has a slip is left out (the slip is the problem there; fixed, the next check tells the rest).
    /// </summary>
    public static List<Problem> CheckWithLint(string file, string source, int lineOffset = 0)
    {
        var inTags = InTags(source);
        var slips = Check(file, source, lineOffset, inTags);
        var slipLines = slips.Select(p => p.Place[..(p.Place.LastIndexOf(':') + 1)]).ToHashSet(StringComparer.Ordinal);
        var problems = TemplateLinter.Lint(file, Repaired(source, inTags), lineOffset)
            .Where(p => !slipLines.Contains(p.Place.LastIndexOf(':') is int colon and > 0 ? p.Place[..(colon + 1)] : p.Place)).ToList();
        problems.AddRange(slips);
        return problems;
    }

    /// <summary>The source with every slip in or around <c>{{ }}</c> typed as meant (the same length, so every place stays).</summary>
    private static string Repaired(string source, List<Slip> slips)
    {
        if (slips.Count == 0) return source;
        var text = source.ToCharArray();
        foreach (var slip in slips)
            for (int k = 0; k < slip.Typed.Length; k++) text[slip.Offset + k] = slip.Typed[k];
        return new string(text);
    }

    /// <summary>A front-matter line whose key is followed by a full-width colon, or written in full-width letters.</summary>
    public static string? FrontMatterSlip(string line)
    {
        int full = line.IndexOf('：');
        int half = line.IndexOf(':');
        if (full >= 0 && (half < 0 || full < half))
            return "the key is followed by a full-width '：' (from a Chinese input method): write 'key: value' with a half-width ':'";
        return null;
    }

    /// <summary>A slip at an offset of the source: the message (null for the second half of a slip already reported), and what was meant there (as many characters).</summary>
    private sealed record Slip(int Offset, string? Message, string Typed);

    /// <summary>What a full-width character inside <c>{{ }}</c> is, and what to type: the characters an input method gives for the template's punctuation.</summary>
    private sealed record Meant(string What, char Ascii, string Fix);

    /// <summary>The table of full-width characters an input method gives for the template's signs (a switch: no generic code to compile in a cold start; see docs/benchmarks.md#generic-code-and-the-cold-start).</summary>
    private static Meant? FullWidth(char c) => c switch
    {
        '＃' => new("a full-width hash", '#', "type the half-width '#', as in {{#if …}}"),
        '／' => new("a full-width slash", '/', "type the half-width '/', as in {{/if}}"),
        '（' => new("a full-width parenthesis", '(', "type the half-width '(', as in {{list (take findings.outcomes_on_track 2)}}"),
        '）' => new("a full-width parenthesis", ')', "type the half-width ')', as in {{list (take findings.outcomes_on_track 2)}}"),
        '｛' => new("a full-width brace", '{', "type the half-width '{', as in {{review.last.year}}"),
        '｝' => new("a full-width brace", '}', "type the half-width '}', as in {{review.last.year}}"),
        '．' => new("a full-width full stop", '.', "type the half-width '.', as in {{review.last.year}}"),
        '。' => new("an ideographic full stop", '.', "type the half-width '.', as in {{review.last.year}}"),
        '\u3000' => new("a full-width space (U+3000)", ' ', "type an ordinary space, as in {{num portfolio.total_projects}}"),
        '：' => new("a full-width colon", '=', "a named argument takes a half-width '=', as in {{chart_ref \"interrelation\" outcome=\"1.1\"}}"),
        '，' => new("a full-width comma", ' ', "arguments are separated by spaces, not commas, as in {{chart_ref \"interrelation\" outcome=\"1.1\"}}"),
        '＝' => new("a full-width equals sign", '=', "type the half-width '=', as in outcome=\"1.1\""),
        '＠' => new("a full-width at sign", '@', "type the half-width '@', as in {{@root.review.last.year}}"),
        '＞' => new("a full-width greater-than sign", '>', "type the half-width '>', as in {{> intro}}"),
        _ => null,
    };

    private const string Quotes = "“”‘’＂＇";

    /// <summary>
    /// The slips in and around <c>{{ }}</c>, in order. A tag runs from its opening pair of braces
    /// to the next closing pair (either may be full-width), as the linter reads it; a tag never
    /// closed is left to the linter. Inside a tag (comments and quoted text aside) every
    /// full-width character is a slip; a full-width brace anywhere is one.
    /// </summary>
    private static List<Slip> InTags(string source)
    {
        var slips = new List<Slip>();
        static bool Open(char c) => c is '{' or '｛';
        static bool Close(char c) => c is '}' or '｝';
        static bool Wide(char c) => c is '｛' or '｝';
        void Pair(int at)
        {
            string pair = source.Substring(at, 2);
            slips.Add(new Slip(at, $"'{pair}' uses full-width braces (from a Chinese input method): a value is written with half-width braces, '{{{{' and '}}}}'",
                Open(pair[0]) ? "{{" : "}}"));
        }
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            bool pairHere = i + 1 < source.Length && ((Open(c) && Open(source[i + 1])) || (Close(c) && Close(source[i + 1])));
            if (c == '\\' && i + 2 < source.Length && source[i + 1] == '{' && source[i + 2] == '{') { i += 3; continue; } // an escaped {{: text
            if (pairHere && Open(c))
            {
                if (Wide(c) || Wide(source[i + 1])) Pair(i);
                int close = -1;
                for (int j = i + 2; j + 1 < source.Length; j++)
                {
                    if (Open(source[j]) && Open(source[j + 1])) break;
                    if (Close(source[j]) && Close(source[j + 1])) { close = j; break; }
                }
                if (close < 0) { i += 2; continue; }
                Inside(source, i + 2, close, slips);
                if (Wide(source[close]) || Wide(source[close + 1])) Pair(close);
                i = close + 2;
                continue;
            }
            if (pairHere && (Wide(c) || Wide(source[i + 1]))) { Pair(i); i += 2; continue; }
            if (Wide(c))
                slips.Add(new Slip(i, $"'{c}' is a full-width brace (from a Chinese input method): a value is written with half-width braces, '{{{{' and '}}}}'", FullWidth(c)!.Ascii.ToString()));
            i++;
        }
        return slips;
    }

    /// <summary>The slips between a tag's braces: full-width characters outside quotes (comments have none), and the first curly quote of a quotation.</summary>
    private static void Inside(string source, int from, int to, List<Slip> slips)
    {
        int k = from;
        while (k < to && source[k] is '~' or ' ' or '\t') k++;
        if (k < to && source[k] == '!') return;
        for (k = from; k < to; k++)
        {
            char c = source[k];
            if (c is '"' or '\'' || Quotes.Contains(c))
            {
                if (Quotes.Contains(c))
                    slips.Add(new Slip(k, $"'{c}' is a typographic quote inside '{{{{ }}}}': helper arguments are quoted with the straight '\"', as in {{{{outcome_short \"1.1\"}}}}", "\""));
                // Quoted text is the template's words: full-width punctuation belongs there.
                int end = k + 1;
                while (end < to && !(c is '"' or '\'' ? source[end] == c : Quotes.Contains(source[end]))) end++;
                if (end < to && Quotes.Contains(source[end])) slips.Add(new Slip(end, null, "\"")); // its closing quote: repaired, not reported again
                k = end;
                continue;
            }
            if (FullWidth(c) is { } meant)
                slips.Add(new Slip(k, $"'{c}' is {meant.What} (from a Chinese input method): inside {{{{ }}}} {meant.Fix}", meant.Ascii.ToString()));
            else if (Generic(c))
            {
                // A run of full-width letters or digits ("ｎｕｍ") is one slip.
                int end = k + 1;
                while (end < to && Generic(source[end])) end++;
                var typed = new System.Text.StringBuilder(end - k);
                for (int x = k; x < end; x++) typed.Append((char)(source[x] - 0xFEE0));
                slips.Add(new Slip(k, $"'{source[k..end]}' is written in full-width characters (from a Chinese input method): inside {{{{ }}}} type the half-width '{typed}'", typed.ToString()));
                k = end - 1;
            }
        }
    }

    /// <summary>A full-width form of an ASCII character that the table above does not name (letters, digits…).</summary>
    private static bool Generic(char c) => c is >= '\uFF01' and <= '\uFF5E' && FullWidth(c) is null && !Quotes.Contains(c);

    [GeneratedRegex(@"^\s*(:{2,}|：{2,}|：:+|:：+)\s*([A-Za-z]*)")]
    private static partial Regex AnnexLike();
}
