namespace ActorParallel;

/// <summary>"Completed, with no value": the result of tasks that only signal completion.</summary>
public sealed class Done
{
    public static Done Instance { get; } = new();

    private Done()
    {
    }

    public override string ToString() => "Done";
}
