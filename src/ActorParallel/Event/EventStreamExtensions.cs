using ActorParallel.Actor;

namespace ActorParallel.Event;

public static class EventStreamExtensions
{
    public static bool Subscribe<TChannel>(this EventStream eventStream, IActorRef subscriber) =>
        eventStream.Subscribe(subscriber, typeof(TChannel));

    public static bool Unsubscribe<TChannel>(this EventStream eventStream, IActorRef subscriber) =>
        eventStream.Unsubscribe(subscriber, typeof(TChannel));
}
