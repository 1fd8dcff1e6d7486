using ReportGen.Build;
using ReportGen.Rendering.Pdf.Fonts;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Build;

/// <summary>
/// The warm-up a build runs on the idle core (<see cref="Warmup"/>): it completes for every set of
/// languages and formats (its failures are hidden from a build, so they must show here), and a
/// build's files are the same bytes with it and without it.
/// </summary>
public class WarmupTests
{
    public static TheoryData<string[], string[]> Sets => new()
    {
        { ["en"], ["pdf"] },
        { ["zh"], ["pdf"] },
        { ["en", "zh"], ["docx"] },
        { ["en", "zh"], ["docx", "pdf", "txt"] },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_warm_up_writes_every_language_and_format_a_build_asks_for(string[] languages, string[] formats)
    {
        var pairs = formats.Where(f => f != "txt").SelectMany(f => languages.Select(l => new WarmupFile(l, f))).ToList();
        var files = Warmup.Run(pairs, formats.Contains("pdf") ? Task.FromResult(FontSet.Load()) : null);
        Assert.Equal(pairs.Count, files.Count);
        for (int i = 0; i < pairs.Count; i++)
            Assert.Equal(pairs[i].Format == "pdf" ? "%PDF"u8.ToArray() : "PK"u8.ToArray(), files[i].Take(pairs[i].Format == "pdf" ? 4 : 2).ToArray());
    }

    [SkippableFact]
    public void The_chinese_warm_up_sets_chinese_text_with_the_chinese_fonts()
    {
        var pdf = Warmup.Run([new WarmupFile("zh", "pdf")], Task.FromResult(FontSet.Load()))[0];
        string text = Poppler.PdfToText(pdf);
        Assert.Contains("联合国人类住区规划署执行局", text);
        Assert.Contains("附件一", text);
    }

    [Fact]
    public void A_build_writes_the_same_bytes_with_the_warm_up_and_without_it()
    {
        var options = new BuildOptions(Repo.Seed, "unused", Repo.Path("templates"), ["en", "zh"], ["docx", "pdf", "txt"], "portfolio-analysis");
        var without = BuildPipeline.Render(options, null, null, Warmup.Mode.Off);
        // Run to completion before the build's own files are written: anything it left in a process-wide cache is there for them.
        var with = BuildPipeline.Render(options, null, null, Warmup.Mode.Synchronous);
        Assert.Equal(without.Select(o => o.FileName), with.Select(o => o.FileName));
        for (int i = 0; i < without.Count; i++)
            Assert.True(without[i].Bytes.AsSpan().SequenceEqual(with[i].Bytes), without[i].FileName + " differs");
    }
}
