using System.Diagnostics;
using System.Globalization;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// What the lab's farm costs per task: empty tasks (<see cref="EmptyWorkload"/>) through the lab's own engine
/// (<see cref="ActorEngine"/>: supervisor, task ledger, metrics actor, W workers on a W-thread dispatcher) at
/// W = 1 and 2, beside a bare Akka.NET farm (<see cref="BareAkkaFarm"/>), a Channel&lt;T&gt; farm
/// (<see cref="ChannelBaselines.Farm"/>) and <c>Parallel.For</c> over the same empty tasks (the lab's TPL path),
/// plus the bytes allocated per task. The lab's rate is timed by the engine's own job clock (it starts once the
/// system, its W threads and the supervisor exist and stops when the supervisor has the answer), so creating the
/// ActorSystem is not in it; nor is the metrics actor catching up on its backlog of events before it reports,
/// which the end-to-end figure (the whole <see cref="ActorEngine.RunAsync"/> call) includes. Each lab job is sized
/// from unrecorded jobs (which also warm the engine up) to take about <see cref="BenchSizes.LabFarmSeconds"/>
/// end to end, so a slow farm still finishes quickly and a fast one is still timed over enough tasks. The lab's
/// jobs are not quiesced (<see cref="BenchSizes.Quiesce"/>): over half a second of empty tasks the JIT's
/// background recompilation is noise, and the median of the repeats drops the first, compiling, run.
/// Every answer is checked.
/// </summary>
public sealed class FarmScenario : IBenchScenario
{
    public static IReadOnlyList<int> WorkerCounts { get; } = [1, 2];

    /// <summary>The W at which allocations are measured.</summary>
    public const int AllocationWorkers = 2;

    /// <summary>Goal for the lab farm's rate against the bare Akka.NET farm's.</summary>
    public static BenchGoal LabGoal { get; } = BenchGoal.RatioAtLeast(0.5, ">= 0.5x bare Akka.NET farm");

    public string Id => "farm";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var workload = new EmptyWorkload();
        var figures = new List<BenchFigure>();
        var n = sizes.FarmTasks;
        var labTasksAtAllocationW = sizes.LabFarmProbeTasks;
        foreach (var w in WorkerCounts)
        {
            double bare;
            using (var system = BareAkkaFarm.CreateSystem(w))
            {
                bare = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(n, () => Check("bare Akka.NET farm", n, BareAkkaFarm.Run(system, n, w))));
                BenchSystem.Shutdown(system);
            }

            var channels = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(n, () => Check("Channel<T> farm", n, RunChannels(n, w))));
            var parallelFor = Measure.Median(sizes.Warmups, sizes.Repeats,
                () => Measure.Rate(n, () => Check("Parallel.For", n, (long)workload.RunTpl(EmptyWorkload.Parameters(n), w))));

            // Two unrecorded jobs: the first warms the engine up (the first one in the process also compiles it),
            // the second measures its rate end to end; the recorded jobs are sized from that.
            var engine = new ActorEngine();
            var probe = sizes.LabFarmProbeTasks;
            RunLab(engine, workload, probe, w);
            var labTasks = LabTasks(probe / RunLab(engine, workload, probe, w).EndToEnd.TotalSeconds, sizes);
            var endToEnd = new List<double>();
            var lab = Measure.Median(0, sizes.Repeats, () =>
            {
                var (wall, total) = RunLab(engine, workload, labTasks, w);
                endToEnd.Add(labTasks / total.TotalSeconds);
                return labTasks / wall.TotalSeconds;
            });
            var labEndToEnd = Measure.Median(endToEnd);
            if (w == AllocationWorkers)
            {
                labTasksAtAllocationW = labTasks;
            }

            progress.Report($"  W={w}: lab {Format.Si(lab)} tasks/s (end to end {Format.Si(labEndToEnd)}, {labTasks} tasks), bare Akka.NET {Format.Si(bare)}, Channel<T> {Format.Si(channels)}, Parallel.For {Format.Si(parallelFor)} tasks/s ({n} tasks)");
            var detail = Invariant($"lab: {labTasks} tasks per job, sized to ~{sizes.LabFarmSeconds} s; others: {n} tasks");
            figures.Add(new BenchFigure(Id, $"lab farm, empty tasks, W={w}", "tasks/s", lab, Better.Higher, bare, "bare Akka.NET farm", LabGoal, detail));
            figures.Add(new BenchFigure(Id, $"lab farm end to end (RunAsync), W={w}", "tasks/s", labEndToEnd, Better.Higher, bare, "bare Akka.NET farm",
                Detail: Invariant($"{labTasks} tasks; ActorSystem create, job, metrics report and terminate")));
            figures.Add(new BenchFigure(Id, $"lab farm vs Channel<T> farm, W={w}", "tasks/s", lab, Better.Higher, channels, "Channel<T> farm", Detail: detail));
            figures.Add(new BenchFigure(Id, $"lab farm vs Parallel.For, W={w}", "tasks/s", lab, Better.Higher, parallelFor, "Parallel.For", Detail: detail));
            figures.Add(new BenchFigure(Id, $"bare Akka.NET farm vs Channel<T> farm, W={w}", "tasks/s", bare, Better.Higher, channels, "Channel<T> farm",
                Detail: Invariant($"{n} tasks, {BareAkkaFarm.InFlightPerWorker} in flight per worker")));
        }

        figures.AddRange(Allocations(workload, labTasksAtAllocationW, sizes, progress));
        return figures;
    }

    private IEnumerable<BenchFigure> Allocations(EmptyWorkload workload, int labTasks, BenchSizes sizes, IProgress<string> progress)
    {
        const int w = AllocationWorkers;
        var n = sizes.FarmTasks;

        var engine = new ActorEngine();
        var lab = Measure.MarginalBytesPerOperation(labTasks, tasks => RunLab(engine, workload, tasks, w));
        double bare;
        using (var system = BareAkkaFarm.CreateSystem(w))
        {
            bare = Measure.MarginalBytesPerOperation(n, tasks => Check("bare Akka.NET farm", tasks, BareAkkaFarm.Run(system, tasks, w)));
            BenchSystem.Shutdown(system);
        }

        var channels = Measure.MarginalBytesPerOperation(n, tasks => Check("Channel<T> farm", tasks, RunChannels(tasks, w)));
        var messages = Measure.MarginalBytesPerOperation(labTasks, tasks => MakeMessages(workload, tasks));
        progress.Report($"  W={w}: lab {Format.Fixed(lab)} B/task, bare Akka.NET {Format.Fixed(bare)} B/task, Channel<T> {Format.Fixed(channels)} B/task; the lab's task and result messages {Format.Fixed(messages)} B/task");
        var detail = Invariant($"every thread, job of 1 task subtracted; lab {labTasks} tasks, others {n}");
        return
        [
            new BenchFigure(Id, $"bytes allocated per task, lab farm, W={w}", "B/task", lab, Better.Lower, bare, "bare Akka.NET farm", Detail: detail),
            new BenchFigure(Id, $"bytes allocated per task, lab farm vs its messages, W={w}", "B/task", lab, Better.Lower, messages,
                "the task and result messages alone", Goal: new BenchGoal(2, Better.Lower, "<= 2x the task and result messages", GoalOf.Ratio),
                Detail: "messages: the workload's WorkTask and TaskResult records with their payloads, made without any engine"),
            new BenchFigure(Id, $"bytes allocated per task, bare Akka.NET farm, W={w}", "B/task", bare, Better.Lower, channels, "Channel<T> farm", Detail: detail),
        ];
    }

    /// <summary>Only the messages a job of <paramref name="tasks"/> needs: every task (split) and every result (executed), no engine.</summary>
    private static void MakeMessages(EmptyWorkload workload, int tasks)
    {
        ITaskFarmWorkload farm = workload;
        var split = farm.Split(new WorkloadParameters(1, tasks));
        long sum = 0;
        foreach (var task in split)
            sum += (int)farm.Execute(task).Output;
        GC.KeepAlive(sum);
    }

    /// <summary>Tasks worth <see cref="BenchSizes.LabFarmSeconds"/> at <paramref name="rate"/>, two significant digits, between the probe and <see cref="BenchSizes.FarmTasks"/>.</summary>
    internal static int LabTasks(double rate, BenchSizes sizes)
    {
        var wanted = rate * sizes.LabFarmSeconds;
        if (!(wanted > sizes.LabFarmProbeTasks))
        {
            return sizes.LabFarmProbeTasks;
        }

        if (wanted >= sizes.FarmTasks)
        {
            return sizes.FarmTasks;
        }

        var unit = Math.Pow(10, Math.Floor(Math.Log10(wanted)) - 1);
        return Math.Max((int)(Math.Floor(wanted / unit) * unit), sizes.LabFarmProbeTasks);
    }

    /// <summary>
    /// One job of <paramref name="tasks"/> empty tasks on the lab's engine: its wall time as the engine measured it
    /// (the supervisor's job clock, from StartJob to the combined answer), and the time the whole
    /// <see cref="ActorEngine.RunAsync"/> call took (ActorSystem create, job, the metrics actor's report, terminate).
    /// </summary>
    private static (TimeSpan Wall, TimeSpan EndToEnd) RunLab(ActorEngine engine, EmptyWorkload workload, int tasks, int workers)
    {
        var request = new JobRequest(EmptyWorkload.Id, EmptyWorkload.Parameters(tasks), workers)
        {
            MeasureSerial = false,
            MeasureTpl = false,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var start = Stopwatch.GetTimestamp();
        var run = engine.RunAsync(workload, request).GetAwaiter().GetResult();
        var endToEnd = Stopwatch.GetElapsedTime(start);
        Check("lab farm", tasks, (long)run.Answer);
        return (run.Wall, endToEnd);
    }

    private static long RunChannels(int tasks, int workers)
    {
        var farm = ChannelBaselines.Farm(tasks, workers);
        Measure.Await(farm, "the Channel<T> farm");
        return farm.Result;
    }

    private static void Check(string what, int tasks, long answer)
    {
        if (answer != EmptyWorkload.Expected(tasks))
        {
            throw new InvalidOperationException($"bench: the {what}'s answer {answer} differs from the serial reference {EmptyWorkload.Expected(tasks)} ({tasks} tasks)");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
