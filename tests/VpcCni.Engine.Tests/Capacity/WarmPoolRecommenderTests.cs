using VpcCni.Engine.Capacity;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Capacity;

public class WarmPoolRecommenderTests
{
    private static WarmPoolRecommendation Recommend(string type, int pods, int burst, bool pd = false) =>
        WarmPoolRecommender.Default.Recommend(new WarmPoolRequest
        {
            Instance = new MaxPodsRequest { InstanceType = type, PrefixDelegation = pd },
            PodsPerNode = pods,
            ScaleUpPods = burst,
        });

    [Fact]
    public void GuideExampleGivesWarm30Minimum80Eni1()
    {
        var r = Recommend("m5.2xlarge", 50, 20);
        Assert.Equal(30, r.WarmIpTarget);
        Assert.Equal(80, r.MinimumIpTarget);
        Assert.Equal(1, r.WarmEniTarget);
    }

    [Fact]
    public void GuideExampleExceedsWhatM52xlargeHoldsInSecondaryIpMode()
    {
        // m5.2xlarge: 4 ENIs × (15 − 1) = 56 pod addresses, max pods 58; the guide's MINIMUM_IP_TARGET is 80.
        var r = Recommend("m5.2xlarge", 50, 20);
        Assert.Equal(56, r.PodAddressCapacity);
        Assert.Equal(58, r.MaxPods);
        Assert.False(r.FitsInstance);
        Assert.Contains(r.Warnings, w => w.Contains("MINIMUM_IP_TARGET 80 exceeds the 56", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Contains("burst (70) exceed max pods 58", StringComparison.Ordinal));
    }

    [Fact]
    public void PrefixDelegationMakesTheGuideExampleFitAndCountsPrefixes()
    {
        var r = Recommend("m5.2xlarge", 50, 20, pd: true);
        Assert.True(r.PrefixDelegation);
        Assert.Equal(896, r.PodAddressCapacity);   // 4 × 14 × 16
        Assert.Equal(5, r.MinimumPrefixes);          // ceil(80 / 16)
        Assert.Equal(110, r.MaxPods);
        Assert.True(r.FitsInstance);
        Assert.Equal("true", r.ConfigMapData["enable-prefix-delegation"]);
    }

    [Fact]
    public void PodsBeyondMaxPodsAreWarnedAbout()
    {
        var r = Recommend("t3.medium", 20, 0);
        Assert.Contains(r.Warnings, w => w.Contains("20 pods per node exceed max pods 17", StringComparison.Ordinal));
    }

    [Fact]
    public void SmallWorkloadFitsWithoutWarnings()
    {
        var r = Recommend("m5.xlarge", 20, 5);
        Assert.True(r.FitsInstance);
        Assert.Empty(r.Warnings);
        Assert.Null(r.MinimumPrefixes);
    }

    [Fact]
    public void ConfigMapAndEnvironmentCarryTheSameValues()
    {
        var r = Recommend("m5.xlarge", 20, 5);
        Assert.Equal(
            new Dictionary<string, string> { ["warm-ip-target"] = "15", ["minimum-ip-target"] = "35", ["warm-eni-target"] = "1" },
            r.ConfigMapData);
        Assert.Equal(
            new Dictionary<string, string> { ["WARM_IP_TARGET"] = "15", ["MINIMUM_IP_TARGET"] = "35", ["WARM_ENI_TARGET"] = "1" },
            r.EnvironmentVariables);
    }

    [Fact]
    public void ReasoningExplainsEachFigure()
    {
        var r = Recommend("m5.xlarge", 20, 5);
        Assert.Contains(r.Reasoning, l => l.StartsWith("WARM_IP_TARGET = scale-up burst 5 + buffer 10 = 15", StringComparison.Ordinal));
        Assert.Contains(r.Reasoning, l => l.StartsWith("MINIMUM_IP_TARGET = pods per node 20 + WARM_IP_TARGET 15 = 35", StringComparison.Ordinal));
        Assert.Contains(r.Reasoning, l => l.Contains("ignores it", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowMaxAllowedOnTheInstanceDoesNotLiftTheChecksAboveKubeletsCap()
    {
        var r = WarmPoolRecommender.Default.Recommend(new WarmPoolRequest
        {
            Instance = new MaxPodsRequest { InstanceType = "m5.24xlarge", ShowMaxAllowed = true },
            PodsPerNode = 300,
            ScaleUpPods = 0,
        });
        Assert.Equal(250, r.MaxPods);
        Assert.NotEmpty(r.Warnings);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(10, -1)]
    public void OutOfRangeWorkloadIsRefused(int pods, int burst)
    {
        var ex = Assert.Throws<VpcCniException>(() => Recommend("m5.large", pods, burst));
        Assert.Equal("Capacity.InvalidWorkload", ex.ErrorId);
    }

    [Fact]
    public void UnknownTypeSurfacesUnknownInstanceType()
    {
        var ex = Assert.Throws<VpcCniException>(() => Recommend("zz9.plural", 10, 5));
        Assert.Equal("Capacity.UnknownInstanceType", ex.ErrorId);
    }
}
