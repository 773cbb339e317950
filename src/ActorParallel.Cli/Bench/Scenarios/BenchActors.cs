using Akka.Actor;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>Tells a <see cref="Ping"/> to put its first messages in flight.</summary>
internal sealed class Start
{
    public static readonly Start Instance = new();

    private Start()
    {
    }
}

/// <summary>
/// One side of a ping-pong pair: keeps <c>inFlight</c> messages in flight (as Akka.NET's PingPong
/// sample does) until it has sent <c>total</c>, then completes <c>done</c> when the last reply arrives.
/// </summary>
internal sealed class Ping(IActorRef pong, int total, int inFlight, CountdownEvent done) : UntypedActor
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

/// <summary>Replies to every message with the same message: the other side of ping-pong.</summary>
internal sealed class Echo : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}
