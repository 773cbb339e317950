using System.Diagnostics;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// Anyone to a worker node: how much memory do you hold, and what went undelivered? The answer is
/// <see cref="NodeVitals"/>. The node runs a full blocking garbage collection to answer (a few milliseconds), so ask
/// between jobs, as <c>soak</c> does.
/// </summary>
public sealed record GetNodeVitals
{
    public static GetNodeVitals Instance { get; } = new();
}

/// <summary>
/// Worker node to asker: its managed heap after a full collection (<see cref="HeapBytes"/>, the live objects: what a
/// leak grows), its working set, the messages its actor system could not deliver since it started (dead letters and
/// dropped messages, suppressed ones apart) and left unhandled, and the jobs it still holds workers for.
/// </summary>
public sealed record NodeVitals(string Node, long HeapBytes, long WorkingSetBytes, long DeadLetters, long Suppressed, long Unhandled, int Jobs)
{
    /// <summary>This process's figures now, after a full blocking collection; <paramref name="letters"/> counts the undelivered messages.</summary>
    public static NodeVitals Measure(string node, DeadLetterTally letters, int jobs)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var (heap, workingSet) = MemoryNow();
        var counts = letters.Snapshot();
        return new NodeVitals(node, heap, workingSet, counts.DeadLetters + counts.Dropped, counts.Suppressed, counts.Unhandled, jobs);
    }

    /// <summary>
    /// The managed heap after a full, blocking, compacting collection (finalizers run and collected again), and the
    /// process's working set read after it.
    /// </summary>
    public static (long HeapBytes, long WorkingSetBytes) MemoryNow()
    {
        // Twice around the finalizers: objects they release (sockets, timers) are only collectable on the second pass.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var self = Process.GetCurrentProcess();
        return (heap, self.WorkingSet64);
    }
}
