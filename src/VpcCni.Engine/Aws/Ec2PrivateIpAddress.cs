using System.Net;

namespace VpcCni.Engine.Aws;

/// <summary>One private IPv4 address of an ENI; exactly one per ENI is the primary.</summary>
/// <param name="Address">The address.</param>
/// <param name="IsPrimary">Whether it is the ENI's primary address.</param>
public sealed record Ec2PrivateIpAddress(IPAddress Address, bool IsPrimary);
