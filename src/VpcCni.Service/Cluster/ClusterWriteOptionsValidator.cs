using Microsoft.Extensions.Options;

namespace VpcCni.Service.Cluster;

/// <summary>
/// The checks of <see cref="ClusterWriteOptions"/>, generated at compile time so the Native AOT build
/// needs no reflection over attributes (the .NET docs, "Compile-time options validation").
/// </summary>
[OptionsValidator]
internal sealed partial class ClusterWriteOptionsValidator : IValidateOptions<ClusterWriteOptions>;
