using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Limits;
using VpcCni.Engine.Tests.Aws.Support;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Aws;

/// <summary><see cref="InstanceTypeResolver"/> with the simulator's DescribeInstanceTypes behind it.</summary>
public sealed class InstanceTypeResolverTests : IAsyncLifetime
{
    private SimulatedAws _aws = null!;

    public async Task InitializeAsync() => _aws = await SimulatedAws.StartAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task TypeInTheBuiltInTableIsResolvedWithoutCallingEc2()
    {
        var resolver = Resolver(InstanceTypeCatalog.Embedded);

        var limits = await resolver.ResolveAsync("m5.large", default);

        Assert.Equal(3, limits.EniLimit);
        Assert.Empty(_aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task TypeMissingFromTheTableIsResolvedThroughEc2OnceAndCached()
    {
        var resolver = Resolver(EmptyCatalog());

        var first = await resolver.ResolveAsync("m5.xlarge", default);
        var second = await resolver.ResolveAsync("M5.XLARGE", default);

        Assert.Same(first, second);
        Assert.Equal(4, first.EniLimit);
        Assert.Equal(15, first.Ipv4PerEni);
        Assert.Equal("nitro", first.Hypervisor);
        Assert.True(first.SupportsPrefixDelegation);
        Assert.Equal(InstanceTypeCatalog.Embedded.Get("m5.xlarge").EniLimit, first.EniLimit);
        Assert.Single(_aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task ConcurrentCallersShareOneEc2Call()
    {
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeInstanceTypes", LatencyMs = 300 });
        var resolver = Resolver(EmptyCatalog());

        var all = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => resolver.ResolveAsync("p4d.24xlarge", default).AsTask()));

        Assert.All(all, l => Assert.Same(all[0], l));
        Assert.Equal(15, all[0].EniLimit);
        Assert.Equal(60, all[0].TotalEniLimit);
        Assert.Single(_aws.Requests("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task TypeUnknownToEc2IsUnknownInstanceType()
    {
        var resolver = Resolver(EmptyCatalog());

        var error = await Assert.ThrowsAsync<VpcCniException>(() => resolver.ResolveAsync("zz9.mega", default).AsTask());

        Assert.Equal("Capacity.UnknownInstanceType", error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.NotFound, error.Category);
        Assert.Contains("zz9.mega", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedLookupIsNotCachedSoTheNextCallTriesAgain()
    {
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeInstanceTypes", ErrorCode = "InternalError", HttpStatus = 500, Count = 1 });
        var resolver = new InstanceTypeResolver(_aws.Ec2(maxErrorRetry: 0), EmptyCatalog(), NullLogger<InstanceTypeResolver>.Instance);

        var error = await Assert.ThrowsAsync<Ec2ApiException>(() => resolver.ResolveAsync("c5.9xlarge", default).AsTask());
        var limits = await resolver.ResolveAsync("c5.9xlarge", default);

        Assert.Equal("InternalError", error.AwsErrorCode);
        Assert.Equal(8, limits.EniLimit);
        Assert.Equal(2, _aws.Requests("DescribeInstanceTypes").Count);
    }

    [Fact]
    public async Task CancelledCallerDoesNotCancelTheSharedLookup()
    {
        _aws.Sim.InjectFault(new FaultRule { Action = "DescribeInstanceTypes", LatencyMs = 300 });
        var resolver = Resolver(EmptyCatalog());
        using var cancel = new CancellationTokenSource();

        var cancelled = resolver.ResolveAsync("t3.medium", cancel.Token).AsTask();
        var patient = resolver.ResolveAsync("t3.medium", default).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(3, (await patient).EniLimit);
        Assert.Single(_aws.Requests("DescribeInstanceTypes"));
    }

    private InstanceTypeResolver Resolver(InstanceTypeCatalog catalog) =>
        new(_aws.Ec2(), catalog, NullLogger<InstanceTypeResolver>.Instance);

    private static InstanceTypeCatalog EmptyCatalog() => new([]);
}
