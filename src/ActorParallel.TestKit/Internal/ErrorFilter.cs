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
