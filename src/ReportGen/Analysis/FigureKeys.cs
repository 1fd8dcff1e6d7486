using System.Text.Json.Nodes;

namespace ReportGen.Analysis;

/// <summary>
/// What identifies an element of each list of figures.json, so that a figure can be named by key
/// (<c>findings.link_profiles[3.1, 2021].reach</c>, <c>funding.outcomes[2.2, 2020].funded_usd</c>)
/// rather than by its position, which moves when an element comes or goes. A list of plain values
/// (codes, years) is keyed by the values themselves.
/// </summary>
public static class FigureKeys
{
    /// <summary>
    /// The fields that identify an element, by the list's path with <c>[]</c> for each position
    /// above it (<c>portfolio.years[].linkage</c>), or, failing that, by the list's own name
    /// (every <c>steps</c> list of a trend). Fields in the order the key is written.
    /// </summary>
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["portfolio.years"] = ["year"],
        ["portfolio.years[].linkage"] = ["primary", "secondary"],
        ["portfolio.years[].regions"] = ["region"],
        ["portfolio.years[].primary"] = ["outcome"],
        ["balance"] = ["outcome"],
        ["flagships"] = ["code"],
        ["progress.indicators"] = ["id", "year"],
        ["progress.outcomes"] = ["outcome", "year"],
        ["funding.outcomes"] = ["outcome", "year"],
        ["linkage_targets"] = ["primary", "secondary", "year"],
        ["findings.link_profiles"] = ["outcome", "year"],
        ["findings.link_profiles[].next_linked"] = ["projects"],
        ["findings.covid.years"] = ["year"],
        ["findings.outcome_trends"] = ["outcome"],
        ["findings.outcome_trends[].years"] = ["year"],
        ["findings.outcome_trends[].years_with_projects"] = ["year"],
        ["findings.outcome_trends[].years_without_projects"] = ["year"],
        ["findings.outcome_trends[].years_with_links"] = ["year"],
        ["findings.outcome_trends[].years_without_links"] = ["year"],
        ["findings.domain_integration"] = ["domain", "year"],
        ["findings.domain_trends"] = ["domain"],
        ["findings.domain_trends[].years"] = ["year"],
        ["findings.most_integrated_domain"] = ["year"],
        ["findings.region_leaders"] = ["year"],
        ["findings.outside_regions.years"] = ["year"],
        ["findings.status_counts"] = ["year"],
        ["steps"] = ["from_year", "to_year"],
    };

    /// <summary>The key fields of the elements of the list at <paramref name="pattern"/>; null when none is known (the list is then named by position).</summary>
    public static string[]? FieldsOf(string pattern)
    {
        if (Fields.TryGetValue(pattern, out var fields)) return fields;
        int dot = pattern.LastIndexOf('.');
        return Fields.GetValueOrDefault(dot < 0 ? pattern : pattern[(dot + 1)..]);
    }

    /// <summary>
    /// The keys of a list's elements ("3.1, 2021"; a plain value by itself), or null when they do
    /// not each name one element (a field missing, two elements alike): the list is then named by position.
    /// </summary>
    public static List<string>? KeysOf(string pattern, JsonArray list)
    {
        var fields = FieldsOf(pattern);
        var keys = new List<string>(list.Count);
        foreach (var element in list)
        {
            string? key = element switch
            {
                JsonValue value => Text(value),
                JsonObject o when fields is not null && fields.All(o.ContainsKey) => string.Join(", ", fields.Select(f => Text(o[f]))),
                _ => null,
            };
            if (key is null) return null;
            keys.Add(key);
        }
        return keys.Distinct(StringComparer.Ordinal).Count() == keys.Count ? keys : null;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };
}
