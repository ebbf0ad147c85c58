using VpcCni.Engine.Errors;
using VpcCni.Engine.Manifests;
using VpcCni.Engine.SecurityGroups;

namespace VpcCni.Engine.Tests.Manifests;

/// <summary><see cref="SecurityGroupPolicyManifestReader"/>: SecurityGroupPolicy objects as kubectl takes them.</summary>
public class SecurityGroupPolicyManifestReaderTests
{
    private const string ByServiceAccount = """
        apiVersion: vpcresources.k8s.aws/v1beta1
        kind: SecurityGroupPolicy
        metadata:
          name: payments-by-account
          namespace: payments
        spec:
          serviceAccountSelector:
            matchLabels:
              team: payments
            matchExpressions:
              - key: environment
                operator: In
                values: [production, staging]
          securityGroups:
            groupIds:
              - sg-0aaaaaaaaaaaaaaaa
        """;

    [Fact]
    public void AServiceAccountSelectorIsReadWithItsLabelsAndExpressions()
    {
        var policy = Assert.Single(SecurityGroupPolicyManifestReader.Read(ByServiceAccount, "sa.yaml"));

        Assert.Equal(("payments", "payments-by-account"), (policy.Namespace, policy.Name));
        Assert.Null(policy.PodSelector);
        Assert.Equal("team=payments,environment in (production,staging)", policy.ServiceAccountSelector!.ToString());
        Assert.Equal(["sg-0aaaaaaaaaaaaaaaa"], policy.GroupIds);
    }

    [Fact]
    public void ThePolicySelectsAPodByItsServiceAccountsLabels()
    {
        var policies = SecurityGroupPolicyManifestReader.Read(ByServiceAccount, "sa.yaml");
        var pod = new SecurityGroupPolicySubject("payments", "api-0", new Dictionary<string, string>(), "payments-api",
            new Dictionary<string, string> { ["team"] = "payments", ["environment"] = "staging" });

        Assert.Equal(["sg-0aaaaaaaaaaaaaaaa"], SecurityGroupPolicyEvaluator.Evaluate(policies, pod).GroupIds);
    }

    [Fact]
    public void AnEmptySelectorIsKeptAsEmptyAndAMissingOneAsAbsent()
    {
        const string yaml = """
            apiVersion: vpcresources.k8s.aws/v1beta1
            kind: SecurityGroupPolicy
            metadata: {name: everyone}
            spec:
              podSelector: {}
              securityGroups: {groupIds: [sg-1]}
            """;

        var policy = Assert.Single(SecurityGroupPolicyManifestReader.Read(yaml, "all.yaml", defaultNamespace: "team-a"));

        Assert.Equal("team-a", policy.Namespace);
        Assert.True(policy.PodSelector!.IsEmpty);
        Assert.Null(policy.ServiceAccountSelector);
    }

    [Fact]
    public void AListAndJsonAreReadAndOtherKindsArePassedOver()
    {
        const string json = """
            {"apiVersion":"v1","kind":"List","items":[
              {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"x"}},
              {"apiVersion":"vpcresources.k8s.aws/v1beta1","kind":"SecurityGroupPolicy","metadata":{"name":"a","namespace":"n"},
               "spec":{"podSelector":{"matchExpressions":[{"key":"tier","operator":"Exists"}]},"securityGroups":{"groupIds":["sg-1","sg-2"]}}}]}
            """;

        var policy = Assert.Single(SecurityGroupPolicyManifestReader.Read(json, "list.json"));

        Assert.Equal("tier", policy.PodSelector!.ToString());
        Assert.Equal(["sg-1", "sg-2"], policy.GroupIds);
    }

    [Fact]
    public void AnInvalidOperatorIsKeptSoTheEvaluatorCanSayWhyItSelectsNothing()
    {
        const string yaml = """
            apiVersion: vpcresources.k8s.aws/v1beta1
            kind: SecurityGroupPolicy
            metadata: {name: typo, namespace: n}
            spec:
              podSelector:
                matchExpressions: [{key: tier, operator: in, values: [db]}]
              securityGroups: {groupIds: [sg-1]}
            """;

        var policy = Assert.Single(SecurityGroupPolicyManifestReader.Read(yaml, "typo.yaml"));

        Assert.Contains("operator 'in'", policy.PodSelector!.Problem(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key: [unclosed")]
    [InlineData("- just\n- a list")]
    [InlineData("apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata: {namespace: n}\nspec: {}")]
    [InlineData("apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata: {name: n}")]
    [InlineData("apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata: {name: n}\nspec: {podSelector: [a]}")]
    public void AManifestThatIsNotOneIsRefusedNamingTheSource(string yaml)
    {
        var error = Assert.Throws<VpcCniException>(() => SecurityGroupPolicyManifestReader.Read(yaml, "bad.yaml"));

        Assert.Equal(ErrorIds.SecurityGroupPolicy.InvalidManifest, error.ErrorId);
        Assert.Contains("bad.yaml", error.Message, StringComparison.Ordinal);
    }
}
