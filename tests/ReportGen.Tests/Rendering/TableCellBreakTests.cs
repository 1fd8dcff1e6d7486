using System.Text.RegularExpressions;
using ReportGen.Build;
using ReportGen.Document;
using ReportGen.Rendering.Pdf;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The lines of every table cell (header and body) of the Chinese PDFs, as the layout sets them
/// (<see cref="PdfWriter.CellLines"/>): no line ends inside a bracketed unit ("已获资金（美|元）"),
/// and no cell's last line is a single Han character ("城|市").
/// </summary>
public partial class TableCellBreakTests
{
    /// <summary>A bracketed unit: up to four characters between brackets, no space (（美元）, （百万美元）, (US$)).</summary>
    [GeneratedRegex(@"[（(][^（）()\s]{1,4}[）)]")]
    private static partial Regex Unit();

    /// <summary>The cells that break badly, each with its document and its lines separated by '|'.</summary>
    private static List<string> Faults(string workbook)
    {
        var documents = BuildPipeline.Compose(new BuildOptions(workbook, "unused", Repo.Path("templates"), ["zh"], ["pdf"], null)).Documents;
        var faults = new List<string>();
        int cells = 0;
        foreach (var (spec, doc) in documents)
        {
            foreach (var cell in PdfWriter.CellLines(Resolver.Resolve(doc)))
            {
                cells++;
                var texts = cell.Select(l => l.Text.Trim()).ToList();
                string where = $"{spec.DocId}.{doc.Language}: {string.Join("|", texts)}";
                // Offsets in the cell's text where one line ends and the next begins.
                var ends = new List<int>();
                int offset = 0;
                foreach (var text in texts.SkipLast(1)) ends.Add(offset += text.Length);
                string joined = string.Concat(texts);
                foreach (Match unit in Unit().Matches(joined))
                    if (ends.Any(e => e > unit.Index && e < unit.Index + unit.Length)) faults.Add($"unit {unit.Value} broken in {where}");
                if (texts.Count > 1 && texts[^1].TrimEnd("，。、；：？！）」』》】”’%％".ToCharArray()) is { Length: 1 } lone && lone[0] >= '\u4e00' && lone[0] <= '\u9fff')
                    faults.Add($"single Han character on the last line of {where}");
            }
        }
        Assert.True(cells > 0, "no table cells in " + workbook);
        return faults;
    }

    [Fact]
    public void No_cell_of_the_sample_breaks_a_unit_or_leaves_one_character_alone()
    {
        var faults = Faults(Repo.Seed);
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void A_column_short_of_its_widest_piece_takes_the_difference_from_the_columns_with_room()
    {
        // 15 points short in the second column; the first and third have 60 and 20 to spare: they give 3/4 and 1/4.
        Assert.Equal([88.75, 35, 26.25], ReportGen.Rendering.TableGeometry.Rebalance([100, 20, 30], [40, 35, 10]));
        // Not enough room: the short column gets all there is, the other keeps only its minimum.
        Assert.Equal([10, 50], ReportGen.Rendering.TableGeometry.Rebalance([50, 10], [10, 100]));
        // Every column fits: the widths stay as they are.
        Assert.Equal([60, 40], ReportGen.Rendering.TableGeometry.Rebalance([60, 40], [20, 20]));
    }

    public static TheoryData<string> SomeCycles()
    {
        var data = new TheoryData<string>();
        foreach (var s in CycleGenerator.Scenarios.Where((_, i) => i % 9 == 4)) data.Add(s.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SomeCycles))]
    public void No_cell_of_a_generated_cycle_breaks_a_unit_or_leaves_one_character_alone(string name)
    {
        using var dir = new TempDir();
        var faults = Faults(CycleGenerator.WriteNamed(name, dir));
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }
}
