using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportGen.IO;

namespace ReportGen.Audit;

/// <summary>
/// What a build was made from and what it made, for auditors: the ReportGen version and commit,
/// the sha256 of the workbook, of every template and font used, the options, and each output
/// with its sha256 (and page count for PDFs). No time and no machine path is recorded, so the
/// same inputs give the same manifest.
/// </summary>
public sealed record Manifest(
    ToolInfo Reportgen,
    FileHash Workbook,
    IReadOnlyList<FileHash> Templates,
    IReadOnlyList<FontHash> Fonts,
    BuildSettings Options,
    IReadOnlyList<OutputEntry> Outputs)
{
    public const string FileName = "manifest.json";

    /// <summary>The build's date: the latest date of its documents, from the workbook (never the clock); a redline's revisions carry it.</summary>
    public string? Date { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Generated code for reading the manifest and the trace (writing them is AuditJson's; diff and explain have
        // their own contexts): no reflection, which a native build cannot do.
        TypeInfoResolver = AuditJsonContext.Default,
    };

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Info<T>() => (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T));

    internal static T? ParseJson<T>(string json) => JsonSerializer.Deserialize(json, Info<T>());

    public string ToJson() => AuditJson.Write(this);

    public static Manifest FromJson(string json) => ParseJson<Manifest>(json) ?? throw new JsonException("empty manifest");

    /// <summary>A manifest is a few kilobytes; anything near this is not one.</summary>
    public const long MaxManifestBytes = 16L * 1024 * 1024;

    /// <summary>What ends every problem of a manifest: it is the build's, not a hand-written file.</summary>
    private const string RebuildFix = "rebuild the folder with reportgen build (the build writes its manifest)";

    /// <summary>
    /// A build folder's manifest for <c>verify</c>, read as untrusted input: bounded, parsed, every
    /// field present and every path relative without <c>..</c>. Any problem names the manifest and the entry.
    /// </summary>
    /// <exception cref="InputException">The manifest cannot be used; every problem found.</exception>
    public static Manifest Read(string manifestPath)
    {
        byte[] bytes;
        try { bytes = FileSystem.ReadBounded(manifestPath, MaxManifestBytes); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        { throw new InputException(new Problem(manifestPath, $"cannot be read ({e.Message.TrimEnd('.')}); {RebuildFix}")); }
        Manifest? manifest;
        try { manifest = JsonSerializer.Deserialize(bytes, Info<Manifest>()); }
        catch (JsonException e) { throw new InputException(new Problem(manifestPath, $"cannot be read ({e.Message.TrimEnd('.')}); {RebuildFix}")); }
        var problems = manifest is null ? ["is empty (null): no manifest"] : manifest.Problems();
        if (problems.Count > 0) throw new InputException(problems.Select(p => new Problem(manifestPath, $"{p}; {RebuildFix}")).ToList());
        return manifest!;
    }

    /// <summary>What makes this manifest unusable: a missing field, a malformed sha256, a path that is absolute or climbs out with <c>..</c>.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Reportgen is null) problems.Add("has no \"reportgen\" field");
        if (Options is null || Options.Languages is null || Options.Formats is null || Options.Documents is null)
            problems.Add("has no \"options\" with \"languages\", \"formats\" and \"documents\"");
        if (Workbook is null) problems.Add("has no \"workbook\" field");
        else
        {
            // The workbook is looked for by name beside the build folder: a bare file name only.
            if (Workbook.File is not { Length: > 0 } name || Path.GetFileName(name) != name || name is "." or ".." || name.Contains('\0'))
                problems.Add($"workbook \"{Workbook.File}\": not a file name (the workbook is recorded by its name alone)");
            CheckSha256("workbook", Workbook.Sha256, problems);
        }
        if (Templates is null) problems.Add("has no \"templates\" field");
        else for (int i = 0; i < Templates.Count; i++)
            {
                string entry = $"templates[{i}]";
                if (Templates[i] is not { } t) { problems.Add($"{entry}: is null"); continue; }
                CheckRelative(entry, t.File, problems);
                CheckSha256(entry, t.Sha256, problems);
            }
        if (Outputs is null) problems.Add("has no \"outputs\" field");
        else for (int i = 0; i < Outputs.Count; i++)
            {
                string entry = $"outputs[{i}]";
                if (Outputs[i] is not { } o) { problems.Add($"{entry}: is null"); continue; }
                CheckRelative(entry, o.File, problems);
                CheckSha256(entry, o.Sha256, problems);
                if (o.Bytes < 0) problems.Add($"{entry} \"{o.File}\": \"bytes\" is {o.Bytes}, not a size");
            }
        return problems;
    }

    private static void CheckRelative(string entry, string? file, List<string> problems)
    {
        if (file is not { Length: > 0 }) problems.Add($"{entry}: has no \"file\"");
        else if (file.Contains('\0')) problems.Add($"{entry} \"{file}\": the path holds a NUL character");
        else if (Path.IsPathRooted(file) || file.StartsWith('/') || file.StartsWith('\\'))
            problems.Add($"{entry} \"{file}\": an absolute path (a manifest lists its files relative to the build folder)");
        else if (file.Split('/', '\\').Contains(".."))
            problems.Add($"{entry} \"{file}\": the path climbs out with .. (a manifest lists its files inside the build folder)");
    }

    private static void CheckSha256(string entry, string? sha256, List<string> problems)
    {
        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            problems.Add($"{entry}: \"sha256\" is not 64 hexadecimal digits");
    }

    /// <summary>
    /// The file a manifest entry names inside <paramref name="folder"/>, checked before it is opened:
    /// after every symbolic link it must still lie inside the folder and be a regular file. Null with
    /// the reason otherwise (a missing file is <see cref="FileKind.Missing"/>, no reason: the caller words it).
    /// </summary>
    public static (string? Path, FileKind Kind, string? Problem) FileInFolder(string folder, string relative)
    {
        string path = Path.Combine(folder, relative);
        string real;
        try { real = FileSystem.RealPath(path); }
        catch (IOException e) { return (null, FileKind.Other, e.Message); }
        if (!FileSystem.IsInside(real, FileSystem.RealPath(folder)))
            return (null, FileKind.Other, $"leads outside the folder (to {real}) through a symbolic link");
        var kind = FileSystem.KindOf(real);
        return kind == FileKind.Regular ? (real, kind, null) : (null, kind, kind == FileKind.Missing ? null : FileSystem.Describe(kind));
    }

    /// <summary>The running ReportGen's version and the commit it was built from (from the informational version).</summary>
    public static ToolInfo Tool()
    {
        string informational = typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+');
        return plus < 0 ? new ToolInfo(informational, "unknown") : new ToolInfo(informational[..plus], informational[(plus + 1)..]);
    }
}

public sealed record ToolInfo(string Version, string Commit);

public sealed record FontHash(string Role, string Face, string Sha256);

public sealed record BuildSettings(IReadOnlyList<string> Languages, IReadOnlyList<string> Formats, IReadOnlyList<string> Documents, string? Fonts);

public sealed record OutputEntry(string File, string Sha256, long Bytes, int? Pages);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true,
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Manifest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(TraceFile))]
internal sealed partial class AuditJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
