using ActorParallel.Configuration;
using static ActorParallel.Hocon.Tests.TestSupport;

namespace ActorParallel.Hocon.Tests;

/// <summary>The HoconConfig API: typed getters, units, defaults, fallbacks (hocon-notes.md rows 24-28 and the Akka conveniences).</summary>
public class GetterTests
{
    [Fact]
    public void Scalars_and_defaults()
    {
        var c = Parse("s = hello\ni = 42\nl = 9000000000\nd = 2.5\nns = \"17\"\nb = true");
        Assert.Equal("hello", c.GetString("s"));
        Assert.Equal("42", c.GetString("i"));
        Assert.Equal(42, c.GetInt("i"));
        Assert.Equal(9_000_000_000L, c.GetLong("l"));
        Assert.Equal(2.5, c.GetDouble("d"));
        Assert.Equal(17, c.GetInt("ns"));
        Assert.Equal("x", c.GetString("missing", "x"));
        Assert.Null(c.GetString("missing"));
        Assert.Equal(7, c.GetInt("missing", 7));
        Assert.Equal(8L, c.GetLong("missing.deeper", 8));
        Assert.Equal(1.5, c.GetDouble("missing", 1.5));
        Assert.True(c.GetBoolean("missing", true));
        Assert.True(c.HasPath("s"));
        Assert.False(c.HasPath("missing"));
        Assert.False(c.HasPath("s.x"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("\"on\"", true)]
    public void Booleans_accept_true_false_yes_no_on_off(string text, bool expected)
        => Assert.Equal(expected, Parse("b = " + text).GetBoolean("b"));

    [Theory]
    [InlineData("500", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1.5", 15_000)]
    [InlineData("10ns", 0)]
    [InlineData("1000 ns", 10)]
    [InlineData("3 nanos", 0)]
    [InlineData("7us", 70)]
    [InlineData("7 micros", 70)]
    [InlineData("7 microseconds", 70)]
    [InlineData("5ms", 50_000)]
    [InlineData("5 millis", 50_000)]
    [InlineData("5 milliseconds", 50_000)]
    [InlineData("2s", 20_000_000)]
    [InlineData("2 seconds", 20_000_000)]
    [InlineData("1.5 s", 15_000_000)]
    [InlineData("3m", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("3 minutes", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("2h", 2 * TimeSpan.TicksPerHour)]
    [InlineData("1 hour", TimeSpan.TicksPerHour)]
    [InlineData("2d", 2 * TimeSpan.TicksPerDay)]
    [InlineData("1 day", TimeSpan.TicksPerDay)]
    [InlineData("\"10 s\"", 100_000_000)]
    public void Durations_use_every_spec_unit_and_bare_numbers_are_milliseconds(string text, long ticks)
        => Assert.Equal(TimeSpan.FromTicks(ticks), Parse("t = " + text).GetTimeSpan("t"));

    [Fact]
    public void Infinite_duration_only_when_allowed()
    {
        var c = Parse("t = infinite");
        Assert.Equal(Timeout.InfiniteTimeSpan, c.GetTimeSpan("t"));
        var ex = Assert.Throws<HoconConfigException>(() => c.GetTimeSpan("t", null, allowInfinite: false));
        Assert.Contains("path 't'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(3), c.GetTimeSpan("missing", TimeSpan.FromSeconds(3)));
    }

    [Theory]
    [InlineData("10", 10L)]
    [InlineData("10b", 10L)]
    [InlineData("10 bytes", 10L)]
    [InlineData("1kB", 1000L)]
    [InlineData("1 kilobyte", 1000L)]
    [InlineData("1K", 1024L)]
    [InlineData("1k", 1024L)]
    [InlineData("1Ki", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("1 kibibytes", 1024L)]
    [InlineData("2MB", 2_000_000L)]
    [InlineData("2MiB", 2L * 1024 * 1024)]
    [InlineData("2m", 2L * 1024 * 1024)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("1g", 1L << 30)]
    [InlineData("1 gibibyte", 1L << 30)]
    [InlineData("1TB", 1_000_000_000_000L)]
    [InlineData("1TiB", 1L << 40)]
    [InlineData("1PB", 1_000_000_000_000_000L)]
    [InlineData("1PiB", 1L << 50)]
    [InlineData("1EB", 1_000_000_000_000_000_000L)]
    [InlineData("1EiB", 1L << 60)]
    [InlineData("1.5 KiB", 1536L)]
    public void Byte_sizes_use_powers_of_ten_and_two(string text, long bytes)
        => Assert.Equal(bytes, Parse("s = " + text).GetByteSize("s"));

    [Fact]
    public void Byte_size_missing_is_null_and_overflow_is_an_error()
    {
        Assert.Null(Parse("a = 1").GetByteSize("b"));
        Assert.Throws<HoconConfigException>(() => Parse("s = 100EiB").GetByteSize("s"));
        Assert.Throws<HoconConfigException>(() => Parse("s = 1 KB").GetByteSize("s"));
    }

    [Fact]
    public void Lists()
    {
        var c = Parse("s = [a, b, 3]\ni = [1, 2]\nl = [10000000000]\nd = [0.5]\nb = [yes, off]\nt = [1s, 5]\nz = [1k]\nidx { \"1\" = b, \"0\" = a }\nobjs = [{ n = 1 }, { n = 2 }]");
        Assert.Equal(["a", "b", "3"], c.GetStringList("s"));
        Assert.Equal([1, 2], c.GetIntList("i"));
        Assert.Equal([10_000_000_000L], c.GetLongList("l"));
        Assert.Equal([0.5], c.GetDoubleList("d"));
        Assert.Equal([true, false], c.GetBooleanList("b"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(5)], c.GetTimeSpanList("t"));
        Assert.Equal([1024L], c.GetByteSizeList("z"));
        Assert.Equal(["a", "b"], c.GetStringList("idx"));
        Assert.Equal([1, 2], c.GetConfigList("objs").Select(o => o.GetInt("n")));
        Assert.Empty(c.GetStringList("missing"));
        Assert.Empty(c.GetIntList("missing"));
    }

    [Fact]
    public void GetConfig_returns_the_subtree_with_fallback_subtrees()
    {
        var user = Parse("actorparallel.actor { provider = cluster }");
        var reference = Parse("actorparallel.actor { provider = local, serialize-messages = off }\nother = 1");
        var actor = user.WithFallback(reference).GetConfig("actorparallel.actor");
        Assert.Equal("cluster", actor.GetString("provider"));
        Assert.False(actor.GetBoolean("serialize-messages", true));
        Assert.True(user.GetConfig("nope").IsEmpty);
        Assert.Same(HoconConfig.Empty, HoconConfigFactory.Empty);
        Assert.Equal(["provider", "serialize-messages"], actor.AsEnumerable().Select(p => p.Key));
    }

    [Fact]
    public void WithFallback_merges_objects_and_the_first_config_wins()
    {
        var c = Parse("a { x = 1 }\nb = 1").WithFallback(Parse("a { x = 2, y = 2 }\nb = 2\nc = 3")).WithFallback(Parse("d = 4"));
        Assert.Equal(1, c.GetInt("a.x"));
        Assert.Equal(2, c.GetInt("a.y"));
        Assert.Equal(1, c.GetInt("b"));
        Assert.Equal(3, c.GetInt("c"));
        Assert.Equal(4, c.GetInt("d"));
        Assert.Equal(["a", "b", "c", "d"], c.AsEnumerable().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("c = 3", c.ToString(), StringComparison.Ordinal);
        Assert.Contains("c = 3", c.ToString(includeFallback: true), StringComparison.Ordinal);
        Assert.False(c.IsEmpty);
        Assert.True(HoconConfig.Empty.IsEmpty);
    }

    [Fact]
    public void String_conversion_and_operators_compose_fallbacks()
    {
        HoconConfig c = "a = 1";
        Assert.Equal(1, c.GetInt("a"));
        var withFallback = c + "a = 2, b = 2";
        Assert.Equal(1, withFallback.GetInt("a"));
        Assert.Equal(2, withFallback.GetInt("b"));
        var overriding = "a = 3" + c;
        Assert.Equal(3, overriding.GetInt("a"));
    }

    [Fact]
    public void Root_and_values_expose_the_tree()
    {
        var c = Parse("a { b = [1, x] }");
        var root = Assert.IsType<HoconObject>(c.Root);
        var a = Assert.IsType<HoconObject>(root.GetKey("a"));
        var b = Assert.IsType<HoconArray>(a.GetKey("b"));
        Assert.Equal(2, b.Count);
        Assert.Equal("x", b[1].GetString());
        Assert.True(c.GetValue("a")!.IsObject());
        Assert.True(c.GetValue("a.b")!.IsArray());
        Assert.True(b[0].IsString());
        Assert.Equal(1, b[0].GetInt());
    }

    [Fact]
    public void Numbers_compare_by_value()
    {
        Assert.Equal(Parse("a = 1").Root, Parse("a = 1.0").Root);
        Assert.Equal(Parse("a = 1000").Root, Parse("a = 1e3").Root);
        Assert.NotEqual(Parse("a = 1").Root, Parse("a = 1.5").Root);
        Assert.NotEqual(Parse("a = 1").Root, Parse("a = \"1\"").Root);
        Assert.NotEqual(Parse("a = true").Root, Parse("a = \"true\"").Root);
        Assert.Equal(Parse("a = 1").Root.GetHashCode(), Parse("a = 1.0").Root.GetHashCode());
    }

    [Fact]
    public void ToString_renders_hocon_that_parses_back_to_an_equal_tree()
    {
        const string text = "a { \"b.c\" = [1, 2.5, \"x\\ny\", null, true, {}, []] }\n\"/workers\" { router = rr }\n\"\" = \"\"\nq = \"\"\"tri\"ple\"\"\"\nn = -1e-7\ns = \"true\"";
        var c = Parse(text);
        var again = Parse(c.ToString());
        Assert.Equal(c.Root, again.Root);
    }

    [Fact]
    public void Json_rendering_prints_whole_numbers_as_integers()
    {
        var c = Parse("a = 1.0\nb = [0.0015, \"s\", null, false]\nc {}");
        Assert.Equal("{\"a\":1,\"b\":[0.0015,\"s\",null,false],\"c\":{}}", c.ToJson(indented: false));
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": [\n    0.0015,\n    \"s\",\n    null,\n    false\n  ],\n  \"c\": {}\n}\n", c.ToJson());
    }

    [Fact]
    public void FromResource_reads_an_embedded_configuration()
    {
        var c = HoconConfigFactory.FromResource<GetterTests>("test.embedded.conf");
        Assert.Equal(42, c.GetInt("embedded.copy"));
    }

    [Fact]
    public void FromResource_reports_missing_resources()
    {
        var ex = Assert.Throws<HoconConfigException>(() => HoconConfigFactory.FromResource<GetterTests>("nope.conf"));
        Assert.Contains("nope.conf", ex.Message, StringComparison.Ordinal);
    }
}
