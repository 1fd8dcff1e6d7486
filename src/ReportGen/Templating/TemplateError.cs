using System.Text.RegularExpressions;

namespace ReportGen.Templating;

/// <summary>A problem in a template, placed as <c>templates/zh/portfolio-analysis.md.hbs:12:7</c>.</summary>
public static partial class TemplateError
{
    public static Problem At(string file, int line, int column, string message) => new($"{file}:{line}:{column}", message);

    public static Problem At(string file, string source, int offset, string message)
    {
        var (line, column) = LineColumn(source, offset);
        return At(file, line, column, message);
    }

    public static (int Line, int Column) LineColumn(string source, int offset)
    {
        int line = 1, column = 1;
        for (int i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return (line, column);
    }

    /// <summary>Handlebars.Net puts "Occured at: L:C" (sic) in some messages; strip it and return the place.</summary>
    public static (string Message, int? Line, int? Column) SplitLibraryMessage(string message)
    {
        var match = OccurredAt().Match(message);
        string text = OccurredAt().Replace(message, "").Trim();
        return match.Success
            ? (text, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (text, null, null);
    }

    [GeneratedRegex(@"\s*Occured at:\s*(\d+):(\d+)\s*")]
    private static partial Regex OccurredAt();
}
