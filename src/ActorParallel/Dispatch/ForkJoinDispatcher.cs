namespace ActorParallel.Dispatch;

/// <summary>
/// A dispatcher with its own fixed pool of <c>dedicated-thread-pool.thread-count</c> threads: actors on
/// it run with exactly that degree of parallelism, independent of the .NET thread pool.
/// </summary>
public sealed class ForkJoinDispatcher : MessageDispatcher
{
    private readonly DedicatedThreadPool _pool;

    public ForkJoinDispatcher(string id, int throughput, TimeSpan throughputDeadlineTime, int threadCount, bool background = true)
        : base(id, throughput, throughputDeadlineTime)
    {
        _pool = new DedicatedThreadPool(id, threadCount, background);
    }

    /// <summary>The fixed number of threads running this dispatcher's actors.</summary>
    public int ThreadCount => _pool.ThreadCount;

    protected internal override void ExecuteMailbox(Mailbox mailbox) => _pool.Enqueue(mailbox);

    internal override void Shutdown() => _pool.Dispose();
}
