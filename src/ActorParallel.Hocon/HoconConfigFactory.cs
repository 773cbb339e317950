using System.Reflection;

namespace ActorParallel.Configuration;

/// <summary>Creates <see cref="HoconConfig"/> instances from HOCON text, files and embedded resources.</summary>
public static class HoconConfigFactory
{
    /// <summary>An empty configuration.</summary>
    public static HoconConfig Empty => HoconConfig.Empty;

    /// <summary>
    /// <paramref name="value"/> as a quoted HOCON (and JSON) string, escapes included: safe to splice into HOCON text
    /// built in code, e.g. a hostname a user typed.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new System.Text.StringBuilder(value.Length + 2);
        HoconRenderer.AppendQuoted(sb, value);
        return sb.ToString();
    }

    /// <summary>Parses and resolves HOCON text.</summary>
    public static HoconConfig ParseString(string hocon) => ParseString(hocon, ConfigParseOptions.Default);

    /// <summary>Parses and resolves HOCON text; <c>include "name"</c> calls <paramref name="includeCallback"/>.</summary>
    public static HoconConfig ParseString(string hocon, Func<string, HoconRoot> includeCallback)
        => ParseString(hocon, new ConfigParseOptions { IncludeCallback = includeCallback });

    /// <summary>Parses and resolves HOCON text with the given options.</summary>
    public static HoconConfig ParseString(string hocon, ConfigParseOptions options)
        => Parse(hocon, "string", json: false, null, options);

    /// <summary>
    /// Parses and resolves a file (.conf as HOCON, .json as strict JSON, .properties as Java properties);
    /// includes are resolved relative to the file's folder.
    /// </summary>
    public static HoconConfig ParseFile(string path) => ParseFile(path, ConfigParseOptions.Default);

    /// <summary>As <see cref="ParseFile(string)"/>, with options (for example <c>UseEnvironmentVariables = false</c>).</summary>
    public static HoconConfig ParseFile(string path, ConfigParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new HoconConfigException($"{path}: file not found (looked for {fullPath}). Fix: check the path.");
        }

        var context = new IncludeContext(options.IncludeCallback);
        var loaded = context.LoadRoot(fullPath);
        var root = HoconResolver.Resolve(loaded.Value!, options.UseEnvironmentVariables, loaded.Substitutions > 0);
        return new HoconConfig(root, null);
    }

    /// <summary>Parses and resolves a HOCON (or JSON, with <paramref name="json"/>) text; <paramref name="sourceName"/> names it in errors.</summary>
    public static HoconConfig ParseString(string text, string sourceName, bool json, ConfigParseOptions options)
        => Parse(text, sourceName, json, null, options);

    /// <summary>Parses an embedded resource of <paramref name="assembly"/>.</summary>
    public static HoconConfig FromResource(string resourceName, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new HoconConfigException(
                $"resource '{resourceName}' not found in assembly {assembly.GetName().Name}. Fix: embed it with <EmbeddedResource Include=\"...\" LogicalName=\"{resourceName}\" />.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), assembly.GetName().Name + ":" + resourceName, json: false, null, ConfigParseOptions.Default);
    }

    /// <summary>Parses an embedded resource of the assembly that defines <typeparamref name="TAssembly"/>.</summary>
    public static HoconConfig FromResource<TAssembly>(string resourceName) => FromResource(resourceName, typeof(TAssembly).Assembly);

    private static HoconConfig Parse(string text, string source, bool json, string? directory, ConfigParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var parser = new HoconTextParser(text, source, json, [], new IncludeContext(options.IncludeCallback), directory);
        var root = parser.ParseDocument();
        root = HoconResolver.Resolve(root, options.UseEnvironmentVariables, parser.SubstitutionCount > 0);
        return new HoconConfig(root, null);
    }
}
