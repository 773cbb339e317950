using System.Collections.Immutable;
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

/// <summary>A strip's final rows.</summary>
public sealed record HeatStripResult(int StripId, int FirstRow, ImmutableArray<double> Cells);

/// <summary>
/// One strip of the grid: owns rows [FirstRow, EndRow) and a halo row above and below. After each
/// step it sends its first row up and its last row down; it steps again once both halos of the
/// current step have arrived. A neighbour can be at most one step ahead, so halos are buffered by step.
/// </summary>
public sealed class HeatStrip : IPeer
{
    private readonly int _n;
    private readonly int _rows;
    private readonly int _steps;
    private readonly double _alpha;
    private readonly int _strips;

    // Local rows 0 (halo above), 1.._rows (owned), _rows + 1 (halo below), row-major; swapped each step.
    private double[] _current;
    private double[] _next;

    // Halos that arrived for the current or the next step, by (side, step).
    private readonly Dictionary<(HaloSide Side, int Step), ImmutableArray<double>> _pending = [];

    private int _step;

    public HeatStrip(int id, int strips, int firstRow, int endRow, int steps, double alpha, double[] initialGrid, int n)
    {
        ArgumentNullException.ThrowIfNull(initialGrid);
        (Id, _strips, FirstRow, _rows, _steps, _alpha, _n) = (id, strips, firstRow, endRow - firstRow, steps, alpha, n);
        _current = initialGrid.AsSpan((firstRow - 1) * n, (_rows + 2) * n).ToArray();
        _next = (double[])_current.Clone();
    }

    public int Id { get; }

    public int FirstRow { get; }

    public int CompletedSteps => _step;

    public bool IsDone => _step == _steps;

    private bool HasAbove => Id > 0;

    private bool HasBelow => Id < _strips - 1;

    /// <summary>Sends the initial boundary rows; a strip without neighbours runs all its steps here.</summary>
    public IReadOnlyList<PeerMessage> Start() => IsDone ? [] : Advance(Outgoing());

    public IReadOnlyList<PeerMessage> Receive(PeerMessage message)
    {
        if (message is not HaloRow halo || halo.To != Id)
            throw new ArgumentException($"strip {Id} cannot handle {message}", nameof(message));
        if (halo.Step < _step || halo.Step > _step + 1)
            throw new InvalidOperationException($"strip {Id} at step {_step} got a halo for step {halo.Step} from strip {halo.From}");
        _pending[(halo.Side, halo.Step)] = halo.Cells;
        return Advance([]);
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

    public object Result() => new HeatStripResult(Id, FirstRow, ImmutableCollectionsMarshal.AsImmutableArray(_current.AsSpan(_n, _rows * _n).ToArray()));

    private bool Ready(HaloSide side) => (side == HaloSide.Above ? !HasAbove : !HasBelow) || _pending.ContainsKey((side, _step));

    private void Install(HaloSide side, int localRow)
    {
        if (_pending.Remove((side, _step), out var cells))
            cells.AsSpan().CopyTo(_current.AsSpan(localRow * _n, _n));
    }

    private void Step()
    {
        for (var r = 1; r <= _rows; r++)
        {
            HeatGrid.StepRow(_current.AsSpan((r - 1) * _n, _n), _current.AsSpan(r * _n, _n), _current.AsSpan((r + 1) * _n, _n), _next.AsSpan(r * _n, _n), _alpha);
        }

        // Halo rows are not computed here; the swap leaves stale ones that Install overwrites before the next step.
        (_current, _next) = (_next, _current);
        _step++;
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

    private ImmutableArray<double> Row(int localRow) => ImmutableCollectionsMarshal.AsImmutableArray(_current.AsSpan(localRow * _n, _n).ToArray());
}
