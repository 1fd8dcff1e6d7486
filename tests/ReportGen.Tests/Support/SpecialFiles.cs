using System.Runtime.InteropServices;

namespace ReportGen.Tests.Support;

/// <summary>
/// Files a hostile or careless user can hand the tool (named pipes, symbolic links): where this
/// machine cannot make one, the test is skipped with the reason, and fails in CI (<see cref="ExternalTool.Unavailable"/>).
/// </summary>
public static class SpecialFiles
{
    /// <summary>Makes a named pipe (FIFO) at <paramref name="path"/>: a reader that opens it blocks until a writer comes.</summary>
    public static void MakeFifo(string path)
    {
        RequireUnix("named pipes (FIFOs)");
        int result;
        try { result = MkFifo(path, 0x1B6); }
        catch (DllNotFoundException e) { ExternalTool.Unavailable($"cannot make a named pipe (FIFO) here: {e.Message}"); return; }
        if (result != 0) ExternalTool.Unavailable($"cannot make a named pipe (FIFO) at {path}: error {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Symbolic links and FIFOs as the tool meets them on Linux and macOS; on Windows links need privileges and FIFOs do not exist.</summary>
    public static void RequireUnix(string what)
    {
        if (OperatingSystem.IsWindows()) ExternalTool.Unavailable($"{what}: not tested on Windows");
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
