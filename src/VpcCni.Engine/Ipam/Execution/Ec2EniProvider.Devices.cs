using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// Device indexes for new ENIs. Upstream <c>pkg/awsutils/awsutils.go</c> (<c>attachENI</c>,
/// <c>awsGetFreeDeviceNumber</c>) describes the instance before every attach. We describe it once,
/// then remember which indexes of the card are taken (by the ENIs found then and by every index we
/// hand out since), so that several ENIs created side by side each get their own index without a
/// DescribeInstances call each. The memory is dropped, and the instance described again, when an
/// attach is refused for its index (something outside attached an ENI there), after a free and
/// after a failed create.
/// </summary>
public sealed partial class Ec2EniProvider
{
    private readonly Lock _devicesGate = new();
    private Task<HashSet<int>>? _takenDevices;

    /// <summary>Attaches <paramref name="eniId"/> at a free index; one refusal of the index describes the instance again and retries.</summary>
    private async Task<(int Device, Ec2AttachResult Attach)> AttachAtFreeIndexAsync(string eniId, string instanceId, CancellationToken cancellationToken)
    {
        var device = await ReserveDeviceIndexAsync(instanceId, cancellationToken).ConfigureAwait(false);
        try
        {
            return (device, await AttachAsync(eniId, instanceId, device, cancellationToken).ConfigureAwait(false));
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.InvalidParameterValue))
        {
            // EC2 answers InvalidParameterValue when the index is already in use (EC2 API reference,
            // AttachNetworkInterface); our memory is stale, so ask EC2 again.
            PoolExecutionLog.DeviceIndexRefused(_logger, device, eniId, ex.Message);
            ForgetDeviceIndexes();
            device = await ReserveDeviceIndexAsync(instanceId, cancellationToken).ConfigureAwait(false);
            return (device, await AttachAsync(eniId, instanceId, device, cancellationToken).ConfigureAwait(false));
        }
    }

    private Task<Ec2AttachResult> AttachAsync(string eniId, string instanceId, int device, CancellationToken cancellationToken) =>
        _ec2.AttachNetworkInterfaceAsync(new Ec2AttachNetworkInterfaceRequest(eniId, instanceId, device, _options.NetworkCard), cancellationToken);

    /// <summary>
    /// Starts describing the instance's devices unless they are known, so that the call runs while the
    /// ENI is being created rather than after it.
    /// </summary>
    private Task<HashSet<int>> TakenDeviceIndexesAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_devicesGate)
        {
            if (_takenDevices is not { IsFaulted: false, IsCanceled: false } known)
            {
                known = DescribeTakenDeviceIndexesAsync(instanceId, cancellationToken);
                _takenDevices = known;
            }

            return known;
        }
    }

    /// <summary>The lowest index of the card no ENI holds (attaching or detaching ENIs hold theirs), now marked taken.</summary>
    private async Task<int> ReserveDeviceIndexAsync(string instanceId, CancellationToken cancellationToken)
    {
        var taken = await TakenDeviceIndexesAsync(instanceId, cancellationToken).ConfigureAwait(false);
        lock (_devicesGate)
        {
            for (var index = 0; index < _options.MaxDeviceIndex; index++)
            {
                if (taken.Add(index))
                {
                    return index;
                }
            }
        }

        throw new VpcCniException(VpcCniErrorCategory.LimitExceeded, ErrorIds.PoolExecution.NoFreeDeviceIndex,
            $"Instance {instanceId} has no free device index below {_options.MaxDeviceIndex} on network card {_options.NetworkCard}.");
    }

    private void ForgetDeviceIndexes()
    {
        lock (_devicesGate)
        {
            _takenDevices = null;
        }
    }

    private async Task<HashSet<int>> DescribeTakenDeviceIndexesAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = (await _ec2.DescribeInstancesAsync(Ec2DescribeQuery.ForIds(instanceId), cancellationToken).ConfigureAwait(false)).Single();
        return instance.NetworkInterfaces
            .Where(e => e.Attachment is { } a && a.NetworkCardIndex == _options.NetworkCard)
            .Select(e => e.Attachment!.DeviceIndex)
            .ToHashSet();
    }
}
