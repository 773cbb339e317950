using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class SelectionSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    private IActorRef Tree()
    {
        var root = Sys.ActorOf<Node>("root");
        root.Tell("a");
        root.Tell("b");
        root.Tell("ab");
        root.Tell("sync");
        ExpectMsg("sync");
        return root;
    }

    [Fact]
    public async Task ResolveOne_finds_an_existing_actor_and_fails_for_a_missing_one()
    {
        var root = Tree();
        var found = await Sys.ActorSelection("/user/root/a").ResolveOne(TimeSpan.FromSeconds(5));
        Assert.Equal("a", found.Path.Name);
        var full = await Sys.ActorSelection("actorparallel://test/user/root").ResolveOne(TimeSpan.FromSeconds(5));
        Assert.Equal(root, full);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/root/missing").ResolveOne(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Wildcards_fan_out_to_every_match()
    {
        Tree();
        Sys.ActorSelection("/user/root/*").Tell("hello");
        var replies = new[] { ExpectMsg<string>(), ExpectMsg<string>(), ExpectMsg<string>() };
        Assert.Equal(["a:hello", "ab:hello", "b:hello"], replies.Order(StringComparer.Ordinal));
        Sys.ActorSelection("/user/root/?").Tell("one-char");
        var short1 = ExpectMsg<string>();
        var short2 = ExpectMsg<string>();
        Assert.Equal(["a:one-char", "b:one-char"], new[] { short1, short2 }.Order(StringComparer.Ordinal));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Identify_returns_the_subject_or_null()
    {
        Tree();
        Sys.ActorSelection("/user/root/b").Tell(new Identify("x"));
        Assert.Equal("b", ExpectMsg<ActorIdentity>().Subject!.Path.Name);
        Sys.ActorSelection("/user/root/zzz").Tell(new Identify("y"));
        var missing = ExpectMsg<ActorIdentity>();
        Assert.Equal("y", missing.MessageId);
        Assert.Null(missing.Subject);
    }

    [Fact]
    public void Relative_paths_and_parent_steps_work_from_inside_an_actor()
    {
        var root = Tree();
        root.Tell(("select", "a/../b"));
        ExpectMsg("b:via-selection");
    }

    private sealed class Node : ReceiveActor
    {
        public Node()
        {
            Receive<string>(s => s == "sync", s => Sender.Tell(s));
            Receive<(string, string)>(t => Context.ActorSelection(t.Item2).Tell("via-selection", Sender));
            Receive<string>(s => Context.Self.Path.Name == "root", s => Context.ActorOf<Leaf>(s));
        }
    }

    private sealed class Leaf : ReceiveActor
    {
        public Leaf() => Receive<string>(s => Sender.Tell($"{Self.Path.Name}:{s}"));
    }
}
