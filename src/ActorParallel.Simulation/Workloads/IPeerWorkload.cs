namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// A message between peers of a <see cref="WorkloadTopology.Custom"/> workload; <see cref="To"/> is
/// the receiving peer's id, so a runtime can route it without knowing the workload.
/// </summary>
public abstract record PeerMessage(int To);

/// <summary>
/// One peer of a custom topology (for example one strip of the heat grid). It is a pure state
/// machine: the runtime delivers messages and sends what it returns, so the same peer runs in an
/// actor, on another node, or in a sequential test driver. A peer is owned by exactly one
/// actor; its state is never shared.
/// </summary>
public interface IPeer
{
    int Id { get; }

    bool IsDone { get; }

    /// <summary>The messages to send when the job starts.</summary>
    IReadOnlyList<PeerMessage> Start();

    /// <summary>Handles one message and returns the messages to send in reply.</summary>
    IReadOnlyList<PeerMessage> Receive(PeerMessage message);

    /// <summary>The peer's part of the answer, once <see cref="IsDone"/>.</summary>
    object Result();
}

/// <summary>A workload that brings its own topology of communicating peers instead of a task farm.</summary>
public interface IPeerWorkload : IWorkload
{
    IReadOnlyList<IPeer> CreatePeers(WorkloadParameters parameters);

    /// <summary>Assembles the answer from each peer's <see cref="IPeer.Result"/>, given in peer-id order.</summary>
    object Assemble(WorkloadParameters parameters, IReadOnlyList<object> results);

    long EstimateBytes(PeerMessage message);
}

/// <summary>Runs a peer workload in one thread, delivering messages in FIFO order: the reference driver for tests.</summary>
public static class PeerDriver
{
    public static object RunSequential(IPeerWorkload workload, WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(workload);
        workload.Validate(parameters);
        var peers = workload.CreatePeers(parameters);
        var queue = new Queue<PeerMessage>(peers.SelectMany(p => p.Start()));
        while (queue.TryDequeue(out var message))
        {
            foreach (var reply in peers[message.To].Receive(message))
                queue.Enqueue(reply);
        }

        var notDone = peers.Where(p => !p.IsDone).Select(p => p.Id).ToArray();
        if (notDone.Length > 0)
            throw new InvalidOperationException($"{workload.Name}: peers {string.Join(", ", notDone)} did not finish; messages ran out");
        return workload.Assemble(parameters, peers.Select(p => p.Result()).ToArray());
    }
}
