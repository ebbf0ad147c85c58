using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws.LeakedEnis;

/// <summary>
/// Finds and removes leaked ENIs across a region, by <see cref="LeakedEniRule"/>, over the engine's
/// EC2 port: what <c>Find-VpcCniLeakedEni</c> and <c>Remove-VpcCniLeakedEni</c> call. Unlike the node
/// service, which sees only its own instance's ENIs, it also asks DescribeInstances whether each
/// owning instance still exists, so an ENI of a terminated node is leaked at once.
/// </summary>
public sealed class LeakedEniFinder(IEc2Api ec2, TimeProvider time, string? region = null, string? endpoint = null)
{
    // EC2 accepts up to 200 values per filter (EC2 API reference, "Filter"); stay well below it.
    private const int FilterValuesPerCall = 100;

    private static readonly HashSet<string> GoneStates = new(StringComparer.OrdinalIgnoreCase) { "terminated", "shutting-down" };

    /// <summary>The state reported for an instance EC2 no longer knows.</summary>
    public const string MissingInstanceState = "missing";

    /// <summary>The leaked ENIs matching <paramref name="criteria"/>, oldest owner state first as EC2 listed them.</summary>
    public async Task<IReadOnlyList<LeakedEni>> FindAsync(LeakedEniCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.GracePeriod < TimeSpan.Zero)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.LeakedEni.InvalidGracePeriod, $"The grace period {criteria.GracePeriod} is negative; give 0 or more.");
        }

        var candidates = (await ec2.DescribeNetworkInterfacesAsync(LeakedEniRule.Query(criteria), cancellationToken).ConfigureAwait(false))
            .Where(e => LeakedEniRule.IsCandidate(e, criteria))
            .ToList();
        var states = await InstanceStatesAsync(candidates.Select(e => e.Tags[LeakedEniRule.InstanceIdTag]).Distinct(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var leaked = new List<LeakedEni>();
        foreach (var eni in candidates)
        {
            var owner = eni.Tags[LeakedEniRule.InstanceIdTag];
            var state = states.GetValueOrDefault(owner) ?? MissingInstanceState;
            if (LeakedEniRule.Judge(eni, criteria, now, IsGone(state)) is not { } reason)
            {
                continue;
            }

            var created = LeakedEniRule.CreatedAt(eni);
            leaked.Add(new LeakedEni
            {
                NetworkInterfaceId = eni.NetworkInterfaceId,
                InstanceId = owner,
                InstanceState = state,
                Reason = reason,
                ClusterName = eni.Tags.GetValueOrDefault(LeakedEniRule.ClusterNameTag),
                CreatedAt = created,
                Age = created is { } c ? now - c : null,
                SubnetId = eni.SubnetId,
                VpcId = eni.VpcId,
                AvailabilityZone = eni.AvailabilityZone,
                Description = eni.Description,
                Region = region,
                Ec2Endpoint = endpoint,
            });
        }

        return leaked;
    }

    /// <summary>
    /// Deletes one ENI after checking again that it is still an unattached ENI of the CNI (it may
    /// have been attached or deleted since it was found). Only a failed EC2 call throws.
    /// </summary>
    public async Task<LeakedEniRemoval> RemoveAsync(string networkInterfaceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkInterfaceId);
        Ec2NetworkInterface? eni;
        try
        {
            eni = (await ec2.DescribeNetworkInterfacesAsync(Ec2DescribeQuery.ForIds(networkInterfaceId), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.NetworkInterfaceNotFound))
        {
            eni = null;
        }

        if (eni is null)
        {
            return new LeakedEniRemoval { NetworkInterfaceId = networkInterfaceId, Status = LeakedEniRemovalStatus.AlreadyGone, Message = "EC2 no longer knows it." };
        }

        if (!LeakedEniRule.IsCandidate(eni, new LeakedEniCriteria()))
        {
            return new LeakedEniRemoval
            {
                NetworkInterfaceId = networkInterfaceId,
                Status = LeakedEniRemovalStatus.Skipped,
                Message = $"It is {eni.Status}{(eni.Attachment is { } a ? " (attached to " + a.InstanceId + ")" : string.Empty)}, or not created by the CNI (description '{eni.Description}', no {LeakedEniRule.InstanceIdTag} tag): left alone.",
            };
        }

        try
        {
            await ec2.DeleteNetworkInterfaceAsync(networkInterfaceId, cancellationToken).ConfigureAwait(false);
        }
        catch (Ec2ApiException ex) when (ex.Is(Ec2ErrorCodes.NetworkInterfaceNotFound))
        {
            return new LeakedEniRemoval { NetworkInterfaceId = networkInterfaceId, Status = LeakedEniRemovalStatus.AlreadyGone, Message = "EC2 no longer knows it." };
        }

        return new LeakedEniRemoval { NetworkInterfaceId = networkInterfaceId, Status = LeakedEniRemovalStatus.Deleted };
    }

    private static bool IsGone(string state) => state == MissingInstanceState || GoneStates.Contains(state);

    /// <summary>The state of each instance EC2 still knows; an instance-id filter (not ids) so a gone instance is simply absent, not an error.</summary>
    private async Task<Dictionary<string, string>> InstanceStatesAsync(IEnumerable<string> instanceIds, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in instanceIds.Chunk(FilterValuesPerCall))
        {
            var instances = await ec2.DescribeInstancesAsync(Ec2DescribeQuery.Where(Ec2Filter.Of("instance-id", chunk)), cancellationToken).ConfigureAwait(false);
            foreach (var instance in instances)
            {
                states[instance.InstanceId] = instance.State ?? "unknown";
            }
        }

        return states;
    }
}
