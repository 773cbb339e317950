using ActorParallel.Actor;
using ActorParallel.Event;

namespace ActorParallel.TestKit.Tests;

/// <summary>Replies with whatever it receives.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Sends each message it receives to <c>target</c>, keeping nothing.</summary>
public sealed class ForwardingActor : ReceiveActor
{
    public ForwardingActor(IActorRef target) => ReceiveAny(message => target.Tell(message, Self));
}

/// <summary>Throws on "boom", logs on "log-*", counts everything else.</summary>
public sealed class CounterActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public CounterActor()
    {
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
        Receive<string>(s => s == "log-warning", _ => _log.Warning("careful: {0}", Count));
        Receive<string>(s => s == "log-info", _ => _log.Info("counted {0}", Count));
        Receive<string>(s => s == "log-error", _ => _log.Error("failed at {0}", Count));
        Receive<string>(s => s == "get", _ => Sender.Tell(Count, Self));
        ReceiveAny(_ => Count++);
    }

    public int Count { get; private set; }
}
