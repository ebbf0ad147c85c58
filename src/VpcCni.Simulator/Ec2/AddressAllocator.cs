using System.Net;
using VpcCni.Simulator.World;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// All-or-nothing IPv4 allocation from a subnet for Create and Assign: prefixes first (they need
/// aligned, wholly free /28 blocks), then addresses; any failure returns what was taken (EC2 User Guide, "Assign prefixes to network interfaces").
/// An explicit address another interface holds answers <c>InvalidIPAddress.InUse</c> on create and
/// <c>Resource.AlreadyAssigned</c> on assign (AWS docs, "Error codes for the Amazon EC2 API").
/// </summary>
internal static class AddressAllocator
{
    public static (List<IPAddress> Ips, List<IPNetwork> Prefixes) Allocate(
        SimWorld world, SimSubnet subnet, int ipCount, List<IPAddress> explicitIps, int prefixCount, List<IPNetwork> explicitPrefixes, bool allowReassignment, bool creating)
    {
        Ec2Exception InUse(IPAddress ip) => creating
            ? Ec2Exception.AddressInUse(ip.ToString())
            : new Ec2Exception("Resource.AlreadyAssigned", $"Address {ip} is already assigned to another interface; unassign it first or pass AllowReassignment.");

        var pool = subnet.Pool;
        foreach (var ip in explicitIps)
        {
            if (!pool.Contains(ip))
            {
                throw Ec2Exception.Invalid($"Address {ip} does not fall within the subnet's address range");
            }

            if (pool.IsReserved(ip))
            {
                throw Ec2Exception.Invalid($"Address {ip} is reserved in subnet {subnet.Id} and cannot be assigned.");
            }

            if (pool.IsUsed(ip) && !(allowReassignment && TryReleaseSecondary(world, subnet, ip)))
            {
                throw InUse(ip);
            }
        }

        var ips = new List<IPAddress>();
        var prefixes = new List<IPNetwork>();
        try
        {
            foreach (var prefix in explicitPrefixes)
            {
                if (!pool.TryAllocatePrefix(prefix))
                {
                    throw Ec2Exception.Invalid($"Prefix {prefix} is not an available /28 of subnet {subnet.Id}.");
                }

                prefixes.Add(prefix);
            }

            for (var i = 0; i < prefixCount; i++)
            {
                prefixes.Add(pool.AllocatePrefix()
                    ?? throw new Ec2Exception("InsufficientCidrBlocks", Ec2ErrorCodes.DefaultMessage("InsufficientCidrBlocks")));
            }

            if (pool.Available < explicitIps.Count + ipCount)
            {
                throw new Ec2Exception("InsufficientFreeAddressesInSubnet", Ec2ErrorCodes.DefaultMessage("InsufficientFreeAddressesInSubnet"));
            }

            foreach (var ip in explicitIps)
            {
                if (!pool.TryAllocate(ip))
                {
                    throw InUse(ip);
                }

                ips.Add(ip);
            }

            for (var i = 0; i < ipCount; i++)
            {
                ips.Add(pool.AllocateLowest()!);
            }
        }
        catch (Ec2Exception)
        {
            ips.ForEach(pool.Release);
            prefixes.ForEach(pool.ReleasePrefix);
            throw;
        }

        return (ips, prefixes);
    }

    /// <summary><c>AllowReassignment</c>: a secondary address of another ENI moves (a primary never does).</summary>
    private static bool TryReleaseSecondary(SimWorld world, SimSubnet subnet, IPAddress ip)
    {
        foreach (var eni in world.NetworkInterfaces.Values)
        {
            if (eni.SubnetId == subnet.Id && eni.SecondaryIps.Remove(ip))
            {
                subnet.Pool.Release(ip);
                world.PublishChange(eni);
                return true;
            }
        }

        return false;
    }
}
