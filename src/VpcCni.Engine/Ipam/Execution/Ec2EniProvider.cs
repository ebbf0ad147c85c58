using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// The real <see cref="IEniProvider"/>: EC2 through <see cref="IEc2Api"/>, instance metadata through
/// <see cref="IInstanceMetadata"/>, the host through <see cref="IEniHostSetup"/>. The steps and their
/// order follow upstream <c>pkg/awsutils/awsutils.go</c> (<c>AllocENI</c>, <c>FreeENI</c>,
/// <c>WaitForENIAndIPsAttached</c>).
/// </summary>
public sealed partial class Ec2EniProvider : IEniProvider
{
    private readonly IEc2Api _ec2;
    private readonly IInstanceMetadata _imds;
    private readonly IEniHostSetup _host;
    private readonly EniProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IEniConfigSource? _eniConfigs;
    private InstanceFacts? _facts;

    /// <summary>
    /// Builds the provider; <paramref name="eniConfigs"/> is where the node's ENIConfig comes from under
    /// custom networking (without one, custom networking creates no ENI).
    /// </summary>
    public Ec2EniProvider(
        IEc2Api ec2,
        IInstanceMetadata imds,
        IEniHostSetup host,
        IOptions<EniProviderOptions> options,
        TimeProvider time,
        ILogger<Ec2EniProvider> logger,
        IEniConfigSource? eniConfigs = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(imds);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _ec2 = ec2;
        _imds = imds;
        _host = host;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _eniConfigs = eniConfigs;
    }

    /// <inheritdoc />
    public async Task<ProvisionedEni> CreateEniAsync(int addressCount, int prefixCount, CancellationToken cancellationToken)
    {
        var facts = await GetFactsAsync(cancellationToken).ConfigureAwait(false);

        // The instance's devices are described (when not known yet) while the ENI is being created.
        _ = TakenDeviceIndexesAsync(facts.InstanceId, cancellationToken);
        var created = await CreateInterfaceAsync(facts, addressCount, prefixCount, cancellationToken).ConfigureAwait(false);
        var eniId = created.NetworkInterfaceId;
        var subnetId = created.SubnetId ?? facts.SubnetId;
        PoolExecutionLog.EniCreated(_logger, eniId, subnetId, addressCount, prefixCount);

        string? attachmentId = null;
        try
        {
            var (device, attach) = await AttachAtFreeIndexAsync(eniId, facts.InstanceId, cancellationToken).ConfigureAwait(false);
            attachmentId = attach.AttachmentId;

            // EC2 leaves DeleteOnTermination false on attached ENIs; upstream sets it so that terminating
            // the instance does not leak the ENI (EC2 API reference, ModifyNetworkInterfaceAttribute).
            await _ec2.ModifyNetworkInterfaceAttributeAsync(
                Ec2ModifyNetworkInterfaceRequest.SetDeleteOnTermination(eniId, attachmentId, true), cancellationToken).ConfigureAwait(false);

            var listed = await WaitForMetadataAsync(eniId, addressCount, prefixCount, cancellationToken).ConfigureAwait(false);
            await SetUpHostAsync(listed, created, device, cancellationToken).ConfigureAwait(false);
            PoolExecutionLog.EniAttached(_logger, eniId, device, attachmentId);

            IReadOnlyList<IPNetwork> cidrs = [.. created.SecondaryIpAddresses.Select(a => new IPNetwork(a, 32)), .. created.Ipv4Prefixes];
            return new ProvisionedEni(new EniDescriptor
            {
                Id = eniId,
                DeviceNumber = device,
                RouteTableId = RouteTables.ForEni(_options.NetworkCard, device),
                SubnetId = subnetId,
            }, cidrs);
        }
        catch (Exception ex)
        {
            // Upstream AllocENI deletes an ENI whose attach failed; we also undo a half-set-up ENI
            // (DeleteOnTermination, IMDS or host setup failed) so that nothing is left outside the pool.
            PoolExecutionLog.EniCompensated(_logger, eniId, ex.GetType().Name, ex);
            await DiscardAsync(eniId, attachmentId).ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IPNetwork>> AssignAddressesAsync(string eniId, int count, CancellationToken cancellationToken)
    {
        var change = await _ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Addresses(eniId, count), cancellationToken).ConfigureAwait(false);
        return [.. change.Addresses.Select(a => new IPNetwork(a, 32))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IPNetwork>> AssignPrefixesAsync(string eniId, int count, CancellationToken cancellationToken)
    {
        var change = await _ec2.AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest.Prefixes(eniId, count), cancellationToken).ConfigureAwait(false);
        return change.Prefixes;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IPNetwork>> DescribeCidrsAsync(string eniId, CancellationToken cancellationToken)
    {
        var eni = (await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(eniId), cancellationToken).ConfigureAwait(false)).Single();
        return
        [
            .. eni.SecondaryIpAddresses.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).Select(a => new IPNetwork(a, 32)),
            .. eni.Ipv4Prefixes,
        ];
    }

    /// <inheritdoc />
    public Task ReleaseCidrsAsync(string eniId, IReadOnlyList<IPNetwork> cidrs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        return _ec2.UnassignPrivateIpAddressesAsync(new Ec2UnassignPrivateIpRequest
        {
            NetworkInterfaceId = eniId,
            PrivateIpAddresses = [.. cidrs.Where(c => c.PrefixLength == 32).Select(c => c.BaseAddress)],
            Ipv4Prefixes = [.. cidrs.Where(c => c.PrefixLength < 32)],
        }, cancellationToken);
    }

    private Dictionary<string, string> TagsFor(string instanceId)
    {
        var tags = new Dictionary<string, string>(_options.AdditionalTags, StringComparer.Ordinal)
        {
            ["node.k8s.amazonaws.com/instance_id"] = instanceId,
            ["node.k8s.amazonaws.com/createdAt"] = _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(_options.ClusterName))
        {
            tags["cluster.k8s.amazonaws.com/name"] = _options.ClusterName;
        }

        return tags;
    }

    /// <summary>
    /// IMDS shows a new ENI, and then its addresses, some time after EC2 reports the attach (upstream
    /// <c>WaitForENIAndIPsAttached</c>); routing needs the MAC and subnet that only IMDS gives, so poll.
    /// </summary>
    private async Task<ImdsNetworkInterface> WaitForMetadataAsync(string eniId, int addressCount, int prefixCount, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.MetadataWaitTimeout;
        while (true)
        {
            var listed = (await _imds.GetAttachedNetworkInterfacesAsync(cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(e => e.NetworkInterfaceId == eniId);
            if (listed is not null && listed.SubnetIpv4Cidr is not null &&
                listed.Ipv4Addresses.Count >= 1 + addressCount && listed.Ipv4Prefixes.Count >= prefixCount)
            {
                return listed;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new VpcCniException(VpcCniErrorCategory.Timeout, ErrorIds.PoolExecution.EniNotInMetadata,
                    $"Instance metadata did not list ENI {eniId} with its addresses within {_options.MetadataWaitTimeout.TotalSeconds:F0} s of the attach.");
            }

            await Task.Delay(_options.MetadataPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SetUpHostAsync(ImdsNetworkInterface listed, Ec2NetworkInterface created, int device, CancellationToken cancellationToken)
    {
        var spec = new EniNetworkSpec(
            PhysicalAddress.Parse(listed.MacAddress.Replace(':', '-')),
            created.PrimaryIpAddress ?? listed.Ipv4Addresses[0],
            listed.SubnetIpv4Cidr!.Value,
            device,
            _options.NetworkCard);
        try
        {
            await _host.SetupAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not VpcCniException and not OperationCanceledException)
        {
            throw new VpcCniException(VpcCniErrorCategory.Internal, ErrorIds.PoolExecution.HostSetupFailed,
                $"Setting up ENI {created.NetworkInterfaceId} on the host failed: {ex.Message}", ex);
        }
    }
}
