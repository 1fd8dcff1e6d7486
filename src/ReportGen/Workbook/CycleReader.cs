using System.Globalization;
using ReportGen.Model;

namespace ReportGen.Workbook;

/// <summary>The outcome of reading a workbook: the cycle (when usable) and every problem found, in every registered language.</summary>
public sealed record ReadResult(ReportingCycle? Cycle, IReadOnlyList<Problem> AllProblems)
{
    /// <summary>
    /// The problems of the languages built by default (English and Chinese): a workbook without the
    /// columns of a language it is not asked for (French's <c>name_fr</c>) has no problem until
    /// that language is asked for (<see cref="ProblemsFor(IEnumerable{string})"/>).
    /// </summary>
    public IReadOnlyList<Problem> Problems => ProblemsFor(Languages.Default);

    internal IReadOnlyDictionary<string, SheetTable> Tables { get; init; } = new Dictionary<string, SheetTable>();

    /// <summary>Where a row's value of a column is: "Flagships!E5" (or "Flagships!5" when the sheet has no such column).</summary>
    public string Cell(SourceRow row, string column) =>
        Tables.TryGetValue(row.Sheet, out var table) && table.ColumnIndex(column) is int index ? $"{row.Sheet}!{new CellRef(index, row.Row)}" : $"{row.Sheet}!{row.Row}";

    /// <summary>Problems that block a build in the given languages.</summary>
    public IReadOnlyList<Problem> ProblemsFor(IEnumerable<string> languages)
    {
        var set = languages.ToHashSet();
        return [.. AllProblems.Where(p => p.Language is null || set.Contains(p.Language))];
    }

    /// <summary>The line for problems not listed (a workbook of too many), kept last whatever is merged in.</summary>
    internal Problem? NotListed { get; init; }

    /// <summary>Problems that block a build in the given languages, with others found in the workbook's cells in print order among them.</summary>
    public IReadOnlyList<Problem> ProblemsFor(IEnumerable<string> languages, IReadOnlyCollection<Problem> more)
    {
        var own = ProblemsFor(languages);
        if (more.Count == 0) return own;
        var merged = CycleReader.Sorted([.. own.Where(p => !ReferenceEquals(p, NotListed)), .. more]); // stable: own keeps its order
        if (NotListed is not null) merged.Add(NotListed);
        return merged;
    }
}

/// <summary>
/// Reads and validates a reporting-cycle workbook (contract: docs/workbook.md). All problems
/// are collected; a cycle is returned even when some language-only texts are missing.
/// </summary>
public static class CycleReader
{
    public static ReportingCycle ReadValid(string path, IEnumerable<string>? languages = null)
    {
        var result = Read(path);
        var blocking = result.ProblemsFor(languages ?? Languages.Default);
        if (blocking.Count > 0 || result.Cycle is null) throw new InputException(blocking.Count > 0 ? blocking : result.Problems);
        return result.Cycle;
    }

    /// <summary>
    /// Reads every sheet (in the order of docs/workbook.md, which is also the order problems are
    /// counted in when there are too many to list), then checks the sheets against each other.
    /// </summary>
    public static ReadResult Read(string path)
    {
        using var file = XlsxFile.Open(path);
        var sheets = new SheetReader(file);
        var settings = ReadSettings(file, sheets.Problems);
        var documents = ReadDocuments(sheets);
        var domains = ReadDomains(sheets);
        var outcomes = ReadOutcomes(sheets);
        var indicators = ReadIndicators(sheets);
        var values = ReadIndicatorValues(sheets, indicators);
        var funding = ReadFunding(sheets);
        var regions = ReadRegions(sheets);
        var projects = ReadProjects(sheets, outcomes);
        var services = ReadServices(sheets);
        var flagships = ReadFlagships(sheets);
        var targets = ReadLinkageTargets(sheets);

        var cycle = settings is null ? null : new ReportingCycle(settings, documents, domains, outcomes, indicators, values,
            funding, regions, projects, services, flagships, targets);
        if (cycle is not null) CrossChecks.Run(cycle, sheets.Problems, sheets.Incomplete, sheets.CellOf);
        return Result(path, cycle, sheets.Problems) with { Tables = sheets.Tables };
    }

    /// <summary>The cycle, unless a problem blocks every language, and the problems sorted, with a line for those not listed.</summary>
    private static ReadResult Result(string path, ReportingCycle? cycle, ProblemList problems)
    {
        bool blocking = problems.Any(p => p.Language is null);
        var sorted = Sorted(problems);
        var notListed = problems.Unlisted > 0
            ? new Problem(Path.GetFileName(path), $"and {problems.Unlisted:N0} more problems in cells, not listed (only the first {ProblemList.MaxListed:N0} are)")
            : null;
        if (notListed is not null) sorted.Add(notListed);
        return new ReadResult(blocking ? null : cycle, sorted) { NotListed = notListed };
    }

    /// <summary>The sheets read so far (for cell references), the problems found, and the sheets with a row that could not be read.</summary>
    private sealed class SheetReader(XlsxFile file)
    {
        public ProblemList Problems { get; } = new();
        public Dictionary<string, SheetTable> Tables { get; } = [];
        public HashSet<string> Incomplete { get; } = [];

        /// <summary>A cell's reference ("Projects!F12") for a row's column, or the row's when the sheet has no such column.</summary>
        public string CellOf(SourceRow source, string column) =>
            Tables.TryGetValue(source.Sheet, out var table) && table.ColumnIndex(column) is int index
                ? $"{source.Sheet}!{new CellRef(index, source.Row)}" : $"{source.Sheet}!{source.Row}";

        public List<T> Rows<T>(string sheet, string[] required, string[]? bilingual, Func<TableRow, T?> read, bool optional = false) where T : class
        {
            int before = Problems.Count(p => p.Language is null);
            var table = SheetTable.Load(file, sheet, Problems, required, bilingual, optional);
            var list = new List<T>();
            if (table is not null)
            {
                Tables[sheet] = table;
                foreach (var row in table.Rows)
                    if (read(row) is { } item) list.Add(item);
                table.ReportMergedData();
            }
            if (Problems.Count(p => p.Language is null) > before || (table is null && !optional)) Incomplete.Add(sheet);
            return list;
        }
    }

    private static List<Domain> ReadDomains(SheetReader sheets) =>
        sheets.Rows("Domains", ["code"], ["title"], row =>
            row.Integer("code", min: 1, max: 9) is int code ? new Domain(code, row.Localized("title"), row.Source) : null);

    private static List<Outcome> ReadOutcomes(SheetReader sheets) =>
        sheets.Rows("Outcomes", ["code", "domain"], ["title", "short"], row =>
        {
            var code = row.Outcome("code");
            var domain = row.Integer("domain", min: 1, max: 9);
            var title = row.Localized("title");
            var shortTitle = row.Localized("short");
            if (code is null || domain is null) return null;
            if (code.Domain != domain) row.ReportAt("domain", $"outcome {code} belongs to domain {code.Domain}, not {domain}");
            return new Outcome(code, domain.Value, title, shortTitle, row.Source);
        });

    private static List<Indicator> ReadIndicators(SheetReader sheets) =>
        sheets.Rows("Indicators", ["indicator_id", "outcome", "unit", "baseline", "direction"], ["name"], row =>
        {
            var id = row.Text("indicator_id");
            var outcome = row.Outcome("outcome");
            var name = row.Localized("name");
            var unit = row.Choice("unit", Units);
            var baseline = row.Number("baseline", percent: unit == IndicatorUnit.Percent ? PercentMode.Points : PercentMode.Refused);
            var direction = row.Choice("direction", Directions);
            return id is null || outcome is null || unit is null || baseline is null || direction is null ? null
                : new Indicator(id, outcome, name, unit.Value, baseline.Value, direction.Value, row.Source);
        });

    private static List<IndicatorValue> ReadIndicatorValues(SheetReader sheets, List<Indicator> indicators)
    {
        var unitOf = new Dictionary<string, IndicatorUnit>(StringComparer.Ordinal);
        foreach (var i in indicators) unitOf.TryAdd(i.Id, i.Unit);
        return sheets.Rows("IndicatorValues", ["indicator_id", "year", "target", "actual"], null, row =>
        {
            var id = row.Text("indicator_id");
            var year = row.Integer("year", min: 1900, max: 2999);
            // "45%" and 45 mean the same for an indicator in per cent; in any other unit "%" is a mistake.
            var percent = id is null || !unitOf.TryGetValue(id, out var u) || u == IndicatorUnit.Percent ? PercentMode.Points : PercentMode.Refused;
            var target = row.Number("target", percent: percent);
            var actual = row.Number("actual", required: false, percent: percent);
            bool actualBad = actual is null && !row.IsBlank("actual");
            return id is null || year is null || target is null || actualBad ? null
                : new IndicatorValue(id, year.Value, target.Value, actual, row.Source);
        });
    }

    private static List<FundingEntry> ReadFunding(SheetReader sheets) =>
        sheets.Rows("Funding", ["outcome", "year", "budget_usd", "funded_usd"], null, row =>
        {
            var outcome = row.Outcome("outcome");
            var year = row.Integer("year", min: 1900, max: 2999);
            var budget = Denominator(row, "budget_usd", "the funded share");
            var funded = row.Number("funded_usd", nonNegative: true);
            return outcome is null || year is null || budget is null || funded is null ? null
                : new FundingEntry(outcome, year.Value, budget.Value, funded.Value, row.Source);
        });

    /// <summary>
    /// The smallest money amount, other than 0, that a share is computed over: a share of up to
    /// 10^15 USD over it stays finite, where over 1e-300 or 5e-324 it is infinite.
    /// </summary>
    public const double MinDenominatorUsd = 1;

    /// <summary>A money amount that a share is divided by (<paramref name="share"/>): 0 (no share) or at least <see cref="MinDenominatorUsd"/>.</summary>
    private static double? Denominator(TableRow row, string column, string share)
    {
        var value = row.Number(column, nonNegative: true);
        if (value is > 0 and < MinDenominatorUsd)
        {
            row.ReportAt(column, $"{column} is {SheetTable.FormatNumber(value.Value)} USD, less than 1 USD; {share} is computed over it, " +
                "so give the amount in US dollars (at least 1), or 0 when there is none");
            return null;
        }
        return value;
    }

    private static List<Region> ReadRegions(SheetReader sheets) =>
        sheets.Rows("Regions", ["code"], ["name"], row =>
            row.Text("code") is { } code ? new Region(code, row.Localized("name"), row.Source, row.Boolean("regional", required: false) ?? true, row.Localized("name_of", required: false)) : null);

    /// <param name="outcomes">for a primary outcome given by its title or short title rather than its code</param>
    private static List<Project> ReadProjects(SheetReader sheets, List<Outcome> outcomes)
    {
        string? outcomeByName(string text) => outcomes.FirstOrDefault(o =>
            o.Title.Texts.Concat(o.Short.Texts).Select(t => t.Value).Any(t => string.Equals(t?.Trim(), text, StringComparison.OrdinalIgnoreCase)))?.Code.ToString();
        return sheets.Rows("Projects",
            ["project_id", "prc_year", "title", "region", "country", "primary_outcome", "secondary_outcomes", "covid_response", "budget_usd"], null, row =>
        {
            var id = row.Text("project_id");
            var year = row.Integer("prc_year", min: 1900, max: 2999);
            var title = row.Text("title");
            var region = row.Text("region");
            var country = row.Text("country", required: false) ?? ""; // global and multi-country projects have none
            var primary = row.Outcome("primary_outcome", byName: outcomeByName);
            var secondary = row.OutcomeList("secondary_outcomes");
            var covid = row.Boolean("covid_response");
            var budget = row.Number("budget_usd", nonNegative: true);
            var flagship = row.Text("flagship", required: false);
            if (primary is not null && secondary is not null)
            {
                if (secondary.Contains(primary))
                    row.ReportAt("secondary_outcomes", $"secondary outcomes repeat the primary outcome {primary}");
                var repeated = secondary.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
                if (repeated.Count > 0)
                    row.ReportAt("secondary_outcomes", $"secondary outcome listed twice: {string.Join(", ", repeated)}");
            }
            return id is null || year is null || title is null || region is null || country is null || primary is null
                   || secondary is null || covid is null || budget is null ? null
                : new Project(id, year.Value, title, region, country, primary, secondary, covid.Value, budget.Value,
                    string.IsNullOrEmpty(flagship) ? null : flagship, row.Source);
        });
    }

    private static List<Service> ReadServices(SheetReader sheets) =>
        sheets.Rows("Services", ["service_id", "outcome"], ["name"], row =>
        {
            var id = row.Text("service_id");
            var outcome = row.Outcome("outcome");
            var name = row.Localized("name");
            return id is null || outcome is null ? null : new Service(id, outcome, name, row.Source);
        });

    private static List<Flagship> ReadFlagships(SheetReader sheets) =>
        sheets.Rows("Flagships",
            ["code", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd"], ["name"], row =>
        {
            var code = row.Text("code");
            var name = row.Localized("name");
            var tools = row.Integer("normative_tools", min: 0);
            var portfolio = row.Number("portfolio_usd", nonNegative: true);
            var partners = row.Integer("partners", min: 0);
            var target = Denominator(row, "funding_target_usd", "the secured share");
            var secured = row.Number("funding_secured_usd", nonNegative: true);
            return code is null || tools is null || portfolio is null || partners is null || target is null || secured is null ? null
                : new Flagship(code, name, tools.Value, portfolio.Value, partners.Value, target.Value, secured.Value, row.Source);
        });

    private static List<LinkageTarget> ReadLinkageTargets(SheetReader sheets) =>
        sheets.Rows("LinkageTargets", ["primary_outcome", "secondary_outcome", "year", "target_projects"], null, row =>
        {
            var primary = row.Outcome("primary_outcome");
            var secondary = row.Outcome("secondary_outcome");
            var year = row.Integer("year", min: 1900, max: 2999);
            var count = row.Integer("target_projects", min: 0);
            return primary is null || secondary is null || year is null || count is null ? null
                : new LinkageTarget(primary, secondary, year.Value, count.Value, row.Source);
        }, optional: true);

    /// <summary>The order problems are printed in: by sheet (in the order of docs/workbook.md), then row, then column; whole-file problems first.</summary>
    internal static readonly string[] SheetOrder =
        ["Settings", "Documents", "Domains", "Outcomes", "Indicators", "IndicatorValues", "Funding", "Regions", "Projects", "Services", "Flagships", "LinkageTargets"];

    /// <summary>Problems in print order (a stable sort: problems at one place keep the order they were found in).</summary>
    internal static List<Problem> Sorted(IEnumerable<Problem> problems) =>
        [.. problems.Select(p => new PlacedProblem(p)).Order(PlacedProblem.InPrintOrder).Select(p => p.Problem)];

    /// <summary>A problem with its place as numbers. A class, not a tuple: LINQ over tuples is JIT-compiled in every cold start (see docs/benchmarks.md#generic-code-and-the-cold-start).</summary>
    private sealed class PlacedProblem
    {
        public static readonly IComparer<PlacedProblem> InPrintOrder = Comparer<PlacedProblem>.Create((a, b) =>
            a.Sheet != b.Sheet ? a.Sheet.CompareTo(b.Sheet) : a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));

        public PlacedProblem(Problem problem)
        {
            Problem = problem;
            string place = problem.Place;
            int bang = place.IndexOf('!');
            string sheet = bang < 0 ? place : place[..bang];
            Sheet = Array.IndexOf(SheetOrder, sheet); // -1: the file itself
            if (Sheet < 0 || bang < 0) return;
            string cell = place[(bang + 1)..];
            if (cell.IndexOf(':') is int colon and > 0) cell = cell[..colon]; // a range sorts at its first cell
            if (CellRef.TryParse(cell, out var c)) (Row, Column) = (c.Row, c.Column);
            else if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int row)) Row = row;
        }

        public Problem Problem { get; }
        public int Sheet { get; }
        public int Row { get; }
        public int Column { get; }
    }

    private static readonly Dictionary<string, IndicatorUnit> Units = new()
    {
        ["number"] = IndicatorUnit.Number, ["percent"] = IndicatorUnit.Percent, ["usd"] = IndicatorUnit.Usd,
    };

    private static readonly Dictionary<string, Direction> Directions = new()
    {
        ["increase"] = Direction.Increase, ["decrease"] = Direction.Decrease,
    };

    private static readonly string[] KnownSettings = ["reporting_year", "on_track_threshold", "underfunded_threshold", "plan_start", "plan_end", "languages"];

    /// <summary>The key of the Settings row naming the languages a build makes when --lang does not.</summary>
    public const string LanguagesSetting = "languages";

    /// <summary>The codes of a languages setting ("en, zh"; commas, semicolons or spaces between them), lower-cased, in the order given.</summary>
    internal static List<string> LanguageCodes(string text) =>
        [.. text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct()];

    /// <summary>
    /// The languages a build makes by default: the Settings sheet's <c>languages</c> row, in the
    /// registry's order, or the registry's defaults (en, zh) when the row is absent or cannot be read
    /// (the build's own reading of the workbook then reports why).
    /// </summary>
    public static IReadOnlyList<string> DefaultLanguages(string path)
    {
        try
        {
            using var file = XlsxFile.Open(path);
            var table = SheetTable.Load(file, "Settings", [], ["key", "value"]);
            foreach (var row in table?.Rows ?? [])
                if (string.Equals(row.Text("key", required: false), LanguagesSetting, StringComparison.OrdinalIgnoreCase)
                    && row.Text("value", required: false) is { } value && LanguageCodes(value) is { Count: > 0 } codes && codes.All(Languages.All.Contains))
                    return [.. Languages.All.Where(codes.Contains)];
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException)) { }
        return Languages.Default;
    }

    /// <summary>A languages row names registered languages only, at least one (<see cref="DefaultLanguages"/> reads it for the build).</summary>
    private static void CheckLanguages(TableRow row)
    {
        if (row.Text("value") is not { } value) return;
        var codes = LanguageCodes(value);
        var unknown = codes.Where(c => !Languages.All.Contains(c)).ToList();
        if (codes.Count == 0)
            row.ReportAt("value", $"languages names no language; write the codes separated by commas, such as {string.Join(", ", Languages.Default)}");
        else if (unknown.Count > 0)
            row.ReportAt("value", $"unknown language{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} in languages; " +
                $"the languages are {Alternatives(Languages.All).Replace(" or ", " and ", StringComparison.Ordinal)}");
    }

    private static Settings? ReadSettings(XlsxFile file, List<Problem> problems)
    {
        var table = SheetTable.Load(file, "Settings", problems, ["key", "value"]);
        if (table is null) return null;
        int? year = null;
        double onTrack = Settings.DefaultOnTrackThreshold, underfunded = Settings.DefaultUnderfundedThreshold;
        int planStart = Settings.DefaultPlanStart, planEnd = Settings.DefaultPlanEnd;
        TableRow? planRow = null, yearRow = null;
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            if (row.Text("key") is not { } key) continue;
            if (!seen.TryAdd(key, row.RowNumber))
            {
                row.ReportAt("key", $"setting '{key}' is given twice (first in row {seen[key]})");
                continue;
            }
            switch (key.ToLowerInvariant())
            {
                case "reporting_year": year = row.Integer("value", min: 1900, max: 2999) ?? -1; yearRow = row; break;
                case "on_track_threshold": onTrack = Share(row) ?? onTrack; break; // shares: "75%" is 0.75
                case "underfunded_threshold": underfunded = Share(row) ?? underfunded; break;
                case "plan_start": planStart = row.Integer("value", min: 1900, max: 2999) ?? planStart; planRow = row; break;
                case "plan_end": planEnd = row.Integer("value", min: 1900, max: 2999) ?? planEnd; planRow = row; break;
                case LanguagesSetting: CheckLanguages(row); break;
                default:
                    string near = NameGuess.Closest(key, KnownSettings) is { } guess ? $"; did you mean {guess}?" : "";
                    row.ReportAt("key", $"unknown setting '{key}' (known: {string.Join(", ", KnownSettings)}){near}");
                    break;
            }
        }
        table.ReportMergedData();
        if (year is null)
        {
            problems.Add(Problem.AtSheet("Settings", "reporting_year is required; add a row with the key reporting_year and the year, such as 2021, as its value"));
            return null;
        }
        if (planEnd < planStart)
        {
            if (planRow is not null) planRow.ReportAt("value", $"the plan period ends ({planEnd}) before it starts ({planStart})");
            else problems.Add(Problem.AtSheet("Settings", $"the plan period ends ({planEnd}) before it starts ({planStart})"));
            return null;
        }
        if (year >= 0 && (year < planStart || year > planEnd) && yearRow is not null)
        {
            yearRow.ReportAt("value", $"the reporting year {year} lies outside the plan period {planStart}–{planEnd}; " +
                "set plan_start and plan_end (Settings) to the plan the year belongs to, or check the year");
            return null;
        }
        return year < 0 ? null : new Settings(year.Value, onTrack, underfunded, planStart, planEnd);

        static double? Share(TableRow row)
        {
            var value = row.Number("value", percent: PercentMode.Share);
            if (value is < 0 or > 1)
            {
                row.ReportAt("value", $"a threshold is a share from 0 to 1 (or a percentage such as 75%), not {value}");
                return null;
            }
            return value;
        }
    }

    private static List<DocumentSpec> ReadDocuments(SheetReader sheets) =>
        sheets.Rows("Documents",
            ["doc_id", "template", "symbol", "date", "agenda_item", "agenda_symbol", "session_start", "session_end", "original_language"], null, row =>
        {
            var id = row.Text("doc_id");
            var template = row.Text("template");
            var symbol = row.Text("symbol");
            var date = row.Date("date");
            var typed = row.Text("agenda_item");
            AgendaItem? item = null;
            if (typed is not null && !AgendaItem.TryParse(typed, out item))
                row.ReportAt("agenda_item", $"agenda_item '{typed}' is not an agenda item: type its number and, for a sub-item, its letter, as 6 or 6 (a) " +
                    "(the templates write the words, \"Item\", \"Point\", \"Tema\", and each language's form of the letter)");
            var agendaSymbol = row.Text("agenda_symbol");
            var start = row.Date("session_start");
            var end = row.Date("session_end");
            var original = row.Text("original_language")?.ToLowerInvariant();
            if (id is not null && id.Length > MaxNameLength)
            {
                row.ReportAt("doc_id", $"doc_id is {id.Length} characters long; it names the output files, so it may have at most {MaxNameLength}");
                id = null;
            }
            if (template is not null && template.Length > MaxNameLength)
            {
                row.ReportAt("template", $"template is {template.Length} characters long; it names a template file, so it may have at most {MaxNameLength}");
                template = null;
            }
            if (id is not null && !DocIdPattern.IsMatch(id))
            {
                row.ReportAt("doc_id", $"doc_id '{id}' may hold only letters, digits, '-' and '_' (it names the output files)");
                id = null;
            }
            if (template is not null && !DocIdPattern.IsMatch(template))
            {
                row.ReportAt("template", $"template '{template}' may hold only letters, digits, '-' and '_'");
                template = null;
            }
            if (original is not null && !Languages.All.Contains(original))
            {
                row.ReportAt("original_language", $"original_language must be {Alternatives(Languages.All)}, not '{original}'");
                original = null;
            }
            if (start is not null && end is not null && end < start)
                row.ReportAt("session_end", "the session ends before it starts");
            if (date is not null && start is not null && start < date)
                row.ReportAt("session_start", $"the session starts on {WorkbookDates.Iso(start.Value)}, before the document's date {WorkbookDates.Iso(date.Value)} " +
                    "(a document is issued before the session it is for); check date and session_start");
            return id is null || template is null || symbol is null || date is null || item is null || agendaSymbol is null
                   || start is null || end is null || original is null ? null
                : new DocumentSpec(id, template, symbol, date.Value, item, agendaSymbol, start.Value, end.Value, original, row.Source);
        });

    /// <summary>The longest doc_id or template name: with ".en.docx" and a staging folder's name, it stays well inside every file system's limit.</summary>
    public const int MaxNameLength = 100;

    private static readonly System.Text.RegularExpressions.Regex DocIdPattern = new("^[A-Za-z0-9_-]+$");

    /// <summary>"en or zh", "en, zh or fr": the choices a problem names.</summary>
    internal static string Alternatives(IReadOnlyList<string> choices) =>
        choices.Count <= 1 ? string.Concat(choices) : string.Join(", ", choices.Take(choices.Count - 1)) + " or " + choices[^1];
}
