using System.Net;

namespace VpcCni.Engine.Ipam.Execution;

/// <summary>A new ENI ready for pods: how the datastore should track it and the CIDRs EC2 granted with it.</summary>
/// <param name="Descriptor">The ENI as the datastore tracks it (id, device number, route table, subnet).</param>
/// <param name="Cidrs">The secondary /32s or /28 prefixes EC2 assigned at creation (the primary address excluded).</param>
public sealed record ProvisionedEni(EniDescriptor Descriptor, IReadOnlyList<IPNetwork> Cidrs);
