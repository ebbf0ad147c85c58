using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>Where a new ENI goes: its subnet and security groups (upstream <c>pkg/awsutils/awsutils.go</c> <c>createENI</c>).</summary>
public sealed partial class Ec2EniProvider
{
    private readonly Lock _subnetGate = new();
    private (Task<IReadOnlyList<Ec2Subnet>> Answer, DateTimeOffset At)? _subnetListing;

    /// <summary>
    /// CreateNetworkInterface in the first subnet that takes it. Custom networking names one subnet (the
    /// node's ENIConfig's); subnet discovery lists candidates, most free addresses first, and a refusal
    /// moves on to the next one, as upstream <c>createENI</c> does; otherwise the primary ENI's subnet.
    /// </summary>
    private async Task<Ec2NetworkInterface> CreateInterfaceAsync(InstanceFacts facts, int addressCount, int prefixCount, CancellationToken cancellationToken)
    {
        var (subnets, groups) = await PlaceAsync(facts, cancellationToken).ConfigureAwait(false);
        for (var i = 0; ; i++)
        {
            try
            {
                return await _ec2.CreateNetworkInterfaceAsync(new Ec2CreateNetworkInterfaceRequest
                {
                    SubnetId = subnets[i],
                    Description = "aws-K8S-" + facts.InstanceId,
                    SecurityGroupIds = groups,
                    SecondaryPrivateIpAddressCount = addressCount,
                    Ipv4PrefixCount = prefixCount,
                    Tags = TagsFor(facts.InstanceId),
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Ec2ApiException ex) when (i + 1 < subnets.Count)
            {
                PoolExecutionLog.SubnetRefusedEni(_logger, subnets[i], ex.AwsErrorCode ?? ex.ErrorId, subnets[i + 1]);
            }
        }
    }

    /// <summary>
    /// The subnets of the node's VPC and zone: one call in flight serves every ENI created meanwhile, and
    /// its answer serves for <see cref="EniProviderOptions.SubnetListingReuse"/>. A failed call is not kept.
    /// </summary>
    private Task<IReadOnlyList<Ec2Subnet>> ListSubnetsAsync(string vpcId, string zone, CancellationToken cancellationToken)
    {
        lock (_subnetGate)
        {
            var now = _time.GetUtcNow();
            if (_subnetListing is { } listing
                && (!listing.Answer.IsCompleted || (listing.Answer.IsCompletedSuccessfully && now - listing.At < _options.SubnetListingReuse)))
            {
                return listing.Answer.WaitAsync(cancellationToken);
            }

            var answer = _ec2.DescribeSubnetsAsync(SubnetDiscovery.SubnetsOf(vpcId, zone), cancellationToken);
            _subnetListing = (answer, now);
            return answer;
        }
    }

    private async Task<(IReadOnlyList<string> Subnets, IReadOnlyList<string> Groups)> PlaceAsync(InstanceFacts facts, CancellationToken cancellationToken)
    {
        if (_options.CustomNetworking)
        {
            var config = await EniConfigSelector.ForNodeAsync(_eniConfigs, _options.EniConfigAnnotationKey, _options.EniConfigLabelKey, cancellationToken)
                .ConfigureAwait(false);

            // An ENIConfig without groups takes the primary ENI's (upstream createENIUsingCustomCfg).
            var groups = config.SecurityGroups.Count > 0 ? config.SecurityGroups : facts.SecurityGroupIds;
            PoolExecutionLog.EniConfigChosen(_logger, config.Name, config.Subnet);
            return ([config.Subnet], groups);
        }

        if (!_options.SubnetDiscovery || facts.SubnetConfigured || facts.VpcId is null || facts.AvailabilityZone is null)
        {
            return ([facts.SubnetId], facts.SecurityGroupIds);
        }

        IReadOnlyList<Ec2Subnet> found;
        try
        {
            found = await ListSubnetsAsync(facts.VpcId, facts.AvailabilityZone, cancellationToken).ConfigureAwait(false);
        }
        catch (Ec2ApiException ex)
        {
            // Upstream createENI falls back to the primary ENI's subnet when DescribeSubnets fails.
            PoolExecutionLog.SubnetDiscoveryFailed(_logger, ex.AwsErrorCode ?? ex.ErrorId, facts.SubnetId);
            return ([facts.SubnetId], facts.SecurityGroupIds);
        }

        var candidates = SubnetDiscovery.Candidates(found, facts.SubnetId);
        if (candidates.Count == 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.LimitExceeded, ErrorIds.PoolExecution.NoEligibleSubnet,
                $"No subnet of {facts.VpcId} in {facts.AvailabilityZone} may take a new ENI: the primary ENI's subnet {facts.SubnetId} is tagged " +
                $"{SubnetDiscovery.RoleTag}={SubnetDiscovery.ExcludedValue} and no other subnet is tagged {SubnetDiscovery.RoleTag}={SubnetDiscovery.IncludedValue}.");
        }

        return ([.. candidates.Select(s => s.SubnetId)], facts.SecurityGroupIds);
    }
}
