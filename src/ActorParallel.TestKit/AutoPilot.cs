using ActorParallel.Actor;

namespace ActorParallel.TestKit;

/// <summary>
/// Reacts to the messages a TestActor receives (typically by replying) before the test sees them. Run
/// returns the pilot for the next message: itself, <see cref="KeepRunning"/>, or <see cref="NoAutoPilot"/> to stop.
/// </summary>
public abstract class AutoPilot
{
    public abstract AutoPilot Run(IActorRef sender, object message);

    public static NoAutoPilot NoAutoPilot => NoAutoPilot.Instance;

    public static KeepRunning KeepRunning => KeepRunning.Instance;
}

/// <summary>No auto-pilot: messages are only queued.</summary>
public sealed class NoAutoPilot : AutoPilot
{
    public static NoAutoPilot Instance { get; } = new();

    private NoAutoPilot()
    {
    }

    public override AutoPilot Run(IActorRef sender, object message) => this;
}

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

/// <summary>The body of a <see cref="DelegateAutoPilot"/>.</summary>
public delegate AutoPilot AutoPilotDelegate(IActorRef sender, object message);

/// <summary>An auto-pilot given as a delegate.</summary>
public sealed class DelegateAutoPilot(AutoPilotDelegate autoPilot) : AutoPilot
{
    private readonly AutoPilotDelegate _autoPilot = autoPilot ?? throw new ArgumentNullException(nameof(autoPilot));

    public override AutoPilot Run(IActorRef sender, object message) => _autoPilot(sender, message);
}
