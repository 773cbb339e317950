using System.Collections.Concurrent;
using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Dispatch;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

/// <summary>A synchronization context backed by one thread, as a UI thread would be.</summary>
internal sealed class SingleThreadContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
    private readonly Thread _thread;

    public SingleThreadContext()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "single-thread-context" };
        _thread.Start();
    }

    public int ThreadId => _thread.ManagedThreadId;

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

    public void Dispose() => _queue.CompleteAdding();

    private void Loop()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
        {
            callback(state);
        }
    }
}

/// <summary>Replies with the thread and synchronization context it runs on.</summary>
public sealed class WhereAmIActor : ReceiveActor
{
    public WhereAmIActor()
    {
        ReceiveAny(_ => Sender.Tell((Environment.CurrentManagedThreadId, SynchronizationContext.Current)));
    }
}

public sealed class DispatcherSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit("""
    ui-dispatcher { type = Dispatcher, executor = current-context-executor, throughput = 3 }
    high-channel { executor = channel-executor, channel-executor.priority = high }
    bad-channel { executor = channel-executor, channel-executor.priority = urgent }
    """, output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private IActorRef SpawnOn(SynchronizationContext context, Props props)
    {
        var spawned = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Post(_ =>
        {
            try
            {
                spawned.SetResult(Sys.ActorOf(props));
            }
            catch (Exception e)
            {
                spawned.SetException(e);
            }
        }, null);
        return spawned.Task.WaitAsync(Generous).GetAwaiter().GetResult();
    }

    [Theory]
    [InlineData(Dispatchers.SynchronizedDispatcherId)]
    [InlineData("ui-dispatcher")]
    public void Synchronized_dispatcher_runs_actors_on_the_captured_synchronization_context(string dispatcherId)
    {
        using var context = new SingleThreadContext();
        var actor = SpawnOn(context, Props.Create<WhereAmIActor>().WithDispatcher(dispatcherId));

        var dispatcher = Assert.IsType<SynchronizedDispatcher>(((LocalActorRef)actor).Cell.Dispatcher);
        Assert.Same(context, dispatcher.Context);
        for (var i = 0; i < 5; i++)
        {
            actor.Tell(i);
            var (threadId, current) = ExpectMsg<(int, SynchronizationContext?)>(Generous);
            Assert.Equal(context.ThreadId, threadId);
            Assert.Same(context, current);
        }

        Sys.Stop(actor);
    }

    [Fact]
    public void Synchronized_dispatcher_without_a_synchronization_context_is_a_clear_configuration_error()
    {
        var error = Task.Run(() => Assert.Throws<ConfigurationException>(() =>
            Sys.ActorOf(Props.Create<WhereAmIActor>().WithDispatcher(Dispatchers.SynchronizedDispatcherId)))).WaitAsync(Generous).GetAwaiter().GetResult();
        Assert.Contains(Dispatchers.SynchronizedDispatcherId, error.Message, StringComparison.Ordinal);
        Assert.Contains("SynchronizationContext", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Dispatchers.InternalDispatcherId, typeof(Dispatcher), 5)]
    [InlineData(Dispatchers.DefaultBlockingDispatcherId, typeof(Dispatcher), 1)]
    [InlineData(Dispatchers.DefaultForkJoinDispatcherId, typeof(ForkJoinDispatcher), 30)]
    [InlineData(Dispatchers.TaskDispatcherId, typeof(Dispatcher), 30)]
    public void Built_in_dispatchers_resolve_and_run_actors(string dispatcherId, Type expectedType, int throughput)
    {
        var dispatcher = Sys.Dispatchers.Lookup(dispatcherId);
        Assert.IsType(expectedType, dispatcher);
        Assert.Equal(throughput, dispatcher.Throughput);

        var echo = Sys.ActorOf(Props.Create<EchoActor>().WithDispatcher(dispatcherId));
        Assert.Same(dispatcher, ((LocalActorRef)echo).Cell.Dispatcher);
        echo.Tell("ping");
        ExpectMsg("ping", Generous);
    }

    [Fact]
    public void Channel_executor_priority_is_validated()
    {
        Assert.Equal(ChannelPriority.High, Assert.IsType<ChannelDispatcher>(Sys.Dispatchers.Lookup("high-channel")).Priority);
        var error = Assert.Throws<ConfigurationException>(() => Sys.Dispatchers.Lookup("bad-channel"));
        Assert.Contains("bad-channel.channel-executor.priority = urgent", error.Message, StringComparison.Ordinal);
        Assert.IsType<Dispatcher>(Sys.Dispatchers.DefaultGlobalDispatcher);
    }

    [Fact]
    public void Actors_run_on_a_channel_executor_dispatcher()
    {
        var actor = Sys.ActorOf(Props.Create(() => new EchoActor()).WithDispatcher("high-channel"));
        actor.Tell("ping");
        ExpectMsg("ping", Generous);
    }

    [Fact]
    public void The_channel_scheduler_runs_high_before_normal_before_low_when_its_workers_are_busy()
    {
        using var scheduler = new ChannelScheduler("test-channel", workerCount: 1);
        using var started = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        using var done = new CountdownEvent(6);
        var order = new ConcurrentQueue<string>();

        // Occupy the only worker, then queue work of every priority behind it.
        scheduler.Schedule(new Work(() =>
        {
            started.Set();
            gate.Wait(Generous);
        }), ChannelPriority.Normal);
        Assert.True(started.Wait(Generous));
        foreach (var (name, priority) in new[]
        {
            ("low-1", ChannelPriority.Low), ("normal-1", ChannelPriority.Normal), ("high-1", ChannelPriority.High),
            ("low-2", ChannelPriority.Low), ("high-2", ChannelPriority.High), ("normal-2", ChannelPriority.Normal),
        })
        {
            scheduler.Schedule(new Work(() =>
            {
                order.Enqueue(name);
                done.Signal();
            }), priority);
        }

        gate.Set();
        Assert.True(done.Wait(Generous));
        Assert.Equal(["high-1", "high-2", "normal-1", "normal-2", "low-1", "low-2"], order);
    }

    private sealed class Work(Action action) : IThreadPoolWorkItem
    {
        public void Execute() => action();
    }
}
