using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class SerializeCreatorsSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit("""
    actorparallel.actor.serialize-creators = on
    """, output)
{
    [Fact]
    public void Serializable_constructor_arguments_pass_the_check()
    {
        Assert.True(Sys.Settings.SerializeAllCreators);
        var actor = Sys.ActorOf(Props.Create(() => new Greeter("hello", 3)));
        actor.Tell("world");
        ExpectMsg("hello world x3", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Unserializable_constructor_arguments_fail_before_the_actor_is_created()
    {
        Func<int> notSerializable = () => 42;
        var error = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new Holder(notSerializable)), "holder"));
        Assert.Contains("/user/holder", error.Message, StringComparison.Ordinal);
        Assert.Contains("serialize-creators", error.Message, StringComparison.Ordinal);

        // The failed attempt did not take the name.
        var retry = Sys.ActorOf(Props.Create(() => new Greeter("hi", 1)), "holder");
        retry.Tell("again");
        ExpectMsg("hi again x1", TimeSpan.FromSeconds(10));
    }

    private sealed class Greeter : ReceiveActor
    {
        public Greeter(string greeting, int times)
        {
            Receive<string>(name => Sender.Tell($"{greeting} {name} x{times}"));
        }
    }

    private sealed class Holder : ReceiveActor
    {
        public Holder(Func<int> value)
        {
            ReceiveAny(_ => Sender.Tell(value()));
        }
    }
}
