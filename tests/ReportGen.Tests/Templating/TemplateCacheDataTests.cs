using System.Runtime.CompilerServices;
using ReportGen.Analysis;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>
/// The compiled templates a thread keeps (per templates folder and language) hold no document's
/// data: once a document is composed, its cycle and figures are free to go, on the very thread that
/// keeps the templates (the review page's watch mode composes on pool threads that live on).
/// </summary>
public class TemplateCacheDataTests
{
    [Fact]
    public void A_composed_document_s_cycle_and_figures_are_not_kept_by_the_compiled_templates()
    {
        var (cycle, figures, composed) = ComposeAndForget();
        Assert.True(composed, "the sample composes");
        for (int i = 0; i < 3 && (cycle.IsAlive || figures.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(cycle.IsAlive, "the cycle is still reachable after its document was composed");
        Assert.False(figures.IsAlive, "the figures are still reachable after their document was composed");
    }

    /// <summary>Composes the sample's portfolio analysis on this thread and lets go of everything but weak references.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Cycle, WeakReference Figures, bool Composed) ComposeAndForget()
    {
        var cycle = CycleReader.ReadValid(Repo.Path("seeds", "unhabitat-2020-2021.xlsx"));
        var figures = FigureCalculator.Compute(cycle);
        var problems = new List<Problem>();
        var doc = new DocumentComposer(Repo.Path("templates")).TryCompose(cycle, figures, cycle.Documents.First(d => d.DocId == "portfolio-analysis"), "en", problems);
        return (new WeakReference(cycle), new WeakReference(figures), doc is not null && problems.Count == 0);
    }
}
