using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// Counts what an actor system could not deliver, from its event stream: dead letters (to a stopped or unknown
/// actor), dropped messages (a full mailbox, a router without routees), suppressed dead letters (messages Akka marks
/// as expected to be lost, e.g. a heartbeat after shutdown) and messages an actor left unhandled. Counts are kept by
/// kind and message type, each with its first recipient as an example. Safe to read from any thread.
/// </summary>
public sealed class DeadLetterTally
{
    private readonly ConcurrentDictionary<(string Kind, string Type), Entry> _entries = new();

    private DeadLetterTally()
    {
    }

    /// <summary>The actor that listens; stop it to stop counting (it also stops with its parent or its system).</summary>
    public IActorRef Listener { get; private set; } = ActorRefs.Nobody;

    /// <summary>One kind of undelivered message: how many, and the first one's recipient and sender.</summary>
    public sealed record Entry(string Kind, string MessageType, long Count, string Recipient, string Sender);

    /// <summary>The totals by kind.</summary>
    public sealed record Counts(long DeadLetters, long Dropped, long Suppressed, long Unhandled);

    /// <summary>
    /// Starts counting on the event stream of the actor system of <paramref name="factory"/> (the system itself, or an
    /// actor's context so that the listener stops with its parent).
    /// </summary>
    public static DeadLetterTally Start(IActorRefFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var tally = new DeadLetterTally();
        tally.Listener = factory.ActorOf(Props.Create(() => new ListenerActor(tally)).WithDispatcher("akka.actor.default-dispatcher"));
        return tally;
    }

    /// <summary>
    /// Completes once the listener has counted everything published on the event stream before the call (a message in
    /// its mailbox behind them answers).
    /// </summary>
    public Task FlushAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Listener.Ask<Flushed>(Flush.Instance, timeout, cancellationToken);

    /// <summary>Every kind and message type seen so far, most frequent first.</summary>
    public IReadOnlyList<Entry> Entries => [.. _entries.Values.OrderByDescending(e => e.Count).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.MessageType, StringComparer.Ordinal)];

    public Counts Snapshot()
    {
        long Sum(string kind) => _entries.Values.Where(e => e.Kind == kind).Sum(e => e.Count);
        return new Counts(Sum(Kinds.DeadLetter), Sum(Kinds.Dropped), Sum(Kinds.Suppressed), Sum(Kinds.Unhandled));
    }

    private void Add(string kind, object message, IActorRef recipient, IActorRef sender)
    {
        // Only the listener writes, one message at a time; AddOrUpdate keeps readers on other threads consistent.
        var type = (message is IWrappedMessage wrapped ? wrapped.Message : message)?.GetType().Name ?? "null";
        _entries.AddOrUpdate(
            (kind, type),
            static (key, a) => new Entry(key.Kind, key.Type, 1, a.Recipient, a.Sender),
            static (_, e, _) => e with { Count = e.Count + 1 },
            (Recipient: recipient?.Path.ToString() ?? "none", Sender: sender?.Path.ToString() ?? "none"));
    }

    /// <summary>The names of the kinds, as the entries and reports show them.</summary>
    public static class Kinds
    {
        public const string DeadLetter = "dead letter";
        public const string Dropped = "dropped";
        public const string Suppressed = "suppressed";
        public const string Unhandled = "unhandled";
    }

    private sealed class Flush
    {
        public static readonly Flush Instance = new();
    }

    private sealed class Flushed
    {
        public static readonly Flushed Instance = new();
    }

    private sealed class ListenerActor : ReceiveActor
    {
        public ListenerActor(DeadLetterTally tally)
        {
            Receive<DeadLetter>(d => tally.Add(Kinds.DeadLetter, d.Message, d.Recipient, d.Sender));
            Receive<Dropped>(d => tally.Add(Kinds.Dropped, d.Message, d.Recipient, d.Sender));
            Receive<SuppressedDeadLetter>(d => tally.Add(Kinds.Suppressed, d.Message, d.Recipient, d.Sender));
            Receive<UnhandledMessage>(u => tally.Add(Kinds.Unhandled, u.Message, u.Recipient, u.Sender));
            Receive<Flush>(_ => Sender.Tell(Flushed.Instance));
        }

        protected override void PreStart()
        {
            Context.System.EventStream.Subscribe(Self, typeof(AllDeadLetters));
            Context.System.EventStream.Subscribe(Self, typeof(UnhandledMessage));
        }

        protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
    }
}
