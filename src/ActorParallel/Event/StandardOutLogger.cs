using ActorParallel.Actor;

namespace ActorParallel.Event;

/// <summary>
/// Prints log events to standard out synchronously. It is a plain reference, not an actor, so it works
/// before the logger actors start and after they stop.
/// </summary>
public sealed class StandardOutLogger : MinimalActorRef
{
    private static readonly Lock ConsoleGate = new();
    private static readonly ActorPath LoggerPath = new RootActorPath(new Address("actorparallel", "all-systems"), "/StandardOutLogger");

    public override ActorPath Path => LoggerPath;

    public override IActorRefProvider Provider => throw new NotSupportedException("StandardOutLogger does not provide");

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (message is LogEvent logEvent)
        {
            PrintLogEvent(logEvent);
        }
        else
        {
            lock (ConsoleGate)
            {
                Console.WriteLine(message);
            }
        }
    }

    /// <summary>Writes one event; the lock keeps lines from different threads from interleaving.</summary>
    public static void PrintLogEvent(LogEvent logEvent)
    {
        lock (ConsoleGate)
        {
            Console.WriteLine(logEvent.ToString());
        }
    }
}
