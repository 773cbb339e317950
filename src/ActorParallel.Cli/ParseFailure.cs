using System.CommandLine;
using System.Text.RegularExpressions;
using ActorParallel.Cli.Commands;

namespace ActorParallel.Cli;

/// <summary>
/// A command line that System.CommandLine could not parse: one line <c>error: ...</c> in words (no .NET type names),
/// a pointer to the command's help instead of the whole help text, and exit code 2 (bad input).
/// </summary>
internal static partial class ParseFailure
{
    public static int Report(ParseResult parse, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse);
        var message = command.Subcommands.Count > 0 && command.Action is null && parse.Errors.Any(e => e.Message.StartsWith("Required command", StringComparison.Ordinal))
            ? $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
            : Describe(parse.Errors[0].Message);
        var json = parse.Tokens.Any(t => t.Value == "--json");
        return CommandGuard.Fail(output, error, json, ExitCodes.BadInput, $"{message}; see '{path} --help'");
    }

    /// <summary>System.CommandLine's message, with a type name replaced by what the option accepts.</summary>
    internal static string Describe(string message)
    {
        var match = CannotParse().Match(message);
        if (match.Success)
        {
            var type = match.Groups["type"].Value;
            var what = type switch
            {
                _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number; " + NumberOptions.Accepted,
                _ when type.Contains("Double", StringComparison.Ordinal) => "a number such as 0.5",
                _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
                _ when type.Contains("FileInfo", StringComparison.Ordinal) => "a file path",
                _ => "a valid value",
            };
            return $"{match.Groups["option"].Value} '{match.Groups["value"].Value}' is not {what}";
        }

        var missing = MissingArgument().Match(message);
        if (missing.Success)
            return $"'{missing.Groups["command"].Value}' needs an argument (for run and sweep, a workload: see 'actorparallel list')";
        return message.TrimEnd('.');
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(result.Command is RootCommand ? "actorparallel" : result.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex("^Required argument missing for command: '(?<command>[^']*)'")]
    private static partial Regex MissingArgument();
}
