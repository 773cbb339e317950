using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// Ctrl+C: in-process through the token System.CommandLine cancels, and as a real SIGINT to a <c>run</c> process.
/// The process is bounded in time and ended by its id.
/// </summary>
[Collection(NodeProcessCollection.Name)]
public sealed class CancelTests
{
    [Fact]
    public void Cancelling_while_the_actors_run_prints_cancelled_and_exits_130()
    {
        using var cancel = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new CancelOnLine("] actors (", cancel);

        var code = Program.Run(["run", "pi", "--size", "20000000", "--tasks", "64", "--batch-time", "0", "--no-tpl"], output, error, cancel.Token);

        Assert.Equal(130, code);
        Assert.Contains("cancelled", error.ToString().Split('\n').Select(l => l.Trim()));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Sigint_during_the_serial_reference_prints_cancelled_and_exits_130()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // A serial reference of minutes: the signal always arrives while it computes (it does not poll the token).
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ActorParallel.Cli.dll"), "run", "pi", "--size", "1e11", "--workers", "1", "--no-tpl" })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
            string? line;
            do
            {
                line = await process.StandardError.ReadLineAsync().WaitAsync(deadline - DateTime.UtcNow);
                Assert.NotNull(line);
            }
            while (!line.Contains("serial reference", StringComparison.Ordinal));

            Assert.Equal(0, NativeMethods.kill(process.Id, 2)); // SIGINT, as Ctrl+C sends
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(130, process.ExitCode);
            Assert.Equal("cancelled", (await process.StandardError.ReadToEndAsync()).Trim());
            Assert.Empty(await stdout);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Cancels when a line containing <c>trigger</c> is written: the test's stand-in for a user pressing Ctrl+C at that moment.</summary>
    private sealed class CancelOnLine(string trigger, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(trigger, StringComparison.Ordinal) == true)
                cancel.Cancel();
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern int kill(int pid, int sig);
    }
}
