using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ReportGen.Analysis;

namespace ReportGen.Templating;

/// <summary>
/// The figures' JSON (figures.json, and the data every template sees) written by code generated
/// at compile time rather than by reflection, which costs a cold build tens of milliseconds.
/// The generator follows every type reachable from <see cref="Figures"/>, so new figure records
/// need nothing here. Any other type still falls back to reflection.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Figures))]
internal sealed partial class FiguresJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Installs the generated code into <see cref="Figures.JsonOptions"/> (still without any use,
    /// so still open to change) when this assembly loads. Its names, escaping and enum converter
    /// are the options', so the JSON is the same, byte for byte (a test compares it with
    /// reflection's). This belongs in Figures.JsonOptions itself; it sits here only so as not to
    /// touch Analysis/ while it is being rewritten.
    /// </summary>
#pragma warning disable CA2255 // a module initializer in a library: the options must be set before their first use
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        if (!Analysis.Figures.JsonOptions.IsReadOnly)
            Analysis.Figures.JsonOptions.TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver());
    }
}
