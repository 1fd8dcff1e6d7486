using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

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
        // Generated code for reading the manifest and the trace (writing them is AuditJson's); reflection for the rest (diff, explain).
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(AuditJsonContext.Default,
            new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    public string ToJson() => AuditJson.Write(this);

    public static Manifest FromJson(string json) => JsonSerializer.Deserialize<Manifest>(json, JsonOptions) ?? throw new JsonException("empty manifest");

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public static string Sha256(string path) => Sha256(File.ReadAllBytes(path));

    /// <summary>The running ReportGen's version and the commit it was built from (from the informational version).</summary>
    public static ToolInfo Tool()
    {
        string informational = typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+');
        return plus < 0 ? new ToolInfo(informational, "unknown") : new ToolInfo(informational[..plus], informational[(plus + 1)..]);
    }
}

public sealed record ToolInfo(string Version, string Commit);

public sealed record FileHash(string File, string Sha256);

public sealed record FontHash(string Role, string Face, string Sha256);

public sealed record BuildSettings(IReadOnlyList<string> Languages, IReadOnlyList<string> Formats, IReadOnlyList<string> Documents, string? Fonts);

public sealed record OutputEntry(string File, string Sha256, long Bytes, int? Pages);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true,
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Manifest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(TraceFile))]
internal sealed partial class AuditJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
