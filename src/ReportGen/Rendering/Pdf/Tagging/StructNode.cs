namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// One element of the PDF's logical structure (PDF 1.7 standard structure types: H1–H3, P, L, LI,
/// Lbl, LBody, Table, TR, TH, TD, Figure, Note, Sect, Div), built from the document model in
/// reading order while the boxes are laid out, and given to the boxes that draw its content.
/// </summary>
public sealed class StructNode
{
    private StructNode(string role, StructNode? parent)
    {
        Role = role;
        Parent = parent;
    }

    /// <summary>The root: the document's own element, made by PDFsharp.</summary>
    public static StructNode Document() => new("Document", null);

    public string Role { get; }
    public StructNode? Parent { get; }

    /// <summary>Alternative text (figures).</summary>
    public string? Alt { get; init; }

    /// <summary>Scope of a header cell: "Column" or "Row".</summary>
    public string? Scope { get; init; }

    /// <summary>A child element, in reading order.</summary>
    public StructNode Add(string role, string? alt = null, string? scope = null) => new(role, this) { Alt = alt, Scope = scope };

    /// <summary>The elements from the root's child down to this one.</summary>
    public List<StructNode> Path()
    {
        var path = new List<StructNode>();
        for (var n = this; n.Parent is not null; n = n.Parent) path.Add(n);
        path.Reverse();
        return path;
    }
}
