using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Tests.Aws.Fakes;

namespace VpcCni.Engine.Tests.Aws;

/// <summary>The IMDSv2 client against a stateful loopback IMDS (<see cref="FakeImdsServer"/>).</summary>
public sealed partial class ImdsInstanceMetadataTests : IAsyncLifetime
{
    private const string Mac0 = "02:00:00:00:00:01";
    private const string Mac1 = "02:00:00:00:00:02";
    private FakeImdsServer _imds = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _imds = await FakeImdsServer.StartAsync();
        _imds.Set("meta-data/instance-id", "i-0123456789abcdef0");
        _imds.Set("meta-data/instance-type", "m5.large");
        _imds.Set("meta-data/placement/availability-zone", "us-west-2a");
        _imds.Set("meta-data/placement/region", "us-west-2");
        _imds.Set("meta-data/local-ipv4", "10.0.1.10");
        _imds.Set("meta-data/mac", Mac0);
        SetEni(Mac0, "eni-00000000000000001", device: 0, ips: "10.0.1.10\n10.0.1.11");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _imds.DisposeAsync();
    }

    [Fact]
    public async Task ReadsInstanceValuesWithOneReusedSessionToken()
    {
        using var imds = Client();

        Assert.Equal("i-0123456789abcdef0", await imds.GetInstanceIdAsync(default));
        Assert.Equal("m5.large", await imds.GetInstanceTypeAsync(default));
        Assert.Equal("us-west-2a", await imds.GetAvailabilityZoneAsync(default));
        Assert.Equal("us-west-2", await imds.GetRegionAsync(default));
        Assert.Equal(IPAddress.Parse("10.0.1.10"), await imds.GetLocalIpv4Async(default));
        Assert.Equal(Mac0, await imds.GetPrimaryMacAsync(default));
        Assert.Equal(1, _imds.TokenRequests);
    }

    [Fact]
    public async Task TokenIsRenewedShortlyBeforeItsTtlEnds()
    {
        var clock = new FakeTimeProvider();
        using var imds = Client(o => o.TokenTtlSeconds = 60, clock);

        await imds.GetInstanceIdAsync(default);
        clock.Advance(TimeSpan.FromSeconds(40));
        await imds.GetInstanceIdAsync(default);
        Assert.Equal(1, _imds.TokenRequests);

        // 60 s TTL renews 15 s (a quarter) early.
        clock.Advance(TimeSpan.FromSeconds(6));
        await imds.GetInstanceIdAsync(default);
        Assert.Equal(2, _imds.TokenRequests);
    }

    [Fact]
    public async Task AbsentPathsReadAsNullOrEmptyInsteadOfFailing()
    {
        using var imds = Client();

        Assert.Null(await imds.GetIpv6Async(default));
        Assert.Empty(await imds.GetIpv4PrefixesAsync(Mac0, default));
        Assert.Empty(await imds.GetIpv6sAsync(Mac0, default));
        Assert.Equal(0, await imds.GetNetworkCardAsync(Mac0, default));
        Assert.Null(await imds.GetInterfaceIdAsync("02:ff:ff:ff:ff:ff", default));
        Assert.Null(await imds.GetRawAsync("meta-data/ami-id", default));
    }

    [Fact]
    public async Task ServerErrorIsRetriedUntilAnAnswerComes()
    {
        using var imds = Client();
        _imds.FailNext("meta-data/instance-id", 500);
        _imds.FailNext("meta-data/instance-id", 503);

        Assert.Equal("i-0123456789abcdef0", await imds.GetInstanceIdAsync(default));
        Assert.Equal(3, _imds.Count("GET", "meta-data/instance-id"));
    }

    [Fact]
    public async Task AbortedConnectionIsRetried()
    {
        using var imds = Client();
        _imds.FailNext("meta-data/instance-type", 0);

        Assert.Equal("m5.large", await imds.GetInstanceTypeAsync(default));
        Assert.Equal(2, _imds.Count("GET", "meta-data/instance-type"));
    }

    [Fact]
    public async Task PersistentServerErrorFailsAfterTheConfiguredAttempts()
    {
        using var imds = Client(o => o.MaxAttempts = 3);
        _imds.FailNext("meta-data/instance-id", 503, count: 10);

        var error = await Assert.ThrowsAsync<InstanceMetadataException>(() => imds.GetInstanceIdAsync(default));

        Assert.Equal("Imds.Unavailable", error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.ResourceUnavailable, error.Category);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.HttpStatus);
        Assert.Equal("/latest/meta-data/instance-id", error.Path);
        Assert.Equal(3, _imds.Count("GET", "meta-data/instance-id"));
    }

    [Fact]
    public async Task RetryBackOffWaitsOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        using var imds = Client(o => { o.InitialBackoffMilliseconds = 2_000; o.AttemptTimeoutMilliseconds = 120_000; }, clock);
        _imds.FailNext("meta-data/instance-id", 500);

        var read = imds.GetInstanceIdAsync(default);
        await Task.Delay(300);
        Assert.False(read.IsCompleted);

        while (!read.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal("i-0123456789abcdef0", await read);
    }

    [Fact]
    public async Task RejectedTokenIsReplacedOnceAndTheReadSucceeds()
    {
        using var imds = Client();
        await imds.GetInstanceIdAsync(default);
        _imds.RevokeTokens();

        Assert.Equal("m5.large", await imds.GetInstanceTypeAsync(default));
        Assert.Equal(2, _imds.TokenRequests);
    }

    [Fact]
    public async Task TokenRejectedTwiceIsAPermissionError()
    {
        using var imds = Client();
        _imds.RejectAllTokens = true;

        var error = await Assert.ThrowsAsync<InstanceMetadataException>(() => imds.GetInstanceIdAsync(default));

        Assert.Equal("Imds.TokenRejected", error.ErrorId);
        Assert.Equal(VpcCniErrorCategory.PermissionDenied, error.Category);
        Assert.Equal(2, _imds.TokenRequests);
    }

    [Fact]
    public async Task RefusedTokenRequestIsForbiddenWithoutRetries()
    {
        using var imds = Client();
        _imds.TokenStatus = 403;

        var error = await Assert.ThrowsAsync<InstanceMetadataException>(() => imds.GetInstanceIdAsync(default));

        Assert.Equal("Imds.Forbidden", error.ErrorId);
        Assert.Equal(1, _imds.TokenRequests);
    }

    [Fact]
    public async Task UnreachableEndpointFailsAsUnreachable()
    {
        using var imds = Client(o => o.MaxAttempts = 2);
        await _imds.DisposeAsync();

        var error = await Assert.ThrowsAsync<InstanceMetadataException>(() => imds.GetInstanceIdAsync(default));

        Assert.Equal("Imds.Unreachable", error.ErrorId);
        Assert.IsType<HttpRequestException>(error.InnerException);
        _imds = await FakeImdsServer.StartAsync();
    }

    [Fact]
    public async Task PerEniValuesAreReadFreshOnEveryCall()
    {
        using var imds = Client();
        Assert.Equal(2, (await imds.GetLocalIpv4sAsync(Mac0, default)).Count);

        _imds.Set($"meta-data/network/interfaces/macs/{Mac0}/local-ipv4s", "10.0.1.10\n10.0.1.11\n10.0.1.12");

        Assert.Equal(
            new[] { "10.0.1.10", "10.0.1.11", "10.0.1.12" },
            (await imds.GetLocalIpv4sAsync(Mac0, default)).Select(a => a.ToString()));
    }

    [Fact]
    public async Task AttachedInterfacesComeOrderedByCardAndDeviceWithTheirAddresses()
    {
        using var imds = Client();
        SetEni(Mac1, "eni-00000000000000002", device: 1, ips: "10.0.1.20");
        _imds.Set($"meta-data/network/interfaces/macs/{Mac1}/ipv4-prefix", "10.0.1.32/28\n10.0.1.48/28");
        _imds.Set("meta-data/network/interfaces/macs/02:00:00:00:00:03/mac", "02:00:00:00:00:03");

        var enis = await imds.GetAttachedNetworkInterfacesAsync(default);

        Assert.Equal(new[] { "eni-00000000000000001", "eni-00000000000000002" }, enis.Select(e => e.NetworkInterfaceId));
        Assert.True(enis[0].IsPrimary);
        Assert.Equal(IPNetwork.Parse("10.0.0.0/19"), enis[1].SubnetIpv4Cidr);
        Assert.Equal(new[] { IPNetwork.Parse("10.0.1.32/28"), IPNetwork.Parse("10.0.1.48/28") }, enis[1].Ipv4Prefixes);
        Assert.Equal(IPAddress.Parse("10.0.1.20"), Assert.Single(enis[1].Ipv4Addresses));
    }

    [Fact]
    public async Task EfaOnlyInterfaceHasNoIpv4AndItsCardIsRead()
    {
        using var imds = Client();
        SetEni(Mac1, "eni-00000000000000002", device: 0, ips: null);
        _imds.Set($"meta-data/network/interfaces/macs/{Mac1}/network-card", "1");

        var efa = (await imds.GetAttachedNetworkInterfacesAsync(default)).Single(e => e.MacAddress == Mac1);

        Assert.True(efa.HasNoIpv4);
        Assert.Equal(1, efa.NetworkCard);
        Assert.False(efa.IsPrimary);
    }

    [Fact]
    public async Task RegionFallsBackToTheIdentityDocument()
    {
        using var imds = Client();
        _imds.Remove("meta-data/placement/region");
        _imds.Set("dynamic/instance-identity/document", """{"region":"eu-central-1","instanceId":"i-1"}""");

        Assert.Equal("eu-central-1", await imds.GetRegionAsync(default));
    }

    [Fact]
    public async Task MalformedMacIsRejectedBeforeAnyRequest()
    {
        using var imds = Client();

        var error = await Assert.ThrowsAsync<VpcCniException>(() => imds.GetSubnetIdAsync("../../user-data", default));

        Assert.Equal("Imds.InvalidMacAddress", error.ErrorId);
        Assert.Equal(0, _imds.TokenRequests);
    }

    [Fact]
    public async Task UnparsableValueIsAMalformedValueError()
    {
        using var imds = Client();
        _imds.Set($"meta-data/network/interfaces/macs/{Mac0}/device-number", "zero");

        var error = await Assert.ThrowsAsync<InstanceMetadataException>(() => imds.GetDeviceNumberAsync(Mac0, default));

        Assert.Equal("Imds.MalformedValue", error.ErrorId);
    }

    private void SetEni(string mac, string id, int device, string? ips)
    {
        var root = $"meta-data/network/interfaces/macs/{mac}/";
        _imds.Set(root + "interface-id", id);
        _imds.Set(root + "device-number", device.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _imds.Set(root + "subnet-id", "subnet-00000000000000001");
        _imds.Set(root + "subnet-ipv4-cidr-block", "10.0.0.0/19");
        _imds.Set(root + "mac", mac);
        if (ips is not null)
        {
            _imds.Set(root + "local-ipv4s", ips);
        }
    }

    private ImdsInstanceMetadata Client(Action<InstanceMetadataOptions>? configure = null, TimeProvider? clock = null)
    {
        var options = new InstanceMetadataOptions
        {
            Endpoint = _imds.Endpoint.ToString(),
            InitialBackoffMilliseconds = 1,
        };
        configure?.Invoke(options);
        return new ImdsInstanceMetadata(_http, Options.Create(options), clock ?? TimeProvider.System, NullLogger<ImdsInstanceMetadata>.Instance);
    }
}
