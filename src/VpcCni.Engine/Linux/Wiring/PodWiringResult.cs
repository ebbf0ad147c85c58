using System.Net.NetworkInformation;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>The links made for one pod interface, for the CNI result's <c>interfaces</c>.</summary>
public sealed record PodWiringResult(string HostVeth, PhysicalAddress HostMac, int HostIndex, string PodInterface, PhysicalAddress? PodMac, int PodIndex);
