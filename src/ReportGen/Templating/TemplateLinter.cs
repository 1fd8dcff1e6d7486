using ReportGen.Workbook;

namespace ReportGen.Templating;

/// <summary>
/// Checks a template's mustaches before Handlebars sees it, because the library reports unclosed
/// and stray blocks without a position. Also refuses triple-stash <c>{{{ }}}</c>, which would
/// insert data unescaped.
/// </summary>
public static class TemplateLinter
{
    public static List<Problem> Lint(string file, string source, int lineOffset = 0)
    {
        var problems = new List<Problem>();
        var open = new Stack<(string Name, int Offset)>();
        Problem At(int offset, string message)
        {
            var (line, column) = TemplateError.LineColumn(source, offset);
            return TemplateError.At(file, line + lineOffset, column, message);
        }

        int i = 0;
        while ((i = source.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            int start = i;
            if (start > 0 && source[start - 1] == '\\') { i += 2; continue; } // escaped mustache: literal text
            if (source.AsSpan(start).StartsWith("{{!--"))
            {
                int endComment = source.IndexOf("--}}", start + 5, StringComparison.Ordinal);
                if (endComment < 0) { problems.Add(At(start, "comment '{{!--' is never closed with '--}}'")); break; }
                i = endComment + 4;
                continue;
            }
            int end = source.IndexOf("}}", start + 2, StringComparison.Ordinal);
            int nextOpen = source.IndexOf("{{", start + 2, StringComparison.Ordinal);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end))
            {
                problems.Add(At(start, "'{{' is never closed with '}}'"));
                i = start + 2;
                continue;
            }
            string inner = source[(start + 2)..end];
            i = end + 2;
            if (inner.StartsWith('{'))
            {
                problems.Add(At(start, "'{{{' inserts text without escaping it; use '{{' so data shows literally"));
                if (i < source.Length && source[i] == '}') i++;
                continue;
            }
            string tag = inner.Trim().TrimStart('~').TrimEnd('~').Trim();
            if (tag.StartsWith('!')) continue;
            if (tag.StartsWith('#') || tag.StartsWith("^"))
            {
                string name = tag[1..].TrimStart('>', '*').Split([' ', '\t', '\n', '\r'], 2)[0];
                open.Push((name, start));
            }
            else if (tag.StartsWith('/'))
            {
                string name = tag[1..].Trim();
                if (open.Count == 0)
                    problems.Add(At(start, $"'{{{{/{name}}}}}' closes a block that was never opened"));
                else if (open.Peek().Name != name)
                {
                    var (expected, offset) = open.Peek();
                    var (line, column) = TemplateError.LineColumn(source, offset);
                    problems.Add(At(start, $"'{{{{/{name}}}}}' does not match the open block '{{{{#{expected}}}}}' of line {line + lineOffset}, column {column}"));
                    open.Pop();
                }
                else open.Pop();
            }
            else if (tag == "else" || tag.StartsWith("else "))
            {
                if (open.Count == 0) problems.Add(At(start, "'{{else}}' outside any block"));
            }
        }
        foreach (var (name, offset) in open.Reverse())
            problems.Add(At(offset, $"block '{{{{#{name}}}}}' is never closed with '{{{{/{name}}}}}'"));
        return problems;
    }
}
