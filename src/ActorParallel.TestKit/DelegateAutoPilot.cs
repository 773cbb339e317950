using ActorParallel.Actor;

namespace ActorParallel.TestKit;

/// <summary>The body of a <see cref="DelegateAutoPilot"/>.</summary>
public delegate AutoPilot AutoPilotDelegate(IActorRef sender, object message);

/// <summary>An auto-pilot given as a delegate.</summary>
public sealed class DelegateAutoPilot(AutoPilotDelegate autoPilot) : AutoPilot
{
    private readonly AutoPilotDelegate _autoPilot = autoPilot ?? throw new ArgumentNullException(nameof(autoPilot));

    public override AutoPilot Run(IActorRef sender, object message) => _autoPilot(sender, message);
}
