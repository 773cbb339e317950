using ActorParallel.Configuration;
using static ActorParallel.Hocon.Tests.TestSupport;

namespace ActorParallel.Hocon.Tests;

/// <summary>Includes (hocon-notes.md rows 21-22, 29): files relative to the including file, syntaxes, required, callbacks.</summary>
public class IncludeTests
{
    [Fact]
    public void Include_merges_at_the_point_of_inclusion_relative_to_the_including_file()
    {
        using var files = new TempFiles(
            ("main.conf", "a = 0\nsub { include \"dir/part.conf\" }\ninclude \"dir/part.conf\"\nx = 99"),
            ("dir/part.conf", "x = 1\nnested { include \"deeper.conf\" }"),
            ("dir/deeper.conf", "d = 4"));
        var c = HoconConfigFactory.ParseFile(files["main.conf"], NoEnv);
        Assert.Equal(1, c.GetInt("sub.x"));
        Assert.Equal(4, c.GetInt("sub.nested.d"));
        Assert.Equal(99, c.GetInt("x"));
        Assert.Equal(4, c.GetInt("nested.d"));
    }

    [Fact]
    public void Substitutions_in_included_files_are_relative_to_the_include_point_then_absolute()
    {
        using var files = new TempFiles(
            ("main.conf", "top = 5\na { include \"part.conf\" }"),
            ("part.conf", "x = 10\ny = ${x}\nz = ${top}\nlist += 1"));
        var c = HoconConfigFactory.ParseFile(files["main.conf"], NoEnv);
        Assert.Equal(10, c.GetInt("a.y"));
        Assert.Equal(5, c.GetInt("a.z"));
        Assert.Equal([1], c.GetIntList("a.list"));
    }

    [Fact]
    public void Include_without_extension_merges_conf_over_json_over_properties()
    {
        using var files = new TempFiles(
            ("main.conf", "include \"letters\""),
            ("letters.conf", "a = conf"),
            ("letters.json", "{ \"a\": \"json\", \"b\": \"json\" }"),
            ("letters.properties", "a=props\nb=props\nc=props\nd.e=true"));
        var c = HoconConfigFactory.ParseFile(files["main.conf"], NoEnv);
        Assert.Equal("conf", c.GetString("a"));
        Assert.Equal("json", c.GetString("b"));
        Assert.Equal("props", c.GetString("c"));
        Assert.Equal(HoconValueType.String, c.GetValue("d.e")!.Type);
    }

    [Fact]
    public void Properties_files_split_keys_at_dots_and_objects_win_over_values()
    {
        using var files = new TempFiles(("p.properties", "# comment\n! also comment\np=flat\np.q = 1\nlong = a \\\n  b\nesc\\:aped = x\\ty"));
        var c = HoconConfigFactory.ParseFile(files["p.properties"], NoEnv);
        Assert.Equal("1", c.GetString("p.q"));
        Assert.Equal("a b", c.GetString("long"));
        Assert.Equal("x\ty", c.GetString("\"esc:aped\""));
    }

    [Fact]
    public void File_and_required_and_classpath_forms()
    {
        using var files = new TempFiles(
            ("main.conf", "include file(\"f.conf\")\ninclude required(\"r.conf\")\ninclude required(file(\"rf.conf\"))\ninclude classpath(\"c.conf\")"),
            ("f.conf", "f = 1"),
            ("r.conf", "r = 2"),
            ("rf.conf", "rf = 3"),
            ("c.conf", "c = 4"));
        var c = HoconConfigFactory.ParseFile(files["main.conf"], NoEnv);
        Assert.Equal(1, c.GetInt("f"));
        Assert.Equal(2, c.GetInt("r"));
        Assert.Equal(3, c.GetInt("rf"));
        Assert.Equal(4, c.GetInt("c"));
    }

    [Fact]
    public void Missing_include_is_ignored_but_missing_required_include_fails_with_location()
    {
        using var files = new TempFiles(
            ("ok.conf", "include \"nope\"\ninclude \"nope.conf\"\na = 1"),
            ("bad.conf", "a = 1\ninclude required(\"nope.conf\")"));
        Assert.Equal(1, HoconConfigFactory.ParseFile(files["ok.conf"], NoEnv).GetInt("a"));
        var ex = Assert.Throws<HoconConfigException>(() => HoconConfigFactory.ParseFile(files["bad.conf"], NoEnv));
        Assert.Contains("bad.conf:2:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nope.conf", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_cycles_are_reported()
    {
        using var files = new TempFiles(("a.conf", "include \"b.conf\""), ("b.conf", "include \"a.conf\""));
        var ex = Assert.Throws<HoconConfigException>(() => HoconConfigFactory.ParseFile(files["a.conf"], NoEnv));
        Assert.Contains("include cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("b.conf:1:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_files_are_strict()
    {
        using var files = new TempFiles(("bad.json", "{ \"a\": 1, // comment\n }"), ("dup.json", "{ \"a\": 1, \"a\": 2 }"), ("ok.json", "{ \"a\": [1, {\"b\": null}] }"));
        Assert.Contains("bad.json:1:11", Assert.Throws<HoconConfigException>(() => HoconConfigFactory.ParseFile(files["bad.json"])).Message, StringComparison.Ordinal);
        Assert.Contains("duplicate", Assert.Throws<HoconConfigException>(() => HoconConfigFactory.ParseFile(files["dup.json"])).Message, StringComparison.Ordinal);
        Assert.Equal(2, ((HoconArray)HoconConfigFactory.ParseFile(files["ok.json"]).GetValue("a")!).Count);
    }

    [Fact]
    public void Url_includes_are_rejected_with_advice()
    {
        var ex = Fails("include url(\"http://example.com/x.conf\")");
        Assert.Contains("not supported", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string:1:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_callback_supplies_documents_by_name()
    {
        var c = HoconConfigFactory.ParseString(
            "a { include \"inner\" }\nb = ${a.y}\ninclude \"absent\"",
            name => name == "inner" ? HoconParser.Parse("x = 1\ny = ${x}") : null!);
        Assert.Equal(1, c.GetInt("a.y"));
        Assert.Equal(1, c.GetInt("b"));
    }

    [Fact]
    public void Missing_file_is_a_configuration_error()
    {
        var ex = Assert.Throws<HoconConfigException>(() => HoconConfigFactory.ParseFile("/definitely/not/here.conf"));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }
}
