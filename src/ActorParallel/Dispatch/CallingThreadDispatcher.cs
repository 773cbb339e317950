namespace ActorParallel.Dispatch;

/// <summary>
/// Runs a mailbox on the thread that sends to it, synchronously: deterministic, for tests. If the
/// mailbox is already running (re-entrant send) the message waits for the current run to pick it up.
/// </summary>
public sealed class CallingThreadDispatcher : MessageDispatcher
{
    public CallingThreadDispatcher(string id)
        : base(id, int.MaxValue, TimeSpan.Zero)
    {
    }

    protected internal override void ExecuteMailbox(Mailbox mailbox) => mailbox.Run();
}
