namespace ActorParallel.Routing;

/// <summary>
/// Takes the routees in turn. One interlocked increment per message and no allocation, so senders on
/// many threads can route concurrently.
/// </summary>
public sealed class RoundRobinRoutingLogic : RoutingLogic
{
    /// <summary>The number of the last message routed; starts at -1 so the first message goes to routee 0.</summary>
    private long _next = -1;

    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        if (routees.Length == 0)
        {
            return Routee.NoRoutee;
        }

        var next = (ulong)Interlocked.Increment(ref _next);
        return routees[(int)(next % (ulong)routees.Length)];
    }
}
