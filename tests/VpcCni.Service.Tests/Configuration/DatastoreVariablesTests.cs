using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Ipam;
using VpcCni.Service.Hosting;

namespace VpcCni.Service.Tests.Configuration;

/// <summary>Upstream's datastore variables decide the datastore the host builds, with the pool loop on or off.</summary>
public sealed class DatastoreVariablesTests
{
    [Fact]
    public async Task BackingStoreSetsTheCheckpointPathWhenTheKeyIsNotConfigured()
    {
        await using var app = Build(new() { ["AWS_VPC_K8S_CNI_BACKING_STORE"] = "/run/vpc-cni-test/ipam.json" });

        Assert.Equal("/run/vpc-cni-test/ipam.json", app.Services.GetRequiredService<IOptions<DatastoreOptions>>().Value.CheckpointPath);
    }

    [Fact]
    public async Task AConfiguredCheckpointPathWinsOverBackingStore()
    {
        await using var app = Build(new()
        {
            ["AWS_VPC_K8S_CNI_BACKING_STORE"] = "/run/vpc-cni-test/ipam.json",
            ["Datastore:CheckpointPath"] = "/run/vpc-cni-test/mine.json",
        });

        Assert.Equal("/run/vpc-cni-test/mine.json", app.Services.GetRequiredService<IOptions<DatastoreOptions>>().Value.CheckpointPath);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task IpCooldownPeriodSetsTheDatastoresCooldownWhetherOrNotThePoolLoopRuns(string loop)
    {
        await using var app = Build(new() { ["IP_COOLDOWN_PERIOD"] = "7", ["NodeLoop:Enabled"] = loop });

        Assert.Equal(TimeSpan.FromSeconds(7), app.Services.GetRequiredService<IpamDatastore>().Settings.CooldownPeriod);
    }

    [Fact]
    public async Task AReloadedIpCooldownPeriodAppliesToTheRunningDatastore()
    {
        var checkpoint = Path.Combine(Path.GetTempPath(), $"vpc-cni-cooldown-{Guid.NewGuid():N}.json");
        await using var app = Build(new() { ["IP_COOLDOWN_PERIOD"] = "30", ["Datastore:CheckpointPath"] = checkpoint });
        try
        {
            var datastore = app.Services.GetRequiredService<IpamDatastore>();
            datastore.AddEni(new EniDescriptor { Id = "eni-1", DeviceNumber = 0, IsPrimary = true, RouteTableId = 254 });
            datastore.AddCidr("eni-1", System.Net.IPNetwork.Parse("10.0.0.5/32"));
            var first = new IpamKey("aws-cni", "sandbox-1", "eth0");
            await datastore.AssignAsync(first, IpamMetadata.None, CancellationToken.None);
            await datastore.UnassignAsync(first, CancellationToken.None);
            var second = new IpamKey("aws-cni", "sandbox-2", "eth0");
            await Assert.ThrowsAsync<VpcCni.Engine.Errors.VpcCniException>(() => datastore.AssignAsync(second, IpamMetadata.None, CancellationToken.None));

            app.Configuration["IP_COOLDOWN_PERIOD"] = "0";
            ((IConfigurationRoot)app.Configuration).Reload();

            Assert.Equal(TimeSpan.Zero, datastore.Settings.CooldownPeriod);
            var again = await datastore.AssignAsync(second, IpamMetadata.None, CancellationToken.None);
            Assert.Equal("10.0.0.5", again.Address.ToString());
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public async Task WithoutTheVariablesTheDefaultsStay()
    {
        await using var app = Build([]);
        var options = app.Services.GetRequiredService<IOptions<DatastoreOptions>>().Value;

        Assert.Equal("/var/run/aws-node/ipam.json", options.CheckpointPath);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CooldownPeriod);
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = NodeServiceHost.CreateBuilder([]);
        settings.TryAdd("NodeLoop:Enabled", "false");
        settings["DISABLE_INTROSPECTION"] = "true";
        settings["DISABLE_METRICS"] = "true";
        settings["IpamSocket:Path"] = "/tmp/vpc-cni-datastore-variables-test.sock";
        builder.Configuration.AddInMemoryCollection(settings);
        return NodeServiceHost.Build(builder);
    }
}
