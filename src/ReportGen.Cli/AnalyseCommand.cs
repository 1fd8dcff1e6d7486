using ReportGen.Build;
using System.CommandLine;
using System.Globalization;
using ReportGen.Analysis;
using ReportGen.Workbook;
using Spectre.Console;

namespace ReportGen.Cli;

internal static class AnalyseCommand
{
    public static Command Create(CommandContext context)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The reporting-cycle workbook (.xlsx)" };
        var json = new Option<string?>("--json") { Description = "Write every figure as JSON to FILE ('-' for standard output)" };
        var command = new Command("analyse", "Compute the figures; a summary table, or JSON with --json") { workbook, json };
        command.Aliases.Add("analyze");
        command.SetAction(parse =>
        {
            if (parse.GetValue(json) is { } target && target != "-" && SafeFile.Same(target, parse.GetValue(workbook)!))
                throw new InputException(new Problem(target, "is the workbook itself; name another file for the JSON"));
            // Figures need the data, not the texts: language-only problems do not stop analysis.
            var cycle = CycleReader.ReadValid(parse.GetValue(workbook)!, languages: []);
            var figures = FigureCalculator.Compute(cycle);
            switch (parse.GetValue(json))
            {
                case null: PrintSummary(context, figures); break;
                case "-": context.Output.Write(figures.ToJson()); break;
                case var path:
                    SafeFile.WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(figures.ToJson()));
                    context.Output.WriteLine($"wrote {path}");
                    break;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Pct(double? share) => share is double s ? s.ToString("0%", CultureInfo.InvariantCulture) : "–";

    private static string Usd(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static void PrintSummary(CommandContext context, Figures f)
    {
        var console = context.Terminal;
        console.Write(new Markup($"[bold]Reporting year {f.ReportingYear}[/]: {f.Portfolio.TotalProjects} projects reviewed\n\n"));

        var portfolio = new Table().Title("Portfolio by review year").AddColumns("Year", "Projects", "All 4 domains", "COVID-19", "Integrated", "Budget (USD)");
        foreach (var y in f.Portfolio.Years)
            portfolio.AddRow(y.Year.ToString(CultureInfo.InvariantCulture), y.Projects.ToString(CultureInfo.InvariantCulture),
                Pct(y.AllDomainsShare), Pct(y.CovidShare), Pct(y.IntegratedShare), Usd(y.BudgetUsd));
        console.Write(portfolio);

        var funding = new Table().Title($"Funding by outcome, {f.ReportingYear}").AddColumns("Outcome", "Budget (USD)", "Funded (USD)", "Funded", "");
        foreach (var row in f.Funding.Outcomes.Where(r => r.Year == f.ReportingYear))
            funding.AddRow(row.Outcome, Usd(row.BudgetUsd), Usd(row.FundedUsd), Pct(row.FundedShare), row.Underfunded ? "underfunded" : "");
        console.Write(funding);
        console.WriteLine($"{f.Funding.Underfunded.Count} of {f.Funding.Outcomes.Count(r => r.Year == f.ReportingYear)} outcomes underfunded: {string.Join(", ", f.Funding.Underfunded)}");
        console.WriteLine();

        var progress = new Table().Title($"Outcome progress, {f.ReportingYear}").AddColumns("Outcome", "Achievement", "Status", "Indicators with data");
        foreach (var o in f.Progress.Outcomes.Where(o => o.Year == f.ReportingYear))
            progress.AddRow(o.Outcome, Pct(o.Achievement), o.Status switch
            {
                ProgressStatus.Achieved => "achieved",
                ProgressStatus.OnTrack => "on track",
                ProgressStatus.OffTrack => "off track",
                _ => "no data",
            }, o.IndicatorsWithData.ToString(CultureInfo.InvariantCulture));
        console.Write(progress);

        var balance = new Table().Title("Normative services against operational portfolio").AddColumns("Outcome", "Services", "Services share", "Portfolio share", "Gap");
        foreach (var b in f.Balance)
            balance.AddRow(b.Outcome, b.Services.ToString(CultureInfo.InvariantCulture), Pct(b.ServicesShare), Pct(b.PortfolioShare),
                (b.Gap * 100).ToString("+0;-0;0", CultureInfo.InvariantCulture) + " pts");
        console.Write(balance);

        var flagships = new Table().Title("Flagship programmes").AddColumns("Code", "Projects", "Tools", "Partners", "Funding secured");
        foreach (var fp in f.Flagships)
            flagships.AddRow(fp.Code, fp.Projects.ToString(CultureInfo.InvariantCulture), fp.NormativeTools.ToString(CultureInfo.InvariantCulture),
                fp.Partners.ToString(CultureInfo.InvariantCulture), Pct(fp.FundingSecuredShare));
        console.Write(flagships);
    }
}
