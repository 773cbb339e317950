using System.CommandLine;
using ActorParallel.Configuration;

namespace ActorParallel.Cli.Commands;

/// <summary><c>config render FILE [--json] [--no-env]</c>: prints a configuration file fully resolved; errors go through <see cref="CommandGuard"/>.</summary>
internal static class ConfigCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "The configuration file (.conf HOCON, .json or .properties)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (indented, keys in definition order) instead of HOCON; a failure prints {schema_version, error, exit_code}." };
        var noEnv = new Option<bool>("--no-env") { Description = "Do not fill undefined substitutions from environment variables." };
        var render = new Command("render", "Parse a configuration file, resolve includes and substitutions, and print the result.")
        {
            file,
            json,
            noEnv,
        };
        render.SetAction((result, cancellationToken) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var asJson = result.GetValue(json);
            return new CommandGuard(output, error, asJson).RunAsync(
                () => Task.FromResult(Render(result.GetValue(file)!, asJson, result.GetValue(noEnv), output)), cancellationToken);
        });

        return new Command("config", "Work with HOCON configuration files.") { render };
    }

    /// <summary>
    /// Renders the file. A configuration error throws <see cref="HoconConfigException"/>, which the command's guard
    /// prints as one line with exit code 1 (and, under <c>--json</c>, as the error object on stdout).
    /// </summary>
    internal static int Render(string path, bool json, bool noEnv, TextWriter output)
    {
        var options = new ConfigParseOptions { UseEnvironmentVariables = !noEnv };
        var config = HoconConfigFactory.ParseFile(path, options);
        output.Write(json ? config.ToJson() : config.ToString(includeFallback: true));
        return ExitCodes.Ok;
    }
}
