using Microsoft.Extensions.Options;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Options-pattern validation of <see cref="VpcCniSettings"/>: replays the binder's parse errors and
/// runs the same range and cross-field rules, so <c>ValidateOnStart()</c> reports the same messages.
/// </summary>
public sealed class VpcCniSettingsValidator : IValidateOptions<VpcCniSettings>
{
    /// <summary>Every error of <paramref name="settings"/>, parse errors first.</summary>
    public static IReadOnlyList<ConfigurationError> GetErrors(VpcCniSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.ParseErrors, .. VpcCniSettingsRules.Validate(settings)];
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, VpcCniSettings options)
    {
        var errors = GetErrors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.Message));
    }
}
