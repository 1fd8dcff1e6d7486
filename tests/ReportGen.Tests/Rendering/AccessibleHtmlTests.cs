using ReportGen.Build;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReportGen.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The review page for a screen reader: landmarks and headings, each language's column marked
/// with its language, charts as SVG images named by their title and described by their text
/// alternative, which is also printed under them; tables with header cells.
/// </summary>
public class AccessibleHtmlTests
{
    private static readonly Lazy<string> Page = new(() =>
        Encoding.UTF8.GetString(ReviewPage.Build(Repo.Seed, Repo.Path("templates"), null).Page));

    [Fact]
    public void Landmarks_a_page_heading_and_a_language_on_every_column()
    {
        string page = Page.Value;
        Assert.Matches("<html lang=\"en\">", page);
        Assert.Single(Regex.Matches(page, "<main>"));
        Assert.Single(Regex.Matches(page, "<h1>ReportGen review: [^<]+</h1>"));
        var cells = Regex.Matches(page, "<div class=\"cell\"( lang=\"([^\"]*)\")?(?: id=\"[^\"]*\")?>");
        Assert.True(cells.Count > 100);
        Assert.All(cells, c => Assert.Contains(c.Groups[2].Value, new[] { "en", "zh-CN", "fr", "es", "ru" }));
        // A cell holding Chinese text is marked as Chinese.
        foreach (Match cell in Regex.Matches(page, "<div class=\"cell\" lang=\"([^\"]+)\"(?: id=\"[^\"]*\")?>(.*?)</div>"))
            if (Regex.IsMatch(cell.Groups[2].Value, @"\p{IsCJKUnifiedIdeographs}")) Assert.Equal("zh-CN", cell.Groups[1].Value);
    }

    [Fact]
    public void Charts_are_svg_images_with_a_title_and_a_text_alternative_also_shown_as_text()
    {
        var charts = Regex.Matches(Page.Value, "<svg .*?</svg>(?:<ul class=\"headlines\">.*?</ul>)?<p class=\"alt\">(.*?)</p>", RegexOptions.Singleline);
        // Every chart of both editions (ten in the portfolio analysis alone, in each language), each one matched.
        Assert.True(charts.Count >= 20, $"{charts.Count} charts");
        Assert.Equal(Regex.Matches(Page.Value, "<svg ").Count, charts.Count);
        foreach (Match chart in charts)
        {
            string markup = chart.Value[..(chart.Value.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length)];
            var svg = XElement.Parse(markup);
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal("img", (string?)svg.Attribute("role"));
            var ids = ((string?)svg.Attribute("aria-labelledby") ?? "").Split(' ');
            var title = svg.Element(ns + "title");
            var desc = svg.Element(ns + "desc");
            Assert.NotNull(title);
            Assert.NotNull(desc);
            Assert.Equal(new[] { (string)title.Attribute("id")!, (string)desc.Attribute("id")! }, ids);
            Assert.False(string.IsNullOrWhiteSpace(title.Value));
            Assert.Matches(@"\d", desc.Value); // the description states the figures
            Assert.Equal(desc.Value, WebUtility.HtmlDecode(chart.Groups[1].Value));
        }
    }

    [Fact]
    public void Tables_have_header_cells_with_their_scope()
    {
        var tables = Regex.Matches(Page.Value, "<table.*?</table>", RegexOptions.Singleline);
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.Matches("<th scope=\"(col|row)\"", t.Value));
    }
}
