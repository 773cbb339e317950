using System.Globalization;

namespace ActorParallel.Event;

/// <summary>A log message kept as format and arguments; formatted with positional <c>{0}</c> placeholders when printed.</summary>
public sealed class LogMessage
{
    public LogMessage(ILogMessageFormatter formatter, string format, params object?[] args)
    {
        Formatter = formatter;
        Format = format;
        Args = args;
    }

    public ILogMessageFormatter Formatter { get; }

    public string Format { get; }

    public IReadOnlyList<object?> Args { get; }

    public override string ToString() => Formatter.Format(Format, Args);
}

/// <summary>Formats log messages.</summary>
public interface ILogMessageFormatter
{
    string Format(string format, IEnumerable<object?> args);
}

/// <summary><see cref="string.Format(IFormatProvider, string, object[])"/> with the invariant culture.</summary>
public sealed class DefaultLogMessageFormatter : ILogMessageFormatter
{
    public static DefaultLogMessageFormatter Instance { get; } = new();

    public string Format(string format, IEnumerable<object?> args)
    {
        var array = args as object?[] ?? args.ToArray();
        if (array.Length == 0)
        {
            return format;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, array);
        }
        catch (FormatException)
        {
            return format + " [" + string.Join(", ", array) + "]";
        }
    }
}
