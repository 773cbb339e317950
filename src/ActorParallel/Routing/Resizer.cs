using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>
/// Decides how a pool grows or shrinks. The routing path calls <see cref="IsTimeForResize"/> for every
/// routed message (from the senders' threads, so it must be cheap and thread-safe); when it says yes,
/// the router actor calls <see cref="Resize"/> and adds or removes that many routees.
/// </summary>
public abstract class Resizer
{
    /// <summary>True when the message with this sequence number (0-based) should trigger a resize.</summary>
    public abstract bool IsTimeForResize(long messageCounter);

    /// <summary>The change in the number of routees: positive adds, negative removes, 0 keeps.</summary>
    public abstract int Resize(IEnumerable<Routee> currentRoutees);

    /// <summary>A <see cref="DefaultResizer"/> from the <c>resizer</c> section of a deployment, or null when <c>resizer.enabled</c> is off.</summary>
    public static Resizer? FromConfig(Config parentConfig)
    {
        ArgumentNullException.ThrowIfNull(parentConfig);
        return DefaultResizer.FromConfig(parentConfig);
    }
}
