using System.Text;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// One configuration variable: its upstream environment name, its ConfigMap key(s), the accepted
/// range (the text error messages quote), the default, and whether a change applies without a restart.
/// </summary>
/// <param name="Name">The upstream environment-variable name.</param>
/// <param name="Expected">The accepted range or format, as quoted in error messages.</param>
/// <param name="DefaultValue">The default as text (empty when the default is "unset").</param>
/// <param name="AppliesLive">True when the node service applies a changed value without a restart.</param>
/// <param name="IsDeprecated">True for retired variables that are validated and then ignored.</param>
/// <param name="AliasKey">A second ConfigMap key that the EKS guide uses for the same variable.</param>
public sealed record ConfigurationVariable(
    string Name,
    string Expected,
    string DefaultValue,
    bool AppliesLive = false,
    bool IsDeprecated = false,
    string? AliasKey = null)
{
    /// <summary>
    /// The ConfigMap key: the name lower-cased with underscores turned into hyphens
    /// (<c>WARM_IP_TARGET</c> → <c>warm-ip-target</c>).
    /// </summary>
    public string ConfigMapKey { get; } = ToConfigMapKey(Name);

    /// <summary>Every ConfigMap key that sets this variable.</summary>
    public IEnumerable<string> ConfigMapKeys => AliasKey is null ? [ConfigMapKey] : [ConfigMapKey, AliasKey];

    /// <summary>Applies the general naming rule: ASCII lower case, <c>_</c> → <c>-</c>.</summary>
    public static string ToConfigMapKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            key.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }

        return key.ToString();
    }
}
