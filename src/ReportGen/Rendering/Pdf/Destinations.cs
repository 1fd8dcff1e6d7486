using System.Globalization;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using ReportGen.Document;

namespace ReportGen.Rendering.Pdf;

/// <summary>
/// The named destinations of a PDF (the catalog's /Dests): one per resolved anchor at the top-left
/// of its text, so that a reader (and <see cref="Audit.PdfText"/>) finds paragraph "8" or "chart-II"
/// by name. Every page also names the regions that hold no document text of their own: the running
/// header and the page number ("rgn_" names, <see cref="Anchors.NoTextPrefix"/>), header rows a
/// table repeats, and the region that continues from the page before ("…_k2" on page 2).
/// </summary>
internal sealed class Destinations(PdfDocument pdf)
{
    // Not a SortedDictionary of tuples: its generic code over a value type is JIT-compiled in every
    // cold start (see docs/benchmarks.md#generic-code-and-the-cold-start). Sorted when written.
    private readonly Dictionary<string, Place> _names = new(StringComparer.Ordinal);

    private sealed record Place(PdfPage Page, double X, double Top);
    private PdfPage? _page;
    private int _pageNumber;
    private string? _body;    // the name of the region the body text is in

    public void StartPage(PdfPage page, double headerTop, double footerTop)
    {
        _page = page;
        _pageNumber++;
        string n = _pageNumber.ToString(CultureInfo.InvariantCulture);
        Put($"{Anchors.NoTextPrefix}page{n}_header", PdfLook.Left, headerTop);
        Put($"{Anchors.NoTextPrefix}page{n}_footer", PdfLook.Left, footerTop);
        if (_body is not null) Put($"{_body}_k{n}", PdfLook.Left, PdfLook.Top - 1);
    }

    /// <summary>A body region starts: a block's first line, a table row, a chart's drawing.</summary>
    public void Add(string name, double x, double top)
    {
        // A table's header rows, drawn again on each page the table spans, are not its text twice.
        if (_names.ContainsKey(name)) name = $"{Anchors.NoTextPrefix}page{_pageNumber.ToString(CultureInfo.InvariantCulture)}_repeat{_names.Count.ToString(CultureInfo.InvariantCulture)}";
        Put(name, x, top);
        _body = name;
    }

    /// <summary>A footnote's text, at the foot of the page: the body region goes on after it on the next page.</summary>
    public void AddNote(string name, double x, double top)
    {
        if (!_names.ContainsKey(name)) Put(name, x, top);
    }

    private void Put(string name, double x, double top) => _names[name] = new Place(_page!, x, top);

    public void Write()
    {
        var dests = new PdfDictionary(pdf);
        string[] names = [.. _names.Keys];
        Array.Sort(names, StringComparer.Ordinal);
        foreach (string name in names)
        {
            var (page, x, top) = _names[name];
            dests.Elements["/" + name] = new PdfArray(pdf, page.Reference!, new PdfName("/XYZ"),
                new PdfReal(Math.Round(x, 2)), new PdfReal(Math.Round(PdfLook.PageHeight - top, 2)), PdfNull.Value);
        }
        pdf.Internals.Catalog.Elements["/Dests"] = dests;
    }
}
