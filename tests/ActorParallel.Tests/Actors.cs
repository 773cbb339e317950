using ActorParallel.Actor;

namespace ActorParallel.Tests;

/// <summary>Replies with whatever it receives.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        ReceiveAny(message => Sender.Tell(message));
    }
}

/// <summary>Tells a probe about its lifecycle and fails on demand.</summary>
public sealed class LifecycleActor : UntypedActor
{
    private readonly IActorRef _probe;
    private readonly string _name;

    public LifecycleActor(IActorRef probe, string name)
    {
        _probe = probe;
        _name = name;
        _probe.Tell($"{_name}:ctor");
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Exception cause:
                throw cause;
            case "ping":
                Sender.Tell("pong");
                break;
            case Props props:
                Sender.Tell(Context.ActorOf(props, "child"));
                break;
            default:
                _probe.Tell($"{_name}:{message}");
                break;
        }
    }

    protected override void PreStart() => _probe.Tell($"{_name}:PreStart");

    protected override void PostStop() => _probe.Tell($"{_name}:PostStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"{_name}:PreRestart:{message?.GetType().Name}");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"{_name}:PostRestart");
        base.PostRestart(reason);
    }
}

/// <summary>A supervisor with a given strategy that creates children on request.</summary>
public sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<Props>(props => Sender.Tell(Context.ActorOf(props)));
        Receive<(Props Props, string Name)>(spec => Sender.Tell(Context.ActorOf(spec.Props, spec.Name)));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}

/// <summary>Keeps a counter; "get" replies with it, exceptions are thrown.</summary>
public sealed class CounterActor : ReceiveActor
{
    private int _count;

    public CounterActor()
    {
        Receive<string>(s => s == "get", _ => Sender.Tell(_count));
        Receive<string>(s => s == "inc", _ => _count++);
        Receive<Exception>(cause => throw cause);
    }
}
