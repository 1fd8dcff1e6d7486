using System.Globalization;
using System.Text;

namespace ReportGen.Typesetting;

/// <summary>The bidirectional character types of UAX #9.</summary>
public enum BidiClass : byte { L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, LRE, LRO, RLE, RLO, PDF, LRI, RLI, FSI, PDI }

/// <summary>
/// The Unicode Bidirectional Algorithm (UAX #9) for one paragraph or line of text without explicit
/// embeddings: the resolved embedding level of each character (rules P2–P3, W1–W7, N0–N2, I1–I2,
/// L1), the visual order of a line (L2) and the mirrored glyph of a character at a right-to-left
/// level (L4). Explicit embedding, override and isolate controls (U+202A–202E, U+2066–2069) are not
/// supported: like boundary neutrals they are ignored (rule X9) and take the level of the character
/// before them. The Unicode data is Typesetting/Data/bidi.txt (docs/arabic.md says how it is made);
/// the tests check this code against the Unicode Consortium's BidiCharacterTest.txt.
/// </summary>
public static class Bidi
{
    private static readonly Lazy<(int[] Starts, int[] Ends, BidiClass[] Classes, Dictionary<int, int> Mirrors, Dictionary<int, int> Pairs)> Data = new(Load);

    private static (int[], int[], BidiClass[], Dictionary<int, int>, Dictionary<int, int>) Load()
    {
        using var stream = typeof(Bidi).Assembly.GetManifestResourceStream("ReportGen.bidi.txt")
                           ?? throw new InvalidOperationException("the bidi data (ReportGen.bidi.txt) is not embedded");
        using var reader = new StreamReader(stream);
        List<int> starts = [], ends = [];
        List<BidiClass> classes = [];
        Dictionary<int, int> mirrors = [], pairs = [];
        static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split(' ');
            switch (f[0])
            {
                case "C":
                    starts.Add(Hex(f[1]));
                    ends.Add(Hex(f[2]));
                    classes.Add(Enum.Parse<BidiClass>(f[3]));
                    break;
                case "M": mirrors[Hex(f[1])] = Hex(f[2]); break;
                case "P": pairs[Hex(f[1])] = Hex(f[2]); break;
            }
        }
        return ([.. starts], [.. ends], [.. classes], mirrors, pairs);
    }

    /// <summary>The bidi class of a code point.</summary>
    public static BidiClass ClassOf(int codePoint)
    {
        var (starts, ends, classes, _, _) = Data.Value;
        int i = Array.BinarySearch(starts, codePoint);
        if (i < 0) i = ~i - 1;
        return i >= 0 && codePoint <= ends[i] ? classes[i] : BidiClass.L;
    }

    /// <summary>The character that mirrors <paramref name="codePoint"/> (Bidi_Mirroring_Glyph: "(" for ")"), or itself.</summary>
    public static int Mirror(int codePoint) => Data.Value.Mirrors.TryGetValue(codePoint, out int m) ? m : codePoint;

    /// <summary>Whether the text has a right-to-left character (class R, AL or AN): only then does it need reordering in a left-to-right paragraph.</summary>
    public static bool HasRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (Script.IsRightToLeft(rune.Value) && ClassOf(rune.Value) is BidiClass.R or BidiClass.AL or BidiClass.AN) return true;
        return false;
    }

    /// <summary>
    /// The paragraph level by rules P2–P3: 1 when the first strong character is R or AL, 0 when it is L;
    /// with no strong character, <paramref name="none"/> (0 by P3). A writer that knows the paragraph's
    /// direction from its document (rule HL1: the PDF's lines of a right-to-left document, PageCanvas) uses
    /// that instead and never calls this.
    /// </summary>
    public static int ParagraphLevel(string text, int none = 0)
    {
        foreach (var rune in text.EnumerateRunes())
            switch (ClassOf(rune.Value))
            {
                case BidiClass.L: return 0;
                case BidiClass.R or BidiClass.AL: return 1;
            }
        return none;
    }

    private static bool Removed(BidiClass c) => c is BidiClass.BN or BidiClass.LRE or BidiClass.RLE or BidiClass.LRO or BidiClass.RLO or BidiClass.PDF
        or BidiClass.LRI or BidiClass.RLI or BidiClass.FSI or BidiClass.PDI;

    private static bool IsNeutral(BidiClass c) => c is BidiClass.B or BidiClass.S or BidiClass.WS or BidiClass.ON;

    /// <summary>
    /// The resolved level of each UTF-16 unit of <paramref name="text"/> (both units of a surrogate
    /// pair get the level of their character), at paragraph level 0 or 1, with rule L1 applied: the
    /// text is one line.
    /// </summary>
    public static byte[] Levels(string text, int paragraphLevel)
    {
        int n = text.Length;
        var original = new BidiClass[n];
        var codes = new int[n];
        for (int i = 0; i < n;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int length);
            for (int k = 0; k < length; k++) { original[i + k] = ClassOf(rune.Value); codes[i + k] = rune.Value; }
            i += length;
        }
        // The sequence the rules run over: every unit but the removed ones (X9) and the second unit of a pair.
        var seq = new List<int>(n);
        for (int i = 0; i < n; i++)
            if (!Removed(original[i]) && !(i > 0 && char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))) seq.Add(i);
        int m = seq.Count;
        var t = new BidiClass[m];
        for (int k = 0; k < m; k++) t[k] = original[seq[k]];
        var e = paragraphLevel % 2 == 0 ? BidiClass.L : BidiClass.R; // sos, eos and the embedding direction
        // W1: NSM takes the type of the character before it (sos at the start).
        for (int k = 0; k < m; k++) if (t[k] == BidiClass.NSM) t[k] = k == 0 ? e : t[k - 1];
        // W2: EN after AL (the last strong type) becomes AN. W3: AL becomes R.
        var strong = e;
        for (int k = 0; k < m; k++)
        {
            if (t[k] is BidiClass.L or BidiClass.R or BidiClass.AL) strong = t[k];
            else if (t[k] == BidiClass.EN && strong == BidiClass.AL) t[k] = BidiClass.AN;
        }
        for (int k = 0; k < m; k++) if (t[k] == BidiClass.AL) t[k] = BidiClass.R;
        // W4: a single separator between two numbers of its kind joins them.
        for (int k = 1; k + 1 < m; k++)
        {
            if (t[k] == BidiClass.ES && t[k - 1] == BidiClass.EN && t[k + 1] == BidiClass.EN) t[k] = BidiClass.EN;
            else if (t[k] == BidiClass.CS && t[k - 1] == BidiClass.EN && t[k + 1] == BidiClass.EN) t[k] = BidiClass.EN;
            else if (t[k] == BidiClass.CS && t[k - 1] == BidiClass.AN && t[k + 1] == BidiClass.AN) t[k] = BidiClass.AN;
        }
        // W5: a sequence of terminators next to a European number becomes EN.
        for (int k = 0; k < m; k++)
        {
            if (t[k] != BidiClass.ET) continue;
            int end = k;
            while (end < m && t[end] == BidiClass.ET) end++;
            if ((k > 0 && t[k - 1] == BidiClass.EN) || (end < m && t[end] == BidiClass.EN))
                for (int j = k; j < end; j++) t[j] = BidiClass.EN;
            k = end - 1;
        }
        // W6: other separators and terminators become ON.
        for (int k = 0; k < m; k++) if (t[k] is BidiClass.ES or BidiClass.ET or BidiClass.CS) t[k] = BidiClass.ON;
        // W7: EN after L (the last strong type, sos included) becomes L.
        strong = e;
        for (int k = 0; k < m; k++)
        {
            if (t[k] is BidiClass.L or BidiClass.R) strong = t[k];
            else if (t[k] == BidiClass.EN && strong == BidiClass.L) t[k] = BidiClass.L;
        }
        BracketPairs(text, seq, codes, original, t, e);
        // N1, N2: a run of neutrals between two strong types of one direction takes it (numbers count as R); else the embedding direction.
        static BidiClass Direction(BidiClass c) => c is BidiClass.EN or BidiClass.AN ? BidiClass.R : c;
        for (int k = 0; k < m; k++)
        {
            if (!IsNeutral(t[k])) continue;
            int end = k;
            while (end < m && IsNeutral(t[end])) end++;
            var before = k == 0 ? e : Direction(t[k - 1]);
            var after = end == m ? e : Direction(t[end]);
            var resolved = before == after ? before : e;
            for (int j = k; j < end; j++) t[j] = resolved;
            k = end - 1;
        }
        // I1, I2: levels from the resolved types.
        var levels = new byte[n];
        for (int k = 0; k < m; k++)
        {
            int level = paragraphLevel;
            if (level % 2 == 0) level += t[k] == BidiClass.R ? 1 : t[k] is BidiClass.AN or BidiClass.EN ? 2 : 0;
            else level += t[k] is BidiClass.L or BidiClass.EN or BidiClass.AN ? 1 : 0;
            levels[seq[k]] = (byte)level;
        }
        // Removed characters and second units take the level before them (the paragraph's at the start).
        for (int i = 0; i < n; i++)
            if (seq.BinarySearch(i) < 0) levels[i] = i == 0 ? (byte)paragraphLevel : levels[i - 1];
        // L1: separators, and whitespace before them or at the end of the line, at the paragraph level.
        bool trailing = true;
        for (int i = n - 1; i >= 0; i--)
        {
            var c = original[i];
            if (c is BidiClass.S or BidiClass.B) { levels[i] = (byte)paragraphLevel; trailing = true; }
            else if (c == BidiClass.WS || Removed(c)) { if (trailing) levels[i] = (byte)paragraphLevel; }
            else trailing = false;
        }
        return levels;
    }

    /// <summary>N0: paired brackets take the direction of what they enclose, or of the context before them (BD16 finds the pairs).</summary>
    private static void BracketPairs(string text, List<int> seq, int[] codes, BidiClass[] original, BidiClass[] t, BidiClass e)
    {
        var pairs = Data.Value.Pairs;
        static int Canonical(int c) => c switch { 0x2329 => 0x3008, 0x232A => 0x3009, _ => c };
        var closers = new Dictionary<int, int>();
        foreach (var (open, close) in pairs) closers[Canonical(close)] = Canonical(open);
        var stack = new List<(int Open, int Position)>();
        var found = new List<(int Open, int Close)>();
        for (int k = 0; k < seq.Count; k++)
        {
            if (t[k] != BidiClass.ON) continue;
            int c = Canonical(codes[seq[k]]);
            if (pairs.ContainsKey(codes[seq[k]]) || pairs.ContainsKey(c))
            {
                if (stack.Count == 63) break;
                stack.Add((c, k));
            }
            else if (closers.TryGetValue(c, out int opener))
            {
                for (int s = stack.Count - 1; s >= 0; s--)
                {
                    if (stack[s].Open != opener) continue;
                    found.Add((stack[s].Position, k));
                    stack.RemoveRange(s, stack.Count - s);
                    break;
                }
            }
        }
        found.Sort((a, b) => a.Open.CompareTo(b.Open));
        static BidiClass Strong(BidiClass c) => c is BidiClass.EN or BidiClass.AN ? BidiClass.R : c is BidiClass.L or BidiClass.R ? c : BidiClass.ON;
        var opposite = e == BidiClass.L ? BidiClass.R : BidiClass.L;
        foreach (var (open, close) in found)
        {
            bool sameInside = false, oppositeInside = false;
            for (int k = open + 1; k < close; k++)
            {
                var s = Strong(t[k]);
                if (s == e) sameInside = true;
                else if (s == opposite) oppositeInside = true;
            }
            BidiClass? set = null;
            if (sameInside) set = e;
            else if (oppositeInside)
            {
                var context = e;
                for (int k = open - 1; k >= 0; k--)
                    if (Strong(t[k]) is BidiClass.L or BidiClass.R) { context = Strong(t[k]); break; }
                set = context == opposite ? opposite : e;
            }
            if (set is not { } dir) continue;
            t[open] = t[close] = dir;
            // Marks after a bracket (NSM before W1) take its new type.
            for (int k = open + 1; k < seq.Count && original[seq[k]] == BidiClass.NSM; k++) t[k] = dir;
            for (int k = close + 1; k < seq.Count && original[seq[k]] == BidiClass.NSM; k++) t[k] = dir;
        }
    }

    /// <summary>
    /// Rule L2: the visual order of items by their levels: from the highest level down to the lowest
    /// odd one, every run at that level or higher is reversed. Returns the items' logical indices in
    /// visual (left-to-right) order.
    /// </summary>
    public static int[] VisualOrder(IReadOnlyList<byte> levels)
    {
        int n = levels.Count;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (n == 0) return order;
        int highest = 0, lowestOdd = int.MaxValue;
        foreach (byte l in levels)
        {
            highest = Math.Max(highest, l);
            if (l % 2 == 1) lowestOdd = Math.Min(lowestOdd, l);
        }
        for (int level = highest; level >= lowestOdd && level > 0; level--)
            for (int i = 0; i < n; i++)
            {
                if (levels[order[i]] < level) continue;
                int end = i;
                while (end < n && levels[order[end]] >= level) end++;
                Array.Reverse(order, i, end - i);
                i = end;
            }
        return order;
    }
}
