using ReportGen.Build;
using System.Globalization;
using System.Text.RegularExpressions;
using ReportGen.Cli;
using ReportGen.Document;
using ReportGen.Typesetting;
using ReportGen.Model;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// Both documents, in both languages, built from generated cycles (one to five review years,
/// other reporting years and plans, trends each way, ties, empty cases), with every claim the
/// text makes checked against a recomputation from the workbook's rows written here, by a route
/// that does not use the figure code. Composing runs the parity check: a build with the
/// languages out of step fails.
/// </summary>
public partial class GeneratedCycleTests
{
    private sealed record Built(ReportingCycle Cycle, Dictionary<string, Doc> Docs, Dictionary<string, string> Text);

    private static readonly Dictionary<string, Built> Cache = new();

    private static Built Build(Scenario s)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(s.Name, out var built)) return built;
            string dir = Path.Combine(Path.GetTempPath(), "reportgen-generated");
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, s.Name + ".xlsx");
            CycleGenerator.Write(s, path);
            var options = new BuildOptions(path, "unused", Repo.Path("templates"), ["en", "zh", "fr", "es", "ru", "ar"], ["docx", "pdf"], null);
            var (cycle, _, documents) = ComposeOrExplain(options);
            var docs = documents.ToDictionary(d => $"{d.Spec.DocId}.{d.Doc.Language}", d => d.Doc);
            built = new Built(cycle, docs, docs.ToDictionary(p => p.Key, p => PlainText.Of(p.Value)));
            Cache[s.Name] = built;
            return built;
        }
    }

    /// <summary>
    /// The Chinese of an expected text written with digits: a count below ten before its measure word in
    /// Chinese numerals, without the spaces a digit takes ("有 6 个" → "有六个"; "12 个" stays), the rule of
    /// ChineseFormatter.Count.
    /// </summary>
    internal static string ZhCounts(string digits) =>
        Regex.Replace(digits, @" ?(?<![\d.,])(\d) ?(?=[个项])", m => "零一两三四五六七八九"[m.Groups[1].Value[0] - '0'].ToString());

    /// <summary>Composes, turning input problems into a failure that lists them.</summary>
    private static (ReportingCycle, ReportGen.Analysis.Figures, List<ComposedDocument>) ComposeOrExplain(BuildOptions options)
    {
        try
        {
            return BuildPipeline.Compose(options);
        }
        catch (InputException e)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n", e.Problems.Select(p => p.ToString())));
        }
    }

    [Fact]
    public void At_least_thirty_cycles_are_generated_and_they_cover_every_case()
    {
        Assert.True(CycleGenerator.Scenarios.Count >= 30);
        var cycles = CycleGenerator.Scenarios.Select(s => Build(s).Cycle).ToList();
        Assert.Equal([1, 2, 3, 4, 5], cycles.Select(c => ReviewYears(c).Count).Distinct().Order());
        // The latest change of integration, each way and unchanged.
        var latest = cycles.Where(c => ReviewYears(c).Count >= 2).Select(c =>
        {
            var years = ReviewYears(c);
            return Math.Sign(AllDomainsPercent(c, years[^1]) - AllDomainsPercent(c, years[^2]));
        }).ToHashSet();
        Assert.Equal([-1, 0, 1], latest.Order());
        // A rise followed by a fall.
        Assert.Contains(cycles, c =>
        {
            var y = ReviewYears(c);
            return y.Count >= 3 && AllDomainsPercent(c, y[^2]) > AllDomainsPercent(c, y[^3]) && AllDomainsPercent(c, y[^1]) < AllDomainsPercent(c, y[^2]);
        });
        Assert.Contains(cycles, c => Underfunded(c).Count == 0);
        Assert.Contains(cycles, c => Underfunded(c).Count == c.Outcomes.Count);
        Assert.Contains(cycles, c => MostLinked(c, "1.1", ReviewYears(c)[^1]).Count > 1);
        Assert.Contains(cycles, c => ReviewYears(c).Any(y => c.Projects.Count(p => p.PrcYear == y) == 1));
        Assert.Contains(cycles, c => c.Outcomes.Any(o => c.Projects.All(p => p.PrimaryOutcome != o.Code && !p.SecondaryOutcomes.Contains(o.Code))));
        Assert.Contains(cycles, c => c.Settings.ReportingYear == c.Settings.PlanEnd);
        Assert.Contains(cycles, c => c.Settings.ReportingYear > c.Settings.PlanStart && c.Settings.ReportingYear < c.Settings.PlanEnd);
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void The_portfolio_analysis_states_only_what_the_data_shows(Scenario s)
    {
        var b = Build(s);
        var c = b.Cycle;
        string en = b.Text["portfolio-analysis.en"], zh = b.Text["portfolio-analysis.zh"];
        var years = ReviewYears(c);
        int total = c.Projects.Count;

        // Every review year is listed, and the parts add up to the total.
        if (years.Count == 1)
            Assert.Contains($"Every proposal reviewed in {years[0]} has been analysed, {Count(total)} in all.", en);
        else
        {
            var m = Regex.Match(en, $@"Every proposal reviewed from {years[0]} to {years[^1]} has been analysed, ([\w,]+) in all: ([^.]+)\.");
            Assert.True(m.Success, "the sentence listing the review years");
            Assert.Equal(total, ParseCount(m.Groups[1].Value));
            var parts = SplitList(m.Groups[2].Value).Select(p => Regex.Match(p, @"^([\w,]+) in (\d{4})$")).ToList();
            Assert.All(parts, p => Assert.True(p.Success));
            Assert.Equal(years, parts.Select(p => int.Parse(p.Groups[2].Value, CultureInfo.InvariantCulture)));
            Assert.Equal(years.Select(y => c.Projects.Count(p => p.PrcYear == y)), parts.Select(p => ParseCount(p.Groups[1].Value)));
            Assert.Equal(total, parts.Sum(p => ParseCount(p.Groups[1].Value)));
            Assert.Contains(ZhCounts($"共计 {total} 项："), zh);
            foreach (int y in years) Assert.Contains(ZhCounts($"{y} 年 {c.Projects.Count(p => p.PrcYear == y)} 项"), zh);
        }

        // Integration: the latest change, and the whole period with three years or more.
        int last = years[^1];
        if (years.Count == 1)
            Assert.Contains(AllDomainsCount(c, last) == 0 ? $"In {last}, none of the projects reviewed contributes to all" : $"In {last}, {AllDomainsPercent(c, last)} per cent of the projects reviewed contribute to all", en);
        else
        {
            int prev = years[^2], a = AllDomainsPercent(c, prev), z = AllDomainsPercent(c, last);
            string verb = z > a ? "grew" : z < a ? "declined" : "held steady";
            Assert.Contains($"the strategic plan {verb} between {prev} and {last}", en);
            // A share that is zero reads "none of the projects" (findings.no_projects).
            bool noneLast = AllDomainsCount(c, last) == 0, nonePrev = AllDomainsCount(c, prev) == 0;
            string domains = $"all {Count(c.Domains.Count)} domains of change";
            Assert.Contains(noneLast && nonePrev ? $"no project reviewed in {prev} or {last} contributes to {domains}"
                : noneLast ? $"none of the projects reviewed in {last} contributes to {domains}, against {a} per cent in {prev}"
                : $"{z} per cent of the projects reviewed in {last} contribute to {domains}, against {(nonePrev ? "none" : $"{a} per cent")} in {prev}", en);
            Assert.Contains(ZhCounts(noneLast && nonePrev ? $"{prev} 年和 {last} 年审查的项目中均没有涵盖全部 {c.Domains.Count} 个变革领域的项目"
                : noneLast ? $"{last} 年审查的项目中没有涵盖全部 {c.Domains.Count} 个变革领域的项目，{prev} 年则为 {a}%"
                : $"{last} 年审查的项目中有 {z}% 涵盖全部 {c.Domains.Count} 个变革领域，而 {prev} 年{(nonePrev ? "没有此类项目" : $"为 {a}%")}"), zh);
            int i1 = IntegratedPercent(c, prev), i2 = IntegratedPercent(c, last);
            // The years named, not "the same two years" (ambiguous after a whole-period sentence).
            // A year in which no project reached another domain reads "none", never "0 per cent" (findings.no_projects.integrated_…).
            bool noIntegratedPrev = !c.Projects.Any(p => p.PrcYear == prev && Integrated(c, p)), noIntegratedLast = !c.Projects.Any(p => p.PrcYear == last && Integrated(c, p));
            Assert.Contains(i2 > i1 ? (noIntegratedPrev ? $"rose to {i2} per cent in {last}, from none in {prev}" : $"rose from {i1} per cent in {prev} to {i2} per cent in {last}")
                : i2 < i1 ? $"fell from {i1} per cent in {prev} to {(noIntegratedLast ? "none" : $"{i2} per cent")} in {last}" : $"stayed at {i2} per cent in {prev} and {last}", en);
            Assert.Contains(i2 > i1 ? (noIntegratedPrev ? $"升至 {last} 年的 {i2}%，而 {prev} 年没有此类项目" : $"从 {prev} 年的 {i1}% 升至 {last} 年的 {i2}%")
                : i2 < i1 ? (noIntegratedLast ? $"从 {prev} 年的 {i1}% 下降，{last} 年已没有此类项目" : $"从 {prev} 年的 {i1}% 降至 {last} 年的 {i2}%") : $"在 {prev} 年和 {last} 年均为 {i2}%", zh);
            Assert.DoesNotContain("same two years", en);
            Assert.Equal(z > a, en.Contains("the increase may reflect"));
            if (years.Count >= 3)
            {
                int f = AllDomainsPercent(c, years[0]);
                bool noneFirst = AllDomainsCount(c, years[0]) == 0;
                Assert.Contains(z > f ? (noneFirst ? $"the share rose to {z} per cent in {last}, from none in {years[0]}" : $"the share rose from {f} per cent in {years[0]} to {z} per cent in {last}")
                    : z < f ? $"the share fell from {f} per cent in {years[0]} to {(noneLast ? "none" : $"{z} per cent")} in {last}"
                    : AllDomainsCount(c, years[0]) == 0 ? $"the share is the same as in {years[0]}, when no project covered all domains of change" : $"the share is the same as the {f} per cent of {years[0]}", en);
                // The Chinese names the last year and its share as the English does.
                if (z > f) Assert.Contains(noneFirst ? $"这一比例升至 {last} 年的 {z}%，而 {years[0]} 年没有此类项目" : $"这一比例从 {years[0]} 年的 {f}% 升至 {last} 年的 {z}%", zh);
                if (z < f) Assert.Contains(noneLast ? $"这一比例从 {years[0]} 年的 {f}% 下降，{last} 年已没有此类项目" : $"这一比例从 {years[0]} 年的 {f}% 降至 {last} 年的 {z}%", zh);
            }
            else Assert.DoesNotContain("Over the whole period", en);
        }

        // COVID-19: every review year, or none.
        if (c.Projects.Any(p => p.CovidResponse))
        {
            // Only the years with such projects have a share; a year with none reads "no project reviewed in 2021 was designed for it", never "0 per cent".
            var withCovid = years.Where(y => c.Projects.Any(p => p.PrcYear == y && p.CovidResponse)).ToList();
            var without = years.Except(withCovid).ToList();
            Assert.Contains("COVID-19) pandemic was " + JoinEnglish(withCovid.Select(y => $"{Percent(c.Projects.Count(p => p.PrcYear == y && p.CovidResponse), c.Projects.Count(p => p.PrcYear == y))} per cent in {y}"))
                + (without.Count > 0 ? $", and no project reviewed in {JoinEnglish(without.Select(y => y.ToString()))} was designed for it;" : ";"), en);
        }
        else Assert.Contains("none of the projects reviewed was designed as a response", en);

        // The most integrated domain in the last year, ties stated as ties.
        var byDomain = c.Domains.Select(d => d.Code).Select(d => (Domain: d, Projects: c.Projects.Where(p => p.PrcYear == last && DomainOf(c, p.PrimaryOutcome) == d).ToList()))
            .Where(x => x.Projects.Count > 0).Select(x => (x.Domain, Percent: x.Projects.Count(p => Integrated(c, p)) / (double)x.Projects.Count)).ToList();
        double best = byDomain.Max(x => x.Percent);
        var top = byDomain.Where(x => x.Percent == best).Select(x => x.Domain).ToList();
        if (best == 0) Assert.Contains("no project had a secondary outcome outside the domain of its primary outcome", en);
        else if (top.Count == 1) Assert.Contains($"lies in domain of change {top[0]} (", en);
        else Assert.Contains($"lies in domains of change {JoinEnglish(top.Select(d => $"{d} ({c.Domains.Single(x => x.Code == d).Title["en"]})"))} were equally the most integrated", en);

        // Outcome 1.1 in the last year: how many outcomes, and which most often (ties kept).
        var links = Links(c, "1.1", last);
        var most = MostLinked(c, "1.1", last);
        if (!c.Projects.Any(p => p.PrcYear == last && p.PrimaryOutcome.ToString() == "1.1")) Assert.Contains("no project reviewed that year had outcome 1.1", en);
        else if (links.Count == 0) Assert.Contains("as their primary outcome were linked to no other outcome", en);
        else if (links.Count == 1) Assert.Contains($"reached one other outcome, {most[0]}", en);
        else if (most.Count == 1) Assert.Contains($"reached {Count(links.Count)} other outcomes, most often {most[0]}", en);
        // A tie: "more than any other" only when some outcome reached is reached less often.
        else Assert.Contains($"reached {Count(links.Count)} other outcomes, {JoinEnglish(most)}{(most.Count < links.Count ? " equally often, more than any other" : ", equally often")}", en);

        // Regions with most projects, every year, ties kept.
        // A grouping that is not a region (regional: no) is not ranked with the regions.
        bool IsRegional(string code) => c.Regions.Single(r => r.Code == code).Regional;
        var rankedYears = years.Where(y => c.Projects.Any(p => p.PrcYear == y && IsRegional(p.Region))).ToList();
        var leaders = rankedYears.ToDictionary(y => y, y => c.Projects.Where(p => p.PrcYear == y && IsRegional(p.Region)).GroupBy(p => p.Region)
            .GroupBy(g => g.Count()).MaxBy(g => g.Key)!.Select(g => g.Key).Order(StringComparer.Ordinal).ToList());
        string Names(List<string> codes) => JoinSetOff(codes.Select(code => c.Regions.Single(r => r.Code == code).Name["en"]!));
        if (rankedYears.Count == years.Count && years.All(y => leaders[y].SequenceEqual(leaders[years[0]])))
            Assert.Contains($"{Names(leaders[years[0]])} {(leaders[years[0]].Count > 1 ? "each " : "")}had the most projects", en);
        else foreach (int y in rankedYears) Assert.Contains($"{Names(leaders[y])} in {y} (", en);

        // Annex II: one linkage matrix per review year, numbered in sequence, and the text refers to them all.
        var charts = b.Docs["portfolio-analysis.en"].AllBlocks().OfType<ChartSlot>().ToList();
        Assert.Equal(years.Select(y => $"Linkages between outcomes by number of projects reviewed in {y}"), charts.Where(x => x.Name == "linkage").Select(x => x.Title));
        Assert.Equal(Enumerable.Range(1, charts.Count).Select(Numbering.Roman), charts.Select(x => x.Number));
        Assert.Equal(Enumerable.Range(1, charts.Count).Select(Numbering.Chinese), b.Docs["portfolio-analysis.zh"].AllBlocks().OfType<ChartSlot>().Select(x => x.Number));
        string linkageRef = years.Count switch { 1 => "figure I", 2 => "figures I and II", _ => $"figures I to {Numbering.Roman(years.Count)}" };
        Assert.Contains($"(annex II, {linkageRef})", en);
        Assert.Contains($"(the dashed lines in annex II, figures {Numbering.Roman(years.Count + 1)} to {Numbering.Roman(years.Count + 6)})".Replace("(the dashed lines in ", c.LinkageTargets.Count > 0 ? "(the dashed lines in " : "("), en);

        // Flagships: the largest share of the funding target (ties kept).
        var withTarget = c.Flagships.Where(f => f.FundingTargetUsd > 0).ToList();
        if (withTarget.Count == 0) Assert.Contains("No funding targets have yet been set", en);
        else if (withTarget.Count > 1 && withTarget.Select(f => Percent(f.FundingSecuredUsd, f.FundingTargetUsd)).Distinct().Count() > 1)
        {
            double top1 = withTarget.Max(f => f.FundingSecuredUsd / f.FundingTargetUsd);
            var highest = withTarget.Where(f => f.FundingSecuredUsd / f.FundingTargetUsd == top1).OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
            Assert.Contains($"Progress in securing funding has been uneven: {JoinEnglish(highest.Select(f => $"“{f.Name["en"]}”"))} ", en);
            Assert.Contains($"({Percent(highest[0].FundingSecuredUsd, highest[0].FundingTargetUsd)} per cent)", en);
        }
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void The_annual_report_states_only_what_the_data_shows(Scenario s)
    {
        var b = Build(s);
        var c = b.Cycle;
        string en = b.Text["annual-report-summary.en"], zh = b.Text["annual-report-summary.zh"];
        int year = c.Settings.ReportingYear;

        // Outcome statuses, recomputed from the indicator values.
        var status = c.Outcomes.ToDictionary(o => o.Code.ToString(), o => OutcomeStatus(c, o.Code, year));
        var onTrack = status.Where(p => p.Value is "achieved" or "on_track").Select(p => p.Key).OrderBy(OutcomeCode.Parse).ToList();
        var offTrack = status.Where(p => p.Value == "off_track").Select(p => p.Key).OrderBy(OutcomeCode.Parse).ToList();
        if (onTrack.Count == c.Outcomes.Count) Assert.Contains($"All {Count(c.Outcomes.Count)} outcomes of the strategic plan achieved or were on track", en);
        else if (onTrack.Count == 0) Assert.Contains("None of the", en);
        else
        {
            Assert.Contains($", {Count(onTrack.Count)} achieved or ", en);
            Assert.Contains($"(outcome{(onTrack.Count == 1 ? "" : "s")} {JoinEnglish(onTrack)})", en);
            Assert.Contains(ZhCounts($"，{onTrack.Count} 项已实现或有望实现 {year} 年目标（成果 {JoinChinese(onTrack)}）"), zh);
        }
        if (offTrack.Count > 0 && offTrack.Count < c.Outcomes.Count)
            Assert.Contains($"; {Count(offTrack.Count)} fell short of 75 per cent of the planned progress (outcome{(offTrack.Count == 1 ? "" : "s")} {JoinEnglish(offTrack)})", en);

        // Underfunded outcomes of the reporting year.
        var under = Underfunded(c);
        if (under.Count == 0) Assert.Contains($"No outcome area of the strategic plan had less than 50 per cent of its budget funded in {year}.", en);
        else if (under.Count == c.Outcomes.Count) Assert.Contains($"All {c.Outcomes.Count} outcome areas of the strategic plan were relatively underfunded in {year}", en);
        else
        {
            Assert.Contains($"Of the {c.Outcomes.Count} outcome areas of the strategic plan, {Count(under.Count)} (outcome{(under.Count == 1 ? "" : "s")} {JoinEnglish(under)}) {(under.Count == 1 ? "was" : "were")} relatively underfunded in {year}", en);
            Assert.Contains(ZhCounts($"中有 {under.Count} 个（成果 {JoinChinese(under)}）资金相对不足"), zh);
        }
        Assert.Equal(under.Count > 0, en.Contains("Predictable, longer-term funding therefore remains"));

        // Which year of the plan.
        int ordinal = year - c.Settings.PlanStart + 1;
        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth"];
        if (year < c.Settings.PlanStart || year > c.Settings.PlanEnd) Assert.Contains($"Reviewing {year}, the report", en);
        else if (year == c.Settings.PlanEnd) Assert.Contains("Reviewing the final year of the strategic plan", en);
        else Assert.Contains($"Reviewing the {ordinals[ordinal - 1]} year of the strategic plan", en);
        Assert.DoesNotContain("first year", year == c.Settings.PlanStart ? "" : en);
        Assert.Contains($"for the period {c.Settings.PlanStart}–{c.Settings.PlanEnd}", en);
        Assert.Contains($"{c.Settings.PlanStart}-{c.Settings.PlanEnd} 年期间战略计划", zh);

        // The pandemic only where the reporting year's projects respond to it.
        bool covid = c.Projects.Any(p => p.PrcYear == year && p.CovidResponse);
        Assert.Equal(covid, en.Contains("COVID-19"));
        Assert.Equal(covid, zh.Contains("COVID-19"));
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void No_sentence_has_an_empty_slot_or_dangling_punctuation(Scenario s)
    {
        foreach (var (name, text) in Build(s).Text)
        {
            // Table rows may hold empty cells; sub-items are indented.
            string body = string.Join('\n', text.Split('\n').Where(l => !l.Contains(" | ")).Select(l => l.TrimStart()));
            // The language's own marks (its profile's), dangling or doubled: Arabic "؛" and "،" as the Latin ";" and ",".
            var profile = LanguageProfiles.For(name[(name.LastIndexOf('.') + 1)..]);
            string semicolon = profile.Semicolon.Trim(), stop = profile.Stop;
            var own = new[] { " " + semicolon, semicolon + stop, semicolon + semicolon, stop + stop, semicolon + " " + stop };
            foreach (string bad in new[] { " ;", " ,", " .", ";.", ",.", "..", "()", "（）", "、和", "和和", "，，", "；；", "。。", "：。", "：；", "， 。", "most often ;", "most often.", " and .", " and ;", "  ", "\u00A0\u00A0", "、。", "、；", "，。", "\\", "zero other", "zero project", " 0 project", " ،", "،.", "،،", "،؛", " و .", " و ؛" }.Concat(own).Distinct())
                Assert.False(body.Contains(bad), $"{name}: '{bad}' in:\n{Around(body, bad)}");
            Assert.DoesNotMatch(@"[\uE000-\uF8FF]", body); // no mark of the templating left behind
        }
    }

    /// <summary>One spacing rule (Typesetting.MixedSpacing) over the whole Chinese text: a space between Han and a Latin word or number, one only, none beside full-width punctuation.</summary>
    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Chinese_text_spaces_han_and_latin_by_one_rule(Scenario s)
    {
        foreach (var (name, text) in Build(s).Text.Where(t => t.Key.EndsWith(".zh", StringComparison.Ordinal)))
        {
            // Table rows are cells apart by " | "; a label (一、, 1., (a)) is followed by its separator space.
            foreach (string line in text.Split('\n').Where(l => !l.Contains(" | ")).Select(l => Regex.Replace(l.Trim(), @"^(\S+、|[0-9]+\.|\([a-z一二三四五六七八九十]+\)) ", "")))
            {
                Assert.False(MissingSpace().IsMatch(line), $"{name}: Han and Latin joined without a space in: {line}");
                Assert.False(line.Contains("  ", StringComparison.Ordinal), $"{name}: a doubled space in: {line}");
                Assert.False(SpaceByFullWidth().IsMatch(line), $"{name}: a space beside full-width punctuation in: {line}");
            }
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[A-Za-z0-9]|[A-Za-z0-9%]\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex MissingSpace();

    [GeneratedRegex(@"[^\s] [，。、；：（）“”]|[，。、；：（）“”] [^\s]")]
    private static partial Regex SpaceByFullWidth();

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Sub_items_follow_un_style_in_every_language(Scenario s)
    {
        foreach (var (name, doc) in Build(s).Docs)
        {
            // The marks are the language's (its profile's): "；" and "。" in Chinese, "؛" and "." in Arabic, ";" and "." in English.
            var profile = LanguageProfiles.For(doc.Language);
            string semicolon = profile.Semicolon.Trim(), colon = profile.Colon.Trim();
            foreach (var list in doc.Body.OfType<SubItems>())
            {
                var items = Leaves(list, final: true).ToList();
                foreach (var (text, final, level) in items)
                {
                    string expected = final ? profile.Stop : semicolon;
                    Assert.True(text.EndsWith(expected, StringComparison.Ordinal) || text.EndsWith(colon, StringComparison.Ordinal), $"{name}: '{text}' should end with {expected}");
                    // A sub-item runs on from its lead-in: no capital (a script without capitals has none to check).
                    Assert.True(!char.IsAsciiLetterUpper(text[0]), $"{name}: sub-item starts with a capital: {text}");
                }
                Assert.Contains(items, i => i.Final);
            }
        }
        // Every language's documents were checked, Arabic among them.
        Assert.Contains(Build(s).Docs.Values, d => LanguageProfiles.For(d.Language).RightToLeft && d.Body.OfType<SubItems>().Any());
    }

    [SkippableFact]
    public void Three_review_years_with_integration_falling_in_2022_build_true_in_pdf_and_word()
    {
        var s = CycleGenerator.Scenarios.Single(x => x.Name == "three-years-integration-falling-2022");
        Build(s); // writes the workbook
        string path = Path.Combine(Path.GetTempPath(), "reportgen-generated", s.Name + ".xlsx");
        var outputs = BuildPipeline.Render(new BuildOptions(path, "unused", Repo.Path("templates"), ["en", "zh"], ["docx", "pdf"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes);
        // The Word files, read back.
        string Docx(string name)
        {
            using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(outputs[name]), false);
            return ReportGen.Audit.DocumentText.TextOf(doc.MainDocumentPart!.Document.Body!);
        }
        Assert.Contains("declined between 2021 and 2022", Docx("portfolio-analysis.en.docx"));
        Assert.Contains("Reviewing the third year of the strategic plan", Docx("annual-report-summary.en.docx"));
        Assert.Contains("图一至图三", Docx("portfolio-analysis.zh.docx"));
        // The PDFs, read back with poppler (required in CI, see Support/Poppler).
        string en = Poppler.PdfToText(outputs["portfolio-analysis.en.pdf"]);
        Assert.Contains("declined between 2021 and 2022", Regex.Replace(en, @"\s+", " "));
        Assert.Contains("Reviewing the third year of the strategic plan", Regex.Replace(Poppler.PdfToText(outputs["annual-report-summary.en.pdf"]), @"\s+", " "));
        string zh = Regex.Replace(Poppler.PdfToText(outputs["portfolio-analysis.zh.pdf"]), @"\s+", "");
        Assert.Contains("有所减少", zh);
        Assert.Contains("图一至图三", zh);
        Assert.Contains("2022年审查项目的成果间联系", zh);
    }

    private static IEnumerable<(string Text, bool Final, int Level)> Leaves(SubItems list, bool final)
    {
        for (int i = 0; i < list.Items.Count; i++)
        {
            bool last = final && i == list.Items.Count - 1;
            var blocks = list.Items[i].Blocks;
            for (int k = 0; k < blocks.Count; k++)
            {
                if (blocks[k] is Paragraph p)
                {
                    string text = Inlines.PlainText(p.Content);
                    if (k == blocks.Count - 1) yield return (text, last, list.Level);
                    else if (!text.EndsWith(':') && !text.EndsWith('：')) yield return (text, last, list.Level); // a lead-in ends with a colon
                }
                else if (blocks[k] is SubItems nested)
                    foreach (var leaf in Leaves(nested, last)) yield return leaf;
            }
        }
    }

    private static string Around(string text, string bad)
    {
        int i = text.IndexOf(bad, StringComparison.Ordinal);
        return text[Math.Max(0, i - 120)..Math.Min(text.Length, i + 60)];
    }

    // The recomputations, from the rows, independent of Analysis/.

    private static List<int> ReviewYears(ReportingCycle c) => c.Projects.Select(p => p.PrcYear).Distinct().Order().ToList();

    private static int DomainOf(ReportingCycle c, OutcomeCode code) => c.Outcomes.Single(o => o.Code == code).Domain;

    private static bool Integrated(ReportingCycle c, Project p) => p.SecondaryOutcomes.Any(x => DomainOf(c, x) != DomainOf(c, p.PrimaryOutcome));

    private static int Percent(double part, double whole) => whole == 0 ? 0 : (int)Math.Round(part * 100 / whole, MidpointRounding.AwayFromZero);

    private static int AllDomainsPercent(ReportingCycle c, int year)
    {
        var projects = c.Projects.Where(p => p.PrcYear == year).ToList();
        int all = projects.Count(p => c.Domains.All(d => DomainOf(c, p.PrimaryOutcome) == d.Code || p.SecondaryOutcomes.Any(x => DomainOf(c, x) == d.Code)));
        return Percent(all, projects.Count);
    }

    private static int AllDomainsCount(ReportingCycle c, int year) =>
        c.Projects.Where(p => p.PrcYear == year).Count(p => c.Domains.All(d => DomainOf(c, p.PrimaryOutcome) == d.Code || p.SecondaryOutcomes.Any(x => DomainOf(c, x) == d.Code)));

    private static int IntegratedPercent(ReportingCycle c, int year)
    {
        var projects = c.Projects.Where(p => p.PrcYear == year).ToList();
        return Percent(projects.Count(p => Integrated(c, p)), projects.Count);
    }

    private static Dictionary<string, int> Links(ReportingCycle c, string primary, int year) =>
        c.Projects.Where(p => p.PrcYear == year && p.PrimaryOutcome.ToString() == primary)
            .SelectMany(p => p.SecondaryOutcomes.Distinct()).GroupBy(x => x.ToString()).ToDictionary(g => g.Key, g => g.Count());

    private static List<string> MostLinked(ReportingCycle c, string primary, int year)
    {
        var links = Links(c, primary, year);
        if (links.Count == 0) return [];
        int max = links.Values.Max();
        return links.Where(p => p.Value == max).Select(p => p.Key).OrderBy(OutcomeCode.Parse).ToList();
    }

    private static List<string> Underfunded(ReportingCycle c) =>
        c.Funding.Where(f => f.Year == c.Settings.ReportingYear && f.BudgetUsd > 0 && f.FundedUsd / f.BudgetUsd < c.Settings.UnderfundedThreshold)
            .Select(f => f.Outcome).Order().Select(o => o.ToString()).ToList();

    private static string OutcomeStatus(ReportingCycle c, OutcomeCode outcome, int year)
    {
        var achievements = new List<double>();
        foreach (var i in c.Indicators.Where(i => i.Outcome == outcome))
            foreach (var v in c.IndicatorValues.Where(v => v.IndicatorId == i.Id && v.Year == year && v.Actual is not null))
            {
                double a = v.Target == i.Baseline
                    ? (i.Direction == Direction.Increase ? v.Actual >= v.Target : v.Actual <= v.Target) ? 1 : 0
                    : i.Direction == Direction.Increase ? (v.Actual!.Value - i.Baseline) / (v.Target - i.Baseline) : (i.Baseline - v.Actual!.Value) / (i.Baseline - v.Target);
                achievements.Add(Math.Min(a, 1));
            }
        if (achievements.Count == 0) return "no_data";
        double mean = achievements.Average();
        return mean >= 1 ? "achieved" : mean >= c.Settings.OnTrackThreshold ? "on_track" : "off_track";
    }

    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static string Count(int n) => n < 10 ? Words[n] : n.ToString("#,0", CultureInfo.InvariantCulture);

    private static int ParseCount(string text) => Array.IndexOf(Words, text) is int i and >= 0 ? i : int.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture);

    private static string JoinEnglish(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    /// <summary>An English list whose items hold "and" is set off with commas: "Africa, and Asia and the Pacific,".</summary>
    private static string JoinSetOff(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 1 && list.Any(x => x.Contains(" and ")) ? string.Join(", ", list.Take(list.Count - 1)) + ", and " + list[^1] + "," : JoinEnglish(list);
    }

    private static string JoinChinese(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join("、", list.Take(list.Count - 1)) + " 和 " + list[^1];
    }

    private static List<string> SplitList(string text)
    {
        int and = text.LastIndexOf(" and ", StringComparison.Ordinal);
        if (and < 0) return [text];
        return [.. text[..and].Split(", "), text[(and + 5)..]];
    }
}
