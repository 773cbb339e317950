namespace ActorParallel.Event;

/// <summary>Writes log events to the event stream; use <c>Context.GetLogger()</c> inside actors.</summary>
public interface ILoggingAdapter
{
    ILogMessageFormatter Formatter { get; }

    bool IsDebugEnabled { get; }

    bool IsInfoEnabled { get; }

    bool IsWarningEnabled { get; }

    bool IsErrorEnabled { get; }

    bool IsEnabled(LogLevel logLevel);

    void Log(LogLevel logLevel, Exception? cause, string format);

    void Log(LogLevel logLevel, Exception? cause, LogMessage message);
}
