namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// The kids of all the structure elements of a document, in one store: each element's kids are a
/// chain through it (<see cref="StructNode.FirstKid"/>, <see cref="StructNode.LastKid"/>, each kid's
/// next). A kid is a child element, marked content (page, MCID), or an annotation the element
/// owns (an OBJR: a link's annotation, its index in <see cref="StructureTree.Annotations"/>). Kept in blocks of 2,048 kids
/// (48 KB, under the large object heap's threshold): the store grows without copying, and a
/// quarter of a million elements cost no list each.
/// </summary>
internal sealed class KidStore
{
    private const int BlockSize = 2048;

    /// <summary>
    /// A kid: a child element, or marked content when Node is null, or an annotation when Mcid is
    /// negative (-1 - its index in <see cref="StructureTree.Annotations"/>: the kid stays 24 bytes);
    /// Next is the next kid of the same parent (-1: the last).
    /// </summary>
    internal struct Kid
    {
        public StructNode? Node;
        public int Page, Mcid, Next;

        /// <summary>The annotation's index in <see cref="StructureTree.Annotations"/>, or -1 for marked content or an element.</summary>
        public readonly int Annotation => Node is null && Mcid < 0 ? -1 - Mcid : -1;
    }

    private readonly List<Kid[]> _blocks = [];
    private int _count;

    public ref Kid this[int index] => ref _blocks[index / BlockSize][index % BlockSize];

    /// <summary>Appends a child element to <paramref name="parent"/>'s kids.</summary>
    public void AddElement(StructNode parent, StructNode child) => Append(parent, new Kid { Node = child, Next = -1 });

    /// <summary>Appends marked content drawn on a page to <paramref name="element"/>'s kids.</summary>
    public void AddContent(StructNode element, int page, int mcid)
    {
        if (element.Page < 0) element.Page = page;
        Append(element, new Kid { Page = page, Mcid = mcid, Next = -1 });
    }

    /// <summary>Appends an annotation on a page (its index in <see cref="StructureTree.Annotations"/>) to <paramref name="element"/>'s kids, as an object reference.</summary>
    public void AddAnnotation(StructNode element, int page, int annotation)
    {
        if (element.Page < 0) element.Page = page;
        Append(element, new Kid { Page = page, Mcid = -1 - annotation, Next = -1 });
    }

    /// <summary>Takes <paramref name="child"/> out of its parent's kids.</summary>
    public void Remove(StructNode parent, StructNode child)
    {
        int previous = -1;
        for (int i = parent.FirstKid; i >= 0; previous = i, i = this[i].Next)
        {
            if (!ReferenceEquals(this[i].Node, child)) continue;
            int next = this[i].Next;
            if (previous < 0) parent.FirstKid = next;
            else this[previous].Next = next;
            if (parent.LastKid == i) parent.LastKid = previous;
            return;
        }
    }

    private void Append(StructNode parent, Kid kid)
    {
        if (_count == _blocks.Count * BlockSize) _blocks.Add(new Kid[BlockSize]);
        int index = _count++;
        this[index] = kid;
        if (parent.LastKid >= 0) this[parent.LastKid].Next = index;
        else parent.FirstKid = index;
        parent.LastKid = index;
    }
}

/// <summary>A document's structure tree as drawn: the root, every element's kids, the parent tree, the figures' bounding boxes.</summary>
internal sealed class StructureTree(StructNode root)
{
    public StructNode Root { get; } = root;
    public KidStore Kids { get; } = new();
    /// <summary>
    /// The parent tree's entries in the order of their keys: for each page with marked content (its
    /// /StructParents) the element of each MCID; for each annotation (its /StructParent) the element it belongs to.
    /// </summary>
    public List<ParentEntry> ParentTree { get; } = [];
    /// <summary>The annotations the elements own (links), numbered when the PDF is saved (<see cref="StructureWriter.Save"/>).</summary>
    public List<PdfSharp.Pdf.PdfDictionary> Annotations { get; } = [];
    /// <summary>A figure's bounding box in PDF user space (/A &lt;&lt;/O /Layout /BBox&gt;&gt;): x1 y1 x2 y2.</summary>
    public Dictionary<StructNode, (double X1, double Y1, double X2, double Y2)> BoundingBoxes { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>An entry of the parent tree: a page's elements by MCID, or the one element of an annotation.</summary>
internal readonly record struct ParentEntry(List<StructNode>? Marked, StructNode? Owner);
