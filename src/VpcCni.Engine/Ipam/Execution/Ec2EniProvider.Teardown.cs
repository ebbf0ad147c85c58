using System.Net.NetworkInformation;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Wiring;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>Freeing ENIs, undoing half-made ones, and the instance facts read once from IMDS.</summary>
public sealed partial class Ec2EniProvider
{
    /// <inheritdoc />
    public async Task FreeEniAsync(string eniId, CancellationToken cancellationToken)
    {
        Ec2NetworkInterface eni;
        try
        {
            eni = (await _ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(eniId), cancellationToken).ConfigureAwait(false)).Single();
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.NetworkInterfaceNotFound))
        {
            // Already gone (deleted by a previous attempt or by hand): freeing is idempotent.
            return;
        }

        if (eni.Attachment is { } attachment)
        {
            await TearDownHostAsync(eni, attachment, cancellationToken).ConfigureAwait(false);
            await DetachAsync(attachment.AttachmentId, cancellationToken).ConfigureAwait(false);
        }

        await DeleteAsync(eniId, cancellationToken).ConfigureAwait(false);
        ForgetDeviceIndexes();
        PoolExecutionLog.EniFreed(_logger, eniId);
    }

    /// <summary>Undoes a partly made ENI; a failure here is logged, the caller rethrows the original error.</summary>
    private async Task DiscardAsync(string eniId, string? attachmentId)
    {
        // The caller's token may be the reason we are here; the undo must still run.
        var cancellationToken = CancellationToken.None;
        ForgetDeviceIndexes();
        try
        {
            if (attachmentId is not null)
            {
                await DetachAsync(attachmentId, cancellationToken).ConfigureAwait(false);
            }

            await DeleteAsync(eniId, cancellationToken).ConfigureAwait(false);
        }
        catch (VpcCniException ex)
        {
            PoolExecutionLog.EniLeaked(_logger, eniId, ex.ErrorId, ex);
        }
    }

    private async Task TearDownHostAsync(Ec2NetworkInterface eni, Ec2Attachment attachment, CancellationToken cancellationToken)
    {
        if (eni.MacAddress is null || eni.PrimaryIpAddress is null)
        {
            return;
        }

        var mac = eni.MacAddress.ToLowerInvariant();
        var subnet = await _imds.GetSubnetIpv4CidrBlockAsync(mac, cancellationToken).ConfigureAwait(false);
        if (subnet is null)
        {
            return;
        }

        var spec = new EniNetworkSpec(PhysicalAddress.Parse(mac.Replace(':', '-')), eni.PrimaryIpAddress, subnet.Value,
            attachment.DeviceIndex, attachment.NetworkCardIndex);
        await _host.TeardownAsync(spec, cancellationToken).ConfigureAwait(false);
    }

    private async Task DetachAsync(string attachmentId, CancellationToken cancellationToken)
    {
        try
        {
            await _ec2.DetachNetworkInterfaceAsync(attachmentId, force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.AttachmentNotFound))
        {
            // Already detached: nothing to do.
        }
    }

    /// <summary>
    /// A detach takes a while, and EC2 refuses to delete an ENI until it is <c>available</c> (it answers
    /// <c>InvalidParameterValue</c> "is currently in use"); upstream <c>deleteENI</c> retries every
    /// failure but not-found with back-off, and so do we.
    /// </summary>
    private async Task DeleteAsync(string eniId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _ec2.DeleteNetworkInterfaceAsync(eniId, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.NetworkInterfaceNotFound))
            {
                return;
            }
            catch (Ec2ApiException) when (attempt < _options.DeleteAttempts)
            {
                await Task.Delay(_options.DeleteRetryInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Ec2ApiException ex)
            {
                throw new VpcCniException(ex.Category, ErrorIds.PoolExecution.EniDeleteFailed,
                    $"ENI {eniId} could not be deleted in {attempt} attempts: {ex.Message}", ex);
            }
        }
    }

    private async Task<InstanceFacts> GetFactsAsync(CancellationToken cancellationToken)
    {
        if (_facts is { } known)
        {
            return known;
        }

        var instanceId = NullIfEmpty(_options.InstanceId) ?? await _imds.GetInstanceIdAsync(cancellationToken).ConfigureAwait(false);
        var configuredSubnet = NullIfEmpty(_options.SubnetId);
        var subnetId = configuredSubnet;
        var groups = _options.SecurityGroupIds;
        string? vpcId = null;
        var mac = await _imds.GetPrimaryMacAsync(cancellationToken).ConfigureAwait(false);
        if (mac is not null)
        {
            subnetId ??= await _imds.GetSubnetIdAsync(mac, cancellationToken).ConfigureAwait(false);
            groups = groups.Count > 0 ? groups : await _imds.GetSecurityGroupIdsAsync(mac, cancellationToken).ConfigureAwait(false);
            vpcId = await _imds.GetVpcIdAsync(mac, cancellationToken).ConfigureAwait(false);
        }

        if (instanceId is null || subnetId is null)
        {
            throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.PoolExecution.InstanceIdentityMissing,
                "Instance metadata did not give the instance id and the primary ENI's subnet, so no ENI can be created.");
        }

        var zone = await _imds.GetAvailabilityZoneAsync(cancellationToken).ConfigureAwait(false);
        return _facts = new InstanceFacts(instanceId, subnetId, groups, vpcId, zone, configuredSubnet is not null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>What new ENIs start from: the instance, the primary ENI's subnet and groups, and where subnet discovery looks.</summary>
    private sealed record InstanceFacts(
        string InstanceId, string SubnetId, IReadOnlyList<string> SecurityGroupIds, string? VpcId, string? AvailabilityZone, bool SubnetConfigured);
}
