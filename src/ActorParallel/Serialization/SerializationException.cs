namespace ActorParallel.Serialization;

/// <summary>A message could not be serialized or deserialized, or its type is not allowed.</summary>
public class SerializationException : Exception
{
    public SerializationException()
    {
    }

    public SerializationException(string message)
        : base(message)
    {
    }

    public SerializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
