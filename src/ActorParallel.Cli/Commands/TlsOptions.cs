using System.CommandLine;
using System.Net;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// The transport-security options every command that joins a cluster takes: <c>--tls-cert</c> (this process's PKCS#12
/// certificate), <c>--tls-ca</c> (the cluster's CA certificate) and <c>--tls-password</c> (or ACTORPARALLEL_TLS_PASSWORD).
/// <c>scripts/certs.sh</c> makes all three. Either both files or neither.
/// </summary>
internal sealed class TlsOptions
{
    public const string PasswordVariable = "ACTORPARALLEL_TLS_PASSWORD";

    public Option<string?> Certificate { get; } = new("--tls-cert") { Description = "TLS with mutual authentication: this process's certificate and key (.pfx, made by scripts/certs.sh); needs --tls-ca." };

    public Option<string?> Ca { get; } = new("--tls-ca") { Description = "The cluster's CA certificate (PEM): only peers whose certificates it signed may connect." };

    public Option<string?> Password { get; } = new("--tls-password") { Description = $"Password of the --tls-cert file (default: ${PasswordVariable})." };

    public IEnumerable<Option> All => [Certificate, Ca, Password];

    /// <summary>The TLS settings given, null for none; a half-given pair is an error naming the missing option.</summary>
    public NodeTls? From(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (cert, ca) = (result.GetValue(Certificate), result.GetValue(Ca));
        if (cert is null && ca is null)
            return null;
        if (cert is null || ca is null)
            throw new WorkloadParameterException($"{(cert is null ? "--tls-ca" : "--tls-cert")} needs {(cert is null ? "--tls-cert" : "--tls-ca")} too: TLS takes this process's certificate and the cluster's CA (scripts/certs.sh makes both)");
        return new NodeTls(cert, ca, result.GetValue(Password) ?? Environment.GetEnvironmentVariable(PasswordVariable));
    }

    /// <summary>True for 127.0.0.1, ::1 and localhost: addresses no other machine can reach.</summary>
    public static bool IsLoopback(string hostname) =>
        hostname.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(hostname, out var ip) && IPAddress.IsLoopback(ip));
}
