namespace ActorParallel.Actor;

/// <summary>Death watch: be told with <see cref="Terminated"/> when another actor stops.</summary>
public interface ICanWatch
{
    IActorRef Watch(IActorRef subject);

    IActorRef WatchWith(IActorRef subject, object message);

    IActorRef Unwatch(IActorRef subject);
}
