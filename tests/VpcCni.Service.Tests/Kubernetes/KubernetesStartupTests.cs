using VpcCni.Service.CommandLine;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Kubernetes;

/// <summary>A Kubernetes configuration the service cannot use ends the start before anything listens.</summary>
public sealed class KubernetesStartupTests
{
    [Fact]
    public async Task AKubeconfigThatDoesNotExistExitsWithExConfigNamingTheFileAndTheErrorId()
    {
        using var directory = new TempDirectory();
        var socket = ServiceHarness.SocketPathIn(directory);

        var (exitCode, stdout, stderr) = await NodeProcess.RunAsync(
            "run", "--config", "/nonexistent/vpc-cni.env", $"--IpamSocket:Path={socket}", "--Kubernetes:Kubeconfig=/nonexistent/kubeconfig");

        Assert.Equal(NodeExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("Kubernetes.InvalidKubeconfig", stderr, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/kubeconfig", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("IPAM socket", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(socket));
    }
}
