using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using ReportGen.Build;
using ReportGen.Rendering.Pdf.Layout;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Rendering;

/// <summary>
/// Pieces of a line are drawn as one string where they can be (a Chinese line is one piece per
/// character; justified, the stretch is the PDF's character spacing): the words must land where
/// drawing every piece by itself puts them, as poppler reads their boxes, with far fewer strings.
/// </summary>
public class TextRunTests
{
    private static Dictionary<string, byte[]> Pdfs(string workbook, bool pieceByPiece)
    {
        // The build's documents, written by the build's PDF writer, with runs joined or not.
        var (_, _, documents) = BuildPipeline.Compose(new BuildOptions(workbook, "unused", Repo.Path("templates"), ["en", "zh"], ["pdf"], null));
        var fonts = ReportGen.Rendering.Pdf.Fonts.FontSet.Load();
        return documents.ToDictionary(d => $"{d.Spec.DocId}.{d.Doc.Language}.pdf",
            d => ReportGen.Rendering.Pdf.PdfWriter.Write(ReportGen.Document.Resolver.Resolve(d.Doc), fonts, pieceByPiece).Bytes);
    }

    private static List<(double XMin, double YMin, double XMax, double YMax, string Text)> Words(byte[] pdf)
    {
        string html = Poppler.PdfToText(pdf, "-bbox");
        static double D(Group g) => double.Parse(g.Value, CultureInfo.InvariantCulture);
        return Regex.Matches(html, "<word xMin=\"([-\\d.]+)\" yMin=\"([-\\d.]+)\" xMax=\"([-\\d.]+)\" yMax=\"([-\\d.]+)\">([^<]*)</word>")
            .Select(m => (D(m.Groups[1]), D(m.Groups[2]), D(m.Groups[3]), D(m.Groups[4]), m.Groups[5].Value)).ToList();
    }

    private static Dictionary<int, (double XMin, double YMin, double XMax, double YMax, string Text)> Starts(
        List<(double XMin, double YMin, double XMax, double YMax, string Text)> words, out string text)
    {
        var starts = new Dictionary<int, (double, double, double, double, string)>();
        var all = new StringBuilder();
        foreach (var word in words)
        {
            starts[all.Length] = word;
            all.Append(word.Text);
        }
        text = all.ToString();
        return starts;
    }

    /// <summary>How many strings the pages show (Tj operators in their content).</summary>
    private static int Strings(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        int count = 0;
        void Count(CObject o)
        {
            if (o is COperator { OpCode.OpCodeName: OpCodeName.Tj or OpCodeName.TJ }) count++;
            if (o is CSequence sequence) foreach (var child in sequence) Count(child);
        }
        foreach (var page in document.Pages) Count(ContentReader.ReadContent(page));
        return count;
    }

    public static TheoryData<string> Workbooks => new() { "sample", "generated" };

    [SkippableTheory]
    [MemberData(nameof(Workbooks))]
    public void Joined_runs_put_every_word_where_piece_by_piece_drawing_does(string which)
    {
        string workbook = Repo.Seed;
        string? generated = null;
        if (which == "generated")
        {
            generated = Path.Combine(Path.GetTempPath(), $"reportgen-runs-{Guid.NewGuid():N}.xlsx");
            CycleGenerator.Write(CycleGenerator.Scenarios[^1], generated);
            workbook = generated;
        }
        try
        {
            var joined = Pdfs(workbook, pieceByPiece: false);
            var separate = Pdfs(workbook, pieceByPiece: true);
            foreach (var (name, pdf) in joined)
            {
                // Words are keyed by where they start in the document's text: poppler may cut a line
                // into words differently once a run's character spacing follows its last glyph.
                var expected = Starts(Words(separate[name]), out string expectedText);
                var actual = Starts(Words(pdf), out string actualText);
                Assert.Equal(expectedText, actualText);
                int compared = 0;
                foreach (var (at, e) in expected)
                {
                    if (!actual.TryGetValue(at, out var a)) continue;
                    compared++;
                    // Full-width Han characters have widths of whole thousandths of an em: exact. Latin
                    // glyphs' widths are rounded to thousandths in the PDF, which a long run adds up.
                    double tolerance = e.Text.Any(c => c < 0x2E80) ? 0.5 : 0.01;
                    double off = Math.Max(Math.Abs(a.XMin - e.XMin), Math.Abs(a.YMin - e.YMin));
                    Assert.True(off <= tolerance, $"{name}: '{e.Text}' at {e.XMin:0.###},{e.YMin:0.###} drawn {off:0.###} pt away");
                }
                Assert.True(compared >= expected.Count * 0.9, $"{name}: only {compared} of {expected.Count} words start at the same place in the text");
                // A Chinese line is one piece per character; an English one a piece per word and space.
                int joinedStrings = Strings(pdf), separateStrings = Strings(separate[name]);
                double fewer = name.Contains(".zh.", StringComparison.Ordinal) ? 3 : 1.5;
                Assert.True(joinedStrings * fewer < separateStrings, $"{name}: {joinedStrings} strings joined against {separateStrings} piece by piece");
            }
        }
        finally
        {
            if (generated is not null) File.Delete(generated);
        }
    }
}
