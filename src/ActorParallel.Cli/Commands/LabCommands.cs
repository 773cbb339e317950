using System.CommandLine;
using System.Globalization;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// The simulation lab's commands: <c>list</c>, <c>run</c> and <c>sweep</c>. Each parses its options into
/// the lab's option records and prints what <see cref="SimulationLab"/> returns; all logic lives there.
/// Exit codes: 0 done and correct, 1 a configuration file error, 2 a bad workload name, size or option,
/// 3 the answer differs from the serial reference, 4 the job failed or timed out.
/// </summary>
internal static class LabCommands
{
    public static Command BuildList()
    {
        var config = ConfigOption();
        var json = JsonOption();
        var command = new Command("list", "List the workloads with their default size, task count and options.") { config, json };
        command.SetAction(result => Guard(result.InvocationConfiguration.Error, () =>
        {
            result.InvocationConfiguration.Output.WriteLine(ActorLab.Create(ActorParallelApp.Registry).List(result.GetValue(config), result.GetValue(json)));
            return 0;
        }));
        return command;
    }

    public static Command BuildRun()
    {
        var workload = new Argument<string>("workload") { Description = "The workload to run (see `list`)." };
        var workers = new Option<int?>("--workers", "-w") { Description = "Worker actors, each on its own thread (default: actorparallel.lab.workers)." };
        var size = new Option<long?>("--size", "-s") { Description = "Problem size (the unit depends on the workload; see `list`)." };
        var tasks = new Option<int?>("--tasks", "-t") { Description = "Number of tasks the job is split into." };
        var mode = new Option<string?>("--mode", "-m") { Description = "pull (workers ask for work) or push (static round-robin)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed for workloads that use one." };
        var prefetch = new Option<int?>("--prefetch") { Description = "Tasks a pulling worker may hold beyond the one it runs." };
        var timeout = new Option<string?>("--timeout") { Description = "Job timeout as a duration, e.g. 30s or 2m." };
        var batchTime = BatchTimeOption();
        var cluster = new Option<string?>("--cluster") { Description = "Run on the worker nodes of the cluster at this seed (host:port or akka.tcp://actorparallel@host:port); start nodes with `node`." };
        var nodes = new Option<int>("--nodes") { Description = "With --cluster: worker nodes to wait for before the job starts.", DefaultValueFactory = _ => 1 };
        var wait = new Option<string>("--wait") { Description = "With --cluster: how long to wait for the cluster and its worker nodes.", DefaultValueFactory = _ => "30s" };
        var options = new Option<string[]>("--option", "-o") { Description = "Workload option key=value (repeatable), e.g. max-iter=500.", AllowMultipleArgumentsPerToken = false };
        var failEvery = new Option<int?>("--fail-every") { Description = "Fault injection: workers throw once on every task whose id is a multiple of N." };
        var noTpl = new Option<bool>("--no-tpl") { Description = "Skip the TPL (Parallel.For/PLINQ) comparison run." };
        var image = new Option<string?>("--image") { Description = "mandelbrot only: save the picture (.png or .pgm)." };
        var config = ConfigOption();
        var json = JsonOption();
        var command = new Command("run", "Run a workload on W worker actors, check it against the serial reference, and report speedup beside the TPL's.")
        {
            workload, workers, size, tasks, mode, seed, prefetch, timeout, batchTime, cluster, nodes, wait, options, failEvery, noTpl, image, config, json,
        };
        command.SetAction((result, cancellationToken) => GuardAsync(result.InvocationConfiguration.Error, async () =>
        {
            var isJson = result.GetValue(json);
            var error = result.InvocationConfiguration.Error;
            var run = new RunOptions(result.GetValue(workload)!)
            {
                Workers = result.GetValue(workers),
                Size = result.GetValue(size),
                Tasks = result.GetValue(tasks),
                Mode = result.GetValue(mode),
                Seed = result.GetValue(seed),
                Prefetch = result.GetValue(prefetch),
                Timeout = result.GetValue(timeout),
                BatchTime = result.GetValue(batchTime),
                Options = result.GetValue(options) ?? [],
                FailEvery = result.GetValue(failEvery),
                SkipTpl = result.GetValue(noTpl),
                ImageFile = result.GetValue(image),
                ConfigFile = result.GetValue(config),
                Json = isJson,
            };
            JobReport report;
            if (result.GetValue(cluster) is { } seedNode)
            {
                report = await RunOnClusterAsync(run, seedNode, result.GetValue(nodes), result.GetValue(wait)!, error, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var progress = ConsoleProgress.For(error, isJson);
                try
                {
                    report = await ActorLab.Create(ActorParallelApp.Registry, progress).RunAsync(run, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    progress.Finish();
                }
            }

            result.InvocationConfiguration.Output.WriteLine(LabRenderer.Job(report, isJson));
            if (report.Correct)
            {
                return 0;
            }

            error.WriteLine($"error: {report.Workload}: the answer differs from the serial reference: {report.Check}");
            return 3;
        }));
        return command;
    }

    /// <summary>Joins the cluster as a driver, runs the job on its worker nodes, and leaves.</summary>
    private static async Task<JobReport> RunOnClusterAsync(RunOptions run, string seed, int nodes, string wait, TextWriter error, CancellationToken cancellationToken)
    {
        await using var cluster = await ConnectAsync(seed, nodes, wait, run.ConfigFile, error, workersAreNodes: false, cancellationToken).ConfigureAwait(false);
        error.WriteLine($"running on {string.Join(", ", LabCluster.WorkerNodes(cluster.System))}");
        return await cluster.Lab.RunAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Joins the cluster at <paramref name="seed"/> as a driver and waits for <paramref name="nodes"/> worker nodes.</summary>
    private static async Task<ClusterLab> ConnectAsync(string seed, int nodes, string wait, string? configFile, TextWriter error, bool workersAreNodes, CancellationToken cancellationToken)
    {
        if (nodes is < 1 or > 1000)
            throw new WorkloadParameterException($"--nodes must be between 1 and 1000; got {nodes}");
        var waitFor = RunOptions.ParseDuration(wait, "--wait");
        try
        {
            LabCluster.SeedAddress(seed);
        }
        catch (FormatException e)
        {
            throw new WorkloadParameterException("--cluster: " + e.Message);
        }

        var settings = configFile is null ? ActorParallel.Simulation.SimulationSettings.Load() : ActorParallel.Simulation.SimulationSettings.LoadFile(configFile, ActorParallelApp.Registry);
        error.WriteLine($"joining the cluster at {seed}, waiting up to {waitFor.TotalSeconds:0.#} s for {nodes} worker node(s)");
        return await ClusterLab.ConnectAsync(seed, nodes, waitFor, ActorParallelApp.Registry, settings.Akka, cancellationToken: cancellationToken, workersAreNodes: workersAreNodes).ConfigureAwait(false);
    }

    public static Command BuildSweep()
    {
        var workload = new Argument<string>("workload") { Description = "The workload to sweep (see `list`)." };
        var workers = new Option<string>("--workers", "-w") { Description = "Worker counts, e.g. 1,2,4.", DefaultValueFactory = _ => "1,2" };
        var kind = new Option<string?>("--kind", "-k") { Description = "strong (fixed size), weak (size grows with W), granularity (task count over the list), push-vs-pull." };
        var repeats = new Option<int?>("--repeats", "-r") { Description = "Runs per point, interleaved across the points; the median is reported (default: actorparallel.lab.repeats, 5)." };
        var size = new Option<long?>("--size", "-s") { Description = "Problem size (per worker for weak scaling)." };
        var tasks = new Option<int?>("--tasks", "-t") { Description = "Number of tasks." };
        var mode = new Option<string?>("--mode", "-m") { Description = "pull or push." };
        var options = new Option<string[]>("--option", "-o") { Description = "Workload option key=value (repeatable)." };
        var output = new Option<string?>("--out") { Description = "Folder for results.csv, results.json, results.md and SVG charts." };
        var noTpl = new Option<bool>("--no-tpl") { Description = "Skip the TPL comparison runs." };
        var batchTime = BatchTimeOption();
        var cluster = new Option<string?>("--cluster") { Description = "Sweep over worker nodes of the cluster at this seed (host:port or an Akka address): each point runs on the first N worker nodes of --nodes." };
        var nodes = new Option<string?>("--nodes") { Description = "With --cluster: worker node counts, the scaling axis instead of --workers, e.g. 1,2 (W in the report counts nodes)." };
        var wait = new Option<string>("--wait") { Description = "With --cluster: how long to wait for the cluster and its worker nodes.", DefaultValueFactory = _ => "30s" };
        var config = ConfigOption();
        var json = JsonOption();
        var command = new Command("sweep", "Run a scaling experiment and fit Amdahl's serial fraction (Gustafson's for weak scaling), against W and against the capacity W_eff measured from worker busy time.")
        {
            workload, workers, kind, repeats, size, tasks, mode, batchTime, options, output, noTpl, cluster, nodes, wait, config, json,
        };
        command.SetAction((result, cancellationToken) => GuardAsync(result.InvocationConfiguration.Error, async () =>
        {
            var isJson = result.GetValue(json);
            var error = result.InvocationConfiguration.Error;
            var sweep = new SweepOptions(result.GetValue(workload)!, result.GetValue(workers)!)
            {
                Kind = result.GetValue(kind),
                Repeats = result.GetValue(repeats),
                Size = result.GetValue(size),
                Tasks = result.GetValue(tasks),
                Mode = result.GetValue(mode),
                Options = result.GetValue(options) ?? [],
                Out = result.GetValue(output),
                SkipTpl = result.GetValue(noTpl),
                BatchTime = result.GetValue(batchTime),
                ConfigFile = result.GetValue(config),
                Json = isJson,
            };
            var interactive = !isJson && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            var done = new Progress<JobReport>(r =>
            {
                if (interactive)
                {
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Workload} W={r.Workers} {r.Parameters}: {r.Wall.TotalMilliseconds:0.#} ms"));
                }
            });
            ExperimentResult experiment;
            if (result.GetValue(cluster) is { } seedNode)
            {
                var counts = result.GetValue(nodes) ?? throw new WorkloadParameterException("sweep --cluster needs --nodes, the worker node counts to sweep, e.g. --nodes 1,2");
                sweep = sweep with { Workers = counts };
                int most;
                try
                {
                    most = RunOptions.ParseWorkerList(counts).Max();
                }
                catch (WorkloadParameterException e)
                {
                    throw new WorkloadParameterException(e.Message.Replace("--workers", "--nodes", StringComparison.Ordinal));
                }

                await using var lab = await ConnectAsync(seedNode, most, result.GetValue(wait)!, sweep.ConfigFile, error, workersAreNodes: true, cancellationToken).ConfigureAwait(false);
                experiment = await lab.Lab.SweepAsync(sweep, done, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (result.GetValue(nodes) is not null)
                    throw new WorkloadParameterException("--nodes sweeps worker nodes and needs --cluster SEED; without a cluster use --workers");
                experiment = await ActorLab.Create(ActorParallelApp.Registry).SweepAsync(sweep, done, cancellationToken).ConfigureAwait(false);
            }

            result.InvocationConfiguration.Output.WriteLine(LabRenderer.Sweep(experiment, isJson));
            if (sweep.Out is { } dir && !isJson)
            {
                result.InvocationConfiguration.Output.WriteLine($"wrote {Path.GetFullPath(dir)}");
            }

            return 0;
        }));
        return command;
    }

    private static Option<string?> ConfigOption() =>
        new("--config", "-c") { Description = "A HOCON file: its actorparallel.lab section overrides the lab's defaults, its akka section the actor systems' settings." };

    private static Option<string?> BatchTimeOption() =>
        new("--batch-time") { Description = "Worker time one message carries, e.g. 500us; small tasks are batched to fill it, 0 sends one task per message (default: actorparallel.lab.batch-time)." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object for scripts." };

    private static int Guard(TextWriter error, Func<int> action) =>
        GuardAsync(error, () => Task.FromResult(action())).GetAwaiter().GetResult();

    /// <summary>Maps the lab's errors to messages on standard error and the documented exit codes.</summary>
    private static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (WorkloadParameterException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (HoconConfigException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
        catch (ClusterUnavailableException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 5;
        }
        catch (OperationCanceledException ex)
        {
            error.WriteLine("error: the job was cancelled or timed out: " + ex.Message);
            return 4;
        }
        catch (Exception ex) when (ex is JobFailedException or TimeoutException)
        {
            error.WriteLine("error: " + ex.Message);
            return 4;
        }
    }
}
