using System.Reflection;

namespace ActorParallel.Configuration;

/// <summary>Creates <see cref="Config"/> instances from HOCON text, files and embedded resources.</summary>
public static class ConfigurationFactory
{
    /// <summary>The logical name under which the runtime assembly embeds its reference configuration.</summary>
    public const string DefaultResourceName = "ActorParallel.actors.conf";

    /// <summary>An empty configuration.</summary>
    public static Config Empty => Config.Empty;

    /// <summary>Parses and resolves HOCON text.</summary>
    public static Config ParseString(string hocon) => ParseString(hocon, ConfigParseOptions.Default);

    /// <summary>Parses and resolves HOCON text; <c>include "name"</c> calls <paramref name="includeCallback"/>.</summary>
    public static Config ParseString(string hocon, Func<string, HoconRoot> includeCallback)
        => ParseString(hocon, new ConfigParseOptions { IncludeCallback = includeCallback });

    /// <summary>Parses and resolves HOCON text with the given options.</summary>
    public static Config ParseString(string hocon, ConfigParseOptions options)
        => Parse(hocon, "string", json: false, null, options);

    /// <summary>
    /// Parses and resolves a file (.conf as HOCON, .json as strict JSON, .properties as Java properties);
    /// includes are resolved relative to the file's folder.
    /// </summary>
    public static Config ParseFile(string path) => ParseFile(path, ConfigParseOptions.Default);

    /// <summary>As <see cref="ParseFile(string)"/>, with options (for example <c>UseEnvironmentVariables = false</c>).</summary>
    public static Config ParseFile(string path, ConfigParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigurationException($"{path}: file not found (looked for {fullPath}). Fix: check the path.");
        }

        var context = new IncludeContext(options.IncludeCallback);
        var loaded = context.LoadRoot(fullPath);
        var root = HoconResolver.Resolve(loaded.Value!, options.UseEnvironmentVariables, loaded.Substitutions > 0);
        return new Config(root, null);
    }

    /// <summary>Parses and resolves a HOCON (or JSON, with <paramref name="json"/>) text; <paramref name="sourceName"/> names it in errors.</summary>
    public static Config ParseString(string text, string sourceName, bool json, ConfigParseOptions options)
        => Parse(text, sourceName, json, null, options);

    /// <summary>
    /// The reference configuration embedded in the ActorParallel runtime assembly, or <see cref="Empty"/> if it is not loaded.
    /// It is parsed once per process: a <see cref="Config"/> is immutable and the embedded text cannot change, so every
    /// actor system shares one tree (and its merged view) instead of parsing 360 lines again.
    /// </summary>
    public static Config Default()
    {
        if (Volatile.Read(ref _reference) is { } cached)
        {
            return cached;
        }

        var loaded = LoadReferenceConfig();
        if (loaded.IsEmpty)
        {
            // The runtime assembly is not loadable (yet): do not remember that, look again next time.
            return loaded;
        }

        // Two systems starting at once may both parse; both then use the first tree published.
        return Interlocked.CompareExchange(ref _reference, loaded, null) ?? loaded;
    }

    /// <summary>The parsed reference configuration, once some caller has parsed it; written once with a CAS.</summary>
    private static Config? _reference;

    private static Config LoadReferenceConfig()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName("ActorParallel"));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return Empty;
        }

        return assembly.GetManifestResourceInfo(DefaultResourceName) is null ? Empty : FromResource(DefaultResourceName, assembly);
    }

    /// <summary>Akka.NET's <c>Load()</c>: here the same as <see cref="Default"/>.</summary>
    public static Config Load() => Default();

    /// <summary>Parses an embedded resource of <paramref name="assembly"/>.</summary>
    public static Config FromResource(string resourceName, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ConfigurationException(
                $"resource '{resourceName}' not found in assembly {assembly.GetName().Name}. Fix: embed it with <EmbeddedResource Include=\"...\" LogicalName=\"{resourceName}\" />.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), assembly.GetName().Name + ":" + resourceName, json: false, null, ConfigParseOptions.Default);
    }

    /// <summary>Parses an embedded resource of the assembly that defines <typeparamref name="TAssembly"/>.</summary>
    public static Config FromResource<TAssembly>(string resourceName) => FromResource(resourceName, typeof(TAssembly).Assembly);

    private static Config Parse(string text, string source, bool json, string? directory, ConfigParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var parser = new HoconTextParser(text, source, json, [], new IncludeContext(options.IncludeCallback), directory);
        var root = parser.ParseDocument();
        root = HoconResolver.Resolve(root, options.UseEnvironmentVariables, parser.SubstitutionCount > 0);
        return new Config(root, null);
    }
}
