using Microsoft.Extensions.Options;
using VpcCni.Engine.Kubernetes;

namespace VpcCni.Service.Kubernetes;

/// <summary>The checks of <see cref="KubernetesViewOptions"/>, generated at compile time (the .NET docs, "Compile-time options validation").</summary>
[OptionsValidator]
internal sealed partial class KubernetesViewOptionsValidator : IValidateOptions<KubernetesViewOptions>;
