using ReportGen.Analysis;
using ReportGen.Sample;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Workbook;

/// <summary>The sample workbook reproduces the figures the reference documents state.</summary>
public class SampleTests
{
    private static readonly string SeedPath = Repo.Path("seeds", SampleWorkbook.FileName);
    private static readonly Figures F = FigureCalculator.Compute(CycleReader.ReadValid(SeedPath));

    [Fact]
    public void The_committed_seed_is_what_the_code_writes() =>
        Assert.True(File.ReadAllBytes(SeedPath).AsSpan().SequenceEqual(SampleWorkbook.ToBytes()),
            "seeds/unhabitat-2020-2021.xlsx differs from what 'reportgen sample' writes; rebuild it with: dotnet run --project src/ReportGen.Cli -- sample seeds/unhabitat-2020-2021.xlsx");

    [Fact]
    public void Reads_without_any_problem_in_either_language() => Assert.Empty(CycleReader.Read(SeedPath).Problems);

    [Fact]
    public void Review_2020_has_88_projects_11_percent_all_domains_23_percent_covid()
    {
        var y = F.Portfolio.Years.Single(y => y.Year == 2020);
        Assert.Equal((88, 10, 20), (y.Projects, y.AllDomainsProjects, y.CovidProjects));
        Assert.Equal(11, Math.Round(y.AllDomainsShare * 100));
        Assert.Equal(23, Math.Round(y.CovidShare * 100));
    }

    [Fact]
    public void Review_2021_has_54_projects_41_percent_all_domains_11_percent_covid()
    {
        var y = F.Portfolio.Years.Single(y => y.Year == 2021);
        Assert.Equal((54, 22, 6), (y.Projects, y.AllDomainsProjects, y.CovidProjects));
        Assert.Equal(41, Math.Round(y.AllDomainsShare * 100));
        Assert.Equal(11, Math.Round(y.CovidShare * 100));
    }

    [Fact]
    public void In_all_142_proposals() => Assert.Equal(142, F.Portfolio.TotalProjects);

    [Fact]
    public void Six_of_twelve_outcomes_underfunded_in_2020()
    {
        Assert.Equal(2020, F.ReportingYear);
        Assert.Equal(12, F.Funding.Outcomes.Count(r => r.Year == 2020));
        Assert.Equal(["1.3", "2.2", "2.3", "3.2", "4.1", "4.3"], F.Funding.Underfunded);
    }

    [Fact]
    public void Plan_has_four_domains_twelve_outcomes_five_flagships()
    {
        var cycle = CycleReader.ReadValid(SeedPath);
        Assert.Equal((4, 12, 5), (cycle.Domains.Count, cycle.Outcomes.Count, cycle.Flagships.Count));
    }

    [Fact]
    public void Outcome_1_1_links_most_to_3_1_and_to_domain_4()
    {
        foreach (var year in F.Portfolio.Years)
        {
            var links = year.Linkage.Where(l => l.Primary == "1.1").ToList();
            Assert.Equal("3.1", links.MaxBy(l => l.Projects)!.Secondary);
            int domain4 = links.Where(l => l.Secondary.StartsWith('4')).Sum(l => l.Projects);
            Assert.True(domain4 > links.Where(l => l.Secondary.StartsWith('2')).Sum(l => l.Projects), $"{year.Year}: domain 4 links {domain4}");
        }
    }

    [Fact]
    public void Outcome_1_2_isolated_in_2020_integrated_in_2021()
    {
        Assert.Equal(["1.1"], F.Portfolio.Years[0].Linkage.Where(l => l.Primary == "1.2").Select(l => l.Secondary));
        Assert.True(F.Portfolio.Years[1].Linkage.Count(l => l.Primary == "1.2") >= 6);
    }

    [Fact]
    public void Revenue_outcome_links_to_about_two_thirds_of_outcomes_thinly()
    {
        var links = F.Portfolio.Years.SelectMany(y => y.Linkage).Where(l => l.Primary == "2.2").ToList();
        Assert.Equal(8, links.Select(l => l.Secondary).Distinct().Count()); // 8 of 12
        Assert.All(links, l => Assert.Equal(1, l.Projects));
    }

    [Fact]
    public void Catalogue_strong_on_1_1_and_climate_while_climate_portfolio_is_thin()
    {
        var b = F.Balance.ToDictionary(x => x.Outcome);
        Assert.Equal("1.1", F.Balance.MaxBy(x => x.Services)!.Outcome);
        double climateServices = b["3.1"].ServicesShare + b["3.2"].ServicesShare + b["3.3"].ServicesShare;
        double climatePortfolio = b["3.1"].PortfolioShare + b["3.2"].PortfolioShare + b["3.3"].PortfolioShare;
        Assert.True(climateServices > 0.3 && climatePortfolio < 0.1, $"{climateServices} vs {climatePortfolio}");
        Assert.True(b["4.2"].Gap < 0 && b["4.3"].ServicesShare < 0.05 && b["2.2"].ServicesShare < 0.05);
    }
}
