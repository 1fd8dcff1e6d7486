using System.Globalization;
using System.Text;

namespace ReportGen.Templating;

/// <summary>A place in a template file, as problems name it: <c>templates/zh/portfolio-analysis.md.hbs:24:1</c>.</summary>
public sealed record TemplatePlace(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// Which template line wrote each part of a document. Handlebars keeps no map from what it writes
/// back to the template, and a part's words cannot be searched for in the template (a paragraph
/// may start with a value, loops repeat a line, phrases recur). So before a body is compiled, a
/// mark <c>{{__reportgen_line FILE LINE COLUMN}}</c> is put before the first character of every
/// line that writes something; rendering it writes nothing and records where the output stood
/// (<see cref="ReadLog.Marks"/>). A part was written by the last line marked at or before its
/// first character. The output is the same with or without marks.
/// </summary>
/// <remarks>
/// A mark must not change what Handlebars does with whitespace, so none goes on a line that holds
/// only block tags (<c>{{#if}}</c>, <c>{{/if}}</c>, <c>{{else}}</c>, comments, partials: such a
/// "standalone" line is removed with its line break, and a mark would keep it), nor before a
/// <c>{{~</c> (which strips the whitespace before it), nor inside a tag or comment that spans
/// lines. A body with raw blocks (<c>{{{{raw}}}}</c>) is left unmarked.
/// </remarks>
public static class TemplateLines
{
    /// <summary>The helper a mark calls (registered by the composer for each document).</summary>
    public const string Helper = "__reportgen_line";

    /// <summary>The body with its marks; <paramref name="file"/> is the number the marks carry for the file (0 the template, 1… its partials).</summary>
    public static string Mark(string body, int file, int lineOffset)
    {
        if (body.Contains("{{{{", StringComparison.Ordinal)) return body;
        var marked = new StringBuilder(body.Length + body.Length / 8);
        bool inTag = false, inComment = false;
        int lineStart = 0, line = 1 + lineOffset;
        while (lineStart <= body.Length)
        {
            int lineEnd = body.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = body.Length;
            bool startsInside = inTag || inComment;
            int first = lineStart;
            while (first < lineEnd && body[first] is ' ' or '\t') first++;
            bool writes = false; // whether the line has text or a tag that is not a block tag, comment or partial
            for (int i = lineStart; i < lineEnd;)
            {
                if (inComment)
                {
                    int close = body.IndexOf("--}}", i, lineEnd - i, StringComparison.Ordinal);
                    if (close < 0) break;
                    inComment = false;
                    i = close + 4;
                }
                else if (inTag)
                {
                    int close = body.IndexOf("}}", i, lineEnd - i, StringComparison.Ordinal);
                    if (close < 0) break;
                    inTag = false;
                    i = close + 2;
                }
                else if (body[i] == '\\' && At(body, i + 1, "{{")) { writes = true; i += 3; }
                else if (At(body, i, "{{!--")) { inComment = true; i += 5; }
                else if (At(body, i, "{{"))
                {
                    int k = i + 2;
                    if (k < lineEnd && body[k] == '~') k++;
                    while (k < lineEnd && body[k] is ' ' or '\t') k++;
                    bool block = k < lineEnd && (body[k] is '#' or '/' or '^' or '!' or '>' || At(body, k, "else"));
                    if (!block) writes = true;
                    inTag = true;
                    i += 2;
                }
                else
                {
                    if (body[i] is not (' ' or '\t' or '\r')) writes = true;
                    i++;
                }
            }
            marked.Append(body, lineStart, first - lineStart);
            if (!startsInside && writes && !At(body, first, "{{~"))
                marked.Append("{{").Append(Helper).Append(' ').Append(file.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(line.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append((first - lineStart + 1).ToString(CultureInfo.InvariantCulture)).Append("}}");
            marked.Append(body, first, lineEnd - first);
            if (lineEnd < body.Length) marked.Append('\n');
            lineStart = lineEnd + 1;
            line++;
        }
        return marked.ToString();
    }

    private static bool At(string text, int index, string what) =>
        index >= 0 && index + what.Length <= text.Length && string.CompareOrdinal(text, index, what, 0, what.Length) == 0;
}
