using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Tests.Engine;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Cluster;

/// <summary>
/// TLS with mutual authentication on the transport: nodes whose certificates chain to the cluster's CA form a cluster
/// and run jobs; a node with a certificate from another CA, or with no TLS at all, can neither join nor get an answer
/// from a node. The certificates are made here with .NET's own APIs (the same shape scripts/certs.sh makes with openssl).
/// </summary>
public sealed class TlsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ap-tls-" + Guid.NewGuid().ToString("N"));
    private readonly List<ActorSystem> _systems = [];
    private ActorSystem _driver = null!;
    private ActorSystem _worker = null!;
    private NodeTls _cluster = null!;
    private NodeTls _rogue = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _cluster = Certificates("cluster", "node");
        _rogue = Certificates("rogue", "intruder");
        _driver = Start(new NodeOptions(NodeRoles.Driver, [], Workers: 1) { Tls = _cluster });
        _worker = Start(new NodeOptions(NodeRoles.Worker, [Seed], Workers: 2) { Tls = _cluster });
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 1, Patience), "the TLS worker node did not join the TLS driver");
    }

    private string Seed => Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();

    public async Task DisposeAsync()
    {
        foreach (var s in _systems)
            await s.Terminate().WaitAsync(Patience);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Nodes_with_the_cluster_s_certificates_run_a_job_over_TLS()
    {
        var report = await new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver))
            .RunAsync(new JobRequest("pi", EngineTests.Small("pi"), 2) { MeasureTpl = false }).WaitAsync(Patience);
        Assert.True(report.Correct, report.Check);
        Assert.Single(report.Metrics!.PerNode);
    }

    [Theory]
    [InlineData("another CA")]
    [InlineData("no TLS")]
    public async Task A_node_without_the_cluster_s_credentials_can_neither_join_nor_get_an_answer(string credentials)
    {
        var tls = credentials == "no TLS" ? null : _rogue;
        var seed = Akka.Cluster.Cluster.Get(_driver).SelfAddress;
        var intruder = Start(new NodeOptions(NodeRoles.Worker, [$"{seed.Host}:{seed.Port}"], Workers: 1) { Tls = tls });

        Assert.False(await LabCluster.WaitForWorkersAsync(_driver, 2, TimeSpan.FromSeconds(6)), "the intruder joined the cluster");
        Assert.DoesNotContain(Akka.Cluster.Cluster.Get(_driver).State.Members, m => m.Address == Akka.Cluster.Cluster.Get(intruder).SelfAddress);

        // It cannot deliver a message either: a node's actor never answers it.
        var worker = Akka.Cluster.Cluster.Get(_worker).SelfAddress;
        var reachable = Akka.Cluster.Cluster.Get(intruder).SelfAddress.Protocol;
        var node = intruder.ActorSelection(new RootActorPath(worker.WithProtocol(reachable)) / "user" / NodeRoles.NodeActorName);
        await Assert.ThrowsAsync<AskTimeoutException>(() => node.Ask<NodeStatus>(GetNodeStatus.Instance, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void A_missing_or_unreadable_certificate_is_a_clear_error_naming_the_option()
    {
        var missing = Assert.Throws<WorkloadParameterException>(() => (_cluster with { CertificatePath = Path.Combine(_dir, "nope.pfx") }).Setup());
        Assert.Contains("--tls-cert", missing.Message, StringComparison.Ordinal);
        var wrong = Assert.Throws<WorkloadParameterException>(() => (_cluster with { Password = "wrong" }).Setup());
        Assert.Contains("--tls-password", wrong.Message, StringComparison.Ordinal);
    }

    private ActorSystem Start(NodeOptions options)
    {
        var system = LabCluster.Start(options);
        _systems.Add(system);
        return system;
    }

    /// <summary>A CA named <paramref name="ca"/> and one node certificate it signed, as files.</summary>
    private NodeTls Certificates(string ca, string node)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest($"CN={ca} CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var caCert = caRequest.CreateSelfSigned(now.AddDays(-2), now.AddDays(60));

        using var nodeKey = RSA.Create(2048);
        var request = new CertificateRequest($"CN={node}", nodeKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var signed = request.Create(caCert, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(nodeKey);

        var pfx = Path.Combine(_dir, node + ".pfx");
        var caPath = Path.Combine(_dir, ca + ".crt");
        File.WriteAllBytes(pfx, withKey.Export(X509ContentType.Pkcs12, "secret"));
        File.WriteAllText(caPath, caCert.ExportCertificatePem());
        return new NodeTls(pfx, caPath, "secret");
    }
}
