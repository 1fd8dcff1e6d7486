using ReportGen.Packaging;

namespace ReportGen.Sample;

/// <summary>
/// The Russian names of the sample's domains, outcomes, indicators, regions, services and flagship
/// programmes, in the terminology of UN-Habitat's Russian documents (ООН-Хабитат, области
/// изменений, итоговые результаты, флагманские программы), keyed by their English. Every <c>_en</c>
/// column of the sample gets a <c>_ru</c> column from here (<see cref="WithRussian"/>).
/// </summary>
internal static class SampleRussian
{
    /// <summary>The sheet with a <c>…_ru</c> column after its columns for each <c>…_en</c> column, its width the English's.</summary>
    public static SheetData WithRussian(SheetData sheet)
    {
        var english = sheet.Header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith("_en", StringComparison.Ordinal)).ToList();
        if (english.Count == 0) return sheet;
        return new SheetData(sheet.Name, [.. sheet.Header, .. english.Select(c => c.h[..^3] + "_ru")],
            sheet.Rows.Select(row => (object?[])[.. row, .. english.Select(c => (object?)Of((string)row[c.i]!))]).ToList(),
            sheet.ColumnWidths is { } widths ? [.. widths, .. english.Select(c => widths[c.i])] : null);
    }

    /// <summary>The Russian of an English name of the sample; a name without one is a mistake in this table.</summary>
    public static string Of(string english) =>
        Names.TryGetValue(english, out var russian) ? russian : throw new KeyNotFoundException($"no Russian for the sample's name '{english}'");

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // Domains of change
        ["Reduced spatial inequality and poverty in communities across the urban-rural continuum"] = "Сокращение пространственного неравенства и бедности в общинах на всем протяжении континуума «город — село»",
        ["Enhanced shared prosperity of cities and regions"] = "Повышение общего благосостояния городов и регионов",
        ["Strengthened climate action and improved urban environment"] = "Активизация борьбы с изменением климата и улучшение городской среды",
        ["Effective urban crisis prevention and response"] = "Эффективное предотвращение городских кризисов и реагирование на них",
        // Outcomes, then their short names
        ["Increased and equal access to basic services, sustainable mobility and public space"] = "Расширение и выравнивание доступа к базовым услугам, устойчивой мобильности и общественным пространствам",
        ["Increased and secure access to land, and adequate and affordable housing"] = "Расширение и обеспечение гарантированного доступа к земле, а также к достаточному и доступному жилью",
        ["Effective settlements growth and regeneration"] = "Эффективный рост и обновление населенных пунктов",
        ["Improved spatial connectivity and productivity of cities and regions"] = "Улучшение пространственной связанности и повышение производительности городов и регионов",
        ["Increased and equitably distributed, locally generated revenues"] = "Увеличение и справедливое распределение доходов, получаемых на местах",
        ["Expanded deployment of frontier technologies and innovations for urban development"] = "Более широкое внедрение передовых технологий и инноваций в интересах развития городов",
        ["Reduced greenhouse emissions and improved air quality"] = "Сокращение выбросов парниковых газов и улучшение качества воздуха",
        ["Improved resource efficiency and protection of ecological assets"] = "Повышение эффективности использования ресурсов и охрана экологических активов",
        ["Effective adaptation of communities and infrastructure to climate change"] = "Эффективная адаптация общин и инфраструктуры к изменению климата",
        ["Enhanced social integration and inclusive communities"] = "Укрепление социальной интеграции и инклюзивности общин",
        ["Improved living standards and inclusion of migrants, refugees, internally displaced persons and returnees through effective crisis response and recovery"] = "Повышение уровня жизни и интеграция мигрантов, беженцев, внутренне перемещенных лиц и возвращенцев благодаря эффективному реагированию на кризисы и восстановлению",
        ["Enhanced resilience of the built environment and infrastructure"] = "Повышение устойчивости застроенной среды и инфраструктуры",
        ["basic services, mobility and public space"] = "базовые услуги, мобильность и общественные пространства",
        ["land and housing"] = "земля и жилье",
        ["settlements growth and regeneration"] = "рост и обновление населенных пунктов",
        ["spatial connectivity and productivity"] = "пространственная связанность и производительность",
        ["locally generated revenues"] = "доходы, получаемые на местах",
        ["frontier technologies and innovations"] = "передовые технологии и инновации",
        ["emissions and air quality"] = "выбросы и качество воздуха",
        ["resource efficiency and ecological assets"] = "эффективность использования ресурсов и экологические активы",
        ["adaptation to climate change"] = "адаптация к изменению климата",
        ["social integration and inclusive communities"] = "социальная интеграция и инклюзивные общины",
        ["migrants, refugees and displaced persons"] = "мигранты, беженцы и перемещенные лица",
        ["resilience of the built environment"] = "устойчивость застроенной среды",
        // Indicators
        ["Partner cities with improved access to basic services"] = "Города-партнеры, в которых улучшился доступ к базовым услугам",
        ["People with better access to public space (millions)"] = "Люди, получившие лучший доступ к общественным пространствам (млн)",
        ["Countries adopting housing policies supported by UN-Habitat"] = "Страны, принявшие жилищную политику при поддержке ООН-Хабитат",
        ["Share of urban residents in supported cities living in slums"] = "Доля городских жителей городов, получающих поддержку, которые живут в трущобах",
        ["Cities applying planned city extension or regeneration plans"] = "Города, применяющие планы планового расширения или обновления",
        ["Hectares of urban land regenerated"] = "Площадь обновленных городских земель (га)",
        ["Metropolitan and regional plans improving spatial connectivity"] = "Столичные и региональные планы, улучшающие пространственную связанность",
        ["Cities with improved urban productivity diagnostics"] = "Города с усовершенствованной диагностикой производительности",
        ["Cities with enhanced own-source revenue systems"] = "Города с укрепленными системами собственных доходов",
        ["Increase in own-source revenue in supported cities"] = "Рост собственных доходов городов, получающих поддержку",
        ["Cities using digital tools from UN-Habitat for planning"] = "Города, использующие цифровые инструменты ООН-Хабитат для планирования",
        ["Innovation challenges and urban labs launched"] = "Проведенные конкурсы инноваций и созданные городские лаборатории",
        ["Greenhouse gas emissions of partner cities (million tonnes CO₂e)"] = "Выбросы парниковых газов городов-партнеров (млн т CO₂-экв.)",
        ["Cities with air quality action plans"] = "Города, имеющие планы действий по улучшению качества воздуха",
        ["Cities with solid waste management strategies"] = "Города, имеющие стратегии управления твердыми отходами",
        ["Urban ecosystems under protection plans"] = "Городские экосистемы, охваченные планами охраны",
        ["Cities implementing climate adaptation plans"] = "Города, осуществляющие планы адаптации к изменению климата",
        ["Vulnerable people benefiting from adaptation measures (thousands)"] = "Уязвимые люди, получившие пользу от мер по адаптации (тыс.)",
        ["Cities with inclusive community plans"] = "Города, имеющие инклюзивные планы развития общин",
        ["Community organizations participating in planning"] = "Общинные организации, участвующие в планировании",
        ["Displaced persons and returnees with improved living conditions (thousands)"] = "Перемещенные лица и возвращенцы, условия жизни которых улучшились (тыс.)",
        ["Crisis-affected cities with recovery profiles"] = "Пострадавшие от кризисов города, имеющие профили восстановления",
        ["Cities with resilience action plans"] = "Города, имеющие планы действий по повышению устойчивости",
        ["National building codes revised for resilience"] = "Национальные строительные нормы, пересмотренные с учетом требований устойчивости",
        // Regions
        ["Africa"] = "Африка",
        ["Arab States"] = "Арабские государства",
        ["Asia and the Pacific"] = "Азия и Тихий океан",
        ["Europe"] = "Европа",
        ["Global and interregional"] = "Глобальный и межрегиональный уровень",
        ["Latin America and the Caribbean"] = "Латинская Америка и Карибский бассейн",
        // Services
        ["Citywide public space assessment"] = "Общегородская оценка общественных пространств",
        ["Sustainable urban mobility planning"] = "Планирование устойчивой городской мобильности",
        ["Water and sanitation utility partnerships"] = "Партнерства коммунальных служб водоснабжения и санитарии",
        ["Urban basic services diagnostics"] = "Диагностика базовых городских услуг",
        ["Safer cities audits for public space"] = "Проверки общественных пространств по программе «Более безопасные города»",
        ["Non-motorized transport design guidance"] = "Руководство по проектированию немоторизованного транспорта",
        ["Energy access for informal settlements"] = "Доступ к энергии для неформальных поселений",
        ["Street connectivity and walkability toolkit"] = "Набор инструментов по связанности улиц и пешеходной доступности",
        ["Public space design with communities"] = "Проектирование общественных пространств вместе с общинами",
        ["Housing profile and policy advice"] = "Профиль жилищного сектора и консультации по вопросам политики",
        ["Land tenure security tools (continuum of land rights)"] = "Инструменты обеспечения гарантий землевладения (континуум земельных прав)",
        ["Participatory slum upgrading"] = "Благоустройство трущоб на основе участия",
        ["Affordable housing finance advisory"] = "Консультации по финансированию доступного жилья",
        ["Fit-for-purpose land administration"] = "Целесообразное управление земельными ресурсами",
        ["Planned city extension"] = "Плановое расширение городов",
        ["Urban regeneration strategies"] = "Стратегии обновления городов",
        ["Rapid planning studios"] = "Студии ускоренного планирования",
        ["Urban planning law review"] = "Обзор законодательства о градостроительстве",
        ["Metropolitan and regional planning"] = "Столичное и региональное планирование",
        ["Urban-rural linkages guiding principles"] = "Руководящие принципы связей между городом и селом",
        ["Urban economy and productivity diagnostics"] = "Диагностика городской экономики и производительности",
        ["Own-source revenue enhancement"] = "Увеличение собственных доходов",
        ["Land-based finance tools"] = "Инструменты финансирования на основе земельных ресурсов",
        ["Digital urban planning platforms"] = "Цифровые платформы городского планирования",
        ["People-centred smart city assessment"] = "Оценка ориентированных на людей «умных» городов",
        ["Urban innovation challenges"] = "Конкурсы городских инноваций",
        ["Open urban data and geospatial services"] = "Открытые городские данные и геопространственные услуги",
        ["Low-emission urban development strategies"] = "Стратегии городского развития с низким уровнем выбросов",
        ["Urban air quality action planning"] = "Планирование мер по улучшению качества воздуха в городах",
        ["Energy-efficient buildings guidance"] = "Руководство по энергоэффективным зданиям",
        ["Electric mobility transition support"] = "Поддержка перехода на электромобильность",
        ["City climate action plan support"] = "Поддержка городских планов действий в области климата",
        ["Greenhouse gas inventories for cities"] = "Кадастры парниковых газов для городов",
        ["Waste wise cities tool"] = "Инструмент «Waste Wise Cities»",
        ["Circular economy in cities"] = "Экономика замкнутого цикла в городах",
        ["Urban ecosystem and biodiversity planning"] = "Планирование городских экосистем и биоразнообразия",
        ["Resource-efficient urban water management"] = "Ресурсоэффективное управление городскими водными ресурсами",
        ["Green and blue infrastructure guidance"] = "Руководство по зеленой и голубой инфраструктуре",
        ["Climate vulnerability assessments"] = "Оценка уязвимости к изменению климата",
        ["Community-based adaptation planning"] = "Планирование адаптации на уровне общин",
        ["Nature-based solutions for adaptation"] = "Природоориентированные решения для адаптации",
        ["Climate-resilient infrastructure design"] = "Проектирование устойчивой к изменению климата инфраструктуры",
        ["Adaptation finance project preparation"] = "Подготовка проектов для финансирования адаптации",
        ["Inclusive community planning"] = "Инклюзивное планирование на уровне общин",
        ["Gender-responsive urban planning"] = "Градостроительное планирование с учетом гендерной проблематики",
        ["Youth engagement in urban governance"] = "Участие молодежи в городском управлении",
        ["Urban profiling in displacement contexts"] = "Составление профилей городов в условиях перемещения населения",
        ["City resilience profiling tool"] = "Инструмент составления профилей устойчивости городов",
        // Flagship programmes
        ["Inclusive Communities, Thriving Cities"] = "Инклюзивные общины, процветающие города",
        ["People-Centred Smart Cities"] = "Ориентированные на людей «умные» города",
        ["Resilient Settlements for the Urban Poor (RISE UP)"] = "Устойчивые поселения для городской бедноты (RISE UP)",
        ["Inclusive Cities: Enhancing the Positive Impacts of Urban Migration"] = "Инклюзивные города: усиление позитивного воздействия городской миграции",
        ["SDG Cities"] = "Города ЦУР",
    };
}
