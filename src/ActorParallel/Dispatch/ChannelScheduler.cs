using System.Collections.Concurrent;

namespace ActorParallel.Dispatch;

/// <summary>Priority of a <c>channel-executor</c> dispatcher's work on the shared <see cref="ChannelScheduler"/>.</summary>
public enum ChannelPriority
{
    High,
    Normal,
    Low,
}

/// <summary>
/// The scheduler shared by all <c>channel-executor</c> dispatchers of one system: one queue per priority,
/// drained by a fixed set of background worker threads that always take high before normal before low,
/// so high-priority mailboxes run first when the workers are contended.
/// </summary>
internal sealed class ChannelScheduler : IDisposable
{
    private readonly ConcurrentQueue<IThreadPoolWorkItem>[] _queues = [new(), new(), new()];

    // One permit per queued item. An item is enqueued before its permit is released and a worker takes a
    // permit before it dequeues, so a worker holding a permit always finds an item in some queue.
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread[] _workers;

    public ChannelScheduler(string name, int workerCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workerCount, 1);
        _workers = new Thread[workerCount];
        for (var i = 0; i < workerCount; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"{name}-{i + 1}" };
            _workers[i].Start();
        }
    }

    public int WorkerCount => _workers.Length;

    public void Schedule(IThreadPoolWorkItem work, ChannelPriority priority)
    {
        _queues[(int)priority].Enqueue(work);
        _available.Release();
    }

    private void Work()
    {
        var token = _stopping.Token;
        while (true)
        {
            try
            {
                _available.Wait(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var queue in _queues)
            {
                if (queue.TryDequeue(out var work))
                {
                    work.Execute();
                    break;
                }
            }
        }
    }

    /// <summary>Stops the workers once they finish their current item; work still queued is dropped (the system is terminating).</summary>
    public void Dispose()
    {
        // The semaphore and token source are not disposed: a worker may still be inside Wait on them.
        _stopping.Cancel();
    }
}

/// <summary>A dispatcher whose mailboxes run on the system's shared <see cref="ChannelScheduler"/> at one priority.</summary>
public sealed class ChannelDispatcher : MessageDispatcher
{
    private readonly ChannelScheduler _scheduler;

    internal ChannelDispatcher(string id, int throughput, TimeSpan throughputDeadlineTime, ChannelScheduler scheduler, ChannelPriority priority)
        : base(id, throughput, throughputDeadlineTime)
    {
        _scheduler = scheduler;
        Priority = priority;
    }

    public ChannelPriority Priority { get; }

    protected internal override void ExecuteMailbox(Mailbox mailbox) => _scheduler.Schedule(mailbox, Priority);
}
