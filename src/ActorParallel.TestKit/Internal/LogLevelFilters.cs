using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>Matches <see cref="Event.Error"/> events, optionally only those caused by an exception of a given type.</summary>
public sealed class ErrorFilter(Type? exceptionType, StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public ErrorFilter(StringMatcher? message, string? source)
        : this(null, message, source)
    {
    }

    public Type? ExceptionType { get; } = exceptionType;

    public override bool IsMatch(LogEvent logEvent) =>
        logEvent is Error error
        && (ExceptionType is null || (error.Cause is { } cause && ExceptionType.IsInstanceOfType(cause)))
        && MatchesSourceAndMessage(logEvent);

    public override string ToString() => Describe(ExceptionType is null ? "Error" : $"Error caused by {ExceptionType.Name}");
}

/// <summary>Matches <see cref="Event.Warning"/> events.</summary>
public sealed class WarningFilter(StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public override bool IsMatch(LogEvent logEvent) => logEvent is Warning && logEvent.Message is not DeadLetter && MatchesSourceAndMessage(logEvent);

    public override string ToString() => Describe("Warning");
}

/// <summary>Matches <see cref="Event.Info"/> events.</summary>
public sealed class InfoFilter(StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public override bool IsMatch(LogEvent logEvent) => logEvent is Info && MatchesSourceAndMessage(logEvent);

    public override string ToString() => Describe("Info");
}

/// <summary>Matches <see cref="Event.Debug"/> events.</summary>
public sealed class DebugFilter(StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public override bool IsMatch(LogEvent logEvent) => logEvent is Debug && MatchesSourceAndMessage(logEvent);

    public override string ToString() => Describe("Debug");
}

/// <summary>Matches whatever its predicate accepts.</summary>
public sealed class CustomEventFilter(Predicate<LogEvent> predicate) : EventFilterBase(null, null)
{
    public override bool IsMatch(LogEvent logEvent) => predicate(logEvent);

    public override string ToString() => "Custom filter";
}

/// <summary>
/// Matches dead letters whose message is of <see cref="MessageType"/> (and passes the predicate). The
/// <see cref="TestEventListener"/> turns each <see cref="DeadLetter"/> into a Warning carrying it.
/// </summary>
public sealed class DeadLettersFilter(Type messageType, Func<object, bool>? isMatch, StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public Type MessageType { get; } = messageType;

    public override bool IsMatch(LogEvent logEvent) =>
        logEvent is Warning { Message: DeadLetter deadLetter }
        && MessageType.IsInstanceOfType(deadLetter.Message)
        && (isMatch is null || isMatch(deadLetter.Message))
        && (Source is null || string.Equals(Source, logEvent.LogSource, StringComparison.Ordinal))
        && (MessageMatcher is null || MessageMatcher.IsMatch(deadLetter.Message.ToString()));

    public override string ToString() => Describe($"DeadLetter of {MessageType.Name}");
}
