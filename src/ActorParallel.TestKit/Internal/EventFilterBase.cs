using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>
/// Matches log events. While a filter is active (muted) the <see cref="TestEventListener"/> does not
/// print the events it matches, and counts them so an EventFilter applier can wait for them.
/// </summary>
public abstract class EventFilterBase
{
    /// <summary>Events matched since the filter was created; incremented by the listener, read by the test thread.</summary>
    private int _matchedCount;

    /// <param name="message">Matches the event's message (or its cause's message); null matches any.</param>
    /// <param name="source">Matches the event's log source exactly; null matches any.</param>
    protected EventFilterBase(StringMatcher? message, string? source)
    {
        MessageMatcher = message;
        Source = source;
    }

    protected StringMatcher? MessageMatcher { get; }

    protected string? Source { get; }

    public int MatchedCount => Volatile.Read(ref _matchedCount);

    /// <summary>Counts <paramref name="logEvent"/> if it matches; true means "intercepted, do not print".</summary>
    public bool Apply(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (!IsMatch(logEvent))
        {
            return false;
        }

        Interlocked.Increment(ref _matchedCount);
        return true;
    }

    /// <summary>True if this filter matches <paramref name="logEvent"/>; does not count it.</summary>
    public abstract bool IsMatch(LogEvent logEvent);

    /// <summary>Source and message criteria; the message criterion also accepts the cause's message.</summary>
    protected bool MatchesSourceAndMessage(LogEvent logEvent)
    {
        if (Source is not null && !string.Equals(Source, logEvent.LogSource, StringComparison.Ordinal))
        {
            return false;
        }

        if (MessageMatcher is null)
        {
            return true;
        }

        return MessageMatcher.IsMatch(logEvent.Message?.ToString())
            || (logEvent.Cause is { } cause && MessageMatcher.IsMatch(cause.Message));
    }

    protected string Describe(string kind) =>
        $"{kind}{(MessageMatcher is null ? string.Empty : " with message " + MessageMatcher)}{(Source is null ? string.Empty : $" from source [{Source}]")}";
}
