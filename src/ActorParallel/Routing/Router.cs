using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// An immutable pair of routing logic and routees. <see cref="Route"/> may be called from any thread;
/// the <c>With*</c>/<c>Add*</c>/<c>Remove*</c> methods return new routers. Usable on its own inside an
/// actor, and the state behind every router actor.
/// </summary>
public class Router
{
    private readonly Routee[] _routees;

    public Router(RoutingLogic logic)
        : this(logic, Array.Empty<Routee>())
    {
    }

    public Router(RoutingLogic logic, params IActorRef[] routees)
        : this(logic, [.. (routees ?? []).Select(Routee.FromActorRef)])
    {
    }

    public Router(RoutingLogic logic, params Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(logic);
        RoutingLogic = logic;
        _routees = routees ?? [];
    }

    public IEnumerable<Routee> Routees => _routees;

    public RoutingLogic RoutingLogic { get; }

    /// <summary>The routees as the array the logic sees; never mutated.</summary>
    internal Routee[] RouteeArray => _routees;

    /// <summary>
    /// Sends <paramref name="message"/> to the routee the logic selects; a <see cref="Broadcast"/> goes to
    /// every routee. Envelopes are unwrapped, so routees see the payload and the original sender.
    /// </summary>
    public void Route(object message, IActorRef sender)
    {
        if (message is Broadcast broadcast)
        {
            foreach (var routee in _routees)
            {
                Send(routee, broadcast.Message, sender);
            }

            return;
        }

        Send(RoutingLogic.Select(message, _routees), message, sender);
    }

    protected virtual void Send(Routee routee, object message, IActorRef sender)
    {
        var payload = message is RouterEnvelope envelope ? envelope.Message : message;
        if (ReferenceEquals(routee, Routee.NoRoutee))
        {
            if (sender is IInternalActorRef { Provider: { } provider } && sender is not Nobody)
            {
                provider.DeadLetters.Tell(payload, sender);
            }

            return;
        }

        routee.Send(payload, sender);
    }

    public Router WithRoutees(params Routee[] routees) => new(RoutingLogic, routees);

    public Router AddRoutee(Routee routee) => new(RoutingLogic, [.. _routees, routee]);

    public Router AddRoutee(IActorRef routee) => AddRoutee(new ActorRefRoutee(routee));

    public Router AddRoutee(ActorSelection routee) => AddRoutee(new ActorSelectionRoutee(routee));

    /// <summary>A router without <paramref name="routee"/> (returns this router when it is absent).</summary>
    public Router RemoveRoutee(Routee routee)
    {
        var index = Array.IndexOf(_routees, routee);
        return index < 0 ? this : new Router(RoutingLogic, [.. _routees[..index], .. _routees[(index + 1)..]]);
    }

    public Router RemoveRoutee(IActorRef routee) => RemoveRoutee(new ActorRefRoutee(routee));

    public Router RemoveRoutee(ActorSelection routee) => RemoveRoutee(new ActorSelectionRoutee(routee));
}
