using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorParallel.Cli.Tests;

/// <summary>Runs the repository's scripts/ from a test: bounded, in a process group of its own, the CLI taken from this build.</summary>
internal static class Scripts
{
    /// <summary>
    /// Runs scripts/<paramref name="script"/> with <paramref name="args"/> and returns its exit code and everything it
    /// printed on stdout and stderr. The CLI it starts is this test build's copy (<c>ACTORPARALLEL_CLI_DLL</c>), so it never builds one. On
    /// overrunning <paramref name="limit"/> the script's whole process group (its nodes included) is killed and the
    /// test fails.
    /// </summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string script, TimeSpan limit, IEnumerable<string> args)
    {
        // setsid: the script and every process it starts form a new process group whose id is the script's pid (setsid
        // execs the script in place, since the test host's child is not a group leader).
        var info = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("bash");
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", script));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["ACTORPARALLEL_CLI_DLL"] = Path.Combine(AppContext.BaseDirectory, "ActorParallel.Cli.dll");
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            _ = NativeMethods.kill(-process.Id, 18); // SIGCONT to the group: a frozen node must be able to die
            _ = NativeMethods.kill(-process.Id, 9);  // SIGKILL to the group
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Fail($"{script} did not finish within {limit.TotalSeconds} s: {await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>The first of <paramref name="count"/> consecutive free ports on 127.0.0.1, below the ephemeral range the other tests draw from.</summary>
    public static int FreePortRange(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(20_000, 30_000);
            if (Enumerable.Range(first, count).All(IsFree))
                return first;
        }

        throw new InvalidOperationException($"no {count} consecutive free ports between 20000 and 30000");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorParallel.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no ActorParallel.sln above {AppContext.BaseDirectory}");
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern int kill(int pid, int sig);
    }
}
