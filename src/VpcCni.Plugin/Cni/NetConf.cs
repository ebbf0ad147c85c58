using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;

namespace VpcCni.Plugin.Cni;

/// <summary>The validated network configuration (docs/plugin.md, "Configuration").</summary>
/// <param name="CniVersion">A version the plugin speaks.</param>
/// <param name="Name">The network name, part of every allocation's key.</param>
/// <param name="VethPrefix">Host veth prefix, 1–4 characters.</param>
/// <param name="Mtu">The pod MTU as configured; the wiring uses 9001 outside 576–9001.</param>
/// <param name="PodSgMode">How branch-ENI pods are routed.</param>
/// <param name="LogFile">The log file, or <see cref="StderrLog"/>.</param>
/// <param name="LogLevel">The lowest level logged.</param>
/// <param name="IpamSocket">The node service's socket.</param>
/// <param name="NetworkPolicySocket">The network-policy agent's socket.</param>
/// <param name="IntrospectionAddress">The service's introspection listener, which GC lists allocations from.</param>
/// <param name="PodAnnotations">The pod's annotations from runtimeConfig.</param>
/// <param name="PrevResult">The previous ADD's result (DEL, CHECK).</param>
/// <param name="Attachments">GC's still-valid attachments, if given.</param>
public sealed record NetConf(
    string CniVersion,
    string Name,
    string VethPrefix,
    int Mtu,
    PodSecurityGroupEnforcingMode PodSgMode,
    string LogFile,
    LogLevel LogLevel,
    string IpamSocket,
    string NetworkPolicySocket,
    string IntrospectionAddress,
    IReadOnlyDictionary<string, string> PodAnnotations,
    CniResult? PrevResult,
    IReadOnlyList<GcAttachment>? Attachments)
{
    public const string StderrLog = "stderr";
    public const string DefaultLogFile = "/var/log/aws-routed-eni/plugin.log";
    public const string DefaultNetworkPolicySocket = "/var/run/aws-node/npa.sock";

    /// <summary>The service's introspection default (<c>INTROSPECTION_BIND_ADDRESS</c>, docs/service.md "Introspection").</summary>
    public const string DefaultIntrospectionAddress = "127.0.0.1:61679";

    /// <summary>The annotation and value that ask for one address per network card (upstream <c>multiNICPodAnnotation</c>).</summary>
    public bool RequiresMultiNicAttachment =>
        PodAnnotations.TryGetValue("k8s.amazonaws.com/nicConfig", out var value) && value == "multi-nic-attachment";
}
