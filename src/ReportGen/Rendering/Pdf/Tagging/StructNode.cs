namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// One element of the PDF's logical structure (PDF 1.7 standard structure types: H1–H3, P, L, LI,
/// Lbl, LBody, Table, TR, TH, TD, Figure, Note, Sect, Div, Span), built from the document model in
/// reading order while the boxes are laid out, and given to the boxes that draw its content. While
/// the pages are drawn, the <see cref="Tagger"/> records what it became in the PDF (its kids, its
/// first page); <see cref="StructureWriter"/> writes it out once, after the pages are saved.
/// </summary>
public sealed class StructNode
{
    private StructNode(string role, StructNode? parent)
    {
        Role = role;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The root: the document's own element.</summary>
    public static StructNode Document() => new("Document", null);

    public string Role { get; }

    /// <summary>The parent element; a footnote's Note is moved under the element that cites it.</summary>
    public StructNode? Parent { get; private set; }

    /// <summary>The number of elements above this one (0 for the root).</summary>
    internal int Depth { get; private set; }

    /// <summary>Alternative text (figures).</summary>
    public string? Alt { get; init; }

    /// <summary>Scope of a header cell: "Column" or "Row".</summary>
    public string? Scope { get; init; }

    /// <summary>A child element, in reading order.</summary>
    public StructNode Add(string role, string? alt = null, string? scope = null) => new(role, this) { Alt = alt, Scope = scope };

    /// <summary>The elements from the root's child down to this one.</summary>
    public List<StructNode> Path()
    {
        var path = new List<StructNode>(Depth);
        for (var n = this; n.Parent is not null; n = n.Parent) path.Add(n);
        path.Reverse();
        return path;
    }

    // ---- what the element became in the PDF (set by the Tagger while the pages are drawn) ----

    /// <summary>Not yet opened, open, or closed (a box drawn for it again repeats it).</summary>
    internal TagState State { get; set; }

    /// <summary>The language of a span (/Lang), where it differs from the document's.</summary>
    internal string? Language { get; init; }

    /// <summary>What is read instead of the drawn text (/ActualText): empty for a hyphen added at a break.</summary>
    internal string? ActualText { get; init; }

    /// <summary>A note's ID, unique in the document (PDF/UA-1, 7.9).</summary>
    internal string? Id { get; init; }

    /// <summary>A figure's bounding box in PDF user space (/A &lt;&lt;/O /Layout /BBox&gt;&gt;): x1 y1 x2 y2.</summary>
    internal (double X1, double Y1, double X2, double Y2)? BBox { get; set; }

    /// <summary>Child elements and marked-content sequences, in reading order; null while it has none.</summary>
    internal List<StructKid>? Kids { get; private set; }

    /// <summary>The page (0-based) of its first marked content (/Pg), or -1.</summary>
    internal int Page { get; private set; } = -1;

    /// <summary>Its PDF object number, once numbered for writing.</summary>
    internal int Number { get; set; }

    /// <summary>Appends a child element (when it is opened: the PDF's order is the order of opening).</summary>
    internal void AddKid(StructNode child) => (Kids ??= []).Add(new StructKid(child, 0, 0));

    /// <summary>Appends a marked-content sequence drawn on a page.</summary>
    internal void AddContent(int page, int mcid)
    {
        if (Page < 0) Page = page;
        (Kids ??= []).Add(new StructKid(null, page, mcid));
    }

    /// <summary>A child element made while drawing (a span, a note), under this element.</summary>
    internal StructNode AddDrawn(string role, string? language = null, string? actualText = null, string? id = null) =>
        new(role, this) { Language = language, ActualText = actualText, Id = id };

    /// <summary>Moves this element (a note) to the end of <paramref name="parent"/>'s kids.</summary>
    internal void MoveTo(StructNode parent)
    {
        if (Parent?.Kids is { } old)
            for (int i = old.Count - 1; i >= 0; i--)
                if (ReferenceEquals(old[i].Node, this)) old.RemoveAt(i);
        parent.AddKid(this);
        Parent = parent;
        Depth = parent.Depth + 1;
    }
}

internal enum TagState : byte { NotOpened, Open, Closed }

/// <summary>A kid of a structure element: a child element, or marked content (page, MCID) when Node is null.</summary>
internal readonly record struct StructKid(StructNode? Node, int Page, int Mcid);
