namespace ActorParallel.Routing;

/// <summary>
/// Takes the routees in turn. One interlocked increment per message and no allocation, so senders on
/// many threads can route concurrently.
/// </summary>
public sealed class RoundRobinRoutingLogic : RoutingLogic
{
    /// <summary>
    /// The number of the last message routed; starts at -1 so the first message goes to routee 0. Read as
    /// unsigned it keeps counting through the int overflow, and a 32-bit remainder is cheaper than a 64-bit one.
    /// </summary>
    private int _next = -1;

    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        return routees.Length == 0 ? Routee.NoRoutee : routees[NextIndex(routees.Length)];
    }

    /// <summary>The index of the next routee among <paramref name="count"/> (at least one).</summary>
    internal int NextIndex(int count) => (int)((uint)Interlocked.Increment(ref _next) % (uint)count);
}
