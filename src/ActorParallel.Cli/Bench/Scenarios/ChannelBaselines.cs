using System.Threading.Channels;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// The <see cref="Channel{T}"/> baselines the actor figures are set against: the same exchange between
/// tasks over unbounded channels on the same thread pool. Each returns the task to await.
/// </summary>
internal static class ChannelBaselines
{
    private static readonly UnboundedChannelOptions OneToOne = new() { SingleReader = true, SingleWriter = true };

    /// <summary>Ping-pong: <paramref name="pairs"/> pairs, each keeping <paramref name="inFlight"/> of its <paramref name="total"/> pings in flight.</summary>
    public static Task PingPong(int pairs, int total, int inFlight)
    {
        var tasks = new Task[2 * pairs];
        for (var i = 0; i < pairs; i++)
        {
            var toPong = Channel.CreateUnbounded<object>(OneToOne);
            var toPing = Channel.CreateUnbounded<object>(OneToOne);
            tasks[2 * i] = Task.Run(() => PongLoop(toPong.Reader, toPing.Writer));
            tasks[(2 * i) + 1] = Task.Run(() => PingLoop(toPing.Reader, toPong.Writer, total, inFlight));
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>
    /// The Channel&lt;T&gt; farm: one producer task writes <paramref name="tasks"/> <see cref="FarmWork"/> records to
    /// one unbounded channel that <paramref name="workers"/> consumer tasks read; each consumer runs the empty task
    /// (<see cref="EmptyWorkload.Run"/>) and writes a <see cref="FarmDone"/> record to one results channel, which
    /// the returned task reads until every result is in. Its result is the sum of the outputs.
    /// </summary>
    public static Task<long> Farm(int tasks, int workers)
    {
        var work = Channel.CreateUnbounded<FarmWork>(new UnboundedChannelOptions { SingleWriter = true });
        var results = Channel.CreateUnbounded<FarmDone>(new UnboundedChannelOptions { SingleReader = true });
        var consumers = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            consumers[i] = Task.Run(() => FarmConsumer(work.Reader, results.Writer));
        }

        var producer = Task.Run(() =>
        {
            for (var i = 0; i < tasks; i++)
            {
                work.Writer.TryWrite(new FarmWork(i));
            }

            work.Writer.Complete();
        });
        return Collect(results.Reader, tasks, producer, consumers);
    }

    private static async Task FarmConsumer(ChannelReader<FarmWork> work, ChannelWriter<FarmDone> results)
    {
        while (await work.WaitToReadAsync().ConfigureAwait(false))
        {
            while (work.TryRead(out var task))
            {
                results.TryWrite(new FarmDone(task.Id, EmptyWorkload.Run(task.Id)));
            }
        }
    }

    private static async Task<long> Collect(ChannelReader<FarmDone> results, int tasks, Task producer, Task[] consumers)
    {
        var sum = 0L;
        var received = 0;
        while (received < tasks && await results.WaitToReadAsync().ConfigureAwait(false))
        {
            while (received < tasks && results.TryRead(out var done))
            {
                sum += done.Output;
                received++;
            }
        }

        await producer.ConfigureAwait(false);
        await Task.WhenAll(consumers).ConfigureAwait(false);
        return sum;
    }

    private static async Task PingLoop(ChannelReader<object> inbox, ChannelWriter<object> pong, int total, int inFlight)
    {
        var sent = 0;
        var received = 0;
        for (; sent < Math.Min(inFlight, total); sent++)
        {
            pong.TryWrite(Msg.Instance);
        }

        while (received < total && await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out _))
            {
                received++;
                if (sent < total)
                {
                    sent++;
                    pong.TryWrite(Msg.Instance);
                }
            }
        }

        pong.Complete();
    }

    private static async Task PongLoop(ChannelReader<object> inbox, ChannelWriter<object> ping)
    {
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out var message))
            {
                ping.TryWrite(message);
            }
        }
    }
}
