using System.Diagnostics;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportGen.Audit;
using ReportGen.Packaging;
using ReportGen.Sample;
using ReportGen.Tests.Cli;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Audit;

/// <summary>diff's redline (tracked revisions in B's Word document) and its HTML page, read back.</summary>
public sealed class RedlineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Build(string workbook, string name) => BuildFolder.Make(_dir, workbook, name, "--format", "docx");

    /// <summary>The sample with one project changed: PRC21-001 no longer serves outcome 4.1.</summary>
    private string ChangedWorkbook() => ChangedSample.Write(_dir);

    /// <summary>A paragraph's text with every revision accepted (deletions dropped) or rejected (insertions dropped, deletions kept).</summary>
    private static string TextOf(Paragraph p, bool accept) => string.Concat(p.Descendants().Select(e => e switch
    {
        Text t when !(accept ? false : t.Ancestors<InsertedRun>().Any()) => t.Text,
        DeletedText d when !accept => d.Text,
        NoBreakHyphen h when !(accept ? h.Ancestors<DeletedRun>().Any() : h.Ancestors<InsertedRun>().Any()) => "-",
        _ => "",
    }));

    private static bool MarkDeleted(Paragraph p) => p.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>() is not null;

    private static bool MarkInserted(Paragraph p) => p.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Inserted>() is not null;

    private static List<string> Texts(string docx)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(DocumentText.TextOf).ToList();
    }

    /// <summary>
    /// A copy of a redline with every revision accepted (insertions kept, deletions and deleted
    /// paragraphs dropped) or rejected (the other way round), in every part: as Word's "Accept All"
    /// and "Reject All" leave it.
    /// </summary>
    private string Resolved(string redline, bool accept)
    {
        string path = _dir.File(Path.GetFileNameWithoutExtension(redline) + (accept ? ".accepted.docx" : ".rejected.docx"));
        File.Copy(redline, path, overwrite: true);
        using var doc = WordprocessingDocument.Open(path, true);
        var main = doc.MainDocumentPart!;
        var roots = new DocumentFormat.OpenXml.OpenXmlPartRootElement[] { main.Document }
            .Concat(main.HeaderParts.Select(h => h.Header)).Concat(main.FooterParts.Select(f => f.Footer))
            .Concat(main.FootnotesPart is { } notes ? [notes.Footnotes] : []);
        foreach (var root in roots)
        {
            foreach (var p in root.Descendants<Paragraph>().Where(p => accept ? MarkDeleted(p) : MarkInserted(p)).ToList()) p.Remove();
            foreach (var gone in root.Descendants().Where(e => accept ? e is DeletedRun : e is InsertedRun).ToList()) gone.Remove();
            foreach (var kept in root.Descendants().Where(e => accept ? e is InsertedRun : e is DeletedRun).ToList())
            {
                foreach (var child in kept.ChildElements.ToList()) { child.Remove(); kept.InsertBeforeSelf(child); }
                kept.Remove();
            }
            foreach (var text in root.Descendants<DeletedText>().ToList()) text.Parent!.ReplaceChild(new Text(text.Text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }, text);
            foreach (var mark in root.Descendants().Where(e => e is Inserted or Deleted).ToList()) mark.Remove();
            root.Save();
        }
        return path;
    }

    [Fact]
    public void The_redline_accepted_is_b_and_rejected_is_a_with_revisions_by_reportgen_dated_from_the_manifest()
    {
        string a = Build(Repo.Seed, "a"), b = Build(ChangedWorkbook(), "b");
        string redlines = _dir.File("redlines");
        var (code, _, error) = CliTests.Run("diff", a, b, "--docx", redlines);
        Assert.True(code == 1, error);
        string redline = Path.Combine(redlines, "portfolio-analysis.en.redline.docx");
        // Read back as diff reads a document (paragraph numbers, written as text in the redline, are labels, not text).
        Assert.Equal(DocumentText.FromDocx(Path.Combine(b, "portfolio-analysis.en.docx")), DocumentText.FromDocx(Resolved(redline, accept: true)));
        Assert.Equal(DocumentText.FromDocx(Path.Combine(a, "portfolio-analysis.en.docx")), DocumentText.FromDocx(Resolved(redline, accept: false)));
        using (var doc = WordprocessingDocument.Open(redline, false))
        {
            var insertions = doc.MainDocumentPart!.Document.Body!.Descendants<InsertedRun>().ToList();
            var deletions = doc.MainDocumentPart.Document.Body.Descendants<DeletedRun>().ToList();
            Assert.Contains(insertions, i => i.InnerText == "39");
            Assert.Contains(deletions, d => d.InnerText == "41");
            // The sample's documents are dated 2022-03-01 (Documents sheet); the revisions carry B's manifest's date.
            Assert.All(insertions.Cast<DocumentFormat.OpenXml.OpenXmlElement>().Concat(deletions), r =>
            {
                Assert.Equal("ReportGen", r.GetAttribute("author", r.NamespaceUri).Value);
                Assert.StartsWith(ManifestDate(b), r.GetAttribute("date", r.NamespaceUri).Value);
            });
            // One id space for revisions and bookmarks (the redline adds bookmarks of its own).
            var ids = insertions.Select(i => i.Id!.Value).Concat(deletions.Select(d => d.Id!.Value))
                .Concat(doc.MainDocumentPart.Document.Body.Descendants<BookmarkStart>().Select(m => m.Id!.Value)).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
                .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
        }
        // Same inputs, same bytes: a second redline is identical; an unchanged pair has no revision.
        string again = _dir.File("again");
        CliTests.Run("diff", a, b, "--docx", again);
        Assert.Equal(File.ReadAllBytes(redline), File.ReadAllBytes(Path.Combine(again, "portfolio-analysis.en.redline.docx")));
        using (var same = WordprocessingDocument.Open(Path.Combine(redlines, "annual-report-summary.en.redline.docx"), false))
            Assert.Empty(same.MainDocumentPart!.Document.Body!.Descendants<InsertedRun>());
    }

    /// <summary>A Word document of the paragraphs, each given as its runs' texts ("\t" a tab; "[" and "]" a bookmark around the next run).</summary>
    private string Docx(string name, params string[][] paragraphs)
    {
        string path = _dir.File(name);
        using var doc = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var body = new Body();
        int bookmark = 0;
        foreach (var runs in paragraphs)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Body" }));
            foreach (string run in runs)
            {
                if (run == "[") { p.AppendChild(new BookmarkStart { Id = (++bookmark).ToString(), Name = $"_F{bookmark}" }); continue; }
                if (run == "]") { p.AppendChild(new BookmarkEnd { Id = bookmark.ToString() }); continue; }
                p.AppendChild(run == "\t" ? new Run(new RunProperties(new Bold()), new TabChar()) : new Run(new RunProperties(new Bold()), new Text(run) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
            }
            body.AppendChild(p);
        }
        doc.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        return path;
    }

    [Fact]
    public void Paragraphs_added_and_removed_are_tracked_with_their_paragraph_marks_and_runs_keep_their_formatting()
    {
        string a = Docx("a.docx", ["Alpha one."], ["Bravo two."], ["Total:", "\t", "[", "41", "]", " per cent of the projects. It grew."], ["Charlie three."]);
        string b = Docx("b.docx", ["Alpha one."], ["Total:", "\t", "[", "39", "]", " per cent of the projects. It grew."], ["Charlie three."], ["Delta four."]);
        string redline = _dir.File("redline.docx");
        File.WriteAllBytes(redline, Redline.Write(a, b, new DateOnly(2022, 3, 1)));
        using var doc = WordprocessingDocument.Open(redline, false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal(["Alpha one.", "Bravo two.", "Total:39 per cent of the projects. It grew.", "Charlie three.", "Delta four."], paragraphs.Select(p => TextOf(p, accept: true).Length == 0 ? TextOf(p, accept: false) : TextOf(p, accept: true)));
        Assert.True(MarkDeleted(paragraphs[1]));
        Assert.Equal("Bravo two.", string.Concat(paragraphs[1].Descendants<DeletedRun>().SelectMany(d => d.Descendants<DeletedText>()).Select(t => t.Text)));
        Assert.True(MarkInserted(paragraphs[4]));
        Assert.Equal("Delta four.", string.Concat(paragraphs[4].Descendants<InsertedRun>().Select(i => i.InnerText)));
        // The changed paragraph: 41 deleted, 39 inserted, inside the bookmark, bold kept, the tab kept; the other sentence untouched.
        var total = paragraphs[2];
        Assert.Equal("41", total.Descendants<DeletedRun>().Single().InnerText);
        Assert.Equal("39", total.Descendants<InsertedRun>().Single().InnerText);
        Assert.NotNull(total.Descendants<InsertedRun>().Single().Descendants<Bold>().SingleOrDefault());
        Assert.NotNull(total.Descendants<DeletedRun>().Single().Descendants<Bold>().SingleOrDefault());
        Assert.Single(total.Descendants<TabChar>());
        var start = total.Elements().ToList().FindIndex(e => e is BookmarkStart);
        var end = total.Elements().ToList().FindIndex(e => e is BookmarkEnd);
        Assert.True(start < total.Elements().ToList().FindIndex(e => e is InsertedRun) && total.Elements().ToList().FindIndex(e => e is InsertedRun) < end);
        Assert.Equal("Total:41 per cent of the projects. It grew.", TextOf(total, accept: false));
        Assert.All(doc.MainDocumentPart.Document.Body.Descendants<DeletedRun>(), d => Assert.Equal(new DateTime(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc), d.Date!.Value));
    }

    private static string ManifestDate(string build) =>
        Manifest.FromJson(File.ReadAllText(Path.Combine(build, Manifest.FileName))).Date ?? throw new InvalidOperationException("no date");

    [SkippableFact]
    public void LibreOffice_reads_the_redline_as_tracked_changes_by_reportgen()
    {
        ExternalTool.Require("soffice", "libreoffice-writer-nogui");
        string a = Build(Repo.Seed, "a"), b = Build(ChangedWorkbook(), "b");
        string redline = _dir.File("redline.docx");
        var (code, _, error) = CliTests.Run("diff", Path.Combine(a, "portfolio-analysis.zh.docx"), Path.Combine(b, "portfolio-analysis.zh.docx"), "--docx", redline);
        Assert.True(code == 1, error);
        string converted = _dir.File("lo");
        LibreOffice.Convert([redline], "fodt", converted, _dir.Path, "libreoffice-writer-nogui");
        var odf = XDocument.Load(Path.Combine(converted, "redline.fodt"));
        XNamespace text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0", dc = "http://purl.org/dc/elements/1.1/";
        var regions = odf.Descendants(text + "tracked-changes").Single().Elements(text + "changed-region")
            .ToDictionary(r => (string)r.Attribute(text + "id")!, r => r.Elements().Single());
        Assert.NotEmpty(regions);
        Assert.All(regions.Values, r => Assert.Equal("ReportGen", r.Descendants(dc + "creator").Single().Value));
        Assert.All(regions.Values, r => Assert.StartsWith(ManifestDate(b), r.Descendants(dc + "date").Single().Value));
        // The text LibreOffice places between each change's start and end, by kind: paragraph 8's 41 → 39.
        var changed = new List<(string Kind, string Text)>();
        foreach (var s in odf.Descendants(text + "change-start"))
        {
            string id = (string)s.Attribute(text + "change-id")!;
            var inside = s.NodesAfterSelf().TakeWhile(n => !(n is XElement e && e.Name == text + "change-end" && (string?)e.Attribute(text + "change-id") == id));
            changed.Add((regions[id].Name.LocalName, string.Concat(inside.Select(n => n is XElement e ? e.Value : n is XText t ? t.Value : ""))));
        }
        Assert.Contains(("deletion", "41"), changed);
        Assert.Contains(("insertion", "39"), changed);
        Assert.Contains(changed, c => c.Kind == "deletion" && c.Text.Contains("和变革领域\u2060\u202F4（有效预防和应对城市危机）")); // the Word text: a joiner and the narrow gap for the space (Typesetting.MixedSpacing.ForWord)
    }

    /// <summary>Runs soffice on a redline and returns the PDF's text as pdftotext lays it out.</summary>
    private string LibreOfficeText(string docx)
    {
        string converted = _dir.File("lo-pdf");
        LibreOffice.Convert([docx], "pdf", converted, _dir.Path, "libreoffice-writer-nogui");
        return Poppler.PdfFileToText(Path.Combine(converted, Path.GetFileNameWithoutExtension(docx) + ".pdf"), "-layout");
    }

    [SkippableFact]
    public void LibreOffice_shows_every_paragraph_number_once_and_unchanged_where_only_text_changed()
    {
        ExternalTool.Require("soffice", "libreoffice-writer-nogui");
        ExternalTool.Require("pdftotext", "poppler-utils");
        string a = Build(Repo.Seed, "a"), b = Build(ChangedWorkbook(), "b");
        string redline = _dir.File("portfolio-analysis.en.redline.docx");
        var (code, _, error) = CliTests.Run("diff", Path.Combine(a, "portfolio-analysis.en.docx"), Path.Combine(b, "portfolio-analysis.en.docx"), "--docx", redline);
        Assert.True(code == 1, error);
        string text = LibreOfficeText(redline);
        // Paragraph 8 (41 → 39) and 8 (c) (ii) (a domain dropped) changed; no number shows an "original" one beside it.
        Assert.DoesNotMatch(@"\[(\d+\.|\([a-z]+\))\]", text);
        // Every numbered paragraph of B, in order, starts a line with its own number, once: "8.  Programming that spans …".
        using var doc = WordprocessingDocument.Open(Path.Combine(b, "portfolio-analysis.en.docx"), false);
        var numbered = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value == 1).ToList();
        Assert.Equal(13, numbered.Count);
        for (int n = 1; n <= numbered.Count; n++)
        {
            string words = string.Join(@"\s+", DocumentText.TextOf(numbered[n - 1]).Split(' ').Take(3).Select(System.Text.RegularExpressions.Regex.Escape));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, $@"(?m)^\s*{n}\.\s+{words}"));
        }
        Assert.Matches(@"(?m)^\s*\(ii\)\s+projects with outcome 1\.1", text);
        Assert.Matches(@"(?m)^\s*\(d\)\s+over all review years", text); // the item on all review years is (d) of paragraph 8, after the closer look (issue 23)
    }

    /// <summary>The sample with a new symbol for the portfolio analysis (its running header), a new agenda symbol (its footnote) and PRC21-001 no longer serving outcome 4.1 (paragraph 8, chart III).</summary>
    private string RenamedWorkbook()
    {
        string path = _dir.File("renamed.xlsx");
        SpreadsheetWriter.Write(path, SampleWorkbook.Sheets().Select(s => s.Name switch
        {
            "Documents" => s with { Rows = s.Rows.Select(r => r.Select(v => v switch
            {
                "HSP/EB.2021/19/Add.1" => "HSP/EB.2021/19/Add.2",
                "HSP/EB.2021/12" => "HSP/EB.2021/13",
                _ => v,
            }).ToArray()).ToList() },
            "Projects" => s with { Rows = s.Rows.Select(r => (string)r[0]! == "PRC21-001" ? r.Select((v, i) => i == 6 ? (object?)"3.1; 2.1" : v).ToArray() : r).ToList() },
            _ => s,
        }));
        return path;
    }

    [Fact]
    public void Headers_footnotes_and_chart_data_carry_their_changes_as_revisions()
    {
        string a = Build(Repo.Seed, "a"), b = Build(RenamedWorkbook(), "b");
        string redline = _dir.File("redline.docx");
        var (code, _, error) = CliTests.Run("diff", Path.Combine(a, "portfolio-analysis.en.docx"), Path.Combine(b, "portfolio-analysis.en.docx"), "--docx", redline);
        Assert.True(code == 1, error);
        using var doc = WordprocessingDocument.Open(redline, false);
        var main = doc.MainDocumentPart!;
        static (string Deleted, string Inserted) Revisions(DocumentFormat.OpenXml.OpenXmlElement root) =>
            (string.Concat(root.Descendants<DeletedText>().Select(t => t.Text)), string.Concat(root.Descendants<InsertedRun>().Select(i => i.InnerText)));

        // The running header of later pages (even and odd), in the header parts themselves; the first page's is empty.
        var headers = main.Document.Body!.Elements<SectionProperties>().Single().Elements<HeaderReference>()
            .ToDictionary(h => h.Type!.InnerText!, h => ((HeaderPart)main.GetPartById(h.Id!)).Header);
        Assert.Equal(("HSP/EB.2021/19/Add.1", "HSP/EB.2021/19/Add.2"), Revisions(headers["even"]));
        Assert.Equal(("HSP/EB.2021/19/Add.1", "HSP/EB.2021/19/Add.2"), Revisions(headers["default"]));
        Assert.Equal(("", ""), Revisions(headers["first"]));
        Assert.All(headers["default"].Descendants<InsertedRun>(), i => Assert.Equal("ReportGen", i.Author!.Value));
        // The agenda item's footnote, in the footnotes part.
        var note = main.FootnotesPart!.Footnotes.Elements<Footnote>().Single(f => f.Id!.Value == 1);
        // The note's mark "*" stays: only the text after it changed.
        Assert.Equal(("HSP/EB.2021/12.", "HSP/EB.2021/13."), Revisions(note));
        Assert.Equal("*\tHSP/EB.2021/13.", Resolved(note, accept: true));
        Assert.Equal("*\tHSP/EB.2021/12.", Resolved(note, accept: false));

        // Chart III's data: under the chart, the one value that changed, old deleted and new inserted.
        var lines = main.Document.Body.Descendants<Paragraph>()
            .Where(p => p.Elements<BookmarkStart>().Any(m => m.Name!.Value!.StartsWith(ReportGen.Document.Anchors.NoTextPrefix + "chart-data-", StringComparison.Ordinal))).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(("Review 2021, 4.1: ", "5", "4"), (string.Concat(line.Elements<Run>().Select(r => r.InnerText)), Revisions(line).Deleted, Revisions(line).Inserted));
        var chart = line.PreviousSibling<Paragraph>()!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Single();
        Assert.StartsWith("Figure III Interrelation of outcome 1.1", chart.Title!.Value);
        // Read back, the redline accepted is B and rejected is A: the chart's line is not the documents' text.
        Assert.Equal(DocumentText.FromDocx(Path.Combine(b, "portfolio-analysis.en.docx")), DocumentText.FromDocx(Resolved(redline, accept: true)));
        Assert.Equal(DocumentText.FromDocx(Path.Combine(a, "portfolio-analysis.en.docx")), DocumentText.FromDocx(Resolved(redline, accept: false)));
    }

    /// <summary>An element's text with its revisions accepted or rejected ("\t" for a tab).</summary>
    private static string Resolved(DocumentFormat.OpenXml.OpenXmlElement root, bool accept) => string.Concat(root.Descendants().Select(e => e switch
    {
        Text t when accept || !t.Ancestors<InsertedRun>().Any() => t.Text,
        DeletedText d when !accept => d.Text,
        TabChar tab when (accept ? !tab.Ancestors<DeletedRun>().Any() : !tab.Ancestors<InsertedRun>().Any()) => "\t",
        _ => "",
    }));

    [Fact]
    public void The_html_report_is_one_page_a_parser_reads_with_figures_and_both_languages_side_by_side()
    {
        string a = Build(Repo.Seed, "a"), b = Build(ChangedWorkbook(), "b");
        string page = _dir.File("diff.html");
        var (code, _, error) = CliTests.Run("diff", a, b, "--html", page);
        Assert.True(code == 1, error);
        string html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>\n", html);
        var doc = XDocument.Parse(html[html.IndexOf('\n')..]); // well-formed XHTML
        XNamespace x = "http://www.w3.org/1999/xhtml";
        // Self-contained: no script, stylesheet link, image or frame from elsewhere.
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "iframe");
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName is "src" or "href");
        var inputs = doc.Descendants(x + "section").Single(s => (string?)s.Attribute("id") == "inputs");
        Assert.Contains("workbook changed.xlsx", inputs.Value);
        var figures = doc.Descendants(x + "section").Single(s => (string?)s.Attribute("id") == "figures").Descendants(x + "tbody").Single().Elements(x + "tr")
            .Select(r => r.Elements(x + "td").Select(c => c.Value).ToList()).ToList();
        Assert.Contains(["portfolio.years[2021].all_domains_share", "41 per cent · 41%", "39 per cent · 39%", "0.4074074074074074", "0.3888888888888889"], figures);
        Assert.Equal(DiffReport.Compare(a, b).Figures.Count, figures.Count);
        var rows = doc.Descendants(x + "section").Single(s => (string?)s.Attribute("id") == "paragraphs").Descendants(x + "tbody").Single().Elements(x + "tr").ToList();
        var eight = rows.Single(r => r.Elements(x + "td").First().Value == "paragraph 8").Elements(x + "td").ToList();
        Assert.Equal(("en", "41", "39"), ((string)eight[1].Attribute("lang")!, eight[1].Descendants(x + "del").Single().Value, eight[1].Descendants(x + "ins").Single().Value));
        Assert.Equal(("zh-CN", "41", "39"), ((string)eight[2].Attribute("lang")!, eight[2].Descendants(x + "del").Single().Value, eight[2].Descendants(x + "ins").Single().Value));
        Assert.Contains("2021 年审查的项目中有 ", eight[2].Value);
    }
}
