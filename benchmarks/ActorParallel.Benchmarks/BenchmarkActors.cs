using ActorParallel.Actor;

namespace ActorParallel.Benchmarks;

/// <summary>The payload-free message of the throughput benchmarks; one instance, so it costs no allocation.</summary>
internal sealed class Msg
{
    public static readonly Msg Instance = new();
}

/// <summary>Puts a ping's first window of messages in flight.</summary>
internal sealed class Go
{
    public static readonly Go Instance = new();
}

/// <summary>Keeps <c>inFlight</c> messages in flight to an echo until it has sent <c>total</c>; signals when all replies are in.</summary>
internal sealed class Pinger(IActorRef pong, int total, int inFlight, CountdownEvent done) : UntypedActor
{
    private int _sent;
    private int _received;

    protected override void OnReceive(object message)
    {
        if (ReferenceEquals(message, Msg.Instance))
        {
            _received++;
            if (_sent < total)
            {
                _sent++;
                pong.Tell(Msg.Instance, Self);
            }
            else if (_received == total)
            {
                done.Signal();
            }

            return;
        }

        for (var i = 0; i < Math.Min(inFlight, total); i++)
        {
            _sent++;
            pong.Tell(Msg.Instance, Self);
        }
    }
}

/// <summary>Replies with what it got: the pong of ping-pong and the target of Ask.</summary>
internal sealed class Echoer : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}

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

internal sealed record SpawnMany(Props Props, int Count);

/// <summary>Spawns children on request; answers anything else (so a caller can wait until it is idle).</summary>
internal sealed class Spawner : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is SpawnMany spawn)
        {
            for (var i = 0; i < spawn.Count; i++)
            {
                Context.ActorOf(spawn.Props);
            }

            return;
        }

        Sender.Tell(message, Self);
    }
}

/// <summary>Does nothing once started; its constructor reports the start.</summary>
internal sealed class IdleChild : UntypedActor
{
    public IdleChild(CountdownEvent started) => started.Signal();

    protected override void OnReceive(object message)
    {
    }
}
