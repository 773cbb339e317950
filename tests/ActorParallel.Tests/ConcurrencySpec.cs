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

    /// <summary>
    /// Producers on their own threads outpace and fall behind the consumer by turns, so its mailbox drains,
    /// goes idle and is scheduled again (or taken back by its runner) many times: no message may be lost or
    /// reordered per sender, and the last one may not be stranded (the checker reports by itself when it arrives).
    /// </summary>
    [Fact]
    public void Each_senders_messages_arrive_in_order_and_none_is_stranded_while_the_mailbox_drains_and_refills()
    {
        const int senders = 3;
        const int perSender = 20_000;
        var report = TestActor;
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(senders, senders * perSender, report)));
        var producers = Enumerable.Range(0, senders).Select(id => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                checker.Tell(new Numbered(id, i), ActorRefs.NoSender);
                if (i % 97 == 0)
                {
                    Thread.Yield();
                }
            }
        })).ToArray();
        Assert.True(Task.WaitAll(producers, TimeSpan.FromSeconds(20)), "the producers did not finish");
        // The checker reports by itself on the last message: nothing sent afterwards could unstick a stranded one.
        Assert.Equal(0, ExpectMsg<int>(TimeSpan.FromSeconds(20)));
    }

    /// <summary>
    /// Short bursts, each awaited before the next is sent: the burst's last message may land while the runner
    /// is draining the queue and going idle (a race, so this guards rather than proves). If that message were
    /// stranded, nothing would come after it to schedule the mailbox and the round would time out.
    /// </summary>
    [Fact]
    public void The_last_message_of_a_burst_is_never_stranded_in_a_mailbox_going_idle()
    {
        const int rounds = 3_000;
        var echo = Sys.ActorOf<EchoActor>();
        for (var round = 0; round < rounds; round++)
        {
            var burst = (round % 4) + 1;
            for (var i = 0; i < burst; i++)
            {
                echo.Tell(i == burst - 1 ? round : -1, TestActor);
            }

            for (var i = 0; i < burst - 1; i++)
            {
                ExpectMsg(-1, TimeSpan.FromSeconds(5));
            }

            ExpectMsg(round, TimeSpan.FromSeconds(5));
        }
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed class SequenceChecker : ReceiveActor
    {
        public SequenceChecker(int senders, int total, IActorRef report)
        {
            var next = new int[senders];
            var received = 0;
            var outOfOrder = 0;
            Receive<Numbered>(m =>
            {
                if (m.Sequence != next[m.Sender]++)
                {
                    outOfOrder++;
                }

                if (++received == total)
                {
                    report.Tell(outOfOrder);
                }
            });
        }
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
