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

    /// <summary>Rounds (for heat: Jacobi steps) completed so far; fault injection and recovery count these.</summary>
    int CompletedSteps { get; }

    /// <summary>The messages to send when the job starts.</summary>
    IReadOnlyList<PeerMessage> Start();

    /// <summary>Handles one message and returns the messages to send in reply.</summary>
    IReadOnlyList<PeerMessage> Receive(PeerMessage message);

    /// <summary>
    /// Work the peer can do before its next message arrives (for heat: the rows of the next step that need no halo).
    /// A host calls it after sending what <see cref="Start"/> or <see cref="Receive"/> returned, so those messages travel
    /// while the peer computes. It changes neither what the peer sends nor its result, only when the work is done; it is
    /// not part of a <see cref="Checkpoint"/> (a restored peer does the work again when it needs it).
    /// </summary>
    void ComputeAhead()
    {
    }

    /// <summary>The peer's part of the answer, once <see cref="IsDone"/>.</summary>
    object Result();

    /// <summary>
    /// An immutable snapshot of the whole state between two messages (including buffered messages), from
    /// which <see cref="IPeerWorkload.Restore"/> rebuilds an equal peer after a failure.
    /// </summary>
    object Checkpoint();
}

/// <summary>A workload that brings its own topology of communicating peers instead of a task farm.</summary>
public interface IPeerWorkload : IWorkload
{
    IReadOnlyList<IPeer> CreatePeers(WorkloadParameters parameters);

    /// <summary>Assembles the answer from each peer's <see cref="IPeer.Result"/>, given in peer-id order.</summary>
    object Assemble(WorkloadParameters parameters, IReadOnlyList<object> results);

    long EstimateBytes(PeerMessage message);

    /// <summary>
    /// Steps between two checkpoints of a peer (see <see cref="IPeer.Checkpoint"/>): a failed peer resumes from its last
    /// checkpoint and redoes the steps since from the messages logged since. A checkpoint copies the peer's whole state,
    /// so a checkpoint every step can cost as much as the step itself.
    /// </summary>
    int CheckpointInterval(WorkloadParameters parameters) => 1;

    /// <summary>Rebuilds a peer from its <see cref="IPeer.Checkpoint"/>.</summary>
    IPeer Restore(object checkpoint);
}

/// <summary>Runs a peer workload in one thread, delivering messages in FIFO order: the reference driver for tests.</summary>
public static class PeerDriver
{
    public static object RunSequential(IPeerWorkload workload, WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(workload);
        workload.Validate(parameters);
        var peers = workload.CreatePeers(parameters);
        var queue = new Queue<PeerMessage>();
        foreach (var peer in peers)
        {
            foreach (var message in peer.Start())
                queue.Enqueue(message);
            peer.ComputeAhead();
        }

        while (queue.TryDequeue(out var message))
        {
            var peer = peers[message.To];
            foreach (var reply in peer.Receive(message))
                queue.Enqueue(reply);
            peer.ComputeAhead();
        }

        var notDone = peers.Where(p => !p.IsDone).Select(p => p.Id).ToArray();
        if (notDone.Length > 0)
            throw new InvalidOperationException($"{workload.Name}: peers {string.Join(", ", notDone)} did not finish; messages ran out");
        return workload.Assemble(parameters, peers.Select(p => p.Result()).ToArray());
    }
}
