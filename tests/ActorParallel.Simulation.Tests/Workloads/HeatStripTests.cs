using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Heat;

namespace ActorParallel.Simulation.Tests.Workloads;

/// <summary>
/// The strips' own rows (made from the seed), computing ahead while halos travel, the zero-copy checkpoint before the
/// first step and the grid assembled from the strips' rows: none of them changes a cell of the answer.
/// </summary>
public sealed class HeatStripTests
{
    private static readonly IPeerWorkload Heat = (IPeerWorkload)WorkloadRegistry.Default.Get("heat");

    [Theory]
    [InlineData(3, 0, 3)]
    [InlineData(9, 0, 9)]
    [InlineData(9, 4, 5)]
    [InlineData(9, 8, 1)]
    public void Initial_rows_are_the_rows_of_the_initial_grid(int n, int first, int count)
    {
        var grid = HeatGrid.Initial(n, 42);
        var rows = new double[count * n];
        HeatGrid.InitialRows(n, 42, first, count, rows);
        Assert.Equal(grid.AsSpan(first * n, count * n).ToArray(), rows);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    [InlineData(6, true)]
    public void Computing_ahead_any_number_of_times_at_any_point_gives_the_serial_grid(int strips, bool lifo)
    {
        // Computing ahead never, once or twice per message, in FIFO or LIFO order (neighbours a step apart).
        var p = new WorkloadParameters(17, strips).With("steps", "11");
        var peers = Heat.CreatePeers(p);
        var pending = new List<PeerMessage>();
        var turn = 0;
        foreach (var peer in peers)
        {
            pending.AddRange(peer.Start());
            Ahead(peer, turn++);
        }

        while (pending.Count > 0)
        {
            var i = lifo ? pending.Count - 1 : 0;
            var m = pending[i];
            pending.RemoveAt(i);
            pending.AddRange(peers[m.To].Receive(m));
            Ahead(peers[m.To], turn++);
        }

        Assert.All(peers, x => Assert.True(x.IsDone));
        Assert.Equal(Heat.RunSerial(p), Heat.Assemble(p, [.. peers.Select(x => x.Result())]));

        static void Ahead(IPeer peer, int turn)
        {
            for (var k = 0; k < turn % 3; k++)
                peer.ComputeAhead();
        }
    }

    [Fact]
    public void A_checkpoint_before_the_first_step_copies_no_rows_and_a_strip_restored_from_it_carries_on_exactly()
    {
        var p = new WorkloadParameters(12, 3).With("steps", "5");
        var peers = Heat.CreatePeers(p).ToArray();
        var queue = new Queue<PeerMessage>(peers.SelectMany(x => x.Start()));
        peers[1].ComputeAhead();
        var early = (HeatStripCheckpoint)peers[1].Checkpoint();
        Assert.Equal(0, early.Step);
        Assert.True(early.Cells.IsEmpty);

        // Strip 1 "fails" before its first step: a fresh one from the checkpoint sends its rows again (duplicates to the
        // neighbours) and goes on from the same messages.
        peers[1] = Heat.Restore(early);
        foreach (var m in peers[1].Start())
            queue.Enqueue(m);
        while (queue.TryDequeue(out var m))
        {
            foreach (var reply in peers[m.To].Receive(m))
                queue.Enqueue(reply);
        }

        Assert.Equal(Heat.RunSerial(p), Heat.Assemble(p, [.. peers.Select(x => x.Result())]));
        var late = (HeatStripCheckpoint)peers[1].Checkpoint();
        Assert.Equal(5, late.Step);
        Assert.Equal(((HeatStripResult)peers[1].Result()).Cells.Length, late.Cells.Length);
    }

    [Fact]
    public void A_finished_strip_hands_over_its_rows_and_the_grid_references_them()
    {
        var p = new WorkloadParameters(10, 2).With("steps", "3");
        var results = (HeatGrid)PeerDriver.RunSequential(Heat, p);
        var serial = (HeatGrid)Heat.RunSerial(p);
        Assert.Equal(serial, results);
        Assert.Single(serial.Blocks);
        Assert.Equal(4, results.Blocks.Length); // row 0, the two strips, row n - 1
        for (var i = 0; i < p.Size; i++)
            Assert.Equal(serial.Row(i).ToArray(), results.Row(i).ToArray());
        Assert.Equal(serial.Total(), results.Total());
    }

    [Fact]
    public void Grids_are_equal_by_their_cells_whatever_their_blocks()
    {
        var cells = Enumerable.Range(0, 16).Select(i => (double)i).ToArray();
        var whole = new HeatGrid(4, 1, ImmutableCollectionsMarshal.AsImmutableArray(cells));
        var memory = (ReadOnlyMemory<double>)cells;
        var blocked = new HeatGrid(4, 1, [memory[..4], memory[4..12], memory[12..]]);
        Assert.Equal(whole, blocked);
        Assert.Equal(whole.GetHashCode(), blocked.GetHashCode());
        Assert.Equal(9.0, blocked[2, 1]);
        Assert.Equal(cells.Sum(), blocked.Total());

        var changed = (double[])cells.Clone();
        changed[15] = -1;
        Assert.NotEqual(whole, new HeatGrid(4, 1, ImmutableCollectionsMarshal.AsImmutableArray(changed)));
        Assert.NotEqual(whole, new HeatGrid(4, 2, ImmutableCollectionsMarshal.AsImmutableArray(cells)));
        Assert.Throws<ArgumentException>(() => new HeatGrid(4, 1, [memory[..4], memory[4..8]]));
        Assert.Throws<ArgumentException>(() => new HeatGrid(4, 1, [memory[..6], memory[6..]]));
    }

    [Fact]
    public void Checkpoint_every_must_be_positive_and_a_warm_up_job_keeps_the_strips_and_options()
    {
        var e = Assert.Throws<WorkloadParameterException>(() => Heat.Validate(new WorkloadParameters(10, 2).With("checkpoint-every", "0")));
        Assert.Contains("checkpoint-every", e.Message, StringComparison.Ordinal);
        var job = new WorkloadParameters(800, 4).With("alpha", "0.1");
        Assert.Equal(50, Heat.CheckpointInterval(job.With("checkpoint-every", "50")));
        var warmUp = ((IWarmUpWorkload)Heat).WarmUpParameters(job);
        Heat.Validate(warmUp);
        Assert.Equal(4, warmUp.Tasks);
        Assert.True(warmUp.Size < 20);
        Assert.Equal("0.1", warmUp.Options["alpha"]);
    }
}
