using System.Text.RegularExpressions;
using ReportGen.Tests.Support;

namespace ReportGen.Tests.Docs;

/// <summary>
/// The manual and the contracts are self-contained: every relative link of README.md and
/// docs/*.md, and every docs/….md the code cites, names a file (and a heading) of the
/// repository, and no file points outside it.
/// </summary>
public partial class DocumentLinkTests
{
    [Fact]
    public void Every_relative_link_of_the_manual_and_the_docs_resolves_in_the_repository()
    {
        var broken = new List<string>();
        foreach (string document in ManualAndDocs())
        {
            string text = File.ReadAllText(document);
            foreach (Match link in MarkdownLink().Matches(text))
            {
                string target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                if (Unresolved(document, target) is { } why) broken.Add($"{Place(document, text, link.Index)}: '{target}' {why}");
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void Every_doc_the_code_and_the_docs_cite_exists()
    {
        // Comments and messages cite the contracts by their path in docs/; a citation of a missing doc
        // (once spec/figures.md) sends the reader nowhere.
        var missing = new List<string>();
        foreach (string file in RepositoryFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".hbs", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(file);
            foreach (Match cited in CitedDoc().Matches(text))
                if (!File.Exists(Repo.Path(cited.Value.Split('/'))))
                    missing.Add($"{Place(file, text, cited.Index)}: {cited.Value} does not exist");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void No_file_of_the_repository_points_outside_it()
    {
        string outside = ".." + "/shared"; // spelled in two parts so that this file does not match itself
        var offenders = RepositoryFiles()
            .Where(f => !IsBinary(f) && File.ReadAllText(f).Contains(outside, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.Root, f))
            .ToList();
        Assert.True(offenders.Count == 0, "these files point outside the repository: " + string.Join(", ", offenders));
    }

    [Fact]
    public void A_broken_link_and_a_missing_heading_are_found()
    {
        // The checker itself: a link to a missing file and one to a missing heading are reported, good ones are not.
        string readme = Repo.Path("README.md");
        Assert.Null(Unresolved(readme, "docs/benchmarks.md#fuzzing-campaigns"));
        Assert.Null(Unresolved(Repo.Path("docs", "figures.md"), "findings.md"));
        Assert.Equal("names no file of the repository", Unresolved(readme, "docs/" + "cli.md"));
        Assert.Equal("names no heading of docs/benchmarks.md", Unresolved(readme, "docs/benchmarks.md#no-such-heading"));
    }

    /// <summary>Why a relative link does not resolve, or null when it does.</summary>
    private static string? Unresolved(string document, string target)
    {
        string[] parts = target.Split('#', 2);
        string path = parts[0].Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(parts[0])));
        if (!path.StartsWith(Repo.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return "leads out of the repository";
        if (!File.Exists(path) && !Directory.Exists(path)) return "names no file of the repository";
        if (parts.Length == 2 && !HeadingAnchors(path).Contains(parts[1]))
            return $"names no heading of {Path.GetRelativePath(Repo.Root, path).Replace('\\', '/')}";
        return null;
    }

    /// <summary>The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> HeadingAnchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        if (!markdown.EndsWith(".md", StringComparison.Ordinal)) return anchors;
        foreach (string line in File.ReadLines(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success) continue;
            string slug = Regex.Replace(heading.Groups["title"].Value.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", "").Replace(' ', '-');
            string anchor = slug;
            for (int n = 1; !anchors.Add(anchor); n++) anchor = $"{slug}-{n}";
        }
        return anchors;
    }

    private static IEnumerable<string> ManualAndDocs() =>
        new[] { Repo.Path("README.md") }.Concat(Directory.GetFiles(Repo.Path("docs"), "*.md").Order(StringComparer.Ordinal));

    /// <summary>The repository's own files: everything but build outputs, results and git's folder.</summary>
    private static IEnumerable<string> RepositoryFiles()
    {
        string[] notOurs = [".git", "bin", "obj", "output", "TestResults", ".vs", "results"];
        var pending = new Stack<string>([Repo.Root]);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            foreach (string sub in Directory.GetDirectories(dir))
                if (!notOurs.Contains(Path.GetFileName(sub))) pending.Push(sub);
            foreach (string file in Directory.GetFiles(dir)) yield return file;
        }
    }

    private static bool IsBinary(string file) =>
        Path.GetExtension(file).ToLowerInvariant() is ".ttf" or ".ttc" or ".xlsx" or ".pdf" or ".docx" or ".png" or ".dll" or ".exe";

    private static string Place(string file, string text, int index) =>
        $"{Path.GetRelativePath(Repo.Root, file).Replace('\\', '/')}:{text.AsSpan(0, index).Count('\n') + 1}";

    /// <summary>A Markdown link or image, [text](target) or [text](target "title"); the text may span lines.</summary>
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\bdocs/[A-Za-z0-9_-]+\.md\b")]
    private static partial Regex CitedDoc();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
