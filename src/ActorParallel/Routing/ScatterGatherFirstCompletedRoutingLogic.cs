namespace ActorParallel.Routing;

/// <summary>Selects all routees; the first reply (within <see cref="Within"/>) goes back to the sender.</summary>
public sealed class ScatterGatherFirstCompletedRoutingLogic : RoutingLogic
{
    public ScatterGatherFirstCompletedRoutingLogic(TimeSpan within)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        Within = within;
    }

    public TimeSpan Within { get; }

    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        return routees.Length == 0 ? Routee.NoRoutee : new ScatterGatherFirstCompletedRoutees(routees, Within);
    }
}
