using System.Net;

namespace VpcCni.Simulator.World;

/// <summary>An elastic network interface with its addresses, prefixes, groups, tags and attachment.</summary>
public sealed class SimNetworkInterface
{
    internal SimNetworkInterface(string id, SimSubnet subnet, string macAddress, IPAddress primaryIp)
    {
        Id = id;
        SubnetId = subnet.Id;
        VpcId = subnet.VpcId;
        AvailabilityZone = subnet.AvailabilityZone;
        MacAddress = macAddress;
        PrimaryIp = primaryIp;
    }

    public string Id { get; }

    public string SubnetId { get; }

    public string VpcId { get; }

    public string AvailabilityZone { get; }

    public string MacAddress { get; }

    public IPAddress PrimaryIp { get; }

    public string Description { get; internal set; } = string.Empty;

    /// <summary><c>interface</c>, <c>trunk</c>, <c>branch</c>, <c>efa</c> or <c>efa-only</c>.</summary>
    public string InterfaceType { get; internal set; } = "interface";

    public bool SourceDestCheck { get; internal set; } = true;

    public List<IPAddress> SecondaryIps { get; } = [];

    public List<IPNetwork> Ipv4Prefixes { get; } = [];

    public List<IPAddress> Ipv6Addresses { get; } = [];

    public List<IPNetwork> Ipv6Prefixes { get; } = [];

    public List<string> GroupIds { get; } = [];

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public SimAttachment? Attachment { get; internal set; }

    /// <summary>EC2 <c>NetworkInterfaceStatus</c> derived from the attachment.</summary>
    public string Status => Attachment?.Status switch
    {
        null => "available",
        "attaching" => "attaching",
        "detaching" => "detaching",
        _ => "in-use",
    };

    /// <summary>IPv4 slots taken on the ENI: the primary, each secondary and each /28 prefix (EC2 User Guide, "Assign prefixes to network interfaces").</summary>
    public int Ipv4SlotCount => 1 + SecondaryIps.Count + Ipv4Prefixes.Count;

    /// <summary>Until then, Describe and Attach do not find the ENI (the scenario's eventual-consistency window).</summary>
    internal DateTimeOffset VisibleAt { get; set; }

    internal string? ClientToken { get; set; }

    internal string? ClientTokenFingerprint { get; set; }

    /// <summary>Primary first, then secondaries: the order IMDS <c>local-ipv4s</c> lists them in.</summary>
    public IEnumerable<IPAddress> AllIpv4() => SecondaryIps.Prepend(PrimaryIp);
}
