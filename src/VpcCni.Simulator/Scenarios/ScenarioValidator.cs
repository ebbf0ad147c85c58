using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VpcCni.Engine.Limits;
using VpcCni.Simulator.Ec2;

namespace VpcCni.Simulator.Scenarios;

/// <summary>Checks a scenario field by field so a bad file fails with the field's path and the accepted range.</summary>
internal static class ScenarioValidator
{
    public static void Validate(Scenario s, string source)
    {
        void Fail(string field, string reason) => throw new ScenarioException(source, field, reason);

        if (string.IsNullOrWhiteSpace(s.Region))
        {
            Fail("region", "must be a region name such as us-west-2");
        }

        if (s.AccountId is not { Length: 12 } || !s.AccountId.All(char.IsAsciiDigit))
        {
            Fail("accountId", $"'{s.AccountId}' must be 12 digits");
        }

        if (s.Vpc is null || s.Vpc.CidrBlocks is not { Count: > 0 })
        {
            Fail("vpc.cidrBlocks", "must list at least one IPv4 CIDR block");
        }

        var vpcCidrs = s.Vpc!.CidrBlocks.Select((c, i) => ParseV4(c, $"vpc.cidrBlocks[{i}]", 16, 28, Fail)).ToList();
        IPNetwork? vpcV6 = s.Vpc.Ipv6CidrBlock is { } v6 ? ParseV6(v6, "vpc.ipv6CidrBlock", Fail) : null;
        CheckId(s.Vpc.Id, "vpc-", "vpc.id", Fail);
        if (s.Subnets is not { Count: > 0 })
        {
            Fail("subnets", "must list at least one subnet");
        }

        var subnetIds = new HashSet<string>(StringComparer.Ordinal);
        var seen = new List<(IPNetwork Cidr, int Index)>();
        for (var i = 0; i < s.Subnets!.Count; i++)
        {
            var subnet = s.Subnets[i];
            var at = $"subnets[{i}]";
            if (subnet.AvailabilityZone is not { } az || !az.StartsWith(s.Region, StringComparison.Ordinal) || az.Length != s.Region.Length + 1 || !char.IsAsciiLetterLower(az[^1]))
            {
                Fail($"{at}.availabilityZone", $"'{subnet.AvailabilityZone}' must be the region followed by one letter, e.g. {s.Region}a");
            }

            var cidr = ParseV4(subnet.CidrBlock, $"{at}.cidrBlock", 16, 28, Fail);
            if (!vpcCidrs.Any(v => v.Contains(cidr.BaseAddress) && v.PrefixLength <= cidr.PrefixLength))
            {
                Fail($"{at}.cidrBlock", $"'{cidr}' is not inside the VPC CIDR blocks ({string.Join(", ", vpcCidrs)})");
            }

            foreach (var (other, j) in seen)
            {
                if (other.Contains(cidr.BaseAddress) || cidr.Contains(other.BaseAddress))
                {
                    Fail($"{at}.cidrBlock", $"'{cidr}' overlaps subnets[{j}] ({other})");
                }
            }

            seen.Add((cidr, i));
            if (subnet.Ipv6CidrBlock is { } sv6)
            {
                var net = ParseV6(sv6, $"{at}.ipv6CidrBlock", Fail);
                if (net.PrefixLength != 64 || vpcV6 is not { } vv6 || !vv6.Contains(net.BaseAddress))
                {
                    Fail($"{at}.ipv6CidrBlock", $"'{sv6}' must be a /64 inside vpc.ipv6CidrBlock ({s.Vpc.Ipv6CidrBlock ?? "not set"})");
                }
            }

            CheckId(subnet.Id, "subnet-", $"{at}.id", Fail);
            if (subnet.Id is { } id && !subnetIds.Add(id))
            {
                Fail($"{at}.id", $"'{id}' is used twice");
            }
        }

        s.SecurityGroups ??= [];
        for (var i = 0; i < s.SecurityGroups.Count; i++)
        {
            CheckId(s.SecurityGroups[i].Id, "sg-", $"securityGroups[{i}].id", Fail);
            if (string.IsNullOrWhiteSpace(s.SecurityGroups[i].Name))
            {
                Fail($"securityGroups[{i}].name", "must not be empty");
            }
        }

        s.InstanceTypes ??= [];
        var extraTypes = ScenarioInstanceTypeValidator.Check(s.InstanceTypes, Fail);
        if (s.Instances is not { Count: > 0 })
        {
            Fail("instances", "must list at least one instance");
        }

        for (var i = 0; i < s.Instances!.Count; i++)
        {
            var instance = s.Instances[i];
            var at = $"instances[{i}]";
            if (!InstanceTypeCatalog.Embedded.TryGet(instance.InstanceType ?? string.Empty, out _) && !extraTypes.Contains(instance.InstanceType ?? string.Empty))
            {
                Fail($"{at}.instanceType", $"'{instance.InstanceType}' is not a known instance type (the engine's catalog has {InstanceTypeCatalog.Embedded.Count}, e.g. m5.large; declare others under instanceTypes)");
            }

            CheckId(instance.Id, "i-", $"{at}.id", Fail);
            if (instance.SubnetId is { } sid && !subnetIds.Contains(sid))
            {
                Fail($"{at}.subnetId", $"'{sid}' is not one of the scenario's subnet ids");
            }

            if (instance.SubnetId is null && !s.Subnets.Any(x => x.AvailabilityZone == (instance.AvailabilityZone ?? s.Subnets[0].AvailabilityZone)))
            {
                Fail($"{at}.availabilityZone", $"'{instance.AvailabilityZone}' has no subnet in the scenario");
            }

            if (instance.Netns is { } ns && (ns.Length == 0 || (!ns.Contains('/', StringComparison.Ordinal) && ns.Length > 255)))
            {
                Fail($"{at}.netns", "must be a namespace name or a path");
            }
        }

        CheckNonNegative(s.Delays?.AttachMs ?? 0, "delays.attachMs", Fail);
        CheckNonNegative(s.Delays?.DetachMs ?? 0, "delays.detachMs", Fail);
        CheckNonNegative(s.Imds?.AttachLagMs ?? 0, "imds.attachLagMs", Fail);
        CheckNonNegative(s.Imds?.IpLagMs ?? 0, "imds.ipLagMs", Fail);
        CheckNonNegative(s.Imds?.DetachLagMs ?? 0, "imds.detachLagMs", Fail);
        CheckNonNegative(s.EventualConsistency?.NetworkInterfaceNotFoundMs ?? 0, "eventualConsistency.networkInterfaceNotFoundMs", Fail);
        s.Delays ??= new ScenarioDelays();
        s.EventualConsistency ??= new ScenarioEventualConsistency();
        s.Imds ??= new ScenarioImds();
        s.Throttling ??= new ScenarioThrottling();
        if (s.Throttling.Multiplier is <= 0 or double.NaN)
        {
            Fail("throttling.multiplier", $"{s.Throttling.Multiplier.ToString(CultureInfo.InvariantCulture)} must be greater than 0");
        }

        foreach (var (action, bucket) in s.Throttling.Overrides ?? [])
        {
            if (!Ec2ActionRegistry.IsKnown(action))
            {
                Fail($"throttling.overrides.{action}", "is not an action the simulator serves");
            }

            if (bucket.Capacity < 1 || bucket.RefillPerSecond < 0)
            {
                Fail($"throttling.overrides.{action}", "needs capacity >= 1 and refillPerSecond >= 0");
            }
        }

        if (s.Authentication is { } auth)
        {
            if (auth.Credentials is not { Count: > 0 } || auth.Credentials.Exists(c => c is null || string.IsNullOrEmpty(c.AccessKeyId) || string.IsNullOrEmpty(c.SecretAccessKey)))
            {
                Fail("authentication.credentials", "must list at least one { accessKeyId, secretAccessKey } with both set");
            }

            if (auth.MaxClockSkewSeconds is < 1 or > 3600)
            {
                Fail("authentication.maxClockSkewSeconds", "must be between 1 and 3600");
            }
        }

        s.Faults ??= [];
        for (var i = 0; i < s.Faults.Count; i++)
        {
            FaultValidator.Check(s.Faults[i], $"faults[{i}]", Fail);
        }

        for (var i = 0; i < (s.AllowedActions?.Count ?? 0); i++)
        {
            if (!Ec2ActionRegistry.IsKnown(s.AllowedActions![i]))
            {
                Fail($"allowedActions[{i}]", $"'{s.AllowedActions[i]}' is not an action the simulator serves ({string.Join(", ", Ec2ActionRegistry.Names)})");
            }
        }

        if (s.MaxAddressesPerUnattachedEni is < 1 or > 1000)
        {
            Fail("maxAddressesPerUnattachedEni", "must be between 1 and 1000");
        }
    }

    private static IPNetwork ParseV4(string? text, string field, int min, int max, Action<string, string> fail)
    {
        if (!IPNetwork.TryParse(text ?? string.Empty, out var net) || net.BaseAddress.AddressFamily != AddressFamily.InterNetwork || net.PrefixLength < min || net.PrefixLength > max)
        {
            fail(field, $"'{text}' must be an IPv4 CIDR block between /{min} and /{max} with no host bits set");
        }

        return net;
    }

    private static IPNetwork ParseV6(string text, string field, Action<string, string> fail)
    {
        if (!IPNetwork.TryParse(text, out var net) || net.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
        {
            fail(field, $"'{text}' must be an IPv6 CIDR block with no host bits set");
        }

        return net;
    }

    private static void CheckId(string? id, string prefix, string field, Action<string, string> fail)
    {
        // An id the EC2 endpoint would answer as malformed could never be named by a client.
        if (id is not null && !Ec2Ids.IsWellFormed(id, prefix.TrimEnd('-')))
        {
            fail(field, $"'{id}' must be {prefix} followed by 8 or 17 lower-case hex digits");
        }
    }

    private static void CheckNonNegative(int value, string field, Action<string, string> fail)
    {
        if (value < 0)
        {
            fail(field, $"{value} must be 0 or more milliseconds");
        }
    }
}
