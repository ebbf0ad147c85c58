using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests.Systemd;

/// <summary>
/// The stop that SIGTERM starts (the host's systemd lifetime calls StopApplication), in-process so that
/// the datastore can be seeded: the checkpoint left behind is whole and holds every pod added.
/// </summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task AStopAfterAddsLeavesACheckpointThatParsesAndHoldsEveryPod()
    {
        await using var service = await ServiceHarness.StartAsync(d => ServiceHarness.SeedTwoEnis(d, 4));
        var lifetime = service.App.Services.GetRequiredService<IHostApplicationLifetime>();
        string[] pods = ["c1", "c2", "c3"];
        var added = new List<string>();
        foreach (var pod in pods)
        {
            added.Add((await service.Cni.AddNetworkAsync(ServiceHarness.AddRequest(pod))).IPAllocationMetadata[0].IPv4Addr);
        }

        lifetime.StopApplication();
        await service.App.WaitForShutdownAsync();

        var checkpoint = await new JsonFileCheckpointStore(service.CheckpointPath).ReadAsync(CancellationToken.None);
        Assert.NotNull(checkpoint);
        Assert.Equal(IpamCheckpoint.CurrentVersion, checkpoint.Version);
        Assert.Equal(pods, checkpoint.Allocations.Select(a => a.ContainerId).Order(StringComparer.Ordinal));
        Assert.Equal(added.Order(StringComparer.Ordinal), checkpoint.Allocations.Select(a => a.Ipv4!).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(service.CheckpointPath + ".tmp"));
    }
}
