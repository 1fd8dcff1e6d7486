using ReportGen.Document;
using ReportGen.Model;
using ReportGen.Rendering.Pdf.Fonts;

namespace ReportGen.Build;

/// <summary>
/// Writes a build's files while its documents are still being composed: <see cref="Add"/> queues a
/// composed document's files (one per format) for a writer thread; <see cref="Finish"/> makes the
/// calling thread a second writer and returns the files in the order they were queued, whatever
/// order they finish in. Two writers at most, as the reference machine has two cores.
/// </summary>
internal sealed class FileWriters
{
    /// <summary>One file to write: a document in one format.</summary>
    public sealed class Job(DocumentSpec spec, Doc doc, WriterInput input, IDocumentWriter writer)
    {
        public DocumentSpec Spec { get; } = spec;
        public Doc Doc { get; } = doc;
        public WriterInput Input { get; } = input;
        public IDocumentWriter Writer { get; } = writer;
        public string Name { get; } = $"{spec.DocId}.{doc.Language}{writer.Extension}";
        public byte[] Bytes { get; set; } = [];
        public int? Pages { get; set; }
        public Exception? Error { get; set; }
    }

    private readonly IReadOnlyList<IDocumentWriter> _formats;
    private readonly Task<FontSet>? _fonts;
    private readonly Action<string>? _progress;
    private readonly Action<string, int?>? _rendered;
    private readonly object _gate = new();
    private readonly Queue<Job> _queue = new();
    private readonly List<Job> _jobs = [];
    private readonly List<Lazy<ResolvedDocument>> _resolved = [];
    private readonly Thread _writer;
    private bool _closed, _abandoned;

    /// <param name="fonts">the fonts being loaded; a PDF waits for them (their failure is the PDF's, as itself)</param>
    /// <param name="progress">called as each file starts</param>
    /// <param name="rendered">called as each file is done, with its page count (PDF)</param>
    public FileWriters(IReadOnlyList<IDocumentWriter> formats, Task<FontSet>? fonts, Action<string>? progress, Action<string, int?>? rendered)
    {
        _formats = formats;
        _fonts = fonts;
        _progress = progress;
        _rendered = rendered;
        _writer = new Thread(Work) { IsBackground = true, Name = "reportgen writer" };
        _writer.Start();
    }

    /// <summary>Queues a composed document's files.</summary>
    public void Add(DocumentSpec spec, Doc doc)
    {
        // Numbers and anchors are assigned once per document; every writer and the trace read them.
        var resolved = new Lazy<ResolvedDocument>(() => Resolver.Resolve(doc));
        var input = new WriterInput(doc, resolved, _fonts);
        lock (_gate)
        {
            _resolved.Add(resolved);
            foreach (var writer in _formats)
            {
                var job = new Job(spec, doc, input, writer);
                _jobs.Add(job);
                _queue.Enqueue(job);
            }
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The build failed before every document was composed: the writer stops after its current file.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _closed = _abandoned = true;
            _queue.Clear();
            Monitor.PulseAll(_gate);
        }
        _writer.Join();
    }

    /// <summary>
    /// Writes what remains on this thread too, waits for the writer, and returns the files in the
    /// order they were queued with each document's resolved form (in the order the documents were added).
    /// </summary>
    /// <exception cref="Exception">The first file's failure, in file order, as itself.</exception>
    public (List<Job> Jobs, List<ResolvedDocument> Resolved) Finish()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
        if (Environment.ProcessorCount > 1) Work();
        _writer.Join();
        foreach (var job in _jobs)
            if (job.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        var resolved = new List<ResolvedDocument>(_resolved.Count);
        foreach (var r in _resolved) resolved.Add(r.Value);
        return (_jobs, resolved);
    }

    private void Work()
    {
        while (true)
        {
            Job job;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_closed) Monitor.Wait(_gate);
                if (_queue.Count == 0 || _abandoned) return;
                job = _queue.Dequeue();
            }
            try
            {
                // A callback's failure is the file's, reported as the build's (never an exception on this thread alone).
                lock (_gate) _progress?.Invoke(job.Name);
                var file = job.Writer.Write(job.Input);
                (job.Bytes, job.Pages) = (file.Bytes, file.Pages);
                lock (_gate) _rendered?.Invoke(job.Name, job.Pages);
            }
            catch (Exception e) { job.Error = e; }
        }
    }
}
