using VpcCni.Engine.Errors;
using VpcCni.Engine.Manifests;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary><see cref="EniConfigsPerZone"/> and <see cref="EniConfigManifestWriter"/>: one ENIConfig per zone, written as the guide writes them.</summary>
public class EniConfigsPerZoneTests
{
    private static readonly Dictionary<string, string> Zones = new()
    {
        ["us-west-2b"] = "subnet-0fedcba9876543210",
        ["us-west-2a"] = "subnet-0123456789abcdef0",
    };

    [Fact]
    public void EachZoneNamesOneEniConfigWithItsSubnetAndTheGroupsInZoneOrder()
    {
        var configs = EniConfigsPerZone.Build(Zones, ["sg-0123456789abcdef0", "sg-0123456789abcdef0"]);

        Assert.Equal(["us-west-2a", "us-west-2b"], configs.Select(c => c.Name));
        Assert.Equal("subnet-0123456789abcdef0", configs[0].Subnet);
        Assert.Equal(["sg-0123456789abcdef0"], configs[1].SecurityGroups);
    }

    [Fact]
    public void TheYamlReadsBackAsTheSameEniConfigs()
    {
        var configs = EniConfigsPerZone.Build(Zones, ["sg-0123456789abcdef0", "sg-0fedcba9876543210"]);

        var yaml = EniConfigManifestWriter.ToYaml(configs);

        Assert.Equal(configs, EniConfigManifestReader.Read(yaml, "written"), new EniConfigComparer());
        Assert.StartsWith("apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata:\n  name: us-west-2a\nspec:\n  subnet: subnet-0123456789abcdef0\n  securityGroups:\n  - sg-0123456789abcdef0\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutGroupsTheYamlHasNoSecurityGroupsField()
    {
        var yaml = EniConfigManifestWriter.ToYaml(EniConfigsPerZone.Build(Zones, []));

        Assert.DoesNotContain("securityGroups", yaml, StringComparison.Ordinal);
        Assert.Empty(EniConfigManifestReader.Read(yaml, "written")[0].SecurityGroups);
    }

    [Theory]
    [InlineData("US-WEST-2A", "subnet-0123456789abcdef0", "EniConfig.InvalidSubnetMap")]
    [InlineData("us-west-2a", "vpc-0123456789abcdef0", "EniConfig.InvalidSubnetMap")]
    [InlineData("us-west-2a", "subnet-012", "EniConfig.InvalidSubnetMap")]
    [InlineData("us west", "subnet-0123456789abcdef0", "EniConfig.InvalidSubnetMap")]
    public void AZoneThatCannotNameAnObjectOrAValueThatIsNotASubnetIsRefused(string zone, string subnet, string id)
    {
        var error = Assert.Throws<VpcCniException>(() => EniConfigsPerZone.Build(new Dictionary<string, string> { [zone] = subnet }, []));

        Assert.Equal((id, VpcCniErrorCategory.InvalidArgument), (error.ErrorId, error.Category));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("sg-12")]
    [InlineData("SG-0123456789ABCDEF0")]
    public void AGroupThatIsNotAnSgIdIsRefused(string group)
    {
        var error = Assert.Throws<VpcCniException>(() => EniConfigsPerZone.Build(Zones, [group]));

        Assert.Equal(ErrorIds.EniConfig.InvalidSecurityGroup, error.ErrorId);
    }

    [Fact]
    public void AnEmptyMapIsRefused()
    {
        Assert.Equal(ErrorIds.EniConfig.InvalidSubnetMap, Assert.Throws<VpcCniException>(() => EniConfigsPerZone.Build(new Dictionary<string, string>(), [])).ErrorId);
    }

    [Fact]
    public void AMergePatchNamesOnlyTheFieldsGiven()
    {
        Assert.Equal("""{"spec":{"subnet":"subnet-1"}}""", EniConfigManifestWriter.ToMergePatch("subnet-1", null));
        Assert.Equal("""{"spec":{"securityGroups":[]}}""", EniConfigManifestWriter.ToMergePatch(null, []));
    }
}
