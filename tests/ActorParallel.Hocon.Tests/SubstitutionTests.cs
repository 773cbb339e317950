using ActorParallel.Configuration;
using static ActorParallel.Hocon.Tests.TestSupport;

namespace ActorParallel.Hocon.Tests;

/// <summary>Substitutions (hocon-notes.md rows 13-20).</summary>
public class SubstitutionTests
{
    [Fact]
    public void Substitution_resolves_against_the_final_tree_including_forward_references()
    {
        var c = Parse("a = ${b.c}\nb.c = 1\nb.c = 2\nd = ${b}");
        Assert.Equal(2, c.GetInt("a"));
        Assert.Equal(2, c.GetInt("d.c"));
        Assert.Equal(HoconValueType.Number, c.GetValue("a")!.Type);
    }

    [Fact]
    public void Substitution_inside_strings_and_arrays()
    {
        var c = Parse("n = 5\ns = \"hi \"${n}\" there\"\nt = hi ${n}\nl = [${n}, ${n}]\nm = ${l} [6]\nq = [0] ${l}");
        Assert.Equal("hi 5 there", c.GetString("s"));
        Assert.Equal("hi 5", c.GetString("t"));
        Assert.Equal([5, 5], c.GetIntList("l"));
        Assert.Equal([5, 5, 6], c.GetIntList("m"));
        Assert.Equal([0, 5, 5], c.GetIntList("q"));
    }

    [Fact]
    public void Object_substitution_then_merge()
    {
        SameTree("base { x = 1, y = 2 }\na { x = 1, y = 2, n = 3 }", "base { x = 1, y = 2 }\na = ${base} { n = 3 }");
        SameTree("base { x = 1, y = 2 }\na { x = 1, y = 5 }", "base { x = 1, y = 2 }\na = ${base}\na { y = 5 }");
        SameTree("base { x = 1 }\na { x = 1, q = 0 }", "base { x = 1 }\na { q = 0 }\na = ${base}");
        SameTree("tcp { port = 1, host = h }\nudp { port = 1, host = h, udp = true }", "tcp { port = 1, host = h }\nudp = ${tcp}\nudp.udp = true");
    }

    [Fact]
    public void Optional_substitution_that_is_missing_removes_the_field()
    {
        SameTree("{}", "a = ${?nope}");
        SameTree("{ c = [1, 2] }", "a = ${?nope}\nb = ${?a}\nc = [1, ${?b}, 2]");
        SameTree("{ a = 1 }", "a = 1\na = ${?nope}");
        SameTree("{ s = \" foo\", w = \" \" }", "s = ${?nope} foo\nw = ${?x} ${?y}");
    }

    [Fact]
    public void Environment_variables_fill_missing_substitutions_unless_switched_off()
    {
        var name = "HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var text = $"a = ${{{name}}}\nb = ${{?{name}}}\nc = local\nd = ${{c}}";
            var withEnv = HoconConfigFactory.ParseString(text);
            Assert.Equal("from-env", withEnv.GetString("a"));
            Assert.Equal("from-env", withEnv.GetString("b"));
            Assert.Equal("local", withEnv.GetString("d"));

            var ex = Assert.Throws<HoconConfigException>(() => HoconConfigFactory.ParseString(text, NoEnv));
            Assert.Contains("environment variables are switched off", ex.Message, StringComparison.Ordinal);
            Assert.Contains("string:1:5", ex.Message, StringComparison.Ordinal);
            Assert.False(HoconConfigFactory.ParseString($"b = ${{?{name}}}", NoEnv).HasPath("b"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Env_override_pattern_keeps_the_default_when_the_variable_is_unset()
    {
        var name = "HOCON_UNSET_" + Guid.NewGuid().ToString("N");
        var c = HoconConfigFactory.ParseString($"workers = 2\nworkers = ${{?{name}}}");
        Assert.Equal(2, c.GetInt("workers"));
    }

    [Fact]
    public void Self_referential_substitutions_see_the_previous_value()
    {
        var c = Parse("path = \"a:b\"\npath = ${path}\":c\"\narr = [1]\narr = ${arr} [2]\nobj { a = 1 }\nobj = ${obj} { b = 2 }\nx = 1\nx = ${x}");
        Assert.Equal("a:b:c", c.GetString("path"));
        Assert.Equal([1, 2], c.GetIntList("arr"));
        Assert.Equal(1, c.GetInt("obj.a"));
        Assert.Equal(2, c.GetInt("obj.b"));
        Assert.Equal(1, c.GetInt("x"));
    }

    [Fact]
    public void Self_reference_to_a_child_of_the_field_uses_the_earlier_value()
    {
        SameTree("foo { a = 2, c = 1 }", "foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");
        SameTree("bar { foo = 43, baz = 43 }", "bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }");
        SameTree("a { b = \"1 2\" }", "a { b = 1 }\na { b = ${a.b} 2 }");
    }

    [Fact]
    public void Plus_equals_appends_to_an_array_or_starts_one()
    {
        SameTree("a = [1, 2, 3]\nb = [x]\nc { d = [1] }", "a = [1]\na += 2\na += 3\nb += x\nc { d += 1 }");
    }

    [Fact]
    public void Cycles_are_reported_with_every_step()
    {
        var ex = Fails("a = ${b}\nb = ${c}\nc = ${a}");
        Assert.Contains("substitution cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("${a} at string:3:5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("${b} at string:1:5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_referring_to_itself_without_an_earlier_value_is_a_cycle()
    {
        var ex = Fails("a = ${a}");
        Assert.Contains("string:1:5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no earlier definition", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_contains_itself_is_a_cycle()
    {
        var ex = Fails("x = { y = ${x} }");
        Assert.Contains("substitution cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string:1:11", ex.Message, StringComparison.Ordinal);
        ex = Fails("a = ${b}\nb = [${a}]");
        Assert.Contains("substitution cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_substitution_names_the_path_position_and_fix()
    {
        var ex = Fails("a {\n  b = ${missing.path}\n}");
        Assert.Contains("string:2:7", ex.Message, StringComparison.Ordinal);
        Assert.Contains("${missing.path}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("${?missing.path}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_of_a_path_through_a_non_object_is_missing()
    {
        Assert.Throws<HoconConfigException>(() => Parse("a = 1\nb = ${a.x}"));
        Assert.False(Parse("a = 1\nb = ${?a.x}").HasPath("b"));
    }

    [Fact]
    public void Quoted_segments_in_substitution_paths()
        => Assert.Equal(1, Parse("\"a.b\" { c = 1 }\nd = ${\"a.b\".c}").GetInt("d"));

    [Fact]
    public void Concatenating_incompatible_resolved_values_fails_with_a_location()
    {
        var ex = Fails("a = [1]\nb = { x = 1 }\nc = ${a} ${b}");
        Assert.Contains("cannot concatenate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string:3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_substitution_chains_resolve_without_stack_overflow()
    {
        var lines = Enumerable.Range(0, 500).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k500 = end");
        Assert.Equal("end", Parse(string.Join('\n', lines)).GetString("k0"));
    }
}
