using ReportGen.Model;

namespace ReportGen.Workbook;

/// <summary>Checks that span rows and sheets: unique keys, references that resolve, complete funding.</summary>
internal static class CrossChecks
{
    /// <summary>The smallest difference, other than 0, between a target and its baseline: progress over it stays finite.</summary>
    public const double MinTargetGap = 1e-6;

    /// <param name="incomplete">
    /// Sheets with rows that could not be read. References into them are not checked: a bad cell
    /// in Indicators should be reported once, not again as every value that names its indicator.
    /// </param>
    /// <param name="locate">The place of a column in a source row, such as <c>Projects!F12</c>.</param>
    public static void Run(ReportingCycle cycle, List<Problem> problems, IReadOnlySet<string> incomplete, Func<SourceRow, string, string> locate)
    {
        bool Checkable(string sheet) => !incomplete.Contains(sheet);
        void Add(SourceRow source, string column, string message) => problems.Add(new Problem(locate(source, column), message));

        void Unique<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, Func<T, SourceRow> source, string column, Func<T, string> describe)
            where TKey : notnull
        {
            // Both rows are reported: either may be the one to change.
            var first = new Dictionary<TKey, T>();
            var reportedFirst = new HashSet<TKey>();
            foreach (var item in items)
            {
                var k = key(item);
                if (first.TryGetValue(k, out var earlier))
                {
                    if (reportedFirst.Add(k)) Add(source(earlier), column, $"{describe(item)} is given twice (again in row {source(item).Row})");
                    Add(source(item), column, $"{describe(item)} is given twice (first in row {source(earlier).Row})");
                }
                else first[k] = item;
            }
        }

        Unique(cycle.Documents, d => d.DocId.ToLowerInvariant(), d => d.Source, "doc_id", d => $"doc_id '{d.DocId.ToLowerInvariant()}'");
        Unique(cycle.Domains, d => d.Code, d => d.Source, "code", d => $"domain {d.Code}");
        Unique(cycle.Outcomes, o => o.Code, o => o.Source, "code", o => $"outcome {o.Code}");
        Unique(cycle.Indicators, i => i.Id, i => i.Source, "indicator_id", i => $"indicator_id '{i.Id}'");
        Unique(cycle.IndicatorValues, v => (v.IndicatorId, v.Year), v => v.Source, "year", v => $"a value of indicator '{v.IndicatorId}' for {v.Year}");
        Unique(cycle.Funding, f => (f.Outcome, f.Year), f => f.Source, "year", f => $"funding of outcome {f.Outcome} for {f.Year}");
        Unique(cycle.Regions, r => r.Code, r => r.Source, "code", r => $"region '{r.Code}'");
        Unique(cycle.Projects, p => p.Id, p => p.Source, "project_id", p => $"project_id '{p.Id}'");
        Unique(cycle.Services, s => s.Id, s => s.Source, "service_id", s => $"service_id '{s.Id}'");
        Unique(cycle.Flagships, f => f.Code, f => f.Source, "code", f => $"flagship '{f.Code}'");
        Unique(cycle.LinkageTargets, t => (t.Primary, t.Secondary, t.Year), t => t.Source, "year",
            t => $"a target for {t.Primary} → {t.Secondary} in {t.Year}");

        HashSet<int>? domains = cycle.Domains.Select(d => d.Code).ToHashSet();
        HashSet<OutcomeCode>? outcomes = cycle.Outcomes.Select(o => o.Code).ToHashSet();
        HashSet<string>? indicators = cycle.Indicators.Select(i => i.Id).ToHashSet();
        HashSet<string>? regions = cycle.Regions.Select(r => r.Code).ToHashSet();
        HashSet<string>? flagships = cycle.Flagships.Select(f => f.Code).ToHashSet();

        void Outcome(OutcomeCode code, SourceRow source, string column)
        {
            if (outcomes is not null && !outcomes.Contains(code)) Add(source, column, $"outcome {code} is not on the Outcomes sheet");
        }

        if (!Checkable("Domains")) domains = null;
        if (!Checkable("Outcomes")) outcomes = null;
        if (!Checkable("Indicators")) indicators = null;
        if (!Checkable("Regions")) regions = null;
        if (!Checkable("Flagships")) flagships = null;

        foreach (var o in cycle.Outcomes)
            if (domains is not null && !domains.Contains(o.Domain)) Add(o.Source, "domain", $"domain {o.Domain} is not on the Domains sheet");
        foreach (var i in cycle.Indicators) Outcome(i.Outcome, i.Source, "outcome");
        foreach (var v in cycle.IndicatorValues)
            if (indicators is not null && !indicators.Contains(v.IndicatorId)) Add(v.Source, "indicator_id", $"indicator '{v.IndicatorId}' is not on the Indicators sheet");
        if (indicators is not null)
        {
            var indicatorOf = new Dictionary<string, Indicator>(StringComparer.Ordinal);
            foreach (var i in cycle.Indicators) indicatorOf.TryAdd(i.Id, i);
            foreach (var v in cycle.IndicatorValues)
                if (indicatorOf.TryGetValue(v.IndicatorId, out var i)) CheckTarget(i, v);
        }
        foreach (var f in cycle.Funding) Outcome(f.Outcome, f.Source, "outcome");
        foreach (var s in cycle.Services) Outcome(s.Outcome, s.Source, "outcome");
        foreach (var t in cycle.LinkageTargets)
        {
            Outcome(t.Primary, t.Source, "primary_outcome");
            Outcome(t.Secondary, t.Source, "secondary_outcome");
            if (t.Primary == t.Secondary) Add(t.Source, "secondary_outcome", "a linkage target links an outcome to itself");
        }
        int? latestDocument = null;
        if (Checkable("Documents"))
            foreach (var d in cycle.Documents)
                if (latestDocument is null || d.Date.Year > latestDocument) latestDocument = d.Date.Year;
        foreach (var p in cycle.Projects)
        {
            Outcome(p.PrimaryOutcome, p.Source, "primary_outcome");
            var unknown = p.SecondaryOutcomes.Where(c => outcomes is not null && !outcomes.Contains(c)).Select(c => c.ToString()).ToList();
            if (unknown.Count > 0)
                Add(p.Source, "secondary_outcomes", $"not on the Outcomes sheet: {string.Join(", ", unknown)}");
            if (regions is not null && !regions.Contains(p.Region))
            {
                // A region given by its name rather than its code gets the code as a hint.
                var named = cycle.Regions.FirstOrDefault(r => r.Name.Texts.Any(t => string.Equals(t.Value?.Trim(), p.Region, StringComparison.OrdinalIgnoreCase)));
                Add(p.Source, "region", $"region '{p.Region}' is not on the Regions sheet" + (named is null ? "" : $"; did you mean {named.Code}?"));
            }
            if (latestDocument is int docYear && p.PrcYear > docYear)
                Add(p.Source, "prc_year", $"prc_year {p.PrcYear} is after the year of the documents' date ({docYear}); a review year cannot be in the future");
            else if (p.PrcYear < cycle.Settings.PlanStart - 1 || p.PrcYear > cycle.Settings.PlanEnd)
                Add(p.Source, "prc_year", $"prc_year {p.PrcYear} lies outside the plan period {cycle.Settings.PlanStart}–{cycle.Settings.PlanEnd} " +
                    "(a project reviewed for this plan is reviewed in its years, or in the year before it starts); check the year, or plan_start and plan_end in Settings");
            if (p.Flagship is { } f && flagships is not null && !flagships.Contains(f)) Add(p.Source, "flagship", $"flagship '{f}' is not on the Flagships sheet");
        }

        // Without a document there is nothing to build: the sheet is incomplete, not the command line wrong.
        if (Checkable("Documents") && cycle.Documents.Count == 0)
            problems.Add(Problem.AtSheet("Documents", "no documents; add one row for each document to build"));
        if (Checkable("Projects") && cycle.Projects.Count == 0) problems.Add(Problem.AtSheet("Projects", "no projects; add one row for each project the Project Review Committee reviewed"));
        if (Checkable("Outcomes") && cycle.Outcomes.Count == 0) problems.Add(Problem.AtSheet("Outcomes", "no outcomes; add one row for each outcome of the strategic plan"));
        // Both documents report on the plan's flagship programmes (a paragraph, a section and a figure): a cycle without any is an incomplete sheet, not a text to word around.
        if (Checkable("Flagships") && cycle.Flagships.Count == 0)
            problems.Add(Problem.AtSheet("Flagships", "no flagship programmes; the documents report on the strategic plan's flagship programmes: add one row for each"));

        // Achievement is the distance covered from baseline to target over that distance: a distance of
        // 1e-300 makes it infinite (see docs/workbook.md, IndicatorValues).
        void CheckTarget(Indicator indicator, IndicatorValue value)
        {
            string gapText = MinTargetGap.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
            // A target behind the baseline makes progress towards it negative (the annex printed -2000 %).
            bool increase = indicator.Direction == Direction.Increase;
            if (increase ? value.Target < indicator.Baseline : value.Target > indicator.Baseline)
            {
                Add(value.Source, "target", $"target {SheetTable.FormatNumber(value.Target)} is {(increase ? "below" : "above")} the baseline " +
                    $"{SheetTable.FormatNumber(indicator.Baseline)} of indicator '{indicator.Id}', which is to {(increase ? "increase" : "decrease")}; " +
                    $"give a target at or {(increase ? "above" : "below")} the baseline, or correct the indicator's direction ({locate(indicator.Source, "direction")})");
                return;
            }
            double gap = Math.Abs(value.Target - indicator.Baseline);
            if (gap > 0 && gap < MinTargetGap)
                Add(value.Source, "target", $"target {SheetTable.FormatNumber(value.Target)} differs from the baseline {SheetTable.FormatNumber(indicator.Baseline)} " +
                    $"of indicator '{indicator.Id}' by less than {gapText}; progress is measured over that difference, " +
                    $"so make the target equal to the baseline or at least {gapText} away from it");
        }

        int year = cycle.Settings.ReportingYear;
        if (!Checkable("Funding") || !Checkable("Outcomes")) return;
        var funded = cycle.Funding.Where(f => f.Year == year).Select(f => f.Outcome).ToHashSet();
        var missing = cycle.Outcomes.Select(o => o.Code).Where(c => !funded.Contains(c)).Order().Select(c => c.ToString()).ToList();
        if (missing.Count > 0)
            problems.Add(Problem.AtSheet("Funding", $"no row for the reporting year {year} for outcome{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}"));
    }
}
