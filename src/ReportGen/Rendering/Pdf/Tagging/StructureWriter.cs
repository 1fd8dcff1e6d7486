using System.Globalization;
using System.IO.Compression;
using System.Text;
using PdfSharp.Pdf;

namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// Writes a tagged PDF's structure tree (the StructTreeRoot, its ParentTree, a StructElem per
/// element) into the PDF PDFsharp has saved: the objects go, in compressed object streams, where
/// PDFsharp's cross-reference table was; a cross-reference stream (PDFsharp's entries and the
/// tree's) replaces the table and trailer; the catalog's reference to the root (written by
/// PDFsharp as a placeholder of fixed length) is patched in place. No PDF object of PDFsharp's is
/// made for the tree, so the pages' saving does not hold or walk it; the tree is written straight
/// from the <see cref="StructNode"/>s.
/// </summary>
internal static class StructureWriter
{
    /// <summary>What the catalog holds for /StructTreeRoot until the root's number is known: as long as any reference written over it.</summary>
    private const string Placeholder = "0000000000 0 R";

    /// <summary>Objects per object stream: enough to compress well, few enough for a reader to find one quickly.</summary>
    private const int ObjectsPerStream = 200;

    /// <summary>Puts the placeholder for the structure tree's root in the catalog, before PDFsharp saves.</summary>
    public static void ReserveRoot(PdfDocument pdf) =>
        pdf.Internals.Catalog.Elements["/StructTreeRoot"] = new PdfLiteral(Placeholder);

    /// <summary>What PDFsharp saved, and the numbers of its objects the tree refers to (pages, annotations): the document's objects are not needed after this.</summary>
    public sealed record SavedPdf(ChunkedStream Bytes, int[] Pages, int Catalog, int[] Annotations);

    /// <summary>The tree's object streams and the cross-reference stream, to follow PDFsharp's objects from <paramref name="At"/> on.</summary>
    public sealed record Added(ChunkedStream Bytes, int At, int RootNumber, int CatalogAt);

    /// <summary>Saves the document (with the placeholder for the tree's root: <see cref="ReserveRoot"/>).</summary>
    public static SavedPdf Save(PdfDocument document, IReadOnlyList<PdfDictionary> annotations)
    {
        var saved = new ChunkedStream();
        document.Save(saved, false);
        var pages = new int[document.Pages.Count];
        for (int i = 0; i < pages.Length; i++)
            pages[i] = document.Pages[i].Reference?.ObjectNumber ?? throw new InvalidOperationException("a page was not saved");
        int catalog = document.Internals.Catalog.Reference?.ObjectNumber ?? throw new InvalidOperationException("the catalog was not saved");
        var numbers = new int[annotations.Count];
        for (int i = 0; i < numbers.Length; i++)
            numbers[i] = annotations[i].Reference?.ObjectNumber ?? throw new InvalidOperationException("an annotation was not saved");
        return new SavedPdf(saved, pages, catalog, numbers);
    }

    /// <summary>
    /// Writes the tree's objects, to go where PDFsharp's cross-reference table was (PDFsharp saves
    /// one section, a trailer, startxref), then the cross-reference stream with PDFsharp's entries
    /// and the tree's, and the trailer's entries.
    /// </summary>
    public static Added Write(SavedPdf pdf, StructureTree structure)
    {
        var saved = pdf.Bytes;
        var pages = pdf.Pages;
        var root = structure.Root;
        var parentTree = structure.ParentTree;
        // The end of the file: startxref, the table, the trailer (a few bytes per object).
        int tailLength = (int)Math.Min(saved.Length, 1024);
        var end = new byte[tailLength];
        saved.CopyTo(saved.Length - tailLength, end);
        int startxrefAt = end.AsSpan().LastIndexOf("startxref"u8);
        if (startxrefAt < 0) throw new InvalidOperationException("the saved PDF has no startxref");
        int xref = ParseInt(end, Skip(end, startxrefAt + "startxref".Length), out _);
        var tail = new byte[saved.Length - xref];
        saved.CopyTo(xref, tail);
        ReadOnlySpan<byte> table = tail;
        if (!table.StartsWith("xref\n0 "u8)) throw new InvalidOperationException("the saved PDF's cross-reference table is not one section from object 0");
        int size = ParseInt(table, "xref\n0 ".Length, out int afterSize);
        int entries = Skip(table, afterSize);
        const int EntryLength = 20;
        int trailer = entries + size * EntryLength;
        int startxref = table.LastIndexOf("startxref"u8);
        if (!table[trailer..].StartsWith("trailer"u8) || startxref < trailer) throw new InvalidOperationException("the saved PDF's cross-reference table is not where its entries end");
        string oldTrailer = Encoding.Latin1.GetString(table[trailer..startxref]);
        int catalogAt = ParseInt(table, entries + pdf.Catalog * EntryLength, out _);

        // Numbers in the order written: the root, the parent tree, then the elements depth first.
        int next = size + 2;
        Number(structure.Kids, root, ref next);

        // The tree's objects go in compressed object streams (PDF 1.5; PDFsharp writes 1.7): a
        // structure element is some 60 bytes of text much like the next, three quarters of a long
        // document's file when written plainly, a tenth of that compressed. The cross-reference
        // table becomes a cross-reference stream, which can point into them.
        int objects = next - size;
        int streams = (objects + ObjectsPerStream - 1) / ObjectsPerStream;
        int firstStream = next, xrefStream = next + streams, total = xrefStream + 1;
        var added = new ChunkedStream(); // the object streams, then the cross-reference stream
        var streamOffsets = new long[streams];
        var text = new StringBuilder(1 << 16);
        var batch = new List<(int Number, int Offset)>(ObjectsPerStream);
        var packed = new MemoryStream();
        int written = 0;
        void BeginObject(int number) => batch.Add((number, text.Length));
        void EndObject()
        {
            text.Append('\n');
            written++;
            if (batch.Count == ObjectsPerStream || written == objects) WriteObjectStream();
        }
        void WriteObjectStream()
        {
            var header = new StringBuilder();
            foreach (var (number, offset) in batch) header.Append(number).Append(' ').Append(offset).Append(' ');
            header.Length--;
            header.Append('\n');
            int first = header.Length; // ASCII: the byte offset of the first object
            packed.SetLength(0);
            using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                Flush(zlib, header);
                Flush(zlib, text);
            }
            int stream = (batch[0].Number - size) / ObjectsPerStream;
            streamOffsets[stream] = xref + added.Position;
            var dictionary = new StringBuilder().Append(firstStream + stream).Append(" 0 obj\n<</Type/ObjStm/N ").Append(batch.Count).Append("/First ")
                .Append(first).Append("/Filter/FlateDecode/Length ").Append(packed.Length).Append(">>\nstream\n");
            Flush(added, dictionary);
            added.Write(packed.GetBuffer().AsSpan(0, (int)packed.Length));
            added.Write("\nendstream\nendobj\n"u8);
            batch.Clear();
        }

        BeginObject(size);
        text.Append("<</Type/StructTreeRoot/ParentTree ").Append(size + 1).Append(" 0 R/K ").Append(root.Number).Append(" 0 R/ParentTreeNextKey ").Append(parentTree.Count).Append(">>");
        EndObject();
        BeginObject(size + 1);
        text.Append("<</Nums[");
        for (int key = 0; key < parentTree.Count; key++)
        {
            if (key > 0) text.Append(' ');
            text.Append(key);
            // An annotation's entry is its element; a page's, the array of its MCIDs' elements.
            if (parentTree[key].Owner is { } owner)
            {
                text.Append(' ').Append(owner.Number).Append(" 0 R");
                continue;
            }
            text.Append('[');
            var elements = parentTree[key].Marked!;
            for (int i = 0; i < elements.Count; i++)
            {
                if (i > 0) text.Append(' ');
                text.Append(elements[i].Number).Append(" 0 R");
            }
            text.Append(']');
        }
        text.Append("]>>");
        EndObject();
        WriteElements(structure, root, size, pages, pdf.Annotations, text, BeginObject, EndObject);

        // The cross-reference stream: PDFsharp's objects where it wrote them (its table's entries),
        // the tree's in their object streams, the object streams and this stream where they are.
        long xrefAt = xref + added.Position;
        var rows = new byte[total * 7]; // /W [1 4 2]: type, offset or object stream, generation or index
        void Row(int number, byte type, long field2, int field3)
        {
            var row = rows.AsSpan(number * 7, 7);
            row[0] = type;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(row[1..], checked((uint)field2));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(row[5..], checked((ushort)field3));
        }
        for (int n = 0; n < size; n++)
        {
            var entry = table.Slice(entries + n * EntryLength, EntryLength);
            long offset = ParseInt(entry, 0, out _);
            int generation = ParseInt(entry, 11, out _);
            Row(n, entry[17] == (byte)'n' ? (byte)1 : (byte)0, offset, generation);
        }
        for (int n = size; n < next; n++) Row(n, 2, firstStream + (n - size) / ObjectsPerStream, (n - size) % ObjectsPerStream);
        for (int i = 0; i < streams; i++) Row(firstStream + i, 1, streamOffsets[i], 0);
        Row(xrefStream, 1, xrefAt, 0);
        packed.SetLength(0);
        using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(rows);

        // The trailer's entries (/Root, /Info, /ID) go into the stream's dictionary; PDFsharp's comment after it stays.
        int open = oldTrailer.IndexOf("<<", StringComparison.Ordinal), close = oldTrailer.LastIndexOf(">>", StringComparison.Ordinal);
        string sizeKey = "/Size " + size.ToString(CultureInfo.InvariantCulture);
        string keys = open < 0 || close < open ? "" : oldTrailer[(open + 2)..close];
        int sizeAt = keys.IndexOf(sizeKey, StringComparison.Ordinal);
        if (sizeAt < 0 || (sizeAt + sizeKey.Length < keys.Length && char.IsAsciiDigit(keys[sizeAt + sizeKey.Length])))
            throw new InvalidOperationException("the saved PDF's trailer has no /Size");
        keys = keys.Remove(sizeAt, sizeKey.Length);
        text.Append(xrefStream).Append(" 0 obj\n<</Type/XRef/Size ").Append(total).Append("/W[1 4 2]").Append(keys)
            .Append("/Filter/FlateDecode/Length ").Append(packed.Length).Append(">>\nstream\n");
        Flush(added, text);
        added.Write(packed.GetBuffer().AsSpan(0, (int)packed.Length));
        text.Append("\nendstream\nendobj\n").Append(oldTrailer, close + 2, oldTrailer.Length - close - 2);
        if (text[^1] != '\n') text.Append('\n');
        text.Append("startxref\n").Append(xrefAt).Append("\n%%EOF\n");
        Flush(added, text);
        return new Added(added, xref, size, catalogAt);
    }

    /// <summary>
    /// The finished PDF: PDFsharp's objects, fixed by <paramref name="fix"/> (patched in place),
    /// with the catalog's placeholder made the reference to the tree's root; then the tree.
    /// </summary>
    public static byte[] Assemble(SavedPdf saved, Added added, SpanAction fix)
    {
        int xref = added.At;
        var pdf = new byte[xref + added.Bytes.Length];
        saved.Bytes.CopyTo(0, pdf.AsSpan(0, xref));
        fix(pdf.AsSpan(0, xref));
        added.Bytes.CopyTo(0, pdf.AsSpan(xref));
        var head = pdf.AsSpan(0, xref);
        int endobj = head[added.CatalogAt..].IndexOf("endobj"u8);
        int placeholder = endobj < 0 ? -1 : head.Slice(added.CatalogAt, endobj).IndexOf(Encoding.ASCII.GetBytes(Placeholder));
        if (placeholder < 0) throw new InvalidOperationException("the catalog has no placeholder for the structure tree");
        Encoding.ASCII.GetBytes($"{added.RootNumber} 0 R".PadRight(Placeholder.Length), head.Slice(added.CatalogAt + placeholder, Placeholder.Length));
        return pdf;
    }

    /// <summary>Fixes bytes in place.</summary>
    public delegate void SpanAction(Span<byte> bytes);

    private static void Number(KidStore kids, StructNode node, ref int next)
    {
        if (node.Parent is null) node.Number = next++;
        for (int i = node.FirstKid; i >= 0; i = kids[i].Next)
            if (kids[i].Node is { } child)
            {
                child.Number = next++;
                Number(kids, child, ref next);
            }
    }

    private static void WriteElements(StructureTree structure, StructNode node, int rootNumber, int[] pages, int[] annotations, StringBuilder text, Action<int> begin, Action end)
    {
        var kids = structure.Kids;
        begin(node.Number);
        text.Append("<</Type/StructElem/S/").Append(node.Role).Append("/P ").Append(node.Parent?.Number ?? rootNumber).Append(" 0 R");
        if (node.Id is not null) text.Append("/ID").Append(TextString(node.Id));
        if (node.Language is not null) text.Append("/Lang").Append(TextString(node.Language));
        if (node.ActualText is not null) text.Append("/ActualText").Append(TextString(node.ActualText));
        if (node.Role == "Figure")
        {
            text.Append("/Alt").Append(TextString(node.Alt ?? ""));
            if (structure.BoundingBoxes.TryGetValue(node, out var box))
                text.Append("/A<</O/Layout/BBox[").Append(Real(box.X1)).Append(' ').Append(Real(box.Y1)).Append(' ').Append(Real(box.X2)).Append(' ').Append(Real(box.Y2)).Append("]>>");
        }
        if (node.Scope is not null) text.Append("/A<</O/Table/Scope/").Append(node.Scope).Append(">>");
        if (node.Page >= 0) text.Append("/Pg ").Append(pages[node.Page]).Append(" 0 R");
        if (node.FirstKid >= 0)
        {
            // One kid is written alone, several as an array (as PDFsharp simplifies /K).
            bool several = kids[node.FirstKid].Next >= 0;
            text.Append(several ? "/K[" : "/K ");
            for (int i = node.FirstKid; i >= 0; i = kids[i].Next)
            {
                var kid = kids[i];
                if (i != node.FirstKid) text.Append(' ');
                if (kid.Node is { } child) text.Append(child.Number).Append(" 0 R");
                else if (kid.Annotation >= 0)
                    text.Append("<</Type/OBJR/Obj ").Append(annotations[kid.Annotation]).Append(" 0 R/Pg ").Append(pages[kid.Page]).Append(" 0 R>>");
                else if (kid.Page == node.Page) text.Append(kid.Mcid);
                else text.Append("<</Type/MCR/Pg ").Append(pages[kid.Page]).Append(" 0 R/MCID ").Append(kid.Mcid).Append(">>");
            }
            if (several) text.Append(']');
        }
        text.Append(">>");
        end();
        for (int i = node.FirstKid; i >= 0; i = kids[i].Next)
            if (kids[i].Node is { } child) WriteElements(structure, child, rootNumber, pages, annotations, text, begin, end);
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

    private static void Flush(Stream output, StringBuilder text)
    {
        Span<byte> bytes = stackalloc byte[4096];
        foreach (var chunk in text.GetChunks())
            for (var chars = chunk.Span; chars.Length > 0;)
            {
                int n = Math.Min(chars.Length, bytes.Length);
                Encoding.ASCII.GetBytes(chars[..n], bytes);
                output.Write(bytes[..n]);
                chars = chars[n..];
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
