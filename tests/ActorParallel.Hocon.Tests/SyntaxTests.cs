using ActorParallel.Configuration;
using static ActorParallel.Hocon.Tests.TestSupport;

namespace ActorParallel.Hocon.Tests;

/// <summary>The HOCON syntax features of the spec (hocon-notes.md rows 1-12, 28), each against an equivalent plain form.</summary>
public class SyntaxTests
{
    [Fact]
    public void Json_is_valid_hocon_with_escapes()
    {
        var c = Parse("{\"a\": \"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u0041\", \"n\": -1.5e2, \"t\": true, \"f\": false, \"z\": null, \"l\": [1, \"2\"]}");
        Assert.Equal("x\"y\\z/\b\f\n\r\tA", c.GetString("a"));
        Assert.Equal(-150.0, c.GetDouble("n"));
        Assert.True(c.GetBoolean("t"));
        Assert.False(c.GetBoolean("f", true));
        Assert.Equal(HoconValueType.Null, c.GetValue("z")!.Type);
        Assert.Equal(["1", "2"], c.GetStringList("l"));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with \"quotes\" and \\ back\\slash")]
    [InlineData("line\nbreak\ttab ${not.a.substitution} // not a comment")]
    [InlineData("")]
    public void Quote_makes_any_string_a_hocon_string_that_reads_back_the_same(string value)
    {
        var c = Parse("a = " + HoconConfigFactory.Quote(value));
        Assert.Equal(value, c.GetString("a"));
    }

    [Theory]
    [InlineData("# hash comment\na = 1 # trailing\n// slash comment\nb = 2 // trailing")]
    [InlineData("a = 1\n   // indented comment\nb = 2")]
    [InlineData("a : 1, b : 2")]
    [InlineData("a = 1\nb = 2\n")]
    [InlineData("{ a = 1, b = 2 }")]
    [InlineData("{\n  a = 1,\n  b = 2,\n}")]
    [InlineData("a=1,b=2,")]
    [InlineData("a\n=\n1\nb\n:\n2")]
    [InlineData("\uFEFFa = 1\r\nb = 2\r\n")]
    public void Comments_separators_newlines_and_root_braces(string hocon) => SameTree("{\"a\": 1, \"b\": 2}", hocon);

    [Fact]
    public void Redefined_keys_merge_in_objects_with_many_fields()
    {
        // More keys than the parser's 64-bit key filter has bits, so new keys collide with earlier
        // ones, and later definitions (plain and dotted) must still find and merge the earlier field.
        var hocon = new System.Text.StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            hocon.Append("k").Append(i).Append(" { a = ").Append(i).Append(" }\n");
        }

        for (var i = 0; i < 100; i += 7)
        {
            hocon.Append("k").Append(i).Append(" { b = ").Append(i).Append(" }\n");
            hocon.Append("k").Append(i).Append(".c = x").Append(i).Append('\n');
        }

        var c = Parse(hocon.ToString());
        Assert.Equal(100, c.Root.GetObject().Count);
        for (var i = 0; i < 100; i++)
        {
            var path = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(i, c.GetInt(path + ".a"));
            Assert.Equal(i % 7 == 0, c.HasPath(path + ".b"));
            Assert.Equal(i % 7 == 0 ? "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, c.GetString(path + ".c", null));
        }
    }

    [Fact]
    public void Control_characters_are_unquoted_text_and_file_separators_are_whitespace()
    {
        // Found by the mutation fuzzer: a control character in a value once stopped the parser from advancing.
        SameTree("{\"a\": \"x\u0002y\", \"b\": \"z\", \"c\": [\"\u0001\"]}", "a = x\u0002y\nb = \u001Cz\nc = [\u0001]");
    }

    [Fact]
    public void Comment_markers_inside_quotes_are_text()
        => Assert.Equal("# not // a comment", Parse("a = \"# not // a comment\"").GetString("a"));

    [Fact]
    public void Separator_is_optional_before_an_object()
        => SameTree("a = { b = 1 }", "a { b = 1 }");

    [Fact]
    public void Duplicate_objects_merge_and_other_values_override()
    {
        SameTree("a { x = 1, y = 2, z { p = 1, q = 2 } }", "a { x = 1, z { p = 1 } }\na { y = 2, z { q = 2 } }");
        SameTree("a = 2", "a = 1\na = 2");
        SameTree("a = { y = 2 }", "a = { x = 1 }\na = 5\na = { y = 2 }");
        SameTree("a = { y = 2 }", "a = { x = 1 }\na = null\na = { y = 2 }");
        SameTree("a = [3]", "a = { x = 1 }\na = [3]");
    }

    [Fact]
    public void Unquoted_strings_allow_slashes_and_stop_at_forbidden_characters()
    {
        var c = Parse("a = /user/x\nb = foo.bar-baz_1\nc = http//x\nd = a//b");
        Assert.Equal("/user/x", c.GetString("a"));
        Assert.Equal("foo.bar-baz_1", c.GetString("b"));
        Assert.Equal("http", c.GetString("c"));
        Assert.Equal("a", c.GetString("d"));
    }

    [Fact]
    public void Keywords_and_numbers_keep_their_kind_only_when_alone()
    {
        var c = Parse("a = true\nb = null\nc = 42\nd = 1.5\ne = true false\nf = 1 2 3\ng = 10.0bar\nh = 01\ni = 9223372036854775808\nj = yes");
        Assert.Equal(HoconValueType.Boolean, c.GetValue("a")!.Type);
        Assert.Equal(HoconValueType.Null, c.GetValue("b")!.Type);
        Assert.Equal(HoconValueType.Number, c.GetValue("c")!.Type);
        Assert.Equal(HoconValueType.Number, c.GetValue("d")!.Type);
        Assert.Equal("true false", c.GetString("e"));
        Assert.Equal("1 2 3", c.GetString("f"));
        Assert.Equal("10.0bar", c.GetString("g"));
        Assert.Equal(1, c.GetInt("h"));
        Assert.Equal(HoconValueType.String, c.GetValue("i")!.Type);
        Assert.Equal(HoconValueType.String, c.GetValue("j")!.Type);
    }

    [Fact]
    public void Numbers_may_sign_their_exponent_as_in_JSON_and_Lightbend()
    {
        var c = Parse("a = 1e+5\nb = -6.971E+5\nc = [2E+2, 1e-1]\nd = 1e+5ms\ne = 1e+5 ms");
        Assert.Equal(HoconValueType.Number, c.GetValue("a")!.Type);
        Assert.Equal(100000.0, c.GetDouble("a"));
        Assert.Equal(-697100.0, c.GetDouble("b"));
        Assert.Equal([200.0, 0.1], c.GetDoubleList("c"));
        Assert.Equal("1e+5ms", c.GetString("d"));
        Assert.Equal("1e+5 ms", c.GetString("e"));
        Assert.Equal(HoconValueType.Number, HoconConfigFactory.ParseString("{\"a\": 1E+2}", "json", json: true, NoEnv).GetValue("a")!.Type);

        // Elsewhere '+' stays reserved.
        Assert.Contains("unexpected '+'", Fails("a = 1+2").Message, StringComparison.Ordinal);
        Assert.Contains("unexpected '+'", Fails("a = 1e+").Message, StringComparison.Ordinal);
        Assert.Contains("unexpected '+'", Fails("a = x1e+5").Message, StringComparison.Ordinal);
        Assert.Contains("unexpected '+'", Fails("a = 1.5e+3.5").Message, StringComparison.Ordinal);
        Assert.Contains("unexpected '+'", Fails("a = 10 e+5").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triple_quoted_strings_are_raw_and_keep_extra_closing_quotes()
    {
        var c = Parse("a = \"\"\"line1\nline2 \\n \"quoted\" \"\"\"\nb = \"\"\"hello\"\"\"\"\nc = \"\"\"\"\"\"\"\"\nd = \"\"\"x\"\"\" y");
        Assert.Equal("line1\nline2 \\n \"quoted\" ", c.GetString("a"));
        Assert.Equal("hello\"", c.GetString("b"));
        Assert.Equal("\"\"", c.GetString("c"));
        Assert.Equal("x y", c.GetString("d"));
    }

    [Fact]
    public void Triple_quoted_string_spanning_lines_keeps_later_line_numbers_right()
    {
        var ex = Fails("a = \"\"\"1\n2\n3\"\"\"\nb = }");
        Assert.Contains("string:4:5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void String_concatenation_keeps_inner_whitespace_and_trims_the_ends()
    {
        var c = Parse("a =   foo \"bar\"   baz  \nb = null bar 42 \"baz\" true 3.14 hi\nc = \"a\"\"b\"");
        Assert.Equal("foo bar   baz", c.GetString("a"));
        Assert.Equal("null bar 42 baz true 3.14 hi", c.GetString("b"));
        Assert.Equal("ab", c.GetString("c"));
    }

    [Fact]
    public void Array_and_object_concatenation()
    {
        SameTree("a = [1, 2, 3, 4]", "a = [1, 2] [3, 4]");
        SameTree("a = [1, 2, 3]", "a = [1, 2]\n[3]".Replace("\n", " ", StringComparison.Ordinal));
        SameTree("a { x = 1, y = 2, z = 4 }", "a = { x = 1, z = 3 } { y = 2, z = 4 }");
        SameTree("a = [\"1 2\"]", "a = [1 2]");
    }

    [Fact]
    public void Arrays_allow_newlines_instead_of_commas_and_one_trailing_comma()
        => SameTree("a = [1, 2, 3]", "a = [\n  1\n  2,\n  3,\n]");

    [Fact]
    public void Path_keys_expand_to_nested_objects()
    {
        SameTree("a { b { c = 1, d = 2 } }", "a.b.c = 1\na.b.d = 2");
        SameTree("{ \"a.b\" = 1 }", "\"a.b\" = 1");
        SameTree("{ a { \"b.c\" { d = 1 } } }", "a.\"b.c\".d = 1");
        SameTree("{ arrays { \"12\" = 1 }, booleans { \"true\" = 2 }, nulls { \"null\" = 3 } }", "arrays.12 = 1\nbooleans.true = 2\nnulls.null = 3");
        SameTree("{ \"1\" { \"2\" = 4 } }", "1.2 = 4");
    }

    [Fact]
    public void Keys_keep_inner_whitespace_and_may_be_empty_when_quoted()
    {
        var c = Parse("a b c = 1\n\"\" = 2\nx.\"\".y = 3");
        Assert.Equal(1, c.GetInt("\"a b c\""));
        Assert.Equal(2, c.GetInt("\"\""));
        Assert.Equal(3, c.GetInt("x.\"\".y"));
    }

    [Fact]
    public void Actor_path_keys_work_quoted_and_unquoted()
    {
        var c = Parse("deployment { /workers { router = round-robin-pool }\n \"/parent/*\" { router = broadcast-pool } }");
        var deployment = c.GetConfig("deployment");
        Assert.Equal("round-robin-pool", deployment.GetString("\"/workers\".router"));
        Assert.Equal("broadcast-pool", deployment.GetString("\"/parent/*\".router"));
        Assert.Equal(["/workers", "/parent/*"], deployment.AsEnumerable().Select(p => p.Key));
    }

    [Fact]
    public void Null_is_a_value_that_hides_the_path()
    {
        var c = Parse("a = null");
        Assert.NotNull(c.GetValue("a"));
        Assert.False(c.HasPath("a"));
        Assert.Equal("dflt", c.GetString("a", "dflt"));
    }

    [Fact]
    public void Empty_document_and_comment_only_document_are_empty()
    {
        Assert.True(Parse(string.Empty).IsEmpty);
        Assert.True(Parse("# nothing\n// here\n").IsEmpty);
        Assert.True(Parse("{}").IsEmpty);
    }

    [Fact]
    public void Include_is_a_keyword_only_when_unquoted_and_alone()
    {
        var c = Parse("\"include\" = 1\nincludes = 2");
        Assert.Equal(1, c.GetInt("\"include\""));
        Assert.Equal(2, c.GetInt("includes"));
        Assert.Equal(3, Parse("include.x = 3").GetInt("include.x"));
    }
}
