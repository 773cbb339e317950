namespace ActorParallel.Configuration;

/// <summary>
/// The result of parsing one HOCON document before substitutions are resolved. Include callbacks
/// (<see cref="HoconConfigFactory.ParseString(string, Func{string, HoconRoot})"/>) return one, usually
/// from <see cref="HoconParser.Parse(string, Func{string, HoconRoot}?)"/>.
/// </summary>
public sealed class HoconRoot
{
    public HoconRoot(HoconValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The root value (an object; it may still hold unresolved substitutions).</summary>
    public HoconValue Value { get; }
}
