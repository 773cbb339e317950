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
        BenchCommand.Build,
    ];

    public static int Main(string[] args) => ActorParallelApp.Run(args);

    /// <summary>Runs a command line with the given output and error writers (tests call this in-process).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return BuildRootCommand().Parse(args).Invoke(configuration);
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
