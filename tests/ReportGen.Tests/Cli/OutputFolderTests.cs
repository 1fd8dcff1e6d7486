using ReportGen.Build;
using System.Diagnostics;
using ReportGen.Audit;
using ReportGen.Tests.Support;
using Xunit.Abstractions;

namespace ReportGen.Tests.Cli;

/// <summary>The output folder changes as a unit: one complete build, whatever happens, and the user's own files kept.</summary>
public class OutputFolderTests(ITestOutputHelper log)
{

    private static (int Code, string Out, string Err) Build(string output, string lang) =>
        CliTests.Run("build", Repo.Seed, "--out", output, "--templates", Repo.Path("templates"), "--format", "docx", "--lang", lang);

    /// <summary>Asserts the folder holds exactly one complete build (its manifest's files, with their hashes) plus the given user files.</summary>
    internal static Manifest AssertOneCompleteBuild(string folder, params string[] userFiles)
    {
        var manifest = Manifest.FromJson(File.ReadAllText(Path.Combine(folder, Manifest.FileName)));
        foreach (var output in manifest.Outputs)
            Assert.Equal(output.Sha256, Hashing.Sha256(Path.Combine(folder, output.File)));
        var expected = manifest.Outputs.Select(o => o.File).Append(Manifest.FileName).Concat(userFiles).Order(StringComparer.Ordinal);
        var actual = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        return manifest;
    }

    private static void AssertNoLeftovers(string parent) =>
        Assert.Empty(Directory.GetFileSystemEntries(parent, ".out.*"));

    [Fact]
    public void A_new_build_removes_the_earlier_outputs_it_does_not_make_and_keeps_the_users_files()
    {
        using var dir = new TempDir();
        string output = dir.File("out");
        Assert.Equal(0, Build(output, "zh").Code);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(output, "drafts"));
        File.WriteAllText(Path.Combine(output, "drafts", "a.txt"), "draft");

        Assert.Equal(0, Build(output, "en").Code);

        var manifest = AssertOneCompleteBuild(output, "drafts", "notes.txt");
        Assert.All(manifest.Outputs, o => Assert.DoesNotContain(".zh.", o.File));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal("draft", File.ReadAllText(Path.Combine(output, "drafts", "a.txt")));
        AssertNoLeftovers(dir.Path);
    }

    [Fact]
    public void A_folder_where_an_output_goes_is_a_problem_and_nothing_changes()
    {
        using var dir = new TempDir();
        string output = dir.File("out");
        Assert.Equal(0, Build(output, "en").Code);
        string before = Hashing.Sha256(Path.Combine(output, Manifest.FileName));
        File.Delete(Path.Combine(output, "figures.json"));
        Directory.CreateDirectory(Path.Combine(output, "figures.json"));

        var (code, _, error) = Build(output, "zh");

        Assert.Equal(1, code);
        Assert.Contains("figures.json: is a folder where the build writes a file", error);
        Assert.DoesNotContain("   at ", error);
        Assert.True(Directory.Exists(Path.Combine(output, "figures.json")));
        Assert.Equal(before, Hashing.Sha256(Path.Combine(output, Manifest.FileName)));
        AssertNoLeftovers(dir.Path);
    }

    [Fact]
    public void An_output_folder_that_is_a_file_a_dangling_link_or_too_long_a_name_is_exit_1()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("file"), "x");
        var (code, _, error) = Build(dir.File("file"), "en");
        Assert.Equal(1, code);
        Assert.Contains("file: cannot be the output folder: it is a regular file", error);
        Assert.Equal("x", File.ReadAllText(dir.File("file")));

        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(dir.File("dangling"), dir.File("nowhere"));
            (code, _, error) = Build(dir.File("dangling"), "en");
            Assert.Equal(1, code);
            Assert.Contains("dangling: is a link to a folder that does not exist", error);
        }

        (code, _, error) = Build(dir.File(new string('n', 300)), "en");
        Assert.Equal(1, code);
        Assert.Contains("cannot write the build here", error);
        Assert.DoesNotContain("   at ", error);
    }

    /// <summary>Mounts a small tmpfs at <paramref name="folder"/> (a full or read-only disk); where that cannot be done (not root, not Linux) the test is skipped, and fails in CI.</summary>
    private static void Mount(string folder, string options)
    {
        if (!OperatingSystem.IsLinux()) ExternalTool.Unavailable("a tmpfs can only be mounted on Linux");
        Directory.CreateDirectory(folder);
        var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder]) { RedirectStandardError = true })!;
        string said = mount.StandardError.ReadToEnd().Trim();
        mount.WaitForExit();
        if (mount.ExitCode != 0) ExternalTool.Unavailable($"cannot mount a tmpfs here (run the tests as root): {said}");
    }

    private static void Unmount(string folder) => Process.Start("umount", [folder])!.WaitForExit();

    [SkippableFact]
    public void A_full_disk_leaves_the_previous_build()
    {
        using var dir = new TempDir();
        string disk = dir.File("disk");
        Mount(disk, "size=160k");
        try
        {
            string output = Path.Combine(disk, "out");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
            var (code, _, error) = Build(output, "en");
            Assert.Equal(1, code);
            Assert.Contains("out: cannot write the build here: the disk is full; the folder was left as it was", error);
            Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
            Assert.Equal(["out"], Directory.GetFileSystemEntries(disk).Select(Path.GetFileName));
        }
        finally { Unmount(disk); }
    }

    [SkippableFact]
    public void A_read_only_output_folder_is_exit_1()
    {
        using var dir = new TempDir();
        string disk = dir.File("ro");
        Mount(disk, "ro,size=64k");
        try
        {
            var (code, _, error) = Build(disk, "en");
            Assert.Equal(1, code);
            Assert.Contains("cannot write the build here", error);
            Assert.DoesNotContain("   at ", error);
        }
        finally { Unmount(disk); }
    }

    [Fact]
    public void A_build_killed_at_random_moments_leaves_one_complete_build()
    {
        using var dir = new TempDir();
        string output = dir.File("out");
        Assert.Equal(0, Build(output, "en").Code);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        string dll = Path.Combine(AppContext.BaseDirectory, "reportgen.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var random = new Random(20261122);
        var seen = new HashSet<string>();
        for (int run = 0; run < 10; run++)
        {
            var start = new ProcessStartInfo(dotnet, [dll, "build", Repo.Seed, "--out", output, "--templates", Repo.Path("templates"), "--format", "docx",
                "--lang", run % 2 == 0 ? "zh" : "en"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment[ReportGen.Build.OutputFolder.StepDelayVariable] = "100";
            using var process = Process.Start(start)!;
            string moment;
            if (run % 3 == 0)
            {
                // Any moment from the start.
                int delay = random.Next(100, 2500);
                moment = $"{delay} ms after the start";
                if (!process.WaitForExit(delay)) process.Kill(entireProcessTree: true);
            }
            else
            {
                // A moment while the folder is being published: from when the staging folder appears.
                var clock = Stopwatch.StartNew();
                while (!process.HasExited && Directory.GetDirectories(dir.Path, ".out.staging-*").Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(5);
                int delay = random.Next(0, 1400);
                moment = $"{delay} ms into publishing";
                if (!process.WaitForExit(delay)) process.Kill(entireProcessTree: true);
            }
            process.WaitForExit();
            var manifest = AssertOneCompleteBuild(output, "notes.txt");
            seen.Add(string.Join(",", manifest.Options.Languages));
            log.WriteLine($"run {run}: kill {moment} (exit {(process.HasExited ? process.ExitCode : -1)}); folder holds the {string.Join(",", manifest.Options.Languages)} build");
        }
        Assert.Equal(0, Build(output, "zh").Code); // the next run cleans up what the killed ones left
        AssertOneCompleteBuild(output, "notes.txt");
        AssertNoLeftovers(dir.Path);
    }

    [Fact]
    public void A_run_killed_between_the_two_renames_is_put_back_by_the_next_run()
    {
        // Where the system cannot exchange two folders atomically, the old folder is renamed
        // aside and the new one into place; a kill in between leaves no folder at all.
        using var dir = new TempDir();
        string output = dir.File("out");
        Assert.Equal(0, Build(output, "en").Code);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        Directory.Move(output, dir.File(".out.old-4242"));
        Directory.CreateDirectory(dir.File(".out.staging-4242"));
        File.WriteAllText(dir.File(".out.staging-4242/figures.json"), "{ half");

        ReportGen.Build.OutputFolder.Recover(output);

        AssertOneCompleteBuild(output, "notes.txt");
        AssertNoLeftovers(dir.Path);
    }
}
