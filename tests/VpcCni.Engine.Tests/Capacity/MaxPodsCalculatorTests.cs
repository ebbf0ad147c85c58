using System.Globalization;
using VpcCni.Engine.Capacity;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Capacity;

public class MaxPodsCalculatorTests
{
    private static readonly MaxPodsCalculator Calculator = MaxPodsCalculator.Default;

    private static MaxPodsResult Calc(string type, bool pd = false, bool custom = false, int? maxEni = null, string? cni = null, bool raw = false) =>
        Calculator.Calculate(new MaxPodsRequest
        {
            InstanceType = type,
            PrefixDelegation = pd,
            CustomNetworking = custom,
            MaxEni = maxEni,
            CniVersion = cni,
            ShowMaxAllowed = raw,
        });

    [Theory]
    [InlineData("m5.large", 29)]
    [InlineData("t3.micro", 4)]
    [InlineData("t3.medium", 17)]
    [InlineData("m5.xlarge", 58)]
    [InlineData("c5.4xlarge", 234)]
    [InlineData("m4.4xlarge", 234)]
    [InlineData("m5.24xlarge", 737)]
    [InlineData("p4d.24xlarge", 737)]
    [InlineData("trn1.32xlarge", 247)]
    public void RawFigureMatchesUpstreamEniMaxPods(string type, int expected)
    {
        Assert.Equal(expected, Calc(type).RawMaxPods);
        Assert.Equal(expected, Calc(type, raw: true).MaxPods);
    }

    [Theory]
    [InlineData("m5.large", 29, 110)]        // 2 vCPUs: below the 110 ceiling
    [InlineData("c5.4xlarge", 110, 110)]     // 16 vCPUs: 234 capped at 110
    [InlineData("m5.24xlarge", 250, 250)]    // 96 vCPUs: 737 capped at 250
    [InlineData("trn1.32xlarge", 247, 250)]  // 128 vCPUs: under the 250 ceiling
    public void CappedFigureAppliesTheVCpuCeiling(string type, int expected, int ceiling)
    {
        var result = Calc(type);
        Assert.Equal(ceiling, result.Ceiling);
        Assert.Equal(expected, result.CappedMaxPods);
        Assert.Equal(expected, result.MaxPods);
    }

    [Fact]
    public void PrefixDelegationOnM5LargeGives434CappedTo110()
    {
        var result = Calc("m5.large", pd: true, cni: "1.18.3");
        Assert.Equal(PrefixDelegationMode.Applied, result.PrefixDelegationMode);
        Assert.Equal(434, result.RawMaxPods);
        Assert.Equal(110, result.MaxPods);
        Assert.Equal(16, result.AddressesPerSlot);
        Assert.Equal(432, result.PodAddressCapacity);
    }

    [Fact]
    public void PrefixDelegationOnXenTypeFallsBackToSecondaryIps()
    {
        var result = Calc("m4.4xlarge", pd: true);
        Assert.Equal(PrefixDelegationMode.NotSupportedByInstanceType, result.PrefixDelegationMode);
        Assert.False(result.PrefixDelegationApplied);
        Assert.Equal(234, result.RawMaxPods);
        Assert.Contains(result.Notes, n => n.Contains("not applicable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.8.0", PrefixDelegationMode.NotSupportedByCniVersion, 29)]
    [InlineData("v1.8.4-eksbuild.1", PrefixDelegationMode.NotSupportedByCniVersion, 29)]
    [InlineData("1.9.0", PrefixDelegationMode.Applied, 434)]
    [InlineData("v1.19.2-eksbuild.1", PrefixDelegationMode.Applied, 434)]
    [InlineData("2.0", PrefixDelegationMode.Applied, 434)]
    public void PrefixDelegationCountsOnlyFromCni190(string cni, PrefixDelegationMode mode, int raw)
    {
        var result = Calc("m5.large", pd: true, cni: cni);
        Assert.Equal(mode, result.PrefixDelegationMode);
        Assert.Equal(raw, result.RawMaxPods);
    }

    [Fact]
    public void BareMetalTypeSupportsPrefixDelegation()
    {
        Assert.Equal(PrefixDelegationMode.Applied, Calc("z1d.metal", pd: true).PrefixDelegationMode);
    }

    [Fact]
    public void CustomNetworkingLeavesThePrimaryEniOut()
    {
        var result = Calc("m5.large", custom: true);
        Assert.Equal(2, result.EnisUsed);
        Assert.Equal(20, result.RawMaxPods); // (3 − 1) × 9 + 2
    }

    [Fact]
    public void MaxEniCapsEnisBeforeCustomNetworking()
    {
        var result = Calc("m5.xlarge", custom: true, maxEni: 3);
        Assert.Equal(4, result.EniLimit);
        Assert.Equal(2, result.EnisUsed);
        Assert.Equal(30, result.RawMaxPods); // (min(3,4) − 1) × 14 + 2
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10)]
    public void MaxEniBelowOneOrAboveTheLimitChangesNothing(int maxEni)
    {
        Assert.Equal(3, Calc("m5.large", maxEni: maxEni).EnisUsed);
    }

    [Fact]
    public void SingleEniTypeWithCustomNetworkingLeavesOnlyHostNetworkPods()
    {
        Assert.Equal(2, Calc("m5.large", custom: true, maxEni: 1).RawMaxPods);
    }

    [Theory]
    [InlineData(30, 110)]
    [InlineData(31, 250)]
    [InlineData(1, 110)]
    public void CeilingIs110UpTo30VCpusAnd250Above(int vcpus, int ceiling)
    {
        Assert.Equal(ceiling, MaxPodsCalculator.CeilingFor(vcpus));
    }

    [Fact]
    public void DerivedVCpusAreReported()
    {
        var result = Calc("p3.2xlarge");
        Assert.True(result.VCpusDerived);
        Assert.Equal(8, result.VCpus);
        Assert.Contains(result.Notes, n => n.Contains("derived", StringComparison.Ordinal));
        Assert.False(Calc("m5.large").VCpusDerived);
    }

    [Fact]
    public void UnknownTypeWithoutLimitsSurfacesUnknownInstanceType()
    {
        var ex = Assert.Throws<VpcCniException>(() => Calc("zz9.plural"));
        Assert.Equal("Capacity.UnknownInstanceType", ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.NotFound, ex.Category);
    }

    [Fact]
    public void ExplicitLimitsCalculateForAnUnknownType()
    {
        var result = Calculator.Calculate(new MaxPodsRequest { InstanceType = "zz9.4xlarge", EniLimit = 8, Ipv4PerEni = 30 });
        Assert.Equal(LimitsSource.Explicit, result.LimitsSource);
        Assert.Equal(234, result.RawMaxPods);
        Assert.Equal(16, result.VCpus); // derived from "4xlarge"
        Assert.True(result.VCpusDerived);
        Assert.Equal(110, result.MaxPods);
    }

    [Fact]
    public void ExplicitLimitsWithoutATypeUseTheGivenVCpus()
    {
        var result = Calculator.Calculate(new MaxPodsRequest { EniLimit = 15, Ipv4PerEni = 50, VCpus = 96 });
        Assert.Null(result.InstanceType);
        Assert.Equal(737, result.RawMaxPods);
        Assert.Equal(250, result.MaxPods);
        Assert.False(result.VCpusDerived);
    }

    [Fact]
    public void ExplicitFigureOverridesTheTableAndSaysSo()
    {
        var result = Calculator.Calculate(new MaxPodsRequest { InstanceType = "m5.large", EniLimit = 2 });
        Assert.Equal(LimitsSource.BuiltInTableWithOverrides, result.LimitsSource);
        Assert.Equal(20, result.RawMaxPods);
        var same = Calculator.Calculate(new MaxPodsRequest { InstanceType = "m5.large", EniLimit = 3, Ipv4PerEni = 10 });
        Assert.Equal(LimitsSource.BuiltInTable, same.LimitsSource);
    }

    [Fact]
    public void ExplicitXenFlagTurnsPrefixDelegationOff()
    {
        var result = Calculator.Calculate(new MaxPodsRequest { EniLimit = 3, Ipv4PerEni = 10, SupportsPrefixDelegation = false, PrefixDelegation = true });
        Assert.Equal(PrefixDelegationMode.NotSupportedByInstanceType, result.PrefixDelegationMode);
    }

    [Theory]
    [InlineData(null, null, "Capacity.MissingInstanceLimits")]
    [InlineData(0, 10, "Capacity.InvalidInstanceLimit")]
    [InlineData(3, 5000, "Capacity.InvalidInstanceLimit")]
    public void BadLimitsAreRefusedWithAStableId(int? enis, int? ips, string errorId)
    {
        var ex = Assert.Throws<VpcCniException>(() => Calculator.Calculate(new MaxPodsRequest { EniLimit = enis, Ipv4PerEni = ips }));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.InvalidArgument, ex.Category);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("1")]
    [InlineData("")]
    public void BadCniVersionIsRefused(string cni)
    {
        var ex = Assert.Throws<VpcCniException>(() => Calc("m5.large", pd: true, cni: cni));
        Assert.Equal("Capacity.InvalidCniVersion", ex.ErrorId);
        Assert.Contains(cni, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPublishedTypeAgreesWithTheFormulaOverTheCsvFields()
    {
        var rows = PublishedRows().ToList();
        Assert.Equal(1391, rows.Count);
        foreach (var (type, enis, ips, vcpus) in rows)
        {
            var expectedRaw = (enis * (ips - 1)) + 2;
            var result = Calc(type);
            Assert.True(expectedRaw == result.RawMaxPods, $"{type}: expected {expectedRaw}, calculator gave {result.RawMaxPods}");
            if (vcpus is { } v)
            {
                Assert.Equal(Math.Min(expectedRaw, v > 30 ? 250 : 110), result.CappedMaxPods);
            }
        }
    }

    [Fact]
    public void ResolvedLimitsStandInForTheTableAndSayEc2()
    {
        var zz = new VpcCni.Engine.Limits.InstanceTypeLimits { InstanceType = "zz1.large", EniLimit = 4, Ipv4PerEni = 12, Hypervisor = "nitro", DefaultVCpus = 2 };

        var plain = Calculator.Calculate(new MaxPodsRequest { ResolvedLimits = zz });
        var overridden = Calculator.Calculate(new MaxPodsRequest { InstanceType = "zz1.large", ResolvedLimits = zz, EniLimit = 2 });

        Assert.Equal("zz1.large", plain.InstanceType);
        Assert.Equal((4 * 11) + 2, plain.RawMaxPods);
        Assert.Equal(LimitsSource.Ec2, plain.LimitsSource);
        Assert.Equal((2 * 11) + 2, overridden.RawMaxPods);
        Assert.Equal(LimitsSource.Ec2WithOverrides, overridden.LimitsSource);
    }

    /// <summary>Reads the shipped CSV directly, independent of the catalog's own parser.</summary>
    internal static IEnumerable<(string Type, int Enis, int Ips, int? VCpus)> PublishedRows()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VpcCni.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "src/VpcCni.Engine/Limits/instance-types.csv"));
        foreach (var line in lines.Where(l => l.Length > 0 && l[0] != '#').Skip(1))
        {
            var f = line.Split(',');
            yield return (f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
                f[7].Length == 0 ? null : int.Parse(f[7], CultureInfo.InvariantCulture));
        }
    }
}
