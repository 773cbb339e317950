namespace ActorParallel.Configuration;

/// <summary>Parses HOCON into an unresolved <see cref="HoconRoot"/>, for include callbacks (as Akka.NET's <c>Parser.Parse</c>).</summary>
public static class HoconParser
{
    /// <summary>Parses text without resolving substitutions; a relative include is looked up in the current directory.</summary>
    public static HoconRoot Parse(string text, Func<string, HoconRoot>? includeCallback = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new HoconTextParser(text, "string", json: false, [], new IncludeContext(includeCallback), null);
        return new HoconRoot(parser.ParseDocument());
    }
}
