namespace ReportGen.Build;

/// <summary>Writes a file through a temporary sibling and a rename, so a failure never leaves half a file.</summary>
public static class SafeFile
{
    /// <exception cref="InputException">The place cannot take the file (a folder, read-only, a full disk, too long a path).</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string? temp = null;
        try
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full)) throw new InputException(new Problem(path, "is a folder; name a file to write"));
            if (new FileInfo(full).LinkTarget is not null) full = IO.FileSystem.RealPath(full);
            if (IO.FileSystem.KindOf(full) is not (IO.FileKind.Missing or IO.FileKind.Regular) and var kind)
                throw new InputException(new Problem(path, $"{IO.FileSystem.Describe(kind)}; name a regular file to write"));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            temp = full + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            try { if (temp is not null) File.Delete(temp); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            throw new InputException(new Problem(path, $"cannot be written ({e.Message.TrimEnd('.')})"));
        }
    }

    /// <summary>True when two paths name the same file or folder once links are resolved.</summary>
    public static bool Same(string a, string b)
    {
        try { return string.Equals(IO.FileSystem.RealPath(a), IO.FileSystem.RealPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase); }
        catch (IOException) { return false; }
    }

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies inside it, once links are resolved.</summary>
    public static bool Within(string inner, string outer)
    {
        try { return IO.FileSystem.IsInside(IO.FileSystem.RealPath(inner), IO.FileSystem.RealPath(outer)); }
        catch (IOException) { return false; }
    }
}
