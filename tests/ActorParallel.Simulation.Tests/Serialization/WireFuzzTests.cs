using System.Runtime.Serialization;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Serialization;
using Akka.Configuration;
using FsCheck;
using FsCheck.Fluent;
using Config = FsCheck.Config;

namespace ActorParallel.Simulation.Tests.Serialization;

/// <summary>
/// Whatever the bytes and the manifest, reading ends in a value or a <see cref="SerializationException"/>: never
/// another exception, a huge allocation or a hang (properties over random, truncated and mutated messages, bounded).
/// A value that is read can be written again.
/// </summary>
public sealed class WireFuzzTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly LabSerializer _ours;

    public WireFuzzTests()
        : base(LabSerialization.AkkaConfig().WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING")), "wire-fuzz")
    {
        _ours = (LabSerializer)Sys.Serialization.FindSerializerForType(typeof(TaskBatch));
    }

    /// <summary>
    /// The most a byte of input may cost in memory when read: an item of a few bytes becomes an object or a struct
    /// of a few dozen (a task record is 40 bytes from at least 5). The slack pays for exception messages.
    /// </summary>
    private const int BytesPerInputByte = 64;

    private const int AllocationSlack = 64 * 1024;

    private static string[] Manifests => [.. LabWire.Default.Types.Keys, "", "nope", "batch ", "BATCH"];

    [Fact]
    public void Every_proper_prefix_of_every_sample_is_refused_as_truncated()
    {
        foreach (var sample in WireSamples.All)
        {
            var manifest = _ours.Manifest(sample);
            var bytes = _ours.ToBinary(sample);
            for (var length = 0; length < bytes.Length; length++)
            {
                var e = Assert.Throws<SerializationException>(() => _ours.FromBinary(bytes[..length], manifest));
                Assert.Contains($"'{manifest}'", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Random_bytes_under_any_manifest_only_raise_serialization_exceptions()
    {
        var bytes = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();
        var gen = Gen.Elements(Manifests).Zip(bytes);
        Prop.ForAll(Arb.From(gen), input => ReadsOrRefuses(input.Item2, input.Item1))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void Mutated_samples_only_raise_serialization_exceptions()
    {
        var samples = WireSamples.All.Select(s => (Manifest: _ours.Manifest(s), Bytes: _ours.ToBinary(s))).ToArray();
        var mutation = from kind in Gen.Choose(0, 4) from at in Gen.Choose(0, int.MaxValue) from value in Gen.Choose(0, 255) select (kind, at, value);
        var gen = Gen.Choose(0, samples.Length - 1).Zip(mutation.ListOf().Select(m => m.Take(6).ToArray()));
        Prop.ForAll(Arb.From(gen), input =>
            {
                var (manifest, original) = samples[input.Item1];
                var bytes = input.Item2.Aggregate(original, Mutate);
                return ReadsOrRefuses(bytes, manifest);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    /// <summary>A byte replaced, set to a varint continuation, inserted, deleted, or the tail cut.</summary>
    private static byte[] Mutate(byte[] bytes, (int Kind, int Where, int Value) m)
    {
        if (bytes.Length == 0)
            return [(byte)m.Value];
        var at = m.Where % bytes.Length;
        var copy = bytes.ToList();
        switch (m.Kind)
        {
            case 0:
                copy[at] = (byte)m.Value;
                break;
            case 1:
                copy[at] = (byte)(copy[at] | 0x80);
                break;
            case 2:
                copy.Insert(at, (byte)m.Value);
                break;
            case 3:
                copy.RemoveAt(at);
                break;
            default:
                copy.RemoveRange(at, copy.Count - at);
                break;
        }

        return [.. copy];
    }

    /// <summary>
    /// Reads or refuses with a <see cref="SerializationException"/> (another exception fails the property, naming the
    /// input), allocating in proportion to the bytes given, never from a length it has not checked. What was
    /// accepted can be sent on.
    /// </summary>
    private bool ReadsOrRefuses(byte[] bytes, string manifest)
    {
        object? value = null;
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            value = _ours.FromBinary(bytes, manifest);
        }
        catch (SerializationException)
        {
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= AllocationSlack + (BytesPerInputByte * bytes.Length), $"reading {bytes.Length} bytes as '{manifest}' allocated {allocated} bytes");
        if (value is not null)
            _ours.ToBinary(value);
        return true;
    }
}
