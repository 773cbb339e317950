using ActorParallel.Actor;

namespace ActorParallel.Tests.Readme;

// The README's "## Actors" sample, kept compiling and running here.
public sealed record Square(int Value);

public sealed record Squared(int Value, int Result);

public sealed class Worker : ReceiveActor
{
    public Worker() => Receive<Square>(m => Sender.Tell(new Squared(m.Value, m.Value * m.Value)));
}

public sealed class Supervisor : ReceiveActor
{
    private readonly IActorRef[] _workers;
    private int _next;

    public Supervisor(int count)
    {
        _workers = [.. Enumerable.Range(0, count).Select(i => Context.ActorOf(Props.Create(() => new Worker()), $"worker-{i}"))];
        Receive<Square>(m => _workers[_next++ % _workers.Length].Forward(m));
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 3, withinTimeRange: TimeSpan.FromSeconds(10), localOnlyDecider: _ => Directive.Restart);
}

public sealed class ReadmeSampleSpec
{
    [Fact]
    public async Task Readme_sample_runs()
    {
        using var system = ActorSystem.Create("demo");
        var supervisor = system.ActorOf(Props.Create(() => new Supervisor(4)), "supervisor");
        var reply = await supervisor.Ask<Squared>(new Square(7), TimeSpan.FromSeconds(5));
        Assert.Equal(49, reply.Result);
    }
}
