using Microsoft.Extensions.Configuration;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Builds <see cref="VpcCniSettings"/> from the node's environment (upstream variable names, read
/// through <see cref="IConfiguration"/>) and the <c>kube-system/amazon-vpc-cni</c> ConfigMap's
/// <c>data</c>. Precedence: defaults &lt; ConfigMap &lt; environment. An empty value counts as unset.
/// </summary>
public static class VpcCniSettingsBinder
{
    /// <summary>Binds and throws <see cref="InvalidConfigurationException"/> listing every rejected value.</summary>
    public static ConfigurationBindResult Bind(IConfiguration environment, IReadOnlyDictionary<string, string>? configMap = null) =>
        Evaluate(environment, configMap).ThrowIfInvalid();

    /// <summary>Binds without throwing; inspect <see cref="ConfigurationBindResult.Errors"/>.</summary>
    public static ConfigurationBindResult Evaluate(IConfiguration environment, IReadOnlyDictionary<string, string>? configMap = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var raw = new Dictionary<string, ValueOrigin>(StringComparer.OrdinalIgnoreCase);
        var notices = new List<ConfigurationNotice>();
        var conflicts = new List<ConfigurationError>();
        bool? ipCooldownEnabled = null;
        if (configMap is not null)
        {
            ipCooldownEnabled = ReadConfigMap(configMap, raw, notices, conflicts);
        }

        ReadEnvironment(environment, raw, notices);
        ApplyIpCooldownSwitch(ipCooldownEnabled, raw, notices);

        var result = EvaluateRaw(raw, conflicts);
        AddIneffectiveNotices(result.Settings, raw, notices);
        return result with { Notices = notices };
    }

    /// <summary>
    /// Binds raw values whose origins are already known (a live reload mixes the new values of live
    /// variables with the running values of restart-only ones).
    /// </summary>
    internal static ConfigurationBindResult EvaluateRaw(IReadOnlyDictionary<string, ValueOrigin> raw, IReadOnlyList<ConfigurationError>? conflicts = null)
    {
        conflicts ??= [];
        var parser = new RawValueParser(raw);
        var settings = SettingsReader.Read(parser);
        parser.Unparsed.UnionWith(conflicts.Select(e => e.Variable));
        settings.Origins = raw;
        settings.Unparsed = parser.Unparsed;
        settings.ParseErrors = [.. conflicts, .. parser.Errors];

        var errors = settings.ParseErrors.Concat(VpcCniSettingsRules.Validate(settings))
            .OrderBy(e => CatalogIndex(e.Variable))
            .ToArray();
        return new ConfigurationBindResult(settings, errors, []);
    }

    /// <summary>Copies a bound result into an options instance created by the options factory.</summary>
    internal static void CopyInto(VpcCniSettings target, VpcCniSettings source)
    {
        target.Ipam = source.Ipam;
        target.Networking = source.Networking;
        target.CustomNetworking = source.CustomNetworking;
        target.Logging = source.Logging;
        target.Endpoints = source.Endpoints;
        target.Paths = source.Paths;
        target.Origins = source.Origins;
        target.Unparsed = source.Unparsed;
        target.ParseErrors = source.ParseErrors;
    }

    private static bool? ReadConfigMap(
        IReadOnlyDictionary<string, string> configMap,
        Dictionary<string, ValueOrigin> raw,
        List<ConfigurationNotice> notices,
        List<ConfigurationError> conflicts)
    {
        bool? ipCooldownEnabled = null;
        foreach (var (key, value) in configMap.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (ConfigurationVariables.TryGetByConfigMapKey(key, out var variable))
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                if (raw.TryGetValue(variable.Name, out var earlier) && earlier.RawValue != value)
                {
                    conflicts.Add(new ConfigurationError(variable.Name, ConfigurationSource.ConfigMap, key, value,
                        $"the same value as ConfigMap key '{earlier.ConfigMapKey}' ('{earlier.RawValue}'), since both set {variable.Name}"));
                }

                raw[variable.Name] = new ValueOrigin(ConfigurationSource.ConfigMap, key, value);
                AddDeprecationNotice(variable, key, ConfigurationSource.ConfigMap, notices);
            }
            else if (string.Equals(key, N.EnableIpCooldownKey, StringComparison.OrdinalIgnoreCase))
            {
                if (GoValueParser.TryParseBool(value, out var enabled))
                {
                    ipCooldownEnabled = enabled;
                }
                else
                {
                    conflicts.Add(new ConfigurationError(N.IpCooldownPeriod, ConfigurationSource.ConfigMap, key, value, GoValueParser.BoolForms));
                }
            }
            else if (ConfigurationVariables.NotUsedByNodeKeys.TryGetValue(key, out var owner))
            {
                notices.Add(new ConfigurationNotice(key, ConfigurationSource.ConfigMap, ConfigurationNoticeKind.NotUsedByNode,
                    $"ConfigMap key '{key}' is not used by the node ({owner})."));
            }
            else
            {
                notices.Add(new ConfigurationNotice(key, ConfigurationSource.ConfigMap, ConfigurationNoticeKind.UnknownKey, DescribeUnknownKey(key)));
            }
        }

        return ipCooldownEnabled;
    }

    private static void ReadEnvironment(IConfiguration environment, Dictionary<string, ValueOrigin> raw, List<ConfigurationNotice> notices)
    {
        foreach (var variable in ConfigurationVariables.All)
        {
            var value = environment[variable.Name];
            if (!string.IsNullOrEmpty(value))
            {
                raw[variable.Name] = new ValueOrigin(ConfigurationSource.Environment, null, value);
                AddDeprecationNotice(variable, variable.Name, ConfigurationSource.Environment, notices);
            }
        }

        // The environment holds everything (PATH, HOME…), so only our own prefix can be checked for typos.
        foreach (var child in environment.GetChildren())
        {
            if (child.Key.StartsWith("AWS_VPC_", StringComparison.OrdinalIgnoreCase) && !ConfigurationVariables.TryGetByName(child.Key, out _))
            {
                notices.Add(new ConfigurationNotice(child.Key, ConfigurationSource.Environment, ConfigurationNoticeKind.UnknownKey,
                    $"Environment variable '{child.Key}' looks like a VpcCni setting but is not one; check its spelling."));
            }
        }
    }

    /// <summary>
    /// The guide's <c>enable-ip-cooldown</c>: "false" means no cooldown; "true" keeps the period.
    /// A node-level IP_COOLDOWN_PERIOD still wins, as the environment always does.
    /// </summary>
    private static void ApplyIpCooldownSwitch(bool? enabled, Dictionary<string, ValueOrigin> raw, List<ConfigurationNotice> notices)
    {
        if (enabled != false)
        {
            return;
        }

        if (raw.TryGetValue(N.IpCooldownPeriod, out var period) && period.Source == ConfigurationSource.Environment)
        {
            notices.Add(new ConfigurationNotice(N.EnableIpCooldownKey, ConfigurationSource.ConfigMap, ConfigurationNoticeKind.Ineffective,
                $"ConfigMap key '{N.EnableIpCooldownKey}' is overridden by the node's IP_COOLDOWN_PERIOD={period.RawValue}."));
            return;
        }

        if (period.Source == ConfigurationSource.ConfigMap)
        {
            notices.Add(new ConfigurationNotice(period.ConfigMapKey!, ConfigurationSource.ConfigMap, ConfigurationNoticeKind.Ineffective,
                $"ConfigMap key '{period.ConfigMapKey}' has no effect because '{N.EnableIpCooldownKey}' is false."));
        }

        raw[N.IpCooldownPeriod] = new ValueOrigin(ConfigurationSource.ConfigMap, N.EnableIpCooldownKey, "0");
    }

    private static void AddIneffectiveNotices(VpcCniSettings s, Dictionary<string, ValueOrigin> raw, List<ConfigurationNotice> notices)
    {
        if (s.Ipam.WarmIpTargetsDefined && raw.TryGetValue(N.WarmEniTarget, out var eni))
        {
            notices.Add(new ConfigurationNotice(eni.ConfigMapKey ?? N.WarmEniTarget, eni.Source, ConfigurationNoticeKind.Ineffective,
                "WARM_ENI_TARGET is ignored because WARM_IP_TARGET or MINIMUM_IP_TARGET is above 0."));
        }

        if (s.Networking.ExternalSnat && raw.TryGetValue(N.ExcludeSnatCidrs, out var cidrs))
        {
            notices.Add(new ConfigurationNotice(cidrs.ConfigMapKey ?? N.ExcludeSnatCidrs, cidrs.Source, ConfigurationNoticeKind.Ineffective,
                "AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS is ignored because AWS_VPC_K8S_CNI_EXTERNALSNAT is true (no SNAT happens on the node)."));
        }
    }

    private static void AddDeprecationNotice(ConfigurationVariable variable, string key, ConfigurationSource source, List<ConfigurationNotice> notices)
    {
        if (variable.IsDeprecated)
        {
            notices.Add(new ConfigurationNotice(key, source, ConfigurationNoticeKind.Deprecated,
                $"{variable.Name} is deprecated and has no effect: the node detects the iptables mode and always sets rp_filter=2."));
        }
    }

    private static string DescribeUnknownKey(string key)
    {
        var normalized = ConfigurationVariable.ToConfigMapKey(key);
        return ConfigurationVariables.TryGetByConfigMapKey(normalized, out var match)
            ? $"ConfigMap key '{key}' is not recognised and is ignored; did you mean '{match.ConfigMapKey}'?"
            : $"ConfigMap key '{key}' is not recognised and is ignored.";
    }

    private static int CatalogIndex(string name)
    {
        for (var i = 0; i < ConfigurationVariables.All.Count; i++)
        {
            if (string.Equals(ConfigurationVariables.All[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
