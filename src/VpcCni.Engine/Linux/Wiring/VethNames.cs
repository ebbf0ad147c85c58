using System.Text;

namespace VpcCni.Engine.Linux.Wiring;

/// <summary>
/// Host-side veth names, byte-compatible with upstream so DEL works across versions
/// (upstream <c>pkg/networkutils/names.go</c> <c>GeneratePodHostVethName</c>): prefix + the first 11 hex digits of sha1("&lt;namespace&gt;.&lt;pod&gt;"),
/// with the pod name suffixed ".&lt;i&gt;" for the i-th interface (i &gt; 0).
/// </summary>
public static class VethNames
{
    /// <summary>The default prefix (<c>AWS_VPC_K8S_CNI_VETHPREFIX</c>).</summary>
    public const string DefaultPrefix = "eni";

    /// <summary>The prefix of SGP strict-mode pods.</summary>
    public const string StrictBranchPrefix = "vlan";

    public static string HostVeth(string prefix, string podNamespace, string podName, int interfaceIndex = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(podNamespace);
        ArgumentException.ThrowIfNullOrEmpty(podName);
        ArgumentOutOfRangeException.ThrowIfNegative(interfaceIndex);
        if (prefix.Length > 4)
        {
            throw new ArgumentException($"Veth prefix '{prefix}' is too long: at most 4 characters, so that prefix + 11 hex digits fit IFNAMSIZ (15).", nameof(prefix));
        }

        var pod = interfaceIndex == 0 ? podName : $"{podName}.{interfaceIndex}";
        return prefix + Suffix(podNamespace, pod);
    }

    /// <summary>
    /// The name of the "dummy" entry upstream's plugin adds to its ADD result to tear down without the
    /// service (upstream <c>cmd/routed-eni-cni-plugin/cni.go</c> <c>dummyInterfacePrefix</c>): <c>dummy</c> plus
    /// the same 11 hex digits. No link has this name, so it may exceed IFNAMSIZ.
    /// </summary>
    public static string DummyInterface(string podNamespace, string podName)
    {
        ArgumentNullException.ThrowIfNull(podNamespace);
        ArgumentException.ThrowIfNullOrEmpty(podName);
        return "dummy" + Suffix(podNamespace, podName);
    }

    private static string Suffix(string podNamespace, string pod)
    {
        // Not security: the name must match upstream's sha1-derived veth names byte for byte.
        var digest = Sha1Digest.HashData(Encoding.UTF8.GetBytes($"{podNamespace}.{pod}"));
        return Convert.ToHexStringLower(digest)[..11];
    }

    /// <summary>The pod-side interface name: the runtime's (eth0) for index 0, <c>mNicIf&lt;i&gt;</c> otherwise.</summary>
    public static string ContainerInterface(string runtimeName, int interfaceIndex) =>
        interfaceIndex == 0 ? runtimeName : $"mNicIf{interfaceIndex}";
}
