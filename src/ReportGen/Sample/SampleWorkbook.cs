using System.Globalization;
using ReportGen.Packaging;

namespace ReportGen.Sample;

/// <summary>
/// The sample reporting cycle (seeds/unhabitat-2020-2021.xlsx): the strategic plan 2020-2023 with
/// a portfolio of 142 projects reviewed in 2020 and 2021 that reproduces the figures the reference
/// documents state (88 projects in 2020, 11% covering all four domains, 23% on COVID-19; 54 in
/// 2021, 41% and 11%; 6 of 12 outcomes underfunded in 2020). Everything is fixed data or
/// derived by formula from it: no randomness, so the file is byte-identical on every run.
/// </summary>
public static class SampleWorkbook
{
    public const string FileName = "unhabitat-2020-2021.xlsx";

    public static void Write(string path) => SpreadsheetWriter.Write(path, Sheets());

    public static byte[] ToBytes() => SpreadsheetWriter.ToBytes(Sheets());

    /// <summary>The sample's sheets, each <c>_en</c> column with its <c>_fr</c>, <c>_es</c>, <c>_ru</c> and <c>_ar</c> beside the others (<see cref="SampleFrench"/>, <see cref="SampleSpanish"/>, <see cref="SampleRussian"/>, <see cref="SampleArabic"/>).</summary>
    public static IEnumerable<SheetData> Sheets() => EnglishAndChinese().Select(SampleFrench.WithFrench).Select(SampleSpanish.WithSpanish).Select(SampleRussian.WithRussian).Select(SampleArabic.WithArabic).Select(WithRegionForms);

    /// <summary>
    /// The regions' names as running text writes them after "la région", "la región" (the optional
    /// <c>name_of_fr</c>, <c>name_of_es</c> columns): with the article and the preposition the name takes
    /// ("des États arabes", "de los Estados Árabes"). The global grouping is no region: none.
    /// </summary>
    private static readonly Dictionary<string, (string Fr, string Es)> RegionForms = new()
    {
        ["AFR"] = ("de l’Afrique", "de África"),
        ["ARB"] = ("des États arabes", "de los Estados Árabes"),
        ["ASP"] = ("de l’Asie et du Pacifique", "de Asia y el Pacífico"),
        ["EUR"] = ("de l’Europe", "de Europa"),
        ["LAC"] = ("de l’Amérique latine et des Caraïbes", "de América Latina y el Caribe"),
    };

    private static SheetData WithRegionForms(SheetData sheet) => sheet.Name != "Regions" ? sheet
        : new SheetData(sheet.Name, [.. sheet.Header, "name_of_fr", "name_of_es"],
            sheet.Rows.Select(row => (object?[])[.. row,
                RegionForms.TryGetValue((string)row[0]!, out var f) ? f.Fr : null, RegionForms.TryGetValue((string)row[0]!, out var e) ? e.Es : null]).ToList(),
            sheet.ColumnWidths is { } widths ? [.. widths, 34, 34] : null);

    private static IEnumerable<SheetData> EnglishAndChinese()
    {
        yield return new SheetData("Settings", ["key", "value"], [
            ["reporting_year", 2020],
            ["on_track_threshold", 0.75],
            ["underfunded_threshold", 0.5],
            ["plan_start", 2020],
            ["plan_end", 2023],
        ], [24, 12]);

        var session = (Start: new DateOnly(2021, 11, 15), End: new DateOnly(2021, 11, 16));
        yield return new SheetData("Documents",
            ["doc_id", "template", "symbol", "date", "agenda_item", "agenda_symbol", "session_start", "session_end", "original_language"], [
            ["annual-report-summary", "annual-report-summary", "HSP/EB.2021/19", new DateOnly(2021, 10, 4), "6 (a)", "HSP/EB.2021/12", session.Start, session.End, "en"],
            ["portfolio-analysis", "portfolio-analysis", "HSP/EB.2021/19/Add.1", new DateOnly(2021, 10, 4), "6", "HSP/EB.2021/12", session.Start, session.End, "en"],
        ], [24, 24, 22, 12, 12, 16, 14, 14, 18]);

        yield return new SheetData("Domains", ["code", "title_en", "title_zh"],
            Domains.Select(d => new object?[] { d.Code, d.En, d.Zh }), [8, 70, 40]);

        yield return new SheetData("Outcomes", ["code", "domain", "title_en", "title_zh", "short_en", "short_zh"],
            Outcomes.Select(o => new object?[] { ParseCode(o.Code), int.Parse(o.Code[..1], CultureInfo.InvariantCulture), o.En, o.Zh, o.ShortEn, o.ShortZh }),
            [8, 8, 70, 50, 40, 24]);

        yield return new SheetData("Indicators", ["indicator_id", "outcome", "name_en", "name_zh", "unit", "baseline", "direction"],
            Indicators.Select(i => new object?[] { i.Id, ParseCode(i.Id[..3]), i.En, i.Zh, i.Unit, i.Baseline, i.Decrease ? "decrease" : "increase" }),
            [12, 8, 70, 50, 10, 10, 10]);

        yield return new SheetData("IndicatorValues", ["indicator_id", "year", "target", "actual"],
            Indicators.SelectMany(i => new[]
            {
                new object?[] { i.Id, 2020, i.Target2020, i.Actual2020 },
                new object?[] { i.Id, 2021, i.Target2021, i.Actual2021 },
            }), [12, 8, 10, 10]);

        yield return new SheetData("Funding", ["outcome", "year", "budget_usd", "funded_usd"],
            Funding.SelectMany(f => new[]
            {
                new object?[] { ParseCode(f.Outcome), 2020, f.Budget2020, Math.Round(f.Budget2020 * f.Share2020 / 10_000) * 10_000 },
                new object?[] { ParseCode(f.Outcome), 2021, f.Budget2021, Math.Round(f.Budget2021 * f.Share2021 / 10_000) * 10_000 },
            }), [8, 8, 14, 14]);

        // regional: "no" for a grouping that is not a region, counted apart (docs/findings.md).
        yield return new SheetData("Regions", ["code", "name_en", "name_zh", "regional"],
            Regions.Select(r => new object?[] { r.Code, r.En, r.Zh, r.Regional ? "yes" : "no" }), [8, 34, 20, 10]);

        yield return new SheetData("Projects",
            ["project_id", "prc_year", "title", "region", "country", "primary_outcome", "secondary_outcomes", "covid_response", "budget_usd", "flagship"],
            Projects().Select(p => new object?[] { p.Id, p.Year, p.Title, p.Region, p.Country, ParseCode(p.Primary), p.Secondary, p.Covid, p.Budget, p.Flagship }),
            [12, 9, 70, 8, 24, 16, 20, 15, 12, 9]);

        yield return new SheetData("Services", ["service_id", "outcome", "name_en", "name_zh"],
            Services.Select((s, i) => new object?[] { $"S{i + 1:000}", ParseCode(s.Outcome), s.En, s.Zh }), [10, 8, 60, 40]);

        yield return new SheetData("Flagships",
            ["code", "name_en", "name_zh", "normative_tools", "portfolio_usd", "partners", "funding_target_usd", "funding_secured_usd"],
            Flagships.Select(f => new object?[] { f.Code, f.En, f.Zh, f.Tools, f.Portfolio, f.Partners, f.Target, f.Secured }),
            [8, 60, 36, 16, 14, 10, 18, 20]);

        yield return new SheetData("LinkageTargets", ["primary_outcome", "secondary_outcome", "year", "target_projects"],
            LinkageTargets.SelectMany(t => new[]
            {
                new object?[] { ParseCode(t.Primary), ParseCode(t.Secondary), 2022, t.Target2022 },
                new object?[] { ParseCode(t.Primary), ParseCode(t.Secondary), 2023, t.Target2023 },
            }), [16, 18, 8, 16]);
    }

    /// <summary>Outcome codes are stored as numbers, as a person typing 1.1 into Excel gets.</summary>
    private static double ParseCode(string code) => double.Parse(code, CultureInfo.InvariantCulture);

    private static readonly (int Code, string En, string Zh)[] Domains =
    [
        (1, "Reduced spatial inequality and poverty in communities across the urban-rural continuum", "减少城乡连续体各社区的空间不平等和贫困"),
        (2, "Enhanced shared prosperity of cities and regions", "加强城市和区域的共同繁荣"),
        (3, "Strengthened climate action and improved urban environment", "加强气候行动，改善城市环境"),
        (4, "Effective urban crisis prevention and response", "有效预防和应对城市危机"),
    ];

    private static readonly (string Code, string En, string Zh, string ShortEn, string ShortZh)[] Outcomes =
    [
        ("1.1", "Increased and equal access to basic services, sustainable mobility and public space", "增加并平等享有基本服务、可持续出行和公共空间", "basic services, mobility and public space", "基本服务、出行和公共空间"),
        ("1.2", "Increased and secure access to land, and adequate and affordable housing", "增加并切实获得土地以及适足和负担得起的住房", "land and housing", "土地和住房"),
        ("1.3", "Effective settlements growth and regeneration", "住区的有效增长和重建", "settlements growth and regeneration", "住区增长和重建"),
        ("2.1", "Improved spatial connectivity and productivity of cities and regions", "改善城市和区域的空间连通性和生产力", "spatial connectivity and productivity", "空间连通性和生产力"),
        ("2.2", "Increased and equitably distributed, locally generated revenues", "增加地方创收并实现公平分配", "locally generated revenues", "地方创收"),
        ("2.3", "Expanded deployment of frontier technologies and innovations for urban development", "扩大部署促进城市发展的前沿技术和创新", "frontier technologies and innovations", "前沿技术和创新"),
        ("3.1", "Reduced greenhouse emissions and improved air quality", "减少温室气体排放，改善空气质量", "emissions and air quality", "温室气体排放和空气质量"),
        ("3.2", "Improved resource efficiency and protection of ecological assets", "提高资源效率，保护生态资产", "resource efficiency and ecological assets", "资源效率和生态资产"),
        ("3.3", "Effective adaptation of communities and infrastructure to climate change", "社区和基础设施有效适应气候变化", "adaptation to climate change", "适应气候变化"),
        ("4.1", "Enhanced social integration and inclusive communities", "加强社会融合，建设包容性社区", "social integration and inclusive communities", "社会融合和包容性社区"),
        ("4.2", "Improved living standards and inclusion of migrants, refugees, internally displaced persons and returnees through effective crisis response and recovery", "通过有效的危机应对和恢复，改善移民、难民、境内流离失所者和回返者的生活水平并促进其融入", "migrants, refugees and displaced persons", "移民、难民和流离失所者"),
        ("4.3", "Enhanced resilience of the built environment and infrastructure", "增强建筑环境和基础设施的复原力", "resilience of the built environment", "建筑环境的复原力"),
    ];

    private static readonly (string Code, string En, string Zh, bool Regional)[] Regions =
    [
        ("AFR", "Africa", "非洲", true),
        ("ARB", "Arab States", "阿拉伯国家", true),
        ("ASP", "Asia and the Pacific", "亚洲及太平洋", true),
        ("EUR", "Europe", "欧洲", true),
        ("GLO", "Global and interregional", "全球和区域间", false),
        ("LAC", "Latin America and the Caribbean", "拉丁美洲和加勒比", true),
    ];

    private sealed record IndicatorSeed(string Id, string En, string Zh, string Unit, double Baseline, bool Decrease,
        double Target2020, double? Actual2020, double Target2021, double? Actual2021);

    // Baselines and targets are illustrative. 1.2.2 and 3.1.1 fall (decrease indicators); 4.3.2 has a
    // 2020 target equal to its baseline; several 2021 actuals are not yet reported.
    private static readonly IndicatorSeed[] Indicators =
    [
        new("1.1.1", "Partner cities with improved access to basic services", "基本服务获取情况得到改善的伙伴城市", "number", 20, false, 40, 37, 60, 52),
        new("1.1.2", "People with better access to public space (millions)", "更好地享有公共空间的人数（百万）", "number", 1.2, false, 2.5, 2.6, 4, null),
        new("1.2.1", "Countries adopting housing policies supported by UN-Habitat", "采用人居署所支持住房政策的国家", "number", 8, false, 14, 11, 20, 15),
        new("1.2.2", "Share of urban residents in supported cities living in slums", "受支持城市中居住在贫民窟的城市居民比例", "percent", 32, true, 30, 31, 28, null),
        new("1.3.1", "Cities applying planned city extension or regeneration plans", "实施有规划的城市扩展或重建计划的城市", "number", 12, false, 20, 14, 28, 19),
        new("1.3.2", "Hectares of urban land regenerated", "重建的城市土地（公顷）", "number", 150, false, 400, 260, 650, null),
        new("2.1.1", "Metropolitan and regional plans improving spatial connectivity", "改善空间连通性的都市和区域规划", "number", 5, false, 10, 9, 15, 13),
        new("2.1.2", "Cities with improved urban productivity diagnostics", "完成城市生产力诊断的城市", "number", 10, false, 18, 10, 26, 15),
        new("2.2.1", "Cities with enhanced own-source revenue systems", "自有收入制度得到加强的城市", "number", 6, false, 14, 8, 20, 11),
        new("2.2.2", "Increase in own-source revenue in supported cities", "受支持城市自有收入的增幅", "percent", 0, false, 10, 4, 15, null),
        new("2.3.1", "Cities using digital tools from UN-Habitat for planning", "使用人居署数字工具开展规划的城市", "number", 15, false, 30, 33, 45, 47),
        new("2.3.2", "Innovation challenges and urban labs launched", "启动的创新挑战和城市实验室", "number", 3, false, 8, 5, 12, 9),
        new("3.1.1", "Greenhouse gas emissions of partner cities (million tonnes CO₂e)", "伙伴城市的温室气体排放量（百万吨二氧化碳当量）", "number", 48, true, 46, 46.5, 44, null),
        new("3.1.2", "Cities with air quality action plans", "制定空气质量行动计划的城市", "number", 4, false, 10, 8, 16, 13),
        new("3.2.1", "Cities with solid waste management strategies", "制定固体废物管理战略的城市", "number", 10, false, 20, 12, 30, 18),
        new("3.2.2", "Urban ecosystems under protection plans", "纳入保护计划的城市生态系统", "number", 2, false, 6, 3, 9, null),
        new("3.3.1", "Cities implementing climate adaptation plans", "实施气候适应计划的城市", "number", 9, false, 16, 15, 24, 22),
        new("3.3.2", "Vulnerable people benefiting from adaptation measures (thousands)", "从适应措施中受益的弱势人口（千人）", "number", 120, false, 300, 280, 480, 430),
        new("4.1.1", "Cities with inclusive community plans", "制定包容性社区计划的城市", "number", 7, false, 14, 9, 20, 13),
        new("4.1.2", "Community organizations participating in planning", "参与规划的社区组织", "number", 40, false, 90, 62, 140, null),
        new("4.2.1", "Displaced persons and returnees with improved living conditions (thousands)", "生活条件得到改善的流离失所者和回返者（千人）", "number", 250, false, 500, 540, 700, 760),
        new("4.2.2", "Crisis-affected cities with recovery profiles", "完成恢复概况的受危机影响城市", "number", 6, false, 12, 11, 18, 17),
        new("4.3.1", "Cities with resilience action plans", "制定复原力行动计划的城市", "number", 10, false, 18, 12, 26, 16),
        new("4.3.2", "National building codes revised for resilience", "为增强复原力而修订的国家建筑规范", "number", 5, false, 5, 6, 8, 6),
    ];

    // Six of the twelve outcomes fall below half funded in 2020: 1.3, 2.2, 2.3, 3.2, 4.1, 4.3.
    private static readonly (string Outcome, double Budget2020, double Share2020, double Budget2021, double Share2021)[] Funding =
    [
        ("1.1", 9_800_000, 0.86, 10_400_000, 0.88),
        ("1.2", 6_100_000, 0.64, 6_400_000, 0.69),
        ("1.3", 4_600_000, 0.42, 4_800_000, 0.51),
        ("2.1", 3_900_000, 0.55, 4_100_000, 0.57),
        ("2.2", 2_800_000, 0.31, 3_000_000, 0.36),
        ("2.3", 3_200_000, 0.38, 3_500_000, 0.47),
        ("3.1", 4_400_000, 0.52, 4_900_000, 0.58),
        ("3.2", 2_600_000, 0.29, 2_900_000, 0.34),
        ("3.3", 5_300_000, 0.71, 5_600_000, 0.74),
        ("4.1", 3_700_000, 0.44, 3_900_000, 0.48),
        ("4.2", 8_900_000, 0.93, 9_300_000, 0.91),
        ("4.3", 3_100_000, 0.36, 3_300_000, 0.41),
    ];

    // The catalogue is strong on 1.1 and on climate (3.x), thin on revenues (2.2) and on 4.2 and 4.3.
    private static readonly (string Outcome, string En, string Zh)[] Services =
    [
        ("1.1", "Citywide public space assessment", "全市公共空间评估"),
        ("1.1", "Sustainable urban mobility planning", "可持续城市出行规划"),
        ("1.1", "Water and sanitation utility partnerships", "供水和卫生设施公用事业伙伴关系"),
        ("1.1", "Urban basic services diagnostics", "城市基本服务诊断"),
        ("1.1", "Safer cities audits for public space", "公共空间安全城市审计"),
        ("1.1", "Non-motorized transport design guidance", "非机动交通设计指导"),
        ("1.1", "Energy access for informal settlements", "非正规住区能源获取"),
        ("1.1", "Street connectivity and walkability toolkit", "街道连通性和步行友好性工具包"),
        ("1.1", "Public space design with communities", "与社区共同设计公共空间"),
        ("1.2", "Housing profile and policy advice", "住房概况和政策咨询"),
        ("1.2", "Land tenure security tools (continuum of land rights)", "土地保有权保障工具（土地权利连续体）"),
        ("1.2", "Participatory slum upgrading", "参与式贫民窟改造"),
        ("1.2", "Affordable housing finance advisory", "负担得起的住房融资咨询"),
        ("1.2", "Fit-for-purpose land administration", "因地制宜的土地管理"),
        ("1.3", "Planned city extension", "有规划的城市扩展"),
        ("1.3", "Urban regeneration strategies", "城市重建战略"),
        ("1.3", "Rapid planning studios", "快速规划工作室"),
        ("1.3", "Urban planning law review", "城市规划法律审查"),
        ("2.1", "Metropolitan and regional planning", "都市和区域规划"),
        ("2.1", "Urban-rural linkages guiding principles", "城乡联系指导原则"),
        ("2.1", "Urban economy and productivity diagnostics", "城市经济和生产力诊断"),
        ("2.2", "Own-source revenue enhancement", "提高自有收入"),
        ("2.2", "Land-based finance tools", "以土地为基础的融资工具"),
        ("2.3", "Digital urban planning platforms", "数字城市规划平台"),
        ("2.3", "People-centred smart city assessment", "以人为本的智慧城市评估"),
        ("2.3", "Urban innovation challenges", "城市创新挑战"),
        ("2.3", "Open urban data and geospatial services", "开放城市数据和地理空间服务"),
        ("3.1", "Low-emission urban development strategies", "低排放城市发展战略"),
        ("3.1", "Urban air quality action planning", "城市空气质量行动规划"),
        ("3.1", "Energy-efficient buildings guidance", "建筑能效指导"),
        ("3.1", "Electric mobility transition support", "电动出行转型支持"),
        ("3.1", "City climate action plan support", "城市气候行动计划支持"),
        ("3.1", "Greenhouse gas inventories for cities", "城市温室气体清单"),
        ("3.2", "Waste wise cities tool", "智慧废物管理城市工具"),
        ("3.2", "Circular economy in cities", "城市循环经济"),
        ("3.2", "Urban ecosystem and biodiversity planning", "城市生态系统和生物多样性规划"),
        ("3.2", "Resource-efficient urban water management", "资源节约型城市水管理"),
        ("3.2", "Green and blue infrastructure guidance", "绿色和蓝色基础设施指导"),
        ("3.3", "Climate vulnerability assessments", "气候脆弱性评估"),
        ("3.3", "Community-based adaptation planning", "基于社区的适应规划"),
        ("3.3", "Nature-based solutions for adaptation", "基于自然的适应解决方案"),
        ("3.3", "Climate-resilient infrastructure design", "具有气候复原力的基础设施设计"),
        ("3.3", "Adaptation finance project preparation", "适应融资项目筹备"),
        ("4.1", "Inclusive community planning", "包容性社区规划"),
        ("4.1", "Gender-responsive urban planning", "促进性别平等的城市规划"),
        ("4.1", "Youth engagement in urban governance", "青年参与城市治理"),
        ("4.2", "Urban profiling in displacement contexts", "流离失所背景下的城市概况分析"),
        ("4.3", "City resilience profiling tool", "城市复原力概况分析工具"),
    ];

    private static readonly (string Code, string En, string Zh, int Tools, double Portfolio, int Partners, double Target, double Secured)[] Flagships =
    [
        ("FP1", "Inclusive Communities, Thriving Cities", "包容性社区，繁荣城市", 4, 48_000_000, 22, 60_000_000, 18_000_000),
        ("FP2", "People-Centred Smart Cities", "以人为本的智慧城市", 6, 21_000_000, 35, 40_000_000, 9_000_000),
        ("FP3", "Resilient Settlements for the Urban Poor (RISE UP)", "城市贫民复原力住区（RISE UP）", 3, 35_000_000, 14, 50_000_000, 12_000_000),
        ("FP4", "Inclusive Cities: Enhancing the Positive Impacts of Urban Migration", "包容性城市：增强城市移民的积极影响", 2, 64_000_000, 18, 45_000_000, 8_000_000),
        ("FP5", "SDG Cities", "可持续发展目标城市", 5, 15_000_000, 48, 30_000_000, 14_000_000),
    ];

    // Targets for the rest of the plan period: the dashed lines of the interrelation charts.
    private static readonly (string Primary, string Secondary, int Target2022, int Target2023)[] LinkageTargets =
    [
        ("1.1", "3.1", 8, 10), ("1.1", "4.1", 7, 9), ("1.1", "2.1", 6, 7),
        ("1.2", "1.1", 5, 6), ("1.2", "3.1", 3, 4), ("1.2", "3.3", 3, 4),
        ("1.3", "3.1", 3, 4), ("1.3", "2.1", 3, 4), ("1.3", "4.1", 2, 3),
        ("3.1", "1.1", 3, 4), ("3.1", "4.1", 2, 3),
        ("3.2", "1.1", 2, 3), ("3.2", "4.3", 2, 3),
        ("3.3", "4.3", 3, 4), ("3.3", "1.2", 2, 3),
    ];

    // The portfolio: (primary outcome, secondary outcomes, number of such projects) per review year.
    // Counted so that 10 of 88 projects (2020) and 22 of 54 (2021) cover all four domains; 1.1
    // links most to 3.1 and domain 4; 1.2 links only to 1.1 in 2020; revenue (2.2) links thinly.
    private static readonly (string Primary, string Secondary, int Count)[] Portfolio2020 =
    [
        ("1.1", "3.1;4.1;2.1", 2), ("1.1", "3.1;4.3;2.3", 1), ("1.1", "3.1;4.1", 3), ("1.1", "3.1;4.2", 2), ("1.1", "3.1", 1),
        ("1.1", "4.1", 2), ("1.1", "4.3;1.3", 1), ("1.1", "1.3", 2), ("1.1", "", 2), ("1.1", "3.2;4.2;2.1", 1), ("1.1", "4.2", 1),
        ("1.2", "1.1", 3), ("1.2", "", 5),
        ("1.3", "1.1", 3), ("1.3", "2.1", 2), ("1.3", "1.1;3.3", 1), ("1.3", "", 3), ("1.3", "1.1;2.1;3.2;4.3", 1),
        ("2.1", "1.1", 2), ("2.1", "2.3", 2), ("2.1", "", 1), ("2.1", "1.3;3.1;4.1", 1),
        ("2.2", "1.1;1.3", 1), ("2.2", "2.1;2.3", 1), ("2.2", "3.2", 1), ("2.2", "4.1;1.2", 1), ("2.2", "4.3", 1),
        ("2.3", "2.1", 2), ("2.3", "", 2), ("2.3", "1.1;3.1;4.2", 1), ("2.3", "1.1", 1),
        ("3.1", "1.1", 2), ("3.1", "3.2", 1), ("3.1", "", 2),
        ("3.2", "3.1", 1), ("3.2", "", 2),
        ("3.3", "4.3", 2), ("3.3", "", 2), ("3.3", "1.2;2.2;4.3", 1), ("3.3", "1.3", 1),
        ("4.1", "1.1", 3), ("4.1", "4.2", 2), ("4.1", "", 2), ("4.1", "1.1;2.2;3.3", 1),
        ("4.2", "4.1", 3), ("4.2", "1.2", 2), ("4.2", "", 3), ("4.2", "1.2;2.1;3.3", 1),
        ("4.3", "3.3", 2), ("4.3", "", 1), ("4.3", "1.3;2.3", 1),
    ];

    private static readonly (string Primary, string Secondary, int Count)[] Portfolio2021 =
    [
        ("1.1", "3.1;4.1;2.1", 3), ("1.1", "3.1;4.3;2.1", 1), ("1.1", "3.1;4.2;2.3", 1), ("1.1", "3.1;4.1", 1), ("1.1", "3.2;4.1;2.1", 1),
        ("1.1", "3.3", 1), ("1.1", "4.3", 1), ("1.1", "1.3", 1),
        ("1.2", "1.1;3.1;4.1;2.2", 2), ("1.2", "3.3;4.2;2.1", 1), ("1.2", "1.1;3.2", 1), ("1.2", "4.2", 1), ("1.2", "1.1", 1),
        ("1.3", "3.1;2.1;4.1", 2), ("1.3", "3.2;2.3;4.3", 1), ("1.3", "3.3", 1), ("1.3", "1.1;2.1", 1), ("1.3", "", 1),
        ("2.1", "1.1;3.1;4.1", 1), ("2.1", "1.1;3.1", 1), ("2.1", "2.3", 1), ("2.1", "1.3", 1),
        ("2.2", "1.1;3.2;4.1", 1), ("2.2", "1.2", 1), ("2.2", "2.1", 1),
        ("2.3", "1.1;3.1;4.3", 1), ("2.3", "2.1", 1), ("2.3", "", 2),
        ("3.1", "1.1;2.1;4.1", 1), ("3.1", "1.1;4.1", 1), ("3.1", "3.2", 1), ("3.1", "1.3", 1), ("3.1", "", 1),
        ("3.2", "1.1;2.2;4.3", 1), ("3.2", "3.1", 1), ("3.2", "", 1),
        ("3.3", "1.2;2.1;4.3", 2), ("3.3", "4.3", 1), ("3.3", "1.1", 1),
        ("4.1", "1.1;2.3;3.1", 1), ("4.1", "1.1", 1), ("4.1", "", 1),
        ("4.2", "1.2;2.2;3.3", 1), ("4.2", "4.1", 2), ("4.2", "", 1),
        ("4.3", "3.3;1.3;2.1", 1), ("4.3", "3.3", 1),
    ];

    // Where projects take place, by region; the two years draw from them in different proportions.
    private static readonly Dictionary<string, (string Country, string City)[]> Places = new()
    {
        ["AFR"] = [("Kenya", "Kisumu"), ("Mozambique", "Maputo"), ("Ghana", "Accra"), ("Ethiopia", "Addis Ababa"), ("Somalia", "Mogadishu"), ("Cameroon", "Douala"), ("Rwanda", "Kigali"), ("Nigeria", "Lagos")],
        ["ARB"] = [("Iraq", "Mosul"), ("Lebanon", "Tripoli"), ("Egypt", "Alexandria"), ("Jordan", "Zarqa"), ("Tunisia", "Sfax")],
        ["ASP"] = [("Philippines", "Marawi"), ("Bangladesh", "Khulna"), ("Myanmar", "Yangon"), ("Afghanistan", "Herat"), ("Fiji", "Lami"), ("Viet Nam", "Da Nang"), ("Mongolia", "Ulaanbaatar")],
        ["EUR"] = [("Ukraine", "Kharkiv"), ("North Macedonia", "Skopje")],
        ["GLO"] = [("Global", "selected cities"), ("Interregional", "partner cities")],
        ["LAC"] = [("Colombia", "Medellín"), ("Mexico", "Mérida"), ("Brazil", "Recife"), ("Ecuador", "Quito"), ("Haiti", "Port-au-Prince")],
    };

    private static readonly string[] RegionCycle2020 = ["AFR", "ASP", "AFR", "ARB", "LAC", "AFR", "ASP", "GLO", "AFR", "ARB", "ASP", "LAC", "AFR", "EUR", "ASP", "ARB", "AFR", "GLO"];
    private static readonly string[] RegionCycle2021 = ["ASP", "AFR", "LAC", "ASP", "ARB", "AFR", "ASP", "GLO", "LAC", "AFR", "ASP", "EUR", "ARB", "AFR"];

    private static readonly Dictionary<string, string[]> Activities = new()
    {
        ["1.1"] = ["Improving access to water, sanitation and public space", "Sustainable urban mobility for", "Safe and inclusive public spaces for", "Upgrading basic services in informal settlements of"],
        ["1.2"] = ["Secure land tenure for urban households of", "Affordable housing strategy for", "Participatory slum upgrading in", "Land administration reform for"],
        ["1.3"] = ["Planned city extension of", "Regeneration of the historic centre of", "Urban growth management plan for", "Post-crisis reconstruction planning for"],
        ["2.1"] = ["Metropolitan connectivity plan for", "Urban-rural linkages in the region of", "Productive urban corridors for"],
        ["2.2"] = ["Own-source revenue systems for", "Property tax reform in", "Land-based finance for"],
        ["2.3"] = ["People-centred smart city strategy for", "Digital planning tools for", "Urban innovation lab in"],
        ["3.1"] = ["Low-emission mobility for", "Clean air action plan for", "Energy-efficient public buildings in"],
        ["3.2"] = ["Waste wise city programme in", "Protecting urban wetlands of", "Circular economy pilots in"],
        ["3.3"] = ["Climate adaptation for vulnerable communities of", "Resilient settlements for the urban poor of", "Nature-based flood protection for"],
        ["4.1"] = ["Inclusive neighbourhood planning in", "Social cohesion through public space in", "Youth-led community development in"],
        ["4.2"] = ["Urban recovery and housing for returnees in", "Integration of displaced persons in", "Durable solutions for displaced communities in"],
        ["4.3"] = ["Resilient infrastructure and building codes for", "Urban resilience profiling of", "Disaster risk reduction for"],
    };

    // Average project size by primary outcome: a large operational portfolio on basic services and
    // crisis response, a thin one on climate.
    private static readonly Dictionary<string, double> BudgetBase = new()
    {
        ["1.1"] = 2_400_000, ["1.2"] = 1_600_000, ["1.3"] = 1_800_000, ["2.1"] = 1_200_000, ["2.2"] = 600_000, ["2.3"] = 900_000,
        ["3.1"] = 500_000, ["3.2"] = 400_000, ["3.3"] = 900_000, ["4.1"] = 1_000_000, ["4.2"] = 2_800_000, ["4.3"] = 1_100_000,
    };

    public sealed record SampleProject(string Id, int Year, string Title, string Region, string Country, string Primary,
        string Secondary, bool Covid, double Budget, string? Flagship);

    /// <summary>Expands the portfolio tables into projects, deterministically.</summary>
    public static IReadOnlyList<SampleProject> Projects()
    {
        var list = new List<SampleProject>();
        foreach (var (year, spec, covidCount, regionCycle) in new[]
                 {
                     (2020, Portfolio2020, 20, RegionCycle2020),
                     (2021, Portfolio2021, 6, RegionCycle2021),
                 })
        {
            var rows = spec.SelectMany(s => Enumerable.Repeat((s.Primary, s.Secondary), s.Count)).ToList();
            var perOutcome = new Dictionary<string, int>();
            var perRegion = new Dictionary<string, int>();
            for (int i = 0; i < rows.Count; i++)
            {
                var (primary, secondary) = rows[i];
                int k = perOutcome[primary] = perOutcome.GetValueOrDefault(primary) + 1;
                string region = regionCycle[i % regionCycle.Length];
                int r = perRegion[region] = perRegion.GetValueOrDefault(region) + 1;
                var places = Places[region];
                var (country, city) = places[(r + k) % places.Length];
                var activities = Activities[primary];
                string activity = activities[(k - 1) % activities.Length];
                string title = activity.EndsWith(" of") || activity.EndsWith(" in") || activity.EndsWith(" for")
                    ? $"{activity} {city}"
                    : $"{activity} in {city}";
                // Spread the COVID-19 projects evenly: project i is one when the running count steps up.
                bool covid = (i + 1) * covidCount / rows.Count > i * covidCount / rows.Count;
                double budget = Math.Round(BudgetBase[primary] * (0.6 + 0.1 * (i * 7 % 9)) / 10_000) * 10_000;
                list.Add(new SampleProject($"PRC{year % 100:00}-{i + 1:000}", year, title, region, country, primary,
                    secondary.Replace(";", "; "), covid, budget, FlagshipOf(primary, k)));
            }
        }
        return list;
    }

    private static string? FlagshipOf(string primary, int k) => primary switch
    {
        "1.3" when k % 2 == 1 => "FP1",
        "2.3" when k % 2 == 1 => "FP2",
        "3.3" when k % 2 == 1 => "FP3",
        "4.2" when k % 2 == 1 => "FP4",
        "2.2" => "FP5",
        "1.1" when k % 4 == 0 => "FP5",
        _ => null,
    };
}
