namespace ActorParallel.Configuration;

/// <summary>
/// Thrown for every configuration problem: malformed HOCON, an unresolved substitution, a
/// substitution cycle, a missing required include, or a getter asked for the wrong type.
/// The message names where (file:line:column, or the configuration path) and how to fix it.
/// </summary>
public class HoconConfigException : Exception
{
    public HoconConfigException()
    {
    }

    public HoconConfigException(string message)
        : base(message)
    {
    }

    public HoconConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconConfigException(string message, HoconOrigin origin, string? path = null)
        : base(message)
    {
        Origin = origin;
        Path = path;
    }

    /// <summary>Where in the source the problem is, when known.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The configuration path involved, when known.</summary>
    public string? Path { get; }
}
