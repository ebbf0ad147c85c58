using System.Net;
using System.Net.NetworkInformation;

namespace VpcCni.Engine.Linux;

/// <summary>A neighbour (ARP/NDP) entry, e.g. the pod's static <c>169.254.1.1 lladdr &lt;host veth MAC&gt; PERMANENT</c>.</summary>
public sealed record NeighbourEntry(int LinkIndex, IPAddress Address, PhysicalAddress? Mac, bool IsPermanent = true);
