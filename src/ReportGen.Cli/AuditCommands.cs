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
        var command = new Command("diff", "Compare two builds (folders) or two documents by their figures and text; exit 0 when they are the same, 1 when they differ")
        {
            a, b, json,
        };
        command.SetAction(parse =>
        {
            DiffReport report;
            try { report = ReaderGuard.OnLargeStack(() => DiffReport.Compare(parse.GetValue(a)!, parse.GetValue(b)!)); }
            catch (FileNotFoundException e) { throw new UsageException(e.Message); }
            catch (Exception e) when (IsDocumentFault(e))
            {
                // A document diff cannot read: the user's to fix (a damaged or foreign file), with its name.
                throw new ReportGen.Workbook.InputException(new ReportGen.Workbook.Problem(parse.GetValue(a)! + " / " + parse.GetValue(b)!,
                    $"cannot be compared: {e.Message.TrimEnd('.')}"));
            }
            context.Output.Write(parse.GetValue(json) ? report.ToJson() : report.ToText());
            return report.Equal ? ExitCodes.Success : ExitCodes.InputProblems;
        });
        return command;
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
                throw new ReportGen.Workbook.InputException(new ReportGen.Workbook.Problem(parse.GetValue(build)!, $"cannot be read: {e.Message.TrimEnd('.')}"));
            }
            if (parse.GetValue(json))
                context.Output.Write(JsonSerializer.Serialize(new { found, notes }, Manifest.JsonOptions).ReplaceLineEndings("\n") + "\n");
            else
            {
                if (found.Count == 0) context.Output.WriteLine($"No number in this build reads '{parse.GetValue(text)}'.");
                foreach (var e in found)
                {
                    string where = ReportGen.Document.Anchors.Describe(e.Paragraph);
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
