using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcCni.Engine.Aws;

/// <summary>The mutating EC2 actions of <see cref="SdkEc2Api"/>.</summary>
public sealed partial class SdkEc2Api
{
    public async Task<Ec2NetworkInterface> CreateNetworkInterfaceAsync(Ec2CreateNetworkInterfaceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.SubnetId, "subnet");
        RequireCount(request.SecondaryPrivateIpAddressCount, "secondary private IP address count");
        RequireCount(request.Ipv4PrefixCount, "IPv4 prefix count");
        RequireCount(request.Ipv6PrefixCount, "IPv6 prefix count");
        if (request.SecondaryPrivateIpAddressCount > 0 && request.Ipv4PrefixCount > 0)
        {
            throw BadRequest("CreateNetworkInterface: set either a secondary IP count or an IPv4 prefix count, not both (EC2 answers InvalidParameterCombination).");
        }

        var sdk = new CreateNetworkInterfaceRequest
        {
            SubnetId = request.SubnetId,
            Description = request.Description,
            Groups = Ec2ModelMapper.NullIfEmpty(request.SecurityGroupIds),
            SecondaryPrivateIpAddressCount = request.SecondaryPrivateIpAddressCount > 0 ? request.SecondaryPrivateIpAddressCount : null,
            Ipv4PrefixCount = request.Ipv4PrefixCount > 0 ? request.Ipv4PrefixCount : null,
            Ipv6PrefixCount = request.Ipv6PrefixCount > 0 ? request.Ipv6PrefixCount : null,
            ClientToken = request.ClientToken,
        };
        if (!string.IsNullOrEmpty(request.InterfaceType) && request.InterfaceType != "interface")
        {
            sdk.InterfaceType = NetworkInterfaceCreationType.FindValue(request.InterfaceType);
        }

        if (request.Tags.Count > 0)
        {
            sdk.TagSpecifications =
            [
                new TagSpecification
                {
                    ResourceType = ResourceType.NetworkInterface,
                    Tags = [.. request.Tags.Select(t => new Tag(t.Key, t.Value))],
                },
            ];
        }

        var response = await CallAsync(Ec2Action.CreateNetworkInterface, ct => _client.CreateNetworkInterfaceAsync(sdk, ct), cancellationToken).ConfigureAwait(false);
        return Ec2ModelMapper.ToEngine(response.NetworkInterface);
    }

    public async Task<Ec2AttachResult> AttachNetworkInterfaceAsync(Ec2AttachNetworkInterfaceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.NetworkInterfaceId, "network interface");
        RequireId(request.InstanceId, "instance");
        RequireCount(request.DeviceIndex, "device index");
        RequireCount(request.NetworkCardIndex, "network card index");
        var response = await CallAsync(Ec2Action.AttachNetworkInterface, ct => _client.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            InstanceId = request.InstanceId,
            DeviceIndex = request.DeviceIndex,
            NetworkCardIndex = request.NetworkCardIndex,
        }, ct), cancellationToken).ConfigureAwait(false);
        return new Ec2AttachResult(response.AttachmentId, response.NetworkCardIndex ?? request.NetworkCardIndex);
    }

    public Task DetachNetworkInterfaceAsync(string attachmentId, bool force, CancellationToken cancellationToken)
    {
        RequireId(attachmentId, "attachment");
        return CallAsync(Ec2Action.DetachNetworkInterface, ct => _client.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest
        {
            AttachmentId = attachmentId,
            Force = force ? true : null,
        }, ct), cancellationToken);
    }

    public Task DeleteNetworkInterfaceAsync(string networkInterfaceId, CancellationToken cancellationToken)
    {
        RequireId(networkInterfaceId, "network interface");
        return CallAsync(Ec2Action.DeleteNetworkInterface, ct => _client.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest
        {
            NetworkInterfaceId = networkInterfaceId,
        }, ct), cancellationToken);
    }

    public Task ModifyNetworkInterfaceAttributeAsync(Ec2ModifyNetworkInterfaceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.NetworkInterfaceId, "network interface");
        var attributes = (request.DeleteOnTermination is null ? 0 : 1) + (request.SecurityGroupIds is null ? 0 : 1) + (request.SourceDestCheck is null ? 0 : 1);
        if (attributes != 1)
        {
            throw BadRequest($"ModifyNetworkInterfaceAttribute changes exactly one attribute per call; {attributes.ToString(CultureInfo.InvariantCulture)} were given.");
        }

        var sdk = new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = request.NetworkInterfaceId };
        if (request.DeleteOnTermination is { } deleteOnTermination)
        {
            RequireId(request.AttachmentId, "attachment");
            sdk.Attachment = new NetworkInterfaceAttachmentChanges { AttachmentId = request.AttachmentId, DeleteOnTermination = deleteOnTermination };
        }
        else if (request.SecurityGroupIds is { } groups)
        {
            if (groups.Count == 0)
            {
                throw BadRequest("ModifyNetworkInterfaceAttribute: an ENI needs at least one security group.");
            }

            sdk.Groups = [.. groups];
        }
        else
        {
            sdk.SourceDestCheck = request.SourceDestCheck;
        }

        return CallAsync(Ec2Action.ModifyNetworkInterfaceAttribute, ct => _client.ModifyNetworkInterfaceAttributeAsync(sdk, ct), cancellationToken);
    }

    public async Task<Ec2AddressChange> AssignPrivateIpAddressesAsync(Ec2AssignPrivateIpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.NetworkInterfaceId, "network interface");
        RequireExactlyOne("AssignPrivateIpAddresses", request.SecondaryPrivateIpAddressCount, request.Ipv4PrefixCount, request.PrivateIpAddresses.Count, request.Ipv4Prefixes.Count);
        var response = await CallAsync(Ec2Action.AssignPrivateIpAddresses, ct => _client.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            SecondaryPrivateIpAddressCount = request.SecondaryPrivateIpAddressCount > 0 ? request.SecondaryPrivateIpAddressCount : null,
            Ipv4PrefixCount = request.Ipv4PrefixCount > 0 ? request.Ipv4PrefixCount : null,
            PrivateIpAddresses = Ec2ModelMapper.NullIfEmpty(request.PrivateIpAddresses.Select(a => a.ToString())),
            Ipv4Prefixes = Ec2ModelMapper.NullIfEmpty(request.Ipv4Prefixes.Select(p => p.ToString())),
        }, ct), cancellationToken).ConfigureAwait(false);
        return new Ec2AddressChange
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            Addresses = [.. (response.AssignedPrivateIpAddresses ?? []).Select(a => Ec2ModelMapper.ParseAddress(a.PrivateIpAddress))],
            Prefixes = [.. (response.AssignedIpv4Prefixes ?? []).Select(p => Ec2ModelMapper.ParseNetwork(p.Ipv4Prefix))],
        };
    }

    public Task UnassignPrivateIpAddressesAsync(Ec2UnassignPrivateIpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.NetworkInterfaceId, "network interface");
        if (request.PrivateIpAddresses.Count == 0 && request.Ipv4Prefixes.Count == 0)
        {
            throw BadRequest("UnassignPrivateIpAddresses: give at least one address or prefix to release.");
        }

        return CallAsync(Ec2Action.UnassignPrivateIpAddresses, ct => _client.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            PrivateIpAddresses = Ec2ModelMapper.NullIfEmpty(request.PrivateIpAddresses.Select(a => a.ToString())),
            Ipv4Prefixes = Ec2ModelMapper.NullIfEmpty(request.Ipv4Prefixes.Select(p => p.ToString())),
        }, ct), cancellationToken);
    }

    public async Task<Ec2AddressChange> AssignIpv6AddressesAsync(Ec2AssignIpv6Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.NetworkInterfaceId, "network interface");
        RequireExactlyOne("AssignIpv6Addresses", request.Ipv6AddressCount, request.Ipv6PrefixCount, request.Ipv6Addresses.Count, request.Ipv6Prefixes.Count);
        var response = await CallAsync(Ec2Action.AssignIpv6Addresses, ct => _client.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            Ipv6AddressCount = request.Ipv6AddressCount > 0 ? request.Ipv6AddressCount : null,
            Ipv6PrefixCount = request.Ipv6PrefixCount > 0 ? request.Ipv6PrefixCount : null,
            Ipv6Addresses = Ec2ModelMapper.NullIfEmpty(request.Ipv6Addresses.Select(a => a.ToString())),
            Ipv6Prefixes = Ec2ModelMapper.NullIfEmpty(request.Ipv6Prefixes.Select(p => p.ToString())),
        }, ct), cancellationToken).ConfigureAwait(false);
        return new Ec2AddressChange
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            Addresses = [.. (response.AssignedIpv6Addresses ?? []).Select(Ec2ModelMapper.ParseAddress)],
            Prefixes = [.. (response.AssignedIpv6Prefixes ?? []).Select(Ec2ModelMapper.ParseNetwork)],
        };
    }

    public async Task<Ec2AddressChange> UnassignIpv6AddressesAsync(Ec2UnassignIpv6Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.NetworkInterfaceId, "network interface");
        if (request.Ipv6Addresses.Count == 0 && request.Ipv6Prefixes.Count == 0)
        {
            throw BadRequest("UnassignIpv6Addresses: give at least one IPv6 address or prefix to release.");
        }

        var response = await CallAsync(Ec2Action.UnassignIpv6Addresses, ct => _client.UnassignIpv6AddressesAsync(new UnassignIpv6AddressesRequest
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            Ipv6Addresses = Ec2ModelMapper.NullIfEmpty(request.Ipv6Addresses.Select(a => a.ToString())),
            Ipv6Prefixes = Ec2ModelMapper.NullIfEmpty(request.Ipv6Prefixes.Select(p => p.ToString())),
        }, ct), cancellationToken).ConfigureAwait(false);
        return new Ec2AddressChange
        {
            NetworkInterfaceId = request.NetworkInterfaceId,
            Addresses = [.. (response.UnassignedIpv6Addresses ?? []).Select(Ec2ModelMapper.ParseAddress)],
            Prefixes = [.. (response.UnassignedIpv6Prefixes ?? []).Select(Ec2ModelMapper.ParseNetwork)],
        };
    }

    public Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        ArgumentNullException.ThrowIfNull(tags);
        if (resourceIds.Count == 0 || tags.Count == 0)
        {
            throw BadRequest("CreateTags needs at least one resource id and one tag.");
        }

        return CallAsync(Ec2Action.CreateTags, ct => _client.CreateTagsAsync(new CreateTagsRequest
        {
            Resources = [.. resourceIds],
            Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))],
        }, ct), cancellationToken);
    }

    private static void RequireId(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw BadRequest($"A {what} id is required.");
        }
    }

    private static void RequireCount(int value, string what)
    {
        if (value < 0)
        {
            throw BadRequest($"The {what} must be 0 or more; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void RequireExactlyOne(string action, int count, int prefixCount, int explicitAddresses, int explicitPrefixes)
    {
        RequireCount(count, "address count");
        RequireCount(prefixCount, "prefix count");
        var modes = (count > 0 ? 1 : 0) + (prefixCount > 0 ? 1 : 0) + (explicitAddresses > 0 ? 1 : 0) + (explicitPrefixes > 0 ? 1 : 0);
        if (modes != 1)
        {
            throw BadRequest($"{action}: give exactly one of an address count (≥1), a prefix count (≥1), explicit addresses or explicit prefixes; {modes.ToString(CultureInfo.InvariantCulture)} were given.");
        }
    }
}
