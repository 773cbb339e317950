namespace ActorParallel.Actor;

/// <summary>A child of a supervisor and how often it was restarted recently (for maxNrOfRetries within a window).</summary>
public sealed class ChildRestartStats
{
    private long _windowStartTicks;

    internal ChildRestartStats()
    {
    }

    /// <summary>The child; null while its name is reserved but the reference is not yet created.</summary>
    public IInternalActorRef Child { get; internal set; } = null!;

    public int MaxNrOfRetriesCount { get; private set; }

    /// <summary>True if another restart is allowed; counts it. Touched only by the supervisor's thread.</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, int withinTimeMilliseconds)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (maxNrOfRetries < 0 && withinTimeMilliseconds <= 0)
        {
            return true;
        }

        if (withinTimeMilliseconds <= 0)
        {
            MaxNrOfRetriesCount++;
            return MaxNrOfRetriesCount <= maxNrOfRetries;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = Environment.TickCount64;
        if (_windowStartTicks == 0)
        {
            _windowStartTicks = now;
        }

        if (now - _windowStartTicks <= withinTimeMilliseconds)
        {
            MaxNrOfRetriesCount++;
            return MaxNrOfRetriesCount <= retries;
        }

        // The window has passed: start a new one with this restart as its first.
        _windowStartTicks = now;
        MaxNrOfRetriesCount = 1;
        return true;
    }
}
