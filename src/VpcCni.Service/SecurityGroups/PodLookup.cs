using VpcCni.Engine.Kubernetes;

namespace VpcCni.Service.SecurityGroups;

/// <summary>What <see cref="BranchPodLookup"/> found.</summary>
/// <param name="Pod">The pod; null when it was not found.</param>
/// <param name="Missing">Why <paramref name="Pod"/> is null; null when it was found.</param>
internal sealed record PodLookup(KubernetesPodInfo? Pod, string? Missing);
