using ActorParallel.Configuration;
using ActorParallel.Routing;

namespace ActorParallel.Actor;

/// <summary>
/// Reads <c>actorparallel.actor.deployment</c>: entries keyed by actor path below <c>/user</c>
/// (e.g. <c>"/workers"</c>, <c>"/parent/*"</c>), each falling back to <c>deployment.default</c>.
/// Routers are built from <c>router = name</c> through <c>actorparallel.actor.router.type-mapping</c>
/// (the router type needs a public constructor taking <see cref="Config"/>).
/// </summary>
public class Deployer
{
    private readonly Config _default;
    private readonly Dictionary<string, Deploy> _exact = new(StringComparer.Ordinal);
    private readonly List<(string[] Pattern, Deploy Deploy)> _wildcards = [];
    private readonly Lock _gate = new();

    public Deployer(Settings settings)
    {
        Settings = settings;
        var deployment = settings.Config.GetConfig("actorparallel.actor.deployment");
        _default = deployment.GetConfig("default");
        foreach (var (key, value) in deployment.AsEnumerable())
        {
            if (key == "default" || !value.IsObject())
            {
                continue;
            }

            if (!key.StartsWith('/'))
            {
                throw new ConfigurationException(
                    $"'actorparallel.actor.deployment.\"{key}\"': deployment keys are actor paths below /user and must start with '/'.");
            }

            var entry = deployment.GetConfig($"\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"").WithFallback(_default);
            if (ParseConfig(key, entry) is { } deploy)
            {
                SetDeploy(deploy);
            }
        }
    }

    public Settings Settings { get; }

    /// <summary>Adds or replaces a deployment (paths like "/a/b", wildcards allowed).</summary>
    public void SetDeploy(Deploy deploy)
    {
        var elements = deploy.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        lock (_gate)
        {
            if (elements.Any(e => e.Contains('*', StringComparison.Ordinal) || e.Contains('?', StringComparison.Ordinal)))
            {
                _wildcards.Add((elements, deploy));
            }
            else
            {
                _exact["/" + string.Join('/', elements)] = deploy;
            }

            Volatile.Write(ref _hasEntries, true);
        }
    }

    /// <summary>The deployment for a path below /user (elements without "user"), or null.</summary>
    public Deploy? Lookup(IEnumerable<string> pathElements)
    {
        var elements = pathElements as IReadOnlyList<string> ?? pathElements.ToList();
        var key = "/" + string.Join('/', elements);
        lock (_gate)
        {
            if (_exact.TryGetValue(key, out var deploy))
            {
                return deploy;
            }

            foreach (var (pattern, candidate) in _wildcards)
            {
                if (pattern.Length == elements.Count && pattern.Zip(elements).All(p => Wildcard.Matches(p.First, p.Second)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public Deploy? Lookup(ActorPath path) =>
        path.Elements is { Count: > 1 } elements ? Lookup(elements.Skip(1)) : null;

    /// <summary>True when any deployment entry exists; lets ActorOf skip lookups entirely otherwise.</summary>
    internal bool HasEntries => Volatile.Read(ref _hasEntries);

    /// <summary>Set once the first entry is added; read without the lock on every spawn.</summary>
    private bool _hasEntries;

    /// <summary>Turns one deployment entry into a <see cref="Deploy"/>; routers engineers may extend the router part.</summary>
    public virtual Deploy? ParseConfig(string key, Config config)
    {
        var router = CreateRouterConfig(key, config.GetString("router", "from-code") ?? "from-code", config);
        var dispatcher = config.GetString("dispatcher", string.Empty) ?? string.Empty;
        var mailbox = config.GetString("mailbox", string.Empty) ?? string.Empty;
        return new Deploy(key, config, router, Scope.NoScopeGiven, dispatcher, mailbox);
    }

    protected virtual RouterConfig CreateRouterConfig(string key, string routerName, Config config)
    {
        if (routerName == "from-code")
        {
            return NoRouter.Instance;
        }

        var typeName = Settings.Config.GetString($"actorparallel.actor.router.type-mapping.{routerName}", routerName)!;
        var type = Type.GetType(typeName)
            ?? throw new ConfigurationException(
                $"'actorparallel.actor.deployment.\"{key}\".router = {routerName}': no router type [{typeName}]. " +
                $"Use one of: {string.Join(", ", Settings.Config.GetConfig("actorparallel.actor.router.type-mapping").AsEnumerable().Select(kv => kv.Key))}, " +
                "or an assembly-qualified RouterConfig type name.");
        if (!typeof(RouterConfig).IsAssignableFrom(type))
        {
            throw new ConfigurationException($"'actorparallel.actor.deployment.\"{key}\".router': [{typeName}] is not a RouterConfig.");
        }

        try
        {
            return (RouterConfig)Activator.CreateInstance(type, config)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new ConfigurationException($"'actorparallel.actor.deployment.\"{key}\"' (router = {routerName}): {inner.Message}", inner);
        }
    }
}
