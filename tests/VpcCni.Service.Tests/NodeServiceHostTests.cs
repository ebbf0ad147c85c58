using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Service.Hosting;
using VpcCni.Service.Tests.Support;

namespace VpcCni.Service.Tests;

public sealed class NodeServiceHostTests
{
    [Theory]
    [InlineData(NodeServiceHost.HealthServiceName)]
    [InlineData("")]
    public async Task HealthCheckReportsServing(string serviceName)
    {
        await using var service = await ServiceHarness.StartAsync();

        var reply = await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest { Service = serviceName });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task ReflectionListsTheProtocolServicesAndServesTheirProtoFile()
    {
        await using var service = await ServiceHarness.StartAsync();
        var client = new ServerReflection.ServerReflectionClient(service.Channel);

        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "rpc.CNIBackend" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes))
            .ToList();

        Assert.Contains("rpc.CNIBackend", services);
        Assert.Contains("rpc.ConfigServerBackend", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
        Assert.Contains(files, f => f.Package == "rpc" && f.Service.Any(s => s.Name == "CNIBackend"));
    }

    [Fact]
    public async Task StartFailsWhenTheSocketPathIsRelative()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["IpamSocket:Path"] = "run/ipamd.sock" }));

        Assert.Contains("must be an absolute path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartFailsWhenTheNetworkPolicyModeIsUnknown()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["NodeNetwork:NetworkPolicyMode"] = "enforcing" }));

        Assert.Contains("NetworkPolicyMode 'enforcing'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, CheckpointDurability.Durable)]
    [InlineData("Durable", CheckpointDurability.Durable)]
    [InlineData("atomic", CheckpointDurability.Atomic)]
    public async Task TheCheckpointIsDurableByDefaultAndAtomicWhenConfigured(string? configured, CheckpointDurability expected)
    {
        // Without a value the key is left out: a null in-memory value would bind as the enum's 0.
        await using var host = await ServiceHarness.StartAsync(
            settings: configured is null ? null : new Dictionary<string, string?> { ["Datastore:CheckpointDurability"] = configured });

        var store = Assert.IsType<JsonFileCheckpointStore>(host.App.Services.GetRequiredService<ICheckpointStore>());
        Assert.Equal(expected, store.Durability);
    }

    [Fact]
    public async Task StartFailsWhenTheCheckpointDurabilityIsUnknown()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Datastore:CheckpointDurability"] = "7" }));

        Assert.Contains("Datastore:CheckpointDurability '7' must be Atomic or Durable", error.Message, StringComparison.Ordinal);
    }
}
