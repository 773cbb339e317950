namespace ActorParallel.Routing;

/// <summary>Selects every routee.</summary>
public sealed class BroadcastRoutingLogic : RoutingLogic
{
    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        return routees.Length == 0 ? Routee.NoRoutee : new SeveralRoutees(routees);
    }
}
