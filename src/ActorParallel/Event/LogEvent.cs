namespace ActorParallel.Event;

/// <summary>A log entry on the event stream; loggers subscribe to the levels they want.</summary>
public abstract class LogEvent
{
    protected LogEvent(Exception? cause, string logSource, Type logClass, object message)
    {
        Cause = cause;
        LogSource = logSource;
        LogClass = logClass;
        Message = message;
        Timestamp = DateTime.UtcNow;
        Thread = System.Threading.Thread.CurrentThread;
    }

    public DateTime Timestamp { get; }

    public Thread Thread { get; }

    public string LogSource { get; }

    public Type LogClass { get; }

    public object Message { get; }

    public Exception? Cause { get; }

    public abstract LogLevel LogLevel();

    public override string ToString()
    {
        var level = LogLevel() switch
        {
            Event.LogLevel.DebugLevel => "DEBUG",
            Event.LogLevel.InfoLevel => "INFO",
            Event.LogLevel.WarningLevel => "WARNING",
            _ => "ERROR",
        };
        var text = $"[{level}][{Timestamp:MM/dd/yyyy HH:mm:ss.fff}][Thread {Thread.ManagedThreadId:0000}][{LogSource}] {Message}";
        return Cause is null ? text : $"{text}{Environment.NewLine}Cause: {Cause}";
    }
}

public sealed class Debug(Exception? cause, string logSource, Type logClass, object message) : LogEvent(cause, logSource, logClass, message)
{
    public Debug(string logSource, Type logClass, object message)
        : this(null, logSource, logClass, message)
    {
    }

    public override LogLevel LogLevel() => Event.LogLevel.DebugLevel;
}

public sealed class Info(Exception? cause, string logSource, Type logClass, object message) : LogEvent(cause, logSource, logClass, message)
{
    public Info(string logSource, Type logClass, object message)
        : this(null, logSource, logClass, message)
    {
    }

    public override LogLevel LogLevel() => Event.LogLevel.InfoLevel;
}

public sealed class Warning(Exception? cause, string logSource, Type logClass, object message) : LogEvent(cause, logSource, logClass, message)
{
    public Warning(string logSource, Type logClass, object message)
        : this(null, logSource, logClass, message)
    {
    }

    public override LogLevel LogLevel() => Event.LogLevel.WarningLevel;
}

public sealed class Error(Exception? cause, string logSource, Type logClass, object message) : LogEvent(cause, logSource, logClass, message)
{
    public Error(string logSource, Type logClass, object message)
        : this(null, logSource, logClass, message)
    {
    }

    public override LogLevel LogLevel() => Event.LogLevel.ErrorLevel;
}
