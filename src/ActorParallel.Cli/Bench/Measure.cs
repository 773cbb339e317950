using System.Diagnostics;
using ActorParallel.Simulation.Engine;

namespace ActorParallel.Cli.Bench;

/// <summary>The measuring discipline shared by every scenario: warm up, repeat, take the median.</summary>
public static class Measure
{
    /// <summary>
    /// Runs <paramref name="run"/> <paramref name="warmups"/> times unrecorded (JIT tiers, pools,
    /// caches), then <paramref name="repeats"/> times recorded, and returns the median of the
    /// recorded results. A full blocking GC before each run keeps one run's garbage out of the next.
    /// </summary>
    public static double Median(int warmups, int repeats, Func<double> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        for (var i = 0; i < warmups; i++)
        {
            Settle();
            run();
        }

        var results = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            Settle();
            results[i] = run();
        }

        return Median(results);
    }

    /// <summary>The median: the middle value, or the mean of the two middle values.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Operations per second for <paramref name="operations"/> done by <paramref name="action"/>.</summary>
    public static double Rate(long operations, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = Stopwatch.GetTimestamp();
        action();
        return operations / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Milliseconds taken by <paramref name="action"/>.</summary>
    public static double Milliseconds(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// Bytes allocated per operation beyond a run's fixed cost, by every thread of the process (senders,
    /// dispatcher threads, the thread pool): <paramref name="run"/> is called with 1 and then with
    /// <paramref name="operations"/> operations, and the difference of their
    /// <see cref="GC.GetTotalAllocatedBytes(bool)"/> deltas is divided by <paramref name="operations"/> - 1, so
    /// that what a run costs once (an actor system, actors, channels) is left out. A first, unmeasured run of one
    /// operation takes the first-call costs (type initialisers, JIT-compiled code's data) out of the measured
    /// single run; otherwise they could outweigh a small run's operations and read as zero. Never negative.
    /// </summary>
    public static double MarginalBytesPerOperation(int operations, Action<int> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(operations, 2);
        run(1);
        var one = AllocatedBytes(() => run(1));
        var many = AllocatedBytes(() => run(operations));
        return Math.Max(0, (many - one) / (double)(operations - 1));
    }

    private static long AllocatedBytes(Action action)
    {
        Settle();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    /// <summary>
    /// With <paramref name="quiesce"/>, brings the process to rest before a timed run the way the lab's
    /// <c>run</c> does (<see cref="Quiesce"/>: garbage collected, JIT quiet); otherwise does nothing.
    /// </summary>
    public static void Rest(bool quiesce)
    {
        if (quiesce)
        {
            Quiesce.BeforeTimedRunAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>A full, compacting, blocking collection with finalizers run: a quiet heap to start from.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>Waits for a scenario's completion signal, failing loudly instead of hanging forever.</summary>
    public static void Await(Task task, string what)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!task.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"bench: {what} did not finish within 2 minutes; the runtime may have lost a message.");
        }
    }

    /// <summary>Waits on a countdown, failing loudly instead of hanging forever.</summary>
    public static void Await(CountdownEvent countdown, string what)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        if (!countdown.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"bench: {what} did not finish within 2 minutes ({countdown.CurrentCount} signals missing); the runtime may have lost a message.");
        }
    }
}
