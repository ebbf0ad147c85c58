using Microsoft.Extensions.Options;

namespace VpcCni.Service.CustomNetworking;

/// <summary>
/// The data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> checks of
/// <see cref="LocalEniConfigOptions"/>, generated at compile time so the Native AOT build needs no reflection over attributes
/// (the .NET docs, "Compile-time options validation").
/// </summary>
[OptionsValidator]
internal sealed partial class LocalEniConfigOptionsValidator : IValidateOptions<LocalEniConfigOptions>;
