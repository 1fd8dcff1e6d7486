using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using ReportGen.Build;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// The sample's PDFs are tagged PDF for screen readers (PDF/UA-1): read back with poppler's
/// <c>pdfinfo -struct-text</c> (the structure tree with its text, as a reader walks it) and with
/// PDFsharp's reader for what poppler does not print (alternative text, languages, scope).
/// </summary>
public class TaggedPdfTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Outputs = new(() =>
        BuildPipeline.Render(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], ["pdf", "docx"], null))
            .ToDictionary(o => o.FileName, o => o.Bytes));

    public static TheoryData<string> Pdfs => new() { "portfolio-analysis.en.pdf", "portfolio-analysis.zh.pdf", "annual-report-summary.en.pdf", "annual-report-summary.zh.pdf" };

    private static string Run(string program, params string[] args)
    {
        ExternalTool.Require(program, "poppler-utils");
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error.Result}");
        Assert.True(error.Result.Length == 0, $"{program} warned: {error.Result}");
        return output;
    }

    private static string WithFile(byte[] pdf, Func<string, string> read)
    {
        string path = Path.Combine(Path.GetTempPath(), $"reportgen-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try { return read(path); }
        finally { File.Delete(path); }
    }

    private static string StructText(string name) => WithFile(Outputs.Value[name], path => Run("pdfinfo", "-struct-text", path));
    private static string PageText(string name) => WithFile(Outputs.Value[name], path => Run("pdftotext", path, "-"));
    private static string Info(string name) => WithFile(Outputs.Value[name], path => Run("pdfinfo", path));

    /// <summary>The quoted text of the structure tree, in tree order.</summary>
    private static string TreeText(string structText) =>
        string.Concat(Regex.Matches(structText, "^\\s*\"(.*)\"$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));

    /// <summary>The element lines of the tree ("H1", "P", "TH", ...) each with the text right under it.</summary>
    private static List<(string Role, string Text)> Elements(string structText)
    {
        var lines = structText.Split('\n');
        var result = new List<(string, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Regex.Match(lines[i], @"^\s*([A-Za-z0-9]+)\b");
            if (!m.Success || lines[i].TrimStart().StartsWith('"') || lines[i].TrimStart().StartsWith('/')) continue;
            var text = new StringBuilder();
            int indent = lines[i].Length - lines[i].TrimStart().Length;
            for (int j = i + 1; j < lines.Length && (lines[j].Length - lines[j].TrimStart().Length) > indent; j++)
                if (Regex.Match(lines[j], "^\\s*\"(.*)\"$") is { Success: true } q) text.Append(q.Groups[1].Value);
            result.Add((m.Groups[1].Value, Regex.Replace(text.ToString(), @"\s+", " ").Trim()));
        }
        return result;
    }

    [SkippableTheory]
    [MemberData(nameof(Pdfs))]
    public void Is_tagged_and_poppler_reads_its_structure_without_complaint(string name)
    {
        Assert.Matches(@"Tagged:\s+yes", Info(name));
        string tree = StructText(name); // fails on any poppler warning (loops, broken references)
        Assert.StartsWith("Document", tree);
    }

    [SkippableFact]
    public void Headings_paragraphs_lists_tables_and_figures_come_in_reading_order()
    {
        var elements = Elements(StructText("portfolio-analysis.en.pdf"));
        string Roles(string text) => string.Join(",", elements.Where(e => e.Text.StartsWith(text, StringComparison.Ordinal)).Select(e => e.Role).Distinct());
        Assert.Equal("H1", Roles("I. Introduction"));
        Assert.Equal("H2", Roles("A. Method"));
        Assert.Equal("P", Roles("1. The present report sets out"));
        Assert.Contains(elements, e => e.Role == "Lbl" && e.Text == "1.");
        Assert.Contains(elements, e => e.Role == "LI" && e.Text == "(a) how integrated programming develops over time;");
        Assert.Contains(elements, e => e.Role == "TH" && e.Text == "Domain of change");
        Assert.Contains(elements, e => e.Role == "TD" && e.Text.StartsWith("1.1 Increased and equal access to basic services", StringComparison.Ordinal));
        Assert.Equal(10, elements.Count(e => e.Role == "Figure"));

        // Reading order: the order of the text in the document, masthead first, annexes last.
        string text = TreeText(StructText("portfolio-analysis.en.pdf"));
        string[] order = ["United Nations", "HSP/EB.2021/19/Add.1", "Executive Board of the United Nations", "Distr.: General", "Linkages between the normative",
            "I.", "Introduction", "1.", "The present report", "II.", "Focusing the implementation", "(a)", "how integrated programming", "IV.", "Next steps",
            "Annex I", "Domain of change", "Annex II", "Figure I", "Linkages between outcomes by number of projects reviewed in 2020"];
        int at = 0;
        foreach (string piece in order)
        {
            int found = text.IndexOf(piece, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{piece}' is not in the structure after position {at}");
            at = found + piece.Length;
        }
    }

    [SkippableFact]
    public void A_footnote_is_a_note_inside_the_element_that_cites_it()
    {
        var elements = Elements(StructText("portfolio-analysis.en.pdf"));
        var agenda = elements.First(e => e.Role == "P" && e.Text.StartsWith("Item 6 of the provisional agenda*", StringComparison.Ordinal));
        Assert.EndsWith("* HSP/EB.2021/12.", agenda.Text);
        Assert.Contains(elements, e => e.Role == "Note" && e.Text == "* HSP/EB.2021/12.");
        // Each note has its own ID (PDF/UA-1 7.9).
        var notes = Structure.Read(Outputs.Value["portfolio-analysis.en.pdf"]).Elements.Where(e => e.Role == "Note").ToList();
        Assert.Equal(2, notes.Count);
        Assert.Equal(notes.Count, notes.Select(n => n.Id).Where(id => id is { Length: > 0 }).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(Pdfs))]
    public void Running_headers_and_page_numbers_are_artifacts_not_read(string name)
    {
        string symbol = name.StartsWith("portfolio", StringComparison.Ordinal) ? "HSP/EB.2021/19/Add.1" : "HSP/EB.2021/19";
        var pages = PageText(name).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count > 2);
        // On the page: the symbol heads every page after the first, and each page has its number.
        Assert.All(pages.Skip(1), p => Assert.Contains(symbol, p));
        string tree = StructText(name);
        // In the structure: the symbol once (the masthead), no line that is only a page number.
        Assert.Single(Regex.Matches(tree, "\"" + Regex.Escape(symbol) + " ?\""));
        // A number alone is a table cell's, never a page number dropped into the text between paragraphs.
        var lines = tree.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], "^\\s*\"\\d{1,3} ?\"$")) continue;
            int indent = lines[i].Length - lines[i].TrimStart().Length;
            int parent = i - 1;
            while (parent >= 0 && (lines[parent].Length - lines[parent].TrimStart().Length >= indent || lines[parent].TrimStart().StartsWith('"'))) parent--;
            // Or it begins a longer text, split by a language span ("4 October 2021" in the Chinese masthead).
            bool continued = i + 1 < lines.Length && lines[i + 1].Length - lines[i + 1].TrimStart().Length == indent;
            Assert.True(continued || Regex.IsMatch(lines[parent], "^\\s*(TD|TH)\\b"), $"{lines[i].Trim()} alone in {lines[parent].Trim()}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Pdfs))]
    public void Every_number_on_the_pages_is_in_the_structure(string name)
    {
        string tree = Regex.Replace(TreeText(StructText(name)), @"\s+", "");
        var pages = PageText(name).Split('\f');
        var missing = new List<string>();
        for (int p = 0; p < pages.Length; p++)
        {
            // The page number itself is an artifact: it is on its own line at the page's foot.
            var lines = pages[p].Split('\n').Where(l => l.Trim() != (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (Match m in Regex.Matches(string.Join("\n", lines), @"\d+(?:[.,]\d+)*%?"))
                if (!tree.Contains(m.Value, StringComparison.Ordinal)) missing.Add($"page {p + 1}: {m.Value}");
        }
        Assert.Empty(missing);
    }

    [SkippableFact]
    public void Words_at_line_ends_stay_apart_and_broken_words_read_whole()
    {
        string tree = TreeText(StructText("portfolio-analysis.en.pdf"));
        Assert.Contains("Executive Board of the United Nations Human Settlements Programme", tree);
        Assert.Contains("in numbers and in substance, the links between its normative and its operational activities", tree);
        Assert.Contains("for the period 2020–2023. The analysis", tree);
        Assert.DoesNotContain("operationalwork", tree);
        // The hyphen added where a word is broken at a line's end is not read (its ActualText is empty).
        var pdf = Structure.Read(Outputs.Value["portfolio-analysis.en.pdf"]);
        Assert.Contains(pdf.Elements, e => e.Role == "Span" && e.ActualText == "");
    }

    [SkippableFact]
    public void A_table_header_repeated_on_a_continuation_page_is_read_once()
    {
        // The sample's strategic plan table, made six times as long so that it runs over pages.
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en"], [], null));
        var doc = documents.First(d => d.Spec.DocId == "portfolio-analysis").Doc;
        var table = doc.AllBlocks().OfType<ReportGen.Document.Table>().First(t => t.Header.Count > 0);
        var body = doc.Body.Append(table with { Rows = [.. Enumerable.Repeat(table.Rows, 6).SelectMany(r => r)] }).ToList();
        var (pdf, _) = ReportGen.Rendering.Pdf.PdfWriter.Write(doc with { Body = body });
        string header = string.Concat(table.Header[0][0].Content.OfType<ReportGen.Document.Text>().Select(t => t.Value));
        Assert.Equal("Domain of change", header);
        var pages = WithFile(pdf, path => Run("pdftotext", path, "-")).Split('\f');
        int onPages = pages.Count(p => p.Contains(header, StringComparison.Ordinal));
        Assert.True(onPages >= 3, $"'{header}' heads {onPages} pages");
        var elements = Elements(WithFile(pdf, path => Run("pdfinfo", "-struct-text", path)));
        Assert.Equal(2, elements.Count(e => e.Role == "TH" && e.Text == header)); // the annex table and the long one: once each
    }

    [Theory]
    [InlineData("portfolio-analysis.en.pdf", "en")]
    [InlineData("portfolio-analysis.zh.pdf", "zh-CN")]
    [InlineData("annual-report-summary.zh.pdf", "zh-CN")]
    public void Language_title_and_pdf_ua_identification(string name, string language)
    {
        var pdf = Structure.Read(Outputs.Value[name]);
        Assert.Equal(language, pdf.Language);
        Assert.True(pdf.DisplayDocTitle);
        Assert.True(pdf.Marked);
        Assert.False(string.IsNullOrWhiteSpace(pdf.Title));
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", pdf.Xmp);
        Assert.Contains("<dc:title>", pdf.Xmp);
        if (language == "zh-CN")
            Assert.Contains(pdf.Elements, e => e.Role == "Span" && e.Language == "en"); // Latin runs in the Chinese text (symbols, names)
        else
            Assert.DoesNotContain(pdf.Elements, e => e.Language is not null);
    }

    [Fact]
    public void Header_cells_head_their_columns()
    {
        var pdf = Structure.Read(Outputs.Value["annual-report-summary.en.pdf"]);
        var headers = pdf.Elements.Where(e => e.Role == "TH").ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Equal("/Column", h.Scope));
        Assert.All(pdf.Elements.Where(e => e.Role is "TH" or "TD"), c => Assert.Equal("TR", c.Parent));
        Assert.All(pdf.Elements.Where(e => e.Role == "TR"), r => Assert.Equal("Table", r.Parent));
    }

    [Theory]
    [InlineData("portfolio-analysis.en")]
    [InlineData("portfolio-analysis.zh")]
    public void Figures_carry_the_same_alternative_text_as_the_word_document(string name)
    {
        var figures = Structure.Read(Outputs.Value[name + ".pdf"]).Elements.Where(e => e.Role == "Figure").Select(e => e.Alt).ToList();
        using var docx = WordprocessingDocument.Open(new MemoryStream(Outputs.Value[name + ".docx"]), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        // Word keeps a chart's alternative text on its drawing, a matrix's (a table in Word) on the table.
        var word = body.Descendants().Where(e => e.LocalName is "docPr" or "tblDescription")
            .Select(e => e.GetAttributes().FirstOrDefault(a => a.LocalName is "descr" or "val").Value).Where(v => v is { Length: > 0 }).ToHashSet();
        Assert.Equal(10, figures.Count);
        Assert.All(figures, alt =>
        {
            Assert.False(string.IsNullOrWhiteSpace(alt));
            Assert.Matches(@"\d", alt!); // it states the chart's figures
            Assert.Contains(alt, word);
        });
    }

    /// <summary>The structure tree as PDFsharp reads it back.</summary>
    private sealed record Structure(string? Language, bool DisplayDocTitle, bool Marked, string? Title, string Xmp, List<Structure.Element> Elements)
    {
        public sealed record Element(string Role, string? Parent, string? Alt, string? Language, string? Scope, string? ActualText, string? Id);

        public static Structure Read(byte[] bytes)
        {
            using var doc = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
            var catalog = doc.Internals.Catalog;
            var root = catalog.Elements.GetDictionary("/StructTreeRoot") ?? throw new Xunit.Sdk.XunitException("no structure tree");
            var elements = new List<Element>();
            void Walk(PdfItem? item, string? parent)
            {
                if (item is PdfReference r) item = r.Value;
                if (item is PdfArray array) { foreach (var kid in array.Elements) Walk(kid, parent); return; }
                if (item is not PdfDictionary d || d.Elements.GetName("/Type") is "/MCR" or "/OBJR") return;
                string role = d.Elements.GetName("/S").TrimStart('/');
                var attributes = d.Elements.GetDictionary("/A");
                elements.Add(new Element(role, parent, d.Elements.ContainsKey("/Alt") ? d.Elements.GetString("/Alt") : null,
                    d.Elements.ContainsKey("/Lang") ? d.Elements.GetString("/Lang") : null,
                    attributes?.Elements.GetName("/Scope") is { Length: > 0 } scope ? scope : null,
                    d.Elements.ContainsKey("/ActualText") ? d.Elements.GetString("/ActualText") : null,
                    d.Elements.ContainsKey("/ID") ? d.Elements.GetString("/ID") : null));
                Walk(d.Elements["/K"], role);
            }
            Walk(root.Elements["/K"], null);
            var viewer = catalog.Elements.GetDictionary("/ViewerPreferences");
            var mark = catalog.Elements.GetDictionary("/MarkInfo");
            var metadata = catalog.Elements.GetDictionary("/Metadata");
            return new Structure(catalog.Elements.GetString("/Lang"), viewer?.Elements.GetBoolean("/DisplayDocTitle") ?? false,
                mark?.Elements.GetBoolean("/Marked") ?? false, doc.Info.Title, metadata?.Stream is { } s ? Encoding.UTF8.GetString(s.Value) : "", elements);
        }
    }
}
