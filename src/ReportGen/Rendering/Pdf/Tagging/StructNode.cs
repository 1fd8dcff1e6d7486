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
    public string? Alt
    {
        get => _attribute == Attribute.Alt ? _text : null;
        init => Set(Attribute.Alt, value);
    }

    /// <summary>Scope of a header cell: "Column" or "Row".</summary>
    public string? Scope
    {
        get => _attribute == Attribute.Scope ? _text : null;
        init => Set(Attribute.Scope, value);
    }

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
    // A long document has a quarter of a million elements, all kept until the PDF is saved: an
    // element is 64 bytes, its one text attribute in one field, its kids in the tagger's KidStore.

    private enum Attribute : byte { None, Alt, Scope, Language, ActualText, Id }

    private string? _text;
    private Attribute _attribute;

    private void Set(Attribute attribute, string? value)
    {
        if (value is null) return;
        if (_attribute != Attribute.None && _attribute != attribute) throw new InvalidOperationException($"a {Role} element has both {_attribute} and {attribute}");
        (_attribute, _text) = (attribute, value);
    }

    /// <summary>Not yet opened, open, or closed (a box drawn for it again repeats it).</summary>
    internal TagState State { get; set; }

    /// <summary>The language of a span (/Lang), where it differs from the document's.</summary>
    internal string? Language
    {
        get => _attribute == Attribute.Language ? _text : null;
        init => Set(Attribute.Language, value);
    }

    /// <summary>What is read instead of the drawn text (/ActualText): empty for a hyphen added at a break.</summary>
    internal string? ActualText
    {
        get => _attribute == Attribute.ActualText ? _text : null;
        init => Set(Attribute.ActualText, value);
    }

    /// <summary>A note's ID, unique in the document (PDF/UA-1, 7.9).</summary>
    internal string? Id
    {
        get => _attribute == Attribute.Id ? _text : null;
        init => Set(Attribute.Id, value);
    }

    /// <summary>Its first and last kid in the <see cref="KidStore"/> (-1: none).</summary>
    internal int FirstKid { get; set; } = -1;
    internal int LastKid { get; set; } = -1;

    /// <summary>The page (0-based) of its first marked content (/Pg), or -1.</summary>
    internal int Page { get; set; } = -1;

    /// <summary>Its PDF object number, once numbered for writing.</summary>
    internal int Number { get; set; }

    /// <summary>A child element made while drawing (a span, a note), under this element.</summary>
    internal StructNode AddDrawn(string role, string? language = null, string? actualText = null, string? id = null) =>
        new(role, this) { Language = language, ActualText = actualText, Id = id };

    /// <summary>Makes <paramref name="parent"/> this element's parent (a note moved; the kids are the KidStore's).</summary>
    internal void Reparent(StructNode parent)
    {
        Parent = parent;
        Depth = parent.Depth + 1;
    }
}

internal enum TagState : byte { NotOpened, Open, Closed }
