using System.CommandLine;
using System.Text.Json;
using ReportGen.Audit;

namespace ReportGen.Cli;

internal static class DiffCommand
{
    /// <summary>Exceptions a damaged, foreign or hostile document raises in the readers.</summary>
    internal static bool IsDocumentFault(Exception e) => e is ArgumentException or InvalidDataException or IOException or FormatException
        or OverflowException or InvalidOperationException or NotSupportedException or UnauthorizedAccessException or System.Xml.XmlException
        or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or JsonException or PdfSharp.Pdf.IO.PdfReaderException
        or IndexOutOfRangeException or KeyNotFoundException or InvalidCastException or NullReferenceException
        || e.GetType().Namespace?.StartsWith("PdfSharp", StringComparison.Ordinal) == true; // the PDF library's own reading errors

    public static Command Create(CommandContext context)
    {
        var a = new Argument<string>("A") { Description = "The earlier build folder, or a .docx/.pdf document" };
        var b = new Argument<string>("B") { Description = "The later build folder, or a .docx/.pdf document" };
        var json = new Option<bool>("--json") { Description = "Write the differences as JSON" };
        var docx = new Option<string?>("--docx")
        {
            Description = "Also write a redline: B's Word document with the changes from A as tracked revisions (a folder of them, one per document, when A and B are build folders)",
        };
        var html = new Option<string?>("--html") { Description = "Also write the differences as one self-contained HTML page" };
        var templates = new Option<string[]>("--templates")
        {
            Description = "Folders holding the builds' templates, to show a changed template's lines (found by the manifests' sha256; templates/ inside and beside each build are looked at too)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("diff", "Compare two builds (folders) or two documents by their figures and text; exit 0 when they are the same, 1 when they differ")
        {
            a, b, json, docx, html, templates,
        };
        command.SetAction(parse =>
        {
            DiffReport report;
            try { report = ReaderGuard.OnLargeStack(() => DiffReport.Compare(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(templates) ?? [])); }
            catch (FileNotFoundException e) { throw new UsageException(e.Message); }
            catch (Exception e) when (IsDocumentFault(e))
            {
                // A document diff cannot read: the user's to fix (a damaged or foreign file), with its name.
                throw new InputException(new Problem(parse.GetValue(a)! + " / " + parse.GetValue(b)!,
                    $"cannot be compared: {e.Message.TrimEnd('.')}"));
            }
            var written = new List<string>();
            if (parse.GetValue(html) is { } page)
            {
                ReportGen.Build.SafeFile.WriteAllBytes(page, new System.Text.UTF8Encoding(false).GetBytes(DiffHtml.Write(report, parse.GetValue(a)!, parse.GetValue(b)!)));
                written.Add(page);
            }
            if (parse.GetValue(docx) is { } redline) written.AddRange(WriteRedlines(parse.GetValue(a)!, parse.GetValue(b)!, redline));
            context.Output.Write(parse.GetValue(json) ? report.ToJson() : report.ToText());
            // One line per file written; with --json on standard error, so that standard output stays one JSON document.
            foreach (string file in written) (parse.GetValue(json) ? context.Error : context.Output).WriteLine($"wrote {file}");
            return report.Equal ? ExitCodes.Success : ExitCodes.InputProblems;
        });
        return command;
    }

    /// <summary>
    /// The redline of two Word documents, or of each Word document two builds share (into a folder,
    /// as &lt;doc&gt;.&lt;lang&gt;.redline.docx); dated from B's manifest (beside B's document). Returns the files written.
    /// </summary>
    private static List<string> WriteRedlines(string a, string b, string target)
    {
        string buildB = Directory.Exists(b) ? b : Path.GetDirectoryName(Path.GetFullPath(b))!;
        string manifestPath = Path.Combine(buildB, Manifest.FileName);
        Manifest? manifest = null;
        try { if (File.Exists(manifestPath)) manifest = Manifest.FromJson(File.ReadAllText(manifestPath)); }
        catch (JsonException) { }
        if (manifest?.Date is not { } text || !DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            throw new UsageException($"{manifestPath}: no manifest with the build's date beside B, to date the redline's revisions (rebuild B with this ReportGen)");
        if (File.Exists(a) && File.Exists(b))
        {
            if (!a.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || !b.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                throw new UsageException("--docx: a redline is made from two Word documents (.docx)");
            ReportGen.Build.SafeFile.WriteAllBytes(target, ReaderGuard.OnLargeStack(() => Redline.Write(a, b, date)));
            return [target];
        }
        var pairs = Directory.GetFiles(b, "*.docx").Select(Path.GetFileName).Where(f => File.Exists(Path.Combine(a, f!))).Order(StringComparer.Ordinal).ToList();
        if (pairs.Count == 0) throw new UsageException("--docx: the two builds have no Word document in common");
        Directory.CreateDirectory(target);
        var written = new List<string>();
        foreach (string file in pairs!)
        {
            string redline = Path.Combine(target, Path.GetFileNameWithoutExtension(file) + ".redline.docx");
            ReportGen.Build.SafeFile.WriteAllBytes(redline, ReaderGuard.OnLargeStack(() => Redline.Write(Path.Combine(a, file), Path.Combine(b, file), date)));
            written.Add(redline);
        }
        return written;
    }
}

internal static class ExplainCommand
{
    public static Command Create(CommandContext context)
    {
        var build = new Argument<string>("BUILD_DIR") { Description = "A build folder (with trace.json, figures.json and manifest.json)" };
        var text = new Argument<string>("TEXT") { Description = "A number as it reads in a document, such as \"41%\" or \"41 per cent\"" };
        var workbook = new Option<string?>("--workbook") { Description = "The workbook the build was made from (default: the manifest's, if found)" };
        var json = new Option<bool>("--json") { Description = "Write the explanation as JSON" };
        var command = new Command("explain", "Say where a number in a built document comes from: the figure, its definition, the workbook rows behind it")
        {
            build, text, workbook, json,
        };
        command.SetAction(parse =>
        {
            IReadOnlyList<Explanation> found;
            IReadOnlyList<string> notes;
            try { (found, notes) = ReaderGuard.OnLargeStack(() => Explainer.Explain(parse.GetValue(build)!, parse.GetValue(text)!, parse.GetValue(workbook))); }
            catch (FileNotFoundException e) { throw new UsageException(e.Message); }
            catch (Exception e) when (DiffCommand.IsDocumentFault(e))
            {
                throw new InputException(new Problem(parse.GetValue(build)!, $"cannot be read: {e.Message.TrimEnd('.')}"));
            }
            if (parse.GetValue(json))
                context.Output.Write(JsonSerializer.Serialize(new ExplainJson(found, notes), ExplainJsonContext.Report()).ReplaceLineEndings("\n") + "\n");
            else
            {
                if (found.Count == 0) context.Output.WriteLine($"No number in this build reads '{parse.GetValue(text)}'.");
                foreach (var e in found)
                {
                    // Where, by the anchor: "paragraph 8", "Annex II, table 1, row 4, column 2021", "Annex II, chart X, FP4 …, Portfolio (USD million)".
                    string where = e.Where + (e.Figure.Column is { Length: > 0 } column ? ", column " + column : "");
                    context.Output.WriteLine($"\"{e.Figure.Text}\" in {e.Document} ({e.Language}), {where}:");
                    context.Output.WriteLine($"  figure   {e.Figure.Path} = {e.Figure.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
                    context.Output.WriteLine($"  meaning  {e.Meaning}");
                    if (e.Rows is not null) context.Output.WriteLine($"  data     {e.Rows}");
                    if (e.Figure.Bookmark.Length > 0) context.Output.WriteLine($"  in Word  the hidden bookmark {e.Figure.Bookmark}");
                }
                foreach (string note in notes) context.Output.WriteLine($"note: {note}");
            }
            return found.Count > 0 ? ExitCodes.Success : ExitCodes.InputProblems;
        });
        return command;
    }
}

/// <summary><c>explain --json</c>: what was found and the notes, in this order.</summary>
internal sealed record ExplainJson(IReadOnlyList<Explanation> Found, IReadOnlyList<string> Notes);

/// <summary>The generated serializer of <c>explain --json</c> (no reflection in a native build), with <see cref="Manifest.JsonOptions"/>' names, escaping and null handling.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(ExplainJson))]
internal sealed partial class ExplainJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
    // Not a static field of the context: its generated fields are not yet set while its initializers run.
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<ExplainJson> Report() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ExplainJson>)
        new JsonSerializerOptions(Manifest.JsonOptions) { TypeInfoResolver = Default }.GetTypeInfo(typeof(ExplainJson));
}
