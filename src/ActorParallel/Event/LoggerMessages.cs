namespace ActorParallel.Event;

/// <summary>Sent to a logger actor when it starts; it must reply <see cref="LoggerInitialized"/>.</summary>
public sealed class InitializeLogger(LoggingBus loggingBus) : Actor.INoSerializationVerificationNeeded
{
    public LoggingBus LoggingBus { get; } = loggingBus;
}

/// <summary>A logger's answer to <see cref="InitializeLogger"/>.</summary>
public sealed class LoggerInitialized : Actor.INoSerializationVerificationNeeded
{
    public static LoggerInitialized Instance { get; } = new();

    private LoggerInitialized()
    {
    }
}
