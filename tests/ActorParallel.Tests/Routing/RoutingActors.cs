using ActorParallel.Actor;

namespace ActorParallel.Tests.Routing;

/// <summary>Replies to "id?" with its own reference; reports everything else to the probe as (self name, message).</summary>
public sealed class RouteeActor(IActorRef probe) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "id?":
                Sender.Tell(Self, Self);
                break;
            case "thread?":
                Sender.Tell(Environment.CurrentManagedThreadId, Self);
                break;
            case Exception cause:
                throw cause;
            default:
                probe.Tell((Self.Path.Name, message), Sender);
                break;
        }
    }
}

/// <summary>Blocks on "block" until the latch opens (telling the probe it did); answers "work" with "done".</summary>
public sealed class BlockingActor(ManualResetEventSlim latch, IActorRef probe) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "block":
                probe.Tell("blocked", Self);
                latch.Wait(TimeSpan.FromSeconds(30));
                break;
            case "work":
                probe.Tell("done", Self);
                break;
            case "where?":
                probe.Tell(("here", Self), Self);
                break;
        }
    }
}

/// <summary>Never answers.</summary>
public sealed class SilentActor : UntypedActor
{
    protected override void OnReceive(object message)
    {
    }
}

/// <summary>Answers every message with ("reply", its name).</summary>
public sealed class ReplyActor : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(("reply", Self.Path.Name), Self);
}

/// <summary>A message that names its own consistent-hash key.</summary>
public sealed record Keyed(string Key, int Value) : ActorParallel.Routing.IConsistentHashable
{
    public object ConsistentHashKey => Key;
}
