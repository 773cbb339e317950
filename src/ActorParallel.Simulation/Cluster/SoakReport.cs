using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorParallel.Simulation.Lab;

namespace ActorParallel.Simulation.Cluster;

/// <summary>One process's figures at a sample: managed heap after a full collection, working set, undelivered messages, jobs held.</summary>
/// <param name="Name"><c>driver</c> or the worker node's address.</param>
/// <param name="HeapBytes">Managed heap after a full blocking collection; -1: the node did not answer.</param>
/// <param name="WorkingSetBytes">The process's working set (resident memory) read after that collection.</param>
/// <param name="DeadLetters">A node's dead letters and dropped messages since it started (the driver's are in <see cref="SoakReport.DeadLetters"/>; the report shows a node's during the soak).</param>
/// <param name="Unhandled">Messages a node's actors left unhandled since it started.</param>
/// <param name="Jobs">Jobs a node still held workers for.</param>
public sealed record SoakProcess(string Name, long HeapBytes, long WorkingSetBytes, long DeadLetters, long Unhandled, int Jobs);

/// <summary>The memory of the driver and of every worker node after <see cref="Jobs"/> jobs.</summary>
/// <param name="Jobs">Jobs run before the sample, the warm-up's included.</param>
/// <param name="At">Time since the soak started.</param>
/// <param name="Driver">The driver's figures.</param>
/// <param name="Nodes">Every worker node's, by address.</param>
public sealed record SoakSample(int Jobs, TimeSpan At, SoakProcess Driver, IReadOnlyList<SoakProcess> Nodes);

/// <summary>One process's memory over the measured jobs (<see cref="SoakReport.Memory"/>).</summary>
/// <param name="Name"><c>driver</c> or the worker node's address.</param>
/// <param name="First">The first sample after the warm-up (null: the node never answered).</param>
/// <param name="Last">The last sample it answered.</param>
/// <param name="LowestHeapBytes">The smallest heap among the samples.</param>
/// <param name="HighestHeapBytes">The largest.</param>
/// <param name="HeapGrowthPercent">Growth of the heap along the least-squares line, first sample to last.</param>
/// <param name="WorkingSetGrowthPercent">The same for the working set.</param>
/// <param name="Samples">Samples the process answered.</param>
public sealed record SoakMemory(
    string Name, SoakProcess? First, SoakProcess? Last, long LowestHeapBytes, long HighestHeapBytes, double HeapGrowthPercent, double WorkingSetGrowthPercent, int Samples);

/// <summary>
/// What a soak found: answers right, wrong and jobs failed; memory per process from the first sample (after the
/// warm-up) to the last, with its growth; and the driver's undelivered messages by kind and type, each judged expected
/// or not (<see cref="IsExpected"/>).
/// </summary>
public sealed record SoakReport(
    SoakOptions Options, int Right, int Wrong, int Failed, IReadOnlyList<string> Failures, IReadOnlyList<SoakSample> Samples,
    IReadOnlyList<DeadLetterTally.Entry> DeadLetters, TimeSpan Elapsed)
{
    /// <summary>Every worker node's counters before the first job: a node's undelivered messages during the soak are its count at the end less these.</summary>
    public IReadOnlyList<SoakProcess> NodesAtStart { get; init; } = [];

    /// <summary>A node's dead letters and unhandled messages during the soak (its counters at its last sample less those at the start).</summary>
    public (long DeadLetters, long Unhandled) NodeLetters(SoakProcess last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var start = NodesAtStart.FirstOrDefault(n => n.Name == last.Name && n.DeadLetters >= 0);
        return (last.DeadLetters - (start?.DeadLetters ?? 0), last.Unhandled - (start?.Unhandled ?? 0));
    }

    /// <summary>Version 1: this layout. Adding a property keeps the version; renaming or removing one raises it.</summary>
    public const int SchemaVersion = 1;

    public int Jobs => Right + Wrong + Failed;

    /// <summary>
    /// The driver's undelivered messages that are not <see cref="IsExpected"/>, plus every worker node's dead letters
    /// and unhandled messages during the soak (a node counts them by kind only; its suppressed ones are apart).
    /// </summary>
    public long UnexpectedDeadLetters =>
        DeadLetters.Where(e => !IsExpected(e)).Sum(e => e.Count)
        + Memory.Skip(1).Where(m => m.Last is { DeadLetters: >= 0 }).Sum(m => NodeLetters(m.Last!).DeadLetters + NodeLetters(m.Last!).Unhandled);

    /// <summary>
    /// Per process (driver first, then the nodes by address), over the samples after the warm-up: the first and the last,
    /// the heap's lowest and highest, and the growth of the heap and of the working set in percent. Growth is read off the
    /// least-squares line through all the samples (its value at the last sample against its value at the first), not off
    /// two single samples: a heap that holds Akka.Remote's caches moves up and down by a few percent as they evict, and
    /// one sample can fall on a crest and the other in a trough. A leak raises the whole line.
    /// </summary>
    public IReadOnlyList<SoakMemory> Memory
    {
        get
        {
            var names = new[] { "driver" }.Concat(Samples[0].Nodes.Select(n => n.Name)).ToList();
            return [.. names.Select(name =>
            {
                var series = Samples
                    .Select(s => (s.Jobs, Process: name == "driver" ? s.Driver : s.Nodes.FirstOrDefault(n => n.Name == name)))
                    .Where(p => p.Process is { HeapBytes: >= 0 })
                    .Select(p => (p.Jobs, Process: p.Process!))
                    .ToList();
                if (series.Count < 2)
                    return new SoakMemory(name, series.FirstOrDefault().Process, series.LastOrDefault().Process, -1, -1, double.NaN, double.NaN, series.Count);
                return new SoakMemory(
                    name, series[0].Process, series[^1].Process, series.Min(p => p.Process.HeapBytes), series.Max(p => p.Process.HeapBytes),
                    TrendGrowth(series.Select(p => (p.Jobs, (double)p.Process.HeapBytes)).ToList()),
                    TrendGrowth(series.Select(p => (p.Jobs, (double)p.Process.WorkingSetBytes)).ToList()),
                    series.Count);
            })];
        }
    }

    /// <summary>Every process answered at least twice and its heap grew less than <see cref="SoakOptions.MaxGrowthPercent"/> over the measured jobs.</summary>
    public bool MemoryFlat => Memory.All(m => m.Samples >= 2 && m.HeapGrowthPercent < Options.MaxGrowthPercent);

    /// <summary>
    /// The least-squares line through (jobs, value): its value at the last point minus its value at the first, in percent
    /// of the latter.
    /// </summary>
    public static double TrendGrowth(IReadOnlyList<(int Jobs, double Value)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
            return double.NaN;
        var (mx, my) = (points.Average(p => (double)p.Jobs), points.Average(p => p.Value));
        var sxx = points.Sum(p => (p.Jobs - mx) * (p.Jobs - mx));
        var slope = sxx == 0 ? 0 : points.Sum(p => (p.Jobs - mx) * (p.Value - my)) / sxx;
        var first = my + (slope * (points[0].Jobs - mx));
        var last = my + (slope * (points[^1].Jobs - mx));
        return first <= 0 ? double.NaN : Math.Round((last - first) * 100 / first, 2);
    }

    /// <summary>
    /// An undelivered message the soak expects: one Akka itself marks as fine to lose (suppressed dead letters, such as
    /// a heartbeat to a node that left). Every other dead letter, dropped message or unhandled message counts as
    /// unexpected: in a soak without faults a job's messages all reach a live actor.
    /// </summary>
    public static bool IsExpected(DeadLetterTally.Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == DeadLetterTally.Kinds.Suppressed;
    }

    public static string Megabytes(long bytes) => bytes < 0 ? "n/a" : (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The report as text: the totals, the memory table, the undelivered messages, the failures.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"soak: {Jobs} jobs ({Options.Warmup} warm-up, {Options.Jobs} measured) of {string.Join(", ", Options.Workloads)} in {Elapsed.TotalSeconds:0.0} s ({Jobs / Math.Max(0.001, Elapsed.TotalSeconds):0.0} jobs/s)");
        text.AppendLine(inv, $"answers: {Right} right, {Wrong} wrong, {Failed} jobs failed");
        var driverLetters = DeadLetters.Where(e => e.Kind is DeadLetterTally.Kinds.DeadLetter or DeadLetterTally.Kinds.Dropped).Sum(e => e.Count);
        var suppressed = DeadLetters.Where(e => e.Kind == DeadLetterTally.Kinds.Suppressed).Sum(e => e.Count);
        var unhandled = DeadLetters.Where(e => e.Kind == DeadLetterTally.Kinds.Unhandled).Sum(e => e.Count);
        text.AppendLine(inv, $"driver: {driverLetters} dead letters, {unhandled} unhandled, {suppressed} suppressed; unexpected, the nodes' included: {UnexpectedDeadLetters}");
        foreach (var e in DeadLetters)
            text.AppendLine(inv, $"  {e.Count} x {e.Kind} {e.MessageType} ({(IsExpected(e) ? "expected" : "unexpected")}), e.g. to {e.Recipient} from {e.Sender}");
        text.AppendLine(inv, $"memory over the {Options.Jobs} measured jobs (after {Options.Warmup} warm-up jobs), sampled every {Options.SampleEvery} jobs: managed heap after a full GC (first, last, lowest, highest) and working set; growth along the least-squares line");
        text.AppendLine("process                                  heap first   last   lowest  highest  growth   working set first   last  growth  dead letters  jobs held");
        foreach (var m in Memory)
        {
            var node = m.Name != "driver";
            text.AppendLine(inv, $"{m.Name,-39} {Megabytes(m.First?.HeapBytes ?? -1),11} {Megabytes(m.Last?.HeapBytes ?? -1),8} {Megabytes(m.LowestHeapBytes),8} {Megabytes(m.HighestHeapBytes),8} {Percent(m.HeapGrowthPercent),7}  {Megabytes(m.First?.WorkingSetBytes ?? -1),16} {Megabytes(m.Last?.WorkingSetBytes ?? -1),8} {Percent(m.WorkingSetGrowthPercent),7}  {(node ? (m.Last is { } l ? NodeLetters(l).DeadLetters.ToString(inv) : "n/a") : "-"),12}  {(node ? m.Last?.Jobs.ToString(inv) ?? "n/a" : "-"),9}");
        }

        text.AppendLine(inv, $"memory: {(MemoryFlat ? "flat" : "GREW")}: every managed heap grew less than {Options.MaxGrowthPercent.ToString(inv)}% over the measured jobs: {(MemoryFlat ? "yes" : "no")}");
        foreach (var f in Failures)
            text.AppendLine("  " + f);
        return text.ToString().TrimEnd();
    }

    private static string Percent(double p) => double.IsNaN(p) ? "n/a" : p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The report as one JSON object (snake_case, bytes as numbers, schema <see cref="SchemaVersion"/>).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            SchemaVersion,
            Workloads = Options.Workloads,
            Jobs,
            Right,
            Wrong,
            Failed,
            Failures,
            ElapsedMs = Math.Round(Elapsed.TotalMilliseconds, 1),
            WarmupJobs = Options.Warmup,
            MeasuredJobs = Options.Jobs,
            SampleEvery = Options.SampleEvery,
            MaxGrowthPercent = Options.MaxGrowthPercent,
            MemoryFlat,
            UnexpectedDeadLetters,
            DeadLetters = DeadLetters.Select(e => new { e.Kind, e.MessageType, e.Count, Expected = IsExpected(e), e.Recipient, e.Sender }),
            Memory = Memory.Select(m => new
            {
                Process = m.Name,
                HeapBytesFirst = m.First?.HeapBytes,
                HeapBytesLast = m.Last?.HeapBytes,
                HeapBytesLowest = m.LowestHeapBytes,
                HeapBytesHighest = m.HighestHeapBytes,
                HeapGrowthPercent = m.HeapGrowthPercent,
                WorkingSetBytesFirst = m.First?.WorkingSetBytes,
                WorkingSetBytesLast = m.Last?.WorkingSetBytes,
                WorkingSetGrowthPercent = m.WorkingSetGrowthPercent,
                DeadLetters = m.Name == "driver" || m.Last is null ? (long?)null : NodeLetters(m.Last).DeadLetters,
                Unhandled = m.Name == "driver" || m.Last is null ? (long?)null : NodeLetters(m.Last).Unhandled,
                JobsHeld = m.Name == "driver" ? null : m.Last?.Jobs,
                m.Samples,
            }),
            Samples = Samples.Select(s => new
            {
                s.Jobs,
                AtMs = Math.Round(s.At.TotalMilliseconds, 1),
                Processes = new[] { s.Driver }.Concat(s.Nodes).Select(p => new { p.Name, p.HeapBytes, p.WorkingSetBytes, p.DeadLetters, p.Unhandled, p.Jobs }),
            }),
        },
        RunJson.Options);
}
