using System.Text.RegularExpressions;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Manifests;

/// <summary>
/// ENIConfigs named after availability zones, one per zone, as custom networking is usually set up:
/// the node label <c>topology.kubernetes.io/zone</c> (or <c>failure-domain.beta.kubernetes.io/zone</c>)
/// then names each node's ENIConfig (<c>ENI_CONFIG_LABEL_DEF</c>, docs/configuration.md).
/// </summary>
public static partial class EniConfigsPerZone
{
    /// <summary>
    /// One ENIConfig per entry of <paramref name="subnetByZone"/>, ordered by zone, each with
    /// <paramref name="securityGroups"/>. <see cref="ErrorIds.EniConfig.InvalidSubnetMap"/> for a zone that
    /// cannot name an object or a value that is not a subnet id, <see cref="ErrorIds.EniConfig.InvalidSecurityGroup"/>
    /// for a group that is not an <c>sg-</c> id.
    /// </summary>
    public static IReadOnlyList<EniConfig> Build(IReadOnlyDictionary<string, string> subnetByZone, IReadOnlyList<string> securityGroups)
    {
        ArgumentNullException.ThrowIfNull(subnetByZone);
        ArgumentNullException.ThrowIfNull(securityGroups);
        if (subnetByZone.Count == 0)
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.EniConfig.InvalidSubnetMap,
                "The subnet map is empty; give one zone and subnet per ENIConfig, for example @{'us-west-2a'='subnet-0123456789abcdef0'}.");
        }

        var groups = ValidateSecurityGroups(securityGroups);
        return subnetByZone.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            if (!IsObjectName(p.Key))
            {
                throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.EniConfig.InvalidSubnetMap,
                    $"Zone '{p.Key}' cannot name an ENIConfig: a name is lower-case letters, digits, '-' and '.', at most 253 characters.");
            }

            return new EniConfig(p.Key, ValidateSubnet(p.Value, p.Key), groups);
        }).ToList();
    }

    /// <summary>The groups, each checked to be an <c>sg-</c> id.</summary>
    public static IReadOnlyList<string> ValidateSecurityGroups(IReadOnlyList<string> securityGroups)
    {
        ArgumentNullException.ThrowIfNull(securityGroups);
        foreach (var group in securityGroups)
        {
            if (!SecurityGroupId().IsMatch(group ?? string.Empty))
            {
                throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.EniConfig.InvalidSecurityGroup,
                    $"'{group}' is not a security group id (sg- and 8 or 17 hexadecimal digits).");
            }
        }

        return securityGroups.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary><paramref name="subnet"/> checked to be a <c>subnet-</c> id.</summary>
    public static string ValidateSubnet(string subnet, string forName) =>
        SubnetId().IsMatch(subnet ?? string.Empty)
            ? subnet!
            : throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.EniConfig.InvalidSubnetMap,
                $"'{subnet}' for '{forName}' is not a subnet id (subnet- and 8 or 17 hexadecimal digits).");

    /// <summary>Whether <paramref name="name"/> is a Kubernetes object name (a DNS subdomain, RFC 1123).</summary>
    public static bool IsObjectName(string name) => name is { Length: > 0 and <= 253 } && ObjectName().IsMatch(name);

    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SecurityGroupId();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SubnetId();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex ObjectName();
}
