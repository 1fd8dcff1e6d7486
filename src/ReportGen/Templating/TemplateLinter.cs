
namespace ReportGen.Templating;

/// <summary>
/// Checks a template's mustaches before Handlebars sees it, because the library reports unclosed
/// and stray blocks without a position. Also refuses triple-stash <c>{{{ }}}</c>, which would
/// insert data unescaped.
/// </summary>
public static class TemplateLinter
{
    /// <summary>How deep blocks (<c>{{#if}}</c>, <c>{{#each}}</c>…) may nest: Handlebars compiles a block inside a block by recursion, which thousands would overflow.</summary>
    public const int MaxBlockDepth = 64;

    /// <summary>How deep subexpressions (<c>(eq (eq …))</c>) may nest in one mustache: Handlebars parses and compiles them by recursion too.</summary>
    public const int MaxExpressionDepth = 32;

    /// <summary>How deep <c>{{#each}}</c> loops may nest: three levels over a few hundred rows is already millions of steps.</summary>
    public const int MaxLoopDepth = 3;

    /// <summary>
    /// How many emphasis marks ('*' or '_', unescaped, outside <c>{{ }}</c>) one line may hold: a
    /// run of thousands makes Markdown nest emphasis thousands deep, past any stack or time limit.
    /// </summary>
    public const int MaxEmphasisMarksPerLine = 100;

    /// <summary>Problems reported per file before the rest are summed up in one line.</summary>
    public const int MaxProblems = 50;

    /// <summary>Checks in one pass: time grows linearly with the template's size, whatever it holds.</summary>
    public static List<Problem> Lint(string file, string source, int lineOffset = 0)
    {
        var problems = new List<Problem>();
        var open = new Stack<OpenBlock>();
        var lines = new LineIndex(source);
        int more = 0;
        Problem At(int offset, string message)
        {
            var (line, column) = lines.LineColumn(offset);
            return TemplateError.At(file, line + lineOffset, column, message);
        }

        int i = 0;
        int nextClose = -2, nextOpenCache = -2; // cached searches: -2 not yet searched, -1 none left
        while ((i = source.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            if (problems.Count >= MaxProblems) { more++; i += 2; continue; }
            int start = i;
            if (start > 0 && source[start - 1] == '\\') { i += 2; continue; } // escaped mustache: literal text
            if (source.AsSpan(start).StartsWith("{{!--"))
            {
                int endComment = source.IndexOf("--}}", start + 5, StringComparison.Ordinal);
                if (endComment < 0) { problems.Add(At(start, "comment '{{!--' is never closed with '--}}'")); break; }
                i = endComment + 4;
                continue;
            }
            if (nextClose != -1 && nextClose < start + 2) nextClose = source.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (nextOpenCache != -1 && nextOpenCache < start + 2) nextOpenCache = source.IndexOf("{{", start + 2, StringComparison.Ordinal);
            int end = nextClose, nextOpen = nextOpenCache;
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
            if (Unbalanced(inner) is { } unbalanced) problems.Add(At(start + 2 + unbalanced.Offset, unbalanced.Message));
            if (tag.StartsWith('#') || tag.StartsWith("^"))
            {
                string name = tag[1..].TrimStart('>', '*').Split([' ', '\t', '\n', '\r'], 2)[0];
                if (open.Count >= MaxBlockDepth)
                {
                    problems.Add(At(start, $"blocks are nested {MaxBlockDepth + 1} deep; at most {MaxBlockDepth} are allowed — close a block before opening another"));
                    return problems;
                }
                if (name == "each" && open.Count(b => b.Name == "each") >= MaxLoopDepth)
                {
                    problems.Add(At(start, $"loops ('{{{{#each}}}}') are nested more than {MaxLoopDepth} deep; a loop inside loops over every row multiplies the work beyond any limit"));
                    return problems;
                }
                open.Push(new OpenBlock(name, start));
            }
            else if (tag.StartsWith('/'))
            {
                string name = tag[1..].Trim();
                if (open.Count == 0)
                    problems.Add(At(start, $"'{{{{/{name}}}}}' closes a block that was never opened"));
                else if (open.Peek().Name != name)
                {
                    var (expected, offset) = open.Peek();
                    var (line, column) = lines.LineColumn(offset);
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
        foreach (var (offset, count) in EmphasisRuns(source))
        {
            if (problems.Count >= MaxProblems) { more++; break; }
            problems.Add(At(offset, $"this line has {count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} '*' or '_', which Markdown reads as emphasis; " +
                $"at most {MaxEmphasisMarksPerLine} are allowed on a line — remove them, or write \\* and \\_ for the characters themselves"));
        }
        foreach (var (name, offset) in open.Reverse().Take(Math.Max(0, MaxProblems - problems.Count)))
            problems.Add(At(offset, $"block '{{{{#{name}}}}}' is never closed with '{{{{/{name}}}}}'"));
        if (more > 0) problems.Add(new Problem(file, $"and more mistakes in the rest of the file (only the first {MaxProblems} are listed)"));
        return problems;
    }

    /// <summary>
    /// An expression whose parentheses or quotes do not close ("{{list (take top_links 2}}"), which
    /// Handlebars.Net reports without a place, or that nests deeper than <see cref="MaxExpressionDepth"/>
    /// (which would overflow its parser's stack and kill the process): the offset in the mustache and what is wrong.
    /// </summary>
    private static (int Offset, string Message)? Unbalanced(string inner)
    {
        var open = new Stack<int>();
        int tooDeepAt = -1, deepest = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            if (c is '"' or '\'')
            {
                int close = inner.IndexOf(c, i + 1);
                if (close < 0) return (i, $"the quote {c} opened here is never closed");
                i = close;
            }
            else if (c == '(')
            {
                open.Push(i);
                deepest = Math.Max(deepest, open.Count);
                if (open.Count > MaxExpressionDepth && tooDeepAt < 0) tooDeepAt = i;
            }
            else if (c == ')')
            {
                if (open.Count == 0) return (i, "')' closes a parenthesis that was never opened");
                open.Pop();
            }
        }
        if (tooDeepAt >= 0)
            return (tooDeepAt, $"expressions are nested {deepest.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} deep; at most {MaxExpressionDepth} are allowed — split the expression");
        return open.Count > 0 ? (open.Peek(), "the '(' opened here is never closed with ')'") : null;
    }

    /// <summary>
    /// The first emphasis mark of each line holding more than <see cref="MaxEmphasisMarksPerLine"/>
    /// in its text (not escaped with '\\', not inside <c>{{ }}</c> or a comment), in one pass.
    /// </summary>
    private static List<EmphasisRun> EmphasisRuns(string source)
    {
        var runs = new List<EmphasisRun>();
        int count = 0, first = -1;
        void EndLine()
        {
            if (count > MaxEmphasisMarksPerLine) runs.Add(new EmphasisRun(first, count));
            count = 0;
            first = -1;
        }
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\n') { EndLine(); continue; }
            if (c == '\\') { i++; continue; } // an escaped character is text
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{')
            {
                bool comment = source.AsSpan(i).StartsWith("{{!--");
                int close = source.IndexOf(comment ? "--}}" : "}}", i + 2, StringComparison.Ordinal);
                if (close < 0) break; // reported as never closed
                // A mustache may span lines: the marks of the line it ends on are counted from after it.
                if (source.IndexOf('\n', i, close - i) >= 0) EndLine();
                i = close + (comment ? 3 : 1);
                continue;
            }
            if (c is '*' or '_')
            {
                if (first < 0) first = i;
                count++;
            }
        }
        EndLine();
        return runs;
    }

    /// <summary>A line with too many emphasis marks: its first mark's offset and how many it has. A class, not a tuple: see <see cref="OpenBlock"/>.</summary>
    private sealed record EmphasisRun(int Offset, int Count);

    /// <summary>Line and column of an offset by binary search over the line starts (counted once).</summary>
    private sealed class LineIndex(string source)
    {
        private List<int>? _starts;

        public (int Line, int Column) LineColumn(int offset)
        {
            if (_starts is null)
            {
                _starts = [0];
                for (int i = 0; i < source.Length; i++) if (source[i] == '\n') _starts.Add(i + 1);
            }
            int index = _starts.BinarySearch(offset);
            if (index < 0) index = ~index - 1;
            return (index + 1, offset - _starts[index] + 1);
        }
    }

    /// <summary>A block open at an offset. A class, not a tuple: a stack of tuples is generic code a cold start JIT-compiles (see docs/benchmarks.md#generic-code-and-the-cold-start).</summary>
    private sealed record OpenBlock(string Name, int Offset);
}
