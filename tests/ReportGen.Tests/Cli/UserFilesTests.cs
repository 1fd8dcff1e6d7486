using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary>The command line protects the user's files: no overwrite without asking, no input as output.</summary>
public class UserFilesTests
{

    [Fact]
    public void Sample_refuses_to_overwrite_without_force()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("mine.xlsx"), "my work");
        var (code, _, error) = CliTests.Run("sample", dir.File("mine.xlsx"));
        Assert.Equal(1, code);
        Assert.Contains("mine.xlsx: already exists; it was left as it was (use --force to overwrite it)", error);
        Assert.Equal("my work", File.ReadAllText(dir.File("mine.xlsx")));

        Assert.Equal(0, CliTests.Run("sample", dir.File("mine.xlsx"), "--force").Code);
        Assert.Equal(File.ReadAllBytes(Repo.Seed), File.ReadAllBytes(dir.File("mine.xlsx")));
    }

    [Fact]
    public void Out_naming_an_input_is_refused()
    {
        using var dir = new TempDir();
        File.Copy(Repo.Seed, dir.File("cycle.xlsx"));
        var (code, _, error) = CliTests.Run("build", dir.File("cycle.xlsx"), "--out", dir.File("cycle.xlsx"), "--templates", Repo.Path("templates"));
        Assert.Equal(1, code);
        Assert.Contains("--out names the workbook", error);
        Assert.Equal(File.ReadAllBytes(Repo.Seed), File.ReadAllBytes(dir.File("cycle.xlsx")));

        BuildCommandTests.CopyFolder(Repo.Path("templates"), dir.File("templates"));
        (code, _, error) = CliTests.Run("build", dir.File("cycle.xlsx"), "--out", dir.File("templates"), "--templates", dir.File("templates"));
        Assert.Equal(1, code);
        Assert.Contains("--out is, holds or lies inside the templates folder", error);
        (code, _, error) = CliTests.Run("build", dir.File("cycle.xlsx"), "--out", dir.Path, "--templates", dir.File("templates"));
        Assert.Equal(1, code);
        Assert.True(File.Exists(dir.File("templates/en/portfolio-analysis.md.hbs")));
    }

    [Fact]
    public void Analyse_json_into_a_folder_or_onto_the_workbook_is_exit_1()
    {
        using var dir = new TempDir();
        var (code, _, error) = CliTests.Run("analyse", Repo.Seed, "--json", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains(": is a folder; name a file to write", error);

        File.Copy(Repo.Seed, dir.File("cycle.xlsx"));
        (code, _, error) = CliTests.Run("analyse", dir.File("cycle.xlsx"), "--json", dir.File("cycle.xlsx"));
        Assert.Equal(1, code);
        Assert.Contains("is the workbook itself", error);
        Assert.Equal(File.ReadAllBytes(Repo.Seed), File.ReadAllBytes(dir.File("cycle.xlsx")));

        (code, _, error) = CliTests.Run("analyse", Repo.Seed, "--json", dir.File("cycle.xlsx/figures.json"));
        Assert.Equal(1, code);
        Assert.Contains("cannot be written", error);
        Assert.DoesNotContain("   at ", error);
    }

    [SkippableFact]
    public async Task A_font_that_is_a_fifo_is_refused_without_hanging()
    {
        using var dir = new TempDir();
        SpecialFiles.MakeFifo(dir.File("song.ttf"));
        var (code, _, error) = await Task.Run(() => CliTests.Run("build", Repo.Seed, "--out", dir.File("out"), "--templates", Repo.Path("templates"),
            "--format", "pdf", "--font-song", dir.File("song.ttf"))).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, code);
        Assert.Contains("song.ttf: is a named pipe (FIFO), not a regular file; a font must be a .ttf or .ttc file", error);
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
