using System.IO.Compression;
using ReportGen.Workbook;

namespace ReportGen.Packaging;

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

    /// <exception cref="InputException">The package fails a check; the problem is placed at <paramref name="name"/> and the entry.</exception>
    public static void Verify(string path, string name, long maxEntryBytes)
    {
        try
        {
            using var stream = File.OpenRead(path);
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
