using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary>`reportgen templates DIR`: a translator's own copy of the templates, as plain files, never over their work unasked.</summary>
public class TemplatesCommandTests
{
    private static readonly string[] Layout =
        ["ar/annual-report-summary.md.hbs", "ar/portfolio-analysis.md.hbs", "en/annual-report-summary.md.hbs", "en/portfolio-analysis.md.hbs", "es/annual-report-summary.md.hbs", "es/portfolio-analysis.md.hbs", "fr/annual-report-summary.md.hbs", "fr/portfolio-analysis.md.hbs", "ru/annual-report-summary.md.hbs", "ru/portfolio-analysis.md.hbs", "zh/annual-report-summary.md.hbs", "zh/portfolio-analysis.md.hbs"];

    private static string[] FilesUnder(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void Copies_the_templates_with_their_layout_and_says_what_it_did()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliTests.Run("templates", dir.File("mine"), "--templates", Repo.Path("templates"));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal($"copied 12 templates (en, zh, fr, es, ru, ar) from {Repo.Path("templates")} to {dir.File("mine")}; edit them and build with --templates {dir.File("mine")}\n",
            output.ReplaceLineEndings("\n"));
        Assert.Equal(Layout, FilesUnder(dir.File("mine")));
        foreach (string file in Layout)
            Assert.Equal(File.ReadAllBytes(Repo.Path("templates", file)), File.ReadAllBytes(dir.File("mine/" + file)));
    }

    [Fact]
    public void Copies_the_partials_and_nothing_but_templates()
    {
        using var dir = new TempDir();
        BuildCommandTests.CopyFolder(Repo.Path("templates"), dir.File("src"));
        Directory.CreateDirectory(dir.File("src/en/partials"));
        File.WriteAllText(dir.File("src/en/partials/intro.md.hbs"), "An introduction.\n");
        File.WriteAllText(dir.File("src/en/notes.txt"), "not a template");
        File.WriteAllText(dir.File("src/README.md"), "not a template");
        var (code, output, _) = CliTests.Run("templates", dir.File("mine"), "--templates", dir.File("src"));
        Assert.Equal(0, code);
        Assert.StartsWith("copied 13 templates (en, zh, fr, es, ru, ar) from ", output);
        Assert.Equal([.. Layout.Take(3), "en/partials/intro.md.hbs", .. Layout.Skip(3)], FilesUnder(dir.File("mine")));
    }

    [Fact]
    public void Refuses_a_folder_that_is_not_empty_without_force_and_changes_nothing()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("mine/en"));
        File.WriteAllText(dir.File("mine/en/portfolio-analysis.md.hbs"), "my translation");
        var (code, output, error) = CliTests.Run("templates", dir.File("mine"), "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"{dir.File("mine")}: already exists and is not empty; nothing was copied (add --force to overwrite the templates in it, or name a new folder)\n1 problem found.\n",
            error.ReplaceLineEndings("\n"));
        Assert.Equal(["en/portfolio-analysis.md.hbs"], FilesUnder(dir.File("mine")));
        Assert.Equal("my translation", File.ReadAllText(dir.File("mine/en/portfolio-analysis.md.hbs")));
    }

    [Fact]
    public void With_force_overwrites_the_templates_and_keeps_the_other_files()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("mine/en"));
        File.WriteAllText(dir.File("mine/en/portfolio-analysis.md.hbs"), "my translation");
        File.WriteAllText(dir.File("mine/notes.txt"), "mine");
        var (code, _, error) = CliTests.Run("templates", dir.File("mine"), "--templates", Repo.Path("templates"), "--force");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(File.ReadAllBytes(Repo.Path("templates/en/portfolio-analysis.md.hbs")), File.ReadAllBytes(dir.File("mine/en/portfolio-analysis.md.hbs")));
        Assert.Equal([.. Layout.Take(8), "notes.txt", .. Layout.Skip(8)], FilesUnder(dir.File("mine")));
        Assert.Equal("mine", File.ReadAllText(dir.File("mine/notes.txt")));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Copies_are_plain_writable_files_whatever_the_modes_of_the_source()
    {
        SpecialFiles.RequireUnix("Unix file modes");
        using var dir = new TempDir();
        BuildCommandTests.CopyFolder(Repo.Path("templates"), dir.File("installed"));
        const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead; // 0444
        const UnixFileMode readOnlyFolder = readOnly | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute; // 0555
        foreach (string file in Layout) File.SetUnixFileMode(dir.File("installed/" + file), readOnly | UnixFileMode.UserExecute);
        foreach (string folder in new[] { "installed/en", "installed/zh", "installed" }) File.SetUnixFileMode(dir.File(folder), readOnlyFolder);
        try
        {
            var (code, _, error) = CliTests.Run("templates", dir.File("mine"), "--templates", dir.File("installed"));
            Assert.True(code == 0, error);
            foreach (string file in Layout)
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(dir.File("mine/" + file))); // 0644
            foreach (string folder in new[] { "mine", "mine/en", "mine/zh" })
                Assert.Equal(readOnlyFolder | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.File(folder))); // 0755
        }
        finally
        {
            foreach (string folder in new[] { "installed", "installed/en", "installed/zh" }) File.SetUnixFileMode(dir.File(folder), readOnlyFolder | UnixFileMode.UserWrite);
        }
    }

    [SkippableFact]
    public void A_link_out_of_the_templates_folder_is_not_followed_and_nothing_is_copied()
    {
        SpecialFiles.RequireUnix("symbolic links");
        using var dir = new TempDir();
        BuildCommandTests.CopyFolder(Repo.Path("templates"), dir.File("src"));
        File.WriteAllText(dir.File("secret.txt"), "not for the copy");
        File.CreateSymbolicLink(dir.File("src/en/intro.md.hbs"), dir.File("secret.txt"));
        var (code, _, error) = CliTests.Run("templates", dir.File("mine"), "--templates", dir.File("src"));
        Assert.Equal(1, code);
        Assert.Equal($"{dir.File("src/en/intro.md.hbs")}: is a link to a file outside the templates folder; templates may only read files inside it; " +
            "nothing was copied (copy the file itself into the folder, or remove it)\n1 problem found.\n", error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(dir.File("mine")));
    }

    [Fact]
    public void The_folder_being_copied_is_not_a_target()
    {
        using var dir = new TempDir();
        BuildCommandTests.CopyFolder(Repo.Path("templates"), dir.File("src"));
        var (code, _, error) = CliTests.Run("templates", dir.File("src/en/copy"), "--templates", dir.File("src"));
        Assert.Equal(1, code);
        Assert.StartsWith($"{dir.File("src/en/copy")}: is the templates folder being copied, or lies inside it; name another folder", error);
        Assert.Equal(Layout, FilesUnder(dir.File("src")));
    }

    [Fact]
    public void The_copy_builds()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliTests.Run("templates", dir.File("mine"), "--templates", Repo.Path("templates")).Code);
        var (code, output, error) = CliTests.Run("check", Repo.Seed, "--templates", dir.File("mine"));
        Assert.True(code == 0, error);
        Assert.StartsWith($"templates: {dir.File("mine")} (given with --templates; not the shipped ones)", output);
    }
}
