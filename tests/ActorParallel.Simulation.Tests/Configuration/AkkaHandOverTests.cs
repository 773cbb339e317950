using ActorParallel.Configuration;
using ActorParallel.Simulation.Configuration;
using Akka.Actor;
using AkkaConfig = Akka.Configuration.Config;
using AkkaFactory = Akka.Configuration.ConfigurationFactory;

namespace ActorParallel.Simulation.Tests.Configuration;

/// <summary>
/// The hand-over (<see cref="AkkaHandOver"/>): our parser reads and resolves, renders the resolved tree as HOCON,
/// and Akka.NET's parser reads that text. Akka must end up with exactly the tree it reads from the original
/// text (where its parser can read the original at all), and exactly our resolved tree (always): same keys at
/// every level, same arrays, same strings and nulls. Akka keeps scalars as untyped text, so "same type" means
/// object / array / string / null; numbers, booleans, durations and sizes are compared as the text Akka's
/// getters parse.
/// </summary>
/// <remarks>
/// Where Akka's parser departs from the HOCON spec (Lightbend's reference implementation, hocon-oracle), the tests
/// below pin what Akka does, so a change in Akka shows up here:
/// <list type="bullet">
/// <item>Akka trims every string value (<c>"  x  "</c> reads as <c>x</c>) and reads the string <c>"null"</c> as null:
/// its getters concatenate the parts of a value, Trim() the result and map the text "null" to null. No rendering can
/// avoid it (quoting and escapes are undone before the trim), so such values cannot be handed over; the original
/// and the hand-over read the same wrong way.</item>
/// <item><c>x = ${path}</c> followed by <c>x { more }</c>: the spec merges the object into the substituted value;
/// Akka's parser drops the substitution. Akka's own reference configs do this twice (akka.reliable-delivery.work-pulling
/// .producer-controller, akka.remote.dot-netty.udp), so Akka reads them without the inherited keys; the hand-over
/// gives Akka the spec's tree (what hocon-oracle reads), and the reference tests allow exactly these extra keys.</item>
/// <item>A comma after an object field written without '=' (<c>a {}, b = 1</c>) is an unknown token to Akka's parser.
/// Our renderer separates fields by newlines, so the hand-over is unaffected.</item>
/// <item>Akka's parser cannot read <c>${?VAR}</c> (it reads <c>${</c>, an empty path, then the rest as text: the value
/// resolves to the root, a cycle), <c>+=</c> (it reads <c>list +</c> as a key), nor a self-reference
/// <c>a = ${a} [2]</c> (a cycle): these only work through the hand-over, which hands them over resolved.
/// hocon/examples/local.conf uses <c>${?VAR}</c>, which derails Akka's parser;
/// the examples are compared with our resolved tree, which hocon-oracle confirms.</item>
/// <item>Akka's GetBoolean knows true/false/on/off only; yes/no (booleans for Lightbend's getBoolean) throw. An empty
/// array is no array to Akka's HoconValue.IsArray() (GetStringList still gives an empty list). The trees are the same.</item>
/// </list>
/// </remarks>
public sealed class AkkaHandOverTests
{
    private static readonly ConfigParseOptions NoEnvironment = new() { UseEnvironmentVariables = false };

    public static TheoryData<string> ReferenceConfigs => ["akka", "akka.remote", "akka.cluster", "lab"];

    public static TheoryData<string> Examples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "hocon", "examples"), "*.conf").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReferenceConfigs))]
    public void A_reference_config_reads_the_same_through_the_hand_over_as_through_Akka_s_parser(string name)
    {
        var text = ReferenceText(name);
        var expected = AkkaTree.Of(AkkaFactory.ParseString(text));
        var ours = HoconConfigFactory.ParseString(text, NoEnvironment);
        var actual = AkkaTree.Of(AkkaHandOver.ToAkka(ours));

        AssertIdenticalButForAkkasDroppedSubstitutions(expected, actual, $"{name}: Akka's reading of the hand-over vs of the original", AkkaDropsASubstitution[name]);
        AkkaTree.AssertIdentical(AkkaTree.Of(ours.Root), actual, $"{name}: our resolved tree vs Akka's reading of the hand-over");
        Assert.True(expected.Leaves > 10, $"{name} has only {expected.Leaves} values");
    }

    /// <summary>
    /// Where a reference config writes <c>x = ${path}</c> and then <c>x { more }</c>: the spec (and Lightbend, and
    /// our parser) merges the object into the substituted one; Akka's parser drops the substitution and keeps
    /// only the object (its ParseObject asks the unresolved substitution whether it is an object, gets no, and
    /// replaces it). Through the hand-over Akka gets the spec's tree, so these objects gain the inherited keys.
    /// hocon-oracle agrees with our reading of all three Akka reference configs.
    /// </summary>
    private static readonly Dictionary<string, string[]> AkkaDropsASubstitution = new(StringComparer.Ordinal)
    {
        ["akka"] = ["akka.reliable-delivery.work-pulling.producer-controller"], // = ${akka.reliable-delivery.producer-controller}
        ["akka.remote"] = ["akka.remote.dot-netty.udp"], // = ${akka.remote.dot-netty.tcp}
        ["akka.cluster"] = [],
        ["lab"] = [],
    };

    /// <summary>
    /// Identical, except that under each of <paramref name="inheriting"/> the hand-over has the keys Akka's own parser
    /// dropped (and nothing else differs). Each such path must still show the difference, so a fixed Akka shows up here.
    /// </summary>
    private static void AssertIdenticalButForAkkasDroppedSubstitutions(AkkaTree expected, AkkaTree actual, string what, string[] inheriting)
    {
        var diffs = AkkaTree.Differences(expected, actual);
        var other = diffs.Where(d => d.Kind != AkkaTree.DifferenceKind.Unexpected || !inheriting.Any(p => d.Path.StartsWith(p + ".", StringComparison.Ordinal))).ToList();
        Assert.True(other.Count == 0, $"{what}: {other.Count} difference(s):\n" + string.Join("\n", other.Take(40)));
        foreach (var path in inheriting)
        {
            Assert.True(diffs.Any(d => d.Path.StartsWith(path + ".", StringComparison.Ordinal)), $"{what}: Akka's parser now keeps what {path} inherits from its substitution; drop it from the list");
        }
    }

    [Fact]
    public void The_akka_reference_text_is_the_one_Akka_loads_by_default()
    {
        var fromText = AkkaTree.Of(AkkaFactory.ParseString(ReferenceText("akka")));
        AkkaTree.AssertIdentical(AkkaTree.Of(AkkaFactory.Default()), fromText, "ConfigurationFactory.Default() vs the embedded text");
    }

    [Fact]
    public void The_merged_reference_configs_read_the_same_through_the_hand_over()
    {
        var expected = AkkaFactory.ParseString(ReferenceText("akka.cluster"))
            .WithFallback(AkkaFactory.ParseString(ReferenceText("akka.remote")))
            .WithFallback(AkkaFactory.ParseString(ReferenceText("akka")));
        var ours = MergedReference();
        var actual = AkkaHandOver.ToAkka(ours);

        AssertIdenticalButForAkkasDroppedSubstitutions(AkkaTree.Of(expected), AkkaTree.Of(actual), "akka + remote + cluster", [.. AkkaDropsASubstitution["akka"], .. AkkaDropsASubstitution["akka.remote"]]);
        AkkaTree.AssertIdentical(AkkaTree.Of(ours.Root), AkkaTree.Of(actual), "akka + remote + cluster: our resolved tree vs Akka's reading of the hand-over");
        Assert.Equal("udp", actual.GetString("akka.remote.dot-netty.udp.transport-protocol"));
        Assert.Equal(2552, actual.GetInt("akka.remote.dot-netty.udp.port")); // inherited from tcp, as the spec says
        Assert.False(expected.HasPath("akka.remote.dot-netty.udp.port")); // Akka's parser drops it
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_example_arrives_in_Akka_as_our_resolved_tree(string file)
    {
        // Akka's parser cannot read the examples (they use ${?VAR}; see the remarks above): compare with our resolved tree.
        var ours = HoconConfigFactory.ParseFile(Path.Combine(RepoRoot(), "hocon", "examples", file), NoEnvironment);
        var actual = AkkaTree.Of(AkkaHandOver.ToAkka(ours));

        AkkaTree.AssertIdentical(AkkaTree.Of(ours.Root), actual, file);
        Assert.True(actual.Leaves > 1, $"{file} has only {actual.Leaves} values");
    }

    [Fact]
    public void The_local_example_arrives_resolved()
    {
        var akka = AkkaHandOver.ToAkka(HoconConfigFactory.ParseFile(Path.Combine(RepoRoot(), "hocon", "examples", "local.conf"), NoEnvironment));

        Assert.Equal("WARNING", akka.GetString("akka.loglevel"));
        Assert.Equal(100, akka.GetInt("akka.actor.lab-worker-dispatcher.throughput"));
        Assert.Equal(2, akka.GetInt("actorparallel.lab.workers"));
        Assert.Equal(800, akka.GetInt("actorparallel.lab.workloads.mandelbrot.max-iter"));
        Assert.Equal(TimeSpan.FromMinutes(2), akka.GetTimeSpan("actorparallel.lab.job-timeout"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), akka.GetTimeSpan("actorparallel.lab.progress-interval"));
    }

    /// <summary>Values that are easy to get wrong, in a form Akka's own parser reads too (no ${?}, +=, self-reference).</summary>
    private const string Tricky = """"
        strings {
          quote = "say \"hi\" and \"bye\""
          backslash = "C:\\temp\\new"
          newline = "line 1\nline 2\r\nline 3"
          tab = "a\tb"
          control = "bell \u0007 nul \u0000 del \u007f"
          unicode = "héllo wörld ✓ 日本語 😀"
          escaped-unicode = "caf\u00e9 \u2028 \u2029 \ud83d\ude00"
          triple = """raw "quotes" and \n stay
        on two lines"""
          dollar = "${not.a.substitution} costs $5"
          braces = "{ not: an object }"
          brackets = "[1, 2]"
          hash = "# not a comment"
          slashes = "http://example.com//path // not a comment"
          separators = "a: b = c, d"
          plus-equals = "a += b"
          include-text = "include \"other.conf\""
          empty = ""
          unquoted = hello world
          numeric-string = "42"
          boolean-string = "true"
          solidus = "a\/b"
        }
        keys {
          "a.b.c" = dotted
          "with space" = 1
          "quote\"inside" = 2
          "back\\slash" = 3
          "#hash" = 4
          "a//b" = 5
          "$dollar" = 6
          "{brace}" = 7
          "ключ" = 8
          "" = 9
          "include" = 10
          true = 11
          null = 12
          "10" = 13
          "a=b" = 14
          "x:y" = 15
          "new\nline" = 16
          unquoted-key_1 = 17
        }
        akka.actor.deployment {
          /workers { router = round-robin-pool, nr-of-instances = 3 }
          "/supervisor/*" { router = broadcast-pool, nr-of-instances = 2 }
          "/a/b/c" { router = random-pool }
        }
        empties { object = {}, array = [], nested = { inner {} }, array-of-empties = [[], {}] }
        nulls { value = null, in-array = [1, null, "x"] }
        durations { ms = 500ms, words = 2 minutes, minutes = 5m, fraction = 1.5s, infinite = infinite, ns = 100ns }
        sizes { spaced = 4 MiB, tight = 4MiB, bytes = 1024, kilo = 64k }
        numbers {
          int = 42, long = 9223372036854775807, double = 3.14159, negative = -17, negative-double = -0.5
          exponent = 1e3, big-exponent = 6.02E23, negative-exponent = 1.5e-7, zero = 0, one-point-zero = 1.0
        }
        booleans { true = true, false = false, on = on, off = off, yes = yes, no = no }
        nested {
          matrix = [[1, 2], [3], []]
          objects = [ { name = a, tags = [x, y] }, { name = b, inner { deep = [ { k = v } ] } } ]
        }
        overrides {
          object { a = 1 }
          object { b = 2 }
          value = 1
          value = 2
          replaced { x = 1 }
          replaced = 3
        }
        """";

    [Fact]
    public void Tricky_values_read_the_same_through_the_hand_over_as_through_Akka_s_parser()
    {
        var expected = AkkaTree.Of(AkkaFactory.ParseString(Tricky));
        var ours = HoconConfigFactory.ParseString(Tricky, NoEnvironment);
        var actual = AkkaTree.Of(AkkaHandOver.ToAkka(ours));

        AkkaTree.AssertIdentical(expected, actual, "Akka's reading of the hand-over vs of the original");
        AkkaTree.AssertIdentical(AkkaTree.Of(ours.Root), actual, "our resolved tree vs Akka's reading of the hand-over");
    }

    [Fact]
    public void Tricky_values_arrive_as_the_spec_means_them()
    {
        var akka = AkkaHandOver.ParseString(Tricky);

        Assert.Equal("say \"hi\" and \"bye\"", akka.GetString("strings.quote"));
        Assert.Equal(@"C:\temp\new", akka.GetString("strings.backslash"));
        Assert.Equal("line 1\nline 2\r\nline 3", akka.GetString("strings.newline"));
        Assert.Equal("bell \u0007 nul \0 del \u007f", akka.GetString("strings.control"));
        Assert.Equal("héllo wörld ✓ 日本語 😀", akka.GetString("strings.unicode"));
        Assert.Equal("café \u2028 \u2029 😀", akka.GetString("strings.escaped-unicode"));
        Assert.Equal("raw \"quotes\" and \\n stay\non two lines", akka.GetString("strings.triple"));
        Assert.Equal("${not.a.substitution} costs $5", akka.GetString("strings.dollar"));
        Assert.Equal("http://example.com//path // not a comment", akka.GetString("strings.slashes"));
        Assert.Equal("# not a comment", akka.GetString("strings.hash"));
        Assert.Equal("", akka.GetString("strings.empty"));
        Assert.Equal("a/b", akka.GetString("strings.solidus"));

        var keys = akka.GetConfig("keys").Root.GetObject().Items;
        Assert.Equal("dotted", keys["a.b.c"].GetString());
        Assert.Equal("2", keys["quote\"inside"].GetString());
        Assert.Equal("3", keys["back\\slash"].GetString());
        Assert.Equal("9", keys[""].GetString());
        Assert.Equal("10", keys["include"].GetString());
        Assert.Equal("16", keys["new\nline"].GetString());
        Assert.Equal("dotted", akka.GetString("keys.\"a.b.c\""));

        var deployment = akka.GetConfig("akka.actor.deployment");
        Assert.Equal(["/workers", "/supervisor/*", "/a/b/c"], deployment.Root.GetObject().Items.Keys);
        Assert.Equal(3, akka.GetInt("akka.actor.deployment./workers.nr-of-instances"));
        Assert.Equal("broadcast-pool", akka.GetString("akka.actor.deployment.\"/supervisor/*\".router"));

        Assert.Empty(akka.GetConfig("empties.object").Root.GetObject().Items);
        Assert.Empty(akka.GetStringList("empties.array"));
        Assert.True(akka.HasPath("empties.nested.inner"));
        Assert.Null(akka.GetString("nulls.value"));
        Assert.Equal(["1", null, "x"], akka.GetStringList("nulls.in-array"));

        Assert.Equal(TimeSpan.FromMilliseconds(500), akka.GetTimeSpan("durations.ms"));
        Assert.Equal(TimeSpan.FromMinutes(2), akka.GetTimeSpan("durations.words"));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), akka.GetTimeSpan("durations.fraction"));
        Assert.Equal(Timeout.InfiniteTimeSpan, akka.GetTimeSpan("durations.infinite"));
        Assert.Equal(TimeSpan.FromTicks(1), akka.GetTimeSpan("durations.ns"));
        Assert.Equal(4L << 20, akka.GetByteSize("sizes.spaced"));
        Assert.Equal(4L << 20, akka.GetByteSize("sizes.tight"));
        Assert.Equal(64L << 10, akka.GetByteSize("sizes.kilo"));

        Assert.Equal(42, akka.GetInt("numbers.int"));
        Assert.Equal(long.MaxValue, akka.GetLong("numbers.long"));
        Assert.Equal(3.14159, akka.GetDouble("numbers.double"));
        Assert.Equal(-17, akka.GetInt("numbers.negative"));
        Assert.Equal(-0.5, akka.GetDouble("numbers.negative-double"));
        Assert.Equal(1000.0, akka.GetDouble("numbers.exponent"));
        Assert.Equal(6.02e23, akka.GetDouble("numbers.big-exponent"));
        Assert.Equal(1.5e-7, akka.GetDouble("numbers.negative-exponent"));
        Assert.Equal("1.0", akka.GetString("numbers.one-point-zero"));

        Assert.True(akka.GetBoolean("booleans.true"));
        Assert.False(akka.GetBoolean("booleans.false"));
        Assert.True(akka.GetBoolean("booleans.on"));
        Assert.False(akka.GetBoolean("booleans.off"));
        Assert.Equal("yes", akka.GetString("booleans.yes"));

        var matrix = akka.GetValue("nested.matrix").GetArray();
        Assert.Equal([[1, 2], [3], []], matrix.Select(row => row.Values.OfType<Akka.Configuration.Hocon.HoconArray>().Single().Select(v => v.GetInt())));
        var objects = akka.GetValue("nested.objects").GetArray();
        Assert.Equal("b", objects[1].GetObject().GetKey("name").GetString());
        Assert.Equal("v", objects[1].GetObject().GetKey("inner").GetObject().GetKey("deep").GetArray()[0].GetObject().GetKey("k").GetString());

        Assert.Equal("1", akka.GetString("overrides.object.a"));
        Assert.Equal("2", akka.GetString("overrides.object.b"));
        Assert.Equal("2", akka.GetString("overrides.value"));
        Assert.Equal("3", akka.GetString("overrides.replaced"));
    }

    [Fact]
    public void Random_trees_of_awkward_keys_and_values_arrive_as_built()
    {
        var trees = new RandomTrees(seed: 20240611);
        var leaves = 0;
        for (var i = 0; i < 300; i++)
        {
            var (json, expected) = trees.Next();
            var ours = HoconConfigFactory.ParseString(json, "random tree " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), json: true, NoEnvironment);
            AkkaTree.AssertIdentical(expected, AkkaTree.Of(AkkaHandOver.ToAkka(ours)), $"random tree {i}: {json}");
            leaves += expected.Leaves;
        }

        Assert.True(leaves > 1000, $"only {leaves} values generated");
    }

    [Fact]
    public void Concatenations_substitutions_and_self_references_arrive_resolved()
    {
        // One variable set for this test only (unique name), one surely unset: deterministic.
        var set = "AP_HANDOVER_SET_" + Guid.NewGuid().ToString("N");
        var unset = "AP_HANDOVER_UNSET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(set, "from the environment");
        try
        {
            var hocon = """
                a = [1]
                a = ${a} [2]
                list = [1]
                list += 2
                list += { x = 3 }
                self-object { x = 1 }
                self-object = ${self-object} { y = 2 }
                self-string = "a"
                self-string = ${self-string}"/b"
                env-set = default
                env-set = ${?{{SET}}}
                env-unset = default
                env-unset = ${?{{UNSET}}}
                env-missing = ${?{{UNSET}}}
                base { name = hello, n = 42, path = "/x", list = [x, y] }
                concat = ${base.name}" and "${base.n}
                copy = ${base}
                copy.extra = true
                "/workers" { nr-of-instances = ${base.n} }
                array-concat = ${base.list} [z] ${base.list}
                """.Replace("{{SET}}", set, StringComparison.Ordinal).Replace("{{UNSET}}", unset, StringComparison.Ordinal);
            var ours = HoconConfigFactory.ParseString(hocon);
            var rendered = ours.ToString(includeFallback: true);
            Assert.DoesNotContain("${", rendered, StringComparison.Ordinal);
            var akkaConfig = AkkaHandOver.ToAkka(ours);
            AkkaTree.AssertIdentical(AkkaTree.Of(ours.Root), AkkaTree.Of(akkaConfig), "our resolved tree vs Akka's reading of the hand-over");

            Assert.Equal([1, 2], akkaConfig.GetIntList("a"));
            Assert.Equal(["1", "2"], akkaConfig.GetValue("list").GetArray().Take(2).Select(v => v.GetString()));
            Assert.Equal("3", akkaConfig.GetValue("list").GetArray()[2].GetObject().GetKey("x").GetString());
            Assert.Equal("1", akkaConfig.GetString("self-object.x"));
            Assert.Equal("2", akkaConfig.GetString("self-object.y"));
            Assert.Equal("a/b", akkaConfig.GetString("self-string"));
            Assert.Equal("from the environment", akkaConfig.GetString("env-set"));
            Assert.Equal("default", akkaConfig.GetString("env-unset"));
            Assert.False(akkaConfig.HasPath("env-missing"));
            Assert.Equal("hello and 42", akkaConfig.GetString("concat"));
            Assert.Equal("hello", akkaConfig.GetString("copy.name"));
            Assert.True(akkaConfig.GetBoolean("copy.extra"));
            Assert.False(akkaConfig.HasPath("base.extra"));
            Assert.Equal(42, akkaConfig.GetInt("\"/workers\".nr-of-instances"));
            Assert.Equal(["x", "y", "z", "x", "y"], akkaConfig.GetStringList("array-concat"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(set, null);
        }
    }

    [Fact]
    public void What_Akka_s_own_parser_reads_differently_from_the_spec()
    {
        // Strings are trimmed, and the string "null" is null: Akka's getters Trim() and map "null" after
        // unquoting, so neither the original nor the hand-over (nor any rendering) keeps them.
        const string Lossy = """
            padded = "  x  "
            quoted-null = "null"
            """;
        var ours = HoconConfigFactory.ParseString(Lossy);
        Assert.Equal("  x  ", ours.GetString("padded"));
        Assert.Equal("null", ours.GetString("quoted-null"));
        foreach (var akka in new[] { AkkaFactory.ParseString(Lossy), AkkaHandOver.ToAkka(ours) })
        {
            Assert.Equal("x", akka.GetString("padded"));
            Assert.Null(akka.GetString("quoted-null"));
        }

        // `x = ${base}` then `x { b = 2 }`: the spec merges (x = {a = 1, b = 2}); Akka's parser keeps only { b = 2 }.
        const string Merge = "base { a = 1 }\nx = ${base}\nx { b = 2 }";
        Assert.False(AkkaFactory.ParseString(Merge).HasPath("x.a"));
        Assert.Equal("1", AkkaHandOver.ParseString(Merge).GetString("x.a"));
        Assert.Equal("2", AkkaHandOver.ParseString(Merge).GetString("x.b"));

        // A comma after an object field written without = (`a {}, b = 1`) is an unknown token to Akka's parser.
        // Our renderer separates fields by newlines only, so the hand-over reads it.
        Assert.Throws<FormatException>(() => AkkaFactory.ParseString("a {}, b = 1"));
        Assert.Equal("1", AkkaHandOver.ParseString("a {}, b = 1").GetString("b"));

        // yes/no are booleans in the spec (and for our getters); Akka's GetBoolean throws.
        var yes = AkkaHandOver.ParseString("flag = yes");
        Assert.True(HoconConfigFactory.ParseString("flag = yes").GetBoolean("flag"));
        Assert.Throws<NotSupportedException>(() => yes.GetBoolean("flag"));

        // Akka's parser reads `list += 2` as the key "list +" ...
        var plusEquals = AkkaFactory.ParseString("list = [1]\nlist += 2");
        Assert.Equal(["1"], plusEquals.GetStringList("list"));
        Assert.Equal("2", plusEquals.Root.GetObject().Items["list +"].GetString());

        // ... and `${?VAR}` as a substitution of the empty path, the root: the tree contains itself.
        var optional = AkkaFactory.ParseString("a = 1\na = ${?AP_HANDOVER_SURELY_UNSET}");
        Assert.Throws<InvalidOperationException>(() => AkkaTree.Of(optional));

        // A self-reference resolves to the value that holds it: a cycle (walking it overflows the stack).
        var selfReference = AkkaFactory.ParseString("a = [1]\na = ${a} [2]");
        Assert.Throws<InvalidOperationException>(() => AkkaTree.Of(selfReference));
    }

    /// <summary>akka + akka.remote + akka.cluster, parsed by our parser, as Akka's ActorSystem would stack them.</summary>
    internal static HoconConfig MergedReference() =>
        HoconConfigFactory.ParseString(ReferenceText("akka.cluster"), NoEnvironment)
            .WithFallback(HoconConfigFactory.ParseString(ReferenceText("akka.remote"), NoEnvironment))
            .WithFallback(HoconConfigFactory.ParseString(ReferenceText("akka"), NoEnvironment));

    /// <summary>The text of a reference configuration as its assembly embeds it.</summary>
    internal static string ReferenceText(string name)
    {
        var (assembly, resource) = name switch
        {
            "akka" => (typeof(ActorSystem).Assembly, "Akka.Configuration.akka.conf"),
            "akka.remote" => (typeof(Akka.Remote.RemoteSettings).Assembly, "Akka.Remote.Configuration.Remote.conf"),
            "akka.cluster" => (typeof(Akka.Cluster.Cluster).Assembly, "Akka.Cluster.Configuration.Cluster.conf"),
            "lab" => (typeof(SimulationSettings).Assembly, "ActorParallel.lab.conf"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such reference config"),
        };
        Assert.Contains(resource, assembly.GetManifestResourceNames());
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActorParallel.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ActorParallel.sln not found above " + AppContext.BaseDirectory);
    }
}
