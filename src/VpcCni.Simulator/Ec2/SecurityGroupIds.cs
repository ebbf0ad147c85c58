namespace VpcCni.Simulator.Ec2;

/// <summary>Validates a <c>SecurityGroupId.N</c> list: every group exists, at most 5 per ENI (the default quota).</summary>
internal static class SecurityGroupIds
{
    public const int PerInterfaceLimit = 5;

    public static List<string> Parse(Ec2Call call, List<string> ids)
    {
        var groups = ids.Distinct(StringComparer.Ordinal).Select(Ec2Ids.Group).ToList();
        if (groups.FirstOrDefault(id => call.World.SecurityGroup(id) is null) is { } missing)
        {
            throw Ec2Exception.GroupNotFound(missing);
        }

        if (groups.Count > PerInterfaceLimit)
        {
            throw new Ec2Exception("SecurityGroupsPerInterfaceLimitExceeded", $"The maximum number of security groups per interface ({PerInterfaceLimit}) has been reached.");
        }

        return groups;
    }
}
