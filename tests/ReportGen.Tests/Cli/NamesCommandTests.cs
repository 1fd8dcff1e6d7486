using ReportGen.Tests.Support;

namespace ReportGen.Tests.Cli;

/// <summary>`reportgen names`: the catalogue in the language asked for, with values as the documents print them.</summary>
public class NamesCommandTests
{

    private static string[] Lines(params string[] args)
    {
        var (code, output, error) = CliTests.Run(["names", .. args]);
        Assert.True(code == 0, error);
        return output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void In_chinese_the_headings_kinds_and_types_are_chinese()
    {
        var lines = Lines("--lang", "zh");
        Assert.Equal("名称  （类型）  含义", lines[0]);
        Assert.Equal(["数字：", "判断：", "快捷名称：", "辅助函数：", "图表："], lines.Where(l => !l.StartsWith(' ')).Skip(1));
        Assert.Contains("  portfolio.total_projects  （数目）  所有审查年度审查的项目总数", lines);
        Assert.Contains("  funding.underfunded  （成果代码列表）  报告年度资金不足的成果", lines);
        Assert.Contains("  findings.reporting_year_funded_share  （比例或空）  报告年度全部成果的已获资金 ÷ 预算", lines);
        Assert.Contains("  eq  （是/否）  (eq a b)：相等（检验判断的值）", lines);
        // Only names, values a template compares with ("rose | fell") and template syntax stay in Latin letters.
        foreach (string english in new[] { "Figures", "Findings", "Shortcuts", "Helpers", "Charts", "(count)", "（count）", "share", "list of", "true/false", "object", "USD" })
            Assert.DoesNotContain(lines, l => l.Contains(english, StringComparison.Ordinal) && !l.TrimStart().StartsWith(english, StringComparison.Ordinal)
                && !l.Contains("_" + english, StringComparison.Ordinal) && !l.Contains("." + english, StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_workbook_values_read_as_the_documents_print_them()
    {
        var zh = Lines(Repo.Seed, "--lang", "zh");
        Assert.Equal("名称  （类型）  含义  = 其值（按文件印出的形式）", zh[0]);
        Assert.Contains("  findings.reporting_year_funded_share  （比例或空）  报告年度全部成果的已获资金 ÷ 预算  = 62%", zh);
        Assert.Contains("  funding.underfunded  （成果代码列表）  报告年度资金不足的成果  = 1.3、2.2、2.3、3.2、4.1 和 4.3", zh);
        Assert.Contains("  portfolio.years[].budget_usd  （美元）  当年项目的预算  = 136,490,000；78,560,000", zh);
        Assert.Contains("  portfolio.total_projects  （数目）  所有审查年度审查的项目总数  = 142", zh);
        Assert.Contains("  doc.date  （日期）  文件日期  = 2021 年 10 月 4 日", zh);
        Assert.Contains("  findings.review.years  （年份列表）  有项目审查的各年度  = 2020 和 2021", zh);
        Assert.Contains("  前言用语（words.…）：", zh.Select(l => "  " + l));

        var en = Lines(Repo.Seed);
        Assert.Contains("  findings.reporting_year_funded_share  (share or null)  funded ÷ budget over all outcomes in the reporting year  = 62%", en);
        Assert.Contains("  funding.underfunded  (list of outcome codes)  outcomes underfunded in the reporting year  = 1.3, 2.2, 2.3, 3.2, 4.1 and 4.3", en);
        Assert.Contains("  portfolio.years[].all_domains_share  (share)  share of the year's projects covering all domains of change  = 11%; 41%", en);
        Assert.Contains("  reporting_year  (year)  the year the annual report covers  = 2020", en);
        Assert.Contains("  findings.trends.covid_share.latest.from  (share)  the value in the first year  = 23%", en);
    }

    [Fact]
    public void In_french_the_glossary_prints_french_values_names_and_words_and_its_own_headings_and_types()
    {
        const char Narrow = '\u202F', NoBreak = '\u00A0';
        var fr = Lines(Repo.Seed, "--lang", "fr");
        Assert.Equal("nom  (type)  définition  = sa valeur, telle que les documents l’impriment", fr[0]);
        // Headings, types and meanings in French (src/ReportGen/Templating/Glossary/meanings.fr.tsv).
        Assert.Equal(["Chiffres" + NoBreak + ":", "Constats" + NoBreak + ":", "Raccourcis" + NoBreak + ":", "Fonctions d’aide" + NoBreak + ":", "Graphiques" + NoBreak + ":"],
            fr.Where(l => !l.StartsWith(' ') && l.EndsWith(NoBreak + ":") && !l.StartsWith("Mots") && !l.StartsWith("Noms")));
        Assert.DoesNotContain(fr, l => l.Contains("anglais", StringComparison.Ordinal) && !l.StartsWith("Noms du classeur", StringComparison.Ordinal) && !l.Contains("words.", StringComparison.Ordinal));
        // Values as the French documents print them.
        Assert.Contains($"  portfolio.years[].all_domains_share  (part)  part des projets de l’année couvrant tous les domaines de changement  = 11{Narrow}%{Narrow}; 41{Narrow}%", fr);
        Assert.Contains($"  portfolio.years[].budget_usd  (dollars)  budget des projets de l’année  = 136{Narrow}490{Narrow}000{Narrow}; 78{Narrow}560{Narrow}000", fr);
        Assert.Contains("  funding.underfunded  (liste de codes de réalisation)  réalisations sous-financées pendant l’année considérée  = 1.3, 2.2, 2.3, 3.2, 4.1 et 4.3", fr);
        Assert.Contains($"  findings.trends.covid_share.latest.from  (part)  la valeur de la première année  = 23{Narrow}%", fr);
        Assert.Contains($"  pct  (texte)  {{{{pct part}}}}{NoBreak}: «{Narrow}41{Narrow}%{Narrow}»", fr);
        // The words of the French template's front matter, with their French values.
        Assert.Contains("  words.united_nations  = Nations Unies", fr);
        // The workbook's _fr names beside the English, by code.
        Assert.Contains(fr, l => l.StartsWith("Noms du classeur en français (colonnes _fr)", StringComparison.Ordinal));
        Assert.Contains("  region AFR  Africa  = Afrique", fr);
        Assert.Contains(fr, l => l.StartsWith("  outcome 1.1  Increased and equal access", StringComparison.Ordinal) && l.Contains("  = Accès accru et équitable"));
        Assert.DoesNotContain(fr, l => l.Contains("(share)") || l.Contains("(count)") || l.Contains(" = 62%"));
    }

    [Theory]
    [InlineData("es", "nombre  (tipo)  significado", "Cifras:", "  portfolio.total_projects  (número)  proyectos examinados en todos los años de examen",
        "  funding.underfunded  (lista de códigos de resultado)  resultados con financiación insuficiente en el año que abarca el informe",
        "  findings.trends.projects.latest.to  (número)  el valor en el último año")]
    [InlineData("ru", "имя  (тип)  значение", "Данные:", "  portfolio.total_projects  (число)  проекты, рассмотренные за все годы обзора",
        "  funding.underfunded  (список кодов итоговых результатов)  итоговые результаты с недостаточным финансированием в отчетном году",
        "  findings.trends.projects.latest.to  (число)  значение в последнем году")]
    [InlineData("ar", "الاسم  (النوع)  المعنى", "الأرقام:", "  portfolio.total_projects  (عدد)  المشاريع التي جرى استعراضها في جميع سنوات الاستعراض",
        "  funding.underfunded  (قائمة رموز النتائج)  النتائج الناقصة التمويل في السنة المشمولة بالتقرير",
        "  findings.trends.projects.latest.to  (عدد)  القيمة في السنة الأخيرة")]
    public void Each_language_prints_its_own_meanings(string language, string legend, string heading, string line, string other, string trendPart)
    {
        var lines = Lines("--lang", language);
        Assert.Equal(legend, lines[0]);
        Assert.Equal(heading, lines[1]);
        Assert.Contains(line, lines);
        Assert.Contains(other, lines);
        Assert.Contains(trendPart, lines);
        // Every meaning is the language's, none the English (only names, template syntax and values a template compares with stay as written).
        var english = Lines();
        Assert.Equal(english.Length, lines.Length);
        Assert.All(english.Zip(lines).Where(p => p.First.StartsWith("  ", StringComparison.Ordinal)), p => Assert.NotEqual(p.First, p.Second));
    }

    [Fact]
    public void A_language_that_is_not_registered_is_a_usage_error_that_lists_the_languages()
    {
        var (code, _, error) = CliTests.Run("names", "--lang", "de");
        Assert.Equal(2, code);
        Assert.Contains("en", error);
        Assert.Contains("fr", error);
        Assert.Contains("'de'", error);
    }

    [Fact]
    public void A_list_is_printed_whole()
    {
        var en = Lines(Repo.Seed);
        Assert.Contains("  plan.outcomes[].code  (outcome code)  outcome code  = 1.1; 1.2; 1.3; 2.1; 2.2; 2.3; 3.1; 3.2; 3.3; 4.1; 4.2; 4.3", en);
        string linkage = Assert.Single(en, l => l.StartsWith("  portfolio.years[].linkage[].projects  ", StringComparison.Ordinal));
        Assert.Equal(49 + 62, linkage[(linkage.IndexOf("  = ", StringComparison.Ordinal) + 4)..].Split("; ").Length); // every link of both years
        Assert.DoesNotContain(en, l => l.Contains("  = ", StringComparison.Ordinal) && l[l.IndexOf("  = ", StringComparison.Ordinal)..].Contains('…'));
    }
}
