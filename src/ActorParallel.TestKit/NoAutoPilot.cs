using ActorParallel.Actor;

namespace ActorParallel.TestKit;

/// <summary>No auto-pilot: messages are only queued.</summary>
public sealed class NoAutoPilot : AutoPilot
{
    public static NoAutoPilot Instance { get; } = new();

    private NoAutoPilot()
    {
    }

    public override AutoPilot Run(IActorRef sender, object message) => this;
}
