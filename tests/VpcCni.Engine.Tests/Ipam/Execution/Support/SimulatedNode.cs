using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Tests.Aws.Support;
using VpcCni.Engine.Tests.Ipam.Execution.Fakes;
using VpcCni.Engine.Tests.Ipam.Fakes;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Engine.Tests.Ipam.Execution.Support;

/// <summary>
/// One node against the simulator: the production <see cref="Ec2EniProvider"/> over SdkEc2Api and
/// ImdsInstanceMetadata, a datastore holding the primary ENI, and the <see cref="PoolActionExecutor"/>
/// over both. Only the host side is a stand-in (<see cref="FakeEniHostSetup"/>).
/// </summary>
internal sealed class SimulatedNode : IAsyncDisposable
{
    private SimulatedNode(SimulatedAws aws, IpamDatastore datastore, FakeEniHostSetup host, SdkEc2Api ec2, Ec2EniProvider provider, string primaryEniId)
    {
        Aws = aws;
        Datastore = datastore;
        Host = host;
        Ec2 = ec2;
        Provider = provider;
        PrimaryEniId = primaryEniId;
        Executor = new PoolActionExecutor(provider, datastore, NullLogger<PoolActionExecutor>.Instance);
    }

    public SimulatedAws Aws { get; }

    public IpamDatastore Datastore { get; }

    public FakeEniHostSetup Host { get; }

    public SdkEc2Api Ec2 { get; }

    public Ec2EniProvider Provider { get; }

    public PoolActionExecutor Executor { get; }

    public string PrimaryEniId { get; }

    /// <summary>
    /// Starts the simulator with one instance of <paramref name="instanceType"/>. The datastore runs on
    /// <paramref name="datastoreTime"/> (planner tests step it); EC2 and IMDS waits are real time.
    /// </summary>
    public static async Task<SimulatedNode> StartAsync(
        string instanceType = "m5.large",
        bool prefixDelegation = false,
        FakeTimeProvider? datastoreTime = null,
        Action<Scenario>? configure = null,
        TimeSpan? metadataWait = null,
        Action<EniProviderOptions>? placement = null,
        IEniConfigSource? eniConfigs = null)
    {
        var aws = await SimulatedAws.StartAsync(s =>
        {
            s.Instances[0].InstanceType = instanceType;
            configure?.Invoke(s);
        });
        var ec2 = aws.Ec2(maxErrorRetry: 0);
        var imds = aws.Imds();
        var host = new FakeEniHostSetup();
        var options = new EniProviderOptions
        {
            MetadataPollInterval = TimeSpan.FromMilliseconds(10),
            MetadataWaitTimeout = metadataWait ?? TimeSpan.FromSeconds(10),
            DeleteRetryInterval = TimeSpan.FromMilliseconds(10),
        };
        placement?.Invoke(options);
        var provider = new Ec2EniProvider(ec2, imds, host, Options.Create(options), TimeProvider.System, NullLogger<Ec2EniProvider>.Instance, eniConfigs);
        var primary = (await imds.GetAttachedNetworkInterfacesAsync(default)).Single(e => e.IsPrimary);
        var datastore = new IpamDatastore(new InMemoryCheckpointStore(), (TimeProvider?)datastoreTime ?? TimeProvider.System,
            new IpamDatastoreSettings { PrefixDelegation = prefixDelegation });
        datastore.AddEni(new EniDescriptor { Id = primary.NetworkInterfaceId, DeviceNumber = 0, IsPrimary = true, RouteTableId = 254 });
        return new SimulatedNode(aws, datastore, host, ec2, provider, primary.NetworkInterfaceId);
    }

    /// <summary>The ENI as EC2 describes it now, or null when it no longer exists.</summary>
    public async Task<Ec2NetworkInterface?> DescribeAsync(string eniId) =>
        (await Ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default)).SingleOrDefault(e => e.NetworkInterfaceId == eniId);

    /// <summary>Every ENI EC2 knows, primary included.</summary>
    public async Task<IReadOnlyList<Ec2NetworkInterface>> AllEnisAsync() =>
        await Ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.All, default);

    public async ValueTask DisposeAsync()
    {
        Datastore.Dispose();
        await Aws.DisposeAsync();
    }
}
