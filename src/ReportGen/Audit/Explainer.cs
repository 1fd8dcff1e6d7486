using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReportGen.Model;
using ReportGen.Workbook;

namespace ReportGen.Audit;

/// <summary>Where a number in a document came from: the figure, what it means, and the workbook rows behind it.</summary>
public sealed record Explanation(string Document, string Language, string Paragraph, TracedFigure Figure, string Meaning, string? Rows)
{
    /// <summary>The place as a reader says it, an annex numbered as the document numbers it: "paragraph 8", "Annex, table 1, row 2" (a lone annex).</summary>
    public string Where { get; init; } = "";
}

/// <summary>
/// Answers "where does this number come from?" for a build folder: finds the text in trace.json,
/// reads the figure's definition (docs/figures.md) and, when the workbook named in the manifest
/// is at hand and unchanged, lists the rows the figure is computed from.
/// </summary>
public static partial class Explainer
{
    public static (IReadOnlyList<Explanation> Found, IReadOnlyList<string> Notes) Explain(string build, string text, string? workbook = null)
    {
        string tracePath = Path.Combine(build, TraceFile.FileName), figuresPath = Path.Combine(build, "figures.json");
        if (!File.Exists(tracePath) || !File.Exists(figuresPath))
            throw new FileNotFoundException($"{build}: not a build folder (trace.json and figures.json are missing)");
        var trace = TraceFile.FromJson(Json(tracePath));
        var figures = JsonNode.Parse(Json(figuresPath))!;
        var notes = new List<string>();
        var read = LoadWorkbook(build, workbook, notes);
        var cycle = read?.Cycle;
        string wanted = NumberForm(text);
        var matches = trace.Documents.SelectMany(d => d.Paragraphs.SelectMany(p => p.Figures.Select(f => (d, p, f)))).ToList();
        var exact = matches.Where(m => NumberForm(m.f.Text) == wanted).ToList();
        if (exact.Count == 0 && wanted.Length > 0) exact = matches.Where(m => NumberForm(m.f.Text).Contains(wanted, StringComparison.Ordinal)).ToList();
        var found = exact.Select(m =>
        {
            var (meaning, rows) = Describe(m.f.Path, figures, cycle, read is null ? null : read.Cell, m.d.DocId);
            return new Explanation(m.d.DocId, m.d.Language, m.p.Paragraph, m.f, meaning, rows) { Where = Document.Anchors.DescribeKey(m.p.Paragraph, m.d.Annexes) };
        }).ToList();
        return (found, notes);
    }

    /// <summary>
    /// A number however it is written, in one form: "Six", "six", "6" and 六 alike; "ten" and "10";
    /// "second", "2nd" and 第二 alike; "41 per cent", "41 %" and "41%"; "7856 万美元" and
    /// "7856万美元"; "9,800,000" and "9800000". Numbers in words are read as the typed-number check
    /// reads them (<see cref="Templating.NumberText"/>).
    /// </summary>
    public static string NumberForm(string text)
    {
        string t = text.Trim().ToLowerInvariant().Replace(" per cent", "%", StringComparison.Ordinal);
        var words = new System.Text.StringBuilder(t.Length);
        int copied = 0;
        foreach (var number in Templating.NumberText.Find(t))
        {
            if (!number.InWords && number.Kind != Templating.NumberKind.Ordinal) continue;
            words.Append(t, copied, number.Start - copied).Append(number.Form);
            copied = number.Start + number.Length;
        }
        t = words.Append(t, copied, t.Length - copied).ToString();
        t = Grouping().Replace(t, "");
        return new string(t.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    [GeneratedRegex(@"(?<=\d),(?=\d{3}\b)")] private static partial Regex Grouping();

    private static ReadResult? LoadWorkbook(string build, string? given, List<string> notes)
    {
        string manifestPath = Path.Combine(build, Manifest.FileName);
        var manifest = File.Exists(manifestPath) ? Manifest.FromJson(Json(manifestPath)) : null;
        string? path = given;
        if (path is null && manifest is not null)
        {
            string name = manifest.Workbook.File;
            // Found from the build folder (inside it or beside it), never from wherever the command runs.
            path = new[] { Path.Combine(build, name), Path.Combine(build, "..", name) }.FirstOrDefault(File.Exists);
        }
        if (path is null || !File.Exists(path))
        {
            notes.Add("the workbook was not found (give it with --workbook): workbook rows are not listed");
            return null;
        }
        if (manifest is not null && Hashing.Sha256(IO.FileSystem.ReadBounded(path, 512L * 1024 * 1024)) != manifest.Workbook.Sha256)
        {
            notes.Add($"{path} is not the workbook this build was made from (its sha256 differs from the manifest's): workbook rows are not listed");
            return null;
        }
        var result = CycleReader.Read(path);
        return result.Cycle is null ? null : result;
    }

    [GeneratedRegex(@"\[(\d+)\]")] private static partial Regex Index();

    private static IReadOnlyDictionary<OutcomeCode, int> DomainOf(ReportingCycle cycle) => Analysis.FigureCalculator.DomainOf(cycle);

    private static bool CoversAllDomains(Project p, ReportingCycle cycle) => Analysis.FigureCalculator.CoversAllDomains(p, cycle, DomainOf(cycle));

    /// <summary>The figure's meaning, and the rows of the workbook it is computed from.</summary>
    /// <param name="cell">where a row's value of a column is ("Flagships!E5"), for figures that read one row's cells</param>
    /// <param name="document">the document the figure is printed in (its row of the Documents sheet holds its dates)</param>
    public static (string Meaning, string? Rows) Describe(string path, JsonNode figures, ReportingCycle? cycle, Func<SourceRow, string, string>? cell = null, string? document = null)
    {
        var d = new Description(path, figures, cycle, cell, document);
        return d.Dates() ?? d.Category() ?? d.Settings() ?? d.Plan() ?? d.Portfolio() ?? d.Balance() ?? d.Flagships() ?? d.Progress() ?? d.Funding() ?? d.Findings() ?? d.Named()
            ?? ("a figure of figures.json (see docs/figures.md)", null);
    }

    /// <summary>
    /// One figure's description: one method for each part of figures.json, each answering for the
    /// paths of its part (null for any other), over the figure's path, the figures and the cycle.
    /// </summary>
    private sealed class Description(string path, JsonNode figures, ReportingCycle? cycle, Func<SourceRow, string, string>? cell, string? document)
    {
        private JsonNode? At(string p)
        {
            JsonNode? node = figures;
            foreach (string part in p.Split('.'))
            {
                var name = part.Split('[')[0];
                node = node?[name];
                foreach (Match m in Index().Matches(part)) node = node?[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
            }
            return node;
        }

        private string Parent() => path[..path.LastIndexOf('.')];
        private string Field() => path[(path.LastIndexOf('.') + 1)..];
        private string S(string p) => At(p)?.ToString() ?? "?";
        private int I(string p) => At(p) is JsonValue v && v.TryGetValue(out double d) ? (int)d : 0;

        private IEnumerable<SourceRow> Projects(Func<Project, bool> which) => cycle?.Projects.Where(which).Select(p => p.Source) ?? [];
        private string? Rows(IEnumerable<SourceRow> rows) => cycle is null ? null : Ranges(rows.ToList());

        /// <summary>The cells a figure reads from one row of its sheet: "Flagships!E5 (portfolio_usd)".</summary>
        private string? Cells(SourceRow? row, params string[] columns) => cycle is null || row is not { } r ? null
            : string.Join("; ", columns.Select(c => $"{(cell is null ? $"{r.Sheet}!{r.Row}" : cell(r, c))} ({c})"));

        /// <summary>A date of the document's row of the Documents sheet (the masthead's date line, the session's dates or year): its cells.</summary>
        public (string, string?)? Dates()
        {
            bool year = path.EndsWith(Templating.Helpers.YearSuffix, StringComparison.Ordinal);
            var names = (year ? path[..^Templating.Helpers.YearSuffix.Length] : path).Split(Templating.Helpers.DateRangeSeparator);
            if (!names.All(n => n is "doc.date" or "doc.session_start" or "doc.session_end")) return null;
            static string What(string name) => name switch
            {
                "doc.date" => "the document's date",
                "doc.session_start" => "the session's first day",
                _ => "the session's last day",
            };
            var row = cycle?.Documents.FirstOrDefault(d => d.DocId == document)?.Source;
            return ($"{(year ? "the year of " : "")}{string.Join(" to ", names.Select(What))} ({names.Length switch { 1 => "a date", _ => "a range" }} of the Documents sheet's row of {document ?? "the document"})",
                Cells(row, [.. names.Select(n => n["doc.".Length..])]));
        }

        /// <summary>An outcome code listed as a chart's category or a table's row, in any part.</summary>
        public (string, string?)? Category()
        {
            if (path.EndsWith("].outcome", StringComparison.Ordinal) && At(path) is JsonValue outcomeCode)
                return ($"outcome {outcomeCode} of the strategic plan, as {path[..path.IndexOf('[')]} lists it (a category of a chart, or a row of a table)",
                    cycle is null ? null : Ranges(cycle.Outcomes.Where(o => o.Code.ToString() == outcomeCode.ToString()).Select(o => o.Source).ToList()));
            return null;
        }

        /// <summary>The Settings sheet's values.</summary>
        public (string, string?)? Settings()
        {
            if (path == "reporting_year") return ("the year the annual report covers (the reporting_year setting of the Settings sheet)", null);
            if (path.StartsWith("thresholds.", StringComparison.Ordinal)) return ($"the {Field().Replace('_', '-')} threshold of the Settings sheet", null);
            return null;
        }

        /// <summary>plan: how many domains of change, outcomes and flagship programmes the workbook lists (template data, not in figures.json).</summary>
        public (string, string?)? Plan() => path switch
        {
            "plan.domain_count" => ("the number of domains of change of the strategic plan (rows of the Domains sheet)", Rows(cycle?.Domains.Select(x => x.Source) ?? [])),
            "plan.outcome_count" => ("the number of outcomes of the strategic plan (rows of the Outcomes sheet)", Rows(cycle?.Outcomes.Select(x => x.Source) ?? [])),
            "plan.flagship_count" => ("the number of flagship programmes (rows of the Flagships sheet)", Rows(cycle?.Flagships.Select(x => x.Source) ?? [])),
            _ => null,
        };

        /// <summary>portfolio: the projects reviewed, in all and per review year (linkage, regions, shares).</summary>
        public (string, string?)? Portfolio()
        {
            if (path == "portfolio.total_projects") return ("all projects reviewed by the Project Review Committee, every review year", Rows(Projects(_ => true)));
            if (Regex.Match(path, @"^portfolio\.years\[\d+\]\.linkage\[\d+\]") is { Success: true })
            {
                int year = I(path[..path.IndexOf(".linkage", StringComparison.Ordinal)] + ".year");
                string p = S(Parent() + ".primary"), s = S(Parent() + ".secondary");
                return ($"projects reviewed in {year} whose primary outcome is {p} and whose secondary outcomes include {s}",
                    Rows(Projects(x => x.PrcYear == year && x.PrimaryOutcome.ToString() == p && x.SecondaryOutcomes.Any(o => o.ToString() == s))));
            }
            if (Regex.Match(path, @"^portfolio\.years\[\d+\]\.regions\[\d+\]") is { Success: true })
            {
                int year = I(path[..path.IndexOf(".regions", StringComparison.Ordinal)] + ".year");
                string region = S(Parent() + ".region");
                return ($"projects reviewed in {year} in region {region}", Rows(Projects(x => x.PrcYear == year && x.Region == region)));
            }
            if (Regex.Match(path, @"^portfolio\.years\[\d+\]\.(\w+)$") is { Success: true } y)
            {
                int year = I(Parent() + ".year");
                string meaning = y.Groups[1].Value switch
                {
                    "projects" => $"the number of projects reviewed in {year} (prc_year {year})",
                    "all_domains_share" => $"the share of the projects reviewed in {year} that cover all four domains of change (their primary or secondary outcomes reach every domain) ÷ the projects of {year}",
                    "all_domains_projects" => $"the projects reviewed in {year} that cover all four domains of change",
                    "covid_share" => $"the share of the projects reviewed in {year} marked as responding to COVID-19 (covid_response) ÷ the projects of {year}",
                    "covid_projects" => $"the projects reviewed in {year} marked as responding to COVID-19",
                    "integrated_share" => $"the share of the projects reviewed in {year} with a secondary outcome outside the domain of their primary outcome",
                    "integrated_projects" => $"the projects reviewed in {year} with a secondary outcome outside the domain of their primary outcome",
                    "budget_usd" => $"the total budget of the projects reviewed in {year}",
                    var f => $"{f.Replace('_', ' ')} of the projects reviewed in {year}",
                };
                // A share: the rows counted, then the rows it is a share of.
                Func<Project, bool>? counted = y.Groups[1].Value switch
                {
                    "all_domains_share" or "all_domains_projects" => x => cycle is not null && CoversAllDomains(x, cycle),
                    "covid_share" or "covid_projects" => x => x.CovidResponse,
                    "integrated_share" or "integrated_projects" => x => cycle is not null && Analysis.FigureCalculator.IsIntegrated(x, DomainOf(cycle)),
                    _ => null,
                };
                if (counted is not null && cycle is not null)
                {
                    var those = cycle.Projects.Where(x => x.PrcYear == year && counted(x)).ToList();
                    string ids = string.Join(", ", those.Take(10).Select(x => x.Id)) + (those.Count > 10 ? $" and {those.Count - 10} more" : "");
                    string countedRows = $"counted {Ranges(those.Select(x => x.Source).ToList())}" + (those.Count > 0 ? $" ({ids})" : "");
                    return (meaning, y.Groups[1].Value.EndsWith("_share", StringComparison.Ordinal)
                        ? $"{countedRows}; of {Rows(Projects(x => x.PrcYear == year))}" : countedRows);
                }
                return (meaning, Rows(Projects(x => x.PrcYear == year)));
            }
            return null;
        }

        public (string, string?)? Balance()
        {
            if (Regex.IsMatch(path, @"^balance\[\d+\]\."))
            {
                string outcome = S(Parent() + ".outcome");
                string meaning = Field() switch
                {
                    "services" => $"the services of the catalogue for outcome {outcome}",
                    "services_share" => $"outcome {outcome}'s services ÷ all services of the catalogue",
                    "portfolio_share" => $"the budget of projects with primary outcome {outcome} ÷ the budget of all projects",
                    "portfolio_usd" => $"the budget of projects with primary outcome {outcome}",
                    "gap" => $"services share − portfolio share for outcome {outcome}",
                    var f => $"{f.Replace('_', ' ')} for outcome {outcome}",
                };
                var rows = (cycle?.Services.Where(s => s.Outcome.ToString() == outcome).Select(s => s.Source) ?? [])
                    .Concat(Projects(p => p.PrimaryOutcome.ToString() == outcome));
                return (meaning, Rows(rows));
            }
            return null;
        }

        public (string, string?)? Flagships()
        {
            if (Regex.IsMatch(path, @"^flagships\[\d+\]\."))
            {
                string code = S(Parent() + ".code");
                // Counted from the Projects sheet; every other field is read from the flagship's row of the Flagships sheet.
                if (Field() == "projects") return ($"flagship {code}: the projects whose flagship is {code}", Rows(Projects(p => p.Flagship == code)));
                var row = cycle?.Flagships.FirstOrDefault(f => f.Code == code)?.Source;
                return Field() == "funding_secured_share"
                    ? ($"flagship {code}: funding secured ÷ funding target", Cells(row, "funding_secured_usd", "funding_target_usd"))
                    : ($"flagship {code}: {Field().Replace('_', ' ')}", Cells(row, Field()));
            }
            return null;
        }

        public (string, string?)? Progress()
        {
            if (Regex.IsMatch(path, @"^progress\.indicators\[\d+\]\."))
            {
                string id = S(Parent() + ".id");
                int year = I(Parent() + ".year");
                var rows = (cycle?.Indicators.Where(i => i.Id == id).Select(i => i.Source) ?? [])
                    .Concat(cycle?.IndicatorValues.Where(v => v.IndicatorId == id && v.Year == year).Select(v => v.Source) ?? []);
                string meaning = $"indicator {id} in {year}: {Field()} (achievement: progress from baseline to target in the indicator's direction)";
                var indicatorRow = cycle?.Indicators.FirstOrDefault(i => i.Id == id)?.Source;
                var valueRow = cycle?.IndicatorValues.FirstOrDefault(v => v.IndicatorId == id && v.Year == year)?.Source;
                return Field() switch
                {
                    "baseline" => (meaning, Cells(indicatorRow, "baseline")),
                    "target" or "actual" => (meaning, Cells(valueRow, Field())),
                    "achievement" => (meaning, string.Join("; ", new[] { Cells(indicatorRow, "baseline", "direction"), Cells(valueRow, "target", "actual") }.Where(c => c is not null)) is { Length: > 0 } all ? all : null),
                    _ => (meaning, Rows(rows)),
                };
            }
            if (Regex.IsMatch(path, @"^progress\.outcomes\[\d+\]\."))
            {
                string outcome = S(Parent() + ".outcome");
                int year = I(Parent() + ".year");
                var ids = cycle?.Indicators.Where(i => i.Outcome.ToString() == outcome).Select(i => i.Id).ToHashSet() ?? [];
                return ($"outcome {outcome} in {year}: the mean of its indicators' achievements (each capped at 1)",
                    Rows(cycle?.IndicatorValues.Where(v => ids.Contains(v.IndicatorId) && v.Year == year).Select(v => v.Source) ?? []));
            }
            return null;
        }

        public (string, string?)? Funding()
        {
            if (Regex.IsMatch(path, @"^funding\.outcomes\[\d+\]\."))
            {
                string outcome = S(Parent() + ".outcome");
                int year = I(Parent() + ".year");
                var row = cycle?.Funding.FirstOrDefault(f => f.Outcome.ToString() == outcome && f.Year == year)?.Source;
                string meaning = $"outcome {outcome} in {year}: {(Field() == "funded_share" ? "funded ÷ budget" : Field().Replace('_', ' '))}";
                return Field() switch
                {
                    "budget_usd" or "funded_usd" => (meaning, Cells(row, Field())),
                    "funded_share" => (meaning, Cells(row, "funded_usd", "budget_usd")),
                    _ => (meaning, Rows(cycle?.Funding.Where(f => f.Outcome.ToString() == outcome && f.Year == year).Select(f => f.Source) ?? [])),
                };
            }
            return null;
        }

        public (string, string?)? Findings()
        {
            if (Regex.IsMatch(path, @"^findings\.link_profiles\[\d+\]\."))
            {
                string outcome = S(Parent() + ".outcome");
                int year = I(Parent() + ".year");
                string when = year == 0 ? "all review years" : year.ToString(CultureInfo.InvariantCulture);
                string meaning = Field() switch
                {
                    "linked_outcomes" => $"how many other outcomes the projects with primary outcome {outcome} also serve ({when})",
                    "max_link_projects" => $"the most projects behind any one link of outcome {outcome} to another ({when})",
                    var f => $"{f.Replace('_', ' ')} of the links of outcome {outcome} ({when})",
                };
                return (meaning, Rows(Projects(p => p.PrimaryOutcome.ToString() == outcome && (year == 0 || p.PrcYear == year))));
            }
            if (Regex.IsMatch(path, @"^findings\.(most_integrated_domain|domain_integration)\[\d+\]\."))
            {
                int year = I(Parent() + ".year"), domain = I(Parent() + ".domain");
                return ($"projects reviewed in {year} with a primary outcome in domain {domain}: {Field().Replace('_', ' ')}",
                    Rows(Projects(p => p.PrcYear == year && p.PrimaryOutcome.Domain == domain)));
            }
            if (Regex.IsMatch(path, @"^findings\.region_leaders\[\d+\]\."))
            {
                int year = I(Parent() + ".year");
                string region = S(Parent() + ".region");
                return ($"the region with most projects reviewed in {year} ({region}): its {Field()} of the year's projects", Rows(Projects(p => p.PrcYear == year && p.Region == region)));
            }
            if (path == "findings.reporting_year_funded_share")
            {
                int year = I("reporting_year");
                return ($"funded ÷ budget over all outcomes in {year}", Rows(cycle?.Funding.Where(f => f.Year == year).Select(f => f.Source) ?? []));
            }
            return null;
        }

        /// <summary>Any other name: its meaning from the glossary of names.</summary>
        public (string, string?)? Named()
        {
            // Any other name: its meaning from the glossary of names (docs/names.md).
            string general = Templating.Glossary.Generalize(path);
            if (Templating.Glossary.Find(general) is { } entry)
            {
                // A part reads with its whole: "underfunded outcomes in the reporting year: how many".
                int dot = general.LastIndexOf('.');
                var whole = dot > 0 && general[..dot] != "findings" ? Templating.Glossary.Find(general[..dot].TrimEnd(']', '[')) ?? Templating.Glossary.Find(general[..dot]) : null;
                return (whole is null ? entry.En : $"{whole.En}: {entry.En}", null);
            }
            // An item of a list the text prints ("outcomes 1.3, 2.2 and 4.3"): the list's meaning.
            if (Regex.Match(path, @"^(.+)\[(\d+)\]$") is { Success: true } item && Templating.Glossary.Find(Templating.Glossary.Generalize(item.Groups[1].Value)) is { } list)
                return ($"item {int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture) + 1} of {item.Groups[1].Value}: {list.En}", null);
            return null;
        }
    }

    /// <summary>Rows as ranges per sheet: "Projects!91–144 (54 rows)".</summary>
    private static string Ranges(List<SourceRow> rows)
    {
        if (rows.Count == 0) return "no rows";
        var parts = new List<string>();
        foreach (var sheet in rows.GroupBy(r => r.Sheet))
        {
            var numbers = sheet.Select(r => r.Row).Distinct().Order().ToList();
            var ranges = new List<string>();
            for (int i = 0; i < numbers.Count;)
            {
                int j = i;
                while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1) j++;
                ranges.Add(i == j ? $"{numbers[i]}" : $"{numbers[i]}–{numbers[j]}");
                i = j + 1;
            }
            string shown = ranges.Count > 12 ? string.Join(", ", ranges.Take(12)) + ", …" : string.Join(", ", ranges);
            parts.Add($"{sheet.Key}!{shown} ({numbers.Count} row{(numbers.Count == 1 ? "" : "s")})");
        }
        return string.Join("; ", parts);
    }

    /// <summary>A build's JSON file: a regular file of at most 256 MB (a FIFO or a huge file is refused, never waited on).</summary>
    private static string Json(string path) => new System.Text.UTF8Encoding(false).GetString(IO.FileSystem.ReadBounded(path, 256L * 1024 * 1024));
}
