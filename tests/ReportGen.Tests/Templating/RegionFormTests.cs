using ReportGen.Analysis;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>
/// A region's name after "the region" in running text (<c>{{region_of}}</c>): the workbook's
/// <c>name_of_&lt;code&gt;</c> with the article and preposition the name takes ("la región de los Estados
/// Árabes", "la région des États arabes"), else the profile's pattern around the name ("de África").
/// </summary>
public class RegionFormTests
{
    private static Dictionary<string, string> Forms(string language)
    {
        var cycle = CycleReader.ReadValid(Repo.Seed);
        var context = TemplateContext.Build(cycle, FigureCalculator.Compute(cycle), cycle.Documents[0], language);
        var regions = (List<object?>)((Dictionary<string, object?>)context["plan"]!)["regions"]!;
        return regions.Cast<Dictionary<string, object?>>().ToDictionary(r => (string)r["code"]!, r => (string)r["of"]!);
    }

    [Fact]
    public void Spanish_and_french_regions_take_their_article_and_preposition_from_the_workbook()
    {
        var es = Forms("es");
        Assert.Equal(["de África", "de los Estados Árabes", "de Asia y el Pacífico", "de América Latina y el Caribe"], [es["AFR"], es["ARB"], es["ASP"], es["LAC"]]);
        // The global grouping has no name_of_es: the profile's pattern, "de" and the name.
        Assert.Equal("de Mundial e interregional", es["GLO"]);
        var fr = Forms("fr");
        Assert.Equal(["de l’Afrique", "des États arabes", "de l’Asie et du Pacifique", "de l’Amérique latine et des Caraïbes"], [fr["AFR"], fr["ARB"], fr["ASP"], fr["LAC"]]);
        // English and Russian write the name as it is (the templates' own word order; Russian cases are not modelled).
        Assert.Equal(["Arab States", "Арабские государства"], [Forms("en")["ARB"], Forms("ru")["ARB"]]);
    }

    [Fact]
    public void The_spanish_and_french_templates_write_the_region_through_region_of()
    {
        foreach (string language in new[] { "es", "fr" })
        {
            string template = File.ReadAllText(Repo.Path("templates", language, "portfolio-analysis.md.hbs"));
            Assert.Contains("{{region_of this}}", template);
            Assert.DoesNotContain("gi\u00f3n{{/if}} de {{#join", template);
        }
    }
}
