using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>reportgen verify: a build confirmed from its manifest and a rebuild, a tampered one refused.</summary>
public class VerifyTests
{
    private static string Build(TempDir dir)
    {
        File.Copy(Repo.Seed, dir.File("cycle.xlsx"));
        var (code, _, error) = Cli.CliTests.Run("build", dir.File("cycle.xlsx"), "--out", dir.File("out"), "--format", "docx,txt", "--templates", Repo.Path("templates"));
        Assert.True(code == 0, error);
        return dir.File("out");
    }

    [Fact]
    public void An_untouched_build_is_confirmed_by_rebuilding_it()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        var (code, output, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.True(code == 0, error);
        Assert.Contains("files match the manifest's sha256", output);
        Assert.Contains("Confirmed: rebuilt 11 files from cycle.xlsx and 4 templates, byte-identical.", output);
    }

    [Fact]
    public void A_changed_output_is_named()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        File.AppendAllText(Path.Combine(build, "portfolio-analysis.zh.txt"), "edited");
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Contains("portfolio-analysis.zh.txt: its sha256 is not the manifest's (changed after the build)", error);
    }

    [Fact]
    public void Another_workbook_or_changed_templates_cannot_confirm_it()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        File.WriteAllBytes(dir.File("other.xlsx"), [.. File.ReadAllBytes(dir.File("cycle.xlsx")).Reverse()]);
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--workbook", dir.File("other.xlsx"));
        Assert.Equal(1, code);
        Assert.Contains("is not the workbook this build was made from", error);

        Directory.CreateDirectory(dir.File("t/en"));
        Directory.CreateDirectory(dir.File("t/zh"));
        Directory.CreateDirectory(dir.File("t/fr"));
        Directory.CreateDirectory(dir.File("t/es"));
        Directory.CreateDirectory(dir.File("t/ru"));
        Directory.CreateDirectory(dir.File("t/ar"));
        foreach (string f in Directory.GetFiles(Repo.Path("templates"), "*.hbs", SearchOption.AllDirectories))
            File.Copy(f, dir.File("t/" + Path.GetRelativePath(Repo.Path("templates"), f)));
        string recorded = Hashing.Sha256(dir.File("t/en/portfolio-analysis.md.hbs"));
        File.AppendAllText(dir.File("t/en/portfolio-analysis.md.hbs"), "\n");
        string now = Hashing.Sha256(dir.File("t/en/portfolio-analysis.md.hbs"));
        (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", dir.File("t"));
        Assert.Equal(1, code);
        Assert.Contains($"the template en/portfolio-analysis.md.hbs changed since the build ({dir.File("t/en/portfolio-analysis.md.hbs")}): " +
            $"sha256 {recorded[..12]}… (manifest) → {now[..12]}… (now); rebuild, or give the original templates with --templates\n", error);

        File.Delete(dir.File("t/zh/portfolio-analysis.md.hbs"));
        (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", dir.File("t"));
        Assert.Equal(1, code);
        Assert.Contains($"the template zh/portfolio-analysis.md.hbs was not found (looked in {dir.File("t")}); give the build's templates folder with --templates\n", error);
    }

    [Fact]
    public void A_workbook_edited_after_the_build_is_named_with_both_sha256()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        string recorded = Hashing.Sha256(dir.File("cycle.xlsx"));
        File.AppendAllText(dir.File("cycle.xlsx"), "edited");
        string now = Hashing.Sha256(dir.File("cycle.xlsx"));
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal($"the workbook cycle.xlsx changed since the build ({dir.File("cycle.xlsx")}): sha256 {recorded[..12]}… (manifest) → {now[..12]}… (now); " +
            "rebuild, or give the original with --workbook\n", error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("not at hand", error);
    }

    [Fact]
    public void A_missing_workbook_is_not_found_where_it_was_looked_for()
    {
        using var dir = new TempDir();
        string build = Build(dir);
        File.Delete(dir.File("cycle.xlsx"));
        var (code, _, error) = Cli.CliTests.Run("verify", build, "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal($"the workbook cycle.xlsx was not found (looked in {dir.Path} and {Environment.CurrentDirectory}); give it with --workbook\n", error.ReplaceLineEndings("\n"));
    }
}

/// <summary>reportgen verify on a manifest made by hand to read what is not the build's: refused before anything is opened, exit 1 at the entry.</summary>
public class HostileManifestTests
{
    private const string Sha = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string Fix = "; rebuild the folder with reportgen build (the build writes its manifest)";

    /// <summary>A manifest with one output, as the build writes it but for the entry given.</summary>
    private static string Folder(TempDir dir, string outputEntry)
    {
        Directory.CreateDirectory(dir.File("out"));
        File.WriteAllText(dir.File("out/manifest.json"), $$"""
            {"reportgen": {"version": "1.0.0", "commit": "abc"}, "workbook": {"file": "cycle.xlsx", "sha256": "{{Sha}}"},
             "templates": [], "fonts": [], "options": {"languages": ["en"], "formats": ["txt"], "documents": ["portfolio-analysis"]},
             "outputs": [{{outputEntry}}]}
            """);
        return dir.File("out");
    }

    private static (int Code, string Error) Verify(string folder)
    {
        var (code, _, error) = Cli.CliTests.Run("verify", folder);
        return (code, error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("/etc/passwd", "an absolute path (a manifest lists its files relative to the build folder)")]
    [InlineData("../cycle.xlsx", "the path climbs out with .. (a manifest lists its files inside the build folder)")]
    [InlineData("a/../../cycle.xlsx", "the path climbs out with .. (a manifest lists its files inside the build folder)")]
    public void A_path_outside_the_build_folder_is_refused_at_its_entry(string file, string why)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("cycle.xlsx"), "not the build's");
        string folder = Folder(dir, $$"""{"file": "{{file}}", "sha256": "{{Sha}}", "bytes": 15}""");
        var (code, error) = Verify(folder);
        Assert.Equal(1, code);
        Assert.Equal($"{folder}/manifest.json: outputs[0] \"{file}\": {why}{Fix}\n1 problem found.\n", error);
    }

    [Fact]
    public void A_link_to_a_device_is_refused_before_it_is_opened()
    {
        using var dir = new TempDir();
        string folder = Folder(dir, $$"""{"file": "portfolio-analysis.en.txt", "sha256": "{{Sha}}", "bytes": 10}""");
        File.CreateSymbolicLink(Path.Combine(folder, "portfolio-analysis.en.txt"), "/dev/zero");
        var (code, error) = Verify(folder);
        Assert.Equal(1, code);
        Assert.Equal($"{folder}/manifest.json: outputs[0] \"portfolio-analysis.en.txt\": leads outside the folder (to /dev/zero) through a symbolic link; " +
            "verify reads only the build's own files, so rebuild the folder with reportgen build\n1 problem found.\n", error);
    }

    [SkippableFact]
    public void A_named_pipe_inside_the_build_folder_is_refused_before_it_is_opened()
    {
        using var dir = new TempDir();
        string folder = Folder(dir, $$"""{"file": "portfolio-analysis.en.txt", "sha256": "{{Sha}}", "bytes": 10}""");
        SpecialFiles.MakeFifo(Path.Combine(folder, "portfolio-analysis.en.txt"));
        var (code, error) = Verify(folder);
        Assert.Equal(1, code);
        Assert.Equal($"{folder}/manifest.json: outputs[0] \"portfolio-analysis.en.txt\": is a named pipe (FIFO), not a regular file; " +
            "verify reads only the build's own files, so rebuild the folder with reportgen build\n1 problem found.\n", error);
    }

    [Theory]
    [InlineData("""{"sha256": "0000000000000000000000000000000000000000000000000000000000000000", "bytes": 1}""", "outputs[0]: has no \"file\"")]
    [InlineData("""{"file": "a.txt", "bytes": 1}""", "outputs[0]: \"sha256\" is not 64 hexadecimal digits")]
    [InlineData("""{"file": "a.txt", "sha256": "abc", "bytes": 1}""", "outputs[0]: \"sha256\" is not 64 hexadecimal digits")]
    [InlineData("null", "outputs[0]: is null")]
    public void A_missing_or_malformed_field_is_named_with_its_entry(string entry, string message)
    {
        using var dir = new TempDir();
        string folder = Folder(dir, entry);
        var (code, error) = Verify(folder);
        Assert.Equal(1, code);
        Assert.Equal($"{folder}/manifest.json: {message}{Fix}\n1 problem found.\n", error);
    }

    [Fact]
    public void A_manifest_that_is_not_json_or_names_the_workbook_by_a_path_is_exit_1()
    {
        using var dir = new TempDir();
        string folder = Folder(dir, "");
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"outputs\": [");
        var (code, error) = Verify(folder);
        Assert.Equal(1, code);
        Assert.StartsWith($"{folder}/manifest.json: cannot be read (", error);
        Assert.EndsWith($"{Fix}\n1 problem found.\n", error);

        File.WriteAllText(Path.Combine(folder, "manifest.json"), $$"""
            {"reportgen": {"version": "1.0.0", "commit": "abc"}, "workbook": {"file": "/dev/zero", "sha256": "{{Sha}}"},
             "templates": [{"file": "/dev/zero", "sha256": "{{Sha}}"}], "fonts": [], "options": {"languages": ["en"], "formats": ["txt"], "documents": []}, "outputs": []}
            """);
        (code, error) = Verify(folder);
        Assert.Equal(1, code);
        Assert.Equal($"{folder}/manifest.json: workbook \"/dev/zero\": not a file name (the workbook is recorded by its name alone){Fix}\n" +
            $"{folder}/manifest.json: templates[0] \"/dev/zero\": an absolute path (a manifest lists its files relative to the build folder){Fix}\n2 problems found.\n", error);
    }
}
