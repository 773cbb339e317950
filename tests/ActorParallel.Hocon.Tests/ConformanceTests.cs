using ActorParallel.Configuration;
using Xunit.Sdk;

namespace ActorParallel.Hocon.Tests;

/// <summary>Skips the theory with the reason when the shared conformance fixtures are not next to the repository.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Xunit.Sdk.TheoryDiscoverer", "xunit.execution.{Platform}")]
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (ConformanceTests.FixtureRoot() is null)
        {
            Skip = "conformance fixtures not found: expected <repo>/../shared/conformance/hocon/lightbend (present in CI and the team's workspace, absent in a plain clone)";
        }
    }
}

/// <summary>
/// Lightbend's equivalence fixtures, by the rule in ../shared/conformance/hocon/README.md: every .conf/.json
/// directly in equivNN (except original.json) must resolve, without environment variables, to the tree of
/// original.json; .json cases must also give that tree when parsed as HOCON.
/// </summary>
public class ConformanceTests
{
    public static string? FixtureRoot()
    {
        var root = TestSupport.RepoRoot();
        if (root is null)
        {
            return null;
        }

        var dir = Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "hocon", "lightbend"));
        return Directory.Exists(dir) ? dir : null;
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var list = CaseList();
        if (list.Count == 0)
        {
            data.Add("(fixtures missing)");
        }

        foreach (var item in list)
        {
            data.Add(item);
        }

        return data;
    }

    public static List<string> CaseList()
    {
        var data = new List<string>();
        var root = FixtureRoot();
        if (root is null)
        {
            return data;
        }

        foreach (var folder in Directory.GetDirectories(root, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name != "original.json" && (name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal)))
                {
                    data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                }
            }
        }

        return data;
    }

    [Fact]
    public void There_are_fifteen_cases_in_five_folders()
    {
        if (FixtureRoot() is null)
        {
            return; // Reported by the skipped theory below.
        }

        var cases = CaseList();
        Assert.Equal(15, cases.Count);
        Assert.Equal(5, cases.Select(c => c.Split('/')[0]).Distinct().Count());
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void Case_resolves_to_the_original(string relativePath)
    {
        var root = FixtureRoot()!;
        var file = Path.Combine(root, relativePath);
        var expected = HoconConfigFactory.ParseFile(Path.Combine(Path.GetDirectoryName(file)!, "original.json"), TestSupport.NoEnv).Root;
        var actual = HoconConfigFactory.ParseFile(file, TestSupport.NoEnv).Root;
        Assert.True(expected.Equals(actual), $"{relativePath}\nexpected:\n{expected}\nactual:\n{actual}");

        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            var asHocon = HoconConfigFactory.ParseString(File.ReadAllText(file), file, json: false, TestSupport.NoEnv).Root;
            Assert.True(expected.Equals(asHocon), $"{relativePath} parsed as HOCON\nexpected:\n{expected}\nactual:\n{asHocon}");
        }
    }
}
