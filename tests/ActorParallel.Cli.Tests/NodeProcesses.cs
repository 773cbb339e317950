using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Akka.Actor;
using ActorParallel.Simulation.Cluster;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// The <c>node</c> processes a test starts, shared by the process tests: each one's output is kept, and when the test
/// ends every one still running is resumed (SIGCONT, in case it is frozen) and killed by its id, then awaited, bounded.
/// </summary>
internal sealed class NodeProcesses : IAsyncDisposable
{
    private readonly List<Process> _nodes = [];
    private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _output = new();

    /// <summary>The CLI beside the tests, run with <c>dotnet</c>.</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "ActorParallel.Cli.dll");

    /// <summary>Starts <paramref name="info"/> (its output is redirected here) and keeps the process to end it later.</summary>
    public Process Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        (info.RedirectStandardOutput, info.RedirectStandardError, info.UseShellExecute) = (true, true, false);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start a node process");
        _nodes.Add(process);
        var lines = _output[process.Id] = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lines.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lines.Enqueue(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>What the process printed so far, on stdout and stderr, one line after another.</summary>
    public string Lines(Process process) => string.Join(" | ", _output[process.Id]);

    /// <summary>True once the process printed a line holding <paramref name="text"/>.</summary>
    public bool Printed(Process process, string text) => _output[process.Id].Any(l => l.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _nodes)
        {
            try
            {
                if (!p.HasExited)
                {
                    Signal(p, 18); // SIGCONT, in case it is frozen
                    p.Kill(entireProcessTree: true);
                }

                await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
            }
            finally
            {
                p.Dispose();
            }
        }
    }

    public static async Task<bool> ExitsWithin(Process process, TimeSpan limit)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. 19 SIGSTOP, 18 SIGCONT) to the process, if it still runs.</summary>
    public static void Signal(Process process, int signal)
    {
        if (!process.HasExited)
            _ = NativeMethods.kill(process.Id, signal);
    }

    /// <summary>True once the node at <paramref name="node"/> holds workers of a job whose actor name matches <paramref name="job"/>.</summary>
    public static async Task<bool> HoldsJob(ActorSystem system, Address node, string job)
    {
        try
        {
            await system.ActorSelection(NodeRoles.NodeActorPath(node) / job).ResolveOne(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ActorNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern int kill(int pid, int sig);
    }
}
