using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// A destination of a <see cref="Router"/>: an actor reference, a selection, or several of them.
/// The base class itself stands for "no destination" (<see cref="NoRoutee"/>): sending to it does nothing.
/// </summary>
public class Routee
{
    /// <summary>The routee a routing logic returns when it has nowhere to send the message.</summary>
    public static readonly Routee NoRoutee = new();

    /// <summary>Sends <paramref name="message"/> to this routee, preserving <paramref name="sender"/>.</summary>
    public virtual void Send(object message, IActorRef sender)
    {
    }

    /// <summary>Asks this routee; the scatter-gather and tail-chopping routers use it.</summary>
    public virtual Task<object> Ask(object message, TimeSpan? timeout) =>
        Task.FromException<object>(new InvalidOperationException("NoRoutee cannot be asked."));

    /// <summary>Wraps an actor reference.</summary>
    public static Routee FromActorRef(IActorRef actorRef) => new ActorRefRoutee(actorRef);

    /// <summary>Wraps an actor selection.</summary>
    public static Routee FromActorSelection(ActorSelection actorSelection) => new ActorSelectionRoutee(actorSelection);

    public override string ToString() => "NoRoutee";
}
