using Amazon.Runtime;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Tests.Aws.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Aws;

/// <summary><see cref="InstanceLimitsLookup"/> against the simulator, whose scenario declares zz1.large (not in the built-in table).</summary>
public sealed class InstanceLimitsLookupTests : IAsyncLifetime
{
    private const string ClosedEndpoint = "http://127.0.0.1:1";
    private SimulatedAws _aws = null!;

    public async Task InitializeAsync() => _aws = await SimulatedAws.StartAsync(s =>
        s.InstanceTypes.Add(new ScenarioInstanceType { InstanceType = "zz1.large", EniLimit = 4, Ipv4PerEni = 12, Hypervisor = "nitro", VCpus = 2 }));

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task TableTypeIsAnsweredAtOnceWithoutAsking()
    {
        using var lookup = Lookup(resolve: true);

        var pending = lookup.LookupAsync("m5.large", default);

        Assert.True(pending.IsCompletedSuccessfully);
        var result = await pending;
        Assert.Equal(InstanceLimitsOrigin.BuiltInTable, result.Origin);
        Assert.Equal(3, result.Limits.EniLimit);
        Assert.Null(result.Region);
        Assert.Empty(_aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task UnknownTypeIsUnknownInstanceTypeWhenEc2MayNotBeAsked()
    {
        using var lookup = Lookup(resolve: false);

        var ex = await Assert.ThrowsAsync<VpcCniException>(() => lookup.LookupAsync("zz1.large", default).AsTask());

        Assert.Equal("Capacity.UnknownInstanceType", ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.NotFound, ex.Category);
        Assert.Empty(_aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task UnknownTypeIsResolvedThroughEc2InTheGivenRegion()
    {
        using var lookup = Lookup(resolve: true);

        var result = await lookup.LookupAsync("zz1.large", default);
        await lookup.LookupAsync("ZZ1.LARGE", default);

        Assert.Equal(InstanceLimitsOrigin.Ec2, result.Origin);
        Assert.Equal("us-west-2", result.Region);
        Assert.Equal(4, result.Limits.EniLimit);
        Assert.Equal(12, result.Limits.Ipv4PerEni);
        Assert.True(result.Limits.SupportsPrefixDelegation);
        Assert.False(result.FromImds);
        Assert.Single(_aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task TypeNeitherTableNorEc2KnowsIsUnknownInstanceType()
    {
        using var lookup = Lookup(resolve: true);

        var ex = await Assert.ThrowsAsync<VpcCniException>(() => lookup.LookupAsync("zz9.huge", default).AsTask());

        Assert.Equal("Capacity.UnknownInstanceType", ex.ErrorId);
        Assert.IsType<Ec2ApiException>(ex.InnerException);
    }

    [Fact]
    public async Task LocalInstanceTypeAndRegionComeFromImds()
    {
        using var lookup = Lookup(resolve: true, region: null);

        var result = await lookup.LookupLocalInstanceAsync(default);

        Assert.True(result.FromImds);
        Assert.Equal("m5.large", result.InstanceType);
        Assert.Equal(InstanceLimitsOrigin.BuiltInTable, result.Origin);
        Assert.Equal("us-west-2", result.Region);
        Assert.Empty(_aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task LocalInstanceOfATypeOutsideTheTableIsResolvedThroughEc2InTheImdsRegion()
    {
        await using var aws = await SimulatedAws.StartAsync(s =>
        {
            s.InstanceTypes.Add(new ScenarioInstanceType { InstanceType = "zz1.large", EniLimit = 4, Ipv4PerEni = 12 });
            s.Instances[0].InstanceType = "zz1.large";
        });
        using var lookup = Lookup(aws, resolve: true, region: null);

        var result = await lookup.LookupLocalInstanceAsync(default);

        Assert.Equal("zz1.large", result.InstanceType);
        Assert.Equal(InstanceLimitsOrigin.Ec2, result.Origin);
        Assert.Equal("us-west-2", result.Region);
        Assert.Single(aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task Ec2RefusalKeepsItsStableErrorId()
    {
        _aws.Sim.SetAllowedActions(["DescribeNetworkInterfaces"]);
        using var lookup = Lookup(resolve: true);

        var ex = await Assert.ThrowsAsync<Ec2ApiException>(() => lookup.LookupAsync("zz1.large", default).AsTask());

        Assert.Equal("Ec2.UnauthorizedOperation", ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.PermissionDenied, ex.Category);
    }

    [Fact]
    public async Task UnreachableEc2EndpointIsEc2Unreachable()
    {
        using var lookup = Lookup(resolve: true, ec2Endpoint: ClosedEndpoint);

        var ex = await Assert.ThrowsAsync<Ec2ApiException>(() => lookup.LookupAsync("zz1.large", default).AsTask());

        Assert.Equal("Ec2.Unreachable", ex.ErrorId);
    }

    [Fact]
    public async Task UnreachableImdsIsImdsUnreachable()
    {
        using var lookup = Lookup(resolve: true, imdsEndpoint: ClosedEndpoint);

        var ex = await Assert.ThrowsAsync<InstanceMetadataException>(() => lookup.LookupLocalInstanceAsync(default).AsTask());

        Assert.Equal("Imds.Unreachable", ex.ErrorId);
    }

    [Fact]
    public async Task CancellationStopsAWaitOnEc2()
    {
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeInstanceTypes", LatencyMs = 5_000 });
        using var lookup = Lookup(resolve: true);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup.LookupAsync("zz1.large", cts.Token).AsTask());
    }

    private InstanceLimitsLookup Lookup(bool resolve, string? region = "us-west-2", string? ec2Endpoint = null, string? imdsEndpoint = null) =>
        Lookup(_aws, resolve, region, ec2Endpoint, imdsEndpoint);

    private static InstanceLimitsLookup Lookup(SimulatedAws aws, bool resolve, string? region = "us-west-2", string? ec2Endpoint = null, string? imdsEndpoint = null) =>
        new(
            new InstanceLimitsLookupOptions
            {
                ResolveThroughEc2 = resolve,
                Region = region,
                Ec2Endpoint = ec2Endpoint ?? aws.Sim.Ec2Endpoint.ToString(),
                ImdsEndpoint = imdsEndpoint ?? aws.Sim.ImdsEndpoint.ToString(),
                MaxErrorRetry = 0,
            },
            credentials: new BasicAWSCredentials("test", "test"));
}
