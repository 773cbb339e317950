using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class ConcurrencySpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    [Fact]
    public void Messages_from_many_threads_are_each_delivered_exactly_once()
    {
        const int threads = 4;
        const int perThread = 5_000;
        var counter = Sys.ActorOf<CounterActor>();
        Parallel.For(0, threads, _ =>
        {
            for (var i = 0; i < perThread; i++)
            {
                counter.Tell("inc", ActorRefs.NoSender);
            }
        });
        AwaitAssert(() =>
        {
            counter.Tell("get");
            Assert.Equal(threads * perThread, ExpectMsg<int>());
        }, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Concurrent_top_level_creation_gives_unique_actors_and_rejects_duplicates()
    {
        var created = new System.Collections.Concurrent.ConcurrentBag<IActorRef>();
        var duplicates = 0;
        Parallel.For(0, 200, i =>
        {
            try
            {
                created.Add(Sys.ActorOf<EchoActor>($"a{i % 100}"));
            }
            catch (InvalidActorNameException)
            {
                Interlocked.Increment(ref duplicates);
            }
        });
        Assert.Equal(100, created.Count);
        Assert.Equal(100, duplicates);
        Assert.Equal(100, created.Select(a => a.Path.Name).Distinct().Count());
    }

    [Fact]
    public void Messages_racing_with_stop_are_either_processed_or_dead_lettered()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Event.DeadLetter));
        var echo = Sys.ActorOf<EchoActor>();
        const int total = 2_000;
        var sender = Task.Run(() =>
        {
            for (var i = 0; i < total; i++)
            {
                echo.Tell(i, TestActor);
            }
        });
        Sys.Stop(echo);
        sender.Wait(TimeSpan.FromSeconds(10));
        var seen = new HashSet<int>();
        while (seen.Count < total)
        {
            switch (ReceiveOne(TimeSpan.FromSeconds(10)))
            {
                case int replied:
                    Assert.True(seen.Add(replied), $"{replied} arrived twice");
                    break;
                case Event.DeadLetter { Message: int lost }:
                    Assert.True(seen.Add(lost), $"{lost} arrived twice");
                    break;
                case null:
                    Assert.Fail($"only {seen.Count} of {total} messages were accounted for");
                    break;
            }
        }
    }
}

public sealed class ConcurrencySpec_ThreadPool(ITestOutputHelper output) : ConcurrencySpec(DispatcherVariant.ThreadPool, output);

public sealed class ConcurrencySpec_ForkJoin(ITestOutputHelper output) : ConcurrencySpec(DispatcherVariant.ForkJoin, output);
