using System.Globalization;
using Akka.Actor;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Configuration;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Runs the parallel part of a job on actors. Each job gets its own <see cref="ActorSystem"/> whose
/// worker dispatcher is a ForkJoinDispatcher with exactly W threads, so W really is the number of
/// threads computing; the supervisor and the metrics actor run on the default dispatcher. The system
/// is terminated when the job ends, which also stops its threads. The job clock starts when the supervisor
/// gets <see cref="StartJob"/>: after the system, its W threads and the supervisor exist. With
/// <paramref name="quiesce"/> (the lab's timed runs) also after a warm-up job of empty tasks on the same system
/// and a small job of the workload itself (<see cref="WarmUpJob"/>), twice,
/// and after the process has come to rest (<see cref="Quiesce"/>), so that neither compiling the message path
/// nor recompiling the set-up code runs on the job's cores.
/// </summary>
/// <remarks>
/// <paramref name="akka"/> is the user's <c>akka</c> section (from <c>--config</c>, resolved by our parser); it overrides the
/// engine's defaults (log level, the worker dispatcher's throughput) except the worker dispatcher's thread count, which is W.
/// </remarks>
public sealed class ActorEngine(TimeSpan progressInterval = default, IProgress<MetricsSnapshot>? progress = null, bool quiesce = false, HoconConfig? akka = null) : IJobEngine
{
    /// <summary>The dispatcher id the workers (and peers) run on.</summary>
    public const string WorkerDispatcherId = "akka.actor.lab-worker-dispatcher";

    /// <summary>Tasks of the warm-up job: enough calls of the message path for the JIT's tier-1 recompilation (30 calls, twice through the instrumented tier).</summary>
    private const int WarmUpTasks = 200;

    public string Name => "actors";

    /// <summary>The engine's defaults for a job's actor system, below whatever the user's <c>akka</c> section sets.</summary>
    private static readonly HoconConfig Defaults = HoconConfigFactory.ParseString("""
        akka.loglevel = WARNING
        # Log lines go to standard error: standard output is the command's own (`run --json`).
        akka.loggers = ["ActorParallel.Simulation.Cluster.LabLogger, ActorParallel.Simulation"]
        akka.stdout-loglevel = OFF
        akka.log-dead-letters-during-shutdown = off
        akka.actor.lab-worker-dispatcher {
          type = ForkJoinDispatcher
          throughput = 100
          dedicated-thread-pool { threadtype = background }
        }
        """);

    /// <summary>
    /// The configuration of a job's actor system: a fixed W-thread dispatcher for the workers, over the user's
    /// <paramref name="user"/> <c>akka</c> section, over the engine's defaults; handed to Akka.NET already resolved.
    /// </summary>
    public static Akka.Configuration.Config SystemConfig(int workers, HoconConfig? user = null)
    {
        var job = HoconConfigFactory.ParseString(string.Create(CultureInfo.InvariantCulture,
            $"akka.actor.lab-worker-dispatcher.dedicated-thread-pool.thread-count = {workers}"));
        var config = user is null || user.IsEmpty ? job.WithFallback(Defaults) : job.WithFallback(user).WithFallback(Defaults);
        return AkkaHandOver.ToAkka(config);
    }

    public async Task<EngineRun> RunAsync(IWorkload workload, JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(request);
        // A thread does not die silently: speculative copies (cluster jobs) would only take CPU from the workers.
        request = request with { Speculation = null };
        using var system = ActorSystem.Create("lab", SystemConfig(request.Workers, akka));
        try
        {
            var metrics = system.ActorOf(Props.Create(() => new MetricsActor(progressInterval)), "metrics");
            if (progress is not null)
            {
                var listener = system.ActorOf(Props.Create(() => new ProgressListener(progress)), "progress");
                system.EventStream.Subscribe(listener, typeof(MetricsSnapshot));
            }

            var props = workload switch
            {
                ITaskFarmWorkload farm => Props.Create(() => new SupervisorActor(farm, request, metrics, WorkerDispatcherId)),
                IPeerWorkload peers => Props.Create(() => new PeerCoordinatorActor(peers, request, metrics, WorkerDispatcherId)),
                _ => throw new JobFailedException($"{workload.Name}: topology {workload.Topology} is not supported by the actor engine"),
            };
            var supervisor = system.ActorOf(props, "supervisor");
            using var cancel = cancellationToken.Register(() => supervisor.Tell(CancelJob.Instance, ActorRefs.NoSender));

            // The W threads start here, not inside the job.
            system.Dispatchers.Lookup(WorkerDispatcherId);
            if (quiesce)
            {
                await WarmUpAsync(system, request, cancellationToken).ConfigureAwait(false);
                if (WarmUpJob.Parameters(workload, request.Parameters, request.Workers) is { } own)
                {
                    // Twice, with the JIT at rest between: calls made within 100 ms of compiling new methods are not
                    // counted towards the optimised recompilation, so only the second run gets the workload's hot methods
                    // recompiled (before the clock, by the settle below) instead of during the job.
                    await WarmUpWorkloadAsync(system, workload, own, request, 1, cancellationToken).ConfigureAwait(false);
                    await Quiesce.BeforeTimedRunAsync(cancellationToken).ConfigureAwait(false);
                    await WarmUpWorkloadAsync(system, workload, own, request, 2, cancellationToken).ConfigureAwait(false);
                }

                await Quiesce.BeforeTimedRunAsync(cancellationToken).ConfigureAwait(false);
            }

            // The supervisor enforces job-timeout itself and answers; the Ask timeout is only a backstop.
            var outcome = await supervisor.Ask<JobOutcome>(StartJob.Instance, request.Timeout + TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                if (cancellationToken.IsCancellationRequested)
                    throw new OperationCanceledException(outcome.Error, cancellationToken);
                throw new JobFailedException(outcome.Error!);
            }

            return new EngineRun(outcome.Answer!, outcome.Metrics.Wall, outcome.Metrics);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <see cref="WarmUpTasks"/> empty tasks through a supervisor, W workers and a metrics actor of their own on
    /// the job's system, so that the message path is compiled, and recompiled optimised, before the job clock starts.
    /// Without it the first job of a process (every <c>run</c>) spent its first ~100 ms compiling some 700 methods of the
    /// engine and the runtime on the job's cores, code the TPL has precompiled in the framework.
    /// </summary>
    private static async Task WarmUpAsync(ActorSystem system, JobRequest request, CancellationToken cancellationToken)
    {
        var warmUp = new JobRequest(WarmUpWorkload.Id, new WorkloadParameters(WarmUpTasks, WarmUpTasks), request.Workers, request.Mode)
        {
            Prefetch = request.Prefetch,
            MeasureTpl = false,
        };
        var workload = new WarmUpWorkload();
        await RunWarmUpJobAsync(system, "warm-up", metrics => Props.Create(() => new SupervisorActor(workload, warmUp, metrics, WorkerDispatcherId)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Also a small job of the workload itself (<see cref="WarmUpJob"/>) through a coordinator and metrics actor of its
    /// own, so that the workload's path (its tasks' code and result types; a peer's or a shuffle's actors, the router) is
    /// compiled before the clock starts, as the generic message path is by <see cref="WarmUpAsync"/>. Without it the first steps of a heat job waited some 10 ms per strip for the compiler,
    /// and the JIT's background thread recompiled the strips' code during the job (20-70 ms of CPU on the job's 2 cores,
    /// from the threads' schedstat); wordcount's first shuffled parts waited for the reducers' handlers to be compiled.
    /// </summary>
    private static async Task WarmUpWorkloadAsync(ActorSystem system, IWorkload workload, WorkloadParameters parameters, JobRequest request, int round, CancellationToken cancellationToken)
    {
        var warmUp = new JobRequest(workload.Name, parameters, request.Workers, request.Mode)
        {
            Prefetch = request.Prefetch,
            MeasureTpl = false,
        };
        var (farm, peers) = (workload as ITaskFarmWorkload, workload as IPeerWorkload);
        if (farm is null && peers is null)
            return;
        await RunWarmUpJobAsync(
            system,
            $"warm-up-{workload.Name}-{round}",
            metrics => farm is not null
                ? Props.Create(() => new SupervisorActor(farm, warmUp, metrics, WorkerDispatcherId))
                : Props.Create(() => new PeerCoordinatorActor(peers!, warmUp, metrics, WorkerDispatcherId)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one warm-up job: a metrics actor and the coordinator <paramref name="coordinator"/> makes for it, both named
    /// after <paramref name="name"/>, asked to start and stopped afterwards. A warm-up that times out is not an error:
    /// on a machine too busy to finish it, the job runs anyway.
    /// </summary>
    private static async Task RunWarmUpJobAsync(ActorSystem system, string name, Func<IActorRef, Props> coordinator, CancellationToken cancellationToken)
    {
        var metrics = system.ActorOf(Props.Create(() => new MetricsActor(TimeSpan.Zero)), name + "-metrics");
        var job = system.ActorOf(coordinator(metrics), name);
        try
        {
            await job.Ask<JobOutcome>(StartJob.Instance, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            // Only a warm-up.
        }
        finally
        {
            system.Stop(job);
            system.Stop(metrics);
        }
    }

    /// <summary>Tasks that do nothing: the warm-up job.</summary>
    private sealed class WarmUpWorkload : Workload<int, int, int>
    {
        public const string Id = "warm-up";

        public override string Name => Id;

        public override string Description => "empty tasks that warm the engine's message path up";

        public override long DefaultSize => WarmUpTasks;

        protected override IEnumerable<int> Split(WorkloadParameters parameters) => Enumerable.Range(0, parameters.Tasks);

        protected override int Execute(int task) => task;

        protected override int Combine(WorkloadParameters parameters, IReadOnlyList<int> outputs) => outputs.Sum();

        protected override int Serial(WorkloadParameters parameters) => Combine(parameters, [.. Split(parameters)]);
    }

    /// <summary>Forwards progress snapshots from the event stream to an <see cref="IProgress{T}"/>.</summary>
    private sealed class ProgressListener : ReceiveActor
    {
        public ProgressListener(IProgress<MetricsSnapshot> progress) => Receive<MetricsSnapshot>(progress.Report);
    }
}
