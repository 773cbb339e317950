using System.Collections.Concurrent;

namespace ActorParallel.Dispatch;

/// <summary>
/// A fixed set of threads that run work items from one shared queue. Used where the degree of
/// parallelism must be exactly N threads (<see cref="ForkJoinDispatcher"/>) or one thread per actor
/// (<see cref="PinnedDispatcher"/>).
/// </summary>
internal sealed class DedicatedThreadPool : IDisposable
{
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _work = new();

    // Workers block here when the queue is empty; released once per item enqueued while someone waits.
    private readonly SemaphoreSlim _wakeUp = new(0);
    private readonly Thread[] _threads;

    /// <summary>Workers about to block or blocked; producers release the semaphore only when non-zero.</summary>
    private int _idle;
    private volatile bool _stopping;

    public DedicatedThreadPool(string name, int threadCount, bool background)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threadCount);
        _threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = background, Name = $"{name}-{i + 1}" };
            _threads[i].Start();
        }
    }

    public int ThreadCount => _threads.Length;

    public void Enqueue(IThreadPoolWorkItem item)
    {
        _work.Enqueue(item);
        // Full fence: the enqueue above must be visible before we read _idle, otherwise a worker that
        // checked the queue just before our enqueue could sleep while we skip the release.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _idle) > 0)
        {
            _wakeUp.Release();
        }
    }

    private void Work()
    {
        var spinner = default(SpinWait);
        while (!_stopping)
        {
            if (_work.TryDequeue(out var item))
            {
                spinner.Reset();
                item.Execute();
                continue;
            }

            if (!spinner.NextSpinWillYield)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            Interlocked.Increment(ref _idle);
            // Re-check after announcing ourselves idle: a producer that enqueued before our increment
            // did not release the semaphore, so we must see its item here.
            if (_work.IsEmpty && !_stopping)
            {
                _wakeUp.Wait();
            }

            Interlocked.Decrement(ref _idle);
            spinner.Reset();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _wakeUp.Release(_threads.Length);
    }
}
