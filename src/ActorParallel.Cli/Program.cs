using System.CommandLine;
using ActorParallel.Cli.Commands;

namespace ActorParallel.Cli;

/// <summary>The <c>actorparallel</c> command line: a thin shell over the libraries.</summary>
internal static class Program
{
    /// <summary>Every top-level command. To add one, write a builder in Commands/ and add one line here.</summary>
    private static readonly Func<Command>[] CommandBuilders =
    [
        ConfigCommand.Build,
        LabCommands.BuildList,
        LabCommands.BuildRun,
        LabCommands.BuildSweep,
        NodeCommand.Build,
        ClusterCommand.Build,
        SoakCommand.Build,
        BenchCommand.Build,
    ];

    public static int Main(string[] args) => ActorParallelApp.Run(args);

    /// <summary>Runs a command line with the given output and error writers (tests call this in-process).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, CancellationToken.None);

    /// <summary>As above; cancelling <paramref name="cancellationToken"/> acts as Ctrl+C does.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parse = BuildRootCommand().Parse(args);
        if (parse.Errors.Count > 0)
            return ParseFailure.Report(parse, output, error);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,

            // Ctrl+C and SIGTERM cancel the handler's token (System.CommandLine 2.0.0 does so only when this is set); a
            // handler still running this long after the signal is abandoned with exit code 130 (143 for SIGTERM).
            // A node gets time to leave its cluster gracefully.
            ProcessTerminationTimeout = parse.CommandResult.Command.Name == "node" ? NodeCommand.LeaveTimeout + TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(2),

            // An exception that reaches here is a bug: one line and exit code 70 below, not System.CommandLine's trace.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parse.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            return CommandGuard.InternalError(output, error, parse.Tokens.Any(t => t.Value == "--json"), ex);
        }
    }

    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("actorparallel: a lab for parallel and distributed computing on Akka.NET actors");
        foreach (var build in CommandBuilders)
        {
            root.Subcommands.Add(build());
        }

        return root;
    }
}
