using ActorParallel.Configuration;
using ActorParallel.Simulation.Configuration;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Configuration;

/// <summary>Our root is strict: every key under <c>actorparallel</c> is ours, or a located error names the nearest one.</summary>
public sealed class LabConfigValidatorTests
{
    private static HoconConfigException Rejects(string hocon, WorkloadRegistry? registry = null) =>
        Assert.Throws<HoconConfigException>(() => SimulationSettings.Load(HoconConfigFactory.ParseString(hocon, "user.conf", json: false, ConfigParseOptions.Default), registry));

    [Theory]
    [InlineData("actorparallel.lab {\n  wrkers = 4\n}", "user.conf:2:", "actorparallel.lab.wrkers", "did you mean actorparallel.lab.workers?")]
    [InlineData("actorparallel.lab.job-timout = 5s", "user.conf:1:", "actorparallel.lab.job-timout", "did you mean actorparallel.lab.job-timeout?")]
    [InlineData("actorparallel.simulation.workers = 3", "user.conf:1:", "actorparallel.simulation", "did you mean actorparallel.lab?")]
    [InlineData("actorparallel.lab.workloads.pie.size = 3", "user.conf:1:", "unknown workload actorparallel.lab.workloads.pie", "did you mean actorparallel.lab.workloads.pi?")]
    [InlineData("actorparallel.lab.workloads.mandelbrot.max-iters = 3", "user.conf:1:", "workload mandelbrot actorparallel.lab.workloads.mandelbrot.max-iters", "did you mean actorparallel.lab.workloads.mandelbrot.max-iter?")]
    [InlineData("actorparallel.lab = 5", "user.conf:1:", "actorparallel.lab must be an object", "Fix: write actorparallel.lab {")]
    public void Unknown_keys_under_our_root_are_located_errors_naming_the_nearest_key(string hocon, string where, string key, string nearest)
    {
        var e = Rejects(hocon);
        Assert.StartsWith(where, e.Message, StringComparison.Ordinal);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Contains(nearest, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_outside_our_root_are_left_to_their_owners()
    {
        var s = SimulationSettings.Load(HoconConfigFactory.ParseString("""
            akka.actor.some-akka-setting-we-do-not-know = 1
            my-own-defaults { workers = 3 }
            actorparallel.lab.workers = ${my-own-defaults.workers}
            """));
        Assert.Equal(3, s.Workers);
        Assert.Equal(1, s.Akka.GetInt("akka.actor.some-akka-setting-we-do-not-know"));
        Assert.False(s.Akka.HasPath("my-own-defaults"));
        Assert.False(s.Akka.HasPath("actorparallel"));
    }

    [Fact]
    public void Every_documented_workload_option_is_accepted_and_a_registered_custom_workload_too()
    {
        var s = SimulationSettings.Load(HoconConfigFactory.ParseString("""
            actorparallel.lab.workloads {
              wordcount { vocabulary = 10, input = "a.txt", reducers = 2 }
              heat { steps = 3, alpha = 0.1 }
              squares { size = 5, tasks = 2 }
            }
            """), WorkloadRegistry.Default.With(new MyLab.SumOfSquaresWorkload()));
        Assert.Equal("2", s.Workloads["wordcount"].Options["reducers"]);
        Assert.Equal(5, s.Workloads["squares"].Size);

        var e = Rejects("actorparallel.lab.workloads.squares.size = 5");
        Assert.Contains("unknown workload", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_and_every_example_file_pass_the_check()
    {
        SimulationSettings.Load(SimulationSettings.Reference());
        var examples = Path.Combine(RepositoryRoot(), "hocon", "examples");
        var files = Directory.GetFiles(examples, "*.conf");
        Assert.NotEmpty(files);
        foreach (var file in files)
            SimulationSettings.LoadFile(file);
    }

    [Theory]
    [InlineData("workers", "workers", 0)]
    [InlineData("wrkers", "workers", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance(string a, string b, int distance)
    {
        Assert.Equal(distance, LabConfigValidator.EditDistance(a, b));
        Assert.Equal(distance, LabConfigValidator.EditDistance(b, a));
    }

    [Fact]
    public void The_users_akka_section_reaches_the_job_system_but_W_sets_the_worker_threads()
    {
        var s = SimulationSettings.Load(HoconConfigFactory.ParseString("""
            akka.loglevel = INFO
            akka.actor.lab-worker-dispatcher { throughput = 7, dedicated-thread-pool.thread-count = 64 }
            """));

        var akka = ActorEngine.SystemConfig(3, s.Akka);

        Assert.Equal("INFO", akka.GetString("akka.loglevel"));
        Assert.Equal(7, akka.GetInt("akka.actor.lab-worker-dispatcher.throughput"));
        Assert.Equal(3, akka.GetInt("akka.actor.lab-worker-dispatcher.dedicated-thread-pool.thread-count"));
        Assert.Equal("ForkJoinDispatcher", akka.GetString("akka.actor.lab-worker-dispatcher.type"));

        var defaults = ActorEngine.SystemConfig(2);
        Assert.Equal("WARNING", defaults.GetString("akka.loglevel"));
        Assert.Equal(100, defaults.GetInt("akka.actor.lab-worker-dispatcher.throughput"));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActorParallel.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ActorParallel.sln not found above " + AppContext.BaseDirectory);
    }
}
