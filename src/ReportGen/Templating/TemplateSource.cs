
namespace ReportGen.Templating;

/// <summary>
/// A template file: front matter (the language's words, <c>key: value</c> lines between
/// <c>---</c> lines; values may use Handlebars) and the Markdown-producing body.
/// </summary>
public sealed record TemplateSource(string DisplayPath, string Source, IReadOnlyList<FrontMatterEntry> FrontMatter, string Body, int BodyLineOffset)
{
    public static TemplateSource Parse(string displayPath, string source, List<Problem> problems)
    {
        source = source.ReplaceLineEndings("\n");
        if (source.StartsWith('\uFEFF')) source = source[1..];
        var lines = source.Split('\n');
        var entries = new List<FrontMatterEntry>();
        if (lines.Length == 0 || lines[0].TrimEnd() != "---") return new TemplateSource(displayPath, source, entries, source, 0);
        int end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
        {
            problems.Add(TemplateError.At(displayPath, 1, 1, "front matter opened with '---' is never closed with a '---' line"));
            return new TemplateSource(displayPath, source, entries, "", 0);
        }
        for (int i = 1; i < end; i++)
        {
            string line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            if (InputSlips.FrontMatterSlip(line) is { } slip)
            {
                problems.Add(TemplateError.At(displayPath, i + 1, line.IndexOf('：') + 1, slip));
                continue;
            }
            if (colon <= 0 || line[..colon].Trim().Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                problems.Add(TemplateError.At(displayPath, i + 1, 1, "front matter lines are 'key: value' (key in letters, digits and _)"));
                continue;
            }
            string key = line[..colon].Trim();
            int valueStart = colon + 1;
            while (valueStart < line.Length && line[valueStart] == ' ') valueStart++;
            string value = line[valueStart..].TrimEnd();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') { value = value[1..^1]; valueStart++; }
            if (entries.Any(e => e.Key == key))
                problems.Add(TemplateError.At(displayPath, i + 1, 1, $"'{key}' is given twice in the front matter"));
            entries.Add(new FrontMatterEntry(key, value, i + 1, valueStart + 1));
        }
        string body = string.Join('\n', lines[(end + 1)..]);
        return new TemplateSource(displayPath, source, entries, body, end + 1);
    }
}

public sealed record FrontMatterEntry(string Key, string Value, int Line, int Column);
