using System.Text.RegularExpressions;
using ReportGen.Document;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Templating;

/// <summary>
/// The prose a UN editor would pass, on every generated cycle and in both languages (issue 23,
/// items 11–14): no English sentence opens with a figure, zero reads as "none", lists are led in
/// by a colon, ties and single links read as such, a pronoun keeps its antecedent, and the
/// Chinese states what the English states with one rule for its numbers.
/// </summary>
public partial class GeneratedCycleTests
{
    /// <summary>The body paragraphs and sub-items of a text: numbered "8. …" or labelled "(a) …", label removed.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        text.Split('\n').Select(l => l.TrimStart()).Select(l => Regex.Match(l, @"^(?:\d+\.|\([a-z]+\)|\([ivx]+\)) (.*)$"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value);

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void No_english_sentence_opens_with_a_numeral(Scenario s)
    {
        foreach (var (name, text) in Build(s).Text.Where(p => p.Key.EndsWith(".en", StringComparison.Ordinal)))
            foreach (string paragraph in Sentences(text))
            {
                var opening = Regex.Match(paragraph, @"(?:^|[.!?] )(\d[\d,.]*)");
                Assert.False(opening.Success, $"{name}: a sentence opens with '{opening.Groups[1].Value}':\n{paragraph}");
            }
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void A_share_of_projects_that_is_zero_reads_none(Scenario s)
    {
        foreach (var (name, text) in Build(s).Text)
        {
            Assert.DoesNotMatch(@"(?<![\d.])0 per cent of the projects", text);
            Assert.False(Regex.IsMatch(text, @"有 ?0%"), $"{name}: '有 0%' in:\n{Around(text, "有 0%")}");
        }
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Every_list_of_sub_items_follows_a_colon(Scenario s)
    {
        foreach (var (name, doc) in Build(s).Docs)
        {
            var body = doc.Body;
            for (int i = 0; i < body.Count; i++)
                if (body[i] is SubItems)
                {
                    var lead = Assert.IsType<Paragraph>(body[i - 1]);
                    string text = Inlines.PlainText(lead.Content);
                    Assert.True(text.EndsWith(':') || text.EndsWith('：'), $"{name}: the paragraph before a list ends '{text[^Math.Min(60, text.Length)..]}'");
                }
        }
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Outcome_1_1s_links_read_as_ties_or_as_a_single_link(Scenario s)
    {
        var b = Build(s);
        var c = b.Cycle;
        string en = b.Text["annual-report-summary.en"], zh = b.Text["annual-report-summary.zh"];
        var links = ReviewYears(c).SelectMany(y => Links(c, "1.1", y)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        Assert.Equal(links.Count > 0, en.Contains("(outcome 1.1), for example, serves"));
        int max = links.Count == 0 ? 0 : links.Values.Max();
        var most = links.Where(p => p.Value == max).Select(p => p.Key).OrderBy(ReportGen.Model.OutcomeCode.Parse).ToList();
        string Short(string code) => c.Outcomes.Single(o => o.Code.ToString() == code).Short["en"]!;
        string listed = JoinEnglish(most.Select(o => $"{o} ({Short(o)})"));
        if (links.Count == 0) Assert.DoesNotContain("more than any other", en);
        else if (links.Count == 1)
        {
            Assert.Contains($"serves only one other outcome, outcome {listed}.", en);
            Assert.DoesNotContain("more often than any other", en);
            Assert.Contains("只服务于一项其他成果", zh);
        }
        else if (most.Count > 1)
        {
            Assert.Contains($"serves outcomes {listed} equally often, more than any other.", en);
            Assert.Contains("的频率相同，高于其他任何成果。", zh);
        }
        else Assert.Contains($"serves outcome {listed} more often than any other.", en);
        Assert.DoesNotContain("equally often outcome", en);
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Part_1_keeps_its_antecedent_with_or_without_the_pandemic(Scenario s)
    {
        var b = Build(s);
        int year = b.Cycle.Settings.ReportingYear;
        bool covid = b.Cycle.Projects.Any(p => p.PrcYear == year && p.CovidResponse);
        Assert.Contains($"(a) part 1 introduces the strategic priorities of UN-Habitat for {year}, {(covid ? "its response to the pandemic, " : "")}its work to advance", b.Text["annual-report-summary.en"]);
        Assert.Contains($"(a) 第一部分介绍人居署 {year} 年的战略优先事项、{(covid ? "其应对大流行病的情况、" : "")}其在联合国系统内", b.Text["annual-report-summary.zh"]);
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void A_flagship_programme_is_not_named_in_full_in_two_sentences_running(Scenario s)
    {
        var b = Build(s);
        foreach (var (name, stop, lead) in new[] { ("portfolio-analysis.en", ". ", "The flagship programmes remain"), ("portfolio-analysis.zh", "。", "旗舰方案仍然是") })
        {
            string paragraph = b.Text[name].Split('\n').Single(l => l.Contains(lead));
            var named = paragraph.Split(stop).Select(sentence => Regex.Matches(sentence, "“[^”]*”").Select(m => m.Value).ToHashSet()).ToList();
            // Tied programmes are named in full: "the former" cannot stand for one of several.
            for (int i = 1; i < named.Count; i++)
                if (named[i].Count <= 1) Assert.True(!named[i].Overlaps(named[i - 1]), $"{name}: {string.Join(", ", named[i].Intersect(named[i - 1]))} named in two sentences running:\n{paragraph}");
        }
        // One programme has nothing to be the largest or the fewest against.
        Assert.Equal(b.Cycle.Flagships.Count > 1, b.Text["portfolio-analysis.en"].Contains("the largest operational portfolio"));
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void The_chinese_writes_ordinals_in_chinese_numerals_and_restates_no_figure(Scenario s)
    {
        foreach (var (name, text) in Build(s).Text)
        {
            Assert.False(Regex.IsMatch(text, @"第 ?\d+ ?(部分|年)"), $"{name}: an ordinal in digits");
            Assert.DoesNotContain("a number that", text); // the figures just given are not restated
            Assert.DoesNotMatch(@"），\d{4} 年这一数目", text);
        }
    }
}
