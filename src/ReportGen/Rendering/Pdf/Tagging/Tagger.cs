using ReportGen.Typesetting;
using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using ReportGen.Rendering.Pdf.Layout;

namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// Makes the PDF a tagged PDF (PDF/UA-1): what is drawn is marked, in the page's content, as the
/// content of the element that is open. Boxes are drawn in reading order, so the elements of the
/// document model are opened and closed along their path as boxes come (<see cref="Enter"/>): a
/// paragraph that runs onto the next page stays one element. What is drawn in between, out of the
/// reading order, is pushed on top and taken off again: running headers, page numbers and rules
/// as artifacts, footnotes as notes (moved under the element that cites them at the end).
/// <para>
/// The content streams are those PDFsharp's own UA layer (UAManager, StructureBuilder) writes;
/// the structure tree is kept as <see cref="StructNode"/>s, not as PDF objects, and written by
/// <see cref="StructureWriter"/> after the pages are saved: PDFsharp's builder holds a PDF
/// dictionary per element (with arrays of MCIDs, references and parent-tree entries) until the
/// save, and looks up the page's parent-tree entry by scanning the whole tree for every marked
/// sequence, which made a long tagged document several times slower and heavier than an untagged one.
/// </para>
/// </summary>
public sealed class Tagger
{
    /// <summary>What an entry of the stack is: how it marks what is drawn while it is on top.</summary>
    private enum Kind : byte
    {
        /// <summary>A grouping element (Sect, Div, Caption): content drawn directly in it is not marked.</summary>
        Grouping,
        /// <summary>A block- or inline-level element: what is drawn is marked as its content.</summary>
        Content,
        /// <summary>A figure: as Content, and drawn in graphics mode.</summary>
        Illustration,
        Artifact,
        /// <summary>An open marked-content sequence with an MCID, of the element under it.</summary>
        Marked,
    }

    /// <summary>
    /// An entry of the stack. <paramref name="EndMark"/>: opened by a call of ours, so End stops at
    /// it (a marked sequence is opened by drawing, and ends with its element).
    /// <paramref name="InTextMode"/>: whether the content stream was in text mode when the marked
    /// content began, restored when it ends (BT/ET stay balanced around BDC/EMC).
    /// </summary>
    private readonly record struct Item(Kind Kind, StructNode? Node, bool EndMark, bool InTextMode);

    private StructureTree _tree;
    private readonly PdfDocument _pdf;
    private readonly LanguageProfile _profile;
    private readonly List<Item> _stack = [];
    private readonly List<StructNode> _open = [];
    private readonly List<(StructNode Note, StructNode Citing)> _notes = [];
    private XGraphics? _graphics;
    private StringBuilder? _content;
    private PdfPage? _page;
    private int _pageIndex = -1;
    private double _pageHeight;
    private int _nextMcid;
    private List<StructNode>? _pageElements;
    /// <summary>
    /// Where the page's content stood when an element that marks what is drawn (not yet marked)
    /// came on top, or -1. Content that grows past it before the next call here was drawn without
    /// <see cref="Mark"/> (by a caller that kept <see cref="PageCanvas.Graphics"/> across a change
    /// of element): a reader would not find it in the structure, so it is refused.
    /// </summary>
    private int _unmarkedFrom = -1;
    private int _artifacts;
    private int _inNote;
    private int _noteCount;

    /// <param name="pdf">The document: marked as tagged, with its language and title shown (the structure tree is written on save).</param>
    /// <param name="language">The document's language.</param>
    /// <param name="root">The Document element, the root of the tree the boxes' elements belong to.</param>
    public Tagger(PdfDocument pdf, string language, StructNode root)
    {
        _pdf = pdf;
        _tree = new StructureTree(root);
        _profile = LanguageProfiles.For(language);
        // What PDFsharp's UAManager puts in the catalog, in its order: the language, the document's
        // title shown as window title (Info /Title), Marked, and the structure tree's root.
        pdf.Language = DocumentLanguage(language);
        pdf.ViewerPreferences.DisplayDocTitle = true;
        var markInfo = new PdfDictionary(pdf);
        markInfo.Elements.SetBoolean("/Marked", true);
        pdf.Internals.AddObject(markInfo);
        pdf.Internals.Catalog.Elements.SetReference("/MarkInfo", markInfo);
        StructureWriter.ReserveRoot(pdf);
    }

    /// <summary>The language tag of a document in one of the project's languages.</summary>
    public static string DocumentLanguage(string language) => LanguageProfiles.For(language).Tags.Tag;

    /// <summary>A new page is drawn with <paramref name="graphics"/>: its MCIDs count from 0.</summary>
    public void StartPage(PdfPage page, XGraphics graphics)
    {
        if (_stack.Count > 0 && _stack[^1].Kind == Kind.Marked) throw new InvalidOperationException("marked content left open on the previous page");
        _graphics = graphics;
        _content = graphics.Internals.ContentStringBuilder ?? throw new InvalidOperationException("the page is not drawn by PDFsharp's PDF renderer");
        _page = page;
        _pageIndex++;
        _pageHeight = page.Height.Point;
        _nextMcid = 0;
        _pageElements = null;
        Settle();
    }

    /// <summary>
    /// Makes <paramref name="node"/> the open element, closing and opening elements along its
    /// path. Returns false when the node was closed before: its box is a repeat (a table header on
    /// a continuation page) and is drawn as an artifact. Null closes everything (space, rules).
    /// </summary>
    public bool Enter(StructNode? node, XRect bounds = default)
    {
        Check();
        bool entered = EnterPath(node, bounds);
        Settle();
        return entered;
    }

    private bool EnterPath(StructNode? node, XRect bounds)
    {
        if (_artifacts > 0 || _inNote > 0) return true; // content of the artifact or note being drawn
        if (node is null)
        {
            CloseTo(0);
            return true;
        }
        if (node.State == TagState.Closed) return false;
        if (_open.Count > 0 && ReferenceEquals(_open[^1], node)) return true;
        // _open[i] is the open element at depth i + 1: the deepest of the node's ancestors that is open stays open.
        var common = node;
        while (common.Depth > _open.Count) common = common.Parent!;
        while (common.Depth > 0 && !ReferenceEquals(_open[common.Depth - 1], common)) common = common.Parent!;
        CloseTo(common.Depth);
        OpenDown(node, common.Depth, bounds);
        return true;
    }

    private void OpenDown(StructNode node, int depth, XRect bounds)
    {
        if (node.Depth <= depth) return;
        OpenDown(node.Parent!, depth, bounds);
        Open(node, bounds);
    }

    /// <summary>Draws a box as the content of its element, or as an artifact where it repeats one drawn before.</summary>
    public void Draw(StructNode? node, XRect bounds, Action draw)
    {
        bool tagged = Enter(node, bounds);
        if (!tagged) BeginArtifact();
        draw();
        if (!tagged) EndArtifact();
    }

    /// <summary>
    /// Called before anything is drawn: when an element is on top, its marked content begins
    /// (PDFsharp's UA layer does this on every DrawString and Draw call it sees).
    /// </summary>
    public void Mark()
    {
        Check();
        if (_stack.Count == 0) throw new InvalidOperationException("drawing outside the document structure of a tagged PDF");
        var top = _stack[^1];
        if (top.Kind is Kind.Content or Kind.Illustration) BeginMarkedContent(top.Node!);
        Settle();
    }

    public void BeginArtifact()
    {
        Check();
        EndMarkedContent();
        bool text = PdfRendererExtensions.IsInTextMode(_graphics!);
        _stack.Add(new Item(Kind.Artifact, null, true, text));
        _content!.Append("/Artifact BMC\n");
        _artifacts++;
        Settle();
    }

    public void EndArtifact()
    {
        Check();
        End();
        _artifacts--;
        Settle();
    }

    /// <summary>
    /// Ends the page's open marked content while its drawing is still there; the elements stay
    /// open. (The empty artifact is what PDFsharp's UA layer wrote here; kept, so the pages'
    /// content is the same.)
    /// </summary>
    public void EndPage()
    {
        BeginArtifact();
        EndArtifact();
    }

    /// <summary>A footnote drawn at the foot of a page: a Note, later moved under the element whose text cites it.</summary>
    public void BeginNote(StructNode? citing)
    {
        Check();
        // PDF/UA-1 (7.9): every note has an ID, unique in the document; counted, so the same on every build.
        var note = Innermost().AddDrawn("Note", id: "note-" + (++_noteCount).ToString(CultureInfo.InvariantCulture));
        Begin(note, Kind.Content);
        if (citing is not null) _notes.Add((note, citing));
        _inNote++;
        Settle();
    }

    public void EndNote()
    {
        Check();
        End();
        _inNote--;
        Settle();
    }

    /// <summary>
    /// The language of a run of text when it differs from the document's (Latin words in a Chinese
    /// document, Chinese in an English one); null for the document's language, for digits and
    /// punctuation, and inside figures and artifacts, which are not read.
    /// </summary>
    public string? RunLanguage(string text)
    {
        if (!Reading || (_inNote == 0 && _open.Count > 0 && _open[^1].Role == "Lbl")) return null; // "(a)", "A." label the document's own text
        return ForeignRuns.TagOf(text, _profile);
    }

    /// <summary>False inside artifacts and figures (whose alternative text is read instead of their labels).</summary>
    public bool Reading => _artifacts == 0 && (_inNote > 0 || _open.Count == 0 || _open[^1].Role != "Figure");

    /// <summary>Whether words are spaced: lines of English text end with a space (in the structure's text), Chinese lines run on.</summary>
    public bool SpacedText => _profile.LineBreaking == LineBreaking.Words;

    /// <summary>True for text with no letters: it takes the language of the text around it.</summary>
    public static bool Neutral(string text)
    {
        foreach (var rune in text.EnumerateRunes()) // a loop, not LINQ: asked for every piece of text drawn
            if (Rune.IsLetter(rune)) return false;
        return true;
    }

    public void BeginSpan(string language)
    {
        Check();
        Begin(Innermost().AddDrawn("Span", language: language), Kind.Content);
        Settle();
    }

    public void EndSpan()
    {
        Check();
        End();
        Settle();
    }

    /// <summary>Whether what is drawn now may be a link: not in an artifact (a table's header drawn again), which the structure does not hold.</summary>
    public bool Linking => _artifacts == 0;

    /// <summary>
    /// Begins the text of a link (a chart reference) drawn in <paramref name="area"/> (page
    /// coordinates, from the top): a Link element in the innermost open one, and its link
    /// annotation on the page, going to the link's named destination. The element owns the
    /// annotation (an OBJR kid; the annotation's /StructParent is its entry in the parent tree), the
    /// annotation says where it goes in /Contents (PDF/UA-1 7.18.5), and the page orders its
    /// annotations by the structure (/Tabs /S, 7.18.3). A reference broken over two lines is two
    /// links, one per line.
    /// </summary>
    public void BeginLink(LinkTarget link, XRect area)
    {
        Check();
        var element = Innermost().AddDrawn("Link");
        Begin(element, Kind.Content);
        int key = _tree.ParentTree.Count;
        _tree.ParentTree.Add(new ParentEntry(null, element));
        var annotation = new PdfDictionary(_pdf);
        annotation.Elements.SetName("/Type", "/Annot");
        annotation.Elements.SetName("/Subtype", "/Link");
        annotation.Elements["/Rect"] = new PdfArray(_pdf, Real(area.Left), Real(_pageHeight - area.Bottom), Real(area.Right), Real(_pageHeight - area.Top));
        annotation.Elements["/Border"] = new PdfArray(_pdf, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0)); // no frame drawn around the words
        annotation.Elements.SetInteger("/F", 4); // printed as the page is
        annotation.Elements["/Contents"] = new PdfString(link.Description, Ascii(link.Description) ? PdfStringEncoding.RawEncoding : PdfStringEncoding.Unicode);
        annotation.Elements.SetInteger("/StructParent", key);
        annotation.Elements.SetName("/Dest", "/" + link.Destination); // a name of the catalog's /Dests (Destinations)
        _pdf.Internals.AddObject(annotation);
        var annotations = _page!.Elements.GetArray("/Annots");
        if (annotations is null)
        {
            annotations = new PdfArray(_pdf);
            _page.Elements["/Annots"] = annotations;
            _page.Elements.SetName("/Tabs", "/S");
        }
        annotations.Elements.Add(annotation.Reference!);
        _tree.Kids.AddAnnotation(element, _pageIndex, _tree.Annotations.Count);
        _tree.Annotations.Add(annotation);
        Settle();

        static PdfReal Real(double value) => new(Math.Round(value, 2));
        static bool Ascii(string text) => !text.AsSpan().ContainsAnyExceptInRange(' ', '~');
    }

    /// <summary>Ends the text of the link begun last.</summary>
    public void EndLink()
    {
        Check();
        End();
        Settle();
    }

    /// <summary>The link annotations made so far, in the order made: numbered when the PDF is saved.</summary>
    internal IReadOnlyList<PdfDictionary> Annotations => _tree.Annotations;

    /// <summary>A span that is drawn but not read (its ActualText is empty): the hyphen of a broken word.</summary>
    public void BeginUnread()
    {
        Check();
        Begin(Innermost().AddDrawn("Span", actualText: ""), Kind.Content);
        Settle();
    }

    /// <summary>
    /// A span whose ActualText is its text in reading order: a line drawn in visual order (right to
    /// left, shaped), which a screen reader reads as the characters it was made from.
    /// </summary>
    public void BeginActualText(string text)
    {
        Check();
        Begin(Innermost().AddDrawn("Span", actualText: text), Kind.Content);
        Settle();
    }

    /// <summary>Closes every element and moves each note under the element that cites it, after that element's own content.</summary>
    public void Finish()
    {
        Check();
        CloseTo(0);
        _unmarkedFrom = -1;
        (_page, _graphics, _content, _pageElements) = (null, null, null, null); // the last page's: drawn
        foreach (var (note, citing) in _notes)
        {
            var target = citing;
            while (target.State == TagState.NotOpened && target.Parent is not null) target = target.Parent;
            if (target.State == TagState.NotOpened) continue; // nothing of it drawn: the note stays where it was drawn
            _tree.Kids.Remove(note.Parent!, note);
            _tree.Kids.AddElement(target, note);
            note.Reparent(target);
        }
        _notes.Clear();
    }

    /// <summary>
    /// Writes the structure tree to follow the saved PDF's objects (see <see cref="StructureWriter"/>),
    /// and lets the tree and the pages go: the tagger is done.
    /// </summary>
    internal StructureWriter.Added WriteStructure(StructureWriter.SavedPdf saved)
    {
        var added = StructureWriter.Write(saved, _tree);
        _tree = null!;
        return added;
    }

    private void Open(StructNode node, XRect bounds)
    {
        switch (node.Role)
        {
            case "Sect" or "Div" or "Caption":
                Begin(node, Kind.Grouping);
                break;
            case "Figure":
                // The bounding box in PDF user space (origin bottom left).
                _tree.BoundingBoxes[node] = (bounds.X, _pageHeight - bounds.Bottom, bounds.X + bounds.Width, _pageHeight - bounds.Bottom + bounds.Height);
                Begin(node, Kind.Illustration);
                // Graphic content is expected: graphics mode before the marked content begins.
                PdfRendererExtensions.BeginGraphicMode(_graphics!);
                break;
            default:
                Begin(node, Kind.Content);
                break;
        }
        _open.Add(node);
    }

    /// <summary>Opens an element as the last kid of the innermost open one (the root when none is open).</summary>
    private void Begin(StructNode node, Kind kind)
    {
        EndMarkedContent();
        var parent = Innermost();
        if (!ReferenceEquals(node.Parent, parent)) throw new InvalidOperationException($"a {node.Role} element opened outside its parent {node.Parent?.Role}");
        _tree.Kids.AddElement(parent, node);
        node.State = TagState.Open;
        _stack.Add(new Item(kind, node, true, false));
    }

    /// <summary>Ends the item on top, and the element of the marked content on top with it.</summary>
    private void End()
    {
        while (true)
        {
            if (_stack.Count == 0) throw new InvalidOperationException("an element ended that was not opened");
            var item = _stack[^1];
            EndItem(item);
            _stack.RemoveAt(_stack.Count - 1);
            if (item.EndMark) return;
        }
    }

    private void EndItem(Item item)
    {
        if (item.Kind is not (Kind.Marked or Kind.Artifact)) return;
        _content!.Append("EMC\n");
        if (item.InTextMode != PdfRendererExtensions.IsInTextMode(_graphics!))
        {
            if (item.InTextMode) PdfRendererExtensions.BeginTextMode(_graphics!);
            else PdfRendererExtensions.BeginGraphicMode(_graphics!);
        }
    }

    private void EndMarkedContent()
    {
        while (_stack.Count > 0 && _stack[^1].Kind == Kind.Marked)
        {
            EndItem(_stack[^1]);
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private void BeginMarkedContent(StructNode node)
    {
        // A page's content starts in text mode (as PDFsharp's UA layer starts it).
        if (_nextMcid == 0) PdfRendererExtensions.BeginTextMode(_graphics!);
        bool text = PdfRendererExtensions.IsInTextMode(_graphics!);
        _stack.Add(new Item(Kind.Marked, node, false, text));
        _content!.Append('/').Append(node.Role).Append("<</MCID ").Append(_nextMcid).Append(">>BDC\n");
        _tree.Kids.AddContent(node, _pageIndex, _nextMcid);
        if (_pageElements is null)
        {
            // The page's entry in the parent tree: its /StructParents is the entry's key.
            _page!.Elements.SetInteger("/StructParents", _tree.ParentTree.Count);
            _pageElements = [];
            _tree.ParentTree.Add(new ParentEntry(_pageElements, null));
        }
        _pageElements.Add(node);
        _nextMcid++;
    }

    private void Check()
    {
        if (_unmarkedFrom >= 0 && _content!.Length > _unmarkedFrom)
            throw new InvalidOperationException($"content drawn on page {_pageIndex + 1} without being marked as its element's (a {_stack[^1].Node!.Role}): take PageCanvas.Graphics anew to draw");
    }

    /// <summary>Notes where the content stands when what is drawn next must be marked first.</summary>
    private void Settle() =>
        _unmarkedFrom = _content is not null && _stack.Count > 0 && _stack[^1].Kind is Kind.Content or Kind.Illustration ? _content.Length : -1;

    /// <summary>The innermost open element: what a new element or marked content belongs to.</summary>
    private StructNode Innermost()
    {
        for (int i = _stack.Count - 1; i >= 0; i--)
            if (_stack[i].Kind is not (Kind.Artifact or Kind.Marked)) return _stack[i].Node!;
        return _tree.Root;
    }

    private void CloseTo(int depth)
    {
        while (_open.Count > depth)
        {
            End();
            _open[^1].State = TagState.Closed;
            _open.RemoveAt(_open.Count - 1);
        }
    }
}
