namespace ActorParallel.Routing;

/// <summary>Messages a router handles itself (through its mailbox) instead of routing them.</summary>
public abstract class RouterManagementMessage
{
    private protected RouterManagementMessage()
    {
    }
}

/// <summary>Asks a router for its current routees; it replies with <see cref="Routees"/>.</summary>
public sealed class GetRoutees : RouterManagementMessage
{
    public static GetRoutees Instance { get; } = new();

    private GetRoutees()
    {
    }
}

/// <summary>The reply to <see cref="GetRoutees"/>.</summary>
public sealed class Routees(IEnumerable<Routee> routees)
{
    public IEnumerable<Routee> Members { get; } = [.. routees];
}

/// <summary>Adds a routee to a router (a pool or a group).</summary>
public sealed class AddRoutee(Routee routee) : RouterManagementMessage
{
    public Routee Routee { get; } = routee ?? throw new ArgumentNullException(nameof(routee));
}

/// <summary>Removes a routee from a router; a pool also stops it. The router stops when no routee is left.</summary>
public sealed class RemoveRoutee(Routee routee) : RouterManagementMessage
{
    public Routee Routee { get; } = routee ?? throw new ArgumentNullException(nameof(routee));
}

/// <summary>Grows (positive) or shrinks (negative) a pool by <see cref="Change"/> routees.</summary>
public sealed class AdjustPoolSize(int change) : RouterManagementMessage
{
    public int Change { get; } = change;
}

/// <summary>Internal: the routing path asks the pool actor to run the resizer.</summary>
internal sealed class Resize : RouterManagementMessage
{
    public static readonly Resize Instance = new();

    private Resize()
    {
    }
}

/// <summary>A message wrapped for the router: the routee receives <see cref="Message"/>, unwrapped.</summary>
public abstract class RouterEnvelope(object message)
{
    public object Message { get; } = message ?? throw new ArgumentNullException(nameof(message));
}

/// <summary>Delivers <see cref="RouterEnvelope.Message"/> to every routee, whatever the routing logic.</summary>
public sealed class Broadcast(object message) : RouterEnvelope(message)
{
    public override string ToString() => $"Broadcast({Message})";
}
