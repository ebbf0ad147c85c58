using System.Net;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>
/// The IPAM-shaped port to the cloud that <see cref="PoolActionExecutor"/> drives: each call is one
/// complete step of upstream ipamd's pool management (<c>pkg/ipamd/ipamd.go</c> <c>tryAllocateENI</c>,
/// <c>tryAssignIPs</c>, <c>tryAssignPrefixes</c>, <c>tryFreeENI</c>), so the executor never sees EC2
/// requests. Every failure is a <see cref="Errors.VpcCniException"/>; EC2 failures are
/// <see cref="Aws.Ec2ApiException"/> with the AWS code.
/// </summary>
public interface IEniProvider
{
    /// <summary>
    /// Creates a new ENI, in the subnet and with the security groups placement picks (the primary
    /// ENI's, subnet discovery's, or the node's ENIConfig's), carrying <paramref name="addressCount"/> secondary IPs or
    /// <paramref name="prefixCount"/> /28 prefixes, attaches it at the next free device index, marks
    /// it DeleteOnTermination, waits until instance metadata lists it and sets it up on the host.
    /// Any failure after the create leaves nothing behind: the ENI is detached (if attached) and deleted.
    /// </summary>
    Task<ProvisionedEni> CreateEniAsync(int addressCount, int prefixCount, CancellationToken cancellationToken);

    /// <summary>Asks EC2 for <paramref name="count"/> more secondary IPs; returns the granted /32s.</summary>
    Task<IReadOnlyList<IPNetwork>> AssignAddressesAsync(string eniId, int count, CancellationToken cancellationToken);

    /// <summary>Asks EC2 for <paramref name="count"/> more /28 prefixes; returns the granted prefixes.</summary>
    Task<IReadOnlyList<IPNetwork>> AssignPrefixesAsync(string eniId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// The secondary /32s and /28 prefixes EC2 says the ENI holds (DescribeNetworkInterfaces), for
    /// bringing the datastore back in step after EC2 answered <c>PrivateIpAddressLimitExceeded</c>.
    /// </summary>
    Task<IReadOnlyList<IPNetwork>> DescribeCidrsAsync(string eniId, CancellationToken cancellationToken);

    /// <summary>Gives /32 secondary IPs and /28 prefixes of an ENI back to EC2.</summary>
    Task ReleaseCidrsAsync(string eniId, IReadOnlyList<IPNetwork> cidrs, CancellationToken cancellationToken);

    /// <summary>Removes the ENI's host setup, detaches it and deletes it.</summary>
    Task FreeEniAsync(string eniId, CancellationToken cancellationToken);
}
