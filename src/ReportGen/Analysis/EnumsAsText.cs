using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ReportGen.Analysis;

/// <summary>
/// Writes the figures' enum-typed properties as string properties with one non-generic getter.
/// </summary>
/// <remarks>
/// Why: System.Text.Json serializes a property of type <c>TEnum</c> through generic code
/// instantiated for that enum (<c>JsonPropertyInfo&lt;TEnum&gt;</c>, <c>JsonConverter&lt;TEnum&gt;</c>,
/// <c>EnumConverter&lt;TEnum&gt;</c>), which ReadyToRun cannot precompile outside the framework, so a
/// cold build JIT-compiled about 60 methods per enum type (see docs/benchmarks.md#generic-code-and-the-cold-start). A property of type <see cref="string"/>
/// runs the framework's shared, precompiled code. The text is what
/// <c>JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)</c> writes (the enums are plain,
/// not flags, and only defined values occur), so figures.json keeps its bytes (GeneratedJsonTests
/// compares with reflection's). Writing only: reading binds enums to the constructor as before.
/// </remarks>
internal static class EnumsAsText
{
    public static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var properties = info.Properties;
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!type.IsEnum || property.Get is not { } get) continue;
            var text = info.CreateJsonPropertyInfo(typeof(string), property.Name);
            text.Get = owner => get(owner) is Enum value ? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()) : null;
            text.Order = property.Order;
            properties[i] = text;
        }
    }
}
