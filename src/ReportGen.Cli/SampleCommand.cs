using System.CommandLine;
using ReportGen.Sample;

namespace ReportGen.Cli;

internal static class SampleCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the sample workbook (.xlsx)" };
        var command = new Command("sample", "Write the sample workbook (the one under seeds/)") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            SafeFile.WriteAllBytes(path, SampleWorkbook.ToBytes());
            context.Output.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>Writes a file through a temporary sibling and a rename, so a failure never leaves half a file.</summary>
internal static class SafeFile
{
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, full, overwrite: true);
    }
}
