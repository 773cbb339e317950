namespace ActorParallel.Routing;

/// <summary>
/// Picks the routee for one message. Routers call <see cref="Select"/> concurrently from the senders'
/// threads, so implementations must be thread-safe and should not allocate on the hot path.
/// </summary>
public abstract class RoutingLogic
{
    /// <summary>The routee for <paramref name="message"/>, or <see cref="Routee.NoRoutee"/> when <paramref name="routees"/> is empty.</summary>
    public abstract Routee Select(object message, Routee[] routees);
}
