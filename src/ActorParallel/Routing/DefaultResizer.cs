using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>
/// Akka's default resizer. Every <see cref="MessagesPerResize"/> messages it measures the pressure (the
/// number of busy routees, see <see cref="Pressure"/>); when every routee is busy it grows the pool by
/// <see cref="RampupRate"/> of its size (rounded up), when fewer than <see cref="BackoffThreshold"/> of
/// them are busy it shrinks it by <see cref="BackoffRate"/> (rounded down), always within
/// [<see cref="LowerBound"/>, <see cref="UpperBound"/>].
/// </summary>
public sealed class DefaultResizer : Resizer, IEquatable<DefaultResizer>
{
    public DefaultResizer(int lower, int upper, int pressureThreshold = 1, double rampupRate = 0.2,
        double backoffThreshold = 0.3, double backoffRate = 0.1, int messagesPerResize = 10)
    {
        if (lower < 0)
        {
            throw new ArgumentException($"lower-bound must be >= 0, was {lower}.", nameof(lower));
        }

        if (upper < 0 || upper < lower)
        {
            throw new ArgumentException($"upper-bound must be >= 0 and >= lower-bound ({lower}), was {upper}.", nameof(upper));
        }

        if (rampupRate < 0)
        {
            throw new ArgumentException($"rampup-rate must be >= 0.0, was {rampupRate}.", nameof(rampupRate));
        }

        if (backoffThreshold > 1.0)
        {
            throw new ArgumentException($"backoff-threshold must be <= 1.0, was {backoffThreshold}.", nameof(backoffThreshold));
        }

        if (backoffRate < 0)
        {
            throw new ArgumentException($"backoff-rate must be >= 0.0, was {backoffRate}.", nameof(backoffRate));
        }

        if (messagesPerResize <= 0)
        {
            throw new ArgumentException($"messages-per-resize must be > 0, was {messagesPerResize}.", nameof(messagesPerResize));
        }

        LowerBound = lower;
        UpperBound = upper;
        PressureThreshold = pressureThreshold;
        RampupRate = rampupRate;
        BackoffThreshold = backoffThreshold;
        BackoffRate = backoffRate;
        MessagesPerResize = messagesPerResize;
    }

    /// <summary>The fewest routees the pool keeps.</summary>
    public int LowerBound { get; }

    /// <summary>The most routees the pool grows to.</summary>
    public int UpperBound { get; }

    /// <summary>
    /// When a routee counts as busy: 1 means it is running and has more messages queued; below 1 that it
    /// is processing a message; N above 1 that at least N messages are queued for it.
    /// </summary>
    public int PressureThreshold { get; }

    /// <summary>Growth when all routees are busy, as a fraction of the current size (rounded up).</summary>
    public double RampupRate { get; }

    /// <summary>Shrink when the busy fraction falls below this; 0 disables shrinking.</summary>
    public double BackoffThreshold { get; }

    /// <summary>Shrink amount as a fraction of the current size (rounded down).</summary>
    public double BackoffRate { get; }

    /// <summary>Resize at most once per this many routed messages.</summary>
    public int MessagesPerResize { get; }

    /// <summary>A resizer from the <c>resizer</c> section of <paramref name="parentConfig"/>, or null when <c>resizer.enabled</c> is off.</summary>
    public static new DefaultResizer? FromConfig(Config parentConfig)
    {
        ArgumentNullException.ThrowIfNull(parentConfig);
        return parentConfig.GetBoolean("resizer.enabled", false) ? Apply(parentConfig.GetConfig("resizer")) : null;
    }

    /// <summary>Reads a <c>resizer { ... }</c> section (ignoring <c>enabled</c>); missing keys take Akka's defaults.</summary>
    public static DefaultResizer Apply(Config resizerConfig)
    {
        ArgumentNullException.ThrowIfNull(resizerConfig);
        try
        {
            return new DefaultResizer(
                resizerConfig.GetInt("lower-bound", 1),
                resizerConfig.GetInt("upper-bound", 10),
                resizerConfig.GetInt("pressure-threshold", 1),
                resizerConfig.GetDouble("rampup-rate", 0.2),
                resizerConfig.GetDouble("backoff-threshold", 0.3),
                resizerConfig.GetDouble("backoff-rate", 0.1),
                resizerConfig.GetInt("messages-per-resize", 10));
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"resizer: {e.Message}", e);
        }
    }

    public override bool IsTimeForResize(long messageCounter) => messageCounter % MessagesPerResize == 0;

    public override int Resize(IEnumerable<Routee> currentRoutees) => Capacity(currentRoutees);

    /// <summary>The change in size for these routees, clamped so the result stays within the bounds.</summary>
    public int Capacity(IEnumerable<Routee> currentRoutees)
    {
        ArgumentNullException.ThrowIfNull(currentRoutees);
        var routees = currentRoutees as IReadOnlyCollection<Routee> ?? [.. currentRoutees];
        var currentSize = routees.Count;
        var delta = Filter(Pressure(routees), currentSize);
        var proposed = currentSize + delta;
        if (proposed < LowerBound)
        {
            return LowerBound - currentSize;
        }

        return proposed > UpperBound ? UpperBound - currentSize : delta;
    }

    /// <summary>
    /// How many routees are busy under <see cref="PressureThreshold"/>. Only local actor routees can be
    /// measured; the others count as not busy.
    /// </summary>
    public int Pressure(IEnumerable<Routee> currentRoutees)
    {
        ArgumentNullException.ThrowIfNull(currentRoutees);
        var busy = 0;
        foreach (var routee in currentRoutees)
        {
            if (routee is ActorRefRoutee { Actor: LocalActorRef local } && IsBusy(local))
            {
                busy++;
            }
        }

        return busy;
    }

    private bool IsBusy(LocalActorRef actor)
    {
        // Racy reads of another actor's mailbox: a resize decision only needs an estimate.
        var mailbox = actor.Cell.Mailbox;
        return PressureThreshold switch
        {
            1 => mailbox.IsScheduled && mailbox.HasMessages,
            < 1 => mailbox.IsScheduled && actor.Cell.CurrentMessage is not null,
            _ => mailbox.NumberOfMessages >= PressureThreshold,
        };
    }

    /// <summary>Rampup plus backoff.</summary>
    public int Filter(int pressure, int capacity) => Rampup(pressure, capacity) + Backoff(pressure, capacity);

    /// <summary>Growth: <c>ceil(RampupRate * capacity)</c> when every routee is busy, else 0.</summary>
    public int Rampup(int pressure, int capacity) =>
        pressure < capacity ? 0 : (int)Math.Ceiling(RampupRate * capacity);

    /// <summary>Shrink (negative): <c>floor(-BackoffRate * capacity)</c> when the busy fraction is below the threshold, else 0.</summary>
    public int Backoff(int pressure, int capacity) =>
        BackoffThreshold > 0.0 && BackoffRate > 0.0 && capacity > 0 && (double)pressure / capacity < BackoffThreshold
            ? (int)Math.Floor(-1.0 * BackoffRate * capacity)
            : 0;

    public bool Equals(DefaultResizer? other) =>
        other is not null && LowerBound == other.LowerBound && UpperBound == other.UpperBound
        && PressureThreshold == other.PressureThreshold && RampupRate.Equals(other.RampupRate)
        && BackoffThreshold.Equals(other.BackoffThreshold) && BackoffRate.Equals(other.BackoffRate)
        && MessagesPerResize == other.MessagesPerResize;

    public override bool Equals(object? obj) => obj is DefaultResizer other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(LowerBound, UpperBound, PressureThreshold, RampupRate, BackoffThreshold, BackoffRate, MessagesPerResize);

    public override string ToString() =>
        $"DefaultResizer(lower={LowerBound}, upper={UpperBound}, pressure-threshold={PressureThreshold}, rampup-rate={RampupRate}, " +
        $"backoff-threshold={BackoffThreshold}, backoff-rate={BackoffRate}, messages-per-resize={MessagesPerResize})";
}
