using ReportGen.Analysis;
using ReportGen.Templating;
using ReportGen.Tests.Support;
using ReportGen.Workbook;

namespace ReportGen.Tests.Templating;

/// <summary>
/// Each part of a composed document knows the template line that wrote it (for the parity check's
/// messages): marks at the start of the lines that write, which change nothing in the output.
/// </summary>
public class TemplateLinesTests
{
    [Fact]
    public void A_mark_goes_before_the_first_character_of_each_line_that_writes_and_nowhere_else()
    {
        // Not on blank lines, lines of block tags, comments or partials (Handlebars removes such a
        // line with its line break), before '{{~' (which strips the whitespace before it), nor
        // inside a tag that spans lines.
        const string body = "Text {{x}}\n{{#if a}}\n  - item\n{{/if}}\n\n{{! note }}\n{{> part}}\n{{#each l}}{{y}}{{/each}}\n{{~z}}\n{{chart \"a\"\n  title=\"b\"}}\n";
        Assert.Equal("{{__reportgen_line 2 14 1}}Text {{x}}\n{{#if a}}\n  {{__reportgen_line 2 16 3}}- item\n{{/if}}\n\n{{! note }}\n{{> part}}\n" +
            "{{__reportgen_line 2 21 1}}{{#each l}}{{y}}{{/each}}\n{{~z}}\n{{__reportgen_line 2 23 1}}{{chart \"a\"\n  title=\"b\"}}\n", TemplateLines.Mark(body, 2, 13));
    }

    [Fact]
    public void Each_part_is_placed_at_the_line_that_wrote_it()
    {
        const string frontMatter = "---\nunited_nations: United Nations\ndistribution: \"Distr.: General\"\noriginal: \"Original: English\"\norgan: Executive Board\n" +
            "session: Second session\nplace_and_dates: Nairobi\nagenda_item: Item 6\nagenda_footnote: \"{{doc.agenda_symbol}}.\"\nagenda_title: Strategic plan\n" +
            "title: A title\nsubtitle: Note by the secretariat\n---\n"; // the body starts on line 14
        const string body = "# Heading\n\n{{#with review.last}}\nIn {{year}}, a paragraph that starts inside a block.\n{{/with}}\n\n" +
            "{{num portfolio.total_projects}} projects start the third paragraph:\n\n{{#each review.years}}\n  - the year {{year}};\n{{/each}}\n\nThe last one.\n";
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("templates/en"));
        File.WriteAllText(dir.File("templates/en/annual-report-summary.md.hbs"), frontMatter + body);
        var cycle = CycleReader.ReadValid(WorkbookBuilder.Minimal().Save(dir.File("cycle.xlsx")));
        var composer = new DocumentComposer(dir.File("templates"), displayBase: dir.Path);
        var doc = composer.Compose(cycle, FigureCalculator.Compute(cycle), cycle.Documents[0], "en");
        var outline = composer.OutlineOf(doc)!;
        const string file = "templates/en/annual-report-summary.md.hbs";
        Assert.Equal(string.Join("\n",
            $"masthead {file}:1:1", $"chapter 1 {file}:14:1", $"paragraph 1 {file}:17:1", $"paragraph 2 {file}:20:1",
            $"paragraph 2 item.1 {file}:23:3", $"paragraph 2 item.2 {file}:23:3", $"paragraph 3 {file}:26:1"),
            string.Join("\n", outline.Units.Select((u, i) => $"{u.Key} {outline.Places[i]}")));
    }
}
