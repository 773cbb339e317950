using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Pi;

namespace ActorParallel.Simulation.Tests.Serialization;

/// <summary>Registration mistakes are caught when the registry is built, naming the type and the manifest.</summary>
public sealed class WireRegistryTests
{
    [Fact]
    public void A_manifest_used_twice_is_refused_naming_both_types()
    {
        var e = Assert.Throws<ArgumentException>(() => LabWire.Create(WorkloadRegistry.Default, wire => wire.Add(
            "pi.task", static (w, v) => w.WriteInt32(v.Value), static (ref WireReader r) => new Thing(r.ReadInt32()))));
        Assert.Contains(nameof(PiTask), e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Thing), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_registered_twice_is_refused_naming_both_manifests()
    {
        var e = Assert.Throws<ArgumentException>(() => LabWire.Create(WorkloadRegistry.Default, wire => wire.Add(
            "pi.task2", static (w, t) => w.WriteInt64(t.Seed), static (ref WireReader r) => new PiTask(r.ReadInt64(), 0, 0, 0))));
        Assert.Contains("'pi.task'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'pi.task2'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("naïve")]
    [InlineData("a.manifest.far.too.long.to.send")]
    public void A_manifest_that_is_not_short_printable_ascii_is_refused(string manifest)
    {
        var builder = new WireRegistry.Builder();
        Assert.Throws<ArgumentException>(() => builder.Add(manifest, static (w, v) => w.WriteInt32(v.Value), static (ref WireReader r) => new Thing(r.ReadInt32())));
    }

    [Fact]
    public void Only_concrete_types_are_registered()
    {
        var builder = new WireRegistry.Builder();
        // Values are looked up by their exact type: a base type would never match one.
        Assert.Throws<ArgumentException>(() => builder.Add<MetricsEvent>(
            "m.any", static (w, e) => w.WriteTimeSpan(e.At), static (ref WireReader r) => new JobFinished(r.ReadTimeSpan(), true)));
    }

    [Fact]
    public void Message_types_leave_out_what_travels_only_inside_messages()
    {
        var types = LabWire.Default.MessageTypes;
        Assert.Contains(typeof(PiTask), types);
        Assert.DoesNotContain(typeof(long), types);
        Assert.DoesNotContain(typeof(System.Collections.Immutable.ImmutableArray<int>), types);
    }

    private sealed record Thing(int Value);
}
