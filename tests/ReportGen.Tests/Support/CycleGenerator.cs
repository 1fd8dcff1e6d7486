using System.Globalization;
using ReportGen.Packaging;
using ReportGen.Sample;

namespace ReportGen.Tests.Support;

/// <summary>What a generated cycle should exercise; everything else follows from the seed.</summary>
public sealed record Scenario(
    string Name,
    int Seed,
    int ReviewYears,
    int FirstReviewYear,
    int ReportingYear,
    int PlanStart = 2020,
    int PlanEnd = 2023,
    Shape Integration = Shape.Random,
    Funding Funding = Funding.Some,
    bool ExtraOutcomes = false,
    bool ExtraRegions = false,
    bool EmptyOutcome = false,
    bool SingleProjectYear = false,
    bool Ties = false,
    bool NoCovid = false,
    bool NoTargets = false,
    int Flagships = 5)
{
    public override string ToString() => Name;
}

/// <summary>How the share of projects covering all domains moves from year to year.</summary>
public enum Shape { Random, Rising, Falling, Flat, RiseThenFall, FallThenRise }

/// <summary>How many outcomes are underfunded in the reporting year.</summary>
public enum Funding { None, Some, All }

/// <summary>
/// Reporting cycles for tests, generated from a seed (deterministic: the same scenario always
/// gives the same workbook). They vary what the sample does not: one to five review years, other
/// reporting years and plan periods, integration rising, falling and flat, ties, outcomes with no
/// projects or no links, a year with a single project, no or all outcomes underfunded, outcome
/// codes and regions beyond the sample's.
/// </summary>
public static class CycleGenerator
{
    public static IReadOnlyList<Scenario> Scenarios { get; } = BuildScenarios();

    public static IEnumerable<object[]> Cases() => Scenarios.Select(s => new object[] { s });

    private static List<Scenario> BuildScenarios()
    {
        var list = new List<Scenario>
        {
            new("three-years-integration-falling-2022", 1, 3, 2020, 2022, Integration: Shape.RiseThenFall),
            new("one-review-year", 2, 1, 2021, 2021),
            new("one-review-year-single-project", 3, 1, 2020, 2020, SingleProjectYear: true),
            new("two-years-rising", 4, 2, 2020, 2021, Integration: Shape.Rising),
            new("two-years-falling", 5, 2, 2020, 2021, Integration: Shape.Falling),
            new("two-years-flat", 6, 2, 2020, 2021, Integration: Shape.Flat),
            new("four-years-final-plan-year", 7, 4, 2020, 2023, Integration: Shape.FallThenRise),
            new("five-years-next-plan", 8, 5, 2024, 2026, PlanStart: 2024, PlanEnd: 2029, Integration: Shape.Rising),
            new("no-underfunding", 9, 2, 2020, 2021, Funding: Funding.None),
            new("all-underfunded", 10, 2, 2020, 2021, Funding: Funding.All),
            new("extra-outcomes-and-regions", 11, 3, 2021, 2022, ExtraOutcomes: true, ExtraRegions: true),
            new("outcome-without-projects", 12, 2, 2020, 2021, EmptyOutcome: true),
            new("ties-everywhere", 13, 2, 2020, 2021, Ties: true),
            new("ties-three-years", 14, 3, 2020, 2022, Ties: true, Integration: Shape.Flat),
            new("no-covid-projects", 15, 2, 2021, 2022, NoCovid: true),
            new("no-linkage-targets", 16, 2, 2020, 2021, NoTargets: true),
            new("one-flagship", 17, 2, 2020, 2021, Flagships: 1),
            new("single-project-year-among-three", 18, 3, 2020, 2022, SingleProjectYear: true),
            new("middle-plan-year-2021-three-reviews", 19, 3, 2019, 2021, PlanStart: 2019, PlanEnd: 2022),
            new("reporting-before-reviews", 20, 2, 2022, 2021, PlanStart: 2020, PlanEnd: 2025),
        };
        // And a spread of random cycles: every other knob drawn from the seed.
        for (int seed = 100; seed < 116; seed++)
        {
            var r = new Random(seed);
            // Review years within the plan (or the year before it starts), the reporting year within the plan.
            int years = r.Next(1, 6), planStart = 2018 + r.Next(0, 6);
            int first = planStart - r.Next(0, 2);
            int planEnd = Math.Max(planStart + r.Next(2, 6), first + years - 1);
            int reporting = Math.Clamp(first + r.Next(0, years), planStart, planEnd);
            list.Add(new Scenario($"random-{seed}", seed, years, first, reporting, planStart, planEnd,
                (Shape)r.Next(0, 6), (Funding)r.Next(0, 3), r.Next(2) == 0, r.Next(2) == 0, r.Next(3) == 0, r.Next(4) == 0,
                r.Next(3) == 0, r.Next(5) == 0, r.Next(4) == 0, r.Next(1, 6)));
        }
        return list;
    }

    public static void Write(Scenario s, string path) => SpreadsheetWriter.Write(path, Sheets(s));

    /// <summary>The scenario named <paramref name="name"/> written as NAME.xlsx in <paramref name="dir"/>; its path.</summary>
    public static string WriteNamed(string name, TempDir dir)
    {
        string path = Path.Combine(dir.Path, name + ".xlsx");
        Write(Scenarios.Single(x => x.Name == name), path);
        return path;
    }

    private static readonly string[] BaseOutcomes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"];

    public static List<SheetData> Sheets(Scenario s)
    {
        var r = new Random(s.Seed);
        var sample = SampleWorkbook.Sheets().ToDictionary(x => x.Name);
        var outcomes = BaseOutcomes.ToList();
        if (s.ExtraOutcomes) outcomes.AddRange(["2.4", "4.4"]);
        var regionRows = sample["Regions"].Rows.ToList();
        if (s.ExtraRegions) regionRows.AddRange([["OCE", "Oceania & the <Pacific> *islands*", "大洋洲", "yes", "Océanie & le <Pacifique> *îles*", "Oceanía & el <Pacífico> *islas*", "Океания и <Тихий океан> *острова*", "أوقيانوسيا & <المحيط الهادئ> *الجزر*"], ["XGL", "Global {{all}}", "全球", "no", "Mondial {{all}}", "Mundial {{all}}", "Глобальный {{all}}", "عالمي {{all}}"]]);
        var regions = regionRows.Select(row => (string)row[0]!).ToList();
        var domainOf = outcomes.ToDictionary(o => o, o => int.Parse(o[..1], CultureInfo.InvariantCulture));
        var reviewYears = Enumerable.Range(s.FirstReviewYear, s.ReviewYears).ToList();
        var sheets = new List<SheetData>();

        sheets.Add(new SheetData("Settings", ["key", "value"], [
            ["reporting_year", s.ReportingYear], ["on_track_threshold", 0.75], ["underfunded_threshold", 0.5],
            ["plan_start", s.PlanStart], ["plan_end", s.PlanEnd]]));
        int docYear = Math.Max(s.ReportingYear, reviewYears[^1]) + 1;
        sheets.Add(new SheetData("Documents", ["doc_id", "template", "symbol", "date", "agenda_item", "agenda_symbol", "session_start", "session_end", "original_language"], [
            ["annual-report-summary", "annual-report-summary", $"HSP/EB.{docYear}/9", new DateOnly(docYear, 10, 4), "5", $"HSP/EB.{docYear}/1", new DateOnly(docYear, 11, 15), new DateOnly(docYear, 11, 17), "en"],
            ["portfolio-analysis", "portfolio-analysis", $"HSP/EB.{docYear}/9/Add.1", new DateOnly(docYear, 10, 4), "5", $"HSP/EB.{docYear}/1", new DateOnly(docYear, 11, 15), new DateOnly(docYear, 11, 17), "en"]]));
        sheets.Add(sample["Domains"]);
        var outcomeRows = sample["Outcomes"].Rows.ToList();
        if (s.ExtraOutcomes)
            outcomeRows.AddRange([
                [2.4, 2, "Urban finance & *innovation*", "城市金融与创新", "urban finance", "城市金融", "Finance urbaine & *innovation*", "finance urbaine", "Finanzas urbanas & *innovación*", "finanzas urbanas", "Городские финансы и *инновации*", "городские финансы", "التمويل الحضري & *الابتكار*", "التمويل الحضري"],
                [4.4, 4, "Safer cities <for all>", "更安全的城市", "safer cities", "更安全的城市", "Villes plus sûres <pour tous>", "villes plus sûres", "Ciudades más seguras <para todos>", "ciudades más seguras", "Более безопасные города <для всех>", "более безопасные города", "مدن أكثر أمانا <للجميع>", "مدن أكثر أمانا"]]);
        sheets.Add(sample["Outcomes"] with { Rows = outcomeRows });

        // Indicators: one or two per outcome; values for every review year and the reporting year, some without an actual.
        var indicatorRows = new List<object?[]>();
        var valueRows = new List<object?[]>();
        var valueYears = reviewYears.Append(s.ReportingYear).Distinct().Order().ToList();
        foreach (string o in outcomes)
            for (int k = 1; k <= 1 + r.Next(2); k++)
            {
                string id = $"{o}.{k}";
                bool decrease = r.Next(4) == 0;
                double baseline = 10 + r.Next(50);
                indicatorRows.Add([id, double.Parse(o, CultureInfo.InvariantCulture), $"Indicator {id}", $"指标 {id}", r.Next(3) == 0 ? "percent" : "number", baseline, decrease ? "decrease" : "increase", $"Indicateur {id}", $"Indicador {id}", $"Показатель {id}", $"المؤشر {id}"]);
                foreach (int y in valueYears)
                {
                    double target = decrease ? baseline - 1 - r.Next(10) : baseline + 1 + r.Next(20);
                    double? actual = r.Next(6) == 0 ? null : decrease ? baseline - r.Next(12) : baseline + r.Next(24);
                    valueRows.Add([id, y, target, actual]);
                }
            }
        sheets.Add(new SheetData("Indicators", ["indicator_id", "outcome", "name_en", "name_zh", "unit", "baseline", "direction", "name_fr", "name_es", "name_ru", "name_ar"], indicatorRows));
        sheets.Add(new SheetData("IndicatorValues", ["indicator_id", "year", "target", "actual"], valueRows));

        var fundingRows = new List<object?[]>();
        int underfundedSome = 1 + r.Next(outcomes.Count - 1);
        var underfundedPick = outcomes.OrderBy(_ => r.Next()).Take(underfundedSome).ToHashSet();
        foreach (string o in outcomes)
            foreach (int y in valueYears)
            {
                double budget = 1_000_000 + r.Next(1, 90) * 100_000;
                bool under = s.Funding switch { Funding.All => true, Funding.None => false, _ => underfundedPick.Contains(o) };
                double share = under ? 0.05 + r.Next(40) / 100.0 : 0.5 + r.Next(50) / 100.0;
                fundingRows.Add([double.Parse(o, CultureInfo.InvariantCulture), y, budget, Math.Round(budget * share)]);
            }
        sheets.Add(new SheetData("Funding", ["outcome", "year", "budget_usd", "funded_usd"], fundingRows));
        sheets.Add(sample["Regions"] with { Rows = regionRows });

        // Projects. The share covering all domains follows the scenario's shape; ties are made by symmetric pairs.
        string? empty = s.EmptyOutcome ? "2.2" : null;
        var usable = outcomes.Where(o => o != empty).ToList();
        var flagshipCodes = Enumerable.Range(1, s.Flagships).Select(i => $"FP{i}").ToList();
        var projectRows = new List<object?[]>();
        int serial = 0;
        for (int yi = 0; yi < reviewYears.Count; yi++)
        {
            int year = reviewYears[yi];
            int n = s.SingleProjectYear && yi == reviewYears.Count / 2 ? 1 : 8 + r.Next(40);
            double p = AllDomainsProbability(s.Integration, yi, reviewYears.Count, r);
            for (int i = 0; i < n; i++)
            {
                string primary = usable[r.Next(usable.Count)];
                List<string> secondary;
                if (s.Ties && i < 4)
                {
                    // 1.1 linked equally often to 3.1 and 4.1; the rest adds to both alike.
                    primary = "1.1";
                    secondary = ["3.1", "4.1"];
                }
                else if (r.NextDouble() < p)
                    secondary = Enumerable.Range(1, 4).Where(d => d != domainOf[primary])
                        .Select(d => usable.Where(o => domainOf[o] == d).OrderBy(_ => r.Next()).First()).ToList();
                else
                {
                    int count = r.Next(0, 3);
                    secondary = usable.Where(o => o != primary && (domainOf[o] == domainOf[primary] || r.Next(3) == 0))
                        .OrderBy(_ => r.Next()).Take(count).ToList();
                }
                if (empty is not null) secondary.Remove(empty);
                bool covid = !s.NoCovid && r.Next(4) == 0;
                string region = s.Ties && i < 2 ? regions[i] : regions[r.Next(regions.Count)];
                string? flagship = r.Next(3) == 0 ? flagshipCodes[r.Next(flagshipCodes.Count)] : null;
                serial++;
                projectRows.Add([$"P{year}-{serial:000}", year, $"Project {serial} <{year}> & *co*", region, r.Next(5) == 0 ? "Multi-country & <regional>" : "Kenya",
                    double.Parse(primary, CultureInfo.InvariantCulture), string.Join("; ", secondary), covid ? "yes" : "no",
                    (double)(50_000 + r.Next(1, 200) * 25_000), flagship]);
            }
        }
        sheets.Add(new SheetData("Projects",
            ["project_id", "prc_year", "title", "region", "country", "primary_outcome", "secondary_outcomes", "covid_response", "budget_usd", "flagship"], projectRows));

        var serviceRows = new List<object?[]>();
        int service = 0;
        foreach (string o in outcomes)
            for (int k = 0; k < (s.Ties ? 2 : r.Next(0, 6)); k++)
            {
                service++;
                serviceRows.Add([$"S{service:000}", double.Parse(o, CultureInfo.InvariantCulture), $"Service {service}", $"服务 {service}", $"Service {service}", $"Servicio {service}", $"Услуга {service}", $"الخدمة {service}"]);
            }
        sheets.Add(new SheetData("Services", ["service_id", "outcome", "name_en", "name_zh", "name_fr", "name_es", "name_ru", "name_ar"], serviceRows));

        var flagshipRows = flagshipCodes.Select((code, i) =>
        {
            double target = s.Flagships > 1 && i == 0 && r.Next(2) == 0 ? 0 : 10_000_000 + r.Next(1, 50) * 1_000_000;
            double secured = s.Ties ? target / 4 : Math.Round(target * r.Next(5, 95) / 100.0);
            return new object?[] { code, $"Flagship {code} \"{{{{x}}}}\"", $"旗舰方案 {code}", s.Ties ? 3 : r.Next(1, 9),
                (double)(s.Ties ? 20_000_000 : 5_000_000 + r.Next(1, 60) * 1_000_000), s.Ties ? 10 : r.Next(5, 50), target, secured, $"Programme phare {code} \"{{{{x}}}}\"", $"Programa emblemático {code} \"{{{{x}}}}\"", $"Флагманская программа {code} \"{{{{x}}}}\"", $"البرنامج الرائد {code} \"{{{{x}}}}\"" };
        }).ToList();
        sheets.Add(new SheetData("Flagships", ["code", "name_en", "name_zh", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd", "name_fr", "name_es", "name_ru", "name_ar"], flagshipRows));

        var targetRows = s.NoTargets ? [] : new List<object?[]>
        {
            new object?[] { 1.1, 3.1, s.PlanEnd, 10 }, new object?[] { 1.2, 1.1, s.PlanEnd, 6 }, new object?[] { 3.3, 4.3, s.PlanEnd, 4 },
        };
        sheets.Add(new SheetData("LinkageTargets", ["primary_outcome", "secondary_outcome", "year", "target_projects"], targetRows));
        return sheets;
    }

    private static double AllDomainsProbability(Shape shape, int index, int count, Random r)
    {
        double t = count == 1 ? 0 : (double)index / (count - 1);
        return shape switch
        {
            Shape.Rising => 0.05 + 0.6 * t,
            Shape.Falling => 0.65 - 0.6 * t,
            Shape.Flat => 0,
            Shape.RiseThenFall => index == count - 1 && count > 1 ? 0.1 : 0.1 + 0.5 * t,
            Shape.FallThenRise => index == count - 1 && count > 1 ? 0.7 : 0.6 - 0.5 * t,
            _ => r.NextDouble() * 0.6,
        };
    }
}
