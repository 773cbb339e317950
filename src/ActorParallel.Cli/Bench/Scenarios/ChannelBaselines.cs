using System.Threading.Channels;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// The <see cref="Channel{T}"/> baselines the actor figures are set against: the same exchange between
/// tasks over unbounded single-reader, single-writer channels on the same thread pool. Shared with the
/// BenchmarkDotNet suite (linked in), so both measure the same loops. Each returns the task to await.
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

    /// <summary>Fan-out: this thread writes <paramref name="total"/> messages round-robin to <paramref name="size"/> consumer tasks.</summary>
    public static Task FanOut(int size, int total)
    {
        var writers = new ChannelWriter<object>[size];
        var consumers = new Task[size];
        for (var i = 0; i < size; i++)
        {
            var channel = Channel.CreateUnbounded<object>(OneToOne);
            writers[i] = channel.Writer;
            consumers[i] = Task.Run(() => Consume(channel.Reader, total / size));
        }

        for (var i = 0; i < total; i++)
        {
            writers[i % size].TryWrite(Msg.Instance);
        }

        return Task.WhenAll(consumers);
    }

    /// <summary>Flood: this thread writes <paramref name="count"/> messages to one consumer task.</summary>
    public static Task Flood(int count)
    {
        var channel = Channel.CreateUnbounded<object>(OneToOne);
        var consumer = Task.Run(() => Consume(channel.Reader, count));
        for (var i = 0; i < count; i++)
        {
            channel.Writer.TryWrite(Msg.Instance);
        }

        return consumer;
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

    private static async Task Consume(ChannelReader<object> reader, int expected)
    {
        var count = 0;
        while (count < expected && await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (count < expected && reader.TryRead(out _))
            {
                count++;
            }
        }
    }
}
