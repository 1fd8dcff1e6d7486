using System.Globalization;
using System.Text;
using ReportGen.Model;

namespace ReportGen.Templating;

/// <summary>
/// One name a template can use: its path (list items as <c>[]</c>), kind, type and meaning. English and
/// Chinese are written here; every other language's meanings are data (<see cref="GlossaryMeanings"/>).
/// </summary>
public sealed record GlossaryEntry(string Name, string Kind, string Type, string En, string Zh)
{
    /// <summary>
    /// What the meaning is made of in every language: the word <see cref="Frame"/> ("…{0}…") filled with
    /// the meanings of <see cref="Parts"/>, or without a frame the meaning of the one part. By default the
    /// entry's own name: its meaning is a line of each language's file. A trend's parts are frames; a
    /// shortcut that holds a figure's object reads that figure's meaning.
    /// </summary>
    public string? Frame { get; init; }

    /// <inheritdoc cref="Frame"/>
    public IReadOnlyList<string> Parts { get; init; } = [Name];

    /// <summary>True for an entry whose meaning is its own line in each language (not made of others').</summary>
    public bool OwnMeaning => Frame is null && Parts is [var only] && only == Name;

    /// <summary>The meaning in a language; a language without a meanings file reads the English.</summary>
    public string Meaning(string language) => GlossaryMeanings.Compose(this, language);
}

/// <summary>
/// Every name a template can use (figures, findings, shortcuts, helpers, charts), with its
/// meaning in every language: the one glossary behind <c>reportgen names</c>, docs/names.md,
/// docs/names/&lt;lang&gt;.md and "did you mean". A test fails when the figures gain a name this
/// glossary does not explain, when a language with templates lacks a meaning, and when the docs
/// are not what <see cref="Markdown()"/> writes.
/// </summary>
public static class Glossary
{
    private static GlossaryEntry E(string name, string kind, string type, string en, string zh) => new(name, kind, type, en, zh);
    private static GlossaryEntry F(string name, string type, string en, string zh) => E(name, "figure", type, en, zh);
    private static GlossaryEntry N(string name, string type, string en, string zh) => E(name, "finding", type, en, zh);
    private static GlossaryEntry S(string name, string type, string en, string zh) => E(name, "shortcut", type, en, zh);

    /// <summary>The trends (see docs/findings.md): each expands to its steps, latest, overall and pattern; Type is that of its values.</summary>
    private static readonly (string Path, string Type, string En, string Zh)[] Trends =
    [
        ("findings.trends.projects", "count", "projects reviewed, across the review years", "各审查年度审查的项目数"),
        ("findings.trends.all_domains_share", "share", "share of projects covering all domains of change, across the review years", "涵盖全部变革领域的项目比例（各审查年度）"),
        ("findings.trends.integrated_share", "share", "share of integrated projects, across the review years", "综合性项目比例（各审查年度）"),
        ("findings.trends.covid_share", "share", "share of projects responding to COVID-19, across the review years", "应对 COVID-19 的项目比例（各审查年度）"),
        ("findings.outcome_trends[].primary_projects", "count", "projects with this primary outcome, across the review years", "以该成果为首要成果的项目数（各审查年度）"),
        ("findings.outcome_trends[].linked_outcomes", "count", "other outcomes reached by this outcome's projects, across the review years", "该成果的项目所涉其他成果数（各审查年度）"),
        ("findings.domain_trends[].primary_projects", "count", "projects with a primary outcome in this domain, across the review years", "首要成果属于该变革领域的项目数（各审查年度）"),
        ("findings.domain_trends[].primary_share", "share", "share of the year's projects with a primary outcome in this domain, across the review years", "首要成果属于该变革领域的项目占当年项目的比例（各审查年度）"),
    ];

    /// <summary>
    /// A trend's parts. Their meanings are frames of each language's file (<c>@trend.…</c>) around the
    /// trend's own meaning; English and Chinese are composed here once, as every language is by
    /// <see cref="GlossaryEntry.Meaning"/>.
    /// </summary>
    private static IEnumerable<GlossaryEntry> TrendParts(string path, string type, string en, string zh)
    {
        GlossaryEntry Part(string name, string type_, string? frame, params string[] parts)
        {
            var shape = new GlossaryEntry(name, "finding", type_, "", "") { Frame = frame, Parts = parts };
            string Of(string language, string own) => GlossaryMeanings.Compose(shape, language, key => key == path ? own : null);
            return shape with { En = Of("en", en), Zh = Of("zh", zh) };
        }
        yield return N(path, "trend", en, zh);
        yield return Part(path + ".pattern", "single | rising | falling | unchanged | mixed", "@trend.pattern", path);
        yield return Part(path + ".steps", "list of steps", "@trend.steps", path);
        foreach (string part in new[] { "latest", "overall", "steps[]" })
        {
            string p = $"{path}.{part}", words = "@trend." + part;
            yield return Part(p, "step", "@trend.step", words, path);
            yield return Part(p + ".from_year", "year", "@trend.from_year", words);
            yield return Part(p + ".to_year", "year", "@trend.to_year", words);
            yield return Part(p + ".from", type, null, "@trend.from");
            yield return Part(p + ".to", type, null, "@trend.to");
            yield return Part(p + ".direction", "rose | fell | unchanged", null, "@trend.direction");
        }
    }

    private static readonly Lazy<List<GlossaryEntry>> All = new(Build);

    public static IReadOnlyList<GlossaryEntry> Entries => All.Value;

    private static List<GlossaryEntry> Build()
    {
        var list = new List<GlossaryEntry>
        {
            // Figures (docs/figures.md).
            F("reporting_year", "year", "the year the annual report covers", "年度报告所涉年份"),
            F("plan_period", "object", "the strategic plan's period", "战略计划期间"),
            F("plan_period.start", "year", "the plan's first year (setting plan_start)", "计划的第一年（plan_start 设置）"),
            F("plan_period.end", "year", "the plan's last year (setting plan_end)", "计划的最后一年（plan_end 设置）"),
            F("portfolio", "object", "the project portfolio reviewed by the Project Review Committee", "方案审查委员会审查的项目组合"),
            F("portfolio.total_projects", "count", "projects reviewed in all review years", "所有审查年度审查的项目总数"),
            F("portfolio.years", "list of review years", "each review year, oldest first", "各审查年度（从早到晚）"),
            F("portfolio.years[].year", "year", "the review year", "审查年份"),
            F("portfolio.years[].projects", "count", "projects reviewed that year", "当年审查的项目数"),
            F("portfolio.years[].all_domains_projects", "count", "projects covering all domains of change", "涵盖全部变革领域的项目数"),
            F("portfolio.years[].all_domains_share", "share", "share of the year's projects covering all domains of change", "涵盖全部变革领域的项目占当年项目的比例"),
            F("portfolio.years[].covid_projects", "count", "projects designed to respond to COVID-19", "旨在应对 COVID-19 的项目数"),
            F("portfolio.years[].covid_share", "share", "share of the year's projects responding to COVID-19", "应对 COVID-19 的项目占当年项目的比例"),
            F("portfolio.years[].integrated_projects", "count", "projects with a secondary outcome outside their primary outcome's domain", "至少一项次级成果不在其首要成果所属变革领域的项目数"),
            F("portfolio.years[].integrated_share", "share", "share of the year's projects that are integrated", "综合性项目占当年项目的比例"),
            F("portfolio.years[].budget_usd", "USD", "budget of the year's projects", "当年项目的预算"),
            F("portfolio.years[].linkage", "list", "projects by primary and secondary outcome", "按首要成果和次级成果计的项目数"),
            F("portfolio.years[].linkage[].primary", "outcome code", "the primary outcome", "首要成果"),
            F("portfolio.years[].linkage[].secondary", "outcome code", "a secondary outcome", "次级成果"),
            F("portfolio.years[].linkage[].projects", "count", "projects with that primary outcome serving that secondary outcome", "以该首要成果为目标并服务于该次级成果的项目数"),
            F("portfolio.years[].regions", "list", "projects by region", "按区域计的项目"),
            F("portfolio.years[].regions[].region", "region code", "the region", "区域"),
            F("portfolio.years[].regions[].projects", "count", "projects in the region", "该区域的项目数"),
            F("portfolio.years[].regions[].budget_usd", "USD", "budget of the region's projects", "该区域项目的预算"),
            F("portfolio.years[].primary", "list", "projects by primary outcome", "按首要成果计的项目"),
            F("portfolio.years[].primary[].outcome", "outcome code", "the primary outcome", "首要成果"),
            F("portfolio.years[].primary[].projects", "count", "projects with this primary outcome", "以该成果为首要成果的项目数"),
            F("portfolio.years[].primary[].integrated", "count", "of them, integrated projects", "其中综合性项目数"),
            F("balance", "list", "normative services against the operational portfolio, by outcome (all years)", "按成果计的规范服务与业务项目组合（所有年度）"),
            F("balance[].outcome", "outcome code", "the outcome", "成果"),
            F("balance[].services", "count", "services of the catalogue for this outcome", "服务目录中该成果的服务数"),
            F("balance[].services_share", "share", "the outcome's share of all services", "该成果占全部服务的比例"),
            F("balance[].portfolio_usd", "USD", "budget of projects with this primary outcome", "以该成果为首要成果的项目预算"),
            F("balance[].portfolio_share", "share", "the outcome's share of the portfolio budget", "该成果占项目组合预算的比例"),
            F("balance[].gap", "share", "services share minus portfolio share", "服务比例减去项目组合比例"),
            F("flagships", "list", "the flagship programmes", "旗舰方案"),
            F("flagships[].code", "code", "the programme's code", "方案代码"),
            F("flagships[].projects", "count", "projects naming the programme", "列明该方案的项目数"),
            F("flagships[].normative_tools", "count", "normative tools", "规范工具数"),
            F("flagships[].portfolio_usd", "USD", "operational portfolio", "业务项目组合"),
            F("flagships[].partners", "count", "partners", "合作伙伴数"),
            F("flagships[].funding_target_usd", "USD", "funding target", "筹资目标"),
            F("flagships[].funding_secured_usd", "USD", "funding secured", "已筹资金"),
            F("flagships[].funding_secured_share", "share or null", "secured ÷ target (null without a target)", "已筹资金 ÷ 目标（无目标时为空）"),
            F("progress", "object", "progress of indicators and outcomes", "指标和成果的进展"),
            F("progress.indicators", "list", "each indicator and year", "各指标各年度"),
            F("progress.indicators[].id", "code", "the indicator", "指标"),
            F("progress.indicators[].outcome", "outcome code", "its outcome", "所属成果"),
            F("progress.indicators[].year", "year", "the year", "年份"),
            F("progress.indicators[].baseline", "number", "baseline", "基线"),
            F("progress.indicators[].target", "number", "target for the year", "当年目标"),
            F("progress.indicators[].actual", "number or null", "actual (null: no data yet)", "实际值（空：尚无数据）"),
            F("progress.indicators[].achievement", "share or null", "progress from baseline towards target", "从基线向目标取得的进展"),
            F("progress.indicators[].status", "achieved | on_track | off_track | no_data", "status against the on-track threshold", "对照进展顺利门槛的状况"),
            F("progress.outcomes", "list", "each outcome and year", "各成果各年度"),
            F("progress.outcomes[].outcome", "outcome code", "the outcome", "成果"),
            F("progress.outcomes[].year", "year", "the year", "年份"),
            F("progress.outcomes[].achievement", "share or null", "mean achievement of its indicators with data (each capped at 1)", "有数据指标的平均实现程度（每项以 1 为上限）"),
            F("progress.outcomes[].status", "achieved | on_track | off_track | no_data", "status against the on-track threshold", "对照进展顺利门槛的状况"),
            F("progress.outcomes[].indicators_with_data", "count", "indicators with data", "有数据的指标数"),
            F("funding", "object", "budget and funding by outcome", "各成果的预算和供资"),
            F("funding.outcomes", "list", "each outcome and year", "各成果各年度"),
            F("funding.outcomes[].outcome", "outcome code", "the outcome", "成果"),
            F("funding.outcomes[].year", "year", "the year", "年份"),
            F("funding.outcomes[].budget_usd", "USD", "budget", "预算"),
            F("funding.outcomes[].funded_usd", "USD", "funded amount", "已获资金"),
            F("funding.outcomes[].funded_share", "share or null", "funded ÷ budget", "已获资金 ÷ 预算"),
            F("funding.outcomes[].underfunded", "true/false", "below the underfunded threshold", "低于资金不足门槛"),
            F("funding.underfunded", "list of outcome codes", "outcomes underfunded in the reporting year", "报告年度资金不足的成果"),
            F("thresholds", "object", "the settings statuses are judged by", "判断状况所用的设置"),
            F("thresholds.on_track", "share", "achievement at or above which an indicator is on track", "指标进展顺利的实现程度门槛"),
            F("thresholds.underfunded", "share", "funded share below which an outcome is underfunded", "成果资金不足的供资比例门槛"),
            F("linkage_targets", "list", "targets for links in future years (the dashed lines)", "今后年度的联系目标（虚线）"),
            F("linkage_targets[].primary", "outcome code", "the primary outcome", "首要成果"),
            F("linkage_targets[].secondary", "outcome code", "the secondary outcome", "次级成果"),
            F("linkage_targets[].year", "year", "the target's year", "目标年份"),
            F("linkage_targets[].target_projects", "count", "target number of projects", "目标项目数"),

            // Findings (docs/findings.md).
            N("findings", "object", "every judgement the documents make about the data", "文件对数据作出的全部判断"),
            N("findings.plan", "object", "the reporting year within the plan", "报告年度在计划中的位置"),
            N("findings.plan.start", "year", "the plan's first year", "计划的第一年"),
            N("findings.plan.end", "year", "the plan's last year", "计划的最后一年"),
            N("findings.plan.length", "count", "years in the plan", "计划的年数"),
            N("findings.plan.reporting_year", "year", "the reporting year", "报告年度"),
            N("findings.plan.ordinal", "number", "which year of the plan (1 = the first; use {{ordinal …}})", "计划的第几年（1 = 第一年；用 {{ordinal …}}）"),
            N("findings.plan.position", "first | middle | final | outside", "where the reporting year stands in the plan", "报告年度在计划中的位置"),
            N("findings.plan.next_year", "year", "the year after the reporting year", "报告年度的下一年"),
            N("findings.review", "object", "the review years", "审查年度"),
            N("findings.review.years", "list of years", "every year with projects reviewed", "有项目审查的各年度"),
            N("findings.review.count", "count", "how many review years", "审查年度数"),
            N("findings.review.first", "year or null", "the first review year", "第一个审查年度"),
            N("findings.review.previous", "year or null", "the year before the last (null with one year)", "最后一年的前一年（仅一年时为空）"),
            N("findings.review.last", "year or null", "the last review year", "最后一个审查年度"),
            N("findings.review.compared", "true/false", "two review years or more: the last is compared with the one before", "两个及以上审查年度：比较最后一年与前一年"),
            N("findings.review.series", "true/false", "three review years or more: the whole period is compared too", "三个及以上审查年度：同时比较整个期间"),
            N("findings.trends", "object", "trends across the review years", "各审查年度的趋势"),
            N("findings.covid", "object", "projects responding to COVID-19", "应对 COVID-19 的项目"),
            N("findings.covid.any", "true/false", "some in some review year", "某一审查年度有此类项目"),
            N("findings.covid.every_year", "true/false", "some in every review year", "每个审查年度都有此类项目"),
            N("findings.covid.reporting_year_reviewed", "true/false", "the reporting year is a review year", "报告年度是审查年度"),
            N("findings.covid.reporting_year_any", "true/false", "some in the reporting year", "报告年度有此类项目"),
            N("findings.covid.reporting_year_projects", "count", "how many in the reporting year", "报告年度此类项目数"),
            N("findings.covid.reporting_year_share", "share or null", "their share of the reporting year's projects", "其占报告年度项目的比例"),
            N("findings.covid.years", "list", "the review years with such projects (never a year with none)", "有此类项目的审查年度（不含没有此类项目的年度）"),
            N("findings.covid.years[].year", "year", "the review year", "审查年度"),
            N("findings.covid.years[].projects", "count", "such projects that year", "该年度此类项目数"),
            N("findings.covid.years[].share", "share", "their share of the year's projects", "其占该年度项目的比例"),
            N("findings.covid.years_without", "list of years", "the review years with no such project: \"no project reviewed in 2021 was designed for it\", never \"0 per cent\"", "没有此类项目的审查年度：写作“没有项目”，而非“0%”"),
            N("findings.link_profiles", "list (helper: profile)", "how an outcome's projects reached other outcomes, by year (0: all years)", "某成果的项目与其他成果的联系，按年度计（0：所有年度）"),
            N("findings.link_profiles[].year", "year or 0", "the review year (0: all years together)", "审查年度（0：所有年度合计）"),
            N("findings.link_profiles[].outcome", "outcome code", "the primary outcome", "首要成果"),
            N("findings.link_profiles[].projects", "count", "projects with this primary outcome", "以该成果为首要成果的项目数"),
            N("findings.link_profiles[].linked_outcomes", "count", "other outcomes reached", "所涉其他成果数"),
            N("findings.link_profiles[].linked_outcome_codes", "list of outcome codes", "which other outcomes", "所涉其他成果"),
            N("findings.link_profiles[].has_links", "true/false", "at least one other outcome reached", "至少涉及一项其他成果"),
            N("findings.link_profiles[].reach", "no_projects | none | single | several", "no project with this primary outcome, or none, one or more other outcomes reached", "没有以该成果为首要成果的项目，或不涉及、涉及一项或多项其他成果"),
            N("findings.link_profiles[].strength", "none | thin | established", "thin: no link rests on more than two projects", "薄弱：每项联系所涉项目不超过两个"),
            N("findings.link_profiles[].most_linked", "list of outcome codes", "the outcomes reached most often (ties kept)", "最常涉及的成果（并列者均列出）"),
            N("findings.link_profiles[].most_linked_projects", "count", "projects behind each most frequent link", "每项最常见联系所涉项目数"),
            N("findings.link_profiles[].most_linked_tied", "true/false", "more than one outcome ties for most often", "不止一项成果并列最常见"),
            N("findings.link_profiles[].most_linked_beyond", "true/false", "some other outcome is reached less often than the most-linked ones (\"more than any other\" has something to be more than)", "另有成果的联系次数少于最常涉及的成果（“多于其他任何成果”才有所指）"),
            N("findings.link_profiles[].leading_links", "list of outcome codes", "the three most frequent links and any tied with the third", "最常见的三项联系及与第三项并列者"),
            N("findings.link_profiles[].next_linked", "list", "the leading links below the most-linked ones, in tiers of equal count, most first (\"most often to 1.3, then equally to 1.2 and 2.2\")", "排在最常涉及的成果之后的主要联系，按次数相同者分组，多者在前（“最常与 1.3 相联系，其次同等地与 1.2 和 2.2 相联系”）"),
            N("findings.link_profiles[].next_linked[].outcomes", "list of outcome codes", "the outcomes of the tier", "该组的成果"),
            N("findings.link_profiles[].next_linked[].projects", "count", "projects behind each link of the tier", "该组每项联系所涉项目数"),
            N("findings.link_profiles[].next_linked[].tied", "true/false", "the tier holds more than one outcome (\"equally\")", "该组不止一项成果（“同等地”）"),
            N("findings.link_profiles[].most_linked_other_domains", "list of domains", "the other domains reached most (ties kept)", "联系最多的其他变革领域（并列者均列出）"),
            N("findings.link_profiles[].most_linked_other_domains_tied", "true/false", "more than one other domain ties for most reached", "不止一个其他变革领域并列联系最多"),
            N("findings.link_profiles[].most_linked_other_domains_beyond", "true/false", "some other domain (reached or not) has fewer links than the most-reached ones", "另有其他变革领域（无论是否有联系）的联系少于联系最多的领域"),
            N("findings.link_profiles[].other_domain_links", "count", "links into the most-reached other domain", "进入联系最多的其他变革领域的联系数"),
            N("findings.link_profiles[].least_linked_other_domains", "list of domains", "the other domains reached least, among those reached at least once; empty when all reached alike", "在有联系的其他变革领域中联系最少者；均相同时为空"),
            N("findings.link_profiles[].unlinked_other_domains", "list of domains", "the other domains not reached at all (\"not at all\", never \"least\")", "完全没有联系的其他变革领域（“没有联系”，而非“最少”）"),
            N("findings.link_profiles[].max_link_projects", "count", "the most projects behind one link", "单项联系所涉项目的最大数目"),
            N("findings.outcome_trends", "list (helper: outcome_trend)", "each outcome across the review years", "各成果在各审查年度的情况"),
            N("findings.outcome_trends[].outcome", "outcome code", "the outcome", "成果"),
            N("findings.outcome_trends[].years", "list", "year by year", "逐年"),
            N("findings.outcome_trends[].years[].year", "year", "the review year", "审查年度"),
            N("findings.outcome_trends[].years[].primary_projects", "count", "projects with this primary outcome", "以该成果为首要成果的项目数"),
            N("findings.outcome_trends[].years[].linked_outcomes", "count", "other outcomes reached", "所涉其他成果数"),
            N("findings.outcome_trends[].years[].reach", "no_projects | none | single | several", "no project with this primary outcome, or none, one or more other outcomes reached", "没有以该成果为首要成果的项目，或不涉及、涉及一项或多项其他成果"),
            N("findings.outcome_trends[].years_with_projects", "list", "the review years in which some project had this primary outcome", "有以该成果为首要成果的项目的审查年度"),
            N("findings.outcome_trends[].years_with_projects[].year", "year", "the review year", "审查年度"),
            N("findings.outcome_trends[].years_with_projects[].primary_projects", "count", "projects with this primary outcome", "以该成果为首要成果的项目数"),
            N("findings.outcome_trends[].years_with_projects[].linked_outcomes", "count", "other outcomes reached", "所涉其他成果数"),
            N("findings.outcome_trends[].years_with_projects[].reach", "none | single | several", "none, one or more other outcomes reached", "不涉及、涉及一项或多项其他成果"),
            N("findings.outcome_trends[].years_without_projects", "list of years", "the review years in which no project had this primary outcome", "没有以该成果为首要成果的项目的审查年度"),
            N("findings.outcome_trends[].years_with_links", "list", "the review years in which this outcome's projects reached at least one other outcome", "该成果的项目至少涉及一项其他成果的审查年度"),
            N("findings.outcome_trends[].years_with_links[].year", "year", "the review year", "审查年度"),
            N("findings.outcome_trends[].years_with_links[].primary_projects", "count", "projects with this primary outcome", "以该成果为首要成果的项目数"),
            N("findings.outcome_trends[].years_with_links[].linked_outcomes", "count", "other outcomes reached (one or more)", "所涉其他成果数（一项或多项）"),
            N("findings.outcome_trends[].years_with_links[].reach", "single | several", "one or more other outcomes reached", "涉及一项或多项其他成果"),
            N("findings.outcome_trends[].years_without_links", "list of years", "the review years in which this outcome's projects reached no other outcome: say \"none\", never \"zero\"", "该成果的项目未涉及任何其他成果的审查年度：写作“没有”，不写“零”"),
            N("findings.domain_trends[].years[].has_projects", "true/false", "some project had a primary outcome in the domain", "有首要成果属于该领域的项目"),
            N("findings.domain_integration", "list (helper: integration)", "projects by primary domain and year, and how many are integrated", "按首要成果所属变革领域和年度计的项目及其中综合性项目"),
            N("findings.domain_integration[].year", "year", "the review year", "审查年度"),
            N("findings.domain_integration[].domain", "domain", "the domain of change", "变革领域"),
            N("findings.domain_integration[].projects", "count", "projects with a primary outcome in it", "首要成果属于该领域的项目数"),
            N("findings.domain_integration[].integrated", "count", "of them, integrated", "其中综合性项目数"),
            N("findings.domain_integration[].integrated_share", "share", "integrated ÷ projects", "综合性项目 ÷ 项目数"),
            N("findings.domain_trends", "list (helper: domain_trend)", "each domain across the review years", "各变革领域在各审查年度的情况"),
            N("findings.domain_trends[].domain", "domain", "the domain of change", "变革领域"),
            N("findings.domain_trends[].years", "list", "year by year", "逐年"),
            N("findings.domain_trends[].years[].year", "year", "the review year", "审查年度"),
            N("findings.domain_trends[].years[].primary_projects", "count", "projects with a primary outcome in the domain", "首要成果属于该领域的项目数"),
            N("findings.domain_trends[].years[].primary_share", "share", "their share of the year's projects", "其占当年项目的比例"),
            N("findings.most_integrated_domain", "list", "per review year, the most integrated domains", "各审查年度整合程度最高的变革领域"),
            N("findings.most_integrated_domain[].year", "year", "the review year", "审查年度"),
            N("findings.most_integrated_domain[].domains", "list of domains", "the most integrated domains (ties kept; empty when none)", "整合程度最高的变革领域（并列者均列出；无则为空）"),
            N("findings.most_integrated_domain[].tied", "true/false", "more than one domain ties", "不止一个领域并列"),
            N("findings.most_integrated_domain[].integrated_share", "share", "their share of integrated projects", "其综合性项目比例"),
            N("findings.most_integrated_domain[].any", "true/false", "some project of the year is integrated", "当年有综合性项目"),
            N("findings.region_leaders", "list", "per review year, the regions with most projects (groupings that are not regions left out)", "各审查年度项目最多的区域（不属于区域的类别不计）"),
            N("findings.region_leaders[].year", "year", "the review year", "审查年度"),
            N("findings.region_leaders[].regions", "list of region codes", "the regions with most projects (ties kept)", "项目最多的区域（并列者均列出）"),
            N("findings.region_leaders[].tied", "true/false", "more than one region ties", "不止一个区域并列"),
            N("findings.region_leaders[].projects", "count", "their projects", "其项目数"),
            N("findings.region_leaders[].share", "share", "their share of the year's projects", "其占当年项目的比例"),
            N("findings.regions", "object", "the leading region over all review years", "所有审查年度中项目最多的区域"),
            N("findings.regions.same_every_year", "true/false", "the same region(s) led every review year", "每个审查年度都是同一（些）区域项目最多"),
            N("findings.regions.regions", "list of region codes", "those regions (empty when not the same)", "这些区域（不相同时为空）"),
            N("findings.regions.tied", "true/false", "they tie", "并列"),
            N("findings.outside_regions", "object", "projects of groupings that are not regions (Regions sheet, regional no: \"Global and interregional\"), named apart, never ranked", "不属于区域的类别（Regions 表 regional 为 no，如“全球和区域间”）的项目，单独说明，不参与区域排名"),
            N("findings.outside_regions.any", "true/false", "such a grouping has a project in some review year", "某一审查年度有此类项目"),
            N("findings.outside_regions.groupings", "list of region codes", "those groupings", "这些类别"),
            N("findings.outside_regions.years", "list", "the review years in which they have projects", "有此类项目的审查年度"),
            N("findings.outside_regions.years[].year", "year", "the review year", "审查年度"),
            N("findings.outside_regions.years[].projects", "count", "their projects together", "其项目合计数"),
            N("findings.outside_regions.years[].share", "share", "their share of the year's projects", "其占当年项目的比例"),
            N("findings.balance", "object", "where services and portfolio differ most", "服务与项目组合差异最大之处"),
            N("findings.balance.services_ahead", "list of outcome codes", "outcomes whose services share exceeds their portfolio share, largest gap first", "服务比例高于项目组合比例的成果，差距最大者在前"),
            N("findings.balance.portfolio_ahead", "list of outcome codes", "outcomes whose portfolio share exceeds their services share, largest gap first", "项目组合比例高于服务比例的成果，差距最大者在前"),
            N("findings.balance.services_ahead_leading", "list of outcome codes", "the three largest gaps and any tied with the third", "差距最大的三项及与第三项并列者"),
            N("findings.balance.portfolio_ahead_leading", "list of outcome codes", "the three largest gaps and any tied with the third", "差距最大的三项及与第三项并列者"),
            N("findings.balance.services_ahead_main_domain", "domain or null", "the domain holding more than half of the leading outcomes", "占领先成果一半以上的变革领域"),
            N("findings.balance.portfolio_ahead_main_domain", "domain or null", "the domain holding more than half of the leading outcomes", "占领先成果一半以上的变革领域"),
            N("findings.status_counts", "list", "outcomes by status, per year", "各年度按状况计的成果数"),
            N("findings.status_counts[].year", "year", "the year", "年份"),
            N("findings.status_counts[].achieved", "count", "achieved", "已实现"),
            N("findings.status_counts[].on_track", "count", "on track", "进展顺利"),
            N("findings.status_counts[].off_track", "count", "off track", "进展滞后"),
            N("findings.status_counts[].no_data", "count", "no data", "无数据"),
            N("findings.status_counts[].achieved_or_on_track", "count", "achieved or on track", "已实现或进展顺利"),
            N("findings.status", "object", "outcomes by status in the reporting year", "报告年度按状况计的成果"),
            N("findings.status.outcomes", "count", "outcomes of the plan", "计划的成果数"),
            N("findings.status.achieved_or_on_track", "list of outcome codes", "achieved or on track", "已实现或进展顺利的成果"),
            N("findings.status.achieved_or_on_track_count", "count", "how many", "数目"),
            N("findings.status.off_track", "list of outcome codes", "off track", "进展滞后的成果"),
            N("findings.status.off_track_count", "count", "how many", "数目"),
            N("findings.status.no_data", "list of outcome codes", "without data (also outcomes with no value for the year)", "无数据的成果（包括当年无数值的成果）"),
            N("findings.status.no_data_count", "count", "how many", "数目"),
            N("findings.status.on_track_extent", "none | some | all", "how many outcomes are achieved or on track", "已实现或进展顺利的成果所占范围"),
            N("findings.status.off_track_extent", "none | some | all", "how many outcomes are off track", "进展滞后的成果所占范围"),
            N("findings.status.no_data_extent", "none | some | all", "how many outcomes lack data", "缺乏数据的成果所占范围"),
            N("findings.flagships", "object or null", "flagship rankings (ties kept)", "旗舰方案排名（并列者均列出）"),
            N("findings.flagships.highest_secured_share", "list of codes", "largest share of the funding target secured", "已筹资金占目标比例最高"),
            N("findings.flagships.lowest_secured_share", "list of codes", "smallest share of the funding target secured", "已筹资金占目标比例最低"),
            N("findings.flagships.most_partners", "list of codes", "most partners", "合作伙伴最多"),
            N("findings.flagships.largest_portfolio", "list of codes", "largest operational portfolio", "业务项目组合最大"),
            N("findings.flagships.fewest_tools", "list of codes", "fewest normative tools", "规范工具最少"),
            N("findings.flagships.highest_secured_share_value", "share or null", "that largest share", "该最高比例"),
            N("findings.flagships.lowest_secured_share_value", "share or null", "that smallest share", "该最低比例"),
            N("findings.flagships.most_partners_count", "count", "that many partners", "该合作伙伴数"),
            N("findings.flagships.largest_portfolio_usd", "USD", "that portfolio", "该项目组合"),
            N("findings.flagships.fewest_tools_count", "count", "that many tools", "该规范工具数"),
            N("findings.flagships.highest_secured_has_most_partners", "true/false", "the best-funded also has most partners", "筹资比例最高者合作伙伴也最多"),
            N("findings.flagships.largest_portfolio_has_fewest_tools", "true/false", "the largest portfolio also has the fewest tools", "项目组合最大者规范工具也最少"),
            N("findings.flagships.funding_progress", "no_targets | single | even | uneven", "whether funding shares differ between programmes", "各方案筹资比例是否不同"),
            N("findings.outcomes_on_track", "list of outcome codes", "achieved or on track in the reporting year", "报告年度已实现或进展顺利的成果"),
            N("findings.reporting_year_funded_share", "share or null", "funded ÷ budget over all outcomes in the reporting year", "报告年度全部成果的已获资金 ÷ 预算"),
            N("findings.underfunding", "object", "underfunded outcomes in the reporting year", "报告年度资金不足的成果"),
            N("findings.underfunding.count", "count", "how many", "数目"),
            N("findings.underfunding.extent", "none | some | all", "none, some or all of the outcomes", "没有、部分或全部成果"),
            N("findings.underfunding.off_track", "list of outcome codes", "underfunded and off track", "资金不足且进展滞后的成果"),
            N("findings.underfunding.off_track_extent", "none | some | all", "how many of the underfunded are off track", "资金不足的成果中进展滞后者所占范围"),
            N("findings.flagships.single", "true/false", "there is one flagship programme only", "只有一个旗舰方案"),
            N("findings.flagships.largest_portfolio_named", "no | only | former | latter", "where the sentence before named the programme with the largest portfolio: refer back to it", "上一句是否已提到业务项目组合最大的方案：该方案、前者或后者"),
            N("findings.has_linkage_targets", "true/false", "the workbook sets linkage targets (dashed lines)", "工作簿设定了联系目标（虚线）"),
            N("findings.no_projects", "object", "shares that are exactly zero: say \"none of the projects\"", "恰好为零的比例：写作“没有项目”"),
            N("findings.no_projects.all_domains_last", "true/false", "no project of the last review year covers all domains", "最后一个审查年度没有涵盖全部变革领域的项目"),
            N("findings.no_projects.all_domains_previous", "true/false", "no project of the year before the last covers all domains", "倒数第二个审查年度没有涵盖全部变革领域的项目"),
            N("findings.no_projects.all_domains_first", "true/false", "no project of the first review year covers all domains", "第一个审查年度没有涵盖全部变革领域的项目"),
            N("findings.no_projects.integrated_last", "true/false", "no project of the last review year reaches another domain", "最后一个审查年度没有项目涉及其他变革领域"),
            N("findings.no_projects.integrated_previous", "true/false", "no project of the review year before the last reaches another domain (false with one review year)", "倒数第二个审查年度没有项目涉及其他变革领域（仅一个审查年度时为否）"),

            // Shortcuts of the template context.
            S("lang", "en | zh | fr | es | ru | ar", "the document's language", "文件的语言"),
            S("doc", "object", "the document's row of the Documents sheet", "Documents 工作表中该文件的行"),
            S("doc.id", "text", "doc_id", "doc_id"),
            S("doc.symbol", "text", "the document symbol", "文号"),
            S("doc.date", "date", "the document's date", "文件日期"),
            S("doc.agenda_item", "text", "the agenda item, as the language writes it (\"6 (a)\", French \"6 a)\", Chinese \"6(a)\")", "议程项目（按该语言的写法：6(a)）"),
            S("doc.agenda_symbol", "text", "the provisional agenda's symbol", "临时议程文号"),
            S("doc.session_start", "date", "the session's first day", "会议首日"),
            S("doc.session_end", "date", "the session's last day", "会议最后一日"),
            S("doc.original_language", "en | zh | fr | es | ru | ar", "the language the document was written in", "文件原文语种"),
            S("plan", "object", "the plan's names in the document's language", "以文件语言列出的计划名称"),
            S("plan.domains", "list", "domains of change: code, title", "变革领域：代码、名称"),
            S("plan.domains[].code", "number", "domain code", "领域代码"),
            S("plan.domains[].title", "text", "domain title", "领域名称"),
            S("plan.outcomes", "list", "outcomes: code, domain, title, short", "成果：代码、领域、名称、简称"),
            S("plan.outcomes[].code", "outcome code", "outcome code", "成果代码"),
            S("plan.outcomes[].domain", "number", "its domain", "所属领域"),
            S("plan.outcomes[].title", "text", "outcome title", "成果名称"),
            S("plan.outcomes[].short", "text", "short name", "简称"),
            S("plan.regions", "list", "regions: code, name, of", "区域：代码、名称、of"),
            S("plan.regions[].code", "code", "region code", "区域代码"),
            S("plan.regions[].name", "text", "region name", "区域名称"),
            S("plan.regions[].of", "text", "the region's name after \"the region\" in running text (Spanish \"de los Estados Árabes\"; region_of)", "正文中“区域”一词后的区域名称（region_of）"),
            S("plan.flagships", "list", "flagship programmes: code, name", "旗舰方案：代码、名称"),
            S("plan.flagships[].code", "code", "programme code", "方案代码"),
            S("plan.flagships[].name", "text", "programme name", "方案名称"),
            S("plan.domain_count", "count", "domains of change", "变革领域数"),
            S("plan.outcome_count", "count", "outcomes", "成果数"),
            S("plan.flagship_count", "count", "flagship programmes", "旗舰方案数"),
            S("review", "object", "the review years of portfolio.years", "portfolio.years 中的审查年度"),
            S("review.years", "list", "every review year (same items as portfolio.years)", "各审查年度（与 portfolio.years 相同）"),
            S("review.first", "review year", "the first review year", "第一个审查年度"),
            S("review.previous", "review year or null", "the year before the last", "最后一年的前一年"),
            S("review.last", "review year", "the last review year", "最后一个审查年度"),
            S("reporting", "object", "the reporting year's rows, with names", "报告年度的各行及名称"),
            S("reporting.year", "year", "the reporting year", "报告年度"),
            S("reporting.funding", "list", "funding.outcomes of the reporting year, with title", "报告年度的 funding.outcomes，附名称"),
            S("reporting.indicators", "list", "progress.indicators of the reporting year, with name and unit", "报告年度的 progress.indicators，附名称和单位"),
            S("reporting.outcomes", "list", "progress.outcomes of the reporting year, with title", "报告年度的 progress.outcomes，附名称"),
            S("words", "object", "the front matter's words, rendered", "前言中的用语（已生成）"),
        };
        foreach (var (path, type, en, zh) in Trends) list.AddRange(TrendParts(path, type, en, zh));
        // Shortcuts hold the same objects as the figures: their fields mean the same.
        foreach (var (alias, target) in new[] { ("review.years[]", "portfolio.years[]"), ("review.first", "portfolio.years[]"), ("review.previous", "portfolio.years[]"),
                     ("review.last", "portfolio.years[]"), ("reporting.funding[]", "funding.outcomes[]"), ("reporting.indicators[]", "progress.indicators[]"),
                     ("reporting.outcomes[]", "progress.outcomes[]") })
            list.AddRange(list.Where(e => e.Name.StartsWith(target + ".", StringComparison.Ordinal)).ToList()
                .Select(e => S(alias + e.Name[target.Length..], e.Type, e.En, e.Zh) with { Frame = e.Frame, Parts = e.Parts }));
        list.AddRange(
        [
            S("reporting.funding[].title", "text", "the outcome's title", "成果名称"),
            S("reporting.outcomes[].title", "text", "the outcome's title", "成果名称"),
            S("reporting.indicators[].name", "text", "the indicator's name", "指标名称"),
            S("reporting.indicators[].unit", "number | percent | usd", "the indicator's unit", "指标单位"),
        ]);
        list.AddRange(HelperEntries);
        list.AddRange(ChartEntries);
        return list;
    }

    private static readonly GlossaryEntry[] HelperEntries =
    [
        E("num", "helper", "text", "{{num x}}: a count in running text (English: words below ten)", "{{num x}}：正文中的数目"),
        E("num_start", "helper", "text", "{{num_start x}}: a count at the start of a sentence (\"Six\")", "{{num_start x}}：句首的数目"),
        E("fig", "helper", "text", "{{fig x [decimals]}}: a plain figure for tables", "{{fig x [小数位]}}：表格中的数字"),
        E("pct", "helper", "text", "{{pct share}}: \"41 per cent\" / \"41%\"", "{{pct 比例}}：\"41%\""),
        E("pctsign", "helper", "text", "{{pctsign share}}: \"41%\" (tables)", "{{pctsign 比例}}：\"41%\"（表格）"),
        E("usd", "helper", "text", "{{usd amount}}: \"USD 1.3 million\" / \"130 万美元\"", "{{usd 金额}}：\"130 万美元\""),
        E("measure", "helper", "text", "{{measure value unit}}: an indicator value in its unit", "{{measure 数值 单位}}：按单位显示的指标值"),
        E("year_of", "helper", "text", "{{year_of date}}: the year of a date", "{{year_of 日期}}：日期的年份"),
        E("date", "helper", "text", "{{date d}}: a date in the language's style", "{{date 日期}}：按语言格式显示的日期"),
        E("dates", "helper", "text", "{{dates start end}}: a range of dates", "{{dates 起 止}}：日期范围"),
        E("list", "helper", "text", "{{list codes}}: \"1.1, 3.1 and 4.2\" / \"1.1、3.1 和 4.2\"", "{{list 代码}}：\"1.1、3.1 和 4.2\""),
        E("join", "helper", "block", "{{#join list}}…{{/join}}: the block for each item, joined as a list", "{{#join 列表}}…{{/join}}：对每一项生成内容，并按列表连接"),
        E("ordinal", "helper", "text", "{{ordinal n}}: \"second\" / \"第二\"", "{{ordinal n}}：\"第二\""),
        E("plural", "helper", "text", "{{plural n \"form\" …}}: the noun's form that agrees with n, one form per plural category of the language: \"project\" \"projects\"; Russian \"проект\" \"проекта\" \"проектов\"", "{{plural n \"形式\" …}}：与 n 一致的名词形式（中文只有一种形式）"),
        E("counted", "helper", "text", "{{counted n \"singular\" \"dual\" \"plural\" \"accusative singular\" gender=\"f\"}}: the count with its noun, agreeing in gender and number (Arabic: \"ثلاث نتائج\", \"مشروعان\", \"20 مشروعا\"); definite=true: the number as the adjective of definite forms (\"مجالات التغيير الأربعة\"), case=\"gen\" where it declines", "{{counted n …}}：数词与名词一致（阿拉伯文）"),
        E("outcome_title", "helper", "text", "{{outcome_title \"1.1\"}}: the outcome's title", "{{outcome_title \"1.1\"}}：成果名称"),
        E("outcome_short", "helper", "text", "{{outcome_short \"1.1\"}}: its short name", "{{outcome_short \"1.1\"}}：成果简称"),
        E("domain_title", "helper", "text", "{{domain_title 3}}: the domain's title", "{{domain_title 3}}：变革领域名称"),
        E("region_name", "helper", "text", "{{region_name \"AFR\"}}: the region's name", "{{region_name \"AFR\"}}：区域名称"),
        E("region_of", "helper", "text", "{{region_of \"ARB\"}}: the region's name as it follows \"the region\" in running text, with its article and preposition (Spanish \"de los Estados Árabes\")", "{{region_of \"ARB\"}}：正文中“区域”一词后的区域名称（含冠词和介词）"),
        E("flagship_name", "helper", "text", "{{flagship_name \"FP1\"}}: the programme's name", "{{flagship_name \"FP1\"}}：旗舰方案名称"),
        E("word", "helper", "text", "{{word \"key\"}}: a word of the front matter", "{{word \"key\"}}：前言中的用语"),
        E("status_word", "helper", "text", "{{status_word status}}: the status in words (status_… words)", "{{status_word 状况}}：状况的文字"),
        E("profile", "helper", "object", "{{#with (profile \"1.1\" year)}}: findings.link_profiles of an outcome (year 0: all years)", "{{#with (profile \"1.1\" 年份)}}：某成果的 findings.link_profiles（0：所有年度）"),
        E("outcome_trend", "helper", "object", "{{#with (outcome_trend \"1.2\")}}: findings.outcome_trends of an outcome", "{{#with (outcome_trend \"1.2\")}}：某成果的 findings.outcome_trends"),
        E("domain_trend", "helper", "object", "{{#with (domain_trend 3)}}: findings.domain_trends of a domain", "{{#with (domain_trend 3)}}：某领域的 findings.domain_trends"),
        E("integration", "helper", "object", "{{#with (integration year domain)}}: findings.domain_integration", "{{#with (integration 年份 领域)}}：findings.domain_integration"),
        E("flagship", "helper", "object", "{{#with (flagship code)}}: a programme's figures (flagships[]), by code or the first of a ranking", "{{#with (flagship 代码)}}：某方案的数字（flagships[]）"),
        E("eq", "helper", "true/false", "(eq a b): equal (test a finding's value: (eq x.direction \"rose\"))", "(eq a b)：相等（检验判断的值）"),
        E("ne", "helper", "true/false", "(ne a b): not equal", "(ne a b)：不相等"),
        E("and", "helper", "true/false", "(and a b …): all true", "(and a b …)：全部为真"),
        E("or", "helper", "true/false", "(or a b …): any true", "(or a b …)：任一为真"),
        E("not", "helper", "true/false", "(not a): not true", "(not a)：不为真"),
        E("has", "helper", "true/false", "(has x): x is not null (no data)", "(has x)：x 不为空"),
        E("len", "helper", "count", "(len list): how many items", "(len 列表)：项数"),
        E("take", "helper", "list", "(take list n): the first n items", "(take 列表 n)：前 n 项"),
        E("chart", "helper", "chart", "{{chart \"name\" title=\"…\" [year=…] [outcome=…]}}: places a chart, numbered in order", "{{chart \"名称\" title=\"…\"}}：放置图表，按顺序编号"),
        E("chart_ref", "helper", "text", "{{chart_ref \"name\" [year=…] [outcome=…] [domain=…]}}: \"charts I to III\" / \"图一至图三\"", "{{chart_ref \"名称\"}}：\"图一至图三\""),
    ];

    private static readonly GlossaryEntry[] ChartEntries =
    [
        E("chart \"linkage\"", "chart", "year=", "the matrix of projects by primary (rows) and secondary (columns) outcome of a review year, with its headline figures", "某审查年度按首要成果（行）和次级成果（列）计的项目矩阵，附主要数字"),
        E("chart \"interrelation\"", "chart", "outcome=", "an outcome's links to the others, review years side by side, targets dashed", "某成果与其他成果的联系，各审查年度并列，目标为虚线"),
        E("chart \"balance\"", "chart", "", "share of normative services against share of the operational portfolio, by outcome", "各成果规范服务比例与业务项目组合比例"),
        E("chart \"flagships\"", "chart", "", "each flagship's tools, portfolio, partners and funding secured against target", "各旗舰方案的规范工具、项目组合、合作伙伴及已筹资金占目标比例"),
        E("chart \"achievement\"", "chart", "year=", "each outcome's achievement in the reporting year against the on-track threshold", "报告年度各成果实现程度与进展顺利门槛对照"),
        E("chart \"funding\"", "chart", "year=", "budget against funded amount by outcome in the reporting year, underfunded marked", "报告年度各成果预算与已获资金，资金不足者标出"),
    ];

    public static GlossaryEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    /// <summary>The heading of each kind of name in a language (reportgen names, docs/names.md): the word <c>@kind.…</c> of its file.</summary>
    public static string KindHeading(string kind, string language) => GlossaryMeanings.Word(language, "@kind." + kind);

    /// <summary>The kinds of names, in the glossary's order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["figure", "finding", "shortcut", "helper", "chart"];

    /// <summary>True for a type that is what a template writes (values to compare with, a chart's key): it reads the same in every language.</summary>
    public static bool IsLiteralType(string type) => type.Length == 0 || type.Contains(" | ", StringComparison.Ordinal) || type.EndsWith('=');

    /// <summary>
    /// An entry's type in the language: the word <c>@type.…</c> of its file. An enumeration of values
    /// ("rose | fell | unchanged") and a chart's key ("year=") are what a template writes, so they are
    /// not translated; a test fails when an entry's type is neither that nor in every file.
    /// </summary>
    public static string TypeIn(string type, string language) => IsLiteralType(type) ? type : GlossaryMeanings.Word(language, "@type." + type);

    /// <summary>docs/names.md: every entry, grouped by kind, in English and Chinese (the languages written in this file).</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# Names a template can use\n\n")
            .Append("Generated from `src/ReportGen/Templating/Glossary.cs` by `reportgen names --markdown` (a test checks it is current).\n")
            .Append("`reportgen names WORKBOOK` lists the same with each value for a workbook, as the documents print it; `--lang zh` gives it all in Chinese.\n")
            .Append("Lists are written `name[]`: inside `{{#each name}}` or `{{#join name}}` the item's fields are used by their last part\n")
            .Append("(`{{#each review.years}}{{year}}{{/each}}`), and `@root.` reaches back to the top (`{{@root.review.last.year}}`).\n")
            .Append("The meanings in the other languages are in [names/](names/) (").Append(string.Join(", ", GlossaryMeanings.Translated.Select(l => $"[{l}](names/{l}.md)"))).Append(").\n");
        foreach (var group in Entries.GroupBy(e => e.Kind))
        {
            text.Append("\n## ").Append(KindHeading(group.Key, "en"))
                .Append("\n\n| name | type | meaning | 含义 |\n| --- | --- | --- | --- |\n");
            foreach (var e in group)
                text.Append("| `").Append(e.Name).Append("` | ").Append(Cell(e.Type)).Append(" | ").Append(Cell(e.En)).Append(" | ").Append(Cell(e.Zh)).Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>docs/names/&lt;lang&gt;.md: every entry, grouped by kind, with its type and meaning in the language beside the English meaning.</summary>
    public static string Markdown(string language)
    {
        string name = Typesetting.LanguageProfiles.For(language).Name;
        var text = new StringBuilder();
        text.Append("# Names a template can use, in ").Append(name).Append("\n\n")
            .Append("Generated from `src/ReportGen/Templating/Glossary.cs` and `src/ReportGen/Templating/Glossary/meanings.").Append(language)
            .Append(".tsv` by `reportgen names --markdown --lang ").Append(language).Append("` (a test checks it is current).\n")
            .Append("The same list with the English and Chinese is [names.md](../names.md); how to add or fix a meaning: [languages.md](../languages.md#the-glossarys-meanings).\n");
        foreach (var group in Entries.GroupBy(e => e.Kind))
        {
            text.Append("\n## ").Append(KindHeading(group.Key, language)).Append(" (").Append(KindHeading(group.Key, "en")).Append(')')
                .Append("\n\n| name | type | meaning | English |\n| --- | --- | --- | --- |\n");
            foreach (var e in group)
                text.Append("| `").Append(e.Name).Append("` | ").Append(Cell(TypeIn(e.Type, language))).Append(" | ").Append(Cell(e.Meaning(language))).Append(" | ").Append(Cell(e.En)).Append(" |\n");
        }
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("{{", "`{{").Replace("}}", "}}`");

    /// <summary>A path in the template context as the glossary writes it: list indices as [].</summary>
    public static string Generalize(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");

    /// <summary>
    /// Every name of a context, as the glossary writes them (figures.json paths with [], shortcuts),
    /// with its values: one for a name outside lists, one per item (in order) for a name inside a list.
    /// </summary>
    public static IEnumerable<(string Name, IReadOnlyList<object?> Values)> NamesOf(IReadOnlyDictionary<string, object?> context)
    {
        var seen = new SortedDictionary<string, List<object?>>(StringComparer.Ordinal);
        void Walk(object? value, string path, int depth)
        {
            if (depth > 10) return;
            switch (value)
            {
                case IEnumerable<KeyValuePair<string, object?>> map:
                    foreach (var (key, child) in map)
                    {
                        string p = path.Length == 0 ? key : path + "." + key;
                        if (!seen.TryGetValue(p, out var values)) seen[p] = values = [];
                        values.Add(child);
                        Walk(child, p, depth + 1);
                    }
                    break;
                case List<object?> list:
                    for (int i = 0; i < list.Count; i++) Walk(list[i], path + "[]", depth + 1);
                    break;
            }
        }
        Walk(context, "", 0);
        return seen.Select(p => (p.Key, (IReadOnlyList<object?>)p.Value));
    }

    /// <summary>
    /// The values of a name as the documents print them (<see cref="Show"/>), every one: a name
    /// inside a list has one per item, joined by "; " (a value may itself hold commas: "9,800,000").
    /// Null when there is nothing to show (an object: its fields have names of their own).
    /// </summary>
    public static string? ShowAll(IReadOnlyList<object?> values, string type, Formatter format)
    {
        var shown = values.Select(v => Show(v, type, format)).ToList();
        return shown.All(s => s is null) ? null : string.Join(GlossaryMeanings.Word(format.Language, "@value.separator"), shown.Select(s => s ?? ""));
    }

    /// <summary>
    /// A value of the template context as the documents' tables print it, by its type, in the
    /// formatter's language: a share "62%", money and counts "9,800,000", a year "2021", a date
    /// "4 October 2021" / "2021 年 10 月 4 日"; a list of codes or years whole, as the documents list
    /// them ("1.3, 2.2 and 4.1" / "1.3、2.2 和 4.1"); a list of objects by its size; an object not at all (null).
    /// </summary>
    public static string? Show(object? value, string type, Formatter format) => value switch
    {
        null => GlossaryMeanings.Word(format.Language, "@value.null"),
        bool b => GlossaryMeanings.Word(format.Language, b ? "@value.true" : "@value.false"),
        string s => s,
        Fig f => Number(f.Value, type, format),
        double d => Number(d, type, format),
        Day day => format.Date(day.Value),
        List<object?> { Count: > 0 } list when list.TrueForAll(x => x is string or Fig or double) =>
            format.List(list.ConvertAll(x => Show(x, ElementType(type), format)!)),
        List<object?> list => string.Format(CultureInfo.InvariantCulture, GlossaryMeanings.Word(format.Language, "@value.items"), list.Count),
        _ => null,
    };

    /// <summary>A number by its type: shares as per cent signs, counts and money as the tables' figures, years as they are.</summary>
    private static string Number(double value, string type, Formatter format) => type.Split(" or ")[0] switch
    {
        "share" => format.PercentSign(value),
        "count" or "USD" => format.Figure(value),
        "year" => value.ToString("0", CultureInfo.InvariantCulture),
        _ => format.Measure(value, "number"),
    };

    /// <summary>The type of a list's items: "list of years" → "year".</summary>
    private static string ElementType(string listType) =>
        listType.StartsWith("list of ", StringComparison.Ordinal) ? listType["list of ".Length..].TrimEnd('s') : "";
}
