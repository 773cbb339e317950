using ActorParallel.Configuration;
using FsCheck.Fluent;
using Config = ActorParallel.Configuration.HoconConfig;
using Rnd = FsCheck.Rnd;
using static ActorParallel.Hocon.Tests.TestSupport;

namespace ActorParallel.Hocon.Tests;

/// <summary>
/// Bounded, deterministic fuzzing: whatever the input, the parser either succeeds or throws
/// <see cref="HoconConfigException"/>; and whatever succeeds renders back to an equal tree.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "a", "b", "a.b", "\"q\"", "\"x.y\"", "\"\"\"t\"\"\"", "\"\"\"\"", "1", "-2.5", "1e3", "01", "true", "null", "yes", "10s", "5 KiB",
        "=", ":", "+=", "{", "}", "[", "]", ",", "\n", " ", "\t", "#c\n", "// c\n", ".", "..", "$", "${a}", "${?b}", "${a.b}", "${",
        "\\", "\"", "include \"x\"", "include required(\"nope\")", "include file(", "include", "/workers", "\"/p/*\"", "\r\n", "\uFEFF",
        "\"\\u00e9\"", "\"\\q\"", "?", "!", "@", "*", "&", "^", "`",
    ];

    private static readonly string[] Seeds =
    [
        "a { b = 1, c = [1, 2, ${a.b}] }\nd = ${a} { e = \"x\" }\nf += 1\nf += ${?g}",
        "path = \"a\"\npath = ${path}\":b\"\nx = \"\"\"raw\n\"\"\" y\n/workers { router = rr, n = 4 }",
        "{ \"k\": [true, null, 1.5e2, {\"n\": {}}], \"s\": \"\\u0041\" }",
        "a.b.c = 10ms\na.b = { d = 5 KiB }\nq = ${?NOPE} fallback\nr = [${a.b.c}] [1]",
        "x = ${y}\ny = ${z}\nz = 1\nw { include \"none\" }\nv = null\nv = { u = 1 }",
    ];

    [Fact]
    public void Random_token_soup_only_throws_configuration_exceptions()
    {
        var gen = Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));
        foreach (var text in Gen.Sample(gen, 40, new Rnd(12345), 3000))
        {
            Check(text);
        }
    }

    [Fact]
    public void Random_mutations_of_valid_documents_only_throw_configuration_exceptions()
    {
        var random = new Random(4242);
        var documents = Seeds.Concat(FixtureTexts()).ToList();
        for (var i = 0; i < 4000; i++)
        {
            var text = documents[random.Next(documents.Count)];
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                text = Mutate(text, random);
            }

            Check(text);
        }
    }

    private static IEnumerable<string> FixtureTexts()
    {
        var root = ConformanceTests.FixtureRoot();
        return root is null
            ? []
            : Directory.GetFiles(root, "*.conf", SearchOption.AllDirectories).Select(File.ReadAllText);
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Fragments[random.Next(Fragments.Length)];
        }

        var at = random.Next(text.Length);
        switch (random.Next(5))
        {
            case 0:
                return text.Remove(at, Math.Min(text.Length - at, random.Next(1, 6)));
            case 1:
                return text.Insert(at, Fragments[random.Next(Fragments.Length)]);
            case 2:
                var length = Math.Min(text.Length - at, random.Next(1, 20));
                return text.Insert(random.Next(text.Length), text.Substring(at, length));
            case 3:
                return text[..at] + (char)random.Next(0, 128) + text[(at + 1)..];
            default:
                return text[..at];
        }
    }

    private static void Check(string text)
    {
        HoconConfig config;
        try
        {
            config = Parse(text);
        }
        catch (HoconConfigException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            return;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{ex.GetType().Name} for input:\n{text}\n{ex}");
            return;
        }

        // Whatever parses renders to HOCON that parses back to the same tree, and to JSON.
        var rendered = config.ToString();
        HoconConfig again;
        try
        {
            again = Parse(rendered);
        }
        catch (HoconConfigException ex)
        {
            Assert.Fail($"rendering does not parse back:\ninput:\n{text}\nrendered:\n{rendered}\n{ex.Message}");
            return;
        }

        Assert.True(config.Root.Equals(again.Root), $"round trip changed the tree:\ninput:\n{text}\nrendered:\n{rendered}");
        Assert.NotNull(config.ToJson());
        foreach (var (key, _) in config.AsEnumerable())
        {
            var path = "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            Assert.True(config.GetValue(path) is not null, $"key {key} not reachable as {path}");
        }
    }
}
