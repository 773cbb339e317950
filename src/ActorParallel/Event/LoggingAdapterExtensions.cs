namespace ActorParallel.Event;

/// <summary>The usual logging calls: positional <c>{0}</c> format strings, with or without an exception.</summary>
public static class LoggingAdapterExtensions
{
    public static void Debug(this ILoggingAdapter log, string format, params object?[] args) => Write(log, LogLevel.DebugLevel, null, format, args);

    public static void Debug(this ILoggingAdapter log, Exception? cause, string format, params object?[] args) => Write(log, LogLevel.DebugLevel, cause, format, args);

    public static void Info(this ILoggingAdapter log, string format, params object?[] args) => Write(log, LogLevel.InfoLevel, null, format, args);

    public static void Info(this ILoggingAdapter log, Exception? cause, string format, params object?[] args) => Write(log, LogLevel.InfoLevel, cause, format, args);

    public static void Warning(this ILoggingAdapter log, string format, params object?[] args) => Write(log, LogLevel.WarningLevel, null, format, args);

    public static void Warning(this ILoggingAdapter log, Exception? cause, string format, params object?[] args) => Write(log, LogLevel.WarningLevel, cause, format, args);

    public static void Error(this ILoggingAdapter log, string format, params object?[] args) => Write(log, LogLevel.ErrorLevel, null, format, args);

    public static void Error(this ILoggingAdapter log, Exception? cause, string format, params object?[] args) => Write(log, LogLevel.ErrorLevel, cause, format, args);

    public static void Log(this ILoggingAdapter log, LogLevel level, string format, params object?[] args) => Write(log, level, null, format, args);

    private static void Write(ILoggingAdapter log, LogLevel level, Exception? cause, string format, object?[] args)
    {
        if (log.IsEnabled(level))
        {
            log.Log(level, cause, new LogMessage(log.Formatter, format, args ?? []));
        }
    }
}
