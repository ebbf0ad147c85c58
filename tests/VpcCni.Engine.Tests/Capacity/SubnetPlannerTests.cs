using VpcCni.Engine.Capacity;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Capacity;

public class SubnetPlannerTests
{
    private static readonly SubnetPlanner Planner = SubnetPlanner.Default;

    private static SubnetPlan GuideExample(bool pd = false) => Planner.Plan(new SubnetPlanRequest
    {
        PodsPerNode = 110,
        NodesPerAz = 50,
        GrowthFactor = 2.0m,
        PrefixLength = 20,
        AvailabilityZoneCount = 3,
        PrefixDelegation = pd,
    });

    [Fact]
    public void GuideExampleReproducesItsFigures()
    {
        var plan = GuideExample();
        Assert.Equal(11_000, plan.RequiredAddressesPerAz);
        Assert.Equal(4096, plan.Subnets[0].Addresses);
        Assert.Equal(12_288, plan.TotalAddresses);
        Assert.Equal(3, plan.AvailabilityZoneCount);
        Assert.Equal(33_000, plan.RequiredAddressesTotal);
    }

    [Fact]
    public void GuideExampleDoesNotFitPerAzAndRecommendsSlash18()
    {
        // The guide compares 11,000 (one AZ's need) with 12,288 (all AZs); per AZ a /20 holds 4,091.
        var plan = GuideExample();
        Assert.Equal(4091, plan.Subnets[0].UsableAddresses);
        Assert.False(plan.Fits);
        Assert.Equal(4091 - 11_000, plan.MinimumHeadroom);
        Assert.Equal(18, plan.RecommendedPrefixLength);   // /19 holds 8,187, /18 holds 16,379
        Assert.Contains("/18 per AZ", plan.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixDelegationCountsWholeAlignedSlash28Blocks()
    {
        var plan = GuideExample(pd: true);
        var az = plan.Subnets[0];
        Assert.Equal(7, plan.PrefixBlocksPerNode);          // ceil(110 / 16)
        Assert.Equal(700, az.PrefixBlocksNeeded);           // 7 × 50 × 2.0
        Assert.Equal(254, az.WholePrefixBlocks);            // 256 blocks in a /20, first and last spoiled
        Assert.Equal(2, az.PrefixBlocksLostToReservedAddresses);
        Assert.Equal(-446, az.PrefixBlockHeadroom);
        Assert.False(plan.Fits);
        Assert.Equal(18, plan.RecommendedPrefixLength);     // /19 has 510 whole blocks, /18 has 1,022
    }

    [Fact]
    public void Slash28HasNoWholeBlockBecauseBothReservedEndsFallInIt()
    {
        var plan = Planner.Plan(new SubnetPlanRequest { PodsPerNode = 1, NodesPerAz = 1, PrefixLength = 28, AvailabilityZoneCount = 1, PrefixDelegation = true });
        Assert.Equal(0, plan.Subnets[0].WholePrefixBlocks);
        Assert.Equal(1, plan.Subnets[0].PrefixBlocksLostToReservedAddresses);
        Assert.False(plan.Fits);
        Assert.Equal(26, plan.RecommendedPrefixLength);     // a /27's two blocks are both spoiled too
    }

    [Fact]
    public void FittingPlanReportsHeadroomAndTheSmallestFittingSize()
    {
        var plan = Planner.Plan(new SubnetPlanRequest { PodsPerNode = 29, NodesPerAz = 10, PrefixLength = 20 });
        Assert.True(plan.Fits);
        Assert.Equal(3, plan.AvailabilityZoneCount);
        Assert.Equal(4091 - 290, plan.MinimumHeadroom);
        Assert.Equal(23, plan.RecommendedPrefixLength);     // /23 holds 507, /24 holds 251
        Assert.StartsWith("Fits", plan.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void CidrPerAzIsCheckedOneByOne()
    {
        var plan = Planner.Plan(new SubnetPlanRequest
        {
            PodsPerNode = 110,
            NodesPerAz = 30,
            Cidrs = [SubnetPlanner.ParseCidr("10.0.16.0/20"), SubnetPlanner.ParseCidr("10.0.32.0/22")],
        });
        Assert.Equal(2, plan.AvailabilityZoneCount);
        Assert.True(plan.Subnets[0].Fits);
        Assert.False(plan.Subnets[1].Fits);
        Assert.Equal("10.0.32.0/22", plan.Subnets[1].Subnet);
        Assert.False(plan.Fits);
        Assert.Equal(4096 + 1024, plan.TotalAddresses);
    }

    [Fact]
    public void InstanceMaxPodsStandsInForPodsPerNode()
    {
        var plan = Planner.Plan(new SubnetPlanRequest
        {
            Instance = new MaxPodsRequest { InstanceType = "m5.large", PrefixDelegation = true },
            NodesPerAz = 10,
            PrefixLength = 24,
        });
        Assert.Equal(110, plan.PodsPerNode);
        Assert.True(plan.PrefixDelegation);
        Assert.Equal("m5.large", plan.InstanceType);
        Assert.Equal(70, plan.Subnets[0].PrefixBlocksNeeded);
    }

    [Fact]
    public void GrowthFactorRoundsUp()
    {
        var plan = Planner.Plan(new SubnetPlanRequest { PodsPerNode = 17, NodesPerAz = 3, GrowthFactor = 1.1m, PrefixLength = 24 });
        Assert.Equal(57, plan.RequiredAddressesPerAz);      // 56.1 → 57
    }

    [Theory]
    [InlineData(15)]
    [InlineData(29)]
    public void PrefixLengthOutsideVpcSubnetSizesIsRefused(int length)
    {
        var ex = Assert.Throws<VpcCniException>(() => Planner.Plan(new SubnetPlanRequest { PodsPerNode = 10, NodesPerAz = 1, PrefixLength = length }));
        Assert.Equal("Capacity.InvalidSubnetPrefixLength", ex.ErrorId);
        Assert.Contains("/16–/28", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.16.5/20")]
    [InlineData("2001:db8::/56")]
    [InlineData("banana")]
    public void BadCidrIsRefused(string cidr)
    {
        var ex = Assert.Throws<VpcCniException>(() => SubnetPlanner.ParseCidr(cidr));
        Assert.Equal("Capacity.InvalidSubnetCidr", ex.ErrorId);
    }

    [Fact]
    public void MissingSubnetSizeOrPodsIsRefused()
    {
        Assert.Equal("Capacity.InvalidWorkload", Assert.Throws<VpcCniException>(() => Planner.Plan(new SubnetPlanRequest { PodsPerNode = 10, NodesPerAz = 1 })).ErrorId);
        Assert.Equal("Capacity.InvalidWorkload", Assert.Throws<VpcCniException>(() => Planner.Plan(new SubnetPlanRequest { NodesPerAz = 1, PrefixLength = 20 })).ErrorId);
        Assert.Equal("Capacity.InvalidWorkload", Assert.Throws<VpcCniException>(() => Planner.Plan(new SubnetPlanRequest { PodsPerNode = 10, NodesPerAz = 1, PrefixLength = 20, GrowthFactor = 0m })).ErrorId);
    }
}
