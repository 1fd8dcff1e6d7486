using PdfSharp.Drawing;
using ReportGen.Document;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Rendering.Pdf.Tagging;

namespace ReportGen.Rendering.Pdf;

/// <summary>
/// The structure elements of a tagged PDF, made from the document model while the boxes are laid
/// out: every box is given the element it draws (see <see cref="Tagger"/>).
/// </summary>
public sealed partial class PdfWriter
{
    private readonly StructNode _root = StructNode.Document();
    /// <summary>The element the lines laid out next belong to, and the element of the first line's label.</summary>
    private StructNode? _tag, _labelTag;

    /// <summary>Starts the element of the next lines: a child of <paramref name="parent"/> (the document when null), with a Lbl when it has a label.</summary>
    private StructNode Tag(string role, bool labelled = false, StructNode? parent = null)
    {
        _tag = (parent ?? _root).Add(role);
        _labelTag = labelled ? _tag.Add("Lbl") : null;
        return _tag;
    }

    private static string HeadingRole(int level) => "H" + Math.Clamp(level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The element a box's drawing starts in: its label's, where it has one.</summary>
    private static StructNode? FirstTag(Box box) => box is LineBox { LabelTag: { } label } ? label : box.Tag;

    /// <summary>Where a box sits on its page, for a figure's bounding box.</summary>
    private static XRect Bounds(Box box, double top) => new(PdfLook.Left, top, PdfLook.TableRight - PdfLook.Left, box.Height);

    /// <summary>The element whose text on this page cites a footnote.</summary>
    private static StructNode? Citing(PageContent page, Footnote note)
    {
        foreach (var (box, _) in page.Items)
            if (box.Footnotes.Contains(note)) return box is RowBox row ? row.CellCiting(note) : box.Tag;
        return null;
    }
}
