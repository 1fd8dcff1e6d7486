using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportGen.Analysis;

/// <summary>
/// The figures as plain data (dictionaries with figures.json's snake_case keys, lists, doubles,
/// strings, booleans, nulls): what the templates walk, and what figures.json is written from.
/// </summary>
/// <remarks>
/// Why by hand: System.Text.Json, even with generated code, builds its metadata through generic
/// code instantiated over each property type (<c>int</c>, <c>double</c>, <c>bool</c>, their
/// nullables), which ReadyToRun cannot precompile outside the framework: about 600 methods
/// JIT-compiled in every cold build, a tenth of its CPU time (see docs/benchmarks.md#generic-code-and-the-cold-start). Here every record is one method of
/// plain code. The shape and the bytes are the serializer's: <see cref="Figures.JsonOptions"/>
/// still describes the figures (reading them back, the tests), and a test compares this JSON with
/// the serializer's for the sample and for figures with every optional part set, so a property
/// added to a record and not here fails it.
/// </remarks>
internal static class FiguresData
{
    /// <summary>figures.json: indented, LF line ends, a final newline; escaping as <see cref="Figures.JsonOptions"/> escapes.</summary>
    public static string Json(Figures figures)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, Of(figures));
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case Dictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var entry in map)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"not plain data: {value.GetType()}");
        }
    }

    public static Dictionary<string, object?> Of(Figures f) => new()
    {
        ["reporting_year"] = N(f.ReportingYear),
        ["portfolio"] = new Dictionary<string, object?>
        {
            ["total_projects"] = N(f.Portfolio.TotalProjects),
            ["years"] = L(f.Portfolio.Years, ReviewYear),
        },
        ["balance"] = L(f.Balance, b => new Dictionary<string, object?>
        {
            ["outcome"] = b.Outcome, ["services"] = N(b.Services), ["services_share"] = N(b.ServicesShare),
            ["portfolio_usd"] = N(b.PortfolioUsd), ["portfolio_share"] = N(b.PortfolioShare), ["gap"] = N(b.Gap),
        }),
        ["flagships"] = L(f.Flagships, x => new Dictionary<string, object?>
        {
            ["code"] = x.Code, ["projects"] = N(x.Projects), ["normative_tools"] = N(x.NormativeTools), ["portfolio_usd"] = N(x.PortfolioUsd),
            ["partners"] = N(x.Partners), ["funding_target_usd"] = N(x.FundingTargetUsd), ["funding_secured_usd"] = N(x.FundingSecuredUsd),
            ["funding_secured_share"] = N(x.FundingSecuredShare),
        }),
        ["progress"] = new Dictionary<string, object?>
        {
            ["indicators"] = L(f.Progress.Indicators, i => new Dictionary<string, object?>
            {
                ["id"] = i.Id, ["outcome"] = i.Outcome, ["year"] = N(i.Year), ["baseline"] = N(i.Baseline), ["target"] = N(i.Target),
                ["actual"] = N(i.Actual), ["achievement"] = N(i.Achievement), ["status"] = E(i.Status),
            }),
            ["outcomes"] = L(f.Progress.Outcomes, o => new Dictionary<string, object?>
            {
                ["outcome"] = o.Outcome, ["year"] = N(o.Year), ["achievement"] = N(o.Achievement), ["status"] = E(o.Status),
                ["indicators_with_data"] = N(o.IndicatorsWithData),
            }),
        },
        ["funding"] = new Dictionary<string, object?>
        {
            ["outcomes"] = L(f.Funding.Outcomes, o => new Dictionary<string, object?>
            {
                ["outcome"] = o.Outcome, ["year"] = N(o.Year), ["budget_usd"] = N(o.BudgetUsd), ["funded_usd"] = N(o.FundedUsd),
                ["funded_share"] = N(o.FundedShare), ["underfunded"] = o.Underfunded,
            }),
            ["underfunded"] = L(f.Funding.Underfunded),
        },
        ["thresholds"] = f.Thresholds is { } t ? new Dictionary<string, object?> { ["on_track"] = N(t.OnTrack), ["underfunded"] = N(t.Underfunded) } : null,
        ["linkage_targets"] = f.LinkageTargets is { } targets ? L(targets, x => new Dictionary<string, object?>
        {
            ["primary"] = x.Primary, ["secondary"] = x.Secondary, ["year"] = N(x.Year), ["target_projects"] = N(x.TargetProjects),
        }) : null,
        ["plan_period"] = f.PlanPeriod is { } p ? new Dictionary<string, object?> { ["start"] = N(p.Start), ["end"] = N(p.End) } : null,
        ["plan"] = f.Plan is { } c ? new Dictionary<string, object?>
        {
            ["domain_count"] = N(c.DomainCount), ["outcome_count"] = N(c.OutcomeCount), ["flagship_count"] = N(c.FlagshipCount),
        } : null,
        ["findings"] = f.Findings is { } findings ? Findings(findings) : null,
    };

    private static Dictionary<string, object?> ReviewYear(ReviewYear y) => new()
    {
        ["year"] = N(y.Year), ["projects"] = N(y.Projects), ["all_domains_projects"] = N(y.AllDomainsProjects), ["all_domains_share"] = N(y.AllDomainsShare),
        ["covid_projects"] = N(y.CovidProjects), ["covid_share"] = N(y.CovidShare), ["integrated_projects"] = N(y.IntegratedProjects),
        ["integrated_share"] = N(y.IntegratedShare), ["budget_usd"] = N(y.BudgetUsd),
        ["linkage"] = L(y.Linkage, l => new Dictionary<string, object?> { ["primary"] = l.Primary, ["secondary"] = l.Secondary, ["projects"] = N(l.Projects) }),
        ["regions"] = L(y.Regions, r => new Dictionary<string, object?> { ["region"] = r.Region, ["projects"] = N(r.Projects), ["budget_usd"] = N(r.BudgetUsd) }),
        ["primary"] = L(y.Primary, p => new Dictionary<string, object?> { ["outcome"] = p.Outcome, ["projects"] = N(p.Projects), ["integrated"] = N(p.Integrated) }),
    };

    private static Dictionary<string, object?> Findings(Findings f) => new()
    {
        ["plan"] = new Dictionary<string, object?>
        {
            ["start"] = N(f.Plan.Start), ["end"] = N(f.Plan.End), ["length"] = N(f.Plan.Length), ["reporting_year"] = N(f.Plan.ReportingYear),
            ["ordinal"] = N(f.Plan.Ordinal), ["position"] = E(f.Plan.Position), ["next_year"] = N(f.Plan.NextYear),
        },
        ["review"] = new Dictionary<string, object?>
        {
            ["years"] = L(f.Review.Years), ["count"] = N(f.Review.Count), ["first"] = N(f.Review.First), ["last"] = N(f.Review.Last),
            ["previous"] = N(f.Review.Previous), ["compared"] = f.Review.Compared, ["series"] = f.Review.Series,
        },
        ["trends"] = new Dictionary<string, object?>
        {
            ["projects"] = Trend(f.Trends.Projects), ["all_domains_share"] = Trend(f.Trends.AllDomainsShare),
            ["integrated_share"] = Trend(f.Trends.IntegratedShare), ["covid_share"] = Trend(f.Trends.CovidShare),
        },
        ["covid"] = new Dictionary<string, object?>
        {
            ["any"] = f.Covid.Any, ["every_year"] = f.Covid.EveryYear, ["reporting_year_reviewed"] = f.Covid.ReportingYearReviewed,
            ["reporting_year_any"] = f.Covid.ReportingYearAny, ["reporting_year_projects"] = N(f.Covid.ReportingYearProjects),
            ["reporting_year_share"] = N(f.Covid.ReportingYearShare),
            ["years"] = L(f.Covid.Years, y => new Dictionary<string, object?> { ["year"] = N(y.Year), ["projects"] = N(y.Projects), ["share"] = N(y.Share) }),
            ["years_without"] = L(f.Covid.YearsWithout),
        },
        ["link_profiles"] = L(f.LinkProfiles, l => new Dictionary<string, object?>
        {
            ["year"] = N(l.Year), ["outcome"] = l.Outcome, ["projects"] = N(l.Projects), ["linked_outcomes"] = N(l.LinkedOutcomes),
            ["linked_outcome_codes"] = L(l.LinkedOutcomeCodes), ["has_links"] = l.HasLinks, ["reach"] = E(l.Reach), ["strength"] = E(l.Strength),
            ["most_linked"] = L(l.MostLinked), ["most_linked_projects"] = N(l.MostLinkedProjects), ["most_linked_tied"] = l.MostLinkedTied,
            ["most_linked_beyond"] = l.MostLinkedBeyond,
            ["leading_links"] = L(l.LeadingLinks),
            ["next_linked"] = L(l.NextLinked, t => new Dictionary<string, object?> { ["outcomes"] = L(t.Outcomes), ["projects"] = N(t.Projects), ["tied"] = t.Tied }),
            ["most_linked_other_domains"] = L(l.MostLinkedOtherDomains),
            ["most_linked_other_domains_tied"] = l.MostLinkedOtherDomainsTied, ["most_linked_other_domains_beyond"] = l.MostLinkedOtherDomainsBeyond,
            ["other_domain_links"] = N(l.OtherDomainLinks), ["least_linked_other_domains"] = L(l.LeastLinkedOtherDomains),
            ["unlinked_other_domains"] = L(l.UnlinkedOtherDomains),
            ["max_link_projects"] = N(l.MaxLinkProjects),
        }),
        ["outcome_trends"] = L(f.OutcomeTrends, o => new Dictionary<string, object?>
        {
            ["outcome"] = o.Outcome, ["years"] = L(o.Years, OutcomeYear), ["years_with_projects"] = L(o.YearsWithProjects, OutcomeYear),
            ["years_without_projects"] = L(o.YearsWithoutProjects),
            ["primary_projects"] = Trend(o.PrimaryProjects), ["linked_outcomes"] = Trend(o.LinkedOutcomes),
            ["years_with_links"] = L(o.YearsWithLinks, OutcomeYear), ["years_without_links"] = L(o.YearsWithoutLinks),
        }),
        ["domain_integration"] = L(f.DomainIntegration, d => new Dictionary<string, object?>
        {
            ["year"] = N(d.Year), ["domain"] = N(d.Domain), ["projects"] = N(d.Projects), ["integrated"] = N(d.Integrated), ["integrated_share"] = N(d.IntegratedShare),
        }),
        ["domain_trends"] = L(f.DomainTrends, d => new Dictionary<string, object?>
        {
            ["domain"] = N(d.Domain),
            ["years"] = L(d.Years, y => new Dictionary<string, object?>
            {
                ["year"] = N(y.Year), ["primary_projects"] = N(y.PrimaryProjects), ["primary_share"] = N(y.PrimaryShare), ["has_projects"] = y.HasProjects,
            }),
            ["primary_projects"] = Trend(d.PrimaryProjects), ["primary_share"] = Trend(d.PrimaryShare),
        }),
        ["most_integrated_domain"] = L(f.MostIntegratedDomain, m => new Dictionary<string, object?>
        {
            ["year"] = N(m.Year), ["domains"] = L(m.Domains), ["tied"] = m.Tied, ["integrated_share"] = N(m.IntegratedShare), ["any"] = m.Any,
        }),
        ["region_leaders"] = L(f.RegionLeaders, r => new Dictionary<string, object?>
        {
            ["year"] = N(r.Year), ["regions"] = L(r.Regions), ["tied"] = r.Tied, ["projects"] = N(r.Projects), ["share"] = N(r.Share),
        }),
        ["regions"] = new Dictionary<string, object?>
        {
            ["same_every_year"] = f.Regions.SameEveryYear, ["regions"] = L(f.Regions.Regions), ["tied"] = f.Regions.Tied,
        },
        ["outside_regions"] = new Dictionary<string, object?>
        {
            ["any"] = f.OutsideRegions.Any, ["groupings"] = L(f.OutsideRegions.Groupings),
            ["years"] = L(f.OutsideRegions.Years, y => new Dictionary<string, object?> { ["year"] = N(y.Year), ["projects"] = N(y.Projects), ["share"] = N(y.Share) }),
        },
        ["balance"] = new Dictionary<string, object?>
        {
            ["services_ahead"] = L(f.Balance.ServicesAhead), ["portfolio_ahead"] = L(f.Balance.PortfolioAhead),
            ["services_ahead_leading"] = L(f.Balance.ServicesAheadLeading), ["portfolio_ahead_leading"] = L(f.Balance.PortfolioAheadLeading),
            ["services_ahead_main_domain"] = N(f.Balance.ServicesAheadMainDomain), ["portfolio_ahead_main_domain"] = N(f.Balance.PortfolioAheadMainDomain),
        },
        ["status_counts"] = L(f.StatusCounts, s => new Dictionary<string, object?>
        {
            ["year"] = N(s.Year), ["achieved"] = N(s.Achieved), ["on_track"] = N(s.OnTrack), ["off_track"] = N(s.OffTrack),
            ["no_data"] = N(s.NoData), ["achieved_or_on_track"] = N(s.AchievedOrOnTrack),
        }),
        ["status"] = new Dictionary<string, object?>
        {
            ["outcomes"] = N(f.Status.Outcomes), ["achieved_or_on_track"] = L(f.Status.AchievedOrOnTrack), ["off_track"] = L(f.Status.OffTrack),
            ["no_data"] = L(f.Status.NoData), ["achieved_or_on_track_count"] = N(f.Status.AchievedOrOnTrackCount),
            ["off_track_count"] = N(f.Status.OffTrackCount), ["no_data_count"] = N(f.Status.NoDataCount),
            ["on_track_extent"] = E(f.Status.OnTrackExtent), ["off_track_extent"] = E(f.Status.OffTrackExtent), ["no_data_extent"] = E(f.Status.NoDataExtent),
        },
        ["flagships"] = f.Flagships is { } x ? new Dictionary<string, object?>
        {
            ["highest_secured_share"] = L(x.HighestSecuredShare), ["lowest_secured_share"] = L(x.LowestSecuredShare), ["most_partners"] = L(x.MostPartners),
            ["largest_portfolio"] = L(x.LargestPortfolio), ["fewest_tools"] = L(x.FewestTools),
            ["highest_secured_share_value"] = N(x.HighestSecuredShareValue), ["lowest_secured_share_value"] = N(x.LowestSecuredShareValue),
            ["most_partners_count"] = N(x.MostPartnersCount), ["largest_portfolio_usd"] = N(x.LargestPortfolioUsd), ["fewest_tools_count"] = N(x.FewestToolsCount),
            ["highest_secured_has_most_partners"] = x.HighestSecuredHasMostPartners, ["largest_portfolio_has_fewest_tools"] = x.LargestPortfolioHasFewestTools,
            ["funding_progress"] = E(x.FundingProgress), ["single"] = x.Single, ["largest_portfolio_named"] = E(x.LargestPortfolioNamed),
        } : null,
        ["outcomes_on_track"] = L(f.OutcomesOnTrack),
        ["reporting_year_funded_share"] = N(f.ReportingYearFundedShare),
        ["underfunding"] = new Dictionary<string, object?>
        {
            ["count"] = N(f.Underfunding.Count), ["extent"] = E(f.Underfunding.Extent), ["off_track"] = L(f.Underfunding.OffTrack),
            ["off_track_extent"] = E(f.Underfunding.OffTrackExtent),
        },
        ["has_linkage_targets"] = f.HasLinkageTargets,
        ["no_projects"] = new Dictionary<string, object?>
        {
            ["all_domains_last"] = f.NoProjects.AllDomainsLast, ["all_domains_previous"] = f.NoProjects.AllDomainsPrevious,
            ["all_domains_first"] = f.NoProjects.AllDomainsFirst, ["integrated_last"] = f.NoProjects.IntegratedLast,
            ["integrated_previous"] = f.NoProjects.IntegratedPrevious,
        },
    };

    private static Dictionary<string, object?> OutcomeYear(OutcomeYear y) => new()
    {
        ["year"] = N(y.Year), ["primary_projects"] = N(y.PrimaryProjects), ["linked_outcomes"] = N(y.LinkedOutcomes), ["reach"] = E(y.Reach),
    };

    private static Dictionary<string, object?>? Trend(Trend? t) => t is null ? null : new()
    {
        ["steps"] = L(t.Steps, s => Step(s)),
        ["latest"] = Step(t.Latest),
        ["overall"] = Step(t.Overall),
        ["pattern"] = E(t.Pattern),
    };

    private static Dictionary<string, object?>? Step(TrendStep? s) => s is null ? null : new()
    {
        ["from_year"] = N(s.FromYear), ["to_year"] = N(s.ToYear), ["from"] = N(s.From), ["to"] = N(s.To), ["direction"] = E(s.Direction),
    };

    // Every number is a double, as JSON has it (and the templates compare it).
    private static object N(int value) => (double)value;

    private static object N(double value) => value;

    private static object? N(int? value) => value is int v ? (double)v : null;

    private static object? N(double? value) => value is double v ? v : null;

    /// <summary>An enum as its snake_case name, as JsonStringEnumConverter(SnakeCaseLower) writes it.</summary>
    private static string E(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static List<object?> L(IReadOnlyList<string> items)
    {
        var list = new List<object?>(items.Count);
        for (int i = 0; i < items.Count; i++) list.Add(items[i]);
        return list;
    }

    private static List<object?> L(IReadOnlyList<int> items)
    {
        var list = new List<object?>(items.Count);
        for (int i = 0; i < items.Count; i++) list.Add((double)items[i]);
        return list;
    }

    private static List<object?> L<T>(IReadOnlyList<T> items, Func<T, object?> item) where T : class
    {
        var list = new List<object?>(items.Count);
        for (int i = 0; i < items.Count; i++) list.Add(item(items[i]));
        return list;
    }
}
