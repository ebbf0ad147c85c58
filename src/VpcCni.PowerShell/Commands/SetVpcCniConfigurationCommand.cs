using System.Collections;
using System.Globalization;
using System.Management.Automation;
using VpcCni.Engine.NodeSettings;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Changes a node's other settings in its env file, or every node's in the cluster's ConfigMap with
/// -Cluster: typed parameters for the common ones, -Variable for any catalogued variable, -Unset to
/// remove some. Only the parameters given change; restart-only variables are written and reported with
/// a warning (docs/configuration.md, column "live").
/// </summary>
[Cmdlet(VerbsCommon.Set, "VpcCniConfiguration", SupportsShouldProcess = true, DefaultParameterSetName = FileSet)]
[OutputType(typeof(EnvFileChange))]
public sealed class SetVpcCniConfigurationCommand : VpcCniEnvFileCmdlet
{
    private const string FileSet = "File";
    private const string ClusterSet = "Cluster";

    /// <summary>The node's env file (vpc-cni-node run --config).</summary>
    [Parameter(ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public override string EnvironmentFile { get; set; } = EnvFileEditor.DefaultPath;

    /// <summary>Change the cluster's kube-system/amazon-vpc-cni ConfigMap, which every node reads, instead of an env file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClusterSet)]
    public override SwitchParameter Cluster { get; set; }

    /// <summary>The kubeconfig for -Cluster; kubectl's default (KUBECONFIG, ~/.kube/config) when omitted or null.</summary>
    [Parameter(ParameterSetName = ClusterSet, ValueFromPipelineByPropertyName = true)]
    public override string? Kubeconfig { get; set; }

    /// <summary>A context of the kubeconfig other than its current one.</summary>
    [Parameter(ParameterSetName = ClusterSet)]
    [ArgumentCompleter(typeof(KubeContextCompleter))]
    [ValidateNotNullOrEmpty]
    public override string? Context { get; set; }

    /// <summary>ENABLE_PREFIX_DELEGATION.</summary>
    [Parameter]
    public bool? EnablePrefixDelegation { get; set; }

    /// <summary>AWS_VPC_K8S_CNI_EXTERNALSNAT: no SNAT on the node.</summary>
    [Parameter]
    public bool? ExternalSnat { get; set; }

    /// <summary>AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS: destinations pods reach without SNAT.</summary>
    [Parameter]
    public string[]? ExcludeSnatCidr { get; set; }

    /// <summary>AWS_VPC_K8S_CNI_RANDOMIZESNAT.</summary>
    [Parameter]
    [ValidateSet("none", "hashrandom", "prng")]
    public string? RandomizeSnat { get; set; }

    /// <summary>AWS_VPC_ENI_MTU.</summary>
    [Parameter]
    [AllowNull]
    public int? Mtu { get; set; }

    /// <summary>POD_MTU (AWS_VPC_ENI_MTU when unset).</summary>
    [Parameter]
    [AllowNull]
    public int? PodMtu { get; set; }

    /// <summary>AWS_VPC_K8S_CNI_VETHPREFIX.</summary>
    [Parameter]
    public string? VethPrefix { get; set; }

    /// <summary>AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: pods on the subnets of an ENIConfig.</summary>
    [Parameter]
    public bool? CustomNetworking { get; set; }

    /// <summary>ENI_CONFIG_LABEL_DEF: the node label naming its ENIConfig.</summary>
    [Parameter]
    public string? EniConfigLabelDef { get; set; }

    /// <summary>ENI_CONFIG_ANNOTATION_DEF: the node annotation naming its ENIConfig.</summary>
    [Parameter]
    public string? EniConfigAnnotationDef { get; set; }

    /// <summary>ENABLE_POD_ENI: security groups for pods (branch ENIs).</summary>
    [Parameter]
    public bool? EnablePodEni { get; set; }

    /// <summary>POD_SECURITY_GROUP_ENFORCING_MODE.</summary>
    [Parameter]
    [ValidateSet("strict", "standard")]
    public string? PodSecurityGroupEnforcingMode { get; set; }

    /// <summary>AWS_VPC_K8S_CNI_LOGLEVEL (applies live).</summary>
    [Parameter]
    [ValidateSet("debug", "info", "warn", "error", "fatal")]
    public string? LogLevel { get; set; }

    /// <summary>AWS_VPC_K8S_CNI_LOG_FILE: stdout, stderr or an absolute path.</summary>
    [Parameter]
    public string? LogFile { get; set; }

    /// <summary>Any catalogued variable by name, e.g. @{ AWS_VPC_K8S_CNI_CONNMARK = '0x80' }; $null or '' unsets.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConfigurationVariableCompleter))]
    public Hashtable? Variable { get; set; }

    /// <summary>Variables to remove from the file (so the ConfigMap or the default applies), or from the ConfigMap with -Cluster.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ConfigurationVariableCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Unset { get; set; }

    protected override void ProcessRecord()
    {
        var changes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, variable, value) in new (string, string, object?)[]
        {
            (nameof(EnablePrefixDelegation), N.EnablePrefixDelegation, EnablePrefixDelegation),
            (nameof(ExternalSnat), N.ExternalSnat, ExternalSnat),
            (nameof(ExcludeSnatCidr), N.ExcludeSnatCidrs, ExcludeSnatCidr is null ? null : string.Join(',', ExcludeSnatCidr)),
            (nameof(RandomizeSnat), N.RandomizeSnat, RandomizeSnat),
            (nameof(Mtu), N.EniMtu, Mtu),
            (nameof(PodMtu), N.PodMtu, PodMtu),
            (nameof(VethPrefix), N.VethPrefix, VethPrefix),
            (nameof(CustomNetworking), N.CustomNetworkConfig, CustomNetworking),
            (nameof(EniConfigLabelDef), N.EniConfigLabelDef, EniConfigLabelDef),
            (nameof(EniConfigAnnotationDef), N.EniConfigAnnotationDef, EniConfigAnnotationDef),
            (nameof(EnablePodEni), N.EnablePodEni, EnablePodEni),
            (nameof(PodSecurityGroupEnforcingMode), N.PodSecurityGroupEnforcingMode, PodSecurityGroupEnforcingMode),
            (nameof(LogLevel), N.LogLevel, LogLevel),
            (nameof(LogFile), N.LogFile, LogFile),
        })
        {
            if (IsBound(parameter))
            {
                changes[variable] = Text(value);
            }
        }

        foreach (DictionaryEntry entry in Variable ?? new Hashtable())
        {
            changes[entry.Key.ToString() ?? string.Empty] = Text(entry.Value);
        }

        foreach (var name in Unset ?? [])
        {
            changes[name] = null;
        }

        if (Edit(changes) is { } change && PassThru)
        {
            WriteObject(change);
        }
    }

    /// <summary>A parameter's value as the variable is written: booleans as true/false, numbers invariant.</summary>
    private static string? Text(object? value) => (value is PSObject ps ? ps.BaseObject : value) switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString(),
    };
}
