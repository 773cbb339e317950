using ActorParallel.Simulation.Serialization;

namespace ActorParallel.Simulation.Workloads.Io;

/// <summary>Requests [FirstRequest, EndRequest), each waiting LatencyMs of simulated I/O.</summary>
public sealed record IoTask(long Seed, long FirstRequest, long EndRequest, int LatencyMs);

/// <summary>
/// Simulated I/O: each request waits (await Task.Delay) and then yields a checksum. Waiting tasks use no
/// core, so throughput can exceed the core count when many requests are in flight.
/// </summary>
public sealed class IoWorkload : Workload<IoTask, ulong, ulong>, IWireTypes
{
    public override string Name => "io";

    public override string Description => "Simulated I/O (await Task.Delay per request): concurrency beyond the core count";

    public override long DefaultSize => 48;

    public override int DefaultTasks => 48;

    public override string SizeUnit => "requests";

    public override IReadOnlyList<WorkloadOption> Options { get; } = [new("latency-ms", "20", "simulated latency per request")];

    public override void Validate(WorkloadParameters parameters)
    {
        base.Validate(parameters);
        if (parameters.GetInt("latency-ms", 20) is < 0 or > 60_000)
            throw new WorkloadParameterException("io: latency-ms must be between 0 and 60000");
    }

    protected override IEnumerable<IoTask> Split(WorkloadParameters p) =>
        Range64.Split(p.Size, p.Tasks).Select(r => new IoTask(p.Seed, r.Start, r.End, p.GetInt("latency-ms", 20)));

    /// <summary>The blocking variant (serial reference and TPL): the thread sleeps through the latency.</summary>
    protected override ulong Execute(IoTask t)
    {
        var sum = 0UL;
        for (var r = t.FirstRequest; r < t.EndRequest; r++)
        {
            Thread.Sleep(t.LatencyMs);
            sum = unchecked(sum + Response(t.Seed, r));
        }

        return sum;
    }

    protected override async ValueTask<ulong> ExecuteAsync(IoTask t, CancellationToken cancellationToken)
    {
        var sum = 0UL;
        for (var r = t.FirstRequest; r < t.EndRequest; r++)
        {
            await Task.Delay(t.LatencyMs, cancellationToken).ConfigureAwait(false);
            sum = unchecked(sum + Response(t.Seed, r));
        }

        return sum;
    }

    protected override ulong Combine(WorkloadParameters p, IReadOnlyList<ulong> outputs) =>
        outputs.Aggregate(0UL, (a, b) => unchecked(a + b));

    protected override ulong Serial(WorkloadParameters p) => Execute(new IoTask(p.Seed, 0, p.Size, p.GetInt("latency-ms", 20)));

    protected override string Describe(ulong answer) => $"checksum {answer:X16}";

    /// <summary>The task travels between nodes; output and answer (ulong) are primitives the lab already knows.</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("io.task", static (w, t) =>
        {
            w.WriteInt64(t.Seed);
            w.WriteInt64(t.FirstRequest);
            w.WriteInt64(t.EndRequest);
            w.WriteInt32(t.LatencyMs);
        }, static (ref WireReader r) => new IoTask(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32()));

    private static ulong Response(long seed, long request) => SplitMix64.ForStream(seed, request).NextUInt64();
}
