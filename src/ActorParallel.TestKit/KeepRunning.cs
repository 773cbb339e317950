using ActorParallel.Actor;

namespace ActorParallel.TestKit;

/// <summary>Returned from Run to keep the current auto-pilot.</summary>
public sealed class KeepRunning : AutoPilot
{
    public static KeepRunning Instance { get; } = new();

    private KeepRunning()
    {
    }

    public override AutoPilot Run(IActorRef sender, object message) =>
        throw new InvalidOperationException("KeepRunning is a marker returned from AutoPilot.Run; it cannot be run.");
}
