using VpcCni.Engine.Aws;
using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Tests.Ipam.Placement;

public sealed class SubnetDiscoveryTests
{
    private const string Primary = "subnet-0000000000000a001";

    [Fact]
    public void CandidatesAreThePrimarySubnetAndTheTaggedOnesMostFreeAddressesFirst()
    {
        Ec2Subnet[] subnets =
        [
            Subnet(Primary, 200),
            Subnet("subnet-0000000000000a002", 4000, "1"),
            Subnet("subnet-0000000000000a003", 9000),
            Subnet("subnet-0000000000000a004", 16000, "0"),
            Subnet("subnet-0000000000000a005", 500, "1"),
            Subnet("subnet-0000000000000a006", 7000, "yes"),
        ];

        var candidates = SubnetDiscovery.Candidates(subnets, Primary);

        Assert.Equal(["subnet-0000000000000a002", "subnet-0000000000000a005", Primary], candidates.Select(s => s.SubnetId));
    }

    [Fact]
    public void AnExcludedPrimarySubnetIsNoCandidate()
    {
        var candidates = SubnetDiscovery.Candidates([Subnet(Primary, 9000, "0"), Subnet("subnet-0000000000000a002", 10, "1")], Primary);

        Assert.Equal(["subnet-0000000000000a002"], candidates.Select(s => s.SubnetId));
        Assert.Empty(SubnetDiscovery.Candidates([Subnet(Primary, 9000, "0")], Primary));
    }

    [Fact]
    public void OnATieThePrimarySubnetComesFirstThenSubnetIdsInOrder()
    {
        var candidates = SubnetDiscovery.Candidates(
            [Subnet("subnet-0000000000000a009", 100, "1"), Subnet("subnet-0000000000000a002", 100, "1"), Subnet(Primary, 100)], Primary);

        Assert.Equal([Primary, "subnet-0000000000000a002", "subnet-0000000000000a009"], candidates.Select(s => s.SubnetId));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1", false)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void OnlyTheValueZeroExcludesASubnet(string? value, bool excluded) =>
        Assert.Equal(excluded, SubnetDiscovery.IsExcluded(Subnet(Primary, 1, value)));

    private static Ec2Subnet Subnet(string id, int free, string? role = null) => new()
    {
        SubnetId = id,
        AvailableIpAddressCount = free,
        Tags = role is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [SubnetDiscovery.RoleTag] = role },
    };
}
