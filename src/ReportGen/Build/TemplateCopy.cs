using ReportGen.Templating;

namespace ReportGen.Build;

/// <summary>
/// A translator's own copy of a templates folder (<c>reportgen templates DIR</c>): the templates
/// only (each language's *.md.hbs and its partials, the layout kept), as plain files a user may
/// edit whatever the source's modes (an install is often read-only): files 0644, folders 0755 on
/// Unix. The copy keeps to the templates sandbox: a file a build would not read (a link out of
/// the folder, a device…) is a problem at that file, and then nothing is copied.
/// </summary>
public static class TemplateCopy
{
    /// <summary>What was copied: how many files, and of which languages.</summary>
    public sealed record Copied(int Files, IReadOnlyList<string> Languages);

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead; // 0644
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute; // 0755

    /// <param name="force">copy into a folder that is not empty, replacing the templates of the same names (other files are kept)</param>
    /// <exception cref="InputException">The source, a template or the target is not fit; nothing was written.</exception>
    public static Copied Copy(string source, string target, bool force)
    {
        if (IO.FileSystem.KindOf(source) != IO.FileKind.Directory)
            throw Refuse(source, "is not a folder of templates; name one with --templates SRC (a folder holding en/ and zh/)");
        var files = Read(source);
        if (files.Count == 0)
            throw Refuse(source, $"holds no templates (en/*{DocumentComposer.Extension}, zh/*{DocumentComposer.Extension}); name another folder with --templates SRC");
        CheckTarget(source, target, force, files);
        Write(target, files);
        return new Copied(files.Count, [.. Model.Languages.All.Where(l => files.Exists(f => f.Relative.StartsWith(l + Path.DirectorySeparatorChar, StringComparison.Ordinal)))]);
    }

    /// <summary>Every template of the source, read whole before anything is written; every file the sandbox refuses is a problem.</summary>
    private static List<(string Relative, byte[] Bytes)> Read(string source)
    {
        var files = new List<(string Relative, byte[] Bytes)>();
        var problems = new List<Problem>();
        foreach (string path in DocumentComposer.TemplateFiles(source))
        {
            if (DocumentComposer.OutsideSandbox(source, path, out string real) is { } why)
            {
                problems.Add(new Problem(path, $"{why}; nothing was copied (copy the file itself into the folder, or remove it)"));
                continue;
            }
            try { files.Add((Path.GetRelativePath(source, path), File.ReadAllBytes(real))); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Problem(path, $"cannot be read ({e.Message.TrimEnd('.')}); nothing was copied"));
            }
        }
        if (problems.Count > 0) throw new InputException(problems);
        return files;
    }

    private static void CheckTarget(string source, string target, bool force, List<(string Relative, byte[] Bytes)> files)
    {
        if (SafeFile.Within(target, source))
            throw Refuse(target, "is the templates folder being copied, or lies inside it; name another folder");
        switch (IO.FileSystem.KindOf(target))
        {
            case IO.FileKind.Missing when new FileInfo(target).LinkTarget is null:
                return;
            case IO.FileKind.Directory when !Directory.EnumerateFileSystemEntries(target).Any():
                return;
            case IO.FileKind.Directory when !force:
                throw Refuse(target, "already exists and is not empty; nothing was copied (add --force to overwrite the templates in it, or name a new folder)");
            case IO.FileKind.Directory:
                break;
            default:
                throw Refuse(target, "exists and is not a folder; name a folder to copy the templates into");
        }
        // --force replaces files, never what a folder of the layout or a template's name holds that is not one.
        var problems = new List<Problem>();
        foreach (string folder in Folders(target, files).Skip(1))
            if (new DirectoryInfo(folder).LinkTarget is not null || File.Exists(folder))
                problems.Add(new Problem(folder, "is not a plain folder (a link or a file); remove it, or copy into a new folder"));
        foreach (var (relative, _) in files)
            if (Directory.Exists(Path.Combine(target, relative)))
                problems.Add(new Problem(Path.Combine(target, relative), "is a folder where a template goes; remove it, or copy into a new folder"));
        if (problems.Count > 0) throw new InputException(problems);
    }

    /// <summary>The target and the folders of the layout it needs (en, en/partials…), parents first.</summary>
    private static List<string> Folders(string target, List<(string Relative, byte[] Bytes)> files)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (relative, _) in files)
            for (string? folder = Path.GetDirectoryName(relative); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
                folders.Add(Path.Combine(target, folder));
        return [target, .. folders];
    }

    /// <summary>
    /// Writes every file beside its place, then renames them into place: a failure removes what
    /// this copy made. A rename replaces a link of that name, never what it points to.
    /// </summary>
    private static void Write(string target, List<(string Relative, byte[] Bytes)> files)
    {
        var made = new List<string>();
        var written = new List<string>();
        string suffix = ".tmp-" + Environment.ProcessId;
        try
        {
            foreach (string folder in Folders(target, files))
            {
                bool exists = Directory.Exists(folder);
                if (!exists) { Directory.CreateDirectory(folder); made.Add(folder); }
                if (!exists || folder != target) SetMode(new DirectoryInfo(folder), FolderMode); // the user's own folder keeps its mode
            }
            foreach (var (relative, bytes) in files)
            {
                string temporary = Path.Combine(target, relative) + suffix;
                written.Add(temporary);
                File.WriteAllBytes(temporary, bytes);
                SetMode(new FileInfo(temporary), FileMode);
            }
            foreach (var (relative, _) in files) File.Move(Path.Combine(target, relative) + suffix, Path.Combine(target, relative), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (string file in written) Quietly(() => File.Delete(file));
            for (int i = made.Count - 1; i >= 0; i--) Quietly(() => Directory.Delete(made[i]));
            throw Refuse(target, $"cannot be written ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Tidying up after a failure: what cannot be removed stays, and the failure is what is reported.</summary>
    private static void Quietly(Action remove)
    {
        try { remove(); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void SetMode(FileSystemInfo entry, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) entry.UnixFileMode = mode;
    }

    private static InputException Refuse(string place, string message) => new(new Problem(place, message));
}
