using VpcCni.Engine.Limits;
using VpcCni.Simulator.Imds;

namespace VpcCni.Simulator.World;

/// <summary>A running instance of a real instance type; limits come from the engine's catalog.</summary>
public sealed class SimInstance
{
    internal SimInstance(string id, InstanceTypeLimits limits, SimSubnet subnet, DateTimeOffset launchTime)
    {
        Id = id;
        Limits = limits;
        AvailabilityZone = subnet.AvailabilityZone;
        SubnetId = subnet.Id;
        VpcId = subnet.VpcId;
        LaunchTime = launchTime;
    }

    public string Id { get; }

    public string InstanceType => Limits.InstanceType;

    public InstanceTypeLimits Limits { get; }

    public string AvailabilityZone { get; }

    public string SubnetId { get; }

    public string VpcId { get; }

    public DateTimeOffset LaunchTime { get; }

    public string ImageId { get; init; } = "ami-0123456789abcdef0";

    public string ReservationId { get; init; } = "r-0123456789abcdef0";

    public string PrimaryNetworkInterfaceId { get; internal set; } = string.Empty;

    /// <summary>Network namespace (name, or path when it contains '/') that the dataplane hook mirrors this instance's ENIs into.</summary>
    public string? NetworkNamespace { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Maximum ENIs over all cards (EC2 <c>MaximumNetworkInterfaces</c>).</summary>
    public int MaximumNetworkInterfaces => Limits.TotalEniLimit;

    public int MaximumNetworkCards => Math.Max(1, Limits.NetworkCards.Count);

    internal ImdsTimeline Imds { get; } = new();
}
