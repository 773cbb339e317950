namespace ActorParallel.Cli.Bench;

/// <summary>
/// How big each scenario's workload is and how often it is repeated. <see cref="Full"/> takes a
/// few minutes on 2 cores, <see cref="Quick"/> under a minute, <see cref="Tiny"/> a few seconds
/// (tests: the figures are meaningless, only their shape is checked).
/// </summary>
public sealed record BenchSizes(
    string Mode,
    int Warmups,
    int Repeats,
    int PingPongMessagesPerPair,
    int InFlight,
    int FanOutMessages,
    int Spawns,
    int Asks,
    int Tells,
    int CreateTerminateRepeats,
    long PiSamples,
    int PiTasks,
    int HoconChars,
    int HoconParses)
{
    public static BenchSizes Full { get; } = new(
        "full", Warmups: 1, Repeats: 5, PingPongMessagesPerPair: 1_000_000, InFlight: 1000, FanOutMessages: 4_000_000,
        Spawns: 1_000_000, Asks: 200_000, Tells: 1_000_000, CreateTerminateRepeats: 20, PiSamples: 200_000_000, PiTasks: 400,
        HoconChars: 40 * 1024, HoconParses: 200);

    public static BenchSizes Quick { get; } = new(
        "quick", Warmups: 1, Repeats: 3, PingPongMessagesPerPair: 400_000, InFlight: 1000, FanOutMessages: 1_000_000,
        Spawns: 100_000, Asks: 50_000, Tells: 1_000_000, CreateTerminateRepeats: 10, PiSamples: 20_000_000, PiTasks: 40,
        HoconChars: 40 * 1024, HoconParses: 50);

    public static BenchSizes Tiny { get; } = new(
        "tiny", Warmups: 0, Repeats: 1, PingPongMessagesPerPair: 2_000, InFlight: 50, FanOutMessages: 4_000,
        Spawns: 500, Asks: 200, Tells: 2_000, CreateTerminateRepeats: 2, PiSamples: 200_000, PiTasks: 8,
        HoconChars: 2 * 1024, HoconParses: 3);
}
