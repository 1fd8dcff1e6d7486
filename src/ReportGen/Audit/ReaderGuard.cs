using System.IO.Compression;
using System.Xml;

namespace ReportGen.Audit;

/// <summary>
/// Bounds on the documents <c>diff</c> and <c>explain</c> read back, checked before a library
/// parses them: DOCX parts and nesting, PDF nesting and how far its streams inflate. The
/// libraries parse recursively, so nesting is what would otherwise overflow the stack.
/// </summary>
public static class ReaderGuard
{
    /// <summary>The largest part of a Word document, and the most a PDF stream may inflate to.</summary>
    public const long MaxPartBytes = 200L * 1024 * 1024;

    /// <summary>How deep XML elements may nest in word/document.xml.</summary>
    public const int MaxXmlDepth = 256;

    /// <summary>How deep arrays and dictionaries may nest in a PDF.</summary>
    public const int MaxPdfDepth = 2_048;

    /// <summary>The most all of a PDF's streams may inflate to together.</summary>
    public const long MaxPdfInflated = 512L * 1024 * 1024;

    /// <summary>The most codes a PDF's character maps may map, together.</summary>
    public const int MaxCMapCodes = 1_000_000;

    /// <summary>Stack for reading documents: ample for every nesting the limits allow.</summary>
    public const int ReaderStackBytes = 256 * 1024 * 1024;

    public static void VerifyDocx(string path)
    {
        string name = Path.GetFileName(path);
        IO.PackageCheck.Verify(path, name, MaxPartBytes, "document");
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry("word/document.xml");
        if (entry is null) return; // the reader says what is missing
        try
        {
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
                if (reader.Depth > MaxXmlDepth)
                    throw new InputException(new Problem($"{name} (word/document.xml)", $"its XML is nested more than {MaxXmlDepth} levels deep"));
        }
        catch (XmlException e)
        {
            throw new InputException(new Problem($"{name} (word/document.xml)", $"the XML is malformed ({e.Message.TrimEnd('.')})"));
        }
    }

    /// <summary>
    /// Scans a PDF's bytes: nesting of arrays and dictionaries outside streams, and in every
    /// stream once inflated, each stream inflating to at most <see cref="MaxPartBytes"/>.
    /// </summary>
    public static void VerifyPdf(string path)
    {
        string name = Path.GetFileName(path);
        byte[] bytes = File.ReadAllBytes(path);
        long inflated = 0;
        int i = 0;
        var outside = new DepthCounter(name, "the file");
        while (i < bytes.Length)
        {
            int start = IndexOf(bytes, "stream"u8, i);
            int end = start < 0 ? bytes.Length : start;
            outside.Scan(bytes.AsSpan(i, end - i));
            if (start < 0) break;
            int data = start + 6;
            if (data < bytes.Length && bytes[data] == '\r') data++;
            if (data < bytes.Length && bytes[data] == '\n') data++;
            int stop = IndexOf(bytes, "endstream"u8, data);
            if (stop < 0) stop = bytes.Length;
            var raw = bytes.AsSpan(data, stop - data);
            if (raw.Length > 2 && raw[0] == 0x78) // a zlib stream (FlateDecode)
            {
                var content = Inflate(raw, name);
                inflated += content.Length;
                if (inflated > MaxPdfInflated)
                    throw new InputException(new Problem(name, $"its streams inflate to more than {MaxPdfInflated / (1024 * 1024):N0} MB (the limit)"));
                new DepthCounter(name, "a stream").Scan(content);
            }
            else new DepthCounter(name, "a stream").Scan(raw);
            i = stop + 9;
        }
    }

    private static byte[] Inflate(ReadOnlySpan<byte> raw, string name)
    {
        using var input = new MemoryStream(raw.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int n;
            while ((n = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > MaxPartBytes)
                    throw new InputException(new Problem(name, $"a stream inflates to more than {MaxPartBytes / (1024 * 1024):N0} MB (the limit)"));
            }
        }
        catch (InvalidDataException) { } // not really compressed, or damaged: PDFsharp will say so
        return output.ToArray();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> word, int from)
    {
        if (from >= bytes.Length) return -1;
        int at = bytes.AsSpan(from).IndexOf(word);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>Counts the nesting of [ ] and &lt;&lt; &gt;&gt; (strings in parentheses skipped).</summary>
    private sealed class DepthCounter(string name, string what)
    {
        private int _depth;

        public void Scan(ReadOnlySpan<byte> text)
        {
            int strings = 0;
            for (int i = 0; i < text.Length; i++)
            {
                byte b = text[i];
                if (strings > 0)
                {
                    if (b == '\\') i++;
                    else if (b == '(') strings++;
                    else if (b == ')') strings--;
                    continue;
                }
                switch (b)
                {
                    case (byte)'(': strings = 1; break;
                    case (byte)'[': Open(); break;
                    case (byte)']': _depth = Math.Max(0, _depth - 1); break;
                    case (byte)'<' when i + 1 < text.Length && text[i + 1] == '<': Open(); i++; break;
                    case (byte)'>' when i + 1 < text.Length && text[i + 1] == '>': _depth = Math.Max(0, _depth - 1); i++; break;
                }
            }
        }

        private void Open()
        {
            if (++_depth > MaxPdfDepth)
                throw new InputException(new Problem(name, $"{what} nests arrays or dictionaries more than {MaxPdfDepth:N0} deep (the limit)"));
        }
    }

    /// <summary>Runs a reader on a thread with a large stack, passing back its result or its exception.</summary>
    public static T OnLargeStack<T>(Func<T> read)
    {
        T? result = default;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = read(); }
            catch (Exception e) { failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
        }, ReaderStackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }
}
