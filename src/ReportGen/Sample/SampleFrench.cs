using ReportGen.Packaging;

namespace ReportGen.Sample;

/// <summary>
/// The French names of the sample's domains, outcomes, indicators, regions, services and flagship
/// programmes, in UN-Habitat's French terminology, keyed by their English. Every <c>_en</c> column
/// of the sample gets a <c>_fr</c> column from here (<see cref="WithFrench"/>).
/// </summary>
internal static class SampleFrench
{
    /// <summary>The sheet with a <c>…_fr</c> column after its columns for each <c>…_en</c> column, its width the English's.</summary>
    public static SheetData WithFrench(SheetData sheet)
    {
        var english = sheet.Header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith("_en", StringComparison.Ordinal)).ToList();
        if (english.Count == 0) return sheet;
        return new SheetData(sheet.Name, [.. sheet.Header, .. english.Select(c => c.h[..^3] + "_fr")],
            sheet.Rows.Select(row => (object?[])[.. row, .. english.Select(c => (object?)Of((string)row[c.i]!))]).ToList(),
            sheet.ColumnWidths is { } widths ? [.. widths, .. english.Select(c => widths[c.i])] : null);
    }

    /// <summary>The French of an English name of the sample; a name without one is a mistake in this table.</summary>
    public static string Of(string english) =>
        Names.TryGetValue(english, out var french) ? french : throw new KeyNotFoundException($"no French for the sample's name '{english}'");

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // Domains of change
        ["Reduced spatial inequality and poverty in communities across the urban-rural continuum"] = "Réduction des inégalités spatiales et de la pauvreté dans les communautés de l’ensemble du continuum urbain-rural",
        ["Enhanced shared prosperity of cities and regions"] = "Prospérité partagée accrue des villes et des régions",
        ["Strengthened climate action and improved urban environment"] = "Renforcement de l’action climatique et amélioration de l’environnement urbain",
        ["Effective urban crisis prevention and response"] = "Prévention et intervention efficaces en cas de crise urbaine",
        // Outcomes, then their short names
        ["Increased and equal access to basic services, sustainable mobility and public space"] = "Accès accru et équitable aux services de base, à une mobilité durable et aux espaces publics",
        ["Increased and secure access to land, and adequate and affordable housing"] = "Accès accru et sûr à la terre et à un logement convenable et abordable",
        ["Effective settlements growth and regeneration"] = "Croissance et régénération efficaces des établissements humains",
        ["Improved spatial connectivity and productivity of cities and regions"] = "Amélioration de la connectivité spatiale et de la productivité des villes et des régions",
        ["Increased and equitably distributed, locally generated revenues"] = "Accroissement et répartition équitable des recettes générées localement",
        ["Expanded deployment of frontier technologies and innovations for urban development"] = "Déploiement élargi des technologies de pointe et des innovations au service du développement urbain",
        ["Reduced greenhouse emissions and improved air quality"] = "Réduction des émissions de gaz à effet de serre et amélioration de la qualité de l’air",
        ["Improved resource efficiency and protection of ecological assets"] = "Utilisation plus efficace des ressources et protection des biens écologiques",
        ["Effective adaptation of communities and infrastructure to climate change"] = "Adaptation efficace des communautés et des infrastructures aux changements climatiques",
        ["Enhanced social integration and inclusive communities"] = "Renforcement de l’intégration sociale et de l’inclusivité des communautés",
        ["Improved living standards and inclusion of migrants, refugees, internally displaced persons and returnees through effective crisis response and recovery"] = "Amélioration des conditions de vie et de l’inclusion des migrants, des réfugiés, des déplacés et des rapatriés grâce à des mesures efficaces d’intervention et de relèvement en cas de crise",
        ["Enhanced resilience of the built environment and infrastructure"] = "Renforcement de la résilience du cadre bâti et des infrastructures",
        ["basic services, mobility and public space"] = "services de base, mobilité et espaces publics",
        ["land and housing"] = "terre et logement",
        ["settlements growth and regeneration"] = "croissance et régénération des établissements humains",
        ["spatial connectivity and productivity"] = "connectivité spatiale et productivité",
        ["locally generated revenues"] = "recettes générées localement",
        ["frontier technologies and innovations"] = "technologies de pointe et innovations",
        ["emissions and air quality"] = "émissions et qualité de l’air",
        ["resource efficiency and ecological assets"] = "utilisation efficace des ressources et biens écologiques",
        ["adaptation to climate change"] = "adaptation aux changements climatiques",
        ["social integration and inclusive communities"] = "intégration sociale et communautés inclusives",
        ["migrants, refugees and displaced persons"] = "migrants, réfugiés et déplacés",
        ["resilience of the built environment"] = "résilience du cadre bâti",
        // Indicators
        ["Partner cities with improved access to basic services"] = "Villes partenaires où l’accès aux services de base s’est amélioré",
        ["People with better access to public space (millions)"] = "Personnes ayant un meilleur accès aux espaces publics (en millions)",
        ["Countries adopting housing policies supported by UN-Habitat"] = "Pays adoptant des politiques du logement appuyées par ONU-Habitat",
        ["Share of urban residents in supported cities living in slums"] = "Proportion de citadins des villes appuyées vivant dans des taudis",
        ["Cities applying planned city extension or regeneration plans"] = "Villes appliquant des plans d’extension planifiée ou de régénération urbaine",
        ["Hectares of urban land regenerated"] = "Hectares de terrains urbains régénérés",
        ["Metropolitan and regional plans improving spatial connectivity"] = "Plans métropolitains et régionaux améliorant la connectivité spatiale",
        ["Cities with improved urban productivity diagnostics"] = "Villes dotées de meilleurs diagnostics de la productivité urbaine",
        ["Cities with enhanced own-source revenue systems"] = "Villes dont les systèmes de recettes propres ont été renforcés",
        ["Increase in own-source revenue in supported cities"] = "Augmentation des recettes propres des villes appuyées",
        ["Cities using digital tools from UN-Habitat for planning"] = "Villes utilisant les outils numériques d’ONU-Habitat pour la planification",
        ["Innovation challenges and urban labs launched"] = "Concours d’innovation et laboratoires urbains lancés",
        ["Greenhouse gas emissions of partner cities (million tonnes CO₂e)"] = "Émissions de gaz à effet de serre des villes partenaires (en millions de tonnes d’éq. CO₂)",
        ["Cities with air quality action plans"] = "Villes dotées de plans d’action pour la qualité de l’air",
        ["Cities with solid waste management strategies"] = "Villes dotées de stratégies de gestion des déchets solides",
        ["Urban ecosystems under protection plans"] = "Écosystèmes urbains couverts par des plans de protection",
        ["Cities implementing climate adaptation plans"] = "Villes mettant en œuvre des plans d’adaptation aux changements climatiques",
        ["Vulnerable people benefiting from adaptation measures (thousands)"] = "Personnes vulnérables bénéficiant de mesures d’adaptation (en milliers)",
        ["Cities with inclusive community plans"] = "Villes dotées de plans communautaires inclusifs",
        ["Community organizations participating in planning"] = "Organisations communautaires participant à la planification",
        ["Displaced persons and returnees with improved living conditions (thousands)"] = "Déplacés et rapatriés dont les conditions de vie se sont améliorées (en milliers)",
        ["Crisis-affected cities with recovery profiles"] = "Villes touchées par une crise dotées d’un profil de relèvement",
        ["Cities with resilience action plans"] = "Villes dotées de plans d’action pour la résilience",
        ["National building codes revised for resilience"] = "Codes nationaux de la construction révisés dans un souci de résilience",
        // Regions
        ["Africa"] = "Afrique",
        ["Arab States"] = "États arabes",
        ["Asia and the Pacific"] = "Asie et Pacifique",
        ["Europe"] = "Europe",
        ["Global and interregional"] = "Mondial et interrégional",
        ["Latin America and the Caribbean"] = "Amérique latine et Caraïbes",
        // Services
        ["Citywide public space assessment"] = "Évaluation des espaces publics à l’échelle de la ville",
        ["Sustainable urban mobility planning"] = "Planification de la mobilité urbaine durable",
        ["Water and sanitation utility partnerships"] = "Partenariats entre services publics d’eau et d’assainissement",
        ["Urban basic services diagnostics"] = "Diagnostic des services urbains de base",
        ["Safer cities audits for public space"] = "Audits « Villes plus sûres » des espaces publics",
        ["Non-motorized transport design guidance"] = "Orientations pour la conception des transports non motorisés",
        ["Energy access for informal settlements"] = "Accès à l’énergie dans les quartiers informels",
        ["Street connectivity and walkability toolkit"] = "Boîte à outils sur la connectivité des rues et la marchabilité",
        ["Public space design with communities"] = "Conception des espaces publics avec les communautés",
        ["Housing profile and policy advice"] = "Profil du logement et conseils en matière de politiques",
        ["Land tenure security tools (continuum of land rights)"] = "Outils de sécurité d’occupation foncière (continuum des droits fonciers)",
        ["Participatory slum upgrading"] = "Amélioration participative des taudis",
        ["Affordable housing finance advisory"] = "Conseils sur le financement du logement abordable",
        ["Fit-for-purpose land administration"] = "Administration foncière adaptée à l’usage",
        ["Planned city extension"] = "Extension urbaine planifiée",
        ["Urban regeneration strategies"] = "Stratégies de régénération urbaine",
        ["Rapid planning studios"] = "Ateliers de planification rapide",
        ["Urban planning law review"] = "Examen de la législation sur l’urbanisme",
        ["Metropolitan and regional planning"] = "Planification métropolitaine et régionale",
        ["Urban-rural linkages guiding principles"] = "Principes directeurs sur les liens entre zones urbaines et rurales",
        ["Urban economy and productivity diagnostics"] = "Diagnostic de l’économie et de la productivité urbaines",
        ["Own-source revenue enhancement"] = "Accroissement des recettes propres",
        ["Land-based finance tools"] = "Outils de financement fondés sur le foncier",
        ["Digital urban planning platforms"] = "Plateformes numériques de planification urbaine",
        ["People-centred smart city assessment"] = "Évaluation des villes intelligentes centrées sur l’être humain",
        ["Urban innovation challenges"] = "Concours d’innovation urbaine",
        ["Open urban data and geospatial services"] = "Données urbaines ouvertes et services géospatiaux",
        ["Low-emission urban development strategies"] = "Stratégies de développement urbain à faibles émissions",
        ["Urban air quality action planning"] = "Planification de l’action pour la qualité de l’air urbain",
        ["Energy-efficient buildings guidance"] = "Orientations sur les bâtiments économes en énergie",
        ["Electric mobility transition support"] = "Appui à la transition vers la mobilité électrique",
        ["City climate action plan support"] = "Appui aux plans d’action climatique des villes",
        ["Greenhouse gas inventories for cities"] = "Inventaires des gaz à effet de serre des villes",
        ["Waste wise cities tool"] = "Outil « Waste Wise Cities »",
        ["Circular economy in cities"] = "Économie circulaire dans les villes",
        ["Urban ecosystem and biodiversity planning"] = "Planification des écosystèmes urbains et de la biodiversité",
        ["Resource-efficient urban water management"] = "Gestion de l’eau urbaine économe en ressources",
        ["Green and blue infrastructure guidance"] = "Orientations sur les infrastructures vertes et bleues",
        ["Climate vulnerability assessments"] = "Évaluations de la vulnérabilité aux changements climatiques",
        ["Community-based adaptation planning"] = "Planification de l’adaptation à base communautaire",
        ["Nature-based solutions for adaptation"] = "Solutions fondées sur la nature pour l’adaptation",
        ["Climate-resilient infrastructure design"] = "Conception d’infrastructures résilientes face aux changements climatiques",
        ["Adaptation finance project preparation"] = "Préparation de projets de financement de l’adaptation",
        ["Inclusive community planning"] = "Planification communautaire inclusive",
        ["Gender-responsive urban planning"] = "Planification urbaine tenant compte des questions de genre",
        ["Youth engagement in urban governance"] = "Participation des jeunes à la gouvernance urbaine",
        ["Urban profiling in displacement contexts"] = "Profilage urbain dans les situations de déplacement",
        ["City resilience profiling tool"] = "Outil de profilage de la résilience urbaine",
        // Flagship programmes
        ["Inclusive Communities, Thriving Cities"] = "Communautés inclusives, villes prospères",
        ["People-Centred Smart Cities"] = "Villes intelligentes centrées sur l’être humain",
        ["Resilient Settlements for the Urban Poor (RISE UP)"] = "Établissements résilients pour les pauvres des villes (RISE UP)",
        ["Inclusive Cities: Enhancing the Positive Impacts of Urban Migration"] = "Villes inclusives : renforcer les effets positifs de la migration urbaine",
        ["SDG Cities"] = "Villes ODD",
    };
}
