namespace ActorParallel;

/// <summary>A value that carries no information (Akka's <c>NotUsed</c>).</summary>
public sealed class NotUsed
{
    public static NotUsed Instance { get; } = new();

    private NotUsed()
    {
    }

    public override string ToString() => "NotUsed";
}
