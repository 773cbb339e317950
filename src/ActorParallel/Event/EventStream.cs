namespace ActorParallel.Event;

/// <summary>The actor system's event bus: logging, dead letters, unhandled messages and user events.</summary>
public sealed class EventStream : LoggingBus
{
    public EventStream(bool debug)
    {
        Debug = debug;
    }

    /// <summary>Whether (un)subscriptions are logged (<c>actorparallel.actor.debug.event-stream</c>).</summary>
    public bool Debug { get; }
}
