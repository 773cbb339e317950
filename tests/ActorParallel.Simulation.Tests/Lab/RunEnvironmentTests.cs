using ActorParallel.Simulation.Reports;

namespace ActorParallel.Simulation.Tests.Lab;

/// <summary>The environment every run report opens with.</summary>
public sealed class RunEnvironmentTests
{
    [Fact]
    public void Capture_reads_this_process_and_machine()
    {
        var environment = RunEnvironment.Capture();

        Assert.Equal(Environment.ProcessorCount, environment.Cores);
        Assert.Equal(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation", environment.GcMode);
        Assert.Equal(RunEnvironment.ReadAkkaVersion(), environment.Akka);
        Assert.False(string.IsNullOrWhiteSpace(environment.Commit));
        Assert.InRange(environment.Date, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null(environment.LoadAfter);
        if (OperatingSystem.IsLinux())
            Assert.NotNull(environment.WithLoadAfter().LoadAfter);
    }

    [Fact]
    public void Describe_is_one_line_with_cores_gc_commit_date_and_both_loads()
    {
        var environment = new RunEnvironment("box", "Some CPU", 8, "Linux", "X64", ".NET 10.0.1", "server", true, "1.5.75", "abc123", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "0.10 0.20 0.30")
        {
            LoadAfter = "1.00 0.50 0.40",
        };

        Assert.Equal(
            "box: Some CPU, 8 cores, .NET 10.0.1, server GC (concurrent), Akka.NET 1.5.75, Linux X64, commit abc123, 2026-01-02 03:04 UTC, load 0.10 0.20 0.30 before, 1.00 0.50 0.40 after",
            environment.Describe());
    }
}
