using System.Threading.Channels;
using ActorParallel.Actor;
using ActorParallel.Cli.Bench.Scenarios;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Ask round trip to an echo actor, one at a time. Baseline: a TaskCompletionSource carried through a
/// channel to a responder task that completes it (continuations asynchronous, as Ask's are).
/// </summary>
[Config(typeof(ThroughputConfig))]
public class AskBenchmarks
{
    private const int Asks = 10_000;

    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private Channel<TaskCompletionSource<object>> _requests = null!;
    private Task _responder = Task.CompletedTask;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchmarkSystem.Create("ask");
        _echo = _system.ActorOf(Props.Create(() => new Echo()), "echo");
        _requests = Channel.CreateUnbounded<TaskCompletionSource<object>>(new UnboundedChannelOptions { SingleReader = true });
        _responder = Task.Run(async () =>
        {
            await foreach (var request in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                request.TrySetResult(Msg.Instance);
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _requests.Writer.Complete();
        BenchmarkSystem.Await(_responder, "responder");
        BenchmarkSystem.Terminate(_system);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Asks, Description = "TCS through Channel<T>")]
    public async Task ChannelRoundTrip()
    {
        for (var i = 0; i < Asks; i++)
        {
            var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            _requests.Writer.TryWrite(reply);
            await reply.Task.ConfigureAwait(false);
        }
    }

    [Benchmark(OperationsPerInvoke = Asks, Description = "Ask, no timeout")]
    public async Task Ask()
    {
        for (var i = 0; i < Asks; i++)
        {
            await _echo.Ask<Msg>(Msg.Instance).ConfigureAwait(false);
        }
    }

    [Benchmark(OperationsPerInvoke = Asks, Description = "Ask, 10 s timeout")]
    public async Task AskWithTimeout()
    {
        for (var i = 0; i < Asks; i++)
        {
            await _echo.Ask<Msg>(Msg.Instance, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }
}
