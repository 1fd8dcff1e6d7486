using ReportGen.Rendering.Pdf.Layout;

namespace ReportGen.Tests.Support;

/// <summary>
/// A set line read back from where its atoms were placed: the space justification added at each
/// stretch point, judged by the one definition of a line's limits (<see cref="LineStretch"/>), so a
/// test checks what the layout drew, not what it says it did.
/// </summary>
public static class SetLines
{
    /// <summary>The space added at each stretch point of the line, in points (equal at every point; 0 in a line set tight or ragged).</summary>
    public static double AddedPerPoint(Line line)
    {
        double most = 0;
        for (int i = 1; i < line.Atoms.Count; i++)
        {
            var (left, x) = line.Atoms[i - 1];
            if (LineStretch.IsStretchPoint(left, line.Atoms[i].Atom))
                most = Math.Max(most, line.Atoms[i].X - x - left.Width);
        }
        return most;
    }

    /// <summary>Does the line hold a Han character (what gives it the Han limit)?</summary>
    public static bool HasHan(Line line) => line.Atoms.Any(a => LineStretch.IsHanCharacter(a.Atom));

    /// <summary>The line's stretch against its limit, as drawn: over 1 is beyond the limit.</summary>
    public static double Stretch(Line line) => line.Setting!.Measure.Ratio(AddedPerPoint(line), HasHan(line));
}
