using Microsoft.Extensions.Options;

namespace VpcCni.Service.Kubernetes;

/// <summary>
/// The checks of <see cref="KubernetesApiOptions"/>, generated at compile time so the Native AOT build
/// needs no reflection over attributes (the .NET docs, "Compile-time options validation").
/// </summary>
[OptionsValidator]
internal sealed partial class KubernetesApiOptionsValidator : IValidateOptions<KubernetesApiOptions>;
