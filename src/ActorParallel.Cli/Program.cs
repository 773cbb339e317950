namespace ActorParallel.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("actorparallel: no commands yet");
        return args.Length == 0 ? 0 : 1;
    }
}
