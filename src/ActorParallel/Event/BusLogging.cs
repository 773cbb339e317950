namespace ActorParallel.Event;

/// <summary>A logging adapter that publishes to a <see cref="LoggingBus"/>; messages below the bus level cost one comparison.</summary>
public sealed class BusLogging(LoggingBus bus, string logSource, Type logClass, ILogMessageFormatter formatter) : ILoggingAdapter
{
    public ILogMessageFormatter Formatter { get; } = formatter;

    public bool IsDebugEnabled => bus.IsEnabled(LogLevel.DebugLevel);

    public bool IsInfoEnabled => bus.IsEnabled(LogLevel.InfoLevel);

    public bool IsWarningEnabled => bus.IsEnabled(LogLevel.WarningLevel);

    public bool IsErrorEnabled => bus.IsEnabled(LogLevel.ErrorLevel);

    public bool IsEnabled(LogLevel logLevel) => bus.IsEnabled(logLevel);

    public void Log(LogLevel logLevel, Exception? cause, string format) =>
        Log(logLevel, cause, new LogMessage(Formatter, format));

    public void Log(LogLevel logLevel, Exception? cause, LogMessage message)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        bus.Publish(logLevel switch
        {
            LogLevel.DebugLevel => new Debug(cause, logSource, logClass, message),
            LogLevel.InfoLevel => new Info(cause, logSource, logClass, message),
            LogLevel.WarningLevel => new Warning(cause, logSource, logClass, message),
            _ => (LogEvent)new Error(cause, logSource, logClass, message),
        });
    }
}
