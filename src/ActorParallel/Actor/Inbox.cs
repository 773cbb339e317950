using System.Threading.Channels;

namespace ActorParallel.Actor;

/// <summary>
/// An actor-like mailbox for code outside actors: send with it as the sender, then receive replies
/// (several, unlike Ask) and Terminated messages of actors it watches.
/// </summary>
public sealed class Inbox : IDisposable
{
    private readonly Channel<object> _received = Channel.CreateUnbounded<object>();
    private readonly ActorSystem _system;

    private Inbox(ActorSystem system)
    {
        _system = system;
        var writer = _received.Writer;
        Receiver = ((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new InboxActor(writer)), "inbox-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The reference replies should go to.</summary>
    public IActorRef Receiver { get; }

    public static Inbox Create(ActorSystem system) => new(system ?? throw new ArgumentNullException(nameof(system)));

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this inbox as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Receiver);

    /// <summary>Makes this inbox watch <paramref name="subject"/>; its Terminated will be received.</summary>
    public void Watch(IActorRef subject) => Receiver.Tell(new InboxActor.WatchSubject(subject), ActorRefs.NoSender);

    /// <summary>The next message; <see cref="TimeoutException"/> if none arrives within <paramref name="timeout"/>.</summary>
    public object Receive(TimeSpan timeout) => ReceiveAsync(timeout).GetAwaiter().GetResult();

    public object Receive() => Receive(_system.Settings.Config.GetTimeSpan("actorparallel.actor.inbox.default-timeout", TimeSpan.FromSeconds(5)));

    public async Task<object> ReceiveAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            return await _received.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Inbox received no message within {timeout}.");
        }
    }

    public void Dispose() => _system.Stop(Receiver);

    private sealed class InboxActor(ChannelWriter<object> writer) : ActorBase
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
                writer.TryWrite(message);
            }

            return true;
        }
    }
}
