using System.Runtime.InteropServices;

namespace ReportGen.IO;

/// <summary>What a path names, found without opening it (opening a FIFO blocks until a writer comes).</summary>
public enum FileKind { Missing, Regular, Directory, Fifo, Device, Socket, Other }

/// <summary>
/// File-system questions that must be answered before a file is opened: its kind (a regular file,
/// a FIFO, a device…), its real path after every symbolic link is resolved, and whether that
/// path lies inside a folder.
/// </summary>
public static class FileSystem
{
    /// <summary>Symbolic links followed while resolving one path before it counts as a loop (Linux's own limit).</summary>
    public const int MaxLinkHops = 40;

    /// <summary>The kind of file at <paramref name="path"/>, following symbolic links (a dangling link is <see cref="FileKind.Missing"/>).</summary>
    public static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path)) return FileKind.Directory;
            return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }
        if (Stat(path, out var status) != 0)
            return Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        return (status.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 or 0x6000 => FileKind.Device,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    /// <summary>Words for a kind that is not a regular file, for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "does not exist",
        FileKind.Directory => "is a folder, not a file",
        FileKind.Fifo => "is a named pipe (FIFO), not a regular file",
        FileKind.Device => "is a device, not a regular file",
        FileKind.Socket => "is a socket, not a regular file",
        FileKind.Other => "is not a regular file",
        _ => "is a regular file",
    };

    /// <summary>
    /// Reads a file that must be a regular file of at most <paramref name="maxBytes"/>: a FIFO, a
    /// device or a folder is refused before it is opened (no hang), a larger file before it is read.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a regular file or is too large; the message names it.</exception>
    public static byte[] ReadBounded(string path, long maxBytes)
    {
        RequireRegular(path, maxBytes);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > maxBytes) throw new InvalidDataException($"{Path.GetFileName(path)}: larger than {maxBytes / (1024 * 1024):N0} MB (the limit)");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> unless the path is a regular file of at most <paramref name="maxBytes"/>.</summary>
    public static void RequireRegular(string path, long maxBytes = long.MaxValue)
    {
        var kind = KindOf(path);
        if (kind != FileKind.Regular) throw new InvalidDataException($"{Path.GetFileName(path)}: {Describe(kind)}");
        if (new FileInfo(path).Length > maxBytes) throw new InvalidDataException($"{Path.GetFileName(path)}: larger than {maxBytes / (1024 * 1024):N0} MB (the limit)");
    }

    /// <summary>
    /// The absolute path with every symbolic link resolved (like realpath(3)); the last part need
    /// not exist. Throws <see cref="IOException"/> on a link loop.
    /// </summary>
    public static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "/";
        string current = root;
        var pending = new Stack<string>(Parts(full[root.Length..]).Reverse());
        int hops = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            string next = Path.Combine(current, part);
            string? target;
            try { target = new FileInfo(next).LinkTarget; }
            catch (IOException) { target = null; }
            catch (UnauthorizedAccessException) { target = null; }
            if (target is null) { current = next; continue; }
            if (++hops > MaxLinkHops) throw new IOException($"{path}: too many levels of symbolic links (a link loop)");
            if (Path.IsPathRooted(target))
            {
                string targetFull = Path.GetFullPath(target);
                current = Path.GetPathRoot(targetFull) ?? root;
                target = targetFull[current.Length..];
            }
            foreach (string p in Parts(target).Reverse()) pending.Push(p);
        }
        return current;

        static IEnumerable<string> Parts(string text) =>
            text.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>True when <paramref name="path"/> (a real path) is <paramref name="folder"/> (a real path) or lies under it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string f = folder.TrimEnd(Path.DirectorySeparatorChar);
        return path.Equals(f, comparison) || path.StartsWith(f + Path.DirectorySeparatorChar, comparison);
    }

    /// <summary>
    /// Swaps two folders in one atomic step (Linux renameat2 with RENAME_EXCHANGE): each path
    /// then names the other's contents, and at no moment does either name nothing. False when
    /// the system or file system cannot (the caller then falls back to two renames).
    /// </summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return RenameAt2(-100, a, -100, b, 2) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    /// <summary>Makes <paramref name="link"/> a second name of the file <paramref name="existing"/> (a hard link); false when it cannot.</summary>
    public static bool TryHardLink(string existing, string link)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return Link(existing, link) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

    // The runtime's own stat (System.Native ships with every .NET on Linux and macOS); only Mode is read.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int SystemStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus output);

    private static int Stat(string path, out FileStatus status)
    {
        try { return SystemStat(path, out status); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            status = default;
            return -1;
        }
    }
}
