using System.Text.Json;

namespace ActorParallel.Cli.Tests;

/// <summary><c>actorparallel config render</c>, run in-process with captured output.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-tests-");

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Render_prints_resolved_hocon_and_exits_zero()
    {
        var file = Write("a.conf", "a { b = 1 }\nc = ${a.b}\nd = \"x\" ${a.b}");
        var (code, stdout, stderr) = Run("config", "render", file);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal("a {\n  b = 1\n}\nc = 1\nd = \"x 1\"\n", stdout);
    }

    [Fact]
    public void Render_json_prints_json()
    {
        var file = Write("a.conf", "a { b = 1.0, l = [x, true, null] }");
        var (code, stdout, _) = Run("config", "render", file, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("a").GetProperty("b").GetInt32());
        Assert.Equal(3, doc.RootElement.GetProperty("a").GetProperty("l").GetArrayLength());
    }

    [Fact]
    public void No_env_switches_off_environment_variables()
    {
        var name = "CLI_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var file = Write("env.conf", $"v = default\nv = ${{?{name}}}");
            Assert.Contains("from-env", Run("config", "render", file).Out, StringComparison.Ordinal);
            Assert.Contains("default", Run("config", "render", file, "--no-env").Out, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Bad_file_prints_the_located_error_and_exits_one()
    {
        var file = Write("bad.conf", "a = 1\nb = {\n  c = ${nowhere}\n}");
        var (code, stdout, stderr) = Run("config", "render", file, "--no-env");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(file + ":3:7", stderr, StringComparison.Ordinal);
        Assert.Contains("${nowhere}", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_is_located()
    {
        var file = Write("syntax.conf", "a = 1\nurl = http://x\n");
        var (code, _, stderr) = Run("config", "render", file);
        Assert.Equal(1, code);
        Assert.Contains(file + ":2:11", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_exits_one()
    {
        var (code, _, stderr) = Run("config", "render", Path.Combine(Dir, "nope.conf"));
        Assert.Equal(1, code);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_argument_is_a_usage_error()
    {
        var (code, _, stderr) = Run("config", "render");
        Assert.NotEqual(0, code);
        Assert.NotEqual(string.Empty, stderr);
    }

    [Fact]
    public void The_example_local_conf_renders()
    {
        var root = AppContext.BaseDirectory;
        var dir = new DirectoryInfo(root);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActorParallel.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var (code, stdout, stderr) = Run("config", "render", Path.Combine(dir.FullName, "hocon", "examples", "local.conf"), "--no-env");
        Assert.True(code == 0, stderr);
        Assert.Contains("workers = 2", stdout, StringComparison.Ordinal);
        Assert.Contains("max-iter = 800", stdout, StringComparison.Ordinal);
        Assert.Contains("loglevel = \"WARNING\"", stdout, StringComparison.Ordinal);
    }
}
