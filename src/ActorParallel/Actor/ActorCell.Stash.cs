namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>The stash, kept across restarts (its content is unstashed before PreRestart).</summary>
    private UnboundedStash? _stash;

    /// <summary>Timers of an <see cref="IWithTimers"/> actor; cancelled at restart and stop.</summary>
    private TimerScheduler? _timers;
}
