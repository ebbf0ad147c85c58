namespace VpcCni.Engine.SecurityGroups;

/// <summary>Every policy's verdict for one pod and the groups its branch ENI gets.</summary>
/// <param name="Subject">The pod evaluated.</param>
/// <param name="Matches">One verdict per policy of the pod's namespace, in the order given.</param>
/// <param name="GroupIds">The groups of the selecting policies in that order, each once; empty means no branch ENI.</param>
public sealed record SecurityGroupPolicyEvaluation(
    SecurityGroupPolicySubject Subject,
    IReadOnlyList<SecurityGroupPolicyMatch> Matches,
    IReadOnlyList<string> GroupIds);
