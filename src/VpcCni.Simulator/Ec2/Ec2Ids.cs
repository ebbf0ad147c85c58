using System.Buffers;

namespace VpcCni.Simulator.Ec2;

/// <summary>
/// The shape of EC2 resource ids: the prefix, a dash, then 8 (older resources) or 17 lower-case hex
/// digits (EC2 User Guide, "Resource IDs"). A malformed id answers <c>…Malformed</c>, never
/// <c>…NotFound</c>: a client that reads NotFound as "already gone" would hide its own bug.
/// </summary>
internal static class Ec2Ids
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static bool IsWellFormed(string id, string prefix)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length <= prefix.Length || id[prefix.Length] != '-')
        {
            return false;
        }

        var digits = id.AsSpan(prefix.Length + 1);
        return digits.Length is 8 or 17 && !digits.ContainsAnyExcept(LowerHex);
    }

    /// <summary>Throws <paramref name="code"/> unless every id is well formed.</summary>
    public static void Require(IEnumerable<string> ids, string prefix, string code)
    {
        foreach (var id in ids)
        {
            Require(id, prefix, code);
        }
    }

    public static string Require(string id, string prefix, string code) =>
        IsWellFormed(id, prefix) ? id : throw new Ec2Exception(code, $"Invalid id: \"{id}\" (expecting \"{prefix}-...\")");

    public static string Eni(string id) => Require(id, "eni", "InvalidNetworkInterfaceId.Malformed");

    public static string Instance(string id) => Require(id, "i", "InvalidInstanceID.Malformed");

    public static string Subnet(string id) => Require(id, "subnet", "InvalidSubnetID.Malformed");

    public static string Group(string id) => Require(id, "sg", "InvalidGroupId.Malformed");

    public static string Vpc(string id) => Require(id, "vpc", "InvalidVpcID.Malformed");

    public static string Attachment(string id) => Require(id, "eni-attach", "InvalidNetworkInterfaceAttachmentId.Malformed");
}
