using ReportGen.Build;
using System.CommandLine;
using ReportGen.Sample;

namespace ReportGen.Cli;

internal static class SampleCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the sample workbook (.xlsx)" };
        var force = new Option<bool>("--force") { Description = "Overwrite FILE if it exists" };
        var command = new Command("sample", "Write the sample workbook (the one under seeds/)") { file, force };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!parse.GetValue(force) && (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null))
                throw new InputException(new Problem(path, "already exists; it was left as it was (use --force to overwrite it)"));
            SafeFile.WriteAllBytes(path, SampleWorkbook.ToBytes());
            context.Output.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}

