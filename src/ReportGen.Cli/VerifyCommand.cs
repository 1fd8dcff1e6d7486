using ReportGen.Build;
using System.CommandLine;
using ReportGen.Audit;
using ReportGen.Rendering.Pdf.Fonts;

namespace ReportGen.Cli;

/// <summary>
/// <c>reportgen verify BUILD_DIR</c>: confirms a build for an auditor. Every file the manifest
/// lists must have its recorded sha256; then the build is made again from the recorded inputs
/// (the workbook and templates whose hashes the manifest holds) and every file must come out
/// byte-identical. Exit 0 when confirmed, 1 with what differs or what is missing.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CommandContext context)
    {
        var build = new Argument<string>("BUILD_DIR") { Description = "A build folder (with manifest.json)" };
        var workbook = new Option<string?>("--workbook") { Description = "The workbook the build was made from (default: the manifest's file name beside the build folder, or in the current folder)" };
        var templates = new Option<string?>("--templates") { Description = "The templates folder (default: ./templates, else the shipped ones)" };
        var command = new Command("verify", "Check a build's files against its manifest, rebuild it from the recorded inputs and confirm the files are byte-identical")
        {
            build, workbook, templates,
        };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(build)!;
            string manifestPath = Path.Combine(folder, Manifest.FileName);
            if (!File.Exists(manifestPath))
                throw new InputException(new Problem(folder, "has no manifest.json: it is not a ReportGen build folder"));
            var manifest = Manifest.Read(manifestPath);

            var differences = new List<string>();
            var unsafeEntries = new List<Problem>();
            // 1. The files are those the manifest describes: each checked before it is opened (inside the
            //    folder after its links, a regular file), then read no further than the size recorded.
            for (int i = 0; i < manifest.Outputs.Count; i++)
            {
                var output = manifest.Outputs[i];
                var (path, kind, problem) = Manifest.FileInFolder(folder, output.File);
                if (problem is not null)
                    unsafeEntries.Add(new Problem(manifestPath, $"outputs[{i}] \"{output.File}\": {problem}; verify reads only the build's own files, so rebuild the folder with reportgen build"));
                else if (kind == ReportGen.IO.FileKind.Missing) differences.Add($"{output.File}: listed in the manifest but missing");
                else if (Hashing.Sha256OfSize(path!, output.Bytes) != output.Sha256) differences.Add($"{output.File}: its sha256 is not the manifest's (changed after the build)");
            }
            if (unsafeEntries.Count > 0) throw new InputException(unsafeEntries);
            context.Output.WriteLine(differences.Count == 0
                ? $"{manifest.Outputs.Count} files match the manifest's sha256."
                : $"{differences.Count} of {manifest.Outputs.Count} files do not match the manifest.");

            // 2. The recorded inputs are at hand.
            var (workbookPath, workbookProblem) = FindWorkbook(parse.GetValue(workbook), folder, manifest.Workbook);
            if (workbookProblem is not null) differences.Add(workbookProblem);
            string templatesFolder = CommandContext.TemplatesFolder(parse.GetValue(templates));
            foreach (var t in manifest.Templates)
            {
                string path = Path.Combine(templatesFolder, t.File);
                if (!File.Exists(path)) differences.Add($"the template {t.File} was not found (looked in {Path.GetFullPath(templatesFolder)}); give the build's templates folder with --templates");
                else if (Sha256(path) is var now && now != t.Sha256)
                    differences.Add($"the template {t.File} changed since the build ({Path.GetFullPath(path)}): {Hashes(t.Sha256, now)}; rebuild, or give the original templates with --templates");
            }
            var tool = Manifest.Tool();
            if (tool != manifest.Reportgen)
                context.Output.WriteLine($"note: the build was made by ReportGen {manifest.Reportgen.Version} ({manifest.Reportgen.Commit}); this is {tool.Version} ({tool.Commit}).");

            // 3. The same inputs give the same bytes.
            if (workbookPath is not null && differences.Count == 0)
            {
                var options = new BuildOptions(workbookPath, folder, templatesFolder, manifest.Options.Languages, manifest.Options.Formats,
                    manifest.Options.Documents.Count == 1 ? manifest.Options.Documents[0] : null, Fonts(manifest.Options.Fonts));
                var rebuilt = BuildPipeline.Render(options);
                foreach (var output in rebuilt)
                {
                    string path = Path.Combine(folder, output.FileName);
                    if (output.FileName == Manifest.FileName && tool != manifest.Reportgen) continue; // it names the tool that made it
                    if (!File.Exists(path)) differences.Add($"{output.FileName}: the rebuild makes it, the build folder lacks it");
                    else if (Manifest.FileInFolder(folder, output.FileName).Path is not { } real || Hashing.Sha256OfSize(real, output.Bytes.Length) != Hashing.Sha256(output.Bytes))
                        differences.Add($"{output.FileName}: the rebuild differs from the file (same inputs, other bytes)");
                }
                if (differences.Count == 0)
                    context.Output.WriteLine($"Confirmed: rebuilt {rebuilt.Count} files from {Path.GetFileName(workbookPath)} and {manifest.Templates.Count} templates, byte-identical.");
            }
            foreach (string d in differences) context.Error.WriteLine(d);
            return differences.Count == 0 ? ExitCodes.Success : ExitCodes.InputProblems;
        });
        return command;
    }

    /// <summary>
    /// The workbook whose sha256 the manifest records: the one given, or its file name beside the
    /// build folder or in the current folder. Where none is, why: the file found there changed since
    /// the build (both sha256), or no such file is there (where it was looked for).
    /// </summary>
    private static (string? Path, string? Problem) FindWorkbook(string? given, string folder, FileHash recorded)
    {
        if (given is not null)
        {
            if (!File.Exists(given)) throw new InputException(new Problem(given, "workbook not found"));
            if (Sha256(given) is var sha && sha != recorded.Sha256)
                throw new InputException(new Problem(given, $"is not the workbook this build was made from: {Hashes(recorded.Sha256, sha)}"));
            return (given, null);
        }
        string parent = Path.GetDirectoryName(Path.GetFullPath(folder)) ?? ".";
        var candidates = new[] { Path.Combine(parent, recorded.File), Path.Combine(Environment.CurrentDirectory, recorded.File) }.Distinct().ToList();
        string? changed = null, changedSha = null;
        foreach (string candidate in candidates.Where(File.Exists))
        {
            string sha = Sha256(candidate);
            if (sha == recorded.Sha256) return (candidate, null);
            (changed, changedSha) = (changed ?? candidate, changedSha ?? sha);
        }
        return changed is not null
            ? (null, $"the workbook {recorded.File} changed since the build ({changed}): {Hashes(recorded.Sha256, changedSha!)}; rebuild, or give the original with --workbook")
            : (null, $"the workbook {recorded.File} was not found (looked in {string.Join(" and ", candidates.Select(Path.GetDirectoryName))}); give it with --workbook");
    }

    /// <summary>An input's sha256, read only if it is a regular file of a workbook's or template's size at most (a link to /dev/zero is refused, not read forever).</summary>
    private static string Sha256(string path)
    {
        try { return Hashing.Sha256(ReportGen.IO.FileSystem.ReadBounded(path, MaxInputBytes)); }
        catch (InvalidDataException e) { throw new InputException(new Problem(path, $"cannot be read as a build's input ({e.Message}); give the build's workbook or templates")); }
    }

    /// <summary>The largest workbook or template verify reads (explain reads a workbook up to the same).</summary>
    private const long MaxInputBytes = 512L * 1024 * 1024;

    /// <summary>The sha256 a manifest records and a file's now, shortened as diff shortens them: "sha256 3f2a…(manifest) → 9b1c… (now)".</summary>
    private static string Hashes(string manifest, string now) => $"sha256 {manifest[..12]}… (manifest) → {now[..12]}… (now)";

    /// <summary>The font options as the manifest records them ("latin=…; song=…; hei=…"), or null for the bundled fonts.</summary>
    private static FontChoice? Fonts(string? recorded)
    {
        if (recorded is null) return null;
        var parts = recorded.Split("; ").Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Length == 0 ? null : p[1]);
        return new FontChoice(parts.GetValueOrDefault("latin"), parts.GetValueOrDefault("song"), parts.GetValueOrDefault("hei"));
    }
}
