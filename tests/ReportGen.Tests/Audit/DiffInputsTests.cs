using System.Xml.Linq;
using ReportGen.Audit;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>diff says why: a changed template is shown line by line, as the sentences that changed.</summary>
public sealed class DiffInputsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Templates(string name, Func<string, string> edit)
    {
        string folder = _dir.File(name);
        foreach (string file in Directory.GetFiles(Repo.Path("templates"), "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(folder, Path.GetRelativePath(Repo.Path("templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            string text = File.ReadAllText(file);
            File.WriteAllText(target, file.EndsWith(Path.Combine("en", "annual-report-summary.md.hbs"), StringComparison.Ordinal) ? edit(text) : text);
        }
        return folder;
    }

    private string Build(string templates, string name) => BuildFolder.WithTemplates(_dir, Repo.Seed, templates, name, "--format", "docx", "--lang", "en");

    [Fact]
    public void A_changed_template_is_named_with_its_changed_line_and_sentence()
    {
        const string before = "Predictable, longer-term funding therefore remains a strategic priority";
        string ta = Templates("ta", t => t), tb = Templates("tb", t => t.Replace(before, "Predictable, multi-year funding therefore remains a strategic priority", StringComparison.Ordinal));
        string a = Build(ta, "a"), b = Build(tb, "b");
        int line = File.ReadAllLines(Path.Combine(ta, "en", "annual-report-summary.md.hbs")).ToList().FindIndex(l => l.Contains(before)) + 1;

        var report = DiffReport.Compare(a, b, [ta, tb]);
        var input = Assert.Single(report.Inputs);
        Assert.Equal("template en/annual-report-summary.md.hbs", input.What);
        var changed = Assert.Single(input.Lines);
        Assert.Equal(line, changed.Line);
        var sentence = Assert.Single(changed.Sentences);
        Assert.Equal([("removed", "longer-term"), ("added", "multi-year")], sentence.Diff.Where(d => d.Op != "same").Select(d => (d.Op, d.Text)));
        // And what it changed in the document: paragraph 5's last sentence.
        var paragraph = Assert.Single(report.Documents.Single(d => d.File == "annual-report-summary.en.docx").Paragraphs);
        Assert.Empty(report.Documents.Single(d => d.File == "portfolio-analysis.en.docx").Paragraphs);
        Assert.Equal("5", paragraph.Paragraph);

        var (_, text, _) = CliTests.Run("diff", a, b, "--templates", ta, "--templates", tb);
        Assert.Contains($"  template en/annual-report-summary.md.hbs: sha256 ", text);
        Assert.Contains($"    line {line}:\n      ", text);
        Assert.Contains("Predictable, [-longer-term-]{+multi-year+} funding", text);
        // Without the templates at hand, the change is named and a note says why its lines are not shown.
        var bare = DiffReport.Compare(a, b);
        Assert.Empty(Assert.Single(bare.Inputs).Lines);
        Assert.Contains(bare.Notes, n => n.Contains("en/annual-report-summary.md.hbs") && n.Contains("not at hand"));

        string page = _dir.File("diff.html");
        CliTests.Run("diff", a, b, "--templates", ta, "--templates", tb, "--html", page);
        string html = File.ReadAllText(page);
        var doc = XDocument.Parse(html[html.IndexOf('\n')..]);
        XNamespace x = "http://www.w3.org/1999/xhtml";
        var inputs = doc.Descendants(x + "section").Single(s => (string?)s.Attribute("id") == "inputs");
        Assert.Equal(["longer-term"], inputs.Descendants(x + "del").Select(d => d.Value));
        Assert.Equal(["multi-year"], inputs.Descendants(x + "ins").Select(d => d.Value));
    }
}
