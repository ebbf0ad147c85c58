namespace VpcCni.Engine.SecurityGroups;

/// <summary>One policy's verdict for one pod, and why.</summary>
/// <param name="Subject">The pod.</param>
/// <param name="Policy">The policy.</param>
/// <param name="Selected">True when the pod gets the policy's groups.</param>
/// <param name="PodSelectorMatched">The pod selector's verdict; null when the policy has none.</param>
/// <param name="ServiceAccountSelectorMatched">The service-account selector's verdict; null when the policy has none.</param>
/// <param name="Reason">One sentence: what matched, or why the policy does not apply.</param>
public sealed record SecurityGroupPolicyMatch(
    SecurityGroupPolicySubject Subject,
    SecurityGroupPolicy Policy,
    bool Selected,
    bool? PodSelectorMatched,
    bool? ServiceAccountSelectorMatched,
    string Reason);
