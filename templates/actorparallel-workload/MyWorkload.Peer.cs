using System.Collections.Immutable;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;

namespace MyWorkloadLab;

/// <summary>A peer's edge cell after <see cref="Step"/> steps, for its neighbour's halo; <see cref="FromLeft"/>: the sender is the receiver's left neighbour.</summary>
public sealed record EdgeCell(int To, int Step, bool FromLeft, long Value) : PeerMessage(To);

/// <summary>The cells of the ring after the last step. Compared by content.</summary>
public sealed record Ring(ImmutableArray<long> Cells)
{
    public bool Equals(Ring? other) => other is not null && Cells.AsSpan().SequenceEqual(other.Cells.AsSpan());

    public override int GetHashCode() => Cells.Length;
}

/// <summary>
/// A sample peer workload to replace with your own: a ring of N integer cells smoothed for a number of steps, each cell
/// becoming (left + 2 x itself + right) mod a prime. Each peer owns a segment of the ring and, every step, trades its
/// two edge cells with its neighbours (a halo exchange, as heat does); integers keep it exact for any peer count.
/// </summary>
public sealed class MyWorkload : IPeerWorkload, IWireTypes
{
    public const long Modulus = 1_000_000_007;

    public string Name => "my-workload";

    public string Description => "A ring of cells smoothed step by step; peers trade edge cells (sample peer workload)";

    public WorkloadTopology Topology => WorkloadTopology.Custom;

    public long DefaultSize => 2_000_000;

    public int DefaultTasks => 4;

    public string SizeUnit => "cells; tasks = peers";

    public IReadOnlyList<WorkloadOption> Options { get; } =
    [
        new("steps", "100", "smoothing steps"),
        new("checkpoint-every", "20", "steps between a peer's checkpoints (a failed peer redoes at most this many)"),
    ];

    public void Validate(WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Tasks < 1 || parameters.Size < parameters.Tasks)
            throw new WorkloadParameterException($"{Name}: needs 1 <= tasks (peers) <= size (cells); got {parameters.Tasks} peers for {parameters.Size} cells");
        if (parameters.Size > int.MaxValue)
            throw new WorkloadParameterException($"{Name}: size must be at most {int.MaxValue}; got {parameters.Size}");
        if (Steps(parameters) < 0 || CheckpointInterval(parameters) < 1)
            throw new WorkloadParameterException($"{Name}: steps must be at least 0 and checkpoint-every at least 1");
        foreach (var key in parameters.Options.Keys.Where(k => !Options.Any(o => o.Name.Equals(k, StringComparison.OrdinalIgnoreCase))))
            throw new WorkloadParameterException($"{Name}: unknown option '{key}'; allowed: checkpoint-every, steps");
    }

    /// <summary>The reference: the whole ring in one array, written as simply as possible.</summary>
    public object RunSerial(WorkloadParameters parameters, CancellationToken cancellationToken = default)
    {
        Validate(parameters);
        var n = (int)parameters.Size;
        var cells = Initial(parameters.Seed, 0, n);
        for (var step = 0; step < Steps(parameters); step++)
        {
            var next = new long[n];
            for (var i = 0; i < n; i++)
                next[i] = Smooth(cells[(i + n - 1) % n], cells[i], cells[(i + 1) % n]);
            cells = next;
        }

        return new Ring([.. cells]);
    }

    public object RunTpl(WorkloadParameters parameters, int workers, CancellationToken cancellationToken = default)
    {
        Validate(parameters);
        var n = (int)parameters.Size;
        var (cells, next) = (Initial(parameters.Seed, 0, n), new long[n]);
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        for (var step = 0; step < Steps(parameters); step++)
        {
            var (from, to) = (cells, next);
            Parallel.ForEach(Range64.Split(n, workers), options, r =>
            {
                for (var i = (int)r.Start; i < r.End; i++)
                    to[i] = Smooth(from[(i + n - 1) % n], from[i], from[(i + 1) % n]);
            });
            (cells, next) = (next, cells);
        }

        return new Ring([.. cells]);
    }

    public IReadOnlyList<IPeer> CreatePeers(WorkloadParameters parameters)
    {
        Validate(parameters);
        return [.. Range64.Split(parameters.Size, parameters.Tasks).Select((r, i) =>
            new RingPeer(i, parameters.Tasks, Steps(parameters), Initial(parameters.Seed, r.Start, (int)r.Length), 0, []))];
    }

    /// <summary>The peers' segments (each a <see cref="Ring"/> of its own cells), in peer-id order, are the ring.</summary>
    public object Assemble(WorkloadParameters parameters, IReadOnlyList<object> results) =>
        new Ring([.. results.SelectMany(r => ((Ring)r).Cells)]);

    public CheckResult Check(object expected, object actual) =>
        Equals(expected, actual) ? CheckResult.Pass() : CheckResult.Fail($"expected {Describe(expected)}, got {Describe(actual)}");

    public string Describe(object answer) => answer is Ring ring
        ? $"{ring.Cells.Length} cells, checksum {ring.Cells.Aggregate(0L, (sum, c) => (sum + c) % Modulus)}"
        : answer?.ToString() ?? "";

    public long EstimateBytes(PeerMessage message) => 24;

    public int CheckpointInterval(WorkloadParameters parameters) => parameters?.GetInt("checkpoint-every", 20) ?? 20;

    public IPeer Restore(object checkpoint)
    {
        var c = (RingPeerCheckpoint)checkpoint;
        return new RingPeer(c.Id, c.Peers, c.Steps, [.. c.Cells], c.Step, c.Buffered);
    }

    /// <summary>The message between peers and the answer travel between nodes (for a lab that runs peers on a cluster).</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("my-workload.edge", static (w, e) =>
        {
            w.WriteInt32(e.To);
            w.WriteInt32(e.Step);
            w.WriteBool(e.FromLeft);
            w.WriteInt64(e.Value);
        }, static (ref WireReader r) => new EdgeCell(r.ReadInt32(), r.ReadInt32(), r.ReadBool(), r.ReadInt64()))
        .Add("my-workload.ring", static (w, ring) => w.WriteArray(ring.Cells.AsSpan(), static (w, c) => w.WriteInt64(c)),
            static (ref WireReader r) => new Ring(r.ReadImmutableArray(static (ref WireReader r) => r.ReadInt64())));

    internal static long Smooth(long left, long self, long right) => (left + (2 * self) + right) % Modulus;

    private static long[] Initial(int seed, long first, int count)
    {
        var cells = new long[count];
        for (var i = 0; i < count; i++)
            cells[i] = (((first + i) * 2_654_435_761L) + seed) % Modulus;
        return cells;
    }

    private static int Steps(WorkloadParameters p) => p.GetInt("steps", 100);
}

/// <summary>A peer's whole state between two messages, immutable: what <see cref="MyWorkload.Restore"/> rebuilds it from.</summary>
public sealed record RingPeerCheckpoint(int Id, int Peers, int Steps, ImmutableArray<long> Cells, int Step, ImmutableArray<EdgeCell> Buffered);

/// <summary>
/// One segment of the ring, a pure state machine: after each step it sends its first cell to its left neighbour and
/// its last cell to its right neighbour, and it computes the next step once both neighbours' edges of this step have
/// arrived (a neighbour may be one step ahead, so edges are kept by step).
/// </summary>
public sealed class RingPeer : IPeer
{
    private readonly int _peers;
    private readonly int _steps;
    private readonly List<EdgeCell> _buffered;
    private long[] _cells;

    public RingPeer(int id, int peers, int steps, long[] cells, int step, IEnumerable<EdgeCell> buffered)
    {
        (Id, _peers, _steps, _cells, CompletedSteps, _buffered) = (id, peers, steps, cells, step, [.. buffered]);
    }

    public int Id { get; }

    public int CompletedSteps { get; private set; }

    public bool IsDone => CompletedSteps >= _steps;

    public IReadOnlyList<PeerMessage> Start()
    {
        if (_peers == 1)
        {
            // Alone on the ring: its own neighbour on both sides.
            while (!IsDone)
                Advance(_cells[^1], _cells[0]);
            return [];
        }

        return IsDone ? [] : Edges();
    }

    public IReadOnlyList<PeerMessage> Receive(PeerMessage message)
    {
        _buffered.Add((EdgeCell)message);
        var sent = new List<PeerMessage>();
        while (!IsDone
            && _buffered.Find(e => e.Step == CompletedSteps && e.FromLeft) is { } left
            && _buffered.Find(e => e.Step == CompletedSteps && !e.FromLeft) is { } right)
        {
            _buffered.Remove(left);
            _buffered.Remove(right);
            Advance(left.Value, right.Value);
            if (!IsDone)
                sent.AddRange(Edges());
        }

        return sent;
    }

    /// <summary>Its segment, as a registered type: on a cluster a peer's result travels from its node to the driver.</summary>
    public object Result() => new Ring(ImmutableArray.Create(_cells));

    public object Checkpoint() => new RingPeerCheckpoint(Id, _peers, _steps, [.. _cells], CompletedSteps, [.. _buffered]);

    private PeerMessage[] Edges() =>
    [
        new EdgeCell((Id + _peers - 1) % _peers, CompletedSteps, FromLeft: false, _cells[0]),
        new EdgeCell((Id + 1) % _peers, CompletedSteps, FromLeft: true, _cells[^1]),
    ];

    private void Advance(long leftHalo, long rightHalo)
    {
        var n = _cells.Length;
        var next = new long[n];
        for (var i = 0; i < n; i++)
            next[i] = MyWorkload.Smooth(i == 0 ? leftHalo : _cells[i - 1], _cells[i], i == n - 1 ? rightHalo : _cells[i + 1]);
        _cells = next;
        CompletedSteps++;
    }
}
