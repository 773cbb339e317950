using ActorParallel.Actor;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class EventStreamSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    private record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    [Fact]
    public void Subscribers_to_a_base_type_receive_subtypes_once()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Sys.EventStream.Subscribe(TestActor, typeof(Dog));
        Sys.EventStream.Publish(new Dog("rex"));
        ExpectMsg(new Dog("rex"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Sys.EventStream.Publish("not an animal");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Unsubscribe_stops_delivery()
    {
        Sys.EventStream.Subscribe<Animal>(TestActor);
        Sys.EventStream.Unsubscribe<Animal>(TestActor);
        Sys.EventStream.Publish(new Animal("cat"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Dead_letters_are_published_and_counted()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        Sys.DeadLetters.Tell("lost", TestActor);
        var letter = ExpectMsg<DeadLetter>();
        Assert.Equal("lost", letter.Message);
        Assert.Equal(TestActor, letter.Sender);
        Assert.True(((DeadLetterActorRef)Sys.DeadLetters).Count >= 1);
    }

    [Fact]
    public void Logger_publishes_at_enabled_levels_only()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(LogEvent));
        var log = Logging.GetLogger(Sys, "spec");
        Assert.True(log.IsInfoEnabled);
        Assert.False(log.IsDebugEnabled);
        log.Debug("hidden {0}", 1);
        log.Info("shown {0}", 2);
        var info = ExpectMsg<Info>();
        Assert.Equal("shown 2", info.Message.ToString());
        Assert.Equal("spec", info.LogSource);
        log.Error(new InvalidOperationException("x"), "failed {0}", "op");
        var error = ExpectMsg<Error>();
        Assert.IsType<InvalidOperationException>(error.Cause);
    }

    [Fact]
    public void Context_GetLogger_uses_the_actor_path_as_source()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Warning));
        var actor = Sys.ActorOf<LoggingActor>("talker");
        actor.Tell("warn");
        var warning = ExpectMsg<Warning>();
        Assert.Equal(actor.Path.ToString(), warning.LogSource);
        Assert.Equal("careful warn", warning.Message.ToString());
    }

    private sealed class LoggingActor : ReceiveActor
    {
        public LoggingActor()
        {
            var log = Context.GetLogger();
            Receive<string>(s => log.Warning("careful {0}", s));
        }
    }
}
