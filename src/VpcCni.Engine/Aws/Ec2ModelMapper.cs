using System.Net;
using Amazon.EC2.Model;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Aws;

/// <summary>
/// Converts SDK response types into the engine's records. SDK v4 leaves absent collections null
/// and value members nullable, so every read is null-tolerant.
/// </summary>
internal static class Ec2ModelMapper
{
    public static Ec2NetworkInterface ToEngine(NetworkInterface eni) => new()
    {
        NetworkInterfaceId = eni.NetworkInterfaceId,
        SubnetId = eni.SubnetId,
        VpcId = eni.VpcId,
        AvailabilityZone = eni.AvailabilityZone,
        Description = eni.Description,
        MacAddress = eni.MacAddress,
        OwnerId = eni.OwnerId,
        Status = ToStatus(eni.Status?.Value),
        InterfaceType = string.IsNullOrEmpty(eni.InterfaceType?.Value) ? "interface" : eni.InterfaceType.Value,
        RequesterManaged = eni.RequesterManaged ?? false,
        SourceDestCheck = eni.SourceDestCheck ?? true,
        PrimaryIpAddress = ParseAddressOrNull(eni.PrivateIpAddress),
        PrivateIpAddresses = [.. (eni.PrivateIpAddresses ?? []).Select(p => new Ec2PrivateIpAddress(ParseAddress(p.PrivateIpAddress), p.Primary ?? false))],
        Ipv4Prefixes = [.. (eni.Ipv4Prefixes ?? []).Select(p => ParseNetwork(p.Ipv4Prefix))],
        Ipv6Addresses = [.. (eni.Ipv6Addresses ?? []).Select(a => ParseAddress(a.Ipv6Address))],
        Ipv6Prefixes = [.. (eni.Ipv6Prefixes ?? []).Select(p => ParseNetwork(p.Ipv6Prefix))],
        SecurityGroupIds = [.. (eni.Groups ?? []).Select(g => g.GroupId)],
        Tags = ToTags(eni.TagSet),
        Attachment = eni.Attachment is null || string.IsNullOrEmpty(eni.Attachment.AttachmentId) ? null : new Ec2Attachment
        {
            AttachmentId = eni.Attachment.AttachmentId,
            InstanceId = eni.Attachment.InstanceId,
            DeviceIndex = eni.Attachment.DeviceIndex ?? 0,
            NetworkCardIndex = eni.Attachment.NetworkCardIndex ?? 0,
            Status = ToAttachmentStatus(eni.Attachment.Status?.Value),
            DeleteOnTermination = eni.Attachment.DeleteOnTermination ?? false,
            AttachTime = ToOffset(eni.Attachment.AttachTime),
        },
    };

    public static Ec2Instance ToEngine(Instance instance) => new()
    {
        InstanceId = instance.InstanceId,
        InstanceType = instance.InstanceType?.Value,
        State = instance.State?.Name?.Value,
        AvailabilityZone = instance.Placement?.AvailabilityZone,
        PrivateIpAddress = ParseAddressOrNull(instance.PrivateIpAddress),
        SubnetId = instance.SubnetId,
        VpcId = instance.VpcId,
        Tags = ToTags(instance.Tags),
        NetworkInterfaces = [.. (instance.NetworkInterfaces ?? []).Select(n => ToEngine(n, instance))],
    };

    public static Ec2InstanceTypeInfo ToEngine(InstanceTypeInfo info)
    {
        var network = info.NetworkInfo ?? new NetworkInfo();
        return new Ec2InstanceTypeInfo
        {
            InstanceType = info.InstanceType?.Value ?? string.Empty,
            Hypervisor = info.Hypervisor?.Value,
            BareMetal = info.BareMetal ?? false,
            DefaultVCpus = info.VCpuInfo?.DefaultVCpus,
            MemoryMib = info.MemoryInfo?.SizeInMiB,
            MaximumNetworkInterfaces = network.MaximumNetworkInterfaces ?? 0,
            DefaultNetworkCardIndex = network.DefaultNetworkCardIndex ?? 0,
            NetworkCards = [.. (network.NetworkCards ?? []).Select(c => new NetworkCardLimit(c.NetworkCardIndex ?? 0, c.MaximumNetworkInterfaces ?? 0))],
            Ipv4AddressesPerInterface = network.Ipv4AddressesPerInterface ?? 0,
            Ipv6AddressesPerInterface = network.Ipv6AddressesPerInterface,
            EfaSupported = network.EfaSupported ?? false,
            MaximumEfaInterfaces = network.EfaInfo?.MaximumEfaInterfaces,
        };
    }

    public static Ec2Subnet ToEngine(Subnet subnet) => new()
    {
        SubnetId = subnet.SubnetId,
        VpcId = subnet.VpcId,
        CidrBlock = string.IsNullOrEmpty(subnet.CidrBlock) ? null : ParseNetwork(subnet.CidrBlock),
        Ipv6CidrBlocks = [.. (subnet.Ipv6CidrBlockAssociationSet ?? []).Where(a => !string.IsNullOrEmpty(a.Ipv6CidrBlock)).Select(a => ParseNetwork(a.Ipv6CidrBlock))],
        AvailabilityZone = subnet.AvailabilityZone,
        AvailabilityZoneId = subnet.AvailabilityZoneId,
        AvailableIpAddressCount = subnet.AvailableIpAddressCount ?? 0,
        State = subnet.State?.Value,
        DefaultForAz = subnet.DefaultForAz ?? false,
        Tags = ToTags(subnet.Tags),
    };

    public static Ec2SecurityGroup ToEngine(SecurityGroup group) => new()
    {
        GroupId = group.GroupId,
        GroupName = group.GroupName,
        VpcId = group.VpcId,
        Description = group.Description,
        Tags = ToTags(group.Tags),
    };

    public static Ec2TagDescription ToEngine(TagDescription tag) =>
        new(tag.ResourceId, tag.ResourceType?.Value ?? string.Empty, tag.Key, tag.Value ?? string.Empty);

    public static List<Filter>? ToSdk(IReadOnlyList<Ec2Filter> filters) =>
        filters.Count == 0 ? null : [.. filters.Select(f => new Filter(f.Name, [.. f.Values]))];

    public static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        // SDK v4 sends an explicitly empty list as a bare "Key=" parameter (the EC2 Query protocol's list encoding),
        // which EC2 reads as "empty list", not "absent"; absent lists must stay null.
        List<T> list = [.. items];
        return list.Count == 0 ? null : list;
    }

    public static IPAddress ParseAddress(string? text) =>
        IPAddress.TryParse(text, out var address) ? address : throw Malformed("IP address", text);

    public static IPNetwork ParseNetwork(string? text) =>
        IPNetwork.TryParse(text, out var network) ? network : throw Malformed("CIDR", text);

    private static Ec2NetworkInterface ToEngine(InstanceNetworkInterface eni, Instance instance) => new()
    {
        NetworkInterfaceId = eni.NetworkInterfaceId,
        SubnetId = eni.SubnetId,
        VpcId = eni.VpcId,
        AvailabilityZone = instance.Placement?.AvailabilityZone,
        Description = eni.Description,
        MacAddress = eni.MacAddress,
        OwnerId = eni.OwnerId,
        Status = ToStatus(eni.Status?.Value),
        InterfaceType = string.IsNullOrEmpty(eni.InterfaceType) ? "interface" : eni.InterfaceType,
        SourceDestCheck = eni.SourceDestCheck ?? true,
        PrimaryIpAddress = ParseAddressOrNull(eni.PrivateIpAddress),
        PrivateIpAddresses = [.. (eni.PrivateIpAddresses ?? []).Select(p => new Ec2PrivateIpAddress(ParseAddress(p.PrivateIpAddress), p.Primary ?? false))],
        Ipv4Prefixes = [.. (eni.Ipv4Prefixes ?? []).Select(p => ParseNetwork(p.Ipv4Prefix))],
        Ipv6Addresses = [.. (eni.Ipv6Addresses ?? []).Select(a => ParseAddress(a.Ipv6Address))],
        Ipv6Prefixes = [.. (eni.Ipv6Prefixes ?? []).Select(p => ParseNetwork(p.Ipv6Prefix))],
        SecurityGroupIds = [.. (eni.Groups ?? []).Select(g => g.GroupId)],
        Attachment = eni.Attachment is null || string.IsNullOrEmpty(eni.Attachment.AttachmentId) ? null : new Ec2Attachment
        {
            AttachmentId = eni.Attachment.AttachmentId,
            InstanceId = instance.InstanceId,
            DeviceIndex = eni.Attachment.DeviceIndex ?? 0,
            NetworkCardIndex = eni.Attachment.NetworkCardIndex ?? 0,
            Status = ToAttachmentStatus(eni.Attachment.Status?.Value),
            DeleteOnTermination = eni.Attachment.DeleteOnTermination ?? false,
            AttachTime = ToOffset(eni.Attachment.AttachTime),
        },
    };

    private static Dictionary<string, string> ToTags(List<Tag>? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            result[tag.Key] = tag.Value ?? string.Empty;
        }

        return result;
    }

    private static Ec2NetworkInterfaceStatus ToStatus(string? value) => value switch
    {
        "available" => Ec2NetworkInterfaceStatus.Available,
        "associated" => Ec2NetworkInterfaceStatus.Associated,
        "attaching" => Ec2NetworkInterfaceStatus.Attaching,
        "in-use" => Ec2NetworkInterfaceStatus.InUse,
        "detaching" => Ec2NetworkInterfaceStatus.Detaching,
        _ => Ec2NetworkInterfaceStatus.Unknown,
    };

    private static Ec2AttachmentStatus ToAttachmentStatus(string? value) => value switch
    {
        "attaching" => Ec2AttachmentStatus.Attaching,
        "attached" => Ec2AttachmentStatus.Attached,
        "detaching" => Ec2AttachmentStatus.Detaching,
        "detached" => Ec2AttachmentStatus.Detached,
        _ => Ec2AttachmentStatus.Unknown,
    };

    private static DateTimeOffset? ToOffset(DateTime? value) =>
        value is null ? null : new DateTimeOffset(DateTime.SpecifyKind(value.Value.ToUniversalTime(), DateTimeKind.Utc));

    private static IPAddress? ParseAddressOrNull(string? text) =>
        string.IsNullOrEmpty(text) ? null : ParseAddress(text);

    private static VpcCniException Malformed(string what, string? text) => new(
        VpcCniErrorCategory.Internal,
        ErrorIds.Ec2.MalformedResponse,
        $"EC2 returned '{text}' where an {what} was expected.");
}
