namespace ActorParallel.Cli.Bench;

/// <summary>
/// Akka.NET 1.5.30 measured on this 2-core machine (issue 4) and the goals derived from it. Kept in
/// one place so the report, the JSON and the README table agree.
/// </summary>
public static class AkkaReference
{
    public const double PingPongOnePair = 8.3e6;
    public const double PingPongManyPairs = 16.7e6;

    /// <summary>Akka measured 14 to 22 M msg/s for pools of 1 to 4; the goal doubles the low end.</summary>
    public const double FanOutLow = 14e6;
    public const double SpawnsPerSecond = 49e3;
    public const double BytesPerIdleActor = 1970;
    public const double PiSpeedup = 1.82;
    public const double CreateTerminateMs = 240;

    public static BenchGoal PingPongGoal(int pairs)
    {
        var akka = pairs == 1 ? PingPongOnePair : PingPongManyPairs;
        return BenchGoal.AtLeast(2 * akka, $">= {Format.Si(2 * akka)} (2x Akka)");
    }

    public static double PingPong(int pairs) => pairs == 1 ? PingPongOnePair : PingPongManyPairs;

    public static BenchGoal FanOutGoal { get; } = BenchGoal.AtLeast(2 * FanOutLow, $">= {Format.Si(2 * FanOutLow)} (2x Akka low end)");

    public static BenchGoal SpawnGoal { get; } = BenchGoal.AtLeast(1e6, ">= 1 M/s");

    public static BenchGoal BytesPerActorGoal { get; } = BenchGoal.AtMost(500, "<= 500 B");

    public static BenchGoal PiGoal { get; } = BenchGoal.AtLeast(1.95, ">= 1.95x vs serial");

    public static BenchGoal CreateTerminateGoal { get; } = BenchGoal.AtMost(30, "<= 30 ms");
}
