using Microsoft.Extensions.Options;

namespace VpcCni.Service.Cni;

/// <summary>
/// The data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> checks of
/// <see cref="CniConfigOptions"/>, generated at compile time so the Native AOT build needs no reflection over attributes
/// (the .NET docs, "Compile-time options validation").
/// </summary>
[OptionsValidator]
internal sealed partial class CniConfigOptionsValidator : IValidateOptions<CniConfigOptions>;
