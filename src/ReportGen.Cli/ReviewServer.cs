using ReportGen.Build;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ReportGen.Rendering.Html;

namespace ReportGen.Cli;

/// <summary>
/// <c>review --watch</c>: serves the review page on 127.0.0.1 (a free port) and rebuilds it when a
/// file of the templates folder or the workbook changes (looked at every 200 ms). The page asks
/// <c>/version</c> every 300 ms and reloads itself, keeping its scroll position, when the version
/// (a hash of the page) changes: within a second of a save. Only the base library's HttpListener;
/// only loopback; stopped by <see cref="Dispose"/>.
/// </summary>
public sealed class ReviewServer : IDisposable
{
    private const string VersionMark = "__REPORTGEN_PAGE_VERSION__";

    /// <summary>The page's reload: polls /version, reloads when it differs from the version the page was served with.</summary>
    private const string ReloadScript = """
        (function () {
          var served = "__REPORTGEN_PAGE_VERSION__";
          try { var y = sessionStorage.getItem("reportgen-scroll"); if (y) { sessionStorage.removeItem("reportgen-scroll"); addEventListener("load", function () { scrollTo(0, +y); }); } } catch (e) {}
          function poll() {
            fetch("/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              if (v !== served) { try { sessionStorage.setItem("reportgen-scroll", String(scrollY)); } catch (e) {} location.reload(); }
              else setTimeout(poll, 300);
            }, function () { setTimeout(poll, 1000); });
          }
          setTimeout(poll, 300);
        })();
        """;

    private readonly string _workbook, _templates;
    private readonly TextWriter _log;
    private readonly ReviewPage _review; // keeps the workbook's model between rebuilds while the workbook is unchanged
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _serving, _watching;
    private byte[] _page = [];
    private string _version = "";
    private int _builds;

    public ReviewServer(string workbook, string templates, string? docId, TextWriter log, IReadOnlyList<string>? languages = null)
    {
        _workbook = workbook;
        _templates = templates;
        _review = new ReviewPage(workbook, templates, docId, languages);
        _log = TextWriter.Synchronized(log);
    }

    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>The version of the page served now (a hash of its bytes).</summary>
    public string Version { get { lock (_gate) return _version; } }

    /// <summary>How many times the page was built.</summary>
    public int Builds { get { lock (_gate) return _builds; } }

    /// <summary>Builds the page, listens on a free loopback port, and starts watching the files.</summary>
    public void Start()
    {
        Rebuild();
        for (int attempt = 1; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Url);
            try { _listener.Start(); break; }
            catch (HttpListenerException) when (attempt < 5) { } // taken between the probe and the start: another port
        }
        _serving = Task.Run(Serve);
        _watching = Task.Run(Watch);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try { return ((IPEndPoint)probe.LocalEndpoint).Port; }
        finally { probe.Stop(); }
    }

    /// <summary>Builds the page now; a failed build serves a page with the problems, so the open page shows them.</summary>
    public void Rebuild()
    {
        var clock = Stopwatch.StartNew();
        byte[] page;
        string summary;
        try
        {
            var result = _review.Build(ReloadScript);
            page = result.Page;
            summary = result.Differences.Count == 0 ? "no differences between the languages"
                : $"{result.Differences.Count} difference{(result.Differences.Count == 1 ? "" : "s")} between the languages, marked on the page";
        }
        catch (InputException e)
        {
            page = HtmlWriter.Problems($"{e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}: nothing to review until fixed",
                e.Problems.Select(p => p.ToString()).ToList(), ReloadScript);
            summary = $"{e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}: " + string.Join("; ", e.Problems.Take(3).Select(p => p.ToString()));
        }
        catch (Exception e) when (e is UsageException or IOException or UnauthorizedAccessException)
        {
            page = HtmlWriter.Problems("nothing to review", [e.Message], ReloadScript);
            summary = e.Message;
        }
        string version = Hashing.Sha256(page)[..16];
        var served = ReplaceFirst(page, VersionMark, version);
        lock (_gate)
        {
            _page = served;
            _version = version;
            _builds++;
        }
        _log.WriteLine($"built the review page in {clock.ElapsedMilliseconds} ms: {summary}");
    }

    private static byte[] ReplaceFirst(byte[] page, string mark, string value)
    {
        var text = Encoding.UTF8.GetString(page);
        int at = text.IndexOf(mark, StringComparison.Ordinal);
        return at < 0 ? page : Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), value, text.AsSpan(at + mark.Length)));
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            try { Answer(context); }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { } // the browser went away
        }
    }

    /// <summary>Told of each request's path before it is answered (tests).</summary>
    public Action<string>? OnRequest { get; set; }

    private void Answer(HttpListenerContext context)
    {
        OnRequest?.Invoke(context.Request.Url?.AbsolutePath ?? "/");
        var response = context.Response;
        response.Headers["Cache-Control"] = "no-store";
        byte[] body;
        string path = context.Request.Url?.AbsolutePath ?? "/";
        if (context.Request.HttpMethod is not ("GET" or "HEAD")) { response.StatusCode = 405; body = Encoding.UTF8.GetBytes("only GET\n"); response.ContentType = "text/plain; charset=utf-8"; }
        else if (path is "/" or "/index.html") { lock (_gate) body = _page; response.ContentType = "text/html; charset=utf-8"; }
        else if (path == "/version") { body = Encoding.UTF8.GetBytes(Version); response.ContentType = "text/plain; charset=utf-8"; }
        else { response.StatusCode = 404; body = Encoding.UTF8.GetBytes("not found\n"); response.ContentType = "text/plain; charset=utf-8"; }
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD") response.OutputStream.Write(body);
        response.Close();
    }

    /// <summary>Looks at the files every 200 ms; a change (size or time of any template file or the workbook) rebuilds the page.</summary>
    private async Task Watch()
    {
        string last = Fingerprint();
        while (!_stop.IsCancellationRequested)
        {
            try { await Task.Delay(200, _stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            string now = Fingerprint();
            if (now == last) continue;
            last = now;
            try { Rebuild(); }
            catch (Exception e) { _log.WriteLine($"reportgen: the rebuild failed: {e.Message}"); }
        }
    }

    private string Fingerprint()
    {
        var text = new StringBuilder();
        void Add(FileInfo file)
        {
            try { text.Append(file.FullName).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n'); }
            catch (IOException) { text.Append(file.FullName).Append("|?\n"); }
        }
        try
        {
            if (Directory.Exists(_templates))
                foreach (var file in new DirectoryInfo(_templates).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
                    Add(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { text.Append("templates|?\n"); }
        var workbook = new FileInfo(_workbook);
        if (workbook.Exists) Add(workbook); else text.Append("workbook|missing\n");
        return text.ToString();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); } catch (ObjectDisposedException) { }
        try { Task.WaitAll([.. new[] { _serving, _watching }.OfType<Task>()], TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
        _listener.Close();
        _stop.Dispose();
    }
}
