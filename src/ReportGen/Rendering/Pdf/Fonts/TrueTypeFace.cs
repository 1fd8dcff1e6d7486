using System.Buffers.Binary;
using System.Text;

namespace ReportGen.Rendering.Pdf.Fonts;

/// <summary>
/// One face of a TrueType font file (.ttf) or collection (.ttc), read just enough for layout:
/// which characters it covers (cmap), how wide they are (hmtx), its vertical metrics and names.
/// PDFsharp cannot read collections, so a face of one is rebuilt as a standalone .ttf
/// (<see cref="StandaloneBytes"/>) for it to embed.
/// </summary>
public sealed class TrueTypeFace
{
    private readonly GlyphMap _glyphs;
    private readonly ushort[] _advances;

    public string Family { get; }
    public string Subfamily { get; }
    public string FullName { get; }
    public int UnitsPerEm { get; }
    /// <summary>Ascent and descent (positive, below the baseline) in ems.</summary>
    public double Ascent { get; }
    public double Descent { get; }
    public bool HasCffOutlines { get; }
    /// <summary>
    /// The face as a standalone .ttf, for PDFsharp to embed: the file itself, or for a face of a
    /// collection the face rebuilt, when first asked (a fallback face a build never sets costs no
    /// copy of its 20 MB; <see cref="Sha256"/> hashes the same bytes without making them).
    /// </summary>
    public byte[] StandaloneBytes => _standalone ??= _collection is null ? _file.All() : Rebuild(_file, _collection);

    private byte[]? _standalone;
    private readonly FontData _file;
    private readonly Collection? _collection;

    /// <summary>Where a collection's face is: its version and its tables, in the order a standalone file lists them.</summary>
    private sealed record Collection(uint Version, List<TableEntry> Entries);
    public string Source { get; }

    /// <summary>
    /// A table of the font's directory. A class, not a tuple: collections of reference types run the
    /// framework's precompiled shared code, where a tuple's would be JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).
    /// </summary>
    private sealed record TableEntry(string Tag, uint Checksum, int Offset, int Length);

    private TrueTypeFace(string source, Collection? collection, Dictionary<string, TableEntry> tables, FontData file)
    {
        Source = source;
        _file = file;
        _collection = collection;
        ReadOnlySpan<byte> Table(string tag) => tables.TryGetValue(tag, out var t) ? file.Read(t.Offset, t.Length)
            : throw new InvalidDataException($"{source}: the font has no '{tag}' table");
        HasCffOutlines = tables.ContainsKey("CFF ") || tables.ContainsKey("CFF2");
        var head = Table("head");
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        var hhea = Table("hhea");
        Ascent = BinaryPrimitives.ReadInt16BigEndian(hhea[4..]) / (double)UnitsPerEm;
        Descent = -BinaryPrimitives.ReadInt16BigEndian(hhea[6..]) / (double)UnitsPerEm;
        int metrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        var hmtx = Table("hmtx");
        _advances = new ushort[metrics];
        for (int i = 0; i < metrics; i++) _advances[i] = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(i * 4)..]);
        _glyphs = ReadCmap(Table("cmap"));
        (Family, Subfamily, FullName) = ReadNames(Table("name"));
    }

    public bool Covers(int codePoint) => _glyphs[codePoint] != 0;

    /// <summary>The advance width of a character in ems (0 when the face does not cover it).</summary>
    public double Advance(int codePoint)
    {
        ushort glyph = _glyphs[codePoint];
        if (glyph == 0) return 0;
        return _advances[Math.Min(glyph, _advances.Length - 1)] / (double)UnitsPerEm;
    }

    /// <summary>The advance width of a glyph, by its id, in font units (what a PDF's /W array gives in thousandths of an em).</summary>
    public int GlyphAdvanceUnits(ushort glyph) => _advances.Length == 0 ? 0 : _advances[Math.Min(glyph, _advances.Length - 1)];

    private string? _sha256;

    /// <summary>
    /// The SHA-256 of <see cref="StandaloneBytes"/> (lower-case hex), computed once: of the bytes
    /// embedded if the face was, else read from the file a table at a time (a fallback face a build
    /// never sets is hashed for the manifest without holding its 20 MB).
    /// </summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(_standalone is not null
        ? System.Security.Cryptography.SHA256.HashData(_standalone)
        : _collection is null ? _file.Sha256() : HashRebuilt(_file, _collection));

    /// <summary>The SHA-256 of what <see cref="Rebuild"/> makes, fed the same pieces without making it.</summary>
    private static byte[] HashRebuilt(FontData file, Collection collection)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(Header(collection));
        Span<byte> padding = stackalloc byte[3];
        padding.Clear();
        foreach (var e in collection.Entries)
        {
            file.Hash(hash, e.Offset, e.Length);
            hash.AppendData(padding[..(((e.Length + 3) & ~3) - e.Length)]);
        }
        return hash.GetHashAndReset();
    }

    /// <summary>Reads every face of a .ttf (one) or .ttc (several).</summary>
    public static IReadOnlyList<TrueTypeFace> Load(string path) => Load(new FileData(path), path);

    public static IReadOnlyList<TrueTypeFace> Load(byte[] file, string source) => Load(new MemoryData(file), source);

    private static List<TrueTypeFace> Load(FontData file, string source)
    {
        int count = FaceCount(file, source);
        var faces = new List<TrueTypeFace>(count);
        for (int i = 0; i < count; i++) faces.Add(LoadFace(file, source, i));
        return faces;
    }

    /// <summary>
    /// Reads only face <paramref name="index"/> of a .ttf or .ttc, and of it only the tables layout
    /// needs: the rest is read when PDFsharp embeds the face, if it does. Out of range, says how many
    /// faces there are.
    /// </summary>
    public static TrueTypeFace Load(string path, int index) => Load(new FileData(path), path, index);

    public static TrueTypeFace Load(byte[] file, string source, int index) => Load(new MemoryData(file), source, index);

    private static TrueTypeFace Load(FontData file, string source, int index)
    {
        int count = FaceCount(file, source);
        if (index < 0 || index >= count) throw new ArgumentOutOfRangeException(nameof(index), index, $"{source} has {count} faces (#0 to #{count - 1}), not #{index}");
        return LoadFace(file, source, index);
    }

    /// <summary>How many faces a font file holds: 1 for a .ttf, the collection's count for a .ttc.</summary>
    public static int FaceCount(string path) => FaceCount(new FileData(path), path);

    private static int FaceCount(FontData file, string source)
    {
        if (file.Length < 12) throw new InvalidDataException($"{source}: not a font file");
        var header = file.Read(0, 12);
        uint tag = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (tag == 0x74746366) // 'ttcf'
        {
            long count = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
            if (count < 1 || 12 + 4 * count > file.Length) throw new InvalidDataException($"{source}: a collection with a broken header");
            return (int)count;
        }
        if (tag is 0x00010000 or 0x74727565 or 0x4F54544F) return 1;
        throw new InvalidDataException($"{source}: not a TrueType or OpenType font");
    }

    private static TrueTypeFace LoadFace(FontData file, string source, int index)
    {
        if (BinaryPrimitives.ReadUInt32BigEndian(file.Read(0, 4)) != 0x74746366) return Face(file, 0, source, collection: false);
        int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.Read(12 + 4 * index, 4));
        return Face(file, offset, source, collection: true);
    }

    private static TrueTypeFace Face(FontData file, int offset, string source, bool collection)
    {
        if (offset < 0 || offset + 12L > file.Length) throw new InvalidDataException($"{source}: a face lies outside the file");
        int count = BinaryPrimitives.ReadUInt16BigEndian(file.Read(offset + 4, 2));
        if (offset + 12L + 16L * count > file.Length) throw new InvalidDataException($"{source}: the table directory lies outside the file");
        byte[] directory = file.Read(offset + 12, 16 * count);
        var tables = new Dictionary<string, TableEntry>();
        var entries = new List<TableEntry>();
        for (int i = 0; i < count; i++)
        {
            var entry = directory.AsSpan(16 * i, 16);
            string tag = Encoding.ASCII.GetString(entry[..4]);
            uint checksum = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            int tableOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            if (tableOffset < 0 || length < 0 || tableOffset + (long)length > file.Length)
                throw new InvalidDataException($"{source}: table '{tag}' lies outside the file");
            var table = new TableEntry(tag, checksum, tableOffset, length);
            tables[tag] = table;
            entries.Add(table);
        }
        if (!collection) return new TrueTypeFace(source, null, tables, file);
        entries.Sort((a, b) => string.CompareOrdinal(a.Tag, b.Tag));
        return new TrueTypeFace(source, new Collection(BinaryPrimitives.ReadUInt32BigEndian(file.Read(offset, 4)), entries), tables, file);
    }

    /// <summary>Writes one face of a collection as a .ttf: a table directory and the tables it names, 4-byte aligned.</summary>
    private static byte[] Rebuild(FontData file, Collection collection)
    {
        byte[] header = Header(collection);
        int size = header.Length;
        foreach (var e in collection.Entries) size += (e.Length + 3) & ~3;
        var result = new byte[size];
        header.CopyTo(result, 0);
        int position = header.Length;
        foreach (var e in collection.Entries)
        {
            file.ReadInto(e.Offset, result.AsSpan(position, e.Length));
            position += (e.Length + 3) & ~3;
        }
        return result;
    }

    /// <summary>The table directory of the rebuilt face: each table placed after it in order, 4-byte aligned.</summary>
    private static byte[] Header(Collection collection)
    {
        var entries = collection.Entries;
        int count = entries.Count;
        int pow = 1, log = 0;
        while (pow * 2 <= count) { pow *= 2; log++; }
        int headerSize = 12 + 16 * count;
        var result = new byte[headerSize];
        var span = result.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, collection.Version);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(pow * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(count * 16 - pow * 16));
        int position = headerSize;
        for (int i = 0; i < count; i++)
        {
            var (tag, checksum, _, length) = entries[i];
            var entry = span.Slice(12 + 16 * i, 16);
            Encoding.ASCII.GetBytes(tag, entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)length);
            position += (length + 3) & ~3;
        }
        return result;
    }

    /// <summary>
    /// Glyph ids by code point (0: not covered), in pages of 256 code points made as the cmap fills
    /// them. Why not a dictionary: a Chinese face maps some 30,000 characters, and filling a
    /// <c>Dictionary&lt;int, ushort&gt;</c> with them ran JIT-compiled, unoptimized code in every cold
    /// build (generic code over value types is not precompiled: see docs/benchmarks.md#generic-code-and-the-cold-start); a lookup here is two array reads.
    /// </summary>
    private sealed class GlyphMap
    {
        private readonly ushort[]?[] _pages = new ushort[]?[(0x10FFFF >> 8) + 1];

        public ushort this[int codePoint]
        {
            get => (uint)codePoint <= 0x10FFFF && _pages[codePoint >> 8] is { } page ? page[codePoint & 0xFF] : (ushort)0;
            set
            {
                if ((uint)codePoint <= 0x10FFFF) (_pages[codePoint >> 8] ??= new ushort[256])[codePoint & 0xFF] = value;
            }
        }
    }

    private static GlyphMap ReadCmap(ReadOnlySpan<byte> cmap)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int best = -1, bestRank = -1;
        for (int i = 0; i < count; i++)
        {
            int platform = BinaryPrimitives.ReadUInt16BigEndian(cmap[(4 + 8 * i)..]);
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(cmap[(6 + 8 * i)..]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(8 + 8 * i)..]);
            int format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            int rank = (platform, encoding, format) switch
            {
                (3, 10, 12) or (0, 4, 12) or (0, 6, 12) => 3,
                (3, 1, 4) or (0, 3, 4) => 2,
                (0, _, 4) => 1,
                _ => -1,
            };
            if (rank > bestRank) { best = offset; bestRank = rank; }
        }
        var glyphs = new GlyphMap();
        if (best < 0) return glyphs;
        var table = cmap[best..];
        int fmt = BinaryPrimitives.ReadUInt16BigEndian(table);
        if (fmt == 12)
        {
            int groups = (int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
            for (int g = 0; g < groups; g++)
            {
                var group = table.Slice(16 + 12 * g, 12);
                int start = (int)BinaryPrimitives.ReadUInt32BigEndian(group), end = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
                int glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
                for (int c = Math.Max(start, 0); c <= end && c <= 0x10FFFF; c++)
                    if (glyph + c - start is > 0 and < 65536) glyphs[c] = (ushort)(glyph + c - start);
            }
            return glyphs;
        }
        int segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        int endCodes = 14, startCodes = endCodes + 2 * segments + 2, deltas = startCodes + 2 * segments, ranges = deltas + 2 * segments;
        for (int s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(table[(endCodes + 2 * s)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(table[(startCodes + 2 * s)..]);
            short delta = BinaryPrimitives.ReadInt16BigEndian(table[(deltas + 2 * s)..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[(ranges + 2 * s)..]);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    int at = ranges + 2 * s + rangeOffset + 2 * (c - start);
                    if (at + 2 > table.Length) continue;
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(table[at..]);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) glyphs[c] = (ushort)glyph;
            }
        }
        return glyphs;
    }

    private static (string Family, string Subfamily, string Full) ReadNames(ReadOnlySpan<byte> name)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        int storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        // By name id (1, 2, 4, 16, 17): the best-ranked value and its rank (arrays rather than a dictionary of tuples, which a cold start would JIT-compile: see docs/benchmarks.md#generic-code-and-the-cold-start).
        var values = new string?[18];
        var ranks = new int[18];
        for (int i = 0; i < count; i++)
        {
            var record = name.Slice(6 + 12 * i, 12);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record), language = BinaryPrimitives.ReadUInt16BigEndian(record[4..]);
            int id = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]), offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (id is not (1 or 2 or 4 or 16 or 17) || storage + offset + length > name.Length) continue;
            var bytes = name.Slice(storage + offset, length);
            int rank = platform == 3 && language == 0x409 ? 3 : platform == 3 ? 2 : platform == 1 ? 1 : 0;
            string value = platform == 1 ? Encoding.Latin1.GetString(bytes) : Encoding.BigEndianUnicode.GetString(bytes);
            if (values[id] is null || rank > ranks[id]) (values[id], ranks[id]) = (value, rank);
        }
        string Get(int id, int fallback = 0) => !string.IsNullOrEmpty(values[id]) ? values[id]! : fallback != 0 && !string.IsNullOrEmpty(values[fallback]) ? values[fallback]! : "";
        return (Get(16, 1), Get(17, 2), Get(4));
    }

    /// <summary>
    /// A font file's bytes: in memory (a font given as bytes), or on disk, read a range at a time and
    /// whole only when asked (the bundled fonts: a face that is never embedded is never read whole).
    /// </summary>
    private abstract class FontData
    {
        public abstract long Length { get; }

        public abstract void ReadInto(long offset, Span<byte> destination);

        public byte[] Read(long offset, int length)
        {
            var bytes = new byte[length];
            ReadInto(offset, bytes);
            return bytes;
        }

        public abstract byte[] All();

        public abstract byte[] Sha256();

        public virtual void Hash(System.Security.Cryptography.IncrementalHash hash, long offset, int length) => hash.AppendData(Read(offset, length));
    }

    private sealed class MemoryData(byte[] file) : FontData
    {
        public override long Length => file.Length;
        public override void ReadInto(long offset, Span<byte> destination) => file.AsSpan(checked((int)offset), destination.Length).CopyTo(destination);
        public override byte[] All() => file;
        public override byte[] Sha256() => System.Security.Cryptography.SHA256.HashData(file);
        public override void Hash(System.Security.Cryptography.IncrementalHash hash, long offset, int length) => hash.AppendData(file, checked((int)offset), length);
    }

    private sealed class FileData(string path) : FontData
    {
        public override long Length { get; } = new FileInfo(path).Length;

        public override void ReadInto(long offset, Span<byte> destination)
        {
            if (offset < 0 || offset + destination.Length > Length) throw new InvalidDataException($"{path}: a table lies outside the file");
            using var handle = File.OpenHandle(path);
            while (destination.Length > 0)
            {
                int read = RandomAccess.Read(handle, destination, offset);
                if (read == 0) throw new InvalidDataException($"{path}: the file is shorter than it was");
                destination = destination[read..];
                offset += read;
            }
        }

        public override byte[] All()
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length != Length) throw new InvalidDataException($"{path}: the file changed while it was read");
            return bytes;
        }

        public override byte[] Sha256()
        {
            using var stream = File.OpenRead(path);
            return System.Security.Cryptography.SHA256.HashData(stream);
        }

        public override void Hash(System.Security.Cryptography.IncrementalHash hash, long offset, int length)
        {
            // In pieces: a face's glyph table alone is most of a 20 MB collection.
            byte[] buffer = new byte[Math.Min(length, 1 << 16)];
            while (length > 0)
            {
                int n = Math.Min(length, buffer.Length);
                ReadInto(offset, buffer.AsSpan(0, n));
                hash.AppendData(buffer, 0, n);
                offset += n;
                length -= n;
            }
        }
    }
}
