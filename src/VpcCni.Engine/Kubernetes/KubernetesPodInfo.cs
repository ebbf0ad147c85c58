namespace VpcCni.Engine.Kubernetes;

/// <summary>A pod scheduled on this node, as the API server has it.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Uid">Its <c>metadata.uid</c>.</param>
/// <param name="Labels">Its labels (SecurityGroupPolicy selectors match them).</param>
/// <param name="Annotations">Its annotations (<c>vpc.amazonaws.com/pod-eni</c> for branch ENIs).</param>
/// <param name="PodIp">Its <c>status.podIP</c>, when reported.</param>
public sealed record KubernetesPodInfo(
    string Namespace,
    string Name,
    string Uid,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string? PodIp);
