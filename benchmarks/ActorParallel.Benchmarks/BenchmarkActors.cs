using ActorParallel.Actor;

namespace ActorParallel.Benchmarks;

// The other benchmark actors (Msg, Ping, Echo, Parent, Idle, ...) are the bench harness's own,
// compiled in from src/ActorParallel.Cli/Bench/Scenarios/BenchActors.cs.

/// <summary>Counts messages; signals at the <c>expected</c>-th and starts counting again (reusable across invocations).</summary>
internal sealed class CountingSink(int expected, Func<CountdownEvent> done) : UntypedActor
{
    private int _count;

    protected override void OnReceive(object message)
    {
        if (++_count == expected)
        {
            _count = 0;
            done().Signal();
        }
    }
}
