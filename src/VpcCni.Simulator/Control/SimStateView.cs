using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Control;

/// <summary>The JSON shape of <c>GET /_sim/state</c>.</summary>
internal static class SimStateView
{
    public static object Of(SimWorld w) => new
    {
        region = w.Region,
        accountId = w.AccountId,
        vpcs = w.Vpcs.Values.Select(v => new { v.Id, cidrBlocks = v.CidrBlocks.Select(c => c.ToString()), ipv6CidrBlock = v.Ipv6CidrBlock?.ToString() }),
        subnets = w.Subnets.Select(s => new
        {
            s.Id,
            s.AvailabilityZone,
            cidrBlock = s.CidrBlock.ToString(),
            ipv6CidrBlock = s.Ipv6CidrBlock?.ToString(),
            s.AvailableIpAddressCount,
            s.FreePrefixBlocks,
            s.Tags,
        }),
        securityGroups = w.SecurityGroups.Select(g => new { g.Id, g.Name }),
        instances = w.Instances.Values.Select(i => new
        {
            i.Id,
            i.InstanceType,
            i.AvailabilityZone,
            i.SubnetId,
            i.PrimaryNetworkInterfaceId,
            netns = i.NetworkNamespace,
            maximumNetworkInterfaces = i.MaximumNetworkInterfaces,
            ipv4AddressesPerInterface = i.Limits.Ipv4PerEni,
            imdsMacs = w.ImdsInterfaces(i).Select(e => e.Mac),
        }),
        networkInterfaces = w.NetworkInterfaces.Values.Select(e => new
        {
            e.Id,
            e.SubnetId,
            e.Status,
            e.MacAddress,
            e.InterfaceType,
            e.Description,
            primaryIp = e.PrimaryIp.ToString(),
            secondaryIps = e.SecondaryIps.Select(i => i.ToString()),
            ipv4Prefixes = e.Ipv4Prefixes.Select(p => p.ToString()),
            ipv6Addresses = e.Ipv6Addresses.Select(i => i.ToString()),
            ipv6Prefixes = e.Ipv6Prefixes.Select(p => p.ToString()),
            e.GroupIds,
            attachment = e.Attachment is { } a ? new { a.Id, a.InstanceId, a.DeviceIndex, a.NetworkCardIndex, a.Status, a.DeleteOnTermination } : null,
            e.Tags,
        }),
    };
}
