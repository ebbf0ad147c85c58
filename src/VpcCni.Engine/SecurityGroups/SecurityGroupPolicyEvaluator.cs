namespace VpcCni.Engine.SecurityGroups;

/// <summary>
/// Which SecurityGroupPolicies select a pod, as the VPC resource controller decides when it gives the
/// pod a branch ENI (upstream amazon-vpc-resource-controller-k8s <c>pkg/utils/helper.go</c>,
/// <c>filterPodSecurityGroups</c>): only policies of the pod's namespace count; a policy with neither
/// selector, or without groups, is invalid and skipped; a present selector must match (both when both
/// are present); an absent one is not consulted; the groups of all selecting policies are joined in
/// order with duplicates dropped. docs/security-groups-for-pods.md.
/// </summary>
public static class SecurityGroupPolicyEvaluator
{
    /// <summary>Evaluates <paramref name="policies"/> for <paramref name="subject"/>.</summary>
    public static SecurityGroupPolicyEvaluation Evaluate(IEnumerable<SecurityGroupPolicy> policies, SecurityGroupPolicySubject subject)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(subject);
        var matches = policies.Where(p => p.Namespace == subject.Namespace).Select(p => Evaluate(p, subject)).ToList();
        var groups = matches.Where(m => m.Selected).SelectMany(m => m.Policy.GroupIds).Distinct(StringComparer.Ordinal).ToList();
        return new SecurityGroupPolicyEvaluation(subject, matches, groups);
    }

    /// <summary>One policy's verdict for <paramref name="subject"/> (the namespace is not checked here).</summary>
    public static SecurityGroupPolicyMatch Evaluate(SecurityGroupPolicy policy, SecurityGroupPolicySubject subject)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(subject);
        if (policy.PodSelector is null && policy.ServiceAccountSelector is null)
        {
            return new(subject, policy, false, null, null, "Invalid policy: it has neither podSelector nor serviceAccountSelector, so it selects no pod.");
        }

        if (policy.GroupIds.Count == 0)
        {
            return new(subject, policy, false, null, null, "Invalid policy: spec.securityGroups.groupIds is empty, so it selects no pod.");
        }

        var podMatched = policy.PodSelector?.Matches(subject.PodLabels);
        var accountMatched = policy.ServiceAccountSelector?.Matches(subject.ServiceAccountLabels);
        var selected = podMatched != false && accountMatched != false;
        var reasons = new List<string>(2);
        if (policy.PodSelector is { } pods)
        {
            reasons.Add(Describe("pod labels", pods, podMatched == true));
        }

        if (policy.ServiceAccountSelector is { } accounts)
        {
            var account = subject.ServiceAccountFound ? $"service account '{subject.ServiceAccountName}'" : $"service account '{subject.ServiceAccountName}' (not found: no labels)";
            reasons.Add(Describe($"labels of {account}", accounts, accountMatched == true));
        }

        var verdict = selected ? "Selected" : "Not selected";
        return new(subject, policy, selected, podMatched, accountMatched, $"{verdict}: {string.Join("; ", reasons)}.");
    }

    private static string Describe(string what, LabelSelector selector, bool matched)
    {
        if (selector.Problem() is { } problem)
        {
            return $"the selector on {what} is invalid ({problem}) and selects nothing";
        }

        return $"{what} {(matched ? "match" : "do not match")} {selector}";
    }
}
