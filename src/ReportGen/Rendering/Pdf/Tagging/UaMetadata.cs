using System.Text.RegularExpressions;

namespace ReportGen.Rendering.Pdf.Tagging;

/// <summary>
/// The PDF/UA identification (pdfuaid:part 1) in the XMP metadata. PDFsharp writes the XMP
/// packet itself on save, with no way to add to it, so the saved packet is rewritten in place:
/// indentation and empty properties give way to the identification, and the packet is padded with
/// whitespace (XMP's own padding) to its old length, so every byte offset of the file stays valid.
/// </summary>
public static partial class UaMetadata
{
    private const string Identification =
        "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"><pdfuaid:part>1</pdfuaid:part></rdf:Description>";

    /// <summary>Puts the identification in the saved PDF's XMP packet, in place.</summary>
    public static void Identify(Span<byte> pdf)
    {
        int start = pdf.IndexOf("<x:xmpmeta"u8);
        int after = start < 0 ? -1 : pdf[start..].IndexOf("<?xpacket end"u8);
        int end = after < 0 ? -1 : start + after;
        if (end < 0) throw new InvalidOperationException("PDFsharp wrote no XMP metadata packet");
        string packet = System.Text.Encoding.Latin1.GetString(pdf[start..end]); // as patched so far (its ids)
        string compact = Between().Replace(packet, "><")
            .Replace("<pdf:Keywords></pdf:Keywords>", "")
            .Replace("<dc:creator><rdf:Seq><rdf:li></rdf:li></rdf:Seq></dc:creator>", "")
            .Replace("</rdf:RDF>", Identification + "</rdf:RDF>");
        if (compact.Length + 1 > packet.Length) throw new InvalidOperationException("the XMP packet has no room for the PDF/UA identification");
        string padded = compact + "\n" + new string(' ', packet.Length - compact.Length - 1);
        System.Text.Encoding.Latin1.GetBytes(padded, pdf.Slice(start, padded.Length));
    }

    [GeneratedRegex(@">[ \t\r\n]+<")]
    private static partial Regex Between();
}
