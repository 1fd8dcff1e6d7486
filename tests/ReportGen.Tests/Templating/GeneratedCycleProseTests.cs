using System.Globalization;
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
            // Nor "0 per cent in 2021" in a list of shares by year, nor "rose from 0 per cent" (issue 23 review of generated cycles).
            foreach (string paragraph in Sentences(text))
            {
                Assert.False(Regex.IsMatch(paragraph, @"(?<![\d.,])0 per cent"), $"{name}: '0 per cent' in:\n{paragraph}");
                Assert.False(Regex.IsMatch(paragraph, @"年 ?0%"), $"{name}: '年 0%' in:\n{paragraph}");
            }
            Assert.False(Regex.IsMatch(text, @"有 ?0%"), $"{name}: '有 0%' in:\n{Around(text, "有 0%")}");
        }
    }

    /// <summary>Issue 23 (page-by-page review): the English captions of the interrelation charts wrote "Inter-relation"; UN spelling is one word.</summary>
    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void The_english_writes_interrelation_as_one_word(Scenario s)
    {
        string en = Build(s).Text["portfolio-analysis.en"];
        Assert.DoesNotContain("nter-relation", en, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"Figure [IVXL]+ Interrelation of outcome 1\.1 ", en);
    }

    /// <summary>
    /// Issue 23 (page-by-page review): the five-year cycle's portfolio analysis, para. 9 (b), read "was zero in 2024, zero
    /// in 2025, two in 2026 …". A year in which an outcome's projects reach no other outcome reads as "none", in every
    /// language, as the shares of no project do; the years with links keep their counts.
    /// </summary>
    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void A_year_without_links_reads_none_not_zero(Scenario s)
    {
        var zeroPerYear = new Dictionary<string, string>
        {
            ["en"] = @"\bzero in (19|20)\d\d", ["zh"] = @"(19|20)\d\d 年(零|0) ?项", ["fr"] = @"\b(zéro|0) en (19|20)\d\d",
            ["es"] = @"\b(cero|0) en (19|20)\d\d", ["ru"] = @"\b(ноль|0) в (19|20)\d\d", ["ar"] = @"(صفر|(?<![\d.])0) في (عام )?(19|20)\d\d",
        };
        var built = Build(s);
        var zeros = built.Text.SelectMany(p => Regex.Matches(p.Value, zeroPerYear[p.Key[(p.Key.LastIndexOf('.') + 1)..]])
            .Select(m => $"{p.Key}: '{m.Value}' in: {Around(p.Value, m.Value)}")).ToList();
        Assert.True(zeros.Count == 0, "a count of zero per year:\n" + string.Join("\n", zeros));
        // The English names the years without links, in the sentence on outcome 1.2.
        var withoutLinks = ReportGen.Analysis.FigureCalculator.Compute(built.Cycle).Findings!.OutcomeTrends.Single(o => o.Outcome == "1.2").YearsWithoutLinks;
        if (withoutLinks.Count > 0)
            Assert.Matches(@"(against none in|reached no other outcome in) " + withoutLinks[0], built.Text["portfolio-analysis.en"]);
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
        else if (most.Count > 1 && most.Count < links.Count)
        {
            Assert.Contains($"serves outcomes {listed} equally often, more than any other.", en);
            Assert.Contains("的频率相同，高于其他任何成果。", zh);
        }
        else if (most.Count > 1)
        {
            // Every outcome reached is tied: there is no other to be "more than".
            Assert.Contains($"serves only outcomes {listed}, equally often.", en);
            Assert.Contains("，且频率相同。", zh);
            Assert.DoesNotContain("more than any other", en);
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
            // The figures just given are not restated ("…, three in 2021 and three in 2022 (figure V): it did not change in 2022").
            Assert.DoesNotContain("a number that", text);
            Assert.DoesNotMatch(@": it (rose|fell|did not change) in \d{4}", text);
            Assert.DoesNotContain("年这一数目", text);
        }
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void The_domains_outcome_1_1_reaches_most_read_as_a_tie_when_they_tie(Scenario s)
    {
        var b = Build(s);
        var c = b.Cycle;
        int year = ReviewYears(c)[^1];
        string en = b.Text["portfolio-analysis.en"], zh = b.Text["portfolio-analysis.zh"];
        // Links of 1.1's projects in the last review year into each other domain, recounted from the rows (zero included).
        var domainOf = c.Outcomes.ToDictionary(o => o.Code.ToString(), o => o.Domain);
        var perDomain = c.Domains.Select(d => d.Code).Where(d => d != 1)
            .ToDictionary(d => d, d => Links(c, "1.1", year).Where(p => domainOf[p.Key] == d).Sum(p => p.Value));
        int best = perDomain.Count == 0 ? 0 : perDomain.Values.Max();
        Assert.DoesNotMatch(@"most often in domain \d+ \([^)]*\)(,| and) domain", en);
        Assert.DoesNotMatch(@"reach domain \d+ and domain", en);
        Assert.Equal(best > 0, en.Contains("; by domain of change, their links fell"));
        var top = perDomain.Where(p => p.Value == best).Select(p => p.Key).Order().ToList();
        string Title(int d) => c.Domains.Single(x => x.Code == d).Title["en"]!;
        string named = JoinEnglish(top.Select(d => $"{d} ({Title(d)})"));
        bool beyond = perDomain.Count > top.Count;
        if (best == 0) Assert.DoesNotContain("按变革领域计，其", zh);
        else if (top.Count > 1)
        {
            Assert.Contains($"; by domain of change, their links fell equally often in domains {named}{(beyond ? ", more than in any other" : "")};", en);
            Assert.Contains(beyond ? "的次数相同，多于其他任何领域；" : "的次数相同；", zh);
        }
        else Assert.Contains($"; by domain of change, their links fell {(beyond ? "most often in" : "all in")} domain {named};", en);
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void The_chinese_writes_counts_below_ten_in_chinese_numerals_in_every_paragraph(Scenario s)
    {
        foreach (var (name, text) in Build(s).Text.Where(p => p.Key.EndsWith(".zh", StringComparison.Ordinal)))
            foreach (string paragraph in Sentences(text))
            {
                // One rule (docs/templates.md): 四个, 两项, never 4 个 beside 第一部分; ten and above in digits.
                var digit = Regex.Match(paragraph, @"(?<![\d.,\u00A0])\d ?[个项]");
                Assert.False(digit.Success, $"{name}: a count below ten in digits, '{digit.Value}':\n{paragraph}");
                var han = Regex.Match(paragraph, @"[一两三四五六七八九]+ ?[个项]");
                if (han.Success) Assert.DoesNotMatch(@"第 ?\d", paragraph);
                // The spacing rule leaves no space between two Han characters ("有 四个" would be a template's stray space).
                var gap = Regex.Match(paragraph, @"\p{IsCJKUnifiedIdeographs} \p{IsCJKUnifiedIdeographs}");
                Assert.False(gap.Success, $"{name}: a space between Han characters, '{gap.Value}':\n{paragraph}");
            }
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Chinese_sums_in_wan_and_yi_group_their_digits_by_thousands(Scenario s)
    {
        var b = Build(s);
        string zh = b.Text["portfolio-analysis.zh"];
        Assert.DoesNotMatch(@"\d{4,} ?[万亿]", zh);
        // The largest flagship portfolio, in 万美元 with its groups ("6 400 万美元"), recomputed from the rows.
        double largest = b.Cycle.Flagships.Max(f => f.PortfolioUsd); // every generated cycle has a flagship programme
        long wan = (long)Math.Round(largest / 1e4, MidpointRounding.AwayFromZero);
        string grouped = wan.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '\u00A0');
        Assert.Contains($"{grouped} 万美元", zh);
    }

    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void A_grouping_that_is_not_a_region_is_named_apart_and_never_ranked(Scenario s)
    {
        var b = Build(s);
        var c = b.Cycle;
        string en = b.Text["portfolio-analysis.en"], zh = b.Text["portfolio-analysis.zh"];
        var years = ReviewYears(c);
        var apart = c.Regions.Where(r => !r.Regional).Select(r => r.Code).ToHashSet();
        Assert.Contains(c.Regions, r => !r.Regional); // the sample's "Global and interregional" (and "Global {{all}}") is one
        string ranking = en.Split('\n').Single(l => l.Contains("had the most projects") || l.Contains("Regional patterns differ"));
        string ranked = ranking.Split(" Projects classed as ")[0];
        foreach (var r in c.Regions.Where(r => !r.Regional)) Assert.DoesNotContain(r.Name["en"]!, ranked);
        var withApart = years.Where(y => c.Projects.Any(p => p.PrcYear == y && apart.Contains(p.Region))).ToList();
        if (withApart.Count == 0) Assert.DoesNotContain("Projects classed as", en);
        else
        {
            var groupings = c.Regions.Where(r => !r.Regional && c.Projects.Any(p => apart.Contains(p.Region) && p.Region == r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
            string shares = JoinEnglish(withApart.Select(y => $"{Percent(c.Projects.Count(p => p.PrcYear == y && apart.Contains(p.Region)), c.Projects.Count(p => p.PrcYear == y))} per cent in {y}"));
            Assert.Contains($" Projects classed as {JoinEnglish(groupings.Select(g => $"“{g.Name["en"]}”"))} belong to no single region and are not ranked with the regions: their share of the portfolio was {shares}.", en);
            var zhNames = groupings.Select(g => $"“{g.Name["zh"]}”").ToList(); // quoted names: no space beside 和
            string zhList = zhNames.Count == 1 ? zhNames[0] : string.Join("、", zhNames.Take(zhNames.Count - 1)) + "和" + zhNames[^1];
            Assert.Contains($"归入{zhList}的项目不属于任何单一区域，不与各区域一并排名，其在项目组合中所占比例为：", zh);
        }
    }
    /// <summary>
    /// Issue 23 (three-year cycle, para. 9 (a)): "link most often to outcomes 1.3, 1.2, 2.2 and 4.3" when only 1.3 had two
    /// links, and a domain with no link called the one reached "least". Recounted here from the rows over all review
    /// years: the outcomes reached most lead alone, the rest of the three leading counts (and ties with the third) follow
    /// tier by tier ("then equally to …"), and a domain not reached reads "unreached", never "least".
    /// </summary>
    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Outcome_1_1s_leading_links_name_the_leader_alone_and_a_domain_never_reached_is_not_least(Scenario s)
    {
        var b = Build(s);
        var c = b.Cycle;
        string en = b.Text["portfolio-analysis.en"], zh = b.Text["portfolio-analysis.zh"];
        string line = en.Split('\n').Single(l => Regex.IsMatch(l, @"^\(a\) (projects with outcome 1\.1 as their primary outcome|no project reviewed had outcome 1\.1)"));
        var links = ReviewYears(c).SelectMany(y => Links(c, "1.1", y)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        if (!c.Projects.Any(p => p.PrimaryOutcome.ToString() == "1.1")) { Assert.StartsWith("(a) no project reviewed had outcome 1.1", line); return; }
        if (links.Count == 0) { Assert.Contains("are not yet linked to other outcomes", line); return; }
        var ordered = links.OrderByDescending(p => p.Value).ThenBy(p => ReportGen.Model.OutcomeCode.Parse(p.Key)).ToList();
        int cut = ordered[Math.Min(2, ordered.Count - 1)].Value;
        var leading = ordered.Where((p, i) => i < 3 || p.Value == cut).ToList();
        var tiers = leading.GroupBy(p => p.Value).Select(g => g.Select(p => p.Key).ToList()).ToList();
        string expected;
        if (links.Count == 1) expected = $"link only to outcome {ordered[0].Key} (";
        else
        {
            var most = tiers[0];
            expected = most.Count == 1 ? $"link most often to outcome {most[0]}"
                : most.Count < links.Count ? $"link most often, and equally, to outcomes {JoinEnglish(most)}" : $"link equally often to outcomes {JoinEnglish(most)}";
            foreach (var (tier, i) in tiers.Skip(1).Select((t, i) => (t, i)))
                expected += (i == 0 ? ", then " : " and then ") + (tier.Count == 1 ? "" : "equally ") + $"to {JoinEnglish(tier)}";
            expected += " (";
        }
        Assert.Contains(expected, line);
        Assert.Equal(tiers.Count > 1, Regex.IsMatch(zh, "，其次(同等地)?与成果"));

        // By domain of change: links into each other domain, zero included.
        var domainOf = c.Outcomes.ToDictionary(o => o.Code.ToString(), o => o.Domain);
        int own = domainOf["1.1"];
        var perDomain = c.Domains.Select(d => d.Code).Where(d => d != own).Order().ToDictionary(d => d, d => links.Where(p => domainOf[p.Key] == d).Sum(p => p.Value));
        string Titled(IEnumerable<int> ds) => JoinEnglish(ds.Select(d => $"{d} ({c.Domains.Single(x => x.Code == d).Title["en"]})"));
        string Plural(ICollection<int> ds) => ds.Count == 1 ? "domain" : "domains";
        int best = perDomain.Values.Max();
        var top = perDomain.Where(p => p.Value == best).Select(p => p.Key).ToList();
        var unreached = perDomain.Where(p => p.Value == 0).Select(p => p.Key).ToList();
        var reached = perDomain.Where(p => p.Value > 0).ToList();
        int worst = reached.Count == 0 ? 0 : reached.Min(p => p.Value);
        var least = worst == best ? [] : reached.Where(p => p.Value == worst).Select(p => p.Key).ToList();
        string tail = best == 0 ? "; none of their links reaches another domain of change;"
            : least.Count > 0 ? $"; by domain of change, they reach {Plural(top)} {JoinEnglish(top.Select(d => d.ToString()))} most and {Plural(least)} {Titled(least)} least"
                + (unreached.Count > 0 ? $", and leave {Plural(unreached)} {Titled(unreached)} unreached" : "") + ", where links could be strengthened;"
            : unreached.Count > 0 ? $"; by domain of change, they reach {(top.Count > 1 ? $"domains {JoinEnglish(top.Select(d => d.ToString()))} equally" : $"only domain {top[0]}")} and leave {Plural(unreached)} {Titled(unreached)} unreached, where links could be strengthened;"
            : ");";
        Assert.EndsWith(tail, line);
        Assert.DoesNotMatch(@"domains? [^;]*\b(" + string.Join("|", unreached.Select(d => d.ToString()).DefaultIfEmpty("x")) + @") \([^)]*\) least", line);
    }

    /// <summary>
    /// Issue 23 (three-year cycle, para. 8 (c) (iii)): a sub-item "over all review years …" sat under "a closer look at the
    /// projects reviewed in 2022 shows that:". It is an item of the paragraph's own list, after the closer look, in every language.
    /// </summary>
    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void Nothing_about_all_review_years_sits_under_the_closer_look_at_the_last_year(Scenario s)
    {
        foreach (var (name, doc) in Build(s).Docs.Where(d => d.Key.StartsWith("portfolio-analysis.", StringComparison.Ordinal)))
        {
            var lists = doc.Body.OfType<SubItems>().ToList();
            // The paragraph with the closer look: one of its items holds the sub-items on the last year.
            var closer = lists.Single(l => l.Items.Any(i => i.Blocks.OfType<SubItems>().Any()));
            var inner = closer.Items.Single(i => i.Blocks.OfType<SubItems>().Any()).Blocks.OfType<SubItems>().Single();
            Assert.Equal(2, inner.Items.Count); // the most integrated domain; outcome 1.1 that year
            // The item on all review years follows the closer look, at the level of the paragraph's list, and ends it.
            Assert.Same(closer.Items[^2], closer.Items.Single(i => i.Blocks.OfType<SubItems>().Any()));
            string last = Inlines.PlainText(closer.Items[^1].Blocks.OfType<Paragraph>().Single().Content);
            Assert.Contains("2.2", last);
            // With one review year there are no "all review years": the item names the year.
            if (name.EndsWith(".en", StringComparison.Ordinal))
                Assert.Matches(ReviewYears(Build(s).Cycle).Count > 1 ? "^(over all review years|no project reviewed had outcome 2.2)" : $"^(in {ReviewYears(Build(s).Cycle)[0]}, projects on|no project reviewed had outcome 2.2)", last);
            if (ReviewYears(Build(s).Cycle).Count == 1) Assert.DoesNotContain("over all review years", Inlines.PlainText(closer.Items[^1].Blocks.OfType<Paragraph>().Single().Content));
        }
    }
    /// <summary>
    /// Issue 23 (generated cycles, read as an editor): "three fell short … (outcomes 1.1, 3.3 and 4.3) (annex, figure I)" and
    /// "(no project had this primary outcome in 2021) (figure VI)": two parentheses in a row. The figure reference moves to
    /// what it illustrates, or joins the note it follows ("in 2021; figure VI"), in every language.
    /// </summary>
    [Theory]
    [MemberData(nameof(CycleGenerator.Cases), MemberType = typeof(CycleGenerator))]
    public void No_two_parentheses_stand_in_a_row(Scenario s)
    {
        foreach (var (name, text) in Build(s).Text)
            foreach (string paragraph in Sentences(text))
            {
                var twice = Regex.Match(paragraph, @"\)\s?\(|）（");
                Assert.False(twice.Success, $"{name}: two parentheses in a row, '{Around(paragraph, twice.Value)}':\n{paragraph}");
            }
    }
}
