namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>The payload-free message every throughput scenario sends; one instance, so sending allocates nothing for it.</summary>
internal sealed class Msg
{
    public static readonly Msg Instance = new();

    private Msg()
    {
    }
}
