using ActorParallel.Configuration;

namespace ActorParallel.Hocon.Tests;

public class ParseSmokeTests
{
    [Fact]
    public void Parses_and_reads_a_small_config()
    {
        var config = ConfigurationFactory.ParseString("a { b = 1, c = \"x\" }\nd = ${a.b}");
        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal("x", config.GetString("a.c"));
        Assert.Equal(1, config.GetInt("d"));
    }
}
