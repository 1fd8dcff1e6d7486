using System.Security.Cryptography;

namespace ReportGen.Core;

/// <summary>
/// The one sha256 of the project, as lowercase hex: the manifest's inputs and outputs, the
/// templates a composer read, and <c>verify</c>'s comparisons all use it.
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
}

/// <summary>A file, named relative to where it was found, and its sha256.</summary>
public sealed record FileHash(string File, string Sha256);
