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
