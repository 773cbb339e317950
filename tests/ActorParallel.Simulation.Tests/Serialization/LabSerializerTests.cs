using System.Runtime.Serialization;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Pi;
using ActorParallel.Simulation.Workloads.Primes;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using Akka.Util;

namespace ActorParallel.Simulation.Tests.Serialization;

/// <summary>
/// Every registered type through Akka's own serialization API, in an actor system configured with
/// hocon/reference/serialization.conf: the serializer Akka picks is ours and the value comes back equal. Unregistered
/// types are refused by Akka's settings and by ours, and JSON is refused on arrival.
/// </summary>
public sealed class LabSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    public LabSerializerTests()
        : base(LabSerialization.AkkaConfig().WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING")), "wire")
    {
    }

    public static TheoryData<int> Samples() => [.. Enumerable.Range(0, WireSamples.All.Count)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_registered_value_round_trips_through_akka_with_our_serializer(int sample)
    {
        var value = WireSamples.WithRefs(WireSamples.All[sample], TestActor);
        // Primitives and mandelbrot's rows are bound to nothing on their own: they travel as payloads.
        var message = LabWire.Default.MessageTypes.Contains(value.GetType()) ? value : new TaskResult(sample, value);

        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<LabSerializer>(serializer);
        Assert.Equal(LabSerializer.Id, serializer.Identifier);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var bytes = serializer.ToBinary(message);
        var back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, manifest);
        Deep.AssertEqual(message, back);
    }

    [Fact]
    public void Every_registered_type_has_a_sample()
    {
        var sampled = WireSamples.All.Select(v => v.GetType()).ToHashSet();
        var missing = LabWire.Default.Types.Where(t => !sampled.Contains(t.Value)).Select(t => t.Key);
        Assert.Empty(missing);
    }

    [Fact]
    public void The_conf_binds_every_registered_type_outside_System_to_our_serializer_and_nothing_else()
    {
        var bindings = LabSerialization.AkkaConfig().GetConfig("akka.actor.serialization-bindings").AsEnumerable()
            .ToDictionary(b => b.Key, b => b.Value.GetString(), StringComparer.Ordinal);
        var bound = bindings.Select(b => Type.GetType(b.Key) ?? throw new InvalidOperationException($"binding '{b.Key}' names no type")).ToHashSet();
        Assert.All(bindings.Values, alias => Assert.Equal("actorparallel", alias));
        foreach (var type in LabWire.Default.MessageTypes)
            Assert.True(bound.Contains(type), $"{type.FullName} is registered but not bound: add \"{type.FullName}, ActorParallel.Simulation\" = actorparallel to hocon/reference/serialization.conf");
        foreach (var type in bound)
            Assert.True(LabWire.Default.Find(type) is not null, $"{type.FullName} is bound in serialization.conf but not registered with the lab serializer");
    }

    [Fact]
    public void The_system_runs_our_serializer_under_its_id_and_refuses_to_fall_back()
    {
        Assert.Equal(LabSerializer.Id, Sys.Serialization.FindSerializerForType(typeof(TaskBatch)).Identifier);
        var json = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize([], NoJsonSerializer.JsonId, "x"));
        Assert.Contains("refused a JSON payload", json.Message, StringComparison.Ordinal);
        Assert.False(Sys.Settings.Config.GetBoolean("akka.actor.serialization-settings.allow-unregistered-types", true));
    }

    [Fact]
    public void Akka_refuses_to_serialize_an_unregistered_type()
    {
        var e = Assert.Throws<SerializationException>(() => Sys.Serialization.FindSerializerFor(new NotRegistered(1)));
        Assert.Contains(nameof(NotRegistered), e.Message, StringComparison.Ordinal);
        Assert.Throws<SerializationException>(() => Sys.Serialization.Serialize(new NotRegistered(1)));
    }

    [Fact]
    public void Our_serializer_refuses_an_unregistered_type_anywhere_in_a_message()
    {
        var ours = Ours();
        var top = Assert.Throws<SerializationException>(() => ours.ToBinary(new NotRegistered(1)));
        Assert.Contains(typeof(NotRegistered).FullName!, top.Message, StringComparison.Ordinal);
        Assert.Throws<SerializationException>(() => ours.Manifest(new NotRegistered(1)));
        var nested = Assert.Throws<SerializationException>(() => ours.ToBinary(new TaskResult(1, new NotRegistered(1))));
        Assert.Contains(typeof(NotRegistered).FullName!, nested.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_naming_it()
    {
        var e = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize([1, 2, 3], LabSerializer.Id, "halo"));
        Assert.Contains("'halo'", e.Message, StringComparison.Ordinal);

        // The same through the Type overload Akka uses for old-style manifests.
        Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize([1, 2, 3], LabSerializer.Id, typeof(NotRegistered)));
    }

    [Fact]
    public void A_payload_of_an_unknown_manifest_is_refused_naming_it()
    {
        // A task (id 1) whose payload claims to be a "halo.row", which this node does not know.
        byte[] bytes = [2, 1, 9, .. "halo.row"u8, 1, 0];
        var e = Assert.Throws<SerializationException>(() => Ours().FromBinary(bytes, "task"));
        Assert.Contains("'halo.row'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'task'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_payload_is_refused_on_arrival_whatever_type_it_names()
    {
        var json = new NewtonSoftJsonSerializer((ExtendedActorSystem)Sys);
        var bytes = json.ToBinary(new NotRegistered(5));
        var manifest = typeof(NotRegistered).TypeQualifiedName();
        var e = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes, NoJsonSerializer.JsonId, manifest));
        Assert.Contains("refused a JSON payload", e.Message, StringComparison.Ordinal);
        Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes, NoJsonSerializer.JsonId, typeof(NotRegistered)));
    }

    [Fact]
    public void A_count_larger_than_the_bytes_left_is_refused_before_allocating()
    {
        // A batch claiming 2^31 - 1 tasks in a few bytes.
        byte[] bytes = [0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0];
        var e = Assert.Throws<SerializationException>(() => Ours().FromBinary(bytes, "batch"));
        Assert.Contains("count 2147483647", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_both_ways()
    {
        object payload = new PiTask(1, 0, 1, 1);
        for (var i = 0; i < WireWriter.MaxDepth + 1; i++)
            payload = new WorkTask(i, payload);
        Assert.Throws<SerializationException>(() => Ours().ToBinary(payload));

        // Hand-made bytes: a task whose payload is a task whose payload is ... 1000 deep, never a stack overflow.
        byte[] inner = [0, 0];
        for (var i = 0; i < 1000; i++)
            inner = [0, 1, 5, .. "task"u8, .. Varint(inner.Length), .. inner];
        var e = Assert.Throws<SerializationException>(() => Ours().FromBinary(inner, "task"));
        Assert.Contains("nest deeper", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_payload_types_are_named_once_per_message()
    {
        var one = Ours().ToBinary(new TaskBatch(0, 0, [new(0, new PiTask(42, 0, 1, 4096))], [0]));
        var two = Ours().ToBinary(new TaskBatch(0, 0, [new(0, new PiTask(42, 0, 1, 4096)), new(1, new PiTask(42, 1, 2, 4096))], [0, 0]));
        Assert.True(two.Length - one.Length < 12, $"a second pi task cost {two.Length - one.Length} bytes");
    }

    [Fact]
    public void Bytes_after_the_last_field_are_refused()
    {
        var bytes = Ours().ToBinary(new PrimesTask(1, 2));
        Assert.Throws<SerializationException>(() => Ours().FromBinary([.. bytes, 0], "primes.task"));
    }

    private LabSerializer Ours() => (LabSerializer)Sys.Serialization.FindSerializerForType(typeof(TaskBatch));

    private static byte[] Varint(int value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private sealed record NotRegistered(int Value);
}
