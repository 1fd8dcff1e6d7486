using System.Text;
using HandlebarsDotNet;

namespace ReportGen.Templating;

/// <summary>
/// Escapes every value a template inserts so that Markdown reads it as plain text: a project
/// titled <c>*Urgent* &lt;b&gt; &amp; {{x}}</c> appears exactly so in the document. All ASCII
/// punctuation is backslash-escaped (CommonMark allows that for any of it) and line breaks
/// become spaces, so data can never start a heading, a list or a table row.
/// </summary>
public sealed class MarkdownEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target)
    {
        foreach (char c in text ?? "") Write(c, target);
    }

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        if (text is null) return;
        while (text.MoveNext()) Write(text.Current, target);
    }

    private static void Write(char c, TextWriter target)
    {
        if (c is '\r' or '\n') { target.Write(' '); return; }
        if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127) { target.Write(c); return; }
        if (char.IsPunctuation(c) || char.IsSymbol(c)) target.Write('\\');
        target.Write(c);
    }

    public static string Escape(string text)
    {
        var writer = new StringWriter();
        new MarkdownEncoder().Encode(text, writer);
        return writer.ToString();
    }
}
