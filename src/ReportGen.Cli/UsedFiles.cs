namespace ReportGen.Cli;

/// <summary>Says which templates folder and fonts a command uses, and whether they are the ones shipped with reportgen.</summary>
public static class UsedFiles
{
    public static string ShippedTemplates => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "templates"));

    /// <summary>"templates: /full/path (…)": which folder, how it was chosen, and whether it is the shipped one.</summary>
    public static string Templates(string folder, string? given)
    {
        string full = Path.GetFullPath(folder);
        bool shipped = string.Equals(full.TrimEnd(Path.DirectorySeparatorChar), ShippedTemplates.TrimEnd(Path.DirectorySeparatorChar),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        string how = shipped ? "the templates shipped with reportgen; to edit, copy them with 'reportgen templates DIR' and pass --templates DIR"
            : !string.IsNullOrEmpty(given) ? "given with --templates; not the shipped ones"
            : "./templates of the current folder; not the shipped ones";
        return $"templates: {full} ({how})";
    }

    /// <summary>"fonts (PDF): …" for a build's PDFs: each face's family as the font file names it, bundled or given.</summary>
    public static string PdfFonts(Rendering.Pdf.Fonts.FontSet fonts, Rendering.Pdf.Fonts.FontChoice? choice)
    {
        static string One(string family, string? given) => given is null ? $"{family} (bundled)" : $"{family} (given as {given})";
        string song = fonts.SongFallback is { } fallback ? $"{fonts.Song.Family}, {fallback.Family} for what it lacks" : fonts.Song.Family;
        return $"fonts (PDF): latin {One(fonts.Latin.Family, choice?.Latin)}, song {One(song, choice?.Song)}, hei {One(fonts.Hei.Family, choice?.Hei)}";
    }

    /// <summary>The review page's fonts: the browser's, by name.</summary>
    public const string ReviewFonts =
        "fonts: the browser's (the page asks for Liberation Serif, and AR PL SungtiL GB, AR PL UMing and WenQuanYi Micro Hei for Chinese, where installed; the PDF embeds the bundled ones)";
}
