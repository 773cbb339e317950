using System.Diagnostics;
using System.Runtime;

namespace ActorParallel.Simulation.Engine;

/// <summary>
/// Brings the process to rest before a timed run, so that the run pays only for itself: collects the
/// garbage earlier runs left, then waits until the JIT has compiled nothing for <see cref="QuietPeriod"/>.
/// </summary>
/// <remarks>
/// Why the JIT: .NET compiles a method quickly first (tier 0) and recompiles it optimised (tier 1) on a
/// background thread once it has been called 30 times, counting only after 100 ms without new tier-0
/// compilations. Everything a job sets up before its clock starts (an actor system, its configuration,
/// the actors) is recompiled that way ~100-300 ms later, which is inside the job: on 2 cores that thread
/// took 35-60 ms of CPU from a 370 ms job with 2 workers (profiled with perf), ~6% of its wall time,
/// and the TPL run after it lost CPU the same way. Settling before every timed run (serial, engine, TPL)
/// keeps that work out of all of them alike.
/// </remarks>
public static class Quiesce
{
    /// <summary>How long the JIT must have compiled nothing: more than the runtime's 100 ms tiering delay.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest a settle waits; a process that keeps compiling (other work in it, e.g. tests in parallel) is
    /// measured anyway. In the lab's own runs the JIT goes quiet within 0.3-0.6 s.
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>A full blocking collection, then waits for the JIT to be quiet (at most <see cref="Limit"/>).</summary>
    public static async Task BeforeTimedRunAsync(CancellationToken cancellationToken = default)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();

        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < Limit)
        {
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                (compiled, quietSince) = (now, clock.Elapsed);
            }
            else if (clock.Elapsed - quietSince >= QuietPeriod)
            {
                return;
            }
        }
    }
}
