using VpcCni.Engine.SecurityGroups;

namespace VpcCni.Engine.Tests.SecurityGroups;

/// <summary><see cref="SecurityGroupPolicyEvaluator"/>: the resource controller's rules for which policies select a pod.</summary>
public class SecurityGroupPolicyEvaluatorTests
{
    private static readonly LabelSelector DatabaseClients = Labels(("app", "database-client"));
    private static readonly LabelSelector PaymentsAccounts = Labels(("team", "payments"));
    private static readonly LabelSelector BrokenSelector = new(new Dictionary<string, string>(), [new LabelSelectorRequirement("tier", "In", [])]);

    private static readonly SecurityGroupPolicySubject Pod = new(
        "production", "database-client-7d9f", new Dictionary<string, string> { ["app"] = "database-client" },
        "payments-sa", new Dictionary<string, string> { ["team"] = "payments" });

    // Pod selector, service-account selector, expected verdict: the table of upstream filterPodSecurityGroups.
    public static TheoryData<string, LabelSelector?, LabelSelector?, bool> Table => new()
    {
        { "pod selector that matches", DatabaseClients, null, true },
        { "pod selector that does not match", Labels(("app", "web")), null, false },
        { "empty pod selector", LabelSelector.Everything, null, true },
        { "service-account selector that matches", null, PaymentsAccounts, true },
        { "service-account selector that does not match", null, Labels(("team", "search")), false },
        { "empty service-account selector", null, LabelSelector.Everything, true },
        { "both, both match", DatabaseClients, PaymentsAccounts, true },
        { "both, only the pod selector matches", DatabaseClients, Labels(("team", "search")), false },
        { "both, only the service-account selector matches", Labels(("app", "web")), PaymentsAccounts, false },
        { "invalid pod selector", BrokenSelector, null, false },
        { "invalid service-account selector next to a matching pod selector", DatabaseClients, BrokenSelector, false },
        { "neither selector", null, null, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void APolicySelectsThePodOnlyWhenEverySelectorItHasMatches(string because, LabelSelector? pods, LabelSelector? accounts, bool selected)
    {
        var policy = new SecurityGroupPolicy("production", "sgp", pods, accounts, ["sg-1"]);

        var match = SecurityGroupPolicyEvaluator.Evaluate(policy, Pod);

        Assert.True(selected == match.Selected, because);
        Assert.Equal(pods is null ? null : pods.Problem() is null && pods.Matches(Pod.PodLabels), match.PodSelectorMatched);
        Assert.StartsWith(selected ? "Selected" : (pods ?? accounts) is null ? "Invalid" : "Not selected", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyWithoutGroupsIsInvalidAndSelectsNothing()
    {
        var match = SecurityGroupPolicyEvaluator.Evaluate(new SecurityGroupPolicy("production", "empty", DatabaseClients, null, []), Pod);

        Assert.False(match.Selected);
        Assert.Contains("groupIds is empty", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyPoliciesOfThePodsNamespaceCount()
    {
        var policies = new[]
        {
            new SecurityGroupPolicy("staging", "elsewhere", LabelSelector.Everything, null, ["sg-staging"]),
            new SecurityGroupPolicy("production", "here", DatabaseClients, null, ["sg-prod"]),
        };

        var evaluation = SecurityGroupPolicyEvaluator.Evaluate(policies, Pod);

        Assert.Equal("here", Assert.Single(evaluation.Matches).Policy.Name);
        Assert.Equal(["sg-prod"], evaluation.GroupIds);
    }

    [Fact]
    public void TheGroupsOfEverySelectingPolicyAreJoinedInOrderEachOnce()
    {
        var policies = new[]
        {
            new SecurityGroupPolicy("production", "by-labels", DatabaseClients, null, ["sg-a", "sg-b"]),
            new SecurityGroupPolicy("production", "not-me", Labels(("app", "web")), null, ["sg-web"]),
            new SecurityGroupPolicy("production", "by-account", null, PaymentsAccounts, ["sg-b", "sg-c"]),
        };

        var evaluation = SecurityGroupPolicyEvaluator.Evaluate(policies, Pod);

        Assert.Equal(["sg-a", "sg-b", "sg-c"], evaluation.GroupIds);
        Assert.Equal([true, false, true], evaluation.Matches.Select(m => m.Selected));
    }

    [Fact]
    public void NoSelectingPolicyMeansNoGroupsAndSoNoBranchEni()
    {
        var evaluation = SecurityGroupPolicyEvaluator.Evaluate([new SecurityGroupPolicy("production", "web", Labels(("app", "web")), null, ["sg-web"])], Pod);

        Assert.Empty(evaluation.GroupIds);
    }

    [Fact]
    public void TheReasonNamesTheSelectorAndTheServiceAccount()
    {
        var match = SecurityGroupPolicyEvaluator.Evaluate(new SecurityGroupPolicy("production", "both", DatabaseClients, Labels(("team", "search")), ["sg-1"]), Pod);

        Assert.Equal(
            "Not selected: pod labels match app=database-client; labels of service account 'payments-sa' do not match team=search.",
            match.Reason);
    }

    [Fact]
    public void TheReasonOfAnInvalidSelectorSaysWhatIsWrong()
    {
        var match = SecurityGroupPolicyEvaluator.Evaluate(new SecurityGroupPolicy("production", "broken", BrokenSelector, null, ["sg-1"]), Pod);

        Assert.Contains("needs at least one value", match.Reason, StringComparison.Ordinal);
    }

    private static LabelSelector Labels(params (string Key, string Value)[] labels) =>
        new(labels.ToDictionary(l => l.Key, l => l.Value), []);
}
