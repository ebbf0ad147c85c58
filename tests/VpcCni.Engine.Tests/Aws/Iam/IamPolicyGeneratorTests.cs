using System.Text.Json;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Aws.Iam;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Aws.Iam;

public sealed class IamPolicyGeneratorTests
{
    [Fact]
    public void TheIpv4PolicyGrantsExactlyTheCataloguedActionsAndDescribesOnlyOnStar()
    {
        var document = IamPolicyGenerator.Generate(new IamPolicyRequest());

        Assert.Equal(VpcCniIamCatalogue.ActionsFor(IamIpFamily.IPv4).Select(a => "ec2:" + a).Order(StringComparer.Ordinal), document.Actions);
        Assert.DoesNotContain("ec2:DescribeTags", document.Actions);
        Assert.DoesNotContain("ec2:DescribeSecurityGroups", document.Actions);
        Assert.All(document.Statement.Where(s => s.Resource.Contains("*")), s => Assert.All(s.Action, a => Assert.StartsWith("ec2:Describe", a, StringComparison.Ordinal)));
    }

    [Fact]
    public void CreateTagsIsAllowedOnlyOnNetworkInterfacesWhileCreatingThem()
    {
        var statement = IamPolicyGenerator.Generate(new IamPolicyRequest()).Statement.Single(s => s.Action.Contains("ec2:CreateTags"));

        Assert.Equal(["ec2:CreateTags"], statement.Action);
        Assert.Equal(["arn:aws:ec2:*:*:network-interface/*"], statement.Resource);
        Assert.Equal("CreateNetworkInterface", statement.Condition["StringEquals"]["ec2:CreateAction"]);
    }

    [Fact]
    public void WithAClusterNameCreatingNeedsTheTagAndChangingNeedsAnEniTaggedForTheCluster()
    {
        var document = IamPolicyGenerator.Generate(new IamPolicyRequest { ClusterName = "prod" });
        var key = "cluster.k8s.amazonaws.com/name";

        var create = document.Statement.Single(s => s.Action.Contains("ec2:CreateNetworkInterface") && s.Resource.Contains("arn:aws:ec2:*:*:network-interface/*"));
        Assert.Equal("prod", create.Condition["StringEquals"]["aws:RequestTag/" + key]);
        var delete = document.Statement.Single(s => s.Action.Contains("ec2:DeleteNetworkInterface"));
        Assert.Equal("prod", delete.Condition["StringEquals"]["aws:ResourceTag/" + key]);

        // The primary ENI is EC2's and untagged, yet its addresses go to pods.
        var assign = document.Statement.Single(s => s.Action.Contains("ec2:AssignPrivateIpAddresses"));
        Assert.Empty(assign.Condition);
    }

    [Fact]
    public void TheIpv6PolicyCreatesNoEniAndAssignsIpv6Addresses()
    {
        var document = IamPolicyGenerator.Generate(new IamPolicyRequest { IpFamily = IamIpFamily.IPv6 });

        Assert.Contains("ec2:AssignIpv6Addresses", document.Actions);
        Assert.DoesNotContain("ec2:CreateNetworkInterface", document.Actions);
        Assert.DoesNotContain("ec2:AssignPrivateIpAddresses", document.Actions);
    }

    [Fact]
    public void TheJsonIsAnIamDocumentWithVersionAndOneSidPerStatement()
    {
        var document = IamPolicyGenerator.Generate(new IamPolicyRequest { ClusterName = "a\"b", Partition = "aws-cn" });

        using var json = JsonDocument.Parse(document.ToJson());
        Assert.Equal("2012-10-17", json.RootElement.GetProperty("Version").GetString());
        var statements = json.RootElement.GetProperty("Statement").EnumerateArray().ToArray();
        Assert.Equal(document.Statement.Count, statements.Length);
        Assert.Equal(statements.Length, statements.Select(s => s.GetProperty("Sid").GetString()).Distinct().Count());
        Assert.All(statements.Select(s => s.GetProperty("Sid").GetString()!), sid => Assert.True(sid.All(char.IsAsciiLetterOrDigit), sid));
        Assert.Contains("arn:aws-cn:ec2:*:*:network-interface/*", document.ToJson(), StringComparison.Ordinal);
        Assert.Equal(2, json.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void ForActionsGivesOnlyTheStatementsOfTheDeniedAction()
    {
        var document = IamPolicyGenerator.ForActions([Ec2Action.DetachNetworkInterface], new IamPolicyRequest());

        Assert.Equal(["ec2:DetachNetworkInterface"], document.Actions);
    }

    [Theory]
    [InlineData("aws-", null)]
    [InlineData("azure", null)]
    [InlineData("aws", "bad\u0001name")]
    public void ABadPartitionOrClusterNameIsRefusedWithItsId(string partition, string? cluster)
    {
        var error = Assert.Throws<VpcCniException>(() => IamPolicyGenerator.Generate(new IamPolicyRequest { Partition = partition, ClusterName = cluster }));

        Assert.Equal(ErrorIds.Iam.InvalidPolicyRequest, error.ErrorId);
    }

    [Fact]
    public void AClusterNameLongerThanAnEc2TagValueIsRefused()
    {
        var error = Assert.Throws<VpcCniException>(() => IamPolicyGenerator.Generate(new IamPolicyRequest { ClusterName = new string('c', 257) }));

        Assert.Equal(VpcCniErrorCategory.InvalidArgument, error.Category);
    }

    [Theory]
    [InlineData(IamIpFamily.IPv4, null)]
    [InlineData(IamIpFamily.IPv4, "prod")]
    [InlineData(IamIpFamily.IPv6, null)]
    public void DocsIamShowsTheGeneratedPolicyVerbatim(IamIpFamily family, string? cluster)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs/iam.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        var json = IamPolicyGenerator.Generate(new IamPolicyRequest { IpFamily = family, ClusterName = cluster }).ToJson().Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains("```json\n" + json + "\n```", page, StringComparison.Ordinal);
    }
}
