using System.CommandLine;
using ReportGen.Build;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen templates DIR</c>: a translator's first step. Copies the templates a build would
/// use (the same choice: <see cref="CommandContext.TemplatesFolder"/>) into DIR as plain files.
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create(CommandContext context)
    {
        var folder = new Argument<string>("DIR") { Description = "The folder to copy the templates into: a new or empty one, unless --force" };
        var templates = new Option<string?>("--templates") { Description = "The templates to copy (default: the ones build uses: ./templates, else the ones shipped with reportgen)", HelpName = "SRC" };
        var force = new Option<bool>("--force") { Description = "Copy into a folder that is not empty, overwriting the templates of the same names (its other files are kept)" };
        var command = new Command("templates", "Copy the templates in use into a folder of plain files, to edit and build with --templates DIR") { folder, templates, force };
        command.SetAction(parse =>
        {
            string source = CommandContext.TemplatesFolder(parse.GetValue(templates));
            string target = parse.GetValue(folder)!;
            var copied = TemplateCopy.Copy(source, target, parse.GetValue(force));
            context.Output.WriteLine($"copied {copied.Files} template{(copied.Files == 1 ? "" : "s")} ({string.Join(", ", copied.Languages)}) from {Path.GetFullPath(source)} " +
                $"to {target}; edit them and build with --templates {Quoted(target)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A path as a shell reads it back: quoted when it holds a space or a quote.</summary>
    private static string Quoted(string path) => path.IndexOfAny([' ', '\'', '"', '\t']) < 0 ? path : "'" + path.Replace("'", "'\\''") + "'";
}
