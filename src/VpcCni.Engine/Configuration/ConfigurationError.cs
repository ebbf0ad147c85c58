using System.Globalization;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// One rejected configuration value: the variable (upstream environment name), where it came
/// from (with the ConfigMap key when it came from the ConfigMap), the rejected text and what
/// would have been accepted.
/// </summary>
/// <param name="Variable">The upstream environment-variable name, e.g. <c>WARM_IP_TARGET</c>.</param>
/// <param name="Source">Where the rejected value came from.</param>
/// <param name="ConfigMapKey">The ConfigMap key when <paramref name="Source"/> is the ConfigMap; otherwise null.</param>
/// <param name="RejectedValue">The value as written, or a description of the conflicting combination.</param>
/// <param name="Expected">The accepted range or format.</param>
public sealed record ConfigurationError(
    string Variable,
    ConfigurationSource Source,
    string? ConfigMapKey,
    string RejectedValue,
    string Expected)
{
    /// <summary>A complete sentence naming the variable, its origin, the rejected value and the accepted range.</summary>
    public string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"{Variable}{DescribeOrigin()}: '{RejectedValue}' is not accepted; expected {Expected}.");

    /// <inheritdoc />
    public override string ToString() => Message;

    private string DescribeOrigin() => Source switch
    {
        ConfigurationSource.ConfigMap => $" (ConfigMap key '{ConfigMapKey}')",
        ConfigurationSource.Environment => " (environment)",
        _ => " (default)",
    };
}
