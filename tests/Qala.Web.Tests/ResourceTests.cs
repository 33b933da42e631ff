using System.Xml.Linq;

namespace Qala.Web.Tests;

/// <summary>Every UI string exists in Kazakh, Russian and English, and none is left empty.</summary>
public sealed class ResourceTests
{
    [Fact]
    public void The_three_languages_have_the_same_strings()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Qala.Web", "Resources");
        var english = Strings(Path.Combine(folder, "SharedResource.resx"));
        var kazakh = Strings(Path.Combine(folder, "SharedResource.kk.resx"));
        var russian = Strings(Path.Combine(folder, "SharedResource.ru.resx"));

        english.Count.ShouldBeGreaterThan(100);
        english.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ShouldBeEmpty("resource names are unique regardless of case");
        kazakh.Keys.Order(StringComparer.Ordinal).ShouldBe(english.Keys.Order(StringComparer.Ordinal));
        russian.Keys.Order(StringComparer.Ordinal).ShouldBe(english.Keys.Order(StringComparer.Ordinal));
        foreach (var strings in new[] { english, kazakh, russian })
        {
            strings.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key).ShouldBeEmpty();
        }

        char[] kazakhLetters = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];
        kazakh.Values.Count(v => v.IndexOfAny(kazakhLetters) >= 0).ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Every_string_the_views_ask_for_is_translated()
    {
        var root = RepositoryRoot();
        var english = Strings(Path.Combine(root, "src", "Qala.Web", "Resources", "SharedResource.resx"));
        var asked = Directory.EnumerateFiles(Path.Combine(root, "src", "Qala.Web", "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\b[Tt]\[""((?:[^""\\]|\\.)*)""\]").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        asked.Count.ShouldBeGreaterThan(50);
        asked.Where(key => !english.ContainsKey(key)).ShouldBeEmpty();
    }

    private static Dictionary<string, string> Strings(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Qala.slnx")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
