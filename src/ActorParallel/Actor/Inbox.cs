namespace ActorParallel.Actor;

/// <summary>
/// An actor-like mailbox for code outside actors: send with it as the sender, then receive replies
/// (several, unlike Ask) and Terminated messages of actors it watches.
/// </summary>
public sealed class Inbox : IDisposable
{
    /// <summary>Messages not yet received, oldest first; guarded by itself.</summary>
    private readonly LinkedList<object> _messages = new();
    private readonly ActorSystem _system;

    /// <summary>Completed (and replaced) whenever a message arrives; guarded by <see cref="_messages"/>.</summary>
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Inbox(ActorSystem system)
    {
        _system = system;
        Receiver = ((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new InboxActor(this)), "inbox-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The reference replies should go to.</summary>
    public IActorRef Receiver { get; }

    private TimeSpan DefaultTimeout => _system.Settings.Config.GetTimeSpan("actorparallel.actor.inbox.default-timeout", TimeSpan.FromSeconds(5));

    public static Inbox Create(ActorSystem system) => new(system ?? throw new ArgumentNullException(nameof(system)));

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this inbox as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Receiver);

    /// <summary>Makes this inbox watch <paramref name="subject"/>; its Terminated will be received.</summary>
    public void Watch(IActorRef subject) => Receiver.Tell(new InboxActor.WatchSubject(subject), ActorRefs.NoSender);

    /// <summary>The next message; <see cref="TimeoutException"/> if none arrives within <paramref name="timeout"/>.</summary>
    public object Receive(TimeSpan timeout) => ReceiveAsync(timeout).GetAwaiter().GetResult();

    public object Receive() => Receive(DefaultTimeout);

    public Task<object> ReceiveAsync() => ReceiveAsync(DefaultTimeout);

    public Task<object> ReceiveAsync(TimeSpan timeout) => ReceiveWhereAsync(static _ => true, timeout);

    /// <summary>
    /// The oldest message matching <paramref name="predicate"/> (waiting for one up to the default timeout);
    /// messages that do not match stay in the inbox for later receives.
    /// </summary>
    public object ReceiveWhere(Predicate<object> predicate) => ReceiveWhere(predicate, DefaultTimeout);

    /// <inheritdoc cref="ReceiveWhere(Predicate{object})"/>
    public object ReceiveWhere(Predicate<object> predicate, TimeSpan timeout) => ReceiveWhereAsync(predicate, timeout).GetAwaiter().GetResult();

    private async Task<object> ReceiveWhereAsync(Predicate<object> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var timer = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrival;
            lock (_messages)
            {
                for (var node = _messages.First; node is not null; node = node.Next)
                {
                    if (predicate(node.Value))
                    {
                        _messages.Remove(node);
                        return node.Value;
                    }
                }

                arrival = _arrived.Task;
            }

            try
            {
                await arrival.WaitAsync(timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Inbox received no matching message within {timeout}.");
            }
        }
    }

    private void Add(object message)
    {
        TaskCompletionSource arrived;
        lock (_messages)
        {
            _messages.AddLast(message);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    public void Dispose() => _system.Stop(Receiver);

    private sealed class InboxActor(Inbox inbox) : ActorBase
    {
        internal sealed record WatchSubject(IActorRef Subject) : INoSerializationVerificationNeeded;

        protected override bool Receive(object message)
        {
            if (message is WatchSubject watch)
            {
                Context.Watch(watch.Subject);
            }
            else
            {
                inbox.Add(message);
            }

            return true;
        }
    }
}
