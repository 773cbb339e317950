using System.CommandLine;
using ActorParallel.Configuration;

namespace ActorParallel.Cli.Commands;

/// <summary><c>config render FILE [--json] [--no-env]</c>: prints a configuration file fully resolved.</summary>
internal static class ConfigCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "The configuration file (.conf HOCON, .json or .properties)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (indented, keys in definition order) instead of HOCON." };
        var noEnv = new Option<bool>("--no-env") { Description = "Do not fill undefined substitutions from environment variables." };
        var render = new Command("render", "Parse a configuration file, resolve includes and substitutions, and print the result.")
        {
            file,
            json,
            noEnv,
        };
        render.SetAction(result => Render(
            result.GetValue(file)!,
            result.GetValue(json),
            result.GetValue(noEnv),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));

        return new Command("config", "Work with HOCON configuration files.") { render };
    }

    /// <summary>Renders the file; a configuration error goes to <paramref name="error"/> with exit code 1.</summary>
    internal static int Render(string path, bool json, bool noEnv, TextWriter output, TextWriter error)
    {
        try
        {
            var options = new ConfigParseOptions { UseEnvironmentVariables = !noEnv };
            var config = HoconConfigFactory.ParseFile(path, options);
            output.Write(json ? config.ToJson() : config.ToString(includeFallback: true));
            return 0;
        }
        catch (HoconConfigException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitCodes.ConfigFile;
        }
    }
}
