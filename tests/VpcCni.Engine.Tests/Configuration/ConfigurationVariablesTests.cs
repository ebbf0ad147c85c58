using VpcCni.Engine.Configuration;

namespace VpcCni.Engine.Tests.Configuration;

public class ConfigurationVariablesTests
{
    [Fact]
    public void CatalogueListsEveryVariableOfReferenceSectionOneOnce()
    {
        Assert.Equal(59, ConfigurationVariables.All.Count);
        Assert.Equal(ConfigurationVariables.All.Count, ConfigurationVariables.All.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void EveryPublicNameConstantIsCatalogued()
    {
        var constants = typeof(VpcCniVariableNames).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(VpcCniVariableNames.EnableIpCooldownKey))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(constants, name => Assert.True(ConfigurationVariables.TryGetByName(name, out _), name));
    }

    [Theory]
    [InlineData("WARM_IP_TARGET", "warm-ip-target")]
    [InlineData("ENABLE_IPv6", "enable-ipv6")]
    [InlineData("AWS_VPC_K8S_CNI_EXTERNALSNAT", "aws-vpc-k8s-cni-externalsnat")]
    public void ConfigMapKeyIsTheLowerCasedNameWithHyphens(string name, string key)
    {
        Assert.Equal(key, ConfigurationVariables.Get(name).ConfigMapKey);
    }

    [Fact]
    public void OnlyRetiredSwitchesAreMarkedDeprecated()
    {
        Assert.Equal(
            [VpcCniVariableNames.ConfigureRpFilter, VpcCniVariableNames.EnableNftables],
            ConfigurationVariables.All.Where(v => v.IsDeprecated).Select(v => v.Name));
    }

    [Fact]
    public void KeysOwnedByOtherComponentsDoNotCollideWithOurKeys()
    {
        Assert.All(ConfigurationVariables.NotUsedByNodeKeys.Keys, key => Assert.False(ConfigurationVariables.TryGetByConfigMapKey(key, out _)));
    }

    [Fact]
    public void ReferenceDocumentListsEveryVariableAndConfigMapKey()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "configuration.md"));

        Assert.All(ConfigurationVariables.All, v =>
        {
            Assert.Contains($"`{v.Name}`", doc, StringComparison.Ordinal);
            Assert.Contains($"`{v.ConfigMapKey}`", doc, StringComparison.Ordinal);
        });
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VpcCni.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("VpcCni.sln not found above the test directory.");
    }
}
