using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorParallel.Simulation.Workloads.Heat;

/// <summary>Which halo of the receiving strip a row fills.</summary>
public enum HaloSide
{
    Above,
    Below,
}

/// <summary>
/// A boundary row sent to a neighbouring strip: the sender's row after <see cref="Step"/> steps,
/// filling the receiver's halo on <see cref="Side"/>.
/// </summary>
public sealed record HaloRow(int To, int From, int Step, HaloSide Side, ImmutableArray<double> Cells) : PeerMessage(To);

/// <summary>
/// A strip's state between messages: its local rows (halos included) after <see cref="Step"/> steps and the
/// halos buffered for the current and the next step. Immutable, so it can be handed to another actor.
/// At step 0 <see cref="Cells"/> is empty: the rows are the initial ones, generated again from <see cref="Seed"/>,
/// so the checkpoints a strip takes before it has stepped cost no copy of the rows.
/// </summary>
public sealed record HeatStripCheckpoint(
    int Id,
    int Strips,
    int FirstRow,
    int Rows,
    int Steps,
    double Alpha,
    int N,
    long Seed,
    int Step,
    ImmutableArray<double> Cells,
    ImmutableDictionary<(HaloSide Side, int Step), ImmutableArray<double>> Pending);

/// <summary>
/// A strip's final rows: <see cref="Cells"/> holds its local rows, a halo row either side of its <see cref="Rows"/>
/// owned rows (the halo rows are not part of the answer); <see cref="Owned"/> is the owned part.
/// </summary>
public sealed record HeatStripResult(int StripId, int FirstRow, int Rows, ImmutableArray<double> Cells)
{
    public ReadOnlyMemory<double> Owned => Cells.AsMemory().Slice(Cells.Length / (Rows + 2), Rows * (Cells.Length / (Rows + 2)));
}

/// <summary>
/// One strip of the grid: owns rows [FirstRow, EndRow) and a halo row above and below. After each
/// step it sends its first row up and its last row down; it steps again once both halos of the
/// current step have arrived. A neighbour can be at most one step ahead, so halos are buffered by step.
/// A halo is identified by (step, side), and a side has one source: a second copy (a neighbour that
/// recovered from a failure and re-sent) is ignored, which is safe because the steps are deterministic.
/// </summary>
/// <remarks>
/// The strip owns its rows from the start: it generates its initial rows itself (from the seed, as
/// <see cref="HeatGrid.Initial"/> does), on its first message, so no whole grid is built and cut up first.
/// Overlap: the rows of step s + 1 that need no halo (all but the first and the last) depend only on the strip's own
/// rows at step s, so <see cref="ComputeAhead"/> computes them while the halos of step s are in flight; the step the
/// halos complete computes only its two boundary rows, and the rows sent on leave right after those two. Every row is
/// computed by the same expression from the same inputs as in the serial solver, whatever the order.
/// </remarks>
public sealed class HeatStrip : IPeer
{
    private readonly int _n;
    private readonly int _rows;
    private readonly int _steps;
    private readonly double _alpha;
    private readonly int _strips;
    private readonly long _seed;

    // Halos that arrived for the current or the next step, by (side, step).
    private readonly Dictionary<(HaloSide Side, int Step), ImmutableArray<double>> _pending = [];

    // Local rows 0 (halo above), 1.._rows (owned), _rows + 1 (halo below), row-major; swapped each step.
    // Null until first needed (see Rows), so that the strip's own thread allocates and fills them.
    private double[]? _current;
    private double[]? _next;

    // Rows to start from when the buffers are made (a restored checkpoint's); default: the initial rows.
    private ImmutableArray<double> _restored;

    private int _step;

    // The step s whose successor's interior rows (local 2.._rows - 1) are already in _next; -1 when none are.
    private int _aheadOf = -1;

    /// <summary>A strip of global rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) at step 0 of the grid <see cref="HeatGrid.Initial"/>(<paramref name="n"/>, <paramref name="seed"/>).</summary>
    public HeatStrip(int id, int strips, int firstRow, int endRow, int steps, double alpha, long seed, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstRow, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endRow, n - 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(endRow, firstRow);
        (Id, _strips, FirstRow, _rows, _steps, _alpha, _seed, _n) = (id, strips, firstRow, endRow - firstRow, steps, alpha, seed, n);
    }

    private HeatStrip(HeatStripCheckpoint c)
    {
        (Id, _strips, FirstRow, _rows, _steps, _alpha, _n, _seed, _step) = (c.Id, c.Strips, c.FirstRow, c.Rows, c.Steps, c.Alpha, c.N, c.Seed, c.Step);
        _restored = c.Step == 0 ? default : c.Cells;
        foreach (var (key, cells) in c.Pending)
            _pending[key] = cells;
    }

    public int Id { get; }

    public int FirstRow { get; }

    public int CompletedSteps => _step;

    public bool IsDone => _step == _steps;

    private bool HasAbove => Id > 0;

    private bool HasBelow => Id < _strips - 1;

    /// <summary>The current rows, made on first use: the restored ones, or the initial ones generated from the seed.</summary>
    private double[] Rows
    {
        get
        {
            if (_current is not null)
                return _current;
            var length = (_rows + 2) * _n;
            var current = GC.AllocateUninitializedArray<double>(length);
            if (_restored.IsDefault)
                HeatGrid.InitialRows(_n, _seed, FirstRow - 1, _rows + 2, current);
            else
                _restored.AsSpan().CopyTo(current);

            // Every step writes all owned rows of _next; its halo rows must hold the grid's fixed edges (row 0 or n - 1)
            // where the strip has no neighbour, and are overwritten by Install otherwise.
            var next = GC.AllocateUninitializedArray<double>(length);
            current.AsSpan(0, _n).CopyTo(next);
            current.AsSpan((_rows + 1) * _n, _n).CopyTo(next.AsSpan((_rows + 1) * _n));
            (_current, _next, _restored) = (current, next, default);
            return current;
        }
    }

    /// <summary>Sends the initial boundary rows; a strip without neighbours runs all its steps here.</summary>
    public IReadOnlyList<PeerMessage> Start() => IsDone ? [] : Advance(Outgoing());

    public IReadOnlyList<PeerMessage> Receive(PeerMessage message)
    {
        if (message is not HaloRow halo || halo.To != Id)
            throw new ArgumentException($"strip {Id} cannot handle {message}", nameof(message));
        if (halo.Step < _step || _pending.ContainsKey((halo.Side, halo.Step)))
            return []; // a duplicate, re-sent by a recovered neighbour
        if (halo.Step > _step + 1)
            throw new InvalidOperationException($"strip {Id} at step {_step} got a halo for step {halo.Step} from strip {halo.From}");
        _pending[(halo.Side, halo.Step)] = halo.Cells;
        return Advance([]);
    }

    /// <summary>Computes the interior rows of the next step, which need no halo, unless they are done already.</summary>
    public void ComputeAhead()
    {
        if (IsDone || _aheadOf == _step)
            return;
        StepRows(2, _rows - 1);
        _aheadOf = _step;
    }

    /// <summary>
    /// The strip's rows. Once it is done they never change again, so the result wraps them without a copy
    /// (before that, a copy).
    /// </summary>
    public object Result()
    {
        var rows = IsDone ? Rows : (double[])Rows.Clone();
        return new HeatStripResult(Id, FirstRow, _rows, ImmutableCollectionsMarshal.AsImmutableArray(rows));
    }

    public object Checkpoint() => new HeatStripCheckpoint(
        Id, _strips, FirstRow, _rows, _steps, _alpha, _n, _seed, _step, _step == 0 ? [] : Copy(Rows), _pending.ToImmutableDictionary());

    public static HeatStrip Restore(HeatStripCheckpoint checkpoint) => new(checkpoint ?? throw new ArgumentNullException(nameof(checkpoint)));

    private static ImmutableArray<double> Copy(double[] rows)
    {
        var copy = GC.AllocateUninitializedArray<double>(rows.Length);
        rows.AsSpan().CopyTo(copy);
        return ImmutableCollectionsMarshal.AsImmutableArray(copy);
    }

    private List<PeerMessage> Advance(List<PeerMessage> outgoing)
    {
        while (!IsDone && Ready(HaloSide.Above) && Ready(HaloSide.Below))
        {
            Install(HaloSide.Above, 0);
            Install(HaloSide.Below, _rows + 1);
            Step();
            if (!IsDone)
                outgoing.AddRange(Outgoing());
        }

        return outgoing;
    }

    private bool Ready(HaloSide side) => (side == HaloSide.Above ? !HasAbove : !HasBelow) || _pending.ContainsKey((side, _step));

    private void Install(HaloSide side, int localRow)
    {
        if (_pending.Remove((side, _step), out var cells))
            cells.AsSpan().CopyTo(Rows.AsSpan(localRow * _n, _n));
    }

    private void Step()
    {
        ComputeAhead();
        StepRows(1, 1);
        StepRows(Math.Max(_rows, 2), _rows);

        // Halo rows are not computed here; the swap leaves stale ones that Install overwrites before the next step.
        (_current, _next) = (_next, _current);
        _step++;
    }

    /// <summary>
    /// Computes local rows [first, last] of the next step into _next. Compiled optimised at once: the strips call it a
    /// few thousand times per job, so the tiered JIT would otherwise replace it during the job, passing through a
    /// profiling version (the row loop inlined with counters) that ran the interior rows 3-5 times slower, while its
    /// background thread took 60-120 ms of the job's 2 cores (threads' schedstat).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StepRows(int first, int last)
    {
        var (current, next) = (Rows, _next!);
        for (var r = first; r <= last; r++)
            HeatGrid.StepRow(current.AsSpan((r - 1) * _n, _n), current.AsSpan(r * _n, _n), current.AsSpan((r + 1) * _n, _n), next.AsSpan(r * _n, _n), _alpha);
    }

    private List<PeerMessage> Outgoing()
    {
        var messages = new List<PeerMessage>(2);
        if (HasAbove)
            messages.Add(new HaloRow(Id - 1, Id, _step, HaloSide.Below, Row(1)));
        if (HasBelow)
            messages.Add(new HaloRow(Id + 1, Id, _step, HaloSide.Above, Row(_rows)));
        return messages;
    }

    private ImmutableArray<double> Row(int localRow) => ImmutableCollectionsMarshal.AsImmutableArray(Rows.AsSpan(localRow * _n, _n).ToArray());
}
