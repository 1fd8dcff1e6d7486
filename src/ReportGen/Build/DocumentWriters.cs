using ReportGen.Document;
using ReportGen.Rendering.Docx;
using ReportGen.Rendering.Pdf;
using ReportGen.Rendering.Pdf.Fonts;

namespace ReportGen.Build;

/// <summary>One output format of a build: its name (as --format takes it), its files' extension, and how a document is written in it.</summary>
public interface IDocumentWriter
{
    /// <summary>The format's name, as <see cref="BuildOptions.Formats"/> and --format take it: "pdf".</summary>
    string Name { get; }

    /// <summary>The extension of its files, with the dot: ".pdf".</summary>
    string Extension { get; }

    /// <summary>Whether it embeds the build's fonts (a build then loads and checks them).</summary>
    bool UsesFonts => false;

    /// <summary>Whether a build writes it when no format is asked for.</summary>
    bool ByDefault => false;

    WrittenFile Write(WriterInput input);
}

/// <summary>A document's file in one format, with its page count where the format has pages.</summary>
public sealed record WrittenFile(byte[] Bytes, int? Pages = null);

/// <summary>
/// What a writer is given: the composed document, its resolved form (numbers and anchors, made
/// once per document and shared by its writers) and the fonts, waited for only by a writer that reads them.
/// </summary>
public sealed class WriterInput
{
    private readonly Lazy<ResolvedDocument> _resolved;
    private readonly Task<FontSet>? _fonts;

    public WriterInput(Doc doc, FontSet? fonts = null) : this(doc, new Lazy<ResolvedDocument>(() => Resolver.Resolve(doc)), fonts is null ? null : Task.FromResult(fonts)) { }

    internal WriterInput(Doc doc, Lazy<ResolvedDocument> resolved, Task<FontSet>? fonts)
    {
        Doc = doc;
        _resolved = resolved;
        _fonts = fonts;
    }

    public Doc Doc { get; }
    public ResolvedDocument Resolved => _resolved.Value;
    /// <summary>The fonts (null: the bundled ones); a failure to load them is thrown as itself.</summary>
    public FontSet? Fonts => _fonts?.GetAwaiter().GetResult();
}

/// <summary>A format no writer has: the caller's to fix (the command line's --format, a library caller's options).</summary>
public sealed class UnknownFormatException(string format)
    : ArgumentException($"unknown format '{format}' (formats: {string.Join(", ", DocumentWriters.Names)})")
{
    public string Format { get; } = format;
}

/// <summary>
/// The one list of the formats a build writes. Adding a format is one class and one line here;
/// the order is the order of each document's files in a build (and its manifest).
/// </summary>
public static class DocumentWriters
{
    public static readonly IReadOnlyList<IDocumentWriter> All = [new DocxFormat(), new PdfFormat(), new TextFormat()];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(w => w.Name)];

    /// <summary>What a build writes when no format is asked for.</summary>
    public static IReadOnlyList<string> Defaults { get; } = [.. All.Where(w => w.ByDefault).Select(w => w.Name)];

    /// <exception cref="UnknownFormatException">No writer has that name.</exception>
    public static IDocumentWriter Named(string name) =>
        All.FirstOrDefault(w => w.Name == name) ?? throw new UnknownFormatException(name);

    /// <summary>The writers of <paramref name="formats"/>, in the registry's order (a build's files come in that order whatever order they were asked in).</summary>
    /// <exception cref="UnknownFormatException">A format no writer has (the first, in the order asked).</exception>
    public static IReadOnlyList<IDocumentWriter> For(IEnumerable<string> formats)
    {
        var asked = formats.ToList();
        foreach (string format in asked) Named(format);
        return [.. All.Where(w => asked.Contains(w.Name))];
    }

    private sealed class DocxFormat : IDocumentWriter
    {
        public string Name => "docx";
        public string Extension => ".docx";
        public bool ByDefault => true;
        public WrittenFile Write(WriterInput input) => new(DocxWriter.Write(input.Resolved, input.Fonts)); // measured with the build's fonts when it loads them (a PDF beside it)
    }

    private sealed class PdfFormat : IDocumentWriter
    {
        public string Name => "pdf";
        public string Extension => ".pdf";
        public bool UsesFonts => true;
        public bool ByDefault => true;
        public WrittenFile Write(WriterInput input)
        {
            var (bytes, pages) = PdfWriter.Write(input.Resolved, input.Fonts);
            return new(bytes, pages);
        }
    }

    /// <summary>The plain text, for review and diffs: UTF-8 without a byte-order mark.</summary>
    private sealed class TextFormat : IDocumentWriter
    {
        public string Name => "txt";
        public string Extension => ".txt";
        public WrittenFile Write(WriterInput input) => new(new System.Text.UTF8Encoding(false).GetBytes(PlainText.Of(input.Doc)));
    }
}
