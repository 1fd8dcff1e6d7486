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
}
