using System.Globalization;
using System.Text;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// A realistic reference-style config (nested sections, comments, durations, sizes, lists,
/// substitutions). benchmarks/ActorParallel.Benchmarks compiles this same file in (HoconBenchmarks),
/// so the harness and BenchmarkDotNet parse the same document.
/// </summary>
internal static class HoconInput
{
    public static string Generate(int targetChars)
    {
        var sb = new StringBuilder();
        sb.Append("# Generated reference-style configuration for the HOCON benchmark.\n");
        sb.Append("defaults {\n  dispatcher { type = Dispatcher, throughput = 30, throughput-deadline-time = 0ms }\n");
        sb.Append("  parallelism = 8\n  timeout = 10s\n  buffer = 64 KiB\n  hosts = [\"10.0.0.1\", \"10.0.0.2\"]\n}\n\n");
        sb.Append("system {\n");
        for (var i = 0; sb.Length < targetChars; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append("  # ----------------------------------------------------------------\n");
            sb.Append("  # Module ").Append(n).Append(": settings of one subsystem. Every key is documented\n");
            sb.Append("  # here the way a reference.conf documents them.\n");
            sb.Append("  module-").Append(n).Append(" {\n");
            sb.Append("    # Whether the module starts with the system.\n");
            sb.Append("    enabled = on\n");
            sb.Append("    name = \"module-").Append(n).Append("\"\n");
            sb.Append("    class = \"ActorParallel.Modules.Module").Append(n).Append(", ActorParallel\"\n");
            sb.Append("    // How long to wait for an answer before giving up.\n");
            sb.Append("    request-timeout = ").Append(1 + (i % 30)).Append("s\n");
            sb.Append("    heartbeat-interval = ").Append(100 + (i * 7 % 900)).Append(" ms\n");
            sb.Append("    max-frame-size = ").Append(128 + (i % 4 * 128)).Append(" KiB\n");
            sb.Append("    ratio = 0.").Append(1 + (i % 9)).Append('\n');
            sb.Append("    parallelism = ${defaults.parallelism}\n");
            sb.Append("    dispatcher = ${defaults.dispatcher} { throughput = ").Append(5 + (i % 20)).Append(" }\n");
            sb.Append("    roles = [frontend, backend, \"worker-").Append(n).Append("\"]\n");
            sb.Append("    ports = [").Append(2550 + i).Append(", ").Append(3550 + i).Append("]\n");
            sb.Append("    retry {\n      max-attempts = 3\n      backoff = 200ms\n      max-backoff = 10 seconds\n      jitter = 0.2\n    }\n");
            sb.Append("    deployment.\"/workers-").Append(n).Append("\" { router = round-robin-pool, nr-of-instances = ").Append(1 + (i % 8)).Append(" }\n");
            sb.Append("    path = \"/user/module-").Append(n).Append("\"\n");
            sb.Append("    description = \"\"\"Module ").Append(n).Append(" handles part of the work\n      and reports to the supervisor.\"\"\"\n");
            sb.Append("  }\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }
}
