using System.Security.Cryptography;

namespace ReportGen.Core;

/// <summary>
/// The sha256 of files and bytes as lowercase hex, the one form the project records and compares:
/// the manifest's inputs and outputs, the templates a composer read, <c>verify</c>, and the review
/// page's check that its workbook changed.
/// </summary>
public static class Hashing
{
    /// <summary>
    /// The sha256 of a file that should hold exactly <paramref name="bytes"/> bytes, reading no more
    /// than that (and one byte to see the end): null when its size is another.
    /// </summary>
    public static string? Sha256OfSize(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length != bytes) return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long left = bytes;
        while (left > 0)
        {
            int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) return null; // shorter than it said
            hash.AppendData(buffer, 0, read);
            left -= read;
        }
        if (stream.Read(buffer, 0, 1) != 0) return null; // grew while read
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public static string Sha256(string path) => Sha256(File.ReadAllBytes(path));

    /// <summary>The sha256 of what is left to read in <paramref name="stream"/>, read in blocks.</summary>
    public static string Sha256(Stream stream) => Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
}

/// <summary>A file, named relative to where it was found, and its sha256.</summary>
public sealed record FileHash(string File, string Sha256);
