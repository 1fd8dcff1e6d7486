namespace ReportGen.Tests.Support;

/// <summary>A build folder made with the command line, as a user makes it, for the audit's tests (diff, redline, verify, trace).</summary>
public static class BuildFolder
{
    /// <summary>
    /// Builds <paramref name="workbook"/> with the repository's templates and <paramref name="options"/>
    /// into <paramref name="dir"/>/<paramref name="name"/>, asserts the build succeeded and returns the folder.
    /// </summary>
    public static string Make(TempDir dir, string workbook, string name, params string[] options) =>
        WithTemplates(dir, workbook, Repo.Path("templates"), name, options);

    /// <summary>As <see cref="Make"/>, with the templates of <paramref name="templates"/>.</summary>
    public static string WithTemplates(TempDir dir, string workbook, string templates, string name, params string[] options)
    {
        string folder = dir.File(name);
        var (code, output, error) = Cli.CliTests.Run(["build", workbook, "--out", folder, "--templates", templates, .. options]);
        Assert.True(code == 0, $"build of {workbook} into {name} failed (exit {code}):\n{output}{error}");
        return folder;
    }
}
