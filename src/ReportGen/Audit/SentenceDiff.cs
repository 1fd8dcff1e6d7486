using System.Text;
using DiffPlex;

namespace ReportGen.Audit;

/// <summary>A sentence of a changed paragraph: its old and new text (null when added or removed) and the marks inside it.</summary>
public sealed record SentenceChange(string? Old, string? New, IReadOnlyList<DiffPiece> Diff);

/// <summary>
/// A reworded paragraph as a reader wants to see it: the sentences that changed, each with the
/// words (English) or characters (Chinese) that changed inside it, and the unchanged sentences
/// left out. Small unchanged words between two changes join the change ("[-a b c-]{+x y z+}",
/// not "[-a-]{+x+} b [-c-]{+z+}") so a rewording reads as old phrase, new phrase.
/// </summary>
public static class SentenceDiff
{
    /// <summary>Words a sentence never ends after, though a full stop follows them.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g.", "i.e.", "etc.", "no.", "nos.", "para.", "paras.", "vol.", "art.", "fig.", "cf.", "p.", "pp.", "approx.", "incl.", "resp.",
    };

    /// <summary>What separates English words for the diff: spaces and the punctuation that sticks to a word ("environment);" is "environment", ")", ";").</summary>
    private static readonly char[] WordSeparators = [' ', '\n', ',', ';', ':', '(', ')', '“', '”', '"', '|'];

    public static bool IsChinese(string text) => text.Any(c => Typesetting.Script.IsHan(c));

    /// <summary>
    /// The sentences of a text, each with the spaces after it, so that joined they are the text.
    /// A sentence ends after . ; ! ? (and 。；！？ in Chinese, with a closing quote or bracket that
    /// follows); a full stop ends one only before a space and a word that does not start in lower
    /// case, never inside a number ("1.3", "12.5") or after an abbreviation ("e.g."); "41 per cent."
    /// ends its sentence like any other word. A line break ends a sentence too.
    /// </summary>
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int end;
            if (c == '\n') end = i + 1; // a line of its own (a chart's caption, a headline box, the masthead)
            else if (c is '。' or '；' or '！' or '？')
            {
                end = i + 1;
                while (end < text.Length && text[end] is '”' or '’' or '）' or ')' or '」') end++;
            }
            else if (c is '.' or ';' or '!' or '?')
            {
                end = i + 1;
                while (end < text.Length && text[end] is '"' or '\'' or ')' or '”' or '’') end++;
                if (end < text.Length && !char.IsWhiteSpace(text[end])) continue; // "1.3", "a.b"
                if (c == '.')
                {
                    int wordStart = text.LastIndexOf(' ', i) + 1;
                    if (Abbreviations.Contains(text[wordStart..(i + 1)])) continue;
                    int next = end;
                    while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
                    if (next < text.Length && char.IsLower(text[next])) continue; // "… per cent. of" inside a sentence
                }
            }
            else continue;
            while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
            sentences.Add(text[start..end]);
            start = end;
            i = end - 1;
        }
        if (start < text.Length) sentences.Add(text[start..]);
        return sentences;
    }

    /// <summary>The sentences that differ between two texts of a paragraph, in order.</summary>
    public static List<SentenceChange> Changes(string oldText, string newText) =>
        Align(oldText, newText).Where(s => s.Old != s.New).ToList();

    /// <summary>The whole paragraph as pieces (same, removed, added): unchanged sentences as they are, changed ones marked inside.</summary>
    public static List<DiffPiece> Pieces(string oldText, string newText)
    {
        var pieces = new List<DiffPiece>();
        foreach (var s in Align(oldText, newText))
            foreach (var p in s.Diff) Append(pieces, p.Op, p.Text);
        return pieces;
    }

    /// <summary>Every sentence of the new text (and those only in the old), paired by a sentence-level diff.</summary>
    private static List<SentenceChange> Align(string oldText, string newText)
    {
        var a = Split(oldText);
        var b = Split(newText);
        // Sentences compared by their text without the spaces after them; each distinct sentence one line.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string Lines(List<string> s) => string.Join("\n", s.Select(x => ids.TryGetValue(x.TrimEnd(), out int id) ? id : ids[x.TrimEnd()] = ids.Count));
        var result = new Differ().CreateLineDiffs(Lines(a), Lines(b), false);
        var sentences = new List<SentenceChange>();
        int ia = 0, ib = 0;
        void Same(int upToA)
        {
            while (ia < upToA) { sentences.Add(new SentenceChange(a[ia], b[ib], [new DiffPiece("same", b[ib])])); ia++; ib++; }
        }
        foreach (var block in result.DiffBlocks)
        {
            Same(block.DeleteStartA);
            int paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (int k = 0; k < paired; k++) sentences.Add(new SentenceChange(a[ia + k], b[ib + k], Inside(a[ia + k], b[ib + k])));
            for (int k = paired; k < block.DeleteCountA; k++) sentences.Add(new SentenceChange(a[ia + k], null, [new DiffPiece("removed", a[ia + k])]));
            for (int k = paired; k < block.InsertCountB; k++) sentences.Add(new SentenceChange(null, b[ib + k], [new DiffPiece("added", b[ib + k])]));
            ia += block.DeleteCountA;
            ib += block.InsertCountB;
        }
        Same(a.Count);
        return sentences;
    }

    /// <summary>
    /// The marks inside one changed sentence: by word (English) or character (Chinese); an unchanged
    /// stretch of at most two short words (or one Chinese character) between changes joins them;
    /// when little of the sentence stays, the whole sentence is shown old, then new.
    /// </summary>
    public static List<DiffPiece> Inside(string oldSentence, string newSentence)
    {
        bool chinese = IsChinese(oldSentence + newSentence);
        var differ = new Differ();
        var result = chinese ? differ.CreateCharacterDiffs(oldSentence, newSentence, false) : differ.CreateWordDiffs(oldSentence, newSentence, false, WordSeparators);
        // Runs of (op, text) straight from the diff, removed before added at each change.
        var raw = new List<DiffPiece>();
        int position = 0;
        foreach (var block in result.DiffBlocks)
        {
            Append(raw, "same", string.Concat(result.PiecesOld.Skip(position).Take(block.DeleteStartA - position)));
            Append(raw, "removed", string.Concat(result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)));
            Append(raw, "added", string.Concat(result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)));
            position = block.DeleteStartA + block.DeleteCountA;
        }
        Append(raw, "same", string.Concat(result.PiecesOld.Skip(position)));

        int kept = raw.Where(p => p.Op == "same").Sum(p => p.Text.Trim().Length);
        if (kept * 3 < Math.Max(oldSentence.Trim().Length, newSentence.Trim().Length))
            return [new DiffPiece("removed", oldSentence), new DiffPiece("added", newSentence)];

        // Group into unchanged stretches and changes; a short unchanged stretch between two changes joins them.
        var current = (Old: new StringBuilder(), New: new StringBuilder());
        var output = new List<DiffPiece>();
        void Flush()
        {
            Append(output, "removed", current.Old.ToString());
            Append(output, "added", current.New.ToString());
            current.Old.Clear();
            current.New.Clear();
        }
        for (int i = 0; i < raw.Count; i++)
        {
            var p = raw[i];
            bool inChange = current.Old.Length + current.New.Length > 0;
            if (p.Op == "same")
            {
                bool between = inChange && i + 1 < raw.Count;
                if (between && Small(p.Text, chinese)) { current.Old.Append(p.Text); current.New.Append(p.Text); continue; }
                Flush();
                Append(output, "same", p.Text);
            }
            else if (p.Op == "removed") current.Old.Append(p.Text);
            else current.New.Append(p.Text);
        }
        Flush();
        return output;
    }

    private static bool Small(string same, bool chinese) =>
        chinese ? same.Trim().Length <= 1 : same.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: <= 2 } words && words.All(w => w.Length <= 4);

    private static void Append(List<DiffPiece> pieces, string op, string text)
    {
        if (text.Length == 0) return;
        if (pieces.Count > 0 && pieces[^1].Op == op) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        else pieces.Add(new DiffPiece(op, text));
    }
}
