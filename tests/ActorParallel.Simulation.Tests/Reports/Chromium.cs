using System.Diagnostics;

namespace ActorParallel.Simulation.Tests.Reports;

/// <summary>
/// Headless Chromium for tests that render a page: found on the PATH (or at $CHROMIUM), started with a fresh
/// profile, no network services and no sandbox (tests run as root in CI), bounded in time and killed by its
/// process id, with its children, if it overstays.
/// </summary>
internal static class Chromium
{
    public const string Install = "apt-get install -y chromium";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The browser, or a failure that says how to install it: a test that needs it must not pass without it.</summary>
    public static string Require() =>
        Find() ?? throw new InvalidOperationException($"headless Chromium is needed to check report.html in a real browser and none was found on the PATH (or at $CHROMIUM): install it with `{Install}`");

    /// <summary>Runs the browser on <paramref name="page"/> with <paramref name="mode"/> (e.g. --dump-dom) and returns its standard output.</summary>
    public static async Task<string> RunAsync(string browser, string page, TimeSpan timeout, params string[] mode)
    {
        var profile = Directory.CreateTempSubdirectory("ap-chromium-");
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false },
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}",
                 }.Concat(mode).Append(new Uri(page).AbsoluteUri))
        {
            process.StartInfo.ArgumentList.Add(argument);
        }

        try
        {
            process.Start();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{browser} did not finish rendering {page} within {timeout.TotalSeconds:0} s; its errors: {await Tail(errors)}");
            }

            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{browser} exited with {process.ExitCode} on {page}: {await Tail(errors)}");
            // A helper process that outlived the browser could hold the pipe open: the read is bounded too.
            return await output.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            // By the id of the process we started, with the renderer and helper processes it spawned.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            profile.Delete(recursive: true);
        }
    }

    private static async Task<string> Tail(Task<string> text)
    {
        var all = await text.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no output)", TaskScheduler.Default);
        return all.Length <= 2000 ? all : all[^2000..];
    }
}
