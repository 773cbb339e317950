using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Heat;

namespace ActorParallel.Simulation.Tests.Workloads;

/// <summary>The strip side of recovery: a restored checkpoint carries on exactly, and re-sent halos are dropped.</summary>
public sealed class HeatCheckpointTests
{
    [Fact]
    public void A_strip_restored_from_a_checkpoint_redoes_its_steps_and_duplicate_halos_are_ignored()
    {
        var heat = (IPeerWorkload)WorkloadRegistry.Default.Get("heat");
        var p = new WorkloadParameters(12, 3).With("steps", "5");
        var peers = heat.CreatePeers(p).ToArray();
        var queue = new Queue<PeerMessage>(peers.SelectMany(x => x.Start()));
        object? checkpoint = null;
        var since = new List<PeerMessage>();
        var restored = false;
        while (queue.TryDequeue(out var m))
        {
            if (m.To == 1)
                since.Add(m);
            foreach (var reply in peers[m.To].Receive(m))
                queue.Enqueue(reply);
            if (m.To == 1 && checkpoint is null && peers[1].CompletedSteps == 2)
                (checkpoint, since) = (peers[1].Checkpoint(), []);
            if (m.To == 1 && peers[1].CompletedSteps == 4 && checkpoint is not null)
            {
                // Strip 1 "fails": a fresh one from the checkpoint redoes steps 3 and 4 from the logged halos and
                // re-sends its rows, which the neighbours already have.
                peers[1] = heat.Restore(checkpoint);
                Assert.Equal(2, peers[1].CompletedSteps);
                foreach (var logged in since)
                {
                    foreach (var reply in peers[1].Receive(logged))
                        queue.Enqueue(reply);
                }

                Assert.Equal(4, peers[1].CompletedSteps);
                (checkpoint, restored) = (null, true);
            }
        }

        Assert.True(restored);
        Assert.All(peers, x => Assert.True(x.IsDone));
        Assert.Equal(heat.RunSerial(p), heat.Assemble(p, peers.Select(x => x.Result()).ToArray()));
    }

    [Fact]
    public void A_halo_received_twice_is_dropped()
    {
        var heat = (IPeerWorkload)WorkloadRegistry.Default.Get("heat");
        var peers = heat.CreatePeers(new WorkloadParameters(12, 2).With("steps", "3"));
        var toOne = peers[0].Start().Single();
        var fromOne = peers[1].Start().Single();
        Assert.NotEmpty(peers[1].Receive(toOne));
        Assert.Empty(peers[1].Receive(toOne));
        Assert.Equal(1, peers[1].CompletedSteps);
        Assert.NotEmpty(peers[0].Receive(fromOne));
        Assert.Empty(peers[0].Receive(fromOne));
    }
}
