using VpcCni.Engine.Errors;
using VpcCni.Engine.Limits;

namespace VpcCni.Engine.Tests.Limits;

public class InstanceTypeCatalogTests
{
    [Fact]
    public void EmbeddedTableHoldsAll1391PublishedTypes()
    {
        Assert.Equal(1391, InstanceTypeCatalog.Embedded.Count);
    }

    [Fact]
    public void LookupReturnsDefaultCardLimitsAndEveryCard()
    {
        var trn1 = InstanceTypeCatalog.Embedded.Get("trn1.32xlarge");

        Assert.Equal(5, trn1.EniLimit);
        Assert.Equal(50, trn1.Ipv4PerEni);
        Assert.Equal(8, trn1.NetworkCards.Count);
        Assert.Equal(40, trn1.TotalEniLimit);
        Assert.Equal(5, trn1.EniLimitOfCard(7));
        Assert.Equal(0, trn1.EniLimitOfCard(8));
    }

    [Fact]
    public void LookupIgnoresCaseAndSurroundingSpace()
    {
        Assert.True(InstanceTypeCatalog.Embedded.TryGet(" M5.Large ", out var limits));
        Assert.Equal("m5.large", limits.InstanceType);
    }

    [Theory]
    [InlineData("m5.large", true)]      // nitro
    [InlineData("m4.4xlarge", false)]   // xen
    [InlineData("z1d.metal", true)]     // bare metal, hypervisor unknown
    public void PrefixDelegationNeedsNitroOrBareMetal(string type, bool supported)
    {
        Assert.Equal(supported, InstanceTypeCatalog.Embedded.Get(type).SupportsPrefixDelegation);
    }

    [Fact]
    public void UnknownTypeIsANotFoundErrorWithAStableId()
    {
        Assert.False(InstanceTypeCatalog.Embedded.TryGet("zz9.plural", out _));
        var ex = Assert.Throws<VpcCniException>(() => InstanceTypeCatalog.Embedded.Get("zz9.plural"));
        Assert.Equal("Capacity.UnknownInstanceType", ex.ErrorId);
        Assert.Equal(VpcCniErrorCategory.NotFound, ex.Category);
    }

    [Theory]
    [InlineData("p3.2xlarge", 8)]
    [InlineData("c7i.32xlarge", 128)]
    [InlineData("f1.16xlarge", 64)]
    [InlineData("u-6tb1.metal", InstanceTypeLimits.HighCpuThreshold + 1)]
    public void MissingVCpusAreDerivedFromTheSizeName(string type, int vcpus)
    {
        var limits = InstanceTypeCatalog.Embedded.Get(type);
        Assert.True(limits.VCpusAreDerived);
        Assert.Equal(vcpus, limits.EffectiveVCpus);
    }

    [Fact]
    public void SizeRuleFallsOnThePublishedSideOfTheCeilingThresholdForAllButTheDocumentedExceptions()
    {
        // The derived vCPUs only decide 110 vs 250, so what must hold is the side of the 30-vCPU
        // threshold. Checked against every type that has a published figure; the exceptions are
        // small Mac/Graviton metal hosts and one HPC size, none of which lacks a figure.
        var wrongSide = InstanceTypeCatalog.Embedded.All
            .Where(t => t.DefaultVCpus is { } v && (v > InstanceTypeLimits.HighCpuThreshold) != (InstanceTypeLimits.DeriveVCpusFromSize(t.InstanceType) > InstanceTypeLimits.HighCpuThreshold))
            .Select(t => t.InstanceType)
            .ToList();

        Assert.Equal(11, wrongSide.Count);
        Assert.All(wrongSide, t => Assert.True(t.StartsWith("mac", StringComparison.Ordinal) || t is "a1.metal" or "hpc7a.12xlarge", t));
        Assert.All(InstanceTypeCatalog.Embedded.All.Where(t => t.VCpusAreDerived), t => Assert.DoesNotContain(t.InstanceType, wrongSide));
    }

    [Fact]
    public void ParseRejectsARowWithTheWrongFieldCount()
    {
        var csv = "instance_type,eni_limit,ipv4_per_eni,default_network_card,network_cards,hypervisor,bare_metal,default_vcpus,ipv6_per_eni,memory_mib\nx.large,3,10\n";
        var ex = Assert.Throws<FormatException>(() => InstanceTypeCatalog.Parse(new StringReader(csv)));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }
}
