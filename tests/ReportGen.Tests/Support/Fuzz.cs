using System.IO.Compression;
using System.Text;

namespace ReportGen.Tests.Support;

/// <summary>
/// Seeded mutations for the fuzz tests: workbooks (bytes of the package, or the XML of a part
/// rezipped with a valid checksum), templates and documents. The same seed gives the same mutants.
/// </summary>
public sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Values =
    [
        "", "-0", "NaN", "Infinity", "-Infinity", "1e999", "1e-999", "99999999999999999999", "-1", "0", "1", "2", "3,1", "29%", "45", "1.1",
        "AFR", "Africa", "TRUE", "yes", "x\ny", "\u0001", "_x0001_", "_x000D_", "&amp;", "&lt;b&gt;", "{{", "}}", "{{> ../../etc/passwd}}",
        "Projects!A1: everything is fine", "\u202Eevil", "2021-02-30", "9999-12-31", "1900", "3000", "#REF!", "🏠", "\uFFFF",
        new string('9', 400), new string('x', 40_000),
    ];

    private int Next(int max) => _random.Next(max);

    /// <summary>What the last mutation did ("package truncated", "xml truncated in xl/workbook.xml", …), for the fuzz tests' table of expectations.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>Insertions no XML reader accepts wherever they land: a control character, a bare markup character, a null or undefined reference, an unclosed section.</summary>
    private static readonly string[] Malformed = ["\u0001", "<", "&", "&#0;", "&x;", "<![CDATA["];

    private T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A mutant of a zip package: raw bytes changed, or one part's XML changed and the package rezipped.</summary>
    public byte[] Package(byte[] original, bool xmlOnly = false)
    {
        int kind = xmlOnly ? 3 + Next(7) : Next(10);
        switch (kind)
        {
            case 0: // flip bytes anywhere
            {
                Kind = "bytes flipped";
                var bytes = (byte[])original.Clone();
                for (int i = 0, n = 1 + Next(8); i < n; i++) bytes[Next(bytes.Length)] ^= (byte)(1 << Next(8));
                return bytes;
            }
            case 1: // truncate
                Kind = "package truncated";
                return original[..Next(original.Length)];
            case 2: // bytes from the middle of the package, anywhere
            {
                Kind = "bytes copied";
                var bytes = (byte[])original.Clone();
                int from = Next(bytes.Length), to = Next(bytes.Length), length = Math.Min(1 + Next(64), Math.Min(bytes.Length - from, bytes.Length - to));
                Array.Copy(original, from, bytes, to, length);
                return bytes;
            }
            default:
            {
                byte[] mutant = Rezip(original, (name, text) => MutateXml(text));
                Kind = "every part mutated";
                return mutant;
            }
        }
    }

    private static byte[] Rezip(byte[] original, Func<string, string, string> change)
    {
        using var input = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e =>
        {
            using var s = e.Open();
            using var r = new StreamReader(s, Encoding.UTF8);
            return (e.FullName, Text: r.ReadToEnd());
        }).ToList();
        return Zip(entries, change);
    }

    private string _target = "";

    private static byte[] Zip(List<(string FullName, string Text)> entries, Func<string, string, string> change)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var w = zip.CreateEntry(name).Open();
                w.Write(Encoding.UTF8.GetBytes(change(name, text)));
            }
        return output.ToArray();
    }

    /// <summary>Mutates one part of a package (the part is chosen at random) through <see cref="MutateXml"/>.</summary>
    public byte[] PackagePart(byte[] original)
    {
        using var input = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
        var names = input.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".xml", StringComparison.Ordinal) || n.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        _target = Pick(names);
        byte[] mutant = Rezip(original, (name, text) => name == _target ? MutateXml(text) : text);
        Kind += " in " + _target;
        return mutant;
    }

    /// <summary>One change to an XML text: a value replaced, an attribute changed, a piece cut, repeated or nested, a character inserted.</summary>
    public string MutateXml(string xml)
    {
        if (xml.Length == 0) { Kind = "xml replaced"; return "<x/>"; }
        switch (Next(9))
        {
            case 0: // replace a cell value or text
            {
                Kind = "value replaced";
                var matches = System.Text.RegularExpressions.Regex.Matches(xml, "<(v|t)( [^>]*)?>([^<]*)</");
                if (matches.Count == 0) goto case 4;
                var m = matches[Next(matches.Count)];
                string value = System.Security.SecurityElement.Escape(Pick(Values)) ?? "";
                return xml[..m.Groups[3].Index] + value + xml[(m.Groups[3].Index + m.Groups[3].Length)..];
            }
            case 1: // change an attribute value
            {
                Kind = "attribute changed";
                var matches = System.Text.RegularExpressions.Regex.Matches(xml, "(r|t|s|count|name|Target|Id)=\"([^\"]*)\"");
                if (matches.Count == 0) goto case 4;
                var m = matches[Next(matches.Count)];
                string value = Pick(["0", "-2147483648", "99999999", "A0", "XFE1", "ZZZZZZ9", "b", "e", "s", "str", "inlineStr", "d", "", "../../x", "/etc/passwd", "rId999"]);
                return xml[..m.Groups[2].Index] + value + xml[(m.Groups[2].Index + m.Groups[2].Length)..];
            }
            case 2: // cut a piece
            {
                Kind = "piece cut";
                int from = Next(xml.Length), length = Next(Math.Min(200, xml.Length - from) + 1);
                return xml.Remove(from, length);
            }
            case 3: // repeat a piece
            {
                Kind = "piece repeated";
                int from = Next(xml.Length), length = Next(Math.Min(400, xml.Length - from) + 1);
                return xml.Insert(from, string.Concat(Enumerable.Repeat(xml.Substring(from, length), 1 + Next(20))));
            }
            case 4: // insert a character XML may not hold, or a stray markup character
            {
                string inserted = Pick(["\u0001", "\uD800", "<", "&", "]]>", "<!DOCTYPE x>", "\uFFFE", "&#0;", "<![CDATA[", "\"", "&x;"]);
                Kind = Malformed.Contains(inserted) ? "markup broken" : "character inserted";
                return xml.Insert(Next(xml.Length), inserted);
            }
            case 5: // deep nesting
            {
                Kind = "deep nesting";
                int at = xml.IndexOf("<row", StringComparison.Ordinal);
                if (at < 0) at = xml.IndexOf('>') + 1;
                int depth = 1 + Next(50_000);
                return xml.Insert(Math.Max(0, at), string.Concat(Enumerable.Repeat("<r>", depth)) + string.Concat(Enumerable.Repeat("</r>", depth)));
            }
            case 6: // truncate
                Kind = "xml truncated";
                return xml[..Next(xml.Length)];
            case 7: // foreign namespace
                Kind = "namespace changed";
                return xml.Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", Pick(["urn:x", "", "http://purl.oclc.org/ooxml/spreadsheetml/main"]));
            default: // empty the part
                Kind = "part emptied";
                return "";
        }
    }

    /// <summary>One change to a template's text.</summary>
    public string Template(string text)
    {
        string[] pieces =
        [
            "{{", "}}", "{{{x}}}", "{{#if", "{{/if}}", "{{#each plan.outcomes}}", "{{/each}}", "{{> ../../etc/passwd}}", "{{> /etc/passwd}}",
            "{{> missing}}", "{{> (lookup . 'x')}}", "{{else}}", "{{!--", "--}}", "{{num}}", "{{pct 1 2 3}}", "{{chart \"nope\"}}", "{{chart}}",
            "{{num portfolio.nothing}}", "\u0000", "\uD800", "---\n", "[^1]", "::: annex", ":::", "| a |\n|---|", "{{#with}}", "{{lookup}}",
            string.Concat(Enumerable.Repeat("{{#if true}}", 200)), string.Concat(Enumerable.Repeat(">", 5000)), string.Concat(Enumerable.Repeat("- ", 3000)) + "x",
            string.Concat(Enumerable.Repeat("[", 5000)), new string('{', 3000),
        ];
        int at = Next(text.Length + 1);
        switch (Next(4))
        {
            case 0:
                string piece = Pick(pieces);
                Kind = piece.StartsWith("{{> ", StringComparison.Ordinal) && piece != "{{> missing}}" ? "partial by path inserted" : "piece inserted";
                return text.Insert(at, piece);
            case 1:
                Kind = "piece cut";
                return text.Remove(at, Next(Math.Min(300, text.Length - at) + 1));
            case 2:
                Kind = "pieces inserted";
                return text.Insert(at, Pick(pieces) + Pick(pieces));
            default:
                Kind = "text truncated";
                return text[..at];
        }
    }

    /// <summary>A mutant of a PDF: bytes flipped or cut, or objects nested or multiplied.</summary>
    public byte[] Pdf(byte[] original)
    {
        switch (Next(4))
        {
            case 0:
            {
                Kind = "bytes replaced";
                var bytes = (byte[])original.Clone();
                for (int i = 0, n = 1 + Next(16); i < n; i++) bytes[Next(bytes.Length)] = (byte)Next(256);
                return bytes;
            }
            case 1:
                Kind = "pdf truncated";
                return original[..Next(original.Length)];
            case 2:
            {
                Kind = "deep nesting";
                string text = Encoding.Latin1.GetString(original);
                int at = text.IndexOf("obj", Next(text.Length), StringComparison.Ordinal);
                if (at < 0) at = text.Length / 2;
                int depth = 1 + Next(100_000);
                return Encoding.Latin1.GetBytes(text.Insert(at + 3, "\n" + new string('[', depth) + new string(']', depth) + "\n"));
            }
            default:
            {
                Kind = "font map doubled";
                string text = Encoding.Latin1.GetString(original);
                return Encoding.Latin1.GetBytes(text.Replace("beginbfrange", "beginbfrange\n<0000> <FFFF> <0041>\n<0000> <FFFF> <0041>"));
            }
        }
    }
}
