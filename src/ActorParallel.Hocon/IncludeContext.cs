namespace ActorParallel.Configuration;

internal enum IncludeKind
{
    Plain,
    File,
    Url,
    Classpath,
}

internal readonly record struct IncludeRequest(IncludeKind Kind, string Name, bool Required, string[] Prefix, HoconOrigin Origin, string? Directory);

internal readonly record struct IncludeResult(HoconObject? Value, int Substitutions);

/// <summary>
/// Finds and parses included files: relative to the including file's folder (for plain, <c>file()</c>
/// and <c>classpath()</c> includes alike), or through the host's include callback.
/// </summary>
internal sealed class IncludeContext
{
    private const int MaxDepth = 50;

    // Files currently being parsed, to report include cycles instead of overflowing the stack.
    private readonly List<string> _active = [];

    public IncludeContext(Func<string, HoconRoot>? callback)
    {
        Callback = callback;
    }

    public static IncludeContext None => new(null);

    public Func<string, HoconRoot>? Callback { get; }

    public IncludeResult Include(IncludeRequest request)
    {
        if (request.Kind == IncludeKind.Url)
        {
            throw HoconTextParser.ErrorAt(
                request.Origin,
                $"include url(\"{request.Name}\") is not supported",
                "download the file and include it with include file(\"...\")");
        }

        if (Callback is not null && request.Kind != IncludeKind.File)
        {
            HoconRoot? root;
            try
            {
                root = Callback(request.Name);
            }
            catch (HoconConfigException)
            {
                throw;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                throw new HoconConfigException($"{request.Origin}: the include callback failed for \"{request.Name}\": {ex.Message}. Fix: make the callback return the included configuration.", ex);
            }

            if (root?.Value is HoconObject obj)
            {
                return new IncludeResult(Relativize.Object(obj, request.Prefix), 1);
            }

            return Missing(request);
        }

        var directory = request.Directory ?? Environment.CurrentDirectory;
        var fullPath = Path.GetFullPath(Path.IsPathRooted(request.Name) ? request.Name : Path.Combine(directory, request.Name));
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        if (extension is ".conf" or ".json" or ".properties" || File.Exists(fullPath))
        {
            if (!File.Exists(fullPath))
            {
                return Missing(request, fullPath);
            }

            return ParseFile(fullPath, request);
        }

        // No known extension: merge name.properties < name.json < name.conf.
        HoconObject? merged = null;
        var substitutions = 0;
        foreach (var ext in (ReadOnlySpan<string>)[".properties", ".json", ".conf"])
        {
            var candidate = fullPath + ext;
            if (!File.Exists(candidate))
            {
                continue;
            }

            var part = ParseFile(candidate, request);
            substitutions += part.Substitutions;
            if (merged is null)
            {
                merged = part.Value;
            }
            else
            {
                for (var i = 0; i < part.Value!.Count; i++)
                {
                    HoconTextParser.MergeField(merged, part.Value.KeyAt(i), part.Value.GetAt(i));
                }
            }
        }

        return merged is null ? Missing(request, fullPath + ".conf") : new IncludeResult(merged, substitutions);
    }

    private static IncludeResult Missing(IncludeRequest request, string? fullPath = null)
    {
        if (request.Required)
        {
            throw HoconTextParser.ErrorAt(
                request.Origin,
                $"required include \"{request.Name}\" not found{(fullPath is null ? string.Empty : " (looked for " + fullPath + ")")}",
                "create the file, correct the name (it is relative to the including file), or drop required(...)");
        }

        return new IncludeResult(null, 0);
    }

    private IncludeResult ParseFile(string fullPath, IncludeRequest request)
    {
        if (_active.Contains(fullPath))
        {
            throw HoconTextParser.ErrorAt(
                request.Origin,
                $"include cycle: {string.Join(" -> ", _active)} -> {fullPath}",
                "remove one of the includes so that no file includes itself");
        }

        if (_active.Count >= MaxDepth)
        {
            throw HoconTextParser.ErrorAt(request.Origin, $"includes nested deeper than {MaxDepth}", "flatten the includes");
        }

        _active.Add(fullPath);
        try
        {
            return Load(fullPath, request.Prefix, this);
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>Parses the top-level file, tracked for include cycles.</summary>
    public IncludeResult LoadRoot(string fullPath)
    {
        _active.Add(fullPath);
        try
        {
            return Load(fullPath, [], this);
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>Reads and parses one file by its extension (.json strict JSON, .properties, else HOCON).</summary>
    public static IncludeResult Load(string fullPath, string[] prefix, IncludeContext context)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HoconConfigException($"{fullPath}: cannot read the file: {ex.Message}. Fix: check the path and its permissions.", ex);
        }

        var extension = Path.GetExtension(fullPath);
        if (extension.Equals(".properties", StringComparison.OrdinalIgnoreCase))
        {
            return new IncludeResult(PropertiesParser.Parse(text, fullPath, prefix), 0);
        }

        var json = extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
        var parser = new HoconTextParser(text, fullPath, json, prefix, context, Path.GetDirectoryName(fullPath));
        var root = parser.ParseDocument();
        return new IncludeResult(root, parser.SubstitutionCount);
    }
}
