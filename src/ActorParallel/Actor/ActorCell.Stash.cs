namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>The stash, kept across restarts (its content is unstashed before PreRestart).</summary>
    private ActorStash? _stash;

    /// <summary>
    /// The stash's capacity: <see cref="Props.StashCapacity"/> if positive, else the <c>stash-capacity</c> of the
    /// actor's mailbox section (falling back to the default mailbox); zero or negative means unbounded.
    /// </summary>
    internal int StashCapacity()
    {
        if (Props.StashCapacity > 0)
        {
            return Props.StashCapacity;
        }

        var config = SystemImpl.Settings.Config;
        var mailbox = Props.Mailbox;
        return config.HasPath(mailbox + ".stash-capacity")
            ? config.GetInt(mailbox + ".stash-capacity")
            : config.GetInt(Dispatch.Mailboxes.DefaultMailboxId + ".stash-capacity", -1);
    }

    internal ActorStash GetOrCreateStash() => _stash ??= new ActorStash(this, StashCapacity());

    /// <summary>Timers of an <see cref="IWithTimers"/> actor; cancelled at restart and stop.</summary>
    private TimerScheduler? _timers;
}
