using System.Text;

namespace ReportGen.Typesetting;

/// <summary>
/// Which stretches of a text are in another language than the document's: letters of a script the
/// profile names in <see cref="LanguageTags.ForeignRuns"/> (Han in a French or English edition,
/// Latin in a Chinese one) and none of the document's own. The one rule behind the PDF's /Lang on
/// spans and the review page's <c>lang</c> on spans.
/// </summary>
public static class ForeignRuns
{
    /// <summary>The script of a letter; null for digits, spaces, punctuation and symbols, which take the language around them.</summary>
    public static WritingScript? Of(Rune rune)
    {
        if (!Rune.IsLetter(rune)) return null;
        if (Script.IsEastAsian(rune.Value)) return WritingScript.Han;
        if (rune.Value < 0x250) return WritingScript.Latin;
        if (rune.Value is >= 0x400 and < 0x530) return WritingScript.Cyrillic;
        return null;
    }

    /// <summary>The tag of a run written only in a foreign script (letters of the document's own script: none).</summary>
    public static string? TagOf(string text, LanguageProfile profile)
    {
        bool latin = false, han = false, cyrillic = false;
        foreach (var rune in text.EnumerateRunes())
            switch (Of(rune))
            {
                case WritingScript.Han: han = true; break;
                case WritingScript.Latin: latin = true; break;
                case WritingScript.Cyrillic: cyrillic = true; break;
            }
        bool Has(WritingScript script) => script switch { WritingScript.Han => han, WritingScript.Latin => latin, _ => cyrillic };
        if (Has(profile.Script)) return null;
        foreach (var (script, tag) in profile.Tags.ForeignRuns)
            if (Has(script)) return tag;
        return null;
    }

    /// <summary>
    /// A text cut where its language changes: each piece with the tag of its foreign language, or
    /// null for the document's. Characters without a script (spaces, digits, punctuation) between
    /// two letters of one foreign run stay in it, and so do the digits and marks right after its last
    /// letter; elsewhere they are the document's.
    /// </summary>
    public static IEnumerable<(string Text, string? Tag)> Split(string text, LanguageProfile profile)
    {
        var pieces = new List<(int Start, int End, string? Tag)>();
        int index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            int length = rune.Utf16SequenceLength;
            if (Of(rune) is { } script)
            {
                string? tag = script == profile.Script ? null : profile.Tags.ForeignRuns.FirstOrDefault(f => f.Script == script).Tag;
                pieces.Add((index, index + length, tag));
            }
            index += length;
        }
        // Letters of one tag, with what lies between them, form a run; the rest is the document's.
        var runs = new List<(int Start, int End, string? Tag)>();
        foreach (var piece in pieces)
        {
            if (runs.Count > 0 && runs[^1].Tag == piece.Tag) runs[^1] = (runs[^1].Start, piece.End, piece.Tag);
            else runs.Add(piece);
        }
        int at = 0;
        foreach (var run in runs.Where(r => r.Tag is not null))
        {
            // A word's digits and marks that follow its letters belong to it ("COVID-19" is one English word in Chinese text).
            int end = run.End;
            while (end < text.Length && text[end] < 0x250 && !char.IsWhiteSpace(text[end]) && !char.IsLetter(text[end])) end++;
            if (run.Start > at) yield return (text[at..run.Start], null);
            yield return (text[run.Start..end], run.Tag);
            at = end;
        }
        if (at < text.Length || text.Length == 0) yield return (text[at..], null);
    }
}
