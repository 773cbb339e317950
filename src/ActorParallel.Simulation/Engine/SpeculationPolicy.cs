namespace ActorParallel.Simulation.Engine;

/// <summary>
/// Speculative copies of a silent worker's tasks (the "backup tasks" of MapReduce, Spark's <c>spark.speculation</c>):
/// copies of what it holds go to the front of the queue, once per task, and an idle worker takes them at once (a busy
/// one with its next batch), so that a node that died or froze costs the job about <see cref="MinSilence"/> rather than
/// the failure detector's time to call it unreachable (seconds). Whichever copy's result comes first counts; the other
/// is dropped as a duplicate by task id.
/// <para>
/// A worker is silent when nothing came back from it for longer than both <see cref="MinSilence"/> and
/// <see cref="Factor"/> times the work it holds (the measured time per task times its tasks), so a healthy worker on
/// long tasks is not copied. Off for local jobs (a thread does not die silently); cluster jobs have it on
/// (<c>speculate-after</c>).
/// </para>
/// </summary>
/// <param name="MinSilence">The shortest silence that counts (well above a round trip and a GC pause).</param>
/// <param name="Factor">How many times the expected time of what it holds a worker may stay silent.</param>
public sealed record SpeculationPolicy(TimeSpan MinSilence, double Factor = 4)
{
    /// <summary>The cluster engine's default: 300 ms of silence, and 4x the work held.</summary>
    public static SpeculationPolicy Cluster { get; } = new(TimeSpan.FromMilliseconds(300));

    /// <summary>How often a supervisor should look for silent workers: a quarter of <see cref="MinSilence"/>, 20 ms to 250 ms.</summary>
    public TimeSpan CheckInterval => TimeSpan.FromTicks(Math.Clamp(MinSilence.Ticks / 4, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromMilliseconds(250).Ticks));
}
