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
