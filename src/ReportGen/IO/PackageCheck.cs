using System.Buffers.Binary;
using System.IO.Compression;

namespace ReportGen.IO;

/// <summary>
/// Checks a zip package (a workbook, a Word file) before any library parses it: a bounded number
/// of entries, each inflating to a bounded size, every entry's CRC-32 matching its data, and only
/// compression methods the reader supports. A package that fails gets one problem naming the entry.
/// </summary>
public static class PackageCheck
{
    /// <summary>The most entries (parts) a package may have.</summary>
    public const int MaxEntries = 2_000;

    /// <summary>The most all entries may inflate to together.</summary>
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    /// <summary>What a password-protected (encrypted) file is told, zip entries flagged encrypted or an encrypted OOXML file (an OLE compound file) alike.</summary>
    public static string PasswordProtected(string what) => $"the {what} is password-protected (encrypted); save an unprotected copy";

    /// <param name="what">what the file is, for messages: "workbook", "document"</param>
    /// <exception cref="InputException">The package fails a check; the problem is placed at <paramref name="name"/> and the entry.</exception>
    public static void Verify(string path, string name, long maxEntryBytes, string what = "file")
    {
        try
        {
            using var stream = File.OpenRead(path);
            // An encrypted entry's bytes are ciphertext: read as XML they would be nonsense, or worse, read as if plain.
            if (EncryptedEntry(stream) is { } encrypted)
                throw new InputException(new Problem(name, $"{PasswordProtected(what)} (its part {encrypted} is encrypted)"));
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                throw new InputException(new Problem(name, $"the package has {zip.Entries.Count:N0} parts; the limit is {MaxEntries:N0}"));
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                string place = $"{name} ({entry.FullName})";
                if (entry.Length > maxEntryBytes) throw new InputException(new Problem(place, TooLarge(maxEntryBytes)));
                uint crc = 0xFFFFFFFF;
                long size = 0;
                try
                {
                    using var data = entry.Open();
                    int n;
                    while ((n = data.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        size += n;
                        total += n;
                        if (size > maxEntryBytes) throw new InputException(new Problem(place, TooLarge(maxEntryBytes)));
                        if (total > MaxTotalBytes)
                            throw new InputException(new Problem(name, $"the package inflates to more than {MaxTotalBytes / (1024 * 1024):N0} MB (the limit)"));
                        crc = Crc32.Update(crc, buffer.AsSpan(0, n));
                    }
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
                {
                    throw new InputException(new Problem(place, e is NotSupportedException || e.Message.Contains("compression method", StringComparison.OrdinalIgnoreCase)
                            || e.Message.Contains("not supported", StringComparison.OrdinalIgnoreCase)
                        ? "the part is compressed with a method the reader does not support; save the file again in Excel, Word or LibreOffice"
                        : $"the part is damaged ({e.Message.TrimEnd('.')})"));
                }
                if ((crc ^ 0xFFFFFFFF) != entry.Crc32)
                    throw new InputException(new Problem(place, "the part is damaged: its data does not match its checksum (CRC-32); get a fresh copy of the file"));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new InputException(new Problem(name, $"not a readable zip package ({e.Message.TrimEnd('.')})"));
        }
    }

    /// <summary>
    /// The name of the first entry whose general-purpose flag bit 0 (encrypted) is set, in its
    /// central directory record or in its local header (a hostile file may set either alone);
    /// null when none is, or when the directory cannot be found (the zip reader then says why).
    /// </summary>
    internal static string? EncryptedEntry(Stream stream)
    {
        long length = stream.Length;
        if (length < 22) return null;
        // The end of central directory record: in the last 22 bytes plus at most a 65,535-byte comment.
        int tail = (int)Math.Min(length, 22 + 65_535);
        var end = new byte[tail];
        stream.Position = length - tail;
        stream.ReadExactly(end);
        int eocd = -1;
        for (int i = tail - 22; i >= 0; i--)
            if (end[i] == 'P' && end[i + 1] == 'K' && end[i + 2] == 5 && end[i + 3] == 6) { eocd = i; break; }
        if (eocd < 0) return null;
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(eocd + 10));
        long directory = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(eocd + 16)), directorySize = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(eocd + 12));
        if (directory == 0xFFFFFFFF || directory + directorySize > length || directorySize > 64L * 1024 * 1024) return null; // Zip64 or damaged: the reader's to report
        var records = new byte[directorySize];
        stream.Position = directory;
        stream.ReadExactly(records);
        var local = new byte[30];
        for (int at = 0, n = 0; n < entries && at + 46 <= records.Length; n++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(records.AsSpan(at)) != 0x02014B50) return null;
            int flags = BinaryPrimitives.ReadUInt16LittleEndian(records.AsSpan(at + 8));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(records.AsSpan(at + 28)), extra = BinaryPrimitives.ReadUInt16LittleEndian(records.AsSpan(at + 30)), comment = BinaryPrimitives.ReadUInt16LittleEndian(records.AsSpan(at + 32));
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(records.AsSpan(at + 42));
            if (at + 46 + nameLength > records.Length) return null;
            string entryName = System.Text.Encoding.UTF8.GetString(records, at + 46, nameLength);
            if ((flags & 1) != 0) return entryName;
            if (offset + 30 <= length)
            {
                stream.Position = offset;
                stream.ReadExactly(local);
                if (BinaryPrimitives.ReadUInt32LittleEndian(local.AsSpan(0)) == 0x04034B50 && (BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(6)) & 1) != 0) return entryName;
            }
            at += 46 + nameLength + extra + comment;
        }
        return null;
    }

    private static string TooLarge(long limit) => $"the part is larger than {limit / (1024 * 1024):N0} MB uncompressed (the limit)";

    private static class Crc32
    {
        private static readonly uint[] Table = MakeTable();

        private static uint[] MakeTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                uint c = i;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[i] = c;
            }
            return table;
        }

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }
    }
}
