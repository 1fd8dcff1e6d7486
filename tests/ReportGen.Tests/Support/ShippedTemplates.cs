namespace ReportGen.Tests.Support;

/// <summary>The shipped templates (the repository's templates/ folder) copied into a temporary folder, as a translator's copy to edit.</summary>
public static class ShippedTemplates
{
    /// <summary>
    /// A copy of every template, with <paramref name="edits"/> applied in order (a file under
    /// templates/, the text to replace — which must be there, so an edit cannot silently miss —
    /// and its replacement).
    /// </summary>
    public static TempDir Copy(params (string File, string From, string To)[] edits)
    {
        var dir = new TempDir();
        string root = Repo.Path("templates");
        foreach (string file in Directory.GetFiles(root, "*.hbs", SearchOption.AllDirectories))
        {
            string target = Path.Combine(dir.Path, Path.GetRelativePath(root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        foreach (var (file, from, to) in edits)
        {
            string path = Path.Combine(dir.Path, file);
            string text = File.ReadAllText(path);
            Assert.Contains(from, text);
            File.WriteAllText(path, text.Replace(from, to));
        }
        return dir;
    }
}
