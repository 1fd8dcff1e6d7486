using System.IO.Compression;

namespace ReportGen.Packaging;

/// <summary>
/// Rewrites an Open XML package (.xlsx, .docx) so that the same content always gives the same
/// bytes: entries in a fixed order ([Content_Types].xml first, then by name) and a fixed
/// timestamp, instead of the wall clock System.IO.Packaging stamps on every entry.
/// </summary>
public static class DeterministicZip
{
    /// <summary>The earliest time a zip entry can hold (1980-01-01).</summary>
    public static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(byte[] package)
    {
        var entries = new List<(string Name, byte[] Data)>();
        using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var stream = entry.Open();
                var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }
        entries.Sort((a, b) => (a.Name == "[Content_Types].xml", b.Name == "[Content_Types].xml") switch
        {
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a.Name, b.Name),
        });
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var stream = entry.Open();
                stream.Write(data);
            }
        }
        return output.ToArray();
    }
}
