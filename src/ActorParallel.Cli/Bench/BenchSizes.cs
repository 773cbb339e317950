namespace ActorParallel.Cli.Bench;

/// <summary>How big a run is: <see cref="BenchSizes.Full"/>, <see cref="BenchSizes.Quick"/> or <see cref="BenchSizes.Tiny"/>.</summary>
public enum BenchScale
{
    Tiny,
    Quick,
    Full,
}

/// <summary>
/// How big each scenario's workload is and how often it is repeated. <see cref="Full"/> takes about two
/// minutes on 2 cores, <see cref="Quick"/> under 40 s, <see cref="Tiny"/> a few seconds (tests: the figures
/// are meaningless, only their shape and the answers are checked).
/// </summary>
/// <param name="Mode">The name printed and written to JSON.</param>
/// <param name="Scale">Picks each lab workload's size (see <c>BenchWorkloads</c>).</param>
/// <param name="Warmups">Unrecorded runs before the recorded ones (JIT tiers, pools, caches).</param>
/// <param name="Repeats">Recorded runs; the figure is their median.</param>
/// <param name="PingPongMessagesPerPair">Pings each pair sends in the ping-pong scenario.</param>
/// <param name="InFlight">Pings each pair keeps in flight.</param>
/// <param name="FarmTasks">Empty tasks per run of the bare Akka.NET farm, the Channel&lt;T&gt; farm and Parallel.For.</param>
/// <param name="LabFarmProbeTasks">
/// Empty tasks of the lab farm's two unrecorded jobs at each W; the second one's end-to-end rate sizes the recorded jobs,
/// which get <paramref name="LabFarmSeconds"/> worth of tasks, at least this many and at most <paramref name="FarmTasks"/>.
/// </param>
/// <param name="LabFarmSeconds">How long a recorded lab farm job should take; bounds the scenario however slow the farm is.</param>
/// <param name="WorkloadRepeats">Recorded runs (actors and TPL, alternating) per lab workload.</param>
/// <param name="Quiesce">Bring the process to rest before the lab workloads' timed runs, as <c>run</c> does (at least 0.25 s each).</param>
/// <param name="CreateTerminateRepeats">Warm ActorSystem create + terminate runs.</param>
/// <param name="HoconChars">Size of the generated HOCON document.</param>
/// <param name="HoconParses">Parses per recorded HOCON run.</param>
public sealed record BenchSizes(
    string Mode,
    BenchScale Scale,
    int Warmups,
    int Repeats,
    int PingPongMessagesPerPair,
    int InFlight,
    int FarmTasks,
    int LabFarmProbeTasks,
    double LabFarmSeconds,
    int WorkloadRepeats,
    bool Quiesce,
    int CreateTerminateRepeats,
    int HoconChars,
    int HoconParses)
{
    public static BenchSizes Full { get; } = new(
        "full", BenchScale.Full, Warmups: 1, Repeats: 5, PingPongMessagesPerPair: 300_000, InFlight: 1000,
        FarmTasks: 100_000, LabFarmProbeTasks: 4_000, LabFarmSeconds: 0.5, WorkloadRepeats: 5, Quiesce: true,
        CreateTerminateRepeats: 20, HoconChars: 40 * 1024, HoconParses: 200);

    public static BenchSizes Quick { get; } = new(
        "quick", BenchScale.Quick, Warmups: 1, Repeats: 3, PingPongMessagesPerPair: 100_000, InFlight: 1000,
        FarmTasks: 20_000, LabFarmProbeTasks: 2_000, LabFarmSeconds: 0.25, WorkloadRepeats: 1, Quiesce: true,
        CreateTerminateRepeats: 10, HoconChars: 40 * 1024, HoconParses: 50);

    public static BenchSizes Tiny { get; } = new(
        "tiny", BenchScale.Tiny, Warmups: 0, Repeats: 1, PingPongMessagesPerPair: 2_000, InFlight: 50,
        FarmTasks: 400, LabFarmProbeTasks: 300, LabFarmSeconds: 0, WorkloadRepeats: 1, Quiesce: false,
        CreateTerminateRepeats: 2, HoconChars: 2 * 1024, HoconParses: 3);
}
