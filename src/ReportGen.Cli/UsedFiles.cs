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

    /// <summary>"fonts: …" for a build's PDFs: each font given, or the bundled one.</summary>
    public static string PdfFonts(Rendering.Pdf.Fonts.FontChoice? choice)
    {
        static string One(string? given, string bundled) => given is null ? $"{bundled} (bundled)" : $"{given} (given)";
        return $"fonts (PDF): latin {One(choice?.Latin, "Liberation Serif")}, song {One(choice?.Song, "AR PL SungtiL GB, AR PL UMing for what it lacks")}, hei {One(choice?.Hei, "WenQuanYi Micro Hei")}";
    }

    /// <summary>The review page's fonts: the browser's, by name.</summary>
    public const string ReviewFonts =
        "fonts: the browser's (the page asks for Liberation Serif, and AR PL SungtiL GB, AR PL UMing and WenQuanYi Micro Hei for Chinese, where installed; the PDF embeds the bundled ones)";
}
