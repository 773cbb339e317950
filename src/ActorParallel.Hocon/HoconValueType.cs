namespace ActorParallel.Configuration;

/// <summary>The kind of a resolved HOCON value.</summary>
public enum HoconValueType
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
