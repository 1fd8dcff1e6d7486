using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using ReportGen.Typesetting;

namespace ReportGen.Audit;

/// <summary>
/// Reads the text of a PDF written by ReportGen: glyph codes are mapped back to characters
/// through each font's ToUnicode map, drawn strings are gathered into lines by their baseline,
/// and lines into paragraphs by their UN labels (1., (a), I., 一.), so two builds compare
/// paragraph by paragraph. Running headers and page numbers are left out.
/// </summary>
public static partial class PdfText
{
    public static IReadOnlyList<string> Lines(string path)
    {
        Rendering.Pdf.Fonts.FontRegistry.Install();
        ReaderGuard.VerifyPdf(path);
        var codes = new int[1];
        using var pdf = PdfReader.Open(path, PdfDocumentOpenMode.Import);
        var lines = new List<string>();
        foreach (var page in pdf.Pages)
        {
            var maps = new Dictionary<string, Dictionary<int, string>>();
            var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
            if (fonts is not null)
                foreach (string key in fonts.Elements.Keys)
                    if (fonts.Elements.GetDictionary(key)?.Elements.GetDictionary("/ToUnicode") is { Stream: { } stream })
                        maps[key] = ParseCMap(Encoding.Latin1.GetString(stream.UnfilteredValue), codes, Path.GetFileName(path));
            var pageLines = new List<(double Y, StringBuilder Text)>();
            string font = "";
            double y = 0;
            void Show(string raw)
            {
                var text = new StringBuilder();
                var map = maps.GetValueOrDefault(font);
                for (int i = 0; i + 1 < raw.Length; i += 2)
                {
                    int code = (raw[i] << 8) | raw[i + 1];
                    text.Append(map is not null && map.TryGetValue(code, out var s) ? s : "");
                }
                if (pageLines.Count == 0 || Math.Abs(pageLines[^1].Y - y) > 1.5) pageLines.Add((y, new StringBuilder()));
                pageLines[^1].Text.Append(text);
            }
            void Walk(CSequence sequence)
            {
                foreach (var item in sequence)
                {
                    if (item is CSequence nested) { Walk(nested); continue; }
                    if (item is not COperator op) continue;
                    switch (op.OpCode.Name)
                    {
                        case "Tf" when op.Operands.Count > 0 && op.Operands[0] is CName name: font = name.Name; break;
                        case "Tm" when op.Operands.Count >= 6: y = Number(op.Operands[5]); break;
                        case "Td" or "TD" when op.Operands.Count >= 2: y += Number(op.Operands[1]); break;
                        case "Tj" or "'" when op.Operands.Count > 0 && op.Operands[^1] is CString s: Show(s.Value); break;
                        case "TJ" when op.Operands.Count > 0 && op.Operands[0] is CArray array:
                            foreach (var part in array.OfType<CString>()) Show(part.Value);
                            break;
                    }
                }
            }
            Walk(ContentReader.ReadContent(page));
            lines.AddRange(pageLines.Select(l => l.Text.ToString().Trim()).Where(l => l.Length > 0));
            lines.Add("\f");
        }
        return lines;
    }

    private static double Number(CObject value) => value switch
    {
        CInteger i => i.Value,
        CReal r => r.Value,
        _ => 0,
    };

    /// <summary>bfchar and bfrange entries of a ToUnicode CMap: code → text.</summary>
    /// <remarks>Codes are two bytes (what ReportGen writes); longer codes and texts are skipped, and all maps together hold at most <see cref="ReaderGuard.MaxCMapCodes"/> codes.</remarks>
    private static Dictionary<int, string> ParseCMap(string cmap, int[] codes, string name)
    {
        var map = new Dictionary<int, string>();
        static string Hex(string hex)
        {
            var text = new StringBuilder();
            for (int i = 0; i + 4 <= hex.Length && text.Length < 64; i += 4) text.Append((char)int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber));
            return text.ToString();
        }
        static int? Code(string hex) => hex.Length <= 4 ? int.Parse(hex, NumberStyles.HexNumber) : null;
        void Count(int n)
        {
            codes[0] += n;
            if (codes[0] > ReaderGuard.MaxCMapCodes)
                throw new Workbook.InputException(new Workbook.Problem(name, $"its character maps (ToUnicode) map more than {ReaderGuard.MaxCMapCodes:N0} codes (the limit)"));
        }
        foreach (Match block in BfChar().Matches(cmap))
            foreach (Match m in Pair().Matches(block.Groups[1].Value))
                if (Code(m.Groups[1].Value) is int code)
                {
                    Count(1);
                    map[code] = Hex(m.Groups[2].Value);
                }
        foreach (Match block in BfRange().Matches(cmap))
            foreach (Match m in Range().Matches(block.Groups[1].Value))
            {
                if (Code(m.Groups[1].Value) is not int low || Code(m.Groups[2].Value) is not int high || high < low) continue;
                string first = Hex(m.Groups[3].Value);
                if (first.Length == 0) continue;
                Count(high - low + 1);
                for (int c = low; c <= high; c++)
                    map[c] = first[..^1] + (char)(first[^1] + c - low);
            }
        return map;
    }

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)] private static partial Regex BfChar();
    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)] private static partial Regex BfRange();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")] private static partial Regex Pair();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")] private static partial Regex Range();

    [GeneratedRegex(@"^(\d+)\.")] private static partial Regex NumberLabel();
    [GeneratedRegex(@"^\(([a-z]+|[一二三四五六七八九十]+)\)")] private static partial Regex SubLabel();
    [GeneratedRegex(@"^([IVXLC]+|[一二三四五六七八九十]+|[A-H])\.")] private static partial Regex HeadingLabel();
    [GeneratedRegex(@"^(Annex|附件)")] private static partial Regex AnnexLabel();

    /// <summary>The document's paragraphs, keyed as the Word reader keys them where the labels allow.</summary>
    public static IReadOnlyList<KeyedParagraph> Paragraphs(string path)
    {
        var lines = Lines(path);
        string symbol = lines.FirstOrDefault(l => l.StartsWith("HSP/", StringComparison.Ordinal) || l.Contains('/')) ?? "";
        var result = new List<KeyedParagraph>();
        var keys = new HashSet<string>();
        string key = "masthead", annex = "", paragraph = "";
        var text = new StringBuilder();
        int other = 0;
        bool started = false;
        void Flush()
        {
            if (text.Length == 0) return;
            string unique = key;
            for (int i = 2; !keys.Add(unique); i++) unique = $"{key} #{i}";
            result.Add(new KeyedParagraph(unique, text.ToString().Trim()));
            text.Clear();
        }
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0) continue;
            if (line == "\f" || line == symbol && started || Regex.IsMatch(line, @"^\d+$")) continue; // page breaks, running header, page numbers
            if (AnnexLabel().IsMatch(line) && line.Length < 12) { Flush(); annex = line + ", "; key = annex + "label"; text.Append(line); Flush(); key = annex + "text"; started = true; continue; }
            // "7.2020 年…": a paragraph whose text starts with a digit is told from a decimal by being the next number.
            if (NumberLabel().Match(line) is { Success: true } n && annex.Length == 0 &&
                (n.Length == line.Length || !char.IsAsciiDigit(line[n.Length]) || n.Groups[1].Value == NextNumber(paragraph)))
            {
                Flush(); started = true; paragraph = n.Groups[1].Value; key = paragraph; text.Append(line[n.Length..].Trim()); continue;
            }
            if (SubLabel().Match(line) is { Success: true } sub && started && annex.Length == 0)
            {
                Flush(); key = $"{paragraph} ({sub.Groups[1].Value})"; text.Append(line[sub.Length..].Trim()); continue;
            }
            // Chapter numbers (I., 一.) open the body even before paragraph 1; section letters only within it.
            if (HeadingLabel().Match(line) is { Success: true } h && (started || !Regex.IsMatch(h.Value, "^[A-H]\\.")))
            {
                Flush(); started = true; key = $"{annex}heading {h.Value}"; text.Append(line); Flush(); key = annex.Length > 0 ? $"{annex}text {++other}" : paragraph; continue;
            }
            if (annex.Length > 0) { Flush(); key = $"{annex}line {++other}"; text.Append(line); Flush(); continue; }
            // A continuation line: Latin lines join with a space, Chinese ones directly.
            if (text.Length > 0 && !(Script.IsWide(text[^1]) && Script.IsWide(line[0]))) text.Append(' ');
            text.Append(line);
        }
        Flush();
        return result;
    }


    private static string NextNumber(string paragraph) =>
        (int.TryParse(paragraph, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n + 1 : 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
