using VpcCni.Engine.Errors;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// The pod identity in CNI_ARGS: <c>;</c>-separated <c>K=V</c> pairs (CNI spec, "Parameters"). As
/// containernetworking/cni pkg/types <c>LoadArgs</c> does, a pair without exactly one <c>=</c> is an
/// error, and so is a key the plugin does not know unless <c>IgnoreUnknown</c> is true (the runtimes
/// Kubernetes uses always send <c>IgnoreUnknown=1</c>).
/// </summary>
public sealed record KubernetesArgs(string PodName, string PodNamespace, string InfraContainerId, string PodUid)
{
    public static KubernetesArgs Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty);

    public bool HasPod => PodName.Length > 0 && PodNamespace.Length > 0;

    public static KubernetesArgs Parse(string cniArgs)
    {
        if (string.IsNullOrEmpty(cniArgs))
        {
            return Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var pair in cniArgs.Split(';'))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2)
            {
                throw Invalid($"CNI_ARGS has an invalid pair '{pair}': each must be KEY=VALUE.");
            }

            pairs.Add((kv[0], kv[1]));
        }

        var ignoreUnknown = pairs.Where(p => p.Key == "IgnoreUnknown").Select(p => ParseBool(p.Value)).LastOrDefault();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            switch (key)
            {
                case "K8S_POD_NAME" or "K8S_POD_NAMESPACE" or "K8S_POD_INFRA_CONTAINER_ID" or "K8S_POD_UID":
                    values[key] = value;
                    break;
                case "IgnoreUnknown":
                    break;
                default:
                    if (!ignoreUnknown)
                    {
                        throw Invalid($"CNI_ARGS names the unknown key '{key}' and IgnoreUnknown is not set.");
                    }

                    break;
            }
        }

        string Get(string key) => values.TryGetValue(key, out var v) ? v : string.Empty;
        return new KubernetesArgs(Get("K8S_POD_NAME"), Get("K8S_POD_NAMESPACE"), Get("K8S_POD_INFRA_CONTAINER_ID"), Get("K8S_POD_UID"));
    }

    /// <summary>Go's boolean text (<c>strconv.ParseBool</c>), as pkg/types <c>UnmarshallableBool</c> reads it.</summary>
    private static bool ParseBool(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw Invalid($"CNI_ARGS IgnoreUnknown='{value}' is not a boolean."),
    };

    private static CniException Invalid(string message) => new(CniErrorCodes.InvalidEnvironment, ErrorIds.Plugin.InvalidCniArgs, message);
}
