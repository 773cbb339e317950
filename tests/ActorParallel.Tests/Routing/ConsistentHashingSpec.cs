using System.Text;
using ActorParallel.Actor;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

public sealed class ConsistentHashingSpec(ITestOutputHelper output) : RoutingTestKit("", output)
{
    [Theory]
    [InlineData("", 0u, 0)]
    [InlineData("", 1u, 0x514E28B7)]
    [InlineData("hello", 0u, 0x248BFA47)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0u, 0x2E4FF723)]
    public void MurmurHash3_matches_the_reference_vectors(string text, uint seed, uint expected)
    {
        Assert.Equal(unchecked((int)expected), MurmurHash.Hash(Encoding.UTF8.GetBytes(text), seed));
    }

    [Fact]
    public void The_ring_is_deterministic_and_moves_only_the_removed_nodes_keys()
    {
        var nodes = new[] { "a", "b", "c", "d" };
        var ring = ConsistentHash<string>.Create(nodes, 10);
        var again = ConsistentHash<string>.Create(nodes.Reverse(), 10);
        var keys = Enumerable.Range(0, 200).Select(i => $"key-{i}").ToList();
        Assert.All(keys, k => Assert.Equal(ring.NodeFor(k), again.NodeFor(k)));
        Assert.Equal(4, keys.Select(ring.NodeFor).Distinct().Count());

        var without = ConsistentHash<string>.Create(["a", "b", "c"], 10);
        Assert.All(keys.Where(k => ring.NodeFor(k) != "d"), k => Assert.Equal(ring.NodeFor(k), without.NodeFor(k)));
    }

    [Fact]
    public void Same_key_goes_to_the_same_routee()
    {
        var router = Sys.ActorOf(new ConsistentHashingPool(4).Props(Props.Create(() => new RouteeActor(TestActor))));
        var owner = new Dictionary<string, string>();
        for (var round = 0; round < 3; round++)
        {
            for (var k = 0; k < 10; k++)
            {
                router.Tell(new Keyed($"k{k}", round), TestActor);
                var (routee, message) = ExpectMsg<(string, object)>(Long);
                var key = ((Keyed)message).Key;
                Assert.Equal(owner.TryAdd(key, routee) ? routee : owner[key], routee);
            }
        }

        Assert.True(owner.Values.Distinct().Count() > 1, "10 keys over 4 routees should not all land on one");
    }

    [Fact]
    public void Envelope_and_hash_mapping_choose_the_key_and_the_routee_gets_the_bare_message()
    {
        var router = Sys.ActorOf(new ConsistentHashingPool(3)
            .WithHashMapping(m => m is string s && s.StartsWith("m:", StringComparison.Ordinal) ? s[2..] : null)
            .Props(Props.Create(() => new RouteeActor(TestActor))));
        router.Tell(new ConsistentHashableEnvelope("payload-1", "key"), TestActor);
        var (viaEnvelope, payload) = ExpectMsg<(string, object)>(Long);
        Assert.Equal("payload-1", payload);
        router.Tell("m:key", TestActor);
        var (viaMapping, _) = ExpectMsg<(string, object)>(Long);
        Assert.Equal(viaEnvelope, viaMapping);

        // Neither mapped nor hashable: dead letters, not a routee.
        router.Tell(42.5, TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void The_key_to_routee_mapping_is_the_same_in_a_new_process_state()
    {
        // Two systems with the same name stand for two runs of the program: string hashes are randomized
        // per process in .NET, MurmurHash3 over UTF-8 is not.
        Dictionary<string, string> Map()
        {
            using var system = ActorSystem.Create("hashing");
            var probe = CreateTestProbe(system);
            var router = system.ActorOf(new ConsistentHashingPool(5).Props(Props.Create(() => new RouteeActor(probe.Ref))), "shuffle");
            var map = new Dictionary<string, string>();
            foreach (var word in new[] { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" })
            {
                router.Tell(new ConsistentHashableEnvelope(word, word), probe.Ref);
                var (routee, message) = probe.ExpectMsg<(string, object)>(Long);
                map[(string)message] = routee;
            }

            return map;
        }

        Assert.Equal(Map(), Map());
    }

    [Fact]
    public void Ring_placement_is_pinned_so_that_every_process_and_version_agrees()
    {
        var ring = ConsistentHash<string>.Create(["actorparallel://hashing/user/shuffle/$a", "actorparallel://hashing/user/shuffle/$b", "actorparallel://hashing/user/shuffle/$c"], 10);
        var placement = string.Join(",", new[] { "alpha", "beta", "gamma", "delta", "epsilon", "zeta" }.Select(k => ring.NodeFor(k)[^1]));
        Assert.Equal("b,c,a,b,b,a", placement);
    }
}
