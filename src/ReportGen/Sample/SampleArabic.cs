using ReportGen.Packaging;

namespace ReportGen.Sample;

/// <summary>
/// The Arabic names of the sample's domains, outcomes, indicators, regions, services and flagship
/// programmes, in the terms of UN-Habitat's Arabic documents (موئل الأمم المتحدة), keyed by their
/// English. Every <c>_en</c> column of the sample gets an <c>_ar</c> column from here (<see cref="WithArabic"/>).
/// </summary>
internal static class SampleArabic
{
    /// <summary>The sheet with an <c>…_ar</c> column after its columns for each <c>…_en</c> column, its width the English's.</summary>
    public static SheetData WithArabic(SheetData sheet)
    {
        var english = sheet.Header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith("_en", StringComparison.Ordinal)).ToList();
        if (english.Count == 0) return sheet;
        return new SheetData(sheet.Name, [.. sheet.Header, .. english.Select(c => c.h[..^3] + "_ar")],
            sheet.Rows.Select(row => (object?[])[.. row, .. english.Select(c => (object?)Of((string)row[c.i]!))]).ToList(),
            sheet.ColumnWidths is { } widths ? [.. widths, .. english.Select(c => widths[c.i])] : null);
    }

    /// <summary>The Arabic of an English name of the sample; a name without one is a mistake in this table.</summary>
    public static string Of(string english) =>
        Names.TryGetValue(english, out var arabic) ? arabic : throw new KeyNotFoundException($"no Arabic for the sample's name '{english}'");

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // Domains of change
        ["Reduced spatial inequality and poverty in communities across the urban-rural continuum"] = "الحد من أوجه عدم المساواة المكانية والفقر في المجتمعات المحلية على امتداد السلسلة المتصلة بين المناطق الحضرية والريفية",
        ["Enhanced shared prosperity of cities and regions"] = "تعزيز الرخاء المشترك للمدن والمناطق",
        ["Strengthened climate action and improved urban environment"] = "تعزيز العمل المناخي وتحسين البيئة الحضرية",
        ["Effective urban crisis prevention and response"] = "الفعالية في منع الأزمات الحضرية والتصدي لها",
        // Outcomes, then their short names
        ["Increased and equal access to basic services, sustainable mobility and public space"] = "زيادة فرص الحصول على الخدمات الأساسية والتنقل المستدام والأماكن العامة والمساواة في ذلك",
        ["Increased and secure access to land, and adequate and affordable housing"] = "زيادة فرص الحصول الآمن على الأراضي والسكن اللائق الميسور التكلفة",
        ["Effective settlements growth and regeneration"] = "الفعالية في نمو المستوطنات وتجديدها",
        ["Improved spatial connectivity and productivity of cities and regions"] = "تحسين الترابط المكاني للمدن والمناطق وإنتاجيتها",
        ["Increased and equitably distributed, locally generated revenues"] = "زيادة الإيرادات المتأتية محليا وتوزيعها توزيعا منصفا",
        ["Expanded deployment of frontier technologies and innovations for urban development"] = "التوسع في استخدام التكنولوجيات الرائدة والابتكارات في التنمية الحضرية",
        ["Reduced greenhouse emissions and improved air quality"] = "خفض انبعاثات غازات الدفيئة وتحسين نوعية الهواء",
        ["Improved resource efficiency and protection of ecological assets"] = "تحسين كفاءة استخدام الموارد وحماية الأصول الإيكولوجية",
        ["Effective adaptation of communities and infrastructure to climate change"] = "الفعالية في تكيف المجتمعات المحلية والبنى التحتية مع تغير المناخ",
        ["Enhanced social integration and inclusive communities"] = "تعزيز الاندماج الاجتماعي والمجتمعات المحلية الشاملة للجميع",
        ["Improved living standards and inclusion of migrants, refugees, internally displaced persons and returnees through effective crisis response and recovery"] = "تحسين مستويات معيشة المهاجرين واللاجئين والمشردين داخليا والعائدين وإدماجهم من خلال الفعالية في التصدي للأزمات والتعافي منها",
        ["Enhanced resilience of the built environment and infrastructure"] = "تعزيز قدرة البيئة المبنية والبنى التحتية على الصمود",
        ["basic services, mobility and public space"] = "الخدمات الأساسية والتنقل والأماكن العامة",
        ["land and housing"] = "الأراضي والسكن",
        ["settlements growth and regeneration"] = "نمو المستوطنات وتجديدها",
        ["spatial connectivity and productivity"] = "الترابط المكاني والإنتاجية",
        ["locally generated revenues"] = "الإيرادات المتأتية محليا",
        ["frontier technologies and innovations"] = "التكنولوجيات الرائدة والابتكارات",
        ["emissions and air quality"] = "الانبعاثات ونوعية الهواء",
        ["resource efficiency and ecological assets"] = "كفاءة استخدام الموارد والأصول الإيكولوجية",
        ["adaptation to climate change"] = "التكيف مع تغير المناخ",
        ["social integration and inclusive communities"] = "الاندماج الاجتماعي والمجتمعات المحلية الشاملة",
        ["migrants, refugees and displaced persons"] = "المهاجرون واللاجئون والمشردون",
        ["resilience of the built environment"] = "قدرة البيئة المبنية على الصمود",
        // Indicators
        ["Partner cities with improved access to basic services"] = "المدن الشريكة التي تحسنت فيها فرص الحصول على الخدمات الأساسية",
        ["People with better access to public space (millions)"] = "الأشخاص الذين تحسنت فرص وصولهم إلى الأماكن العامة (بالملايين)",
        ["Countries adopting housing policies supported by UN-Habitat"] = "البلدان التي تعتمد سياسات للسكن يدعمها موئل الأمم المتحدة",
        ["Share of urban residents in supported cities living in slums"] = "نسبة سكان المدن المدعومة الذين يعيشون في الأحياء الفقيرة",
        ["Cities applying planned city extension or regeneration plans"] = "المدن التي تطبق خططا للتوسع الحضري المخطط أو للتجديد",
        ["Hectares of urban land regenerated"] = "الهكتارات المجددة من الأراضي الحضرية",
        ["Metropolitan and regional plans improving spatial connectivity"] = "خطط المناطق الحضرية الكبرى والخطط الإقليمية التي تحسن الترابط المكاني",
        ["Cities with improved urban productivity diagnostics"] = "المدن التي تحسنت فيها تشخيصات الإنتاجية الحضرية",
        ["Cities with enhanced own-source revenue systems"] = "المدن التي عززت نظم إيراداتها الذاتية",
        ["Increase in own-source revenue in supported cities"] = "الزيادة في الإيرادات الذاتية للمدن المدعومة",
        ["Cities using digital tools from UN-Habitat for planning"] = "المدن التي تستخدم أدوات موئل الأمم المتحدة الرقمية في التخطيط",
        ["Innovation challenges and urban labs launched"] = "مسابقات الابتكار والمختبرات الحضرية التي أطلقت",
        ["Greenhouse gas emissions of partner cities (million tonnes CO₂e)"] = "انبعاثات غازات الدفيئة من المدن الشريكة (بملايين الأطنان من مكافئ CO₂)",
        ["Cities with air quality action plans"] = "المدن التي لديها خطط عمل بشأن نوعية الهواء",
        ["Cities with solid waste management strategies"] = "المدن التي لديها استراتيجيات لإدارة النفايات الصلبة",
        ["Urban ecosystems under protection plans"] = "النظم الإيكولوجية الحضرية المشمولة بخطط للحماية",
        ["Cities implementing climate adaptation plans"] = "المدن التي تنفذ خططا للتكيف مع تغير المناخ",
        ["Vulnerable people benefiting from adaptation measures (thousands)"] = "الأشخاص الضعفاء المستفيدون من تدابير التكيف (بالآلاف)",
        ["Cities with inclusive community plans"] = "المدن التي لديها خطط مجتمعية شاملة للجميع",
        ["Community organizations participating in planning"] = "المنظمات المجتمعية المشاركة في التخطيط",
        ["Displaced persons and returnees with improved living conditions (thousands)"] = "المشردون والعائدون الذين تحسنت ظروف معيشتهم (بالآلاف)",
        ["Crisis-affected cities with recovery profiles"] = "المدن المتضررة من الأزمات التي لديها لمحات عن التعافي",
        ["Cities with resilience action plans"] = "المدن التي لديها خطط عمل لتعزيز القدرة على الصمود",
        ["National building codes revised for resilience"] = "قوانين البناء الوطنية المنقحة لتعزيز القدرة على الصمود",
        // Regions
        ["Africa"] = "أفريقيا",
        ["Arab States"] = "الدول العربية",
        ["Asia and the Pacific"] = "آسيا والمحيط الهادئ",
        ["Europe"] = "أوروبا",
        ["Global and interregional"] = "الصعيد العالمي والأقاليمي",
        ["Latin America and the Caribbean"] = "أمريكا اللاتينية ومنطقة البحر الكاريبي",
        // Services
        ["Citywide public space assessment"] = "تقييم الأماكن العامة على نطاق المدينة",
        ["Sustainable urban mobility planning"] = "تخطيط التنقل الحضري المستدام",
        ["Water and sanitation utility partnerships"] = "الشراكات بين مرافق المياه والصرف الصحي",
        ["Urban basic services diagnostics"] = "تشخيص الخدمات الحضرية الأساسية",
        ["Safer cities audits for public space"] = "عمليات مراجعة الأماكن العامة في إطار مبادرة «مدن أكثر أمانا»",
        ["Non-motorized transport design guidance"] = "توجيهات لتصميم وسائل النقل غير الآلية",
        ["Energy access for informal settlements"] = "الحصول على الطاقة في المستوطنات غير الرسمية",
        ["Street connectivity and walkability toolkit"] = "مجموعة أدوات بشأن ترابط الشوارع وقابلية المشي فيها",
        ["Public space design with communities"] = "تصميم الأماكن العامة بالاشتراك مع المجتمعات المحلية",
        ["Housing profile and policy advice"] = "لمحات عن السكن ومشورة في مجال السياسات",
        ["Land tenure security tools (continuum of land rights)"] = "أدوات ضمان حيازة الأراضي (السلسلة المتصلة لحقوق الأراضي)",
        ["Participatory slum upgrading"] = "الارتقاء بالأحياء الفقيرة بالمشاركة",
        ["Affordable housing finance advisory"] = "المشورة بشأن تمويل السكن الميسور التكلفة",
        ["Fit-for-purpose land administration"] = "إدارة الأراضي الملائمة للغرض",
        ["Planned city extension"] = "التوسع الحضري المخطط",
        ["Urban regeneration strategies"] = "استراتيجيات التجديد الحضري",
        ["Rapid planning studios"] = "مراسم التخطيط السريع",
        ["Urban planning law review"] = "استعراض قوانين التخطيط الحضري",
        ["Metropolitan and regional planning"] = "التخطيط الحضري الكبير والإقليمي",
        ["Urban-rural linkages guiding principles"] = "المبادئ التوجيهية للروابط بين المناطق الحضرية والريفية",
        ["Urban economy and productivity diagnostics"] = "تشخيص الاقتصاد الحضري والإنتاجية",
        ["Own-source revenue enhancement"] = "زيادة الإيرادات الذاتية",
        ["Land-based finance tools"] = "أدوات التمويل القائم على الأراضي",
        ["Digital urban planning platforms"] = "منصات التخطيط الحضري الرقمية",
        ["People-centred smart city assessment"] = "تقييم المدن الذكية المتمحورة حول الناس",
        ["Urban innovation challenges"] = "مسابقات الابتكار الحضري",
        ["Open urban data and geospatial services"] = "البيانات الحضرية المفتوحة والخدمات الجغرافية المكانية",
        ["Low-emission urban development strategies"] = "استراتيجيات التنمية الحضرية المنخفضة الانبعاثات",
        ["Urban air quality action planning"] = "تخطيط العمل بشأن نوعية الهواء في المدن",
        ["Energy-efficient buildings guidance"] = "توجيهات بشأن المباني الموفرة للطاقة",
        ["Electric mobility transition support"] = "دعم الانتقال إلى التنقل الكهربائي",
        ["City climate action plan support"] = "دعم خطط العمل المناخي للمدن",
        ["Greenhouse gas inventories for cities"] = "قوائم جرد غازات الدفيئة للمدن",
        ["Waste wise cities tool"] = "أداة «المدن الحكيمة في إدارة النفايات»",
        ["Circular economy in cities"] = "الاقتصاد الدائري في المدن",
        ["Urban ecosystem and biodiversity planning"] = "تخطيط النظم الإيكولوجية الحضرية والتنوع البيولوجي",
        ["Resource-efficient urban water management"] = "إدارة المياه الحضرية بكفاءة في استخدام الموارد",
        ["Green and blue infrastructure guidance"] = "توجيهات بشأن البنى التحتية الخضراء والزرقاء",
        ["Climate vulnerability assessments"] = "تقييمات قابلية التأثر بتغير المناخ",
        ["Community-based adaptation planning"] = "تخطيط التكيف المجتمعي",
        ["Nature-based solutions for adaptation"] = "الحلول القائمة على الطبيعة من أجل التكيف",
        ["Climate-resilient infrastructure design"] = "تصميم بنى تحتية قادرة على الصمود أمام تغير المناخ",
        ["Adaptation finance project preparation"] = "إعداد مشاريع تمويل التكيف",
        ["Inclusive community planning"] = "التخطيط المجتمعي الشامل للجميع",
        ["Gender-responsive urban planning"] = "التخطيط الحضري المراعي للاعتبارات الجنسانية",
        ["Youth engagement in urban governance"] = "إشراك الشباب في الحوكمة الحضرية",
        ["Urban profiling in displacement contexts"] = "إعداد اللمحات الحضرية في سياقات التشرد",
        ["City resilience profiling tool"] = "أداة إعداد لمحات عن قدرة المدن على الصمود",
        // Flagship programmes
        ["Inclusive Communities, Thriving Cities"] = "مجتمعات محلية شاملة للجميع ومدن مزدهرة",
        ["People-Centred Smart Cities"] = "مدن ذكية متمحورة حول الناس",
        ["Resilient Settlements for the Urban Poor (RISE UP)"] = "مستوطنات قادرة على الصمود لفقراء المدن (RISE UP)",
        ["Inclusive Cities: Enhancing the Positive Impacts of Urban Migration"] = "مدن شاملة للجميع: تعزيز الآثار الإيجابية للهجرة الحضرية",
        ["SDG Cities"] = "مدن أهداف التنمية المستدامة",
    };
}
