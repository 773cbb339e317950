using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// TLS with mutual authentication on the Akka.Remote transport: this node's certificate (a PKCS#12 file with its private
/// key) and the certificate of the cluster's own certificate authority. Every connection, in either direction, must
/// present a certificate that chains to that CA, or the TLS handshake fails and nothing is delivered: a process without
/// the cluster's credentials can neither join nor send a message. <c>scripts/certs.sh</c> makes a CA and a certificate
/// per node.
/// </summary>
public sealed record NodeTls(string CertificatePath, string CaPath, string? Password = null)
{
    /// <summary>Loads the files, with an error naming the option and the file when one is missing or unreadable.</summary>
    public DotNettySslSetup Setup()
    {
        var certificate = Load("--tls-cert", CertificatePath, path => X509CertificateLoader.LoadPkcs12FromFile(path, Password, X509KeyStorageFlags.Exportable));
        if (!certificate.HasPrivateKey)
            throw new WorkloadParameterException($"--tls-cert {CertificatePath}: the file holds no private key; give the node's .pfx made by scripts/certs.sh");
        var ca = Load("--tls-ca", CaPath, X509CertificateLoader.LoadCertificateFromFile);
        return new DotNettySslSetup(certificate, suppressValidation: false, requireMutualAuthentication: true, validateCertificateHostname: false, ChainsTo(ca));
    }

    /// <summary>Accepts a peer's certificate only if it chains to <paramref name="ca"/> (and only to it), whatever the machine trusts.</summary>
    public static CertificateValidationCallback ChainsTo(X509Certificate2 ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        return (certificate, _, remotePeer, errors, log) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                log?.Warning("TLS: refused {0}: it presented no certificate", remotePeer);
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain.Build(certificate))
                return true;
            log?.Warning("TLS: refused {0}: its certificate '{1}' does not chain to the cluster's CA '{2}'", remotePeer, certificate.Subject, ca.Subject);
            return false;
        };
    }

    private static X509Certificate2 Load(string option, string path, Func<string, X509Certificate2> load)
    {
        if (!File.Exists(path))
            throw new WorkloadParameterException($"{option} {path}: no such file; make one with scripts/certs.sh");
        try
        {
            return load(path);
        }
        catch (CryptographicException e)
        {
            throw new WorkloadParameterException($"{option} {path}: cannot read the certificate ({e.Message.TrimEnd('.')}); check the file and --tls-password");
        }
    }
}
