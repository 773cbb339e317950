using ActorParallel.Configuration;

namespace ActorParallel.Hocon.Tests;

internal static class TestSupport
{
    public static readonly ConfigParseOptions NoEnv = new() { UseEnvironmentVariables = false };

    public static HoconConfig Parse(string hocon) => HoconConfigFactory.ParseString(hocon, NoEnv);

    /// <summary>Asserts that two documents resolve to equal trees (the conformance equality).</summary>
    public static void SameTree(string expected, string actual)
    {
        var e = Parse(expected).Root;
        var a = Parse(actual).Root;
        Assert.True(e.Equals(a), $"expected:\n{e}\nactual:\n{a}");
    }

    public static HoconConfigException Fails(string hocon)
        => Assert.Throws<HoconConfigException>(() => Parse(hocon));

    /// <summary>The repository root (the folder that holds ActorParallel.sln), or null.</summary>
    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorParallel.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>A temporary folder with the given files, deleted on dispose.</summary>
    public sealed class TempFiles : IDisposable
    {
        public TempFiles(params (string Name, string Text)[] files)
        {
            Dir = Path.Combine(Path.GetTempPath(), "hocon-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Dir);
            foreach (var (name, text) in files)
            {
                var path = Path.Combine(Dir, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
        }

        public string Dir { get; }

        public string this[string name] => Path.Combine(Dir, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
