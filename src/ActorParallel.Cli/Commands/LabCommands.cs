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
/// Errors go through <see cref="CommandGuard"/>; exit codes are <see cref="ExitCodes"/>.
/// </summary>
internal static class LabCommands
{
    public static Command BuildList()
    {
        var config = ConfigOption();
        var json = JsonOption();
        var command = new Command("list", "List the workloads with their default size, task count and options.") { config, json };
        command.SetAction((result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            return new CommandGuard(output, result.InvocationConfiguration.Error, result.GetValue(json)).RunAsync(() =>
            {
                output.WriteLine(ActorLab.Create(ActorParallelApp.Registry).List(result.GetValue(config), result.GetValue(json)));
                return Task.FromResult(ExitCodes.Ok);
            }, cancellationToken);
        });
        return command;
    }

    public static Command BuildRun()
    {
        var workload = new Argument<string>("workload") { Description = "The workload to run (see `list`)." };
        var workers = NumberOptions.Int("--workers", $"Worker actors, each on its own thread, 1 to {RunOptions.MaxWorkers} (default: actorparallel.lab.workers).", "-w");
        var size = NumberOptions.Long("--size", "Problem size (the unit depends on the workload; see `list`); 1000000, 1_000_000 and 1e6 all work.", "-s");
        var tasks = NumberOptions.Int("--tasks", "Number of tasks the job is split into.", "-t");
        var mode = new Option<string?>("--mode", "-m") { Description = "pull (workers ask for work) or push (static round-robin)." };
        var seed = NumberOptions.Int("--seed", "Random seed for workloads that use one.");
        var prefetch = NumberOptions.Int("--prefetch", "Tasks a pulling worker may hold beyond the one it runs.");
        var timeout = new Option<string?>("--timeout") { Description = "Job timeout as a duration with its unit, e.g. 30s, 500ms or 2m." };
        var batchTime = BatchTimeOption();
        var cluster = new Option<string?>("--cluster") { Description = "Run on the worker nodes of the cluster at this seed (host:port or akka.tcp://actorparallel@host:port); start nodes with `node`." };
        var nodes = NumberOptions.Int("--nodes", "With --cluster: worker nodes to wait for before the job starts.", 1);
        var wait = new Option<string>("--wait") { Description = "With --cluster: how long to wait for the cluster and its worker nodes.", DefaultValueFactory = _ => "30s" };
        var driver = new DriverAddressOptions();
        var tls = new TlsOptions();
        var options = new Option<string[]>("--option") { Description = "Workload option key=value (repeatable), e.g. max-iter=500.", AllowMultipleArgumentsPerToken = false };
        var failEvery = NumberOptions.Int("--fail-every", "Fault injection: workers throw once on every task whose id is a multiple of N.");
        var noTpl = new Option<bool>("--no-tpl") { Description = "Skip the TPL (Parallel.For/PLINQ) comparison run." };
        var image = new Option<string?>("--image") { Description = "mandelbrot only: save the picture; the extension picks the format: .png or .pgm." };
        var output = new Option<string?>("--out", "-o") { Description = "Folder to save the run in: run.json (as --json prints it) and run.txt (the text report)." };
        var config = ConfigOption();
        var json = JsonOption();
        var command = new Command("run", "Run a workload on W worker actors, check it against the serial reference, and report speedup beside the TPL's.")
        {
            workload, workers, size, tasks, mode, seed, prefetch, timeout, batchTime, cluster, nodes, wait, driver.Hostname, driver.Insecure, tls.Certificate, tls.Ca, tls.Password,
            options, failEvery, noTpl, image, output, config, json,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var isJson = result.GetValue(json);
            var stdout = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var guard = new CommandGuard(stdout, error, isJson);
            return guard.RunAsync(async () =>
            {
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
                    Out = result.GetValue(output),
                    ConfigFile = result.GetValue(config),
                    Json = isJson,
                };
                RunRecord record;
                using (var progress = ProgressDisplay.For(error))
                {
                    if (result.GetValue(cluster) is { } seedNode)
                    {
                        var security = tls.From(result);
                        record = await RunOnClusterAsync(
                            run, seedNode, result.GetValue(nodes), result.GetValue(wait)!, security, guard, progress, error, cancellationToken, driver.From(result, security)).ConfigureAwait(false);
                    }
                    else
                    {
                        var lab = ActorLab.Create(ActorParallelApp.Registry, progress: progress, phases: progress);
                        var plan = lab.Plan(run, Environment.ProcessorCount);
                        foreach (var warning in plan.Warnings)
                            guard.Warn(warning);
                        record = await lab.RunAsync(plan, cancellationToken).ConfigureAwait(false);
                    }
                }

                stdout.WriteLine(LabRenderer.Run(record, isJson));
                if (run.Out is { } dir && !isJson)
                    stdout.WriteLine($"wrote {Path.GetFullPath(dir)}");
                var report = record.Report;
                if (report.Correct)
                    return ExitCodes.Ok;
                error.WriteLine($"error: {report.Workload}: the answer differs from the serial reference: {report.Check}");
                return ExitCodes.WrongAnswer;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>Joins the cluster as a driver, runs the job on its worker nodes, and leaves.</summary>
    private static async Task<RunRecord> RunOnClusterAsync(
        RunOptions run, string seed, int nodes, string wait, NodeTls? tls, CommandGuard guard, ProgressDisplay progress, TextWriter error, CancellationToken cancellationToken, string hostname)
    {
        // Everything that can be checked without the cluster is checked before joining it.
        var local = ActorLab.Create(ActorParallelApp.Registry).Plan(run);
        foreach (var warning in local.Warnings)
            guard.Warn(warning);
        await using var cluster = await ConnectAsync(seed, nodes, wait, local.Settings.Akka, tls, progress, error, workersAreNodes: false, cancellationToken, hostname).ConfigureAwait(false);
        error.WriteLine($"running on {string.Join(", ", LabCluster.WorkerNodes(cluster.System))}");
        return await cluster.Lab.RunAsync(cluster.Lab.Plan(run), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A driver's <c>--hostname</c> and <c>--insecure</c> (<c>run</c> and <c>sweep</c> with <c>--cluster</c>): the address it
    /// listens on, which every worker node must reach. Like <c>node</c>, it refuses an address other machines can reach
    /// without TLS unless told <c>--insecure</c>.
    /// </summary>
    private sealed class DriverAddressOptions
    {
        public Option<string> Hostname { get; } = new("--hostname")
        {
            Description = "With --cluster: the address this driver listens on, which the worker nodes must reach (127.0.0.1: nodes on this machine only).",
            DefaultValueFactory = _ => "127.0.0.1",
        };

        public Option<bool> Insecure { get; } = new("--insecure") { Description = "With --cluster: listen on an address other machines can reach without TLS (anyone who reaches the port can join)." };

        public string From(ParseResult result, NodeTls? tls)
        {
            var host = result.GetValue(Hostname)!;
            if (tls is null && !result.GetValue(Insecure) && !TlsOptions.IsLoopback(host))
            {
                throw new WorkloadParameterException(
                    $"--hostname {host} can be reached from other machines, and without TLS anyone who reaches the port can join the cluster: " +
                    "give --tls-cert and --tls-ca (scripts/certs.sh makes them), or --insecure to listen unprotected");
            }

            return host;
        }
    }

    /// <summary>Joins the cluster at <paramref name="seed"/> as a driver and waits for <paramref name="nodes"/> worker nodes.</summary>
    private static async Task<ClusterLab> ConnectAsync(
        string seed, int nodes, string wait, HoconConfig? akka, NodeTls? tls, ProgressDisplay progress, TextWriter error, bool workersAreNodes, CancellationToken cancellationToken,
        string hostname)
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

        error.WriteLine($"joining the cluster at {seed}, waiting up to {waitFor.TotalSeconds:0.#} s for {nodes} worker node(s)");
        return await ClusterLab.ConnectAsync(seed, nodes, waitFor, ActorParallelApp.Registry, akka: akka, cancellationToken: cancellationToken, phases: progress, workersAreNodes: workersAreNodes, tls: tls, hostname: hostname).ConfigureAwait(false);
    }

    public static Command BuildSweep()
    {
        var workload = new Argument<string>("workload") { Description = "The workload to sweep (see `list`)." };
        var workers = new Option<string>("--workers", "-w") { Description = $"Worker counts, e.g. 1,2,4 (each 1 to {RunOptions.MaxWorkers}).", DefaultValueFactory = _ => "1,2" };
        var kind = new Option<string?>("--kind", "-k") { Description = "strong (fixed size), weak (size grows with W), granularity (task count over the list), push-vs-pull." };
        var repeats = NumberOptions.Int("--repeats", "Runs per point, interleaved across the points; the median is reported (default: actorparallel.lab.repeats, 5).", "-r");
        var size = NumberOptions.Long("--size", "Problem size (per worker for weak scaling); 1000000, 1_000_000 and 1e6 all work.", "-s");
        var tasks = NumberOptions.Int("--tasks", "Number of tasks.", "-t");
        var mode = new Option<string?>("--mode", "-m") { Description = "pull or push." };
        var options = new Option<string[]>("--option") { Description = "Workload option key=value (repeatable), e.g. serial-fraction=0.05." };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder to save the sweep in: report.html (one self-contained page: environment, warnings, fits, charts, "
                + "points with their spread, raw samples), results.csv, results.json, results.md, and the charts speedup.svg, efficiency.svg, time.svg.",
        };
        var noTpl = new Option<bool>("--no-tpl") { Description = "Skip the TPL comparison runs." };
        var batchTime = BatchTimeOption();
        var cluster = new Option<string?>("--cluster") { Description = "Sweep over worker nodes of the cluster at this seed (host:port or an Akka address): each point runs on the first N worker nodes of --nodes." };
        var nodes = new Option<string?>("--nodes") { Description = "With --cluster: worker node counts, the scaling axis instead of --workers, e.g. 1,2 (one worker actor on each node, so W counts nodes)." };
        var wait = new Option<string>("--wait") { Description = "With --cluster: how long to wait for the cluster and its worker nodes.", DefaultValueFactory = _ => "30s" };
        var driver = new DriverAddressOptions();
        var tls = new TlsOptions();
        var config = ConfigOption();
        var json = JsonOption();
        var command = new Command("sweep", "Run a scaling experiment and fit Amdahl's serial fraction (Gustafson's for weak scaling), against W and against the capacity W_eff measured from worker busy time; with --out, save it as report.html, CSV, JSON, Markdown and SVG charts.")
        {
            workload, workers, kind, repeats, size, tasks, mode, batchTime, options, output, noTpl, cluster, nodes, wait, driver.Hostname, driver.Insecure, tls.Certificate, tls.Ca, tls.Password, config, json,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var isJson = result.GetValue(json);
            var stdout = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            return new CommandGuard(stdout, error, isJson).RunAsync(async () =>
            {
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
                ExperimentResult experiment;
                using (var progress = ProgressDisplay.For(error))
                {
                    var counts = result.GetValue(nodes);
                    if (counts is not null && result.GetValue(cluster) is null)
                        throw new WorkloadParameterException("--nodes sweeps worker nodes and needs --cluster SEED; without a cluster use --workers");
                    if (result.GetValue(cluster) is not null)
                        sweep = sweep with { Workers = counts ?? throw new WorkloadParameterException("sweep --cluster needs --nodes, the worker node counts to sweep, e.g. --nodes 1,2") };

                    // Everything that can be checked without the cluster is checked before joining it.
                    var local = ActorLab.Create(ActorParallelApp.Registry, progress: progress, phases: progress);
                    var spec = Renamed(() => local.PlanSweep(sweep), counts is null ? null : "--nodes");
                    progress.StartSweep($"sweep {spec.Workload} ({spec.Kind.ToString().ToLowerInvariant()}, W = {string.Join(",", spec.Workers)}, {spec.Repeats} repeats)", spec.Plan().Count * spec.Repeats);
                    if (result.GetValue(cluster) is { } seedNode)
                    {
                        var akka = sweep.LoadSettings(ActorParallelApp.Registry).Akka;
                        var security = tls.From(result);
                        await using var lab = await ConnectAsync(
                            seedNode, spec.Workers.Max(), result.GetValue(wait)!, akka, security, progress, error, workersAreNodes: true, cancellationToken, driver.From(result, security)).ConfigureAwait(false);
                        experiment = await lab.Lab.SweepAsync(sweep, progress, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        experiment = await local.SweepAsync(sweep, progress, cancellationToken).ConfigureAwait(false);
                    }
                }

                stdout.WriteLine(LabRenderer.Sweep(experiment, isJson));
                if (sweep.Out is { } dir && !isJson)
                    stdout.WriteLine($"wrote {Path.GetFullPath(dir)}");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs <paramref name="plan"/>; with <paramref name="option"/>, its errors name that option instead of --workers.</summary>
    private static T Renamed<T>(Func<T> plan, string? option)
    {
        try
        {
            return plan();
        }
        catch (WorkloadParameterException e) when (option is not null)
        {
            throw new WorkloadParameterException(e.Message.Replace("--workers", option, StringComparison.Ordinal));
        }
    }

    private static Option<string?> ConfigOption() =>
        new("--config", "-c") { Description = "A HOCON file: its actorparallel.lab section overrides the lab's defaults, its akka section the actor systems' settings." };

    private static Option<string?> BatchTimeOption() =>
        new("--batch-time") { Description = "Worker time one message carries, e.g. 500us; small tasks are batched to fill it, 0 sends one task per message (default: actorparallel.lab.batch-time)." };

    private static Option<bool> JsonOption() =>
        new("--json") { Description = "Print one JSON object on stdout for scripts (progress stays on stderr); a failure prints {schema_version, error, exit_code}." };
}
