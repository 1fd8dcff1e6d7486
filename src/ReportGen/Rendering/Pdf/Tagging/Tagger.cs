using ReportGen.Typesetting;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;
using ReportGen.Rendering.Pdf.Fonts;

namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// Makes the PDF a tagged PDF (PDF/UA-1): PDFsharp's structure builder marks what is drawn as the
/// content of the element that is open. Boxes are drawn in reading order, so the elements of the
/// document model are opened and closed along their path as boxes come (<see cref="Enter"/>): a
/// paragraph that runs onto the next page stays one element. What is drawn in between, out of the
/// reading order, is pushed on top and taken off again: running headers, page numbers and rules
/// as artifacts, footnotes as notes (moved under the element that cites them at the end).
/// </summary>
public sealed class Tagger
{
    private readonly PdfDocument _pdf;
    private readonly StructureBuilder _builder;
    private readonly bool _chinese;
    private readonly List<StructNode> _open = [];
    private readonly HashSet<StructNode> _closed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StructNode, PdfStructureElement> _elements = new(ReferenceEqualityComparer.Instance);
    private readonly List<(PdfStructureElement Note, StructNode Citing)> _notes = [];
    private int _artifacts;
    private int _inNote;
    private int _noteCount;

    public Tagger(PdfDocument pdf, string language)
    {
        _pdf = pdf;
        _chinese = language == "zh";
        var manager = UAManager.ForDocument(pdf); // marks the document, makes the structure tree root, shows the title (Info) as window title
        manager.SetDocumentLanguage(DocumentLanguage(language));
        _builder = manager.StructureBuilder;
    }

    /// <summary>The language tag of a document in one of the project's languages.</summary>
    public static string DocumentLanguage(string language) => language == "zh" ? "zh-CN" : "en";

    /// <summary>
    /// Makes <paramref name="node"/> the open element, closing and opening elements along its
    /// path. Returns false when the node was closed before: its box is a repeat (a table header on
    /// a continuation page) and is drawn as an artifact. Null closes everything (space, rules).
    /// </summary>
    public bool Enter(StructNode? node, XRect bounds = default)
    {
        if (_artifacts > 0 || _inNote > 0) return true; // content of the artifact or note being drawn
        if (node is null)
        {
            CloseTo(0);
            return true;
        }
        if (_closed.Contains(node)) return false;
        var path = node.Path();
        int common = 0;
        while (common < _open.Count && common < path.Count && ReferenceEquals(_open[common], path[common])) common++;
        CloseTo(common);
        for (int i = common; i < path.Count; i++) Begin(path[i], bounds);
        return true;
    }

    /// <summary>Draws a box as the content of its element, or as an artifact where it repeats one drawn before.</summary>
    public void Draw(StructNode? node, XRect bounds, Action draw)
    {
        bool tagged = Enter(node, bounds);
        if (!tagged) BeginArtifact();
        draw();
        if (!tagged) EndArtifact();
    }

    public void BeginArtifact()
    {
        _builder.BeginArtifact();
        _artifacts++;
    }

    public void EndArtifact()
    {
        _builder.End();
        _artifacts--;
    }

    /// <summary>
    /// Ends the page's open marked content while its drawing is still there (PDFsharp would end it
    /// when the next page is added, on the disposed drawing of this one); the elements stay open.
    /// </summary>
    public void EndPage()
    {
        BeginArtifact();
        EndArtifact();
    }

    /// <summary>A footnote drawn at the foot of a page: a Note, later moved under the element whose text cites it.</summary>
    public void BeginNote(StructNode? citing)
    {
        _builder.BeginInlineLevelElement("Note");
        // PDF/UA-1 (7.9): every note has an ID, unique in the document; counted, so the same on every build.
        _builder.CurrentStructureElement.Elements.SetString("/ID", "note-" + (++_noteCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (citing is not null) _notes.Add((_builder.CurrentStructureElement, citing));
        _inNote++;
    }

    public void EndNote()
    {
        _builder.End();
        _inNote--;
    }

    /// <summary>
    /// The language of a run of text when it differs from the document's (Latin words in a Chinese
    /// document, Chinese in an English one); null for the document's language, for digits and
    /// punctuation, and inside figures and artifacts, which are not read.
    /// </summary>
    public string? RunLanguage(string text)
    {
        if (!Reading || (_inNote == 0 && _open.Count > 0 && _open[^1].Role == "Lbl")) return null; // "(a)", "A." label the document's own text
        bool latin = false, han = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Script.IsEastAsian(rune.Value) && Rune.IsLetter(rune)) han = true;
            else if (rune.Value < 0x250 && Rune.IsLetter(rune)) latin = true;
        }
        if (_chinese) return latin && !han ? "en" : null;
        return han ? "zh-CN" : null;
    }

    /// <summary>False inside artifacts and figures (whose alternative text is read instead of their labels).</summary>
    public bool Reading => _artifacts == 0 && (_inNote > 0 || _open.Count == 0 || _open[^1].Role != "Figure");

    /// <summary>Whether words are spaced: lines of English text end with a space (in the structure's text), Chinese lines run on.</summary>
    public bool SpacedText => !_chinese;

    /// <summary>True for text with no letters: it takes the language of the text around it.</summary>
    public static bool Neutral(string text)
    {
        foreach (var rune in text.EnumerateRunes()) // a loop, not LINQ: asked for every piece of text drawn
            if (Rune.IsLetter(rune)) return false;
        return true;
    }

    public void BeginSpan(string language)
    {
        _builder.BeginInlineLevelElement("Span");
        _builder.SetLanguage(language);
    }

    public void EndSpan() => _builder.End();

    /// <summary>A span that is drawn but not read (its ActualText is empty): the hyphen of a broken word.</summary>
    public void BeginUnread()
    {
        _builder.BeginInlineLevelElement("Span");
        _builder.CurrentStructureElement.Elements.SetString("/ActualText", "");
    }

    /// <summary>Closes every element and moves each note under the element that cites it, after that element's own content.</summary>
    public void Finish()
    {
        CloseTo(0);
        foreach (var (note, citing) in _notes)
        {
            var target = citing;
            while (!_elements.ContainsKey(target) && target.Parent is not null) target = target.Parent;
            if (!_elements.TryGetValue(target, out var parent)) continue;
            if (note.Elements.GetDictionary("/P") is { } oldParent && oldParent.Elements.GetArray("/K") is { } oldKids)
                for (int i = oldKids.Elements.Count - 1; i >= 0; i--)
                    if (ReferenceEquals(oldKids.Elements[i], note) || (oldKids.Elements[i] is PdfSharp.Pdf.Advanced.PdfReference r && ReferenceEquals(r.Value, note)))
                        oldKids.Elements.RemoveAt(i);
            var kids = parent.Elements.GetArray("/K");
            if (kids is null)
            {
                kids = new PdfArray(_pdf);
                parent.Elements.SetObject("/K", kids);
            }
            kids.Elements.Add(note);
            note.Elements.SetReference("/P", parent);
        }
    }

    private void Begin(StructNode node, XRect bounds)
    {
        switch (node.Role)
        {
            case "Sect" or "Div" or "Caption":
                _builder.BeginGroupingElement(node.Role);
                break;
            case "Figure":
                // The bounding box in PDF user space (origin bottom left).
                double pageHeight = _pdf.Pages[^1].Height.Point;
                _builder.BeginIllustrationElement("Figure", node.Alt ?? "", new XRect(bounds.X, pageHeight - bounds.Bottom, bounds.Width, bounds.Height));
                break;
            default:
                _builder.BeginBlockLevelElement(node.Role);
                break;
        }
        var element = _builder.CurrentStructureElement;
        if (node.Scope is not null) element.TableAttributes.Elements.SetName("/Scope", "/" + node.Scope);
        _elements[node] = element;
        _open.Add(node);
    }

    private void CloseTo(int depth)
    {
        while (_open.Count > depth)
        {
            _builder.End();
            _closed.Add(_open[^1]);
            _open.RemoveAt(_open.Count - 1);
        }
    }
}
