using ActorParallel.Configuration;
using static ActorParallel.Hocon.Tests.TestSupport;

namespace ActorParallel.Hocon.Tests;

/// <summary>Every error names where (source:line:column, or the path) and how to fix it.</summary>
public class ErrorTests
{
    [Theory]
    [InlineData("a { b = ${a} }")]
    [InlineData("a = [1, ${a}]")]
    [InlineData("x { y = ${z} }\nz { w = ${x} }")]
    public void A_value_that_contains_itself_is_a_cycle(string hocon)
    {
        var ex = Assert.Throws<HoconConfigException>(() => Parse(hocon));
        Assert.Contains("substitution cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Origins_far_into_a_line_keep_their_column()
    {
        // Nodes pack line and column into one int when they fit; a column past that range is kept whole.
        var c = Parse(new string(' ', 3000) + "a = 1, b = [x], c { d = y }");
        Assert.Equal("string:1:3005", c.GetValue("a")!.Origin.ToString());
        Assert.Equal("string:1:3012", c.GetValue("b")!.Origin.ToString());
        var ex = Assert.Throws<HoconConfigException>(() => Parse(new string(' ', 3000) + "a = ${missing}"));
        Assert.Contains("string:1:3005", ex.Message, StringComparison.Ordinal);
        Assert.Equal("string:2:5", Parse("x = 1\na = 2").GetValue("a")!.Origin.ToString());
    }

    [Theory]
    [InlineData("a = { b = 1", "string:1:5", "'}'")]
    [InlineData("a = [1, 2", "string:1:5", "']'")]
    [InlineData("a = \"abc", "string:1:5", "closing")]
    [InlineData("a = \"ab\nc\"", "string:1:5", "newline inside a quoted string")]
    [InlineData("a = \"\\q\"", "string:1:7", "invalid escape")]
    [InlineData("a = \"\\u12\"", "string:1:7", "four hex digits")]
    [InlineData("a = \"\"\"abc", "string:1:5", "triple-quoted")]
    [InlineData("a 1", "string:1:4", "expected ':' or '=' after key '\"a 1\"'")]
    [InlineData("a = ", "string:1:5", "expected a value")]
    [InlineData("a = 1 b = 2", "string:1:9", "quote strings")]
    [InlineData("url = http://host/x", "string:1:11", "quote strings that contain ':'")]
    [InlineData("a = 1,,b = 2", "string:1:7", "expected a key")]
    [InlineData("a..b = 1", "string:1:1", "two adjacent periods")]
    [InlineData(".a = 1", "string:1:1", "leading, trailing")]
    [InlineData("a. = 1", "string:1:1", "leading, trailing")]
    [InlineData("a = 1\n}", "string:2:1", "unbalanced '}'")]
    [InlineData("{ a = 1 } b", "string:1:11", "after the end of the root object")]
    [InlineData("[1, 2]", "string:1:1", "must be an object")]
    [InlineData("a = [,]", "string:1:6", "expected a value")]
    [InlineData("a = $x", "string:1:5", "unexpected '$'")]
    [InlineData("a = ${b", "string:1:8", "close the substitution")]
    [InlineData("a = ${}", "string:1:7", "expected a key")]
    [InlineData("a = [1] foo", "string:1:9", "cannot concatenate")]
    [InlineData("a = { x = 1 } foo", "string:1:15", "cannot concatenate")]
    [InlineData("a = 1\na += 2", "string:2:", "cannot concatenate")]
    [InlineData("include = 5", "string:1:9", "quote the key")]
    [InlineData("include required(\"x.conf\"", "string:1:", "')'")]
    [InlineData("a = [1 2 ,, 3]", "string:1:", "expected a value")]
    [InlineData("a = \"\"\"x\"\"\" : 1", "string:1:", "':'")]
    public void Malformed_input_names_the_position_and_a_fix(string hocon, string where, string what)
    {
        var ex = Fails(hocon);
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
        Assert.Contains(what, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_files_name_the_file()
    {
        using var files = new TempFiles(("bad.conf", "ok = 1\n\nbroken = {\n"));
        var ex = Assert.Throws<HoconConfigException>(() => HoconConfigFactory.ParseFile(files["bad.conf"]));
        Assert.StartsWith(files["bad.conf"] + ":", ex.Message, StringComparison.Ordinal);
        Assert.Equal(files["bad.conf"], ex.Origin.Source);
        Assert.Equal(4, ex.Origin.Line);
    }

    [Theory]
    [InlineData("a = hello", "GetInt", "a whole number")]
    [InlineData("a = hello", "GetLong", "a whole number")]
    [InlineData("a = hello", "GetDouble", "a number")]
    [InlineData("a = hello", "GetBoolean", "a boolean")]
    [InlineData("a = hello", "GetTimeSpan", "a duration")]
    [InlineData("a = 10 parsecs", "GetTimeSpan", "a duration")]
    [InlineData("a = hello", "GetByteSize", "a size in bytes")]
    [InlineData("a = hello", "GetStringList", "an array")]
    [InlineData("a = hello", "GetConfig", "an object")]
    [InlineData("a { b = 1 }", "GetString", "a string")]
    [InlineData("a = [1]", "GetString", "a string")]
    [InlineData("a = 3000000000", "GetInt", "a 32-bit integer")]
    [InlineData("a = [1, x]", "GetIntList", "a whole number")]
    public void Wrong_type_names_the_path_origin_and_expected_type(string hocon, string getter, string expected)
    {
        var c = Parse("\n" + hocon);
        Action read = getter switch
        {
            "GetInt" => () => c.GetInt("a"),
            "GetLong" => () => c.GetLong("a"),
            "GetDouble" => () => c.GetDouble("a"),
            "GetBoolean" => () => c.GetBoolean("a"),
            "GetTimeSpan" => () => c.GetTimeSpan("a"),
            "GetByteSize" => () => c.GetByteSize("a"),
            "GetStringList" => () => c.GetStringList("a"),
            "GetConfig" => () => c.GetConfig("a"),
            "GetString" => () => c.GetString("a"),
            "GetIntList" => () => c.GetIntList("a"),
            _ => throw new ArgumentOutOfRangeException(nameof(getter)),
        };
        var ex = Assert.Throws<HoconConfigException>(read);
        Assert.Contains("path 'a", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected " + expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("a b:c")]
    [InlineData("")]
    [InlineData("\"unclosed")]
    public void Malformed_getter_paths_are_configuration_errors(string path)
    {
        var ex = Assert.Throws<HoconConfigException>(() => Parse("a = 1").GetString(path));
        Assert.Contains("path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_tree_from_the_parser_says_how_to_resolve()
    {
        var root = HoconParser.Parse("a = ${b}\nb = 1");
        var obj = Assert.IsType<HoconObject>(root.Value);
        var ex = Assert.Throws<HoconConfigException>(() => obj.GetKey("a")!.GetString());
        Assert.Contains("HoconConfigFactory", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, new HoconConfig(root).GetInt("a"));
    }
}
