namespace ReportGen.Tests.Support;

/// <summary>
/// Tests that read the outputs back with a real program (poppler's pdftotext, chromium) need it
/// installed. In CI (CI=true; .ci/run installs them) a missing program fails the test; on a
/// developer's machine the test is reported as skipped, with the reason and the install
/// command, never passed silently. Such tests are [SkippableFact] or [SkippableTheory].
/// </summary>
public static class ExternalTool
{
    public static void Require(string program, string package)
    {
        if (OnPath(program)) return;
        Unavailable($"{program} is not installed: sudo apt-get install {package} (.ci/run installs it)");
    }

    /// <summary>
    /// What the machine cannot do for a test (a program, a tmpfs, a FIFO): the test is skipped
    /// with the reason on a developer's machine and fails in CI, where everything is there.
    /// </summary>
    public static void Unavailable(string reason)
    {
        Assert.False(InCi, $"{reason}; it is required in CI");
        Skip.If(true, reason);
    }

    private static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false";

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
