using System.Globalization;
using Akka.Actor;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Pi;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Monte Carlo pi with the simulation lab's kernel (<see cref="PiWorkload"/>): a master hands tasks
/// to 1 and 2 workers pinned on a ForkJoinDispatcher with exactly that many threads, pulling the
/// next task as each result arrives. Baselines: the plain serial loop and the lab's TPL version
/// with 2 threads. Every answer is checked against the serial one. All three run the same optimised kernel
/// (it is compiled fully optimised on first call, see <see cref="PiWorkload"/>), and each starts from a
/// quiet process (see <see cref="Quiesce"/>).
/// </summary>
public sealed class PiScenario : IBenchScenario
{
    private const string WorkerDispatcherId = "bench-pi-workers";

    public string Id => "pi";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var workload = new PiWorkload();
        ITaskFarmWorkload farm = workload;
        var parameters = new WorkloadParameters(sizes.PiSamples, sizes.PiTasks);
        var expected = workload.RunSerial(parameters);

        Quiesce.BeforeTimedRunAsync().GetAwaiter().GetResult();
        var serialMs = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Milliseconds(() => workload.RunSerial(parameters)));
        Quiesce.BeforeTimedRunAsync().GetAwaiter().GetResult();
        var tplMs = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Milliseconds(() => Check(workload, expected, workload.RunTpl(parameters, 2))));
        var oneMs = OnActors(farm, parameters, expected, workers: 1, sizes);
        var twoMs = OnActors(farm, parameters, expected, workers: 2, sizes);
        progress.Report($"  serial {Format.Fixed(serialMs)} ms, TPL(2) {Format.Fixed(tplMs)} ms, actors(1) {Format.Fixed(oneMs)} ms, actors(2) {Format.Fixed(twoMs)} ms");

        var size = string.Create(CultureInfo.InvariantCulture, $"{sizes.PiSamples / 1e6:0.#} M samples, {sizes.PiTasks} tasks");
        return
        [
            new BenchFigure(Id, $"pi, 2 workers on actors ({size})", "ms", twoMs, Better.Lower, serialMs, "plain serial loop"),
            new BenchFigure(Id, "pi speedup, 2 workers vs serial loop", "x", serialMs / twoMs, Better.Higher,
                serialMs / tplMs, "TPL speedup, 2 threads", AkkaReference.PiSpeedup, AkkaReference.PiGoal),
            new BenchFigure(Id, "pi speedup, 1 to 2 workers on actors", "x", oneMs / twoMs, Better.Higher,
                AkkaReference: AkkaReference.PiSpeedup),
        ];
    }

    private static double OnActors(ITaskFarmWorkload farm, WorkloadParameters parameters, object expected, int workers, BenchSizes sizes)
    {
        var system = BenchSystem.Create("bench-pi-" + workers.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $$"""
            {{WorkerDispatcherId}} {
              type = ForkJoinDispatcher
              throughput = 100
              dedicated-thread-pool { thread-count = {{workers}}, threadtype = background }
            }
            """));
        try
        {
            var tasks = farm.Split(parameters);
            Quiesce.BeforeTimedRunAsync().GetAwaiter().GetResult();
            return Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Milliseconds(() =>
            {
                var done = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                var master = system.ActorOf(Props.Create(() => new PiMaster(farm, parameters, tasks, workers, done)));
                Measure.Await(done.Task, "pi on actors");
                Check(farm, expected, done.Task.Result);
                system.Stop(master);
            }));
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static void Check(IWorkload workload, object expected, object actual)
    {
        var check = workload.Check(expected, actual);
        if (!check.Passed)
        {
            throw new InvalidOperationException("bench: pi answer differs from the serial reference: " + check.Detail);
        }
    }

    /// <summary>Hands out tasks two at a time per worker and the next one on each result; combines in task order.</summary>
    private sealed class PiMaster(ITaskFarmWorkload farm, WorkloadParameters parameters, IReadOnlyList<WorkTask> tasks, int workers, TaskCompletionSource<object> done) : UntypedActor
    {
        private const int Prefetch = 2;
        private readonly TaskResult[] _results = new TaskResult[tasks.Count];
        private int _next;
        private int _received;

        protected override void PreStart()
        {
            for (var w = 0; w < workers; w++)
            {
                var worker = Context.ActorOf(Props.Create(() => new PiWorker(farm)).WithDispatcher(WorkerDispatcherId));
                for (var i = 0; i < Prefetch && _next < tasks.Count; i++)
                {
                    worker.Tell(tasks[_next++], Self);
                }
            }
        }

        protected override void OnReceive(object message)
        {
            if (message is not TaskResult result)
            {
                return;
            }

            _results[result.TaskId] = result;
            if (_next < tasks.Count)
            {
                Sender.Tell(tasks[_next++], Self);
            }

            if (++_received == tasks.Count)
            {
                done.TrySetResult(farm.Combine(parameters, _results));
            }
        }
    }

    private sealed class PiWorker(ITaskFarmWorkload farm) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is WorkTask task)
            {
                Sender.Tell(farm.Execute(task), Self);
            }
        }
    }
}
