using System.Security.Cryptography;
using ReportGen.Rendering.Pdf.Fonts;

namespace ReportGen.Tests.Rendering;

public class FontLoadingTests
{
    [Theory]
    [InlineData("uming.ttc")]
    [InlineData("wqy-microhei.ttc")]
    [InlineData("LiberationSerif-Regular.ttf")]
    public void One_face_read_alone_is_the_same_as_that_face_read_with_the_others(string file)
    {
        string path = Path.Combine(FontSet.BundledFolder(), file);
        var all = TrueTypeFace.Load(path);
        for (int i = 0; i < all.Count; i++)
        {
            var one = TrueTypeFace.Load(path, i);
            Assert.Equal(all[i].FullName, one.FullName);
            Assert.Equal(all[i].StandaloneBytes, one.StandaloneBytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(one.StandaloneBytes)), one.Sha256);
            // Hashed before its bytes are made (a collection's face is rebuilt only when embedded): the same hash.
            Assert.Equal(one.Sha256, TrueTypeFace.Load(path, i).Sha256);
        }
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TrueTypeFace.Load(path, all.Count));
        Assert.Contains($"has {all.Count} faces", e.Message);
    }

    [Fact]
    public void A_collection_face_out_of_range_is_a_font_error_naming_the_count()
    {
        string path = Path.Combine(FontSet.BundledFolder(), "wqy-microhei.ttc");
        var e = Assert.Throws<FontException>(() => FontSet.Load(new FontChoice(Song: path + "#5")));
        Assert.Contains("has 2 faces (#0 to #1), not #5", e.Message);
    }

    [Theory]
    [InlineData("uming.ttc", 1)]
    [InlineData("gbsn00lp.ttf", 0)]
    public void A_face_read_from_its_file_a_table_at_a_time_is_the_face_read_from_the_whole_file_in_memory(string file, int index)
    {
        string path = Path.Combine(FontSet.BundledFolder(), file);
        var fromFile = TrueTypeFace.Load(path, index);
        var inMemory = TrueTypeFace.Load(File.ReadAllBytes(path), path, index);
        Assert.Equal((inMemory.FullName, inMemory.UnitsPerEm, inMemory.Ascent, inMemory.Descent), (fromFile.FullName, fromFile.UnitsPerEm, fromFile.Ascent, fromFile.Descent));
        foreach (int c in "Aé—人居署，。\U0002A6A5".EnumerateRunes().Select(r => r.Value))
            Assert.Equal((inMemory.Covers(c), inMemory.Advance(c)), (fromFile.Covers(c), fromFile.Advance(c)));
        Assert.Equal(inMemory.Sha256, fromFile.Sha256);
        Assert.Equal(inMemory.StandaloneBytes, fromFile.StandaloneBytes);
    }

    [Fact]
    public void A_font_file_cut_short_is_a_font_error_not_a_crash()
    {
        using var dir = new Support.TempDir();
        string cut = dir.File("cut.ttf");
        byte[] whole = File.ReadAllBytes(Path.Combine(FontSet.BundledFolder(), "LiberationSerif-Regular.ttf"));
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);
        var e = Assert.Throws<FontException>(() => FontSet.Load(new FontChoice(Latin: cut)));
        Assert.Contains("outside the file", e.Message);
    }
}
