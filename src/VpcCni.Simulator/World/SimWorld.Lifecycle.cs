using System.Net;
using VpcCni.Simulator.Ec2;
using VpcCni.Simulator.Imds;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.World;

/// <summary>ENI lifecycle and the lagged IMDS view; callers hold the world lock (they run inside <see cref="Execute{T}"/>).</summary>
public sealed partial class SimWorld
{
    internal SimNetworkInterface CreateNetworkInterface(SimSubnet subnet, IPAddress? primary)
    {
        IPAddress address;
        if (primary is not null)
        {
            if (!subnet.Pool.TryAllocate(primary))
            {
                throw subnet.Pool.IsReserved(primary) || !subnet.Pool.Contains(primary)
                    ? Ec2Exception.Invalid($"Address {primary} is reserved in subnet {subnet.Id} and cannot be assigned.")
                    : Ec2Exception.AddressInUse(primary.ToString());
            }

            address = primary;
        }
        else
        {
            address = subnet.Pool.AllocateLowest()
                ?? throw new Ec2Exception("InsufficientFreeAddressesInSubnet", "The specified subnet does not have enough free addresses to satisfy the request.");
        }

        var eni = new SimNetworkInterface(Ids.Next("eni"), subnet, Ids.NextMac(), address);
        NetworkInterfaces[eni.Id] = eni;
        return eni;
    }

    /// <summary>Returns every address and prefix of the ENI to its subnet and forgets it.</summary>
    internal void DeleteNetworkInterface(SimNetworkInterface eni)
    {
        var subnet = Subnet(eni.SubnetId);
        subnet.Pool.Release(eni.PrimaryIp);
        eni.SecondaryIps.ForEach(subnet.Pool.Release);
        eni.Ipv4Prefixes.ForEach(subnet.Pool.ReleasePrefix);
        if (subnet.Ipv6 is { } v6)
        {
            eni.Ipv6Addresses.ForEach(v6.Release);
            eni.Ipv6Prefixes.ForEach(v6.ReleasePrefix);
        }

        NetworkInterfaces.Remove(eni.Id);
    }

    internal SimAttachment Attach(SimNetworkInterface eni, SimInstance instance, int deviceIndex, int cardIndex, bool immediate)
    {
        var now = Now;
        var attachment = new SimAttachment(Ids.Next("eni-attach"), instance.Id, deviceIndex, cardIndex, now)
        {
            DueAt = immediate ? now : now.AddMilliseconds(Scenario.Delays.AttachMs),
        };
        if (immediate)
        {
            attachment.Status = "attached";
        }

        eni.Attachment = attachment;
        if (!immediate)
        {
            Track(eni, attachment.DueAt);
        }

        var imds = Scenario.Imds;
        var macAt = immediate ? now : attachment.DueAt.AddMilliseconds(imds.AttachLagMs);
        if (!immediate && imds.IpLagMs > 0)
        {
            // The MAC shows first with only its primary address; secondaries follow (docs/simulator.md, "IMDS").
            instance.Imds.Publish(eni.Id, macAt, Snapshot(eni, primaryOnly: true));
            instance.Imds.Publish(eni.Id, macAt.AddMilliseconds(imds.IpLagMs), Snapshot(eni, primaryOnly: false));
        }
        else
        {
            instance.Imds.Publish(eni.Id, macAt, Snapshot(eni, primaryOnly: false));
        }

        return attachment;
    }

    internal void Detach(SimNetworkInterface eni)
    {
        var attachment = eni.Attachment!;
        attachment.Status = "detaching";
        attachment.DueAt = Now.AddMilliseconds(Scenario.Delays.DetachMs);
        Track(eni, attachment.DueAt);
        if (Instances.TryGetValue(attachment.InstanceId, out var instance))
        {
            instance.Imds.Publish(eni.Id, attachment.DueAt.AddMilliseconds(Scenario.Imds.DetachLagMs), null);
        }
    }

    /// <summary>Schedules the IMDS view of an attached ENI to follow a change of its addresses or groups.</summary>
    internal void PublishChange(SimNetworkInterface eni)
    {
        if (eni.Attachment is { Status: not "detaching" } attachment && Instances.TryGetValue(attachment.InstanceId, out var instance))
        {
            instance.Imds.Publish(eni.Id, Now.AddMilliseconds(Scenario.Imds.IpLagMs), Snapshot(eni, primaryOnly: false));
        }
    }

    /// <summary>The IMDS network interfaces an instance shows right now.</summary>
    internal List<ImdsEniSnapshot> ImdsInterfaces(SimInstance instance) => instance.Imds.Visible(Now);

    private ImdsEniSnapshot Snapshot(SimNetworkInterface eni, bool primaryOnly)
    {
        var subnet = Subnet(eni.SubnetId);
        var vpc = Vpcs[eni.VpcId];
        var attachment = eni.Attachment!;
        var groups = eni.GroupIds.Select(SecurityGroup).OfType<SimSecurityGroup>().ToList();
        return new ImdsEniSnapshot(
            eni.MacAddress,
            eni.Id,
            attachment.DeviceIndex,
            attachment.NetworkCardIndex,
            subnet.Id,
            subnet.CidrBlock.ToString(),
            subnet.Ipv6CidrBlock?.ToString(),
            vpc.Id,
            [.. vpc.CidrBlocks.Select(c => c.ToString())],
            vpc.Ipv6CidrBlock?.ToString(),
            // An EFA-only interface carries no IP networking, so IMDS lists no local-ipv4s for it;
            // the CNI tells such interfaces apart by that absence (EC2 User Guide, "Elastic Fabric Adapter").
            eni.InterfaceType == "efa-only" ? [] : primaryOnly ? [eni.PrimaryIp.ToString()] : [.. eni.AllIpv4().Select(a => a.ToString())],
            primaryOnly ? [] : [.. eni.Ipv4Prefixes.Select(p => p.ToString())],
            primaryOnly ? [] : [.. eni.Ipv6Addresses.Select(a => a.ToString())],
            primaryOnly ? [] : [.. eni.Ipv6Prefixes.Select(p => p.ToString())],
            [.. groups.Select(g => g.Id)],
            [.. groups.Select(g => g.Name)]);
    }
}
