using System.Globalization;
using System.Text;
using PdfSharp.Pdf;

namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// Writes a tagged PDF's structure tree (the StructTreeRoot, its ParentTree, a StructElem per
/// element) into the PDF PDFsharp has saved: the objects are appended where PDFsharp's
/// cross-reference table was, the catalog's reference to the root (written by PDFsharp as a
/// placeholder of fixed length) is patched in place, and the table and trailer are written anew
/// with the new objects. No PDF object of PDFsharp's is made for the tree, so the pages' saving
/// does not hold or walk it; the tree is written straight from the <see cref="StructNode"/>s.
/// </summary>
public static class StructureWriter
{
    /// <summary>What the catalog holds for /StructTreeRoot until the root's number is known: as long as any reference written over it.</summary>
    private const string Placeholder = "0000000000 0 R";

    /// <summary>Puts the placeholder for the structure tree's root in the catalog, before PDFsharp saves.</summary>
    public static void ReserveRoot(PdfDocument pdf) =>
        pdf.Internals.Catalog.Elements["/StructTreeRoot"] = new PdfLiteral(Placeholder);

    /// <summary>
    /// Appends the tree to <paramref name="output"/>, which holds the PDF as PDFsharp saved it
    /// (one cross-reference section, a trailer, startxref).
    /// </summary>
    public static void Append(MemoryStream output, PdfDocument document, StructNode root, IReadOnlyList<List<StructNode>> parentTree)
    {
        var saved = output.GetBuffer().AsSpan(0, (int)output.Length);
        int startxref = saved.LastIndexOf("startxref"u8);
        if (startxref < 0) throw new InvalidOperationException("the saved PDF has no startxref");
        int xref = ParseInt(saved, Skip(saved, startxref + "startxref".Length), out _);
        if (!saved[xref..].StartsWith("xref\n0 "u8)) throw new InvalidOperationException("the saved PDF's cross-reference table is not one section from object 0");
        int size = ParseInt(saved, xref + "xref\n0 ".Length, out int afterSize);
        int entries = Skip(saved, afterSize);
        const int EntryLength = 20;
        int trailer = entries + size * EntryLength;
        if (!saved[trailer..].StartsWith("trailer"u8)) throw new InvalidOperationException("the saved PDF's cross-reference table is not where its entries end");
        byte[] oldEntries = saved.Slice(entries, size * EntryLength).ToArray();
        string oldTrailer = Encoding.Latin1.GetString(saved[trailer..startxref]);

        // The catalog's placeholder becomes the reference to the root, the first object appended.
        int catalog = document.Internals.Catalog.Reference?.ObjectNumber ?? throw new InvalidOperationException("the catalog was not saved");
        int catalogAt = ParseInt(saved, entries + catalog * EntryLength, out _);
        int end = saved[catalogAt..].IndexOf("endobj"u8);
        int placeholder = end < 0 ? -1 : saved.Slice(catalogAt, end).IndexOf(Encoding.ASCII.GetBytes(Placeholder));
        if (placeholder < 0) throw new InvalidOperationException("the catalog has no placeholder for the structure tree");
        Encoding.ASCII.GetBytes($"{size} 0 R".PadRight(Placeholder.Length), saved.Slice(catalogAt + placeholder, Placeholder.Length));

        var pages = new int[document.Pages.Count];
        for (int i = 0; i < pages.Length; i++)
            pages[i] = document.Pages[i].Reference?.ObjectNumber ?? throw new InvalidOperationException("a page was not saved");

        // Numbers in the order written: the root, the parent tree, then the elements depth first.
        int next = size + 2;
        Number(root, ref next);

        output.SetLength(xref);
        output.Position = xref;
        var offsets = new List<long>(next - size);
        var text = new StringBuilder(1 << 16);
        void BeginObject(int number)
        {
            offsets.Add(output.Position + text.Length); // the text is ASCII: a character is a byte
            text.Append(number).Append(" 0 obj\n");
        }
        void EndObject()
        {
            text.Append("\nendobj\n");
            if (text.Length >= 1 << 15) Flush(output, text);
        }

        BeginObject(size);
        text.Append("<</Type/StructTreeRoot/ParentTree ").Append(size + 1).Append(" 0 R/K ").Append(root.Number).Append(" 0 R/ParentTreeNextKey ").Append(parentTree.Count).Append(">>");
        EndObject();
        BeginObject(size + 1);
        text.Append("<</Nums[");
        for (int key = 0; key < parentTree.Count; key++)
        {
            if (key > 0) text.Append(' ');
            text.Append(key).Append('[');
            var elements = parentTree[key];
            for (int i = 0; i < elements.Count; i++)
            {
                if (i > 0) text.Append(' ');
                text.Append(elements[i].Number).Append(" 0 R");
            }
            text.Append(']');
            if (text.Length >= 1 << 15) Flush(output, text);
        }
        text.Append("]>>");
        EndObject();
        WriteElements(root, size, pages, text, BeginObject, EndObject);
        Flush(output, text);

        long table = output.Position;
        int newSize = size + offsets.Count;
        text.Append("xref\n0 ").Append(newSize).Append('\n');
        Flush(output, text);
        output.Write(oldEntries);
        foreach (long offset in offsets)
            text.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        string sizeKey = "/Size " + size.ToString(CultureInfo.InvariantCulture);
        int sizeAt = oldTrailer.IndexOf(sizeKey, StringComparison.Ordinal);
        if (sizeAt < 0 || (sizeAt + sizeKey.Length < oldTrailer.Length && char.IsAsciiDigit(oldTrailer[sizeAt + sizeKey.Length])))
            throw new InvalidOperationException("the saved PDF's trailer has no /Size");
        text.Append(oldTrailer, 0, sizeAt).Append("/Size ").Append(newSize).Append(oldTrailer, sizeAt + sizeKey.Length, oldTrailer.Length - sizeAt - sizeKey.Length);
        text.Append("startxref\n").Append(table).Append("\n%%EOF\n");
        Flush(output, text);
    }

    private static void Number(StructNode node, ref int next)
    {
        node.Number = node.Parent is null ? next++ : node.Number;
        if (node.Kids is null) return;
        foreach (var kid in node.Kids)
            if (kid.Node is { } child)
            {
                child.Number = next++;
                Number(child, ref next);
            }
    }

    private static void WriteElements(StructNode node, int rootNumber, int[] pages, StringBuilder text, Action<int> begin, Action end)
    {
        begin(node.Number);
        text.Append("<</Type/StructElem/S/").Append(node.Role).Append("/P ").Append(node.Parent?.Number ?? rootNumber).Append(" 0 R");
        if (node.Id is not null) text.Append("/ID").Append(TextString(node.Id));
        if (node.Language is not null) text.Append("/Lang").Append(TextString(node.Language));
        if (node.ActualText is not null) text.Append("/ActualText").Append(TextString(node.ActualText));
        if (node.Role == "Figure")
        {
            text.Append("/Alt").Append(TextString(node.Alt ?? ""));
            if (node.BBox is var (x1, y1, x2, y2))
                text.Append("/A<</O/Layout/BBox[").Append(Real(x1)).Append(' ').Append(Real(y1)).Append(' ').Append(Real(x2)).Append(' ').Append(Real(y2)).Append("]>>");
        }
        if (node.Scope is not null) text.Append("/A<</O/Table/Scope/").Append(node.Scope).Append(">>");
        if (node.Page >= 0) text.Append("/Pg ").Append(pages[node.Page]).Append(" 0 R");
        if (node.Kids is { Count: > 0 } kids)
        {
            // One kid is written alone, several as an array (as PDFsharp simplifies /K).
            text.Append("/K");
            if (kids.Count > 1) text.Append('[');
            for (int i = 0; i < kids.Count; i++)
            {
                var kid = kids[i];
                if (i > 0 || kids.Count == 1) text.Append(' ');
                if (kid.Node is { } child) text.Append(child.Number).Append(" 0 R");
                else if (kid.Page == node.Page) text.Append(kid.Mcid);
                else text.Append("<</Type/MCR/Pg ").Append(pages[kid.Page]).Append(" 0 R/MCID ").Append(kid.Mcid).Append(">>");
            }
            if (kids.Count > 1) text.Append(']');
        }
        text.Append(">>");
        end();
        if (node.Kids is null) return;
        foreach (var kid in node.Kids)
            if (kid.Node is { } child) WriteElements(child, rootNumber, pages, text, begin, end);
    }

    /// <summary>A number as PDFsharp writes rectangles: at most three decimals.</summary>
    private static string Real(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A PDF text string: printable ASCII as a literal, anything else as UTF-16BE (with its byte order mark) in hex.</summary>
    private static string TextString(string value)
    {
        bool ascii = true;
        foreach (char c in value)
            if (c < 0x20 || c > 0x7E) { ascii = false; break; }
        var s = new StringBuilder(value.Length * (ascii ? 1 : 4) + 6);
        if (ascii)
        {
            s.Append('(');
            foreach (char c in value)
            {
                if (c is '(' or ')' or '\\') s.Append('\\');
                s.Append(c);
            }
            return s.Append(')').ToString();
        }
        s.Append("<FEFF");
        foreach (char c in value) s.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return s.Append('>').ToString();
    }

    private static void Flush(MemoryStream output, StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            int at = (int)output.Position;
            output.SetLength(at + chunk.Length);
            Encoding.ASCII.GetBytes(chunk.Span, output.GetBuffer().AsSpan(at, chunk.Length));
            output.Position = at + chunk.Length;
        }
        text.Clear();
    }

    private static int Skip(ReadOnlySpan<byte> pdf, int at)
    {
        while (at < pdf.Length && pdf[at] is (byte)' ' or (byte)'\r' or (byte)'\n') at++;
        return at;
    }

    private static int ParseInt(ReadOnlySpan<byte> pdf, int at, out int end)
    {
        int value = 0;
        end = at;
        while (end < pdf.Length && pdf[end] is >= (byte)'0' and <= (byte)'9') value = value * 10 + (pdf[end++] - '0');
        if (end == at) throw new InvalidOperationException($"the saved PDF has no number at byte {at}");
        return value;
    }
}
