namespace ActorParallel.Routing;

/// <summary>Picks a routee at random (thread-safe, allocation-free).</summary>
public sealed class RandomLogic : RoutingLogic
{
    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        return routees.Length == 0 ? Routee.NoRoutee : routees[Random.Shared.Next(routees.Length)];
    }
}
