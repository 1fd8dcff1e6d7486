using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportGen.Audit;

/// <summary>
/// manifest.json and trace.json as <see cref="Manifest.JsonOptions"/> writes them (snake_case,
/// nulls left out, indented, LF line ends and a final newline), written by hand with a
/// <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <remarks>
/// Why by hand: the serializer builds its metadata through generic code over each property type
/// (<c>double</c>, <c>long</c>, <c>int?</c>), which ReadyToRun cannot precompile outside the
/// framework, so every cold build JIT-compiled about 200 methods to write these two small files
/// (see docs/benchmarks.md#generic-code-and-the-cold-start).
/// Reading them back (verify, explain, diff) still goes through the serializer, and a test compares
/// these bytes with the serializer's, so a property added to a record and not here fails it.
/// </remarks>
internal static class AuditJson
{
    public static string Write(Manifest m) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("reportgen");
        w.WriteString("version", m.Reportgen.Version);
        w.WriteString("commit", m.Reportgen.Commit);
        w.WriteEndObject();
        w.WritePropertyName("workbook");
        File(w, m.Workbook);
        w.WriteStartArray("templates");
        foreach (var t in m.Templates) File(w, t);
        w.WriteEndArray();
        w.WriteStartArray("fonts");
        foreach (var f in m.Fonts)
        {
            w.WriteStartObject();
            w.WriteString("role", f.Role);
            w.WriteString("face", f.Face);
            w.WriteString("sha256", f.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("options");
        Strings(w, "languages", m.Options.Languages);
        Strings(w, "formats", m.Options.Formats);
        Strings(w, "documents", m.Options.Documents);
        if (m.Options.Fonts is { } fonts) w.WriteString("fonts", fonts);
        w.WriteEndObject();
        w.WriteStartArray("outputs");
        foreach (var o in m.Outputs)
        {
            w.WriteStartObject();
            w.WriteString("file", o.File);
            w.WriteString("sha256", o.Sha256);
            w.WriteNumber("bytes", o.Bytes);
            if (o.Pages is int pages) w.WriteNumber("pages", pages);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (m.Date is { } date) w.WriteString("date", date);
        w.WriteEndObject();
    });

    public static string Write(TraceFile trace) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("documents");
        foreach (var d in trace.Documents)
        {
            w.WriteStartObject();
            w.WriteString("doc_id", d.DocId);
            w.WriteString("language", d.Language);
            Strings(w, "files", d.Files);
            w.WriteStartArray("paragraphs");
            foreach (var p in d.Paragraphs)
            {
                w.WriteStartObject();
                w.WriteString("paragraph", p.Paragraph);
                w.WriteStartArray("figures");
                foreach (var f in p.Figures)
                {
                    w.WriteStartObject();
                    w.WriteString("path", f.Path);
                    w.WriteNumber("value", f.Value);
                    w.WriteString("text", f.Text);
                    w.WriteString("bookmark", f.Bookmark);
                    if (f.Column is { } column) w.WriteString("column", column);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (p.Chart is { } chart) w.WriteString("chart", chart);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (d.Annexes is { } annexes)
            {
                w.WriteStartObject("annexes");
                foreach (var annex in annexes) w.WriteString(annex.Key, annex.Value);
                w.WriteEndObject();
            }
            if (d.References is { } references)
            {
                w.WriteStartArray("references");
                foreach (var r in references)
                {
                    w.WriteStartObject();
                    w.WriteString("paragraph", r.Paragraph);
                    w.WriteString("text", r.Text);
                    Strings(w, "charts", r.Charts);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void File(Utf8JsonWriter w, FileHash file)
    {
        w.WriteStartObject();
        w.WriteString("file", file.File);
        w.WriteString("sha256", file.Sha256);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
