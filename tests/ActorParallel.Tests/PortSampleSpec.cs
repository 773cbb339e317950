// An Akka.NET-style sample, written as it would be with Akka.NET and ported by renaming Akka to
// ActorParallel only: a supervisor creates workers, uses Tell, Ask, Watch and Become.
using ActorParallel.Actor;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class PortSampleSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    public sealed record Job(int Id, int Input);

    public sealed record JobDone(int Id, int Output);

    public sealed class Worker : ReceiveActor
    {
        public Worker()
        {
            Receive<Job>(job =>
            {
                if (job.Input < 0)
                {
                    throw new ArgumentException("negative input");
                }

                Sender.Tell(new JobDone(job.Id, job.Input * job.Input));
            });
        }
    }

    public sealed class Boss : ReceiveActor
    {
        private readonly ILoggingAdapter _log = Context.GetLogger();
        private readonly List<IActorRef> _workers = new();
        private int _next;

        public Boss(int workers)
        {
            for (var i = 0; i < workers; i++)
            {
                _workers.Add(Context.Watch(Context.ActorOf(Props.Create(() => new Worker()), "worker-" + i)));
            }

            Become(Working);
        }

        private void Working()
        {
            Receive<Job>(job => _workers[_next++ % _workers.Count].Forward(job));
            Receive<Terminated>(t =>
            {
                _log.Warning("Worker {0} stopped", t.ActorRef.Path.Name);
                _workers.Remove(t.ActorRef);
                if (_workers.Count == 0)
                {
                    Become(Idle);
                }
            });
            Receive<string>(s => s == "count", _ => Sender.Tell(_workers.Count));
        }

        private void Idle()
        {
            Receive<Job>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("no workers left"))));
            Receive<string>(s => s == "count", _ => Sender.Tell(0));
        }

        protected override SupervisorStrategy SupervisorStrategy() =>
            new OneForOneStrategy(maxNrOfRetries: 3, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: ex => ex switch
            {
                ArgumentException => Directive.Stop,
                _ => Directive.Restart,
            });
    }

    [Fact]
    public async Task Ported_sample_runs()
    {
        var boss = Sys.ActorOf(Props.Create(() => new Boss(2)), "boss");
        var result = await boss.Ask<JobDone>(new Job(1, 7), TimeSpan.FromSeconds(5));
        Assert.Equal(49, result.Output);

        boss.Tell(new Job(2, -1));
        AwaitAssert(() => Assert.Equal(1, boss.Ask<int>("count", TimeSpan.FromSeconds(5)).Result));
        boss.Tell(new Job(3, -1));
        AwaitAssert(() => Assert.Equal(0, boss.Ask<int>("count", TimeSpan.FromSeconds(5)).Result));
        await Assert.ThrowsAsync<InvalidOperationException>(() => boss.Ask<JobDone>(new Job(4, 2), TimeSpan.FromSeconds(5)));
    }
}
