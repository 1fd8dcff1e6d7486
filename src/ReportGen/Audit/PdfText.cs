using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using ReportGen.Typesetting;

namespace ReportGen.Audit;

/// <summary>
/// Reads the text of a PDF written by ReportGen: glyph codes are mapped back to characters
/// through each font's ToUnicode map, and each drawn string is given to the region of the named
/// destination above it (<see cref="Document.Anchors"/>: the writer names where each paragraph,
/// sub-item, heading, table row, chart and footnote starts, and the regions that hold no text of
/// the document: running headers, page numbers, a chart's drawing). A label drawn left of where
/// its paragraph's text starts ("8.", "(a)", "III.", a footnote's number) is left out, as Word's
/// numbering is not text either.
/// </summary>
public static partial class PdfText
{
    /// <summary>A string drawn on a page: where (y from the top of the page, to its baseline), how large, what; in a table, its cell.</summary>
    private sealed record DrawnText(double X, double Y, double Size, string Text, TableCellTag? Cell);

    /// <summary>A cell of a table row, from the structure tree: its place in the row (TD or TH element).</summary>
    private sealed record TableCellTag(int Index, bool Header);

    private sealed record Destination(string Name, double X, double Top);

    private static List<(List<DrawnText> Texts, List<Destination> Destinations)> Pages(string path)
    {
        Rendering.Pdf.Fonts.FontRegistry.Install();
        ReaderGuard.VerifyPdf(path);
        var codes = new int[1];
        using var pdf = PdfReader.Open(path, PdfDocumentOpenMode.Import);
        var pageIndex = new Dictionary<PdfDictionary, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < pdf.Pages.Count; i++) pageIndex[pdf.Pages[i]] = i;
        var pages = pdf.Pages.Cast<PdfPage>().Select(_ => (Texts: new List<DrawnText>(), Destinations: new List<Destination>())).ToList();
        if (pdf.Internals.Catalog.Elements.GetDictionary("/Dests") is { } dests)
            foreach (string key in dests.Elements.Keys)
                if (dests.Elements.GetArray(key) is { Elements.Count: >= 4 } array && array.Elements.GetReference(0)?.Value is PdfDictionary page
                    && pageIndex.TryGetValue(page, out int index))
                    pages[index].Destinations.Add(new Destination(key.TrimStart('/'), Number(array.Elements[2]), pdf.Pages[index].Height.Point - Number(array.Elements[3])));
        var cells = TableCells(pdf, pageIndex);
        for (int p = 0; p < pdf.Pages.Count; p++)
        {
            var page = pdf.Pages[p];
            // Marked content, innermost last: its MCID (the page's BDCs numbered 0, 1, 2… in drawing
            // order, as ReportGen's writer numbers them; PDFsharp's content reader drops BDC's
            // property list), or -1 for BMC (an artifact).
            var marked = new List<int>();
            int nextMcid = 0;
            double height = page.Height.Point;
            var maps = new Dictionary<string, Dictionary<int, string>>();
            var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
            if (fonts is not null)
                foreach (string key in fonts.Elements.Keys)
                    if (fonts.Elements.GetDictionary(key)?.Elements.GetDictionary("/ToUnicode") is { Stream: { } stream })
                        maps[key] = ParseCMap(Encoding.Latin1.GetString(stream.UnfilteredValue), codes, Path.GetFileName(path));
            var texts = pages[p].Texts;
            string font = "";
            double x = 0, y = 0, size = 0;
            void Show(string raw)
            {
                var text = new StringBuilder();
                var map = maps.GetValueOrDefault(font);
                for (int i = 0; i + 1 < raw.Length; i += 2)
                {
                    int code = (raw[i] << 8) | raw[i + 1];
                    text.Append(map is not null && map.TryGetValue(code, out var s) ? s : "");
                }
                TableCellTag? cell = null;
                for (int m = marked.Count - 1; m >= 0 && cell is null; m--)
                    if (marked[m] >= 0) cell = cells.GetValueOrDefault((p, marked[m]));
                if (text.Length > 0) texts.Add(new DrawnText(x, height - y, size, text.ToString(), cell));
            }
            void Walk(CSequence sequence)
            {
                foreach (var item in sequence)
                {
                    if (item is CSequence nested) { Walk(nested); continue; }
                    if (item is not COperator op) continue;
                    switch (op.OpCode.Name)
                    {
                        case "BT": x = y = 0; break;
                        case "BDC": marked.Add(nextMcid++); break;
                        case "BMC": marked.Add(-1); break;
                        case "EMC" when marked.Count > 0: marked.RemoveAt(marked.Count - 1); break;
                        case "Tf" when op.Operands.Count > 1 && op.Operands[0] is CName name: font = name.Name; size = Number(op.Operands[1]); break;
                        case "Tm" when op.Operands.Count >= 6: x = Number(op.Operands[4]); y = Number(op.Operands[5]); break;
                        case "Td" or "TD" when op.Operands.Count >= 2: x += Number(op.Operands[0]); y += Number(op.Operands[1]); break;
                        case "Tj" or "'" when op.Operands.Count > 0 && op.Operands[^1] is CString s: Show(s.Value); break;
                        case "TJ" when op.Operands.Count > 0 && op.Operands[0] is CArray array:
                            foreach (var part in array.OfType<CString>()) Show(part.Value);
                            break;
                    }
                }
            }
            Walk(ContentReader.ReadContent(page));
            // A cell whose MCID this page does not have: the numbering is not ReportGen's; its cells are not known.
            if (cells.Keys.Any(k => k.Page == p && k.Mcid >= nextMcid))
                for (int t = 0; t < texts.Count; t++) texts[t] = texts[t] with { Cell = null };
        }
        return pages;
    }

    /// <summary>
    /// The table cells of the structure tree, by page and MCID of their marked content: each TH or
    /// TD of a TR, numbered in the row's order (a cell's own descendants, a note reference, count as
    /// the cell). Empty for an untagged PDF.
    /// </summary>
    private static Dictionary<(int Page, int Mcid), TableCellTag> TableCells(PdfDocument pdf, Dictionary<PdfDictionary, int> pageIndex)
    {
        var cells = new Dictionary<(int Page, int Mcid), TableCellTag>();
        var seen = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        static PdfItem? Resolved(PdfItem? item) => item is PdfReference r ? r.Value : item;
        static IEnumerable<PdfItem?> Kids(PdfItem? k) => Resolved(k) is PdfArray array ? array.Elements.Select(Resolved) : [Resolved(k)];
        void Visit(PdfDictionary element, int? page, TableCellTag? cell, int depth)
        {
            if (depth > ReaderGuard.MaxPdfDepth || !seen.Add(element)) return;
            if (Resolved(element.Elements["/Pg"]) is PdfDictionary pg && pageIndex.TryGetValue(pg, out int p)) page = p;
            bool row = element.Elements.GetName("/S") == "/TR";
            int index = 0;
            foreach (var kid in Kids(element.Elements["/K"]))
                switch (kid)
                {
                    case PdfInteger mcid when cell is not null && page is int on: cells[(on, mcid.Value)] = cell; break;
                    case PdfDictionary { } d when d.Elements.GetName("/Type") == "/MCR":
                        int? mcrPage = Resolved(d.Elements["/Pg"]) is PdfDictionary mp && pageIndex.TryGetValue(mp, out int q) ? q : page;
                        if (cell is not null && mcrPage is int at && d.Elements["/MCID"] is PdfInteger id) cells[(at, id.Value)] = cell;
                        break;
                    case PdfDictionary { } d when d.Elements.ContainsKey("/S"):
                        string role = d.Elements.GetName("/S");
                        Visit(d, page, row && role is "/TD" or "/TH" ? new TableCellTag(index++, role == "/TH") : cell, depth + 1);
                        break;
                }
        }
        if (pdf.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot") is { } root) Visit(root, null, null, 0);
        return cells;
    }

    private static double Number(PdfItem item) => item switch
    {
        PdfInteger i => i.Value,
        PdfReal r => r.Value,
        _ => 0,
    };

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
                throw new InputException(new Problem(name, $"its character maps (ToUnicode) map more than {ReaderGuard.MaxCMapCodes:N0} codes (the limit)"));
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

    /// <summary>
    /// The document's text keyed by anchor, as the Word reader keys it. Within a region, lines join
    /// with a space (Chinese lines directly); a hyphen the line breaker added at a line's end (drawn
    /// as a string of its own after a syllable) is dropped and the word joined.
    /// </summary>
    public static IReadOnlyList<KeyedParagraph> Paragraphs(string path)
    {
        var pages = Pages(path);
        // A PDF that names no anchors (not written by ReportGen) reads as one region, "text".
        if (pages.All(p => p.Destinations.All(d => Document.Anchors.Decode(d.Name) is null)))
            foreach (var page in pages) page.Destinations.Add(new Destination(Document.Anchors.Encode("text"), double.NegativeInfinity, double.NegativeInfinity));
        var regions = new AnchoredText();
        var cells = new RowCells();
        var inCell = new Dictionary<(string Anchor, int Cell), DrawnText>();
        foreach (var (texts, destinations) in pages)
        {
            var ordered = destinations.OrderBy(d => d.Top).ThenBy(d => d.X).ToList();
            Destination? current = null;
            DrawnText? first = null, previous = null;
            var line = new StringBuilder();
            void EndLine()
            {
                regions.Append(line.ToString());
                regions.EndParagraph();
                line.Clear();
            }
            foreach (var text in texts)
            {
                var region = RegionOf(ordered, text);
                if (region != current)
                {
                    EndLine();
                    current = region;
                    first = text;
                    previous = null;
                    regions.Start(region is null ? null : Document.Anchors.RegionOf(Continued(region.Name)));
                }
                // A label hangs left of where its region's text starts, on the first line.
                if (region is not null && text.X < region.X - 0.5 && Math.Abs(text.Y - first!.Y) < 1) continue;
                if (previous is not null && NewLine(previous, text))
                {
                    string joined = line.ToString();
                    bool hyphen = joined.Length > 1 && previous.Text == "-" && char.IsAsciiLetter(joined[^2]) && char.IsAsciiLetterLower(text.Text[0]);
                    if (hyphen) line.Length--;
                    else if (!(Script.IsWide(joined.LastOrDefault()) && Script.IsWide(text.Text[0]))) line.Append(' ');
                    regions.Append(line.ToString());
                    line.Clear();
                }
                if (text.Cell is { } cell && regions.Current is { } anchor)
                {
                    // A table cell's text on its own, its lines joined as the region's are.
                    var before = inCell.GetValueOrDefault((anchor, cell.Index));
                    bool newLine = before is not null && NewLine(before, text);
                    cells.Append(anchor, cell.Index, cell.Header, text.Text, newLine, joinHyphen: newLine && before!.Text == "-" && char.IsAsciiLetterLower(text.Text[0]));
                    inCell[(anchor, cell.Index)] = text;
                }
                line.Append(text.Text);
                previous = text;
            }
            EndLine();
        }
        return cells.Into(regions.Result()).Select(p => p with { Text = Spaced(string.Join(' ', p.Text.Split('\n'))) }).ToList();
    }

    /// <summary>
    /// Text as its words read, whatever the lines: a line's closing space and the space that joins
    /// it to the next are one space, and none stays between two Chinese characters, so a paragraph
    /// whose lines break elsewhere reads the same.
    /// </summary>
    private static string Spaced(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var result = new StringBuilder(text.Length);
        foreach (string word in words)
        {
            if (result.Length > 0 && !(Script.IsWide(result[^1]) && Script.IsWide(word[0]))) result.Append(' ');
            result.Append(word);
        }
        return result.ToString();
    }

    /// <summary>The region a string is drawn in: the destination nearest above it (of a row's, the last left of it).</summary>
    private static Destination? RegionOf(List<Destination> ordered, DrawnText text)
    {
        Destination? best = null;
        foreach (var d in ordered)
        {
            if (d.Top > text.Y + 0.5) break;
            if (best is null || d.Top > best.Top + 0.5 || d.X <= text.X + 0.5) best = d;
        }
        return best;
    }

    /// <summary>Another line: the string moved back left, or up or down by more than a superscript's rise.</summary>
    private static bool NewLine(DrawnText previous, DrawnText text) =>
        text.X < previous.X - 0.5 || Math.Abs(text.Y - previous.Y) > 0.6 * Math.Max(previous.Size, text.Size);

    /// <summary>"rg_13_ob_c_k4", the region of 13(b) going on at the top of page 4, is 13(b)'s (and "rgx_…_k4" the drawing's).</summary>
    private static string Continued(string name)
    {
        int k = name.LastIndexOf("_k", StringComparison.Ordinal);
        return k > 0 && k + 2 < name.Length && name[(k + 2)..].All(char.IsAsciiDigit) && name[k - 1] != '_' ? name[..k] : name;
    }

}
