using ReportGen.Audit;
using ReportGen.IO;

namespace ReportGen.Build;

/// <summary>
/// Replaces the output folder as a unit. The whole build is written into a staging folder beside
/// it (<c>.NAME.staging-PID</c>), with the user's own files of the old folder carried over (as
/// hard links where possible); then the two folders are exchanged in one atomic step (Linux), or
/// by two renames (the old folder is first renamed to <c>.NAME.old-PID</c>). Whenever a run is
/// killed, the folder holds the previous complete build or the new one; the next run finds the
/// leftovers, puts the previous build back if only it remains, and removes them.
/// Outputs of an earlier build that this one does not produce again (files its manifest lists)
/// are not carried over, so the folder and its manifest agree. Files the earlier manifest does
/// not list are the user's, and are kept.
/// </summary>
public static class OutputFolder
{
    /// <summary>For tests: milliseconds to wait at each step of publishing, to widen the moments a kill can hit.</summary>
    public const string StepDelayVariable = "REPORTGEN_TEST_PUBLISH_DELAY_MS";

    public static void Publish(string folder, IReadOnlyList<BuildOutput> outputs)
    {
        string target = Target(folder);
        string parent = Path.GetDirectoryName(target)!, name = Path.GetFileName(target);
        Guard(folder, () => RecoverLeftovers(target));
        var previous = PreviousOutputs(target);
        var produced = outputs.Select(o => o.FileName).ToHashSet(StringComparer.Ordinal);
        bool exists = Directory.Exists(target);
        if (exists)
        {
            foreach (string file in produced)
            {
                string path = Path.Combine(target, file);
                if (Directory.Exists(path))
                    throw new InputException(new Problem(Path.Combine(folder, file), "is a folder where the build writes a file; move or rename it (nothing was changed)"));
            }
            Guard(folder, () => ProbeWritable(target));
        }
        string staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}");
        Guard(folder, () =>
        {
            try
            {
                Directory.CreateDirectory(parent);
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
                Directory.CreateDirectory(staging);
                foreach (var output in outputs)
                {
                    using var stream = new FileStream(Path.Combine(staging, output.FileName), FileMode.CreateNew, FileAccess.Write);
                    stream.Write(output.Bytes);
                    Step();
                }
                if (exists)
                    foreach (string entry in Directory.EnumerateFileSystemEntries(target))
                    {
                        string entryName = Path.GetFileName(entry);
                        if (produced.Contains(entryName) || previous.Contains(entryName)) continue;
                        if (entryName.StartsWith(".reportgen-probe-", StringComparison.Ordinal)) continue;
                        CarryOver(entry, Path.Combine(staging, entryName), folder);
                    }
                Step();
                Swap(staging, target, parent, name);
            }
            catch
            {
                TryDelete(staging);
                throw;
            }
        });
    }

    /// <summary>
    /// Puts the output folder back in order after a run that was killed: when the folder is
    /// missing but a previous build was renamed aside, it comes back; leftover staging and old
    /// folders are removed.
    /// </summary>
    public static void Recover(string folder) => Guard(folder, () => RecoverLeftovers(folder));

    private static void RecoverLeftovers(string folder)
    {
        string target = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        string? parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) return;
        string name = Path.GetFileName(target);
        var olds = Directory.GetDirectories(parent, $".{name}.old-*").Order(StringComparer.Ordinal).ToList();
        var stagings = Directory.GetDirectories(parent, $".{name}.staging-*");
        if (olds.Count == 0 && stagings.Length == 0) return;
        if (!Directory.Exists(target) && new FileInfo(target).LinkTarget is null && olds.Count > 0)
        {
            Directory.Move(olds[0], target);
            olds.RemoveAt(0);
        }
        foreach (string leftover in olds.Concat(stagings)) Directory.Delete(leftover, recursive: true);
    }

    /// <summary>The real folder to replace: links are followed; a file, a dangling link or a folder name too long is refused.</summary>
    private static string Target(string folder)
    {
        try
        {
            string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
            if (Path.GetFileName(full).Length == 0) throw new InputException(new Problem(folder, "the output folder cannot be the root of a drive"));
            string real = FileSystem.RealPath(full);
            switch (FileSystem.KindOf(real))
            {
                case FileKind.Directory: return real;
                case FileKind.Missing when real != full:
                    throw new InputException(new Problem(folder, "is a link to a folder that does not exist; remove the link or make the folder"));
                case FileKind.Missing: return real;
                case var kind: throw new InputException(new Problem(folder, $"cannot be the output folder: it {FileSystem.Describe(kind)}"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(new Problem(folder, $"cannot be the output folder ({e.Message.TrimEnd('.')})"));
        }
    }

    /// <summary>Runs a step on the file system; a failure the user can fix (permissions, a full disk, a long path) becomes a problem at the folder.</summary>
    private static void Guard(string folder, Action action)
    {
        try { action(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string reason = e switch
            {
                PathTooLongException => "a path is too long for the file system",
                UnauthorizedAccessException => $"permission denied ({e.Message.TrimEnd('.')})",
                IOException when e.HResult == 28 || e.Message.Contains("space left", StringComparison.OrdinalIgnoreCase) => "the disk is full",
                _ => e.Message.TrimEnd('.'),
            };
            throw new InputException(new Problem(folder, $"cannot write the build here: {reason}; the folder was left as it was"));
        }
    }

    /// <summary>The files an earlier build made, by its manifest: these are the build's, not the user's.</summary>
    private static HashSet<string> PreviousOutputs(string target)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string path = Path.Combine(target, Manifest.FileName);
        if (FileSystem.KindOf(path) != FileKind.Regular || new FileInfo(path).Length > 16 * 1024 * 1024) return names;
        try
        {
            var manifest = Manifest.FromJson(File.ReadAllText(path));
            names.Add(Manifest.FileName);
            foreach (var output in manifest.Outputs ?? [])
                if (output?.File is { } file && Path.GetFileName(file) == file) names.Add(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or NotSupportedException) { }
        return names;
    }

    private static void ProbeWritable(string target)
    {
        string probe = Path.Combine(target, $".reportgen-probe-{Environment.ProcessId}");
        try { using (File.Create(probe)) { } }
        catch (UnauthorizedAccessException) { throw new UnauthorizedAccessException($"the folder {target} is read-only"); }
        File.Delete(probe);
    }

    /// <summary>Copies a user's file or folder into the staging folder: links stay links, files become hard links where possible.</summary>
    private static void CarryOver(string from, string to, string folder)
    {
        var info = new FileInfo(from);
        if (info.LinkTarget is { } link)
        {
            if (Directory.Exists(from)) Directory.CreateSymbolicLink(to, link); else File.CreateSymbolicLink(to, link);
            return;
        }
        switch (FileSystem.KindOf(from))
        {
            case FileKind.Directory:
                Directory.CreateDirectory(to);
                foreach (string entry in Directory.EnumerateFileSystemEntries(from)) CarryOver(entry, Path.Combine(to, Path.GetFileName(entry)), folder);
                break;
            case FileKind.Regular:
                if (!FileSystem.TryHardLink(from, to)) File.Copy(from, to);
                break;
            case var kind:
                throw new InputException(new Problem(from,
                    $"{FileSystem.Describe(kind)}: ReportGen cannot keep it when it replaces the output folder; move it elsewhere (nothing was changed)"));
        }
    }

    private static void Swap(string staging, string target, string parent, string name)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        if (FileSystem.TryExchange(staging, target))
        {
            Step();
            Directory.Delete(staging, recursive: true); // now the previous build
            return;
        }
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        Directory.Move(target, old);
        Step();
        Directory.Move(staging, target);
        Step();
        Directory.Delete(old, recursive: true);
    }

    private static void Step()
    {
        if (Environment.GetEnvironmentVariable(StepDelayVariable) is { } text && int.TryParse(text, out int ms) && ms > 0) Thread.Sleep(ms);
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
