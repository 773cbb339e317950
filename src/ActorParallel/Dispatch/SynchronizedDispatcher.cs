namespace ActorParallel.Dispatch;

/// <summary>
/// Runs mailboxes on the <see cref="SynchronizationContext"/> that was current on the thread which first
/// looked the dispatcher up (typically a UI thread), like Akka.NET's <c>SynchronizedDispatcher</c> with
/// <c>executor = current-context-executor</c>. Every actor on it therefore runs on that context.
/// </summary>
public sealed class SynchronizedDispatcher : MessageDispatcher
{
    private static readonly SendOrPostCallback RunMailbox = state => ((Mailbox)state!).Run();

    private readonly SynchronizationContext _context;

    public SynchronizedDispatcher(string id, int throughput, TimeSpan throughputDeadlineTime, SynchronizationContext context)
        : base(id, throughput, throughputDeadlineTime)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>The context every mailbox run is posted to.</summary>
    public SynchronizationContext Context => _context;

    protected internal override void ExecuteMailbox(Mailbox mailbox) => _context.Post(RunMailbox, mailbox);
}
