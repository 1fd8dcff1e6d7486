using ReportGen.Packaging;

namespace ReportGen.Sample;

/// <summary>
/// The Spanish names of the sample's domains, outcomes, indicators, regions, services and flagship
/// programmes, in UN-Habitat's Spanish terminology (ONU-Hábitat, esferas de cambio, programas
/// emblemáticos), keyed by their English. Every <c>_en</c> column of the sample gets a <c>_es</c>
/// column from here (<see cref="WithSpanish"/>), after the French ones.
/// </summary>
internal static class SampleSpanish
{
    /// <summary>The sheet with a <c>…_es</c> column after its columns for each <c>…_en</c> column, its width the English's.</summary>
    public static SheetData WithSpanish(SheetData sheet)
    {
        var english = sheet.Header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith("_en", StringComparison.Ordinal)).ToList();
        if (english.Count == 0) return sheet;
        return new SheetData(sheet.Name, [.. sheet.Header, .. english.Select(c => c.h[..^3] + "_es")],
            sheet.Rows.Select(row => (object?[])[.. row, .. english.Select(c => (object?)Of((string)row[c.i]!))]).ToList(),
            sheet.ColumnWidths is { } widths ? [.. widths, .. english.Select(c => widths[c.i])] : null);
    }

    /// <summary>The Spanish of an English name of the sample; a name without one is a mistake in this table.</summary>
    public static string Of(string english) =>
        Names.TryGetValue(english, out var spanish) ? spanish : throw new KeyNotFoundException($"no Spanish for the sample's name '{english}'");

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // Domains of change
        ["Reduced spatial inequality and poverty in communities across the urban-rural continuum"] = "Reducción de la desigualdad espacial y la pobreza en las comunidades de todo el continuo urbano-rural",
        ["Enhanced shared prosperity of cities and regions"] = "Aumento de la prosperidad compartida de las ciudades y las regiones",
        ["Strengthened climate action and improved urban environment"] = "Fortalecimiento de la acción climática y mejora del medio urbano",
        ["Effective urban crisis prevention and response"] = "Prevención y respuesta eficaces ante las crisis urbanas",
        // Outcomes, then their short names
        ["Increased and equal access to basic services, sustainable mobility and public space"] = "Acceso mayor y equitativo a los servicios básicos, la movilidad sostenible y los espacios públicos",
        ["Increased and secure access to land, and adequate and affordable housing"] = "Acceso mayor y seguro a la tierra y a una vivienda adecuada y asequible",
        ["Effective settlements growth and regeneration"] = "Crecimiento y regeneración eficaces de los asentamientos",
        ["Improved spatial connectivity and productivity of cities and regions"] = "Mejora de la conectividad espacial y la productividad de las ciudades y las regiones",
        ["Increased and equitably distributed, locally generated revenues"] = "Aumento y distribución equitativa de los ingresos generados localmente",
        ["Expanded deployment of frontier technologies and innovations for urban development"] = "Mayor despliegue de tecnologías de vanguardia e innovaciones para el desarrollo urbano",
        ["Reduced greenhouse emissions and improved air quality"] = "Reducción de las emisiones de gases de efecto invernadero y mejora de la calidad del aire",
        ["Improved resource efficiency and protection of ecological assets"] = "Mejora de la eficiencia en el uso de los recursos y protección de los bienes ecológicos",
        ["Effective adaptation of communities and infrastructure to climate change"] = "Adaptación eficaz de las comunidades y la infraestructura al cambio climático",
        ["Enhanced social integration and inclusive communities"] = "Mayor integración social y comunidades inclusivas",
        ["Improved living standards and inclusion of migrants, refugees, internally displaced persons and returnees through effective crisis response and recovery"] = "Mejora de las condiciones de vida y de la inclusión de los migrantes, los refugiados, los desplazados internos y los repatriados mediante una respuesta eficaz a las crisis y una recuperación eficaz",
        ["Enhanced resilience of the built environment and infrastructure"] = "Mayor resiliencia del entorno construido y la infraestructura",
        ["basic services, mobility and public space"] = "servicios básicos, movilidad y espacios públicos",
        ["land and housing"] = "tierra y vivienda",
        ["settlements growth and regeneration"] = "crecimiento y regeneración de los asentamientos",
        ["spatial connectivity and productivity"] = "conectividad espacial y productividad",
        ["locally generated revenues"] = "ingresos generados localmente",
        ["frontier technologies and innovations"] = "tecnologías de vanguardia e innovaciones",
        ["emissions and air quality"] = "emisiones y calidad del aire",
        ["resource efficiency and ecological assets"] = "uso eficiente de los recursos y bienes ecológicos",
        ["adaptation to climate change"] = "adaptación al cambio climático",
        ["social integration and inclusive communities"] = "integración social y comunidades inclusivas",
        ["migrants, refugees and displaced persons"] = "migrantes, refugiados y desplazados",
        ["resilience of the built environment"] = "resiliencia del entorno construido",
        // Indicators
        ["Partner cities with improved access to basic services"] = "Ciudades asociadas en que ha mejorado el acceso a los servicios básicos",
        ["People with better access to public space (millions)"] = "Personas con mejor acceso a los espacios públicos (millones)",
        ["Countries adopting housing policies supported by UN-Habitat"] = "Países que adoptan políticas de vivienda apoyadas por ONU-Hábitat",
        ["Share of urban residents in supported cities living in slums"] = "Proporción de habitantes de las ciudades apoyadas que viven en barrios marginales",
        ["Cities applying planned city extension or regeneration plans"] = "Ciudades que aplican planes de ampliación planificada o de regeneración urbana",
        ["Hectares of urban land regenerated"] = "Hectáreas de suelo urbano regeneradas",
        ["Metropolitan and regional plans improving spatial connectivity"] = "Planes metropolitanos y regionales que mejoran la conectividad espacial",
        ["Cities with improved urban productivity diagnostics"] = "Ciudades con mejores diagnósticos de la productividad urbana",
        ["Cities with enhanced own-source revenue systems"] = "Ciudades que han reforzado sus sistemas de ingresos propios",
        ["Increase in own-source revenue in supported cities"] = "Aumento de los ingresos propios de las ciudades apoyadas",
        ["Cities using digital tools from UN-Habitat for planning"] = "Ciudades que utilizan herramientas digitales de ONU-Hábitat para la planificación",
        ["Innovation challenges and urban labs launched"] = "Concursos de innovación y laboratorios urbanos puestos en marcha",
        ["Greenhouse gas emissions of partner cities (million tonnes CO₂e)"] = "Emisiones de gases de efecto invernadero de las ciudades asociadas (millones de toneladas de CO₂e)",
        ["Cities with air quality action plans"] = "Ciudades con planes de acción sobre la calidad del aire",
        ["Cities with solid waste management strategies"] = "Ciudades con estrategias de gestión de desechos sólidos",
        ["Urban ecosystems under protection plans"] = "Ecosistemas urbanos amparados por planes de protección",
        ["Cities implementing climate adaptation plans"] = "Ciudades que ejecutan planes de adaptación al cambio climático",
        ["Vulnerable people benefiting from adaptation measures (thousands)"] = "Personas vulnerables que se benefician de medidas de adaptación (miles)",
        ["Cities with inclusive community plans"] = "Ciudades con planes comunitarios inclusivos",
        ["Community organizations participating in planning"] = "Organizaciones comunitarias que participan en la planificación",
        ["Displaced persons and returnees with improved living conditions (thousands)"] = "Desplazados y repatriados cuyas condiciones de vida han mejorado (miles)",
        ["Crisis-affected cities with recovery profiles"] = "Ciudades afectadas por crisis que cuentan con perfiles de recuperación",
        ["Cities with resilience action plans"] = "Ciudades con planes de acción para la resiliencia",
        ["National building codes revised for resilience"] = "Códigos nacionales de construcción revisados en aras de la resiliencia",
        // Regions
        ["Africa"] = "África",
        ["Arab States"] = "Estados Árabes",
        ["Asia and the Pacific"] = "Asia y el Pacífico",
        ["Europe"] = "Europa",
        ["Global and interregional"] = "Mundial e interregional",
        ["Latin America and the Caribbean"] = "América Latina y el Caribe",
        // Services
        ["Citywide public space assessment"] = "Evaluación de los espacios públicos de toda la ciudad",
        ["Sustainable urban mobility planning"] = "Planificación de la movilidad urbana sostenible",
        ["Water and sanitation utility partnerships"] = "Alianzas entre empresas de agua y saneamiento",
        ["Urban basic services diagnostics"] = "Diagnóstico de los servicios básicos urbanos",
        ["Safer cities audits for public space"] = "Auditorías de “Ciudades más Seguras” de los espacios públicos",
        ["Non-motorized transport design guidance"] = "Orientaciones para el diseño del transporte no motorizado",
        ["Energy access for informal settlements"] = "Acceso a la energía en los asentamientos informales",
        ["Street connectivity and walkability toolkit"] = "Conjunto de herramientas sobre conectividad de las calles y transitabilidad peatonal",
        ["Public space design with communities"] = "Diseño de espacios públicos con las comunidades",
        ["Housing profile and policy advice"] = "Perfil de la vivienda y asesoramiento normativo",
        ["Land tenure security tools (continuum of land rights)"] = "Herramientas de seguridad de la tenencia de la tierra (continuo de derechos sobre la tierra)",
        ["Participatory slum upgrading"] = "Mejora participativa de los barrios marginales",
        ["Affordable housing finance advisory"] = "Asesoramiento sobre la financiación de la vivienda asequible",
        ["Fit-for-purpose land administration"] = "Administración de tierras adecuada a su finalidad",
        ["Planned city extension"] = "Ampliación planificada de las ciudades",
        ["Urban regeneration strategies"] = "Estrategias de regeneración urbana",
        ["Rapid planning studios"] = "Talleres de planificación rápida",
        ["Urban planning law review"] = "Examen de la legislación sobre planificación urbana",
        ["Metropolitan and regional planning"] = "Planificación metropolitana y regional",
        ["Urban-rural linkages guiding principles"] = "Principios rectores de los vínculos entre las zonas urbanas y rurales",
        ["Urban economy and productivity diagnostics"] = "Diagnóstico de la economía y la productividad urbanas",
        ["Own-source revenue enhancement"] = "Aumento de los ingresos propios",
        ["Land-based finance tools"] = "Herramientas de financiación basada en el suelo",
        ["Digital urban planning platforms"] = "Plataformas digitales de planificación urbana",
        ["People-centred smart city assessment"] = "Evaluación de ciudades inteligentes centradas en las personas",
        ["Urban innovation challenges"] = "Concursos de innovación urbana",
        ["Open urban data and geospatial services"] = "Datos urbanos abiertos y servicios geoespaciales",
        ["Low-emission urban development strategies"] = "Estrategias de desarrollo urbano con bajas emisiones",
        ["Urban air quality action planning"] = "Planificación de medidas para la calidad del aire urbano",
        ["Energy-efficient buildings guidance"] = "Orientaciones sobre edificios energéticamente eficientes",
        ["Electric mobility transition support"] = "Apoyo a la transición hacia la movilidad eléctrica",
        ["City climate action plan support"] = "Apoyo a los planes de acción climática de las ciudades",
        ["Greenhouse gas inventories for cities"] = "Inventarios de gases de efecto invernadero de las ciudades",
        ["Waste wise cities tool"] = "Herramienta “Waste Wise Cities”",
        ["Circular economy in cities"] = "Economía circular en las ciudades",
        ["Urban ecosystem and biodiversity planning"] = "Planificación de los ecosistemas urbanos y la biodiversidad",
        ["Resource-efficient urban water management"] = "Gestión del agua urbana eficiente en el uso de los recursos",
        ["Green and blue infrastructure guidance"] = "Orientaciones sobre infraestructura verde y azul",
        ["Climate vulnerability assessments"] = "Evaluaciones de la vulnerabilidad al cambio climático",
        ["Community-based adaptation planning"] = "Planificación comunitaria de la adaptación",
        ["Nature-based solutions for adaptation"] = "Soluciones basadas en la naturaleza para la adaptación",
        ["Climate-resilient infrastructure design"] = "Diseño de infraestructura resiliente al clima",
        ["Adaptation finance project preparation"] = "Preparación de proyectos de financiación de la adaptación",
        ["Inclusive community planning"] = "Planificación comunitaria inclusiva",
        ["Gender-responsive urban planning"] = "Planificación urbana con perspectiva de género",
        ["Youth engagement in urban governance"] = "Participación de los jóvenes en la gobernanza urbana",
        ["Urban profiling in displacement contexts"] = "Elaboración de perfiles urbanos en contextos de desplazamiento",
        ["City resilience profiling tool"] = "Herramienta de elaboración de perfiles de resiliencia urbana",
        // Flagship programmes
        ["Inclusive Communities, Thriving Cities"] = "Comunidades inclusivas, ciudades prósperas",
        ["People-Centred Smart Cities"] = "Ciudades inteligentes centradas en las personas",
        ["Resilient Settlements for the Urban Poor (RISE UP)"] = "Asentamientos resilientes para los pobres de las zonas urbanas (RISE UP)",
        ["Inclusive Cities: Enhancing the Positive Impacts of Urban Migration"] = "Ciudades inclusivas: potenciar los efectos positivos de la migración urbana",
        ["SDG Cities"] = "Ciudades ODS",
    };
}
