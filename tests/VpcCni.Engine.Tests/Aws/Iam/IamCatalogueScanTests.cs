using System.Text.RegularExpressions;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Aws.Iam;

namespace VpcCni.Engine.Tests.Aws.Iam;

/// <summary>
/// The catalogue cannot drift from the code: every SDK call of the EC2 adapter has its entry, and an
/// action is granted exactly when engine or service code outside the adapter calls it (scanning the
/// sources, as the Architecture tests do).
/// </summary>
public sealed partial class IamCatalogueScanTests
{
    /// <summary>Actions granted without a caller in this repository, each with why.</summary>
    private static readonly Dictionary<Ec2Action, string> GrantedWithoutDirectCall = new()
    {
        // IAM checks ec2:CreateTags for the TagSpecifications of CreateNetworkInterface (EC2 User Guide, "Grant permission to tag resources during creation").
        [Ec2Action.CreateTags] = "tag-on-create",

        // Upstream's IPv6 mode assigns the /80 prefix (pkg/awsutils/awsutils.go); the service has no IPv6 pool yet.
        [Ec2Action.AssignIpv6Addresses] = "IPv6 mode",
    };

    [Fact]
    public void TheCatalogueHasOneEntryPerEc2ActionInEnumOrder()
    {
        Assert.Equal(Enum.GetValues<Ec2Action>(), VpcCniIamCatalogue.All.Select(g => g.Action));
    }

    [Fact]
    public void EverySdkCallOfTheAdapterIsAnActionOfTheCatalogue()
    {
        var called = AdapterFiles().SelectMany(f => ClientCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(called);
        Assert.All(called, name => Assert.True(Enum.TryParse<Ec2Action>(name, out var action) && VpcCniIamCatalogue.All.Any(g => g.Action == action), $"_client.{name}Async has no catalogue entry"));
        Assert.All(VpcCniIamCatalogue.All, g => Assert.Contains(g.Action.ToString(), called));
    }

    [Fact]
    public void AnActionIsGrantedExactlyWhenCodeOutsideTheAdapterCallsIt()
    {
        var sources = CallerFiles().Select(File.ReadAllText).ToArray();

        foreach (var grant in VpcCniIamCatalogue.All)
        {
            var called = sources.Any(s => s.Contains("." + grant.Action + "Async(", StringComparison.Ordinal));
            var granted = grant.Families.Count > 0;
            if (GrantedWithoutDirectCall.ContainsKey(grant.Action))
            {
                Assert.True(granted && !called, $"{grant.Action} is listed as granted without a call, but granted={granted}, called={called}");
                continue;
            }

            Assert.True(called == granted, $"{grant.Action}: called by the engine or service = {called}, granted = {granted} ({grant.UsedBy})");
        }
    }

    [Fact]
    public void CreateTagsIsGrantedOnlyBecauseCreateNetworkInterfaceTagsInTheSameRequest()
    {
        var mutations = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src/VpcCni.Engine/Aws/SdkEc2Api.Mutations.cs"));

        Assert.Contains("TagSpecifications", mutations, StringComparison.Ordinal);
        Assert.Equal(Ec2Action.CreateNetworkInterface, VpcCniIamCatalogue.Get(Ec2Action.CreateTags).OnlyDuring);
        Assert.True(VpcCniIamCatalogue.Get(Ec2Action.CreateNetworkInterface).IsGrantedFor(IamIpFamily.IPv4));
    }

    private static IEnumerable<string> AdapterFiles() =>
        RepositoryFiles.Under("src/VpcCni.Engine/Aws", ".cs").Where(f => Path.GetFileName(f).StartsWith("SdkEc2Api", StringComparison.Ordinal));

    /// <summary>The node's code: the engine and the service, without the adapter, the port, and the checks' permission probes.</summary>
    private static IEnumerable<string> CallerFiles() =>
        RepositoryFiles.Under("src/VpcCni.Engine", ".cs").Concat(RepositoryFiles.Under("src/VpcCni.Service", ".cs"))
            .Where(f => !Path.GetFileName(f).StartsWith("SdkEc2Api", StringComparison.Ordinal)
                && Path.GetFileName(f) != "IEc2Api.cs"
                && !RepositoryFiles.Relative(f).StartsWith("src/VpcCni.Engine/Diagnostics/Checks/", StringComparison.Ordinal));

    [GeneratedRegex(@"_client\.(\w+)Async\(")]
    private static partial Regex ClientCall();
}
