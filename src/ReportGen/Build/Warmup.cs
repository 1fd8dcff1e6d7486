using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Fonts;

namespace ReportGen.Build;

/// <summary>
/// Pays the cold-start cost of a build's writers on the idle core while the workbook is read and
/// the documents composed: a tiny built-in document, one of each kind of block the writers draw,
/// is written once in each language and format the build asks for (to a discarded buffer), so the
/// runtime has loaded the writers' types and compiled their methods by the time the first real
/// document reaches them. A build's pipeline is otherwise sequential: in a one-PDF build the
/// second core would wait for the document to be composed.
/// </summary>
/// <remarks>
/// Nothing of it reaches an output: each PDF and DOCX is made from its own document only (ids and
/// subset tags come from the content; the shared fonts and caches hold only what the faces say).
/// It runs on a background thread the build never joins: a build does not wait for it, and its
/// failure (a bug) is never the build's; tests run it with <see cref="Run"/>, which throws.
/// </remarks>
internal static class Warmup
{
    /// <summary>How a build warms up: in the background (a build's way), or, for the tests, not at all or to completion first.</summary>
    internal enum Mode { Background, Off, Synchronous }

    /// <summary>The languages and formats ("zh pdf") already warmed in this process: a later build is warm already.</summary>
    private static readonly ConcurrentDictionary<string, bool> Warmed = new(StringComparer.Ordinal);

    /// <summary>Starts the warm-up of what <paramref name="options"/> will write that this process has not written yet.</summary>
    /// <param name="fonts">the fonts being loaded (the PDF's warm-up waits for them, as the build's PDFs do)</param>
    public static void Start(BuildOptions options, Task<FontSet>? fonts, Mode mode)
    {
        // One core: nothing is idle, the warm-up would only take the build's time.
        if (mode == Mode.Off || (mode == Mode.Background && Environment.ProcessorCount < 2)) return;
        // Not tuples: generic code over tuples is JIT-compiled in every cold start, here on the build's own thread (see docs/benchmarks.md#generic-code-and-the-cold-start).
        var pairs = new List<WarmupFile>();
        foreach (var writer in DocumentWriters.For(options.Formats))
            foreach (string language in options.Languages)
                if (Model.Languages.All.Contains(language) && (Warmed.TryAdd(language + " " + writer.Name, true) || mode == Mode.Synchronous))
                    pairs.Add(new WarmupFile(language, writer.Name));
        if (pairs.Count == 0) return;
        if (mode == Mode.Synchronous)
        {
            Run(pairs, fonts);
            return;
        }
        var thread = new Thread(() =>
        {
            try
            {
                Yield();
                _ = Run(pairs, fonts);
            }
            catch (Exception) { } // only a warm-up: the build writes its files with the same code and reports its own failures
        }) { IsBackground = true, Name = "reportgen warm-up", Priority = ThreadPriority.Lowest };
        thread.Start();
    }

    /// <summary>
    /// Makes this thread run only on time no other thread wants: on a machine already busy, a
    /// warm-up at the build's priority took the composing thread's time (measured: a one-PDF build
    /// slower, not faster). .NET does not apply thread priorities on Linux; the thread's nice value does.
    /// </summary>
    private static void Yield()
    {
        if (OperatingSystem.IsLinux()) _ = setpriority(PrioProcess, gettid(), 19); // a thread id: this thread alone
    }

    private const int PrioProcess = 0;
    [DllImport("libc")] private static extern int setpriority(int which, int who, int prio);
    [DllImport("libc")] private static extern int gettid();

    /// <summary>Writes the tiny document in each (language, format) and returns the files (a build discards them); a failure is thrown.</summary>
    internal static List<byte[]> Run(IReadOnlyList<WarmupFile> pairs, Task<FontSet>? fonts)
    {
        var files = new List<byte[]>();
        foreach (var (language, format) in pairs)
        {
            var tiny = Tiny(language);
            files.Add(DocumentWriters.Named(format).Write(new WriterInput(tiny, new Lazy<ResolvedDocument>(() => Resolver.Resolve(tiny)), fonts)).Bytes);
        }
        return files;
    }

    /// <summary>
    /// A document with one of each kind of block and inline the writers draw, in words of the
    /// language's own script (a Chinese document's text is shaped and broken with the Chinese fonts),
    /// taken from the shipped templates: only faces a real document uses are opened (a character
    /// missing from the Song face would open the 20 MB fallback for nothing).
    /// </summary>
    internal static Doc Tiny(string language)
    {
        var specimen = Typesetting.LanguageProfiles.For(language).Specimen;
        string word = specimen.Words, sentence = specimen.Sentence;
        IReadOnlyList<Inline> Words(string text) => [new Text(text)];
        var star = new Footnote("*", Words("HSP/EB.2021/12."));
        var note = new Footnote(null, Words(sentence));
        var masthead = new Masthead("HSP/EB.2021/19", word, "4 October 2021", specimen.LanguageLine, word, word, word, word,
            word, specimen.LanguageLine.Length > 0 ? word : "", star, word, word, word, [new Footnote(null, Words(sentence))], word, "HSP/EB.2021/19")
        { Date = new DateOnly(2021, 10, 4) };
        TableCell Cell(string text, Alignment alignment = Alignment.Left) => new(Words(text), alignment);
        var table = new Table([[Cell(word), Cell("2021", Alignment.Right)]], [[Cell(sentence), Cell("88", Alignment.Right)]], [3, 1], word);
        var chart = new ChartSlot("bars", "I", word, null,
            new ChartData(ChartKind.ClusteredBars, ["1.1", "1.2"], [new ChartSeries("2021", [3, 5])], word, word,
                [new Headline(word, "8")], [], word),
            new Table([[Cell("1.1"), Cell("2021")]], [[Cell("1.1"), Cell("3")]], [1, 1]));
        var body = new List<Block>
        {
            new Heading(1, "I.", Words(word)),
            new Paragraph(true, [new Text(sentence), new Strong(Words(word)), new FigureRef("portfolio.count", 88, "88"), new FootnoteRef(note)]),
            new Heading(2, "A.", Words(word)),
            new SubItems(1, [new SubItem([new Paragraph(false, Words(sentence))])]),
            table,
            chart,
            new Annex(specimen.Annex, word, [new Paragraph(false, Words(sentence))]),
        };
        return new Doc(masthead, body, language);
    }
}

/// <summary>A language and format the warm-up writes.</summary>
internal sealed record WarmupFile(string Language, string Format);
