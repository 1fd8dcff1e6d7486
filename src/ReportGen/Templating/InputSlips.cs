using System.Text.RegularExpressions;
using ReportGen.Workbook;

namespace ReportGen.Templating;

/// <summary>
/// What a Chinese input method or a word processor's habits put into a template where the
/// template language needs plain ASCII: full-width braces, ＃ headings, ｜ table rows, － list
/// marks, a mistyped annex marker, smart quotes inside <c>{{ }}</c>. Each is an error at its
/// file:line:col saying what to type instead, because each otherwise prints wrong without a word
/// (the braces print, the heading becomes a numbered paragraph, the chapters renumber).
/// </summary>
public static partial class InputSlips
{
    public static List<Problem> Check(string file, string source, int lineOffset = 0)
    {
        var problems = new List<Problem>();
        var lines = source.Split('\n');
        for (int n = 0; n < lines.Length; n++)
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

            // Inside {{ }}: full-width braces, and quotes a word processor made curly.
            foreach (Match m in FullWidthBraces().Matches(line))
                Add(m.Index, $"'{m.Value}' uses full-width braces (from a Chinese input method): a value is written with half-width braces, '{{{{' and '}}}}'");
            foreach (Match m in Mustache().Matches(line))
            {
                int quote = m.Value.IndexOfAny(['“', '”', '‘', '’', '＂', '＇']);
                if (quote >= 0)
                    Add(m.Index + quote, $"'{m.Value[quote]}' is a typographic quote inside '{{{{ }}}}': helper arguments are quoted with the straight '\"', as in {{{{outcome_short \"1.1\"}}}}");
            }
        }
        return problems;
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

    [GeneratedRegex(@"^\s*(:{2,}|：{2,}|：:+|:：+)\s*([A-Za-z]*)")]
    private static partial Regex AnnexLike();

    [GeneratedRegex(@"[｛｝][｛｝{}]|[{}][｛｝]")]
    private static partial Regex FullWidthBraces();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Mustache();
}
